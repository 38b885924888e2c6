"""Whole-page directives read from a revision's text.

- ``[[redirect:Namespace/Name]]`` as the whole text makes the page an alias of another;
- ``%%title: Display Title`` on one of the first lines sets the page's display title
  (``%%`` is a markup comment, so the line shows nothing).
"""

from __future__ import annotations

import re

_REDIRECT = re.compile(r"^\s*\[\[redirect:\s*([^\]\n]{1,300}?)\s*\]\]\s*$", re.IGNORECASE)
_TITLE = re.compile(r"^%%\s*title:\s*(.{1,300}?)\s*$", re.IGNORECASE | re.MULTILINE)
HEADER_LINES = 5


def redirect_address(text: str) -> str | None:
    """The ``Namespace/Name`` a redirect page points at, or None for an ordinary page."""
    match = _REDIRECT.match(text)
    return match.group(1) if match else None


def display_title(text: str) -> str | None:
    """The ``%%title:`` of the page, if one of its first lines sets it."""
    head = "\n".join(text.lstrip("\n").split("\n", HEADER_LINES)[:HEADER_LINES])
    match = _TITLE.search(head)
    return match.group(1) if match else None


def redirect_text(address: str) -> str:
    return f"[[redirect:{address}]]"
