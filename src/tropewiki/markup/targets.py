"""Link targets and the resolver interface that decides where they point and whether they exist.

The renderer collects every :class:`Target` of a document (``Document.targets``) and calls
``resolver.resolve_many`` exactly once, so a wiki can answer with a single database query.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Protocol

from tropewiki.markup.titles import spaced_titles

__all__ = ["DefaultResolver", "Resolved", "Resolver", "Target", "default_url"]


@dataclass(frozen=True, slots=True)
class Target:
    """Where a wiki link points.

    ``namespace`` is ``"Main"`` for a bare WikiWord and as written otherwise (``"Film"``);
    ``name`` is the CamelCase page name (``"TheLionKing1994"``); ``anchor`` is the part after
    ``#`` without the ``#`` (``""`` when absent).
    """

    namespace: str
    name: str
    anchor: str = ""


@dataclass(frozen=True, slots=True)
class Resolved:
    """A resolver's answer for one target.

    ``url`` is the href to use; ``exists`` False renders the link red (``class="wikilink new"``);
    ``title`` is the text shown when a link has no custom text (bare WikiWords).
    """

    url: str
    exists: bool
    title: str


class Resolver(Protocol):
    """Answers for all the targets of one document at once."""

    def resolve_many(self, targets: Collection[Target]) -> Mapping[Target, Resolved]:
        """Map each target to its :class:`Resolved`; targets left out are rendered red."""
        ...


def default_url(target: Target) -> str:
    """``/{namespace}/{name}`` plus ``#anchor`` when there is one."""
    url = f"/{target.namespace}/{target.name}"
    return f"{url}#{target.anchor}" if target.anchor else url


class DefaultResolver:
    """Treats every page as existing, at :func:`default_url`, titled by :func:`spaced_title`."""

    def resolve_many(self, targets: Collection[Target]) -> Mapping[Target, Resolved]:
        """Resolve every target without looking anything up."""
        targets = list(targets)
        titles = spaced_titles([t.name for t in targets])
        return {
            t: Resolved(default_url(t), True, title)
            for t, title in zip(targets, titles, strict=True)
        }
