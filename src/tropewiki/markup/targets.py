"""Link targets and the resolver interface that decides where they point and whether they exist.

The renderer collects every :class:`Target` of a document (``Document.targets``) and calls
``resolver.resolve_many`` exactly once, so a wiki can answer with a single database query.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Protocol

from tropewiki.markup.titles import spaced_title

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

    __slots__ = ("_answers",)

    #: Answers kept between documents (targets recur from page to page).
    MAX_KEPT = 1 << 16

    def __init__(self) -> None:
        # By target identity (the parser interns targets); each entry holds its target, so
        # an id is never reused while its entry exists.
        self._answers: dict[int, tuple[Target, Resolved]] = {}

    def resolve_many(self, targets: Collection[Target]) -> Mapping[Target, Resolved]:
        """Resolve every target without looking anything up."""
        answers = self._answers
        resolved: dict[Target, Resolved] = {}
        for target in targets:
            kept = answers.get(id(target))
            if kept is None or kept[0] is not target:
                if len(answers) >= self.MAX_KEPT:
                    answers.clear()
                answer = Resolved(default_url(target), True, spaced_title(target.name))
                kept = answers[id(target)] = (target, answer)
            resolved[target] = kept[1]
        return resolved
