"""Page addresses: parsing ``Namespace/Name``, ``Namespace.Name`` and bare names, lookup keys.

Lookup is case- and space-insensitive: ``main/alpha bitch``, ``Main.AlphaBitch`` and
``AlphaBitch`` all address ``Main/AlphaBitch``. A name typed with spaces is turned into its
WikiWord (each word capitalised, spaces dropped).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from tropewiki.markup.titles import spaced_title

MAX_NAME_LENGTH = 200
_NAME_CHARS = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 _'\-]*$")
_SEPARATOR = re.compile(r"[/.]")


class BadTitle(ValueError):
    """The text cannot name a page; the message says why, in words for the user."""


@dataclass(frozen=True, slots=True)
class Title:
    namespace: str
    name: str

    @property
    def path(self) -> str:
        return f"{self.namespace}/{self.name}"

    @property
    def key(self) -> str:
        return page_key(self.namespace, self.name)

    def __str__(self) -> str:
        return self.path


@functools.lru_cache(maxsize=65536)
def page_key(namespace: str, name: str) -> str:
    """The unique lookup key of a page: lower case, no spaces or underscores."""
    return f"{namespace.lower()}/{_squash(name)}"


def _squash(name: str) -> str:
    return re.sub(r"[\s_]+", "", name).lower()


def normalise_name(raw: str) -> str:
    """``alpha bitch`` → ``AlphaBitch``; a WikiWord is kept as written."""
    raw = raw.strip().replace("_", " ")
    if not raw:
        raise BadTitle("A page needs a name.")
    if len(raw) > MAX_NAME_LENGTH:
        raise BadTitle(f"Page names are at most {MAX_NAME_LENGTH} characters.")
    if not _NAME_CHARS.match(raw):
        raise BadTitle(
            f"{raw!r} cannot be a page name: use letters, digits, spaces, hyphens and apostrophes."
        )
    if " " not in raw:
        return raw[0].upper() + raw[1:]
    return "".join(word[0].upper() + word[1:] for word in raw.split() if word)


def split_address(text: str) -> tuple[str | None, str]:
    """Split ``Film/TheMatrix`` / ``Film.TheMatrix`` / ``TheMatrix`` into (namespace, name)."""
    text = text.strip().strip("/")
    parts = _SEPARATOR.split(text, maxsplit=1)
    if len(parts) == 2 and parts[0] and parts[1]:
        return parts[0], parts[1]
    return None, text


def display_title(name: str) -> str:
    """The title shown for a page whose title was not set: its WikiWord spaced out."""
    return spaced_title(name)
