"""``Previous | Index | Next`` bars: reading glued rows, and the index pages they imply.

A plain-text scrape loses the cell borders: ``AccelerandoArthur C. Clarke AwardBlack Man``.
:func:`split_row` finds the two places where one title ends and the next begins, preferring a
middle part that is a known index and outer parts that are known pages, and never cutting
through initials or an acronym (``N.E.R.D.S.``, ``NeXT``).

Every bar says "this page sits between *previous* and *next* in *index*". For an index the
wiki lacks, the importer writes a minimal index page listing the members the bars named, in
their order (:func:`merge_members`, :func:`index_page_text`); the page says so and is merged
again on later imports. An index page that exists and was not generated is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from tropewiki.io.markup_writer import link_markup
from tropewiki.io.pages import Ref
from tropewiki.io.text import url_for
from tropewiki.knowledge.scan import scan_text
from tropewiki.markup.titles import spaced_title
from tropewiki.wiki.titles import page_key

__all__ = ["INDEX_MARKER", "index_page_text", "member_keys", "merge_members", "split_row"]

INDEX_MARKER = "%% tropewiki-import: index from bars"
_MEMBER = re.compile(r"^\* (.+)$")
_PREV_OK = re.compile(r"[a-z0-9.!?)\]\"']")


def split_row(row: str, known: Callable[[str], int]) -> tuple[str, str, str] | None:
    """``(previous, index, next)`` titles of a glued bar row, or None if it is no bar.

    ``known(title)`` scores a title: 2 for a known index, 1 for a known page, 0 otherwise.
    """
    row = row.strip()
    cuts = [i for i in range(1, len(row) - 1) if _cut_here(row, i)]
    best: tuple[int, int, int] | None = None
    for a in cuts:
        for b in cuts:
            if b <= a + 1:
                continue
            parts = (row[:a], row[a:b], row[b:])
            score = 4 * (known(parts[1]) == 2) + (known(parts[0]) > 0) + (known(parts[2]) > 0)
            score -= sum(_suspicious(row, cut) for cut in (a, b))
            if best is None or score > best[0]:
                best = (score, a, b)
    if best is None:
        return None
    _, a, b = best
    return row[:a].strip(), row[a:b].strip(), row[b:].strip()


def _cut_here(row: str, i: int) -> bool:
    """Whether a title may end before ``row[i]``: a capital or digit glued to what precedes."""
    char, before, after = row[i], row[i - 1], row[i + 1 : i + 2]
    if not (char.isupper() or char.isdigit()) or not _PREV_OK.match(before):
        return False
    if char.isdigit() and before.isdigit():
        return False
    return not (after == "." or after.isupper())  # initials (C. Clarke), acronyms (NeXT)


def _suspicious(row: str, i: int) -> int:
    """Cuts that are likely inside a name: ``Mc|Donald``, ``Mac|Beth``, after a digit."""
    head = row[max(0, i - 3) : i]
    return int(head.endswith(("Mc", "Mac", "O'", "De", "Le")) or row[i - 1].isdigit())


def merge_members(members: list[tuple[str, str]], bar: tuple[Ref | None, Ref, Ref | None]):
    """Place ``previous, page, next`` of one bar in an index's member list (key, line)."""
    previous, page, following = bar
    keys = [key for key, _ in members]

    def entry(ref: Ref) -> tuple[str, str]:
        return page_key(ref.namespace, ref.name), "* " + link_markup(
            ref.namespace, ref.name, ref.title or None
        )

    here = entry(page)
    if here[0] not in keys:
        if previous is not None and entry(previous)[0] in keys:
            members.insert(keys.index(entry(previous)[0]) + 1, here)
        elif following is not None and entry(following)[0] in keys:
            members.insert(keys.index(entry(following)[0]), here)
        else:
            members.append(here)
        keys = [key for key, _ in members]
    at = keys.index(here[0])
    if previous is not None and entry(previous)[0] not in keys:
        members.insert(at, entry(previous))
        at += 1
    keys = [key for key, _ in members]
    if following is not None and entry(following)[0] not in keys:
        members.insert(at + 1, entry(following))
    return members


def member_keys(text: str) -> list[tuple[str, str]] | None:
    """The members of a generated index page as (key, line), or None if it is not generated."""
    if INDEX_MARKER not in text:
        return None
    members: list[tuple[str, str]] = []
    inside = False
    for line in text.split("\n"):
        if line.strip() == "[[index]]":
            inside = True
        elif line.strip() == "[[/index]]":
            inside = False
        elif inside and _MEMBER.match(line):
            bullets = scan_text(line).bullets
            if bullets:
                target = bullets[0].target
                members.append((page_key(target.namespace, target.name), line))
    return members


def index_page_text(index: Ref, members: list[tuple[str, str]]) -> str:
    """The text of a generated index page."""
    head = (
        [f"%%title: {index.title}"]
        if index.title and index.title != spaced_title(index.name)
        else []
    )
    url = url_for(index.namespace, index.name)
    return "\n".join(
        [
            *head,
            INDEX_MARKER,
            "This index was put together by the importer from the Previous | Index | Next bars "
            "of imported pages: it lists only the members those bars named, in their order. "
            f"The full index is at [[{url} TV Tropes]].",
            "",
            "[[index]]",
            *(line for _, line in members),
            "[[/index]]",
            "",
        ]
    )
