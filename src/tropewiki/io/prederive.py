"""What saving a page reads out of its text, worked out once per distinct line.

Imported pages are made of a few kinds of lines — ``%%`` comments, blank lines, ``!!`` headings,
top-level ``* bullets`` and prose — and the same lines recur on thousands of pages
(``* AlphaBitch``, the licence line). :func:`derive` splits a text into *units* (a bullet line,
a heading line, or a paragraph: consecutive prose lines) the way the block parser does, parses
each distinct unit once with the real parser, and puts the page's results together from the
units: the :class:`~tropewiki.knowledge.scan.TextScan` that ``scan_text`` gives and the
:class:`~tropewiki.search.text.PageText` that ``page_text(parse(text))`` gives. A text holding
any other kind of line (folders, nested bullets, quotes, inline comments…) gives None, and the
save path parses it as usual. ``tests/io/test_prederive.py`` checks that both results are
equal to the parser's on random mixes of lines and on generated pages.
"""

from __future__ import annotations

from dataclasses import dataclass

from tropewiki.actions.bulk import Derived
from tropewiki.knowledge.scan import FAST_BULLET, BulletScan, TextScan, count_link, key_of
from tropewiki.markup import Target, extract_bullets, extract_links, parse
from tropewiki.markup.blocks import MAX_SOURCE_CHARS
from tropewiki.markup.inline_syntax import INLINE_TOKEN
from tropewiki.markup.nodes import BulletList, Heading, Paragraph
from tropewiki.search.text import MARK_END, MARK_START, MAX_FIELD_CHARS, PageText, page_text

__all__ = ["derive"]

_PARAGRAPH, _BULLET, _HEADING = 0, 1, 2
#: Distinct units remembered; the memory is emptied when it holds more.
MAX_UNITS = 400_000


@dataclass(frozen=True, slots=True)
class _Unit:
    """What one unit contributes: its text for search, its links, its bullet."""

    visible: str  # the line page_text writes for it (stripped), "" when none
    hidden: str  # its spoiler text (stripped)
    links: tuple[tuple[str, str, str, bool], ...]  # (key, namespace, name, in spoiler)
    target: Target | None = None  # a bullet's first link
    text: str = ""  # a bullet's markup without its marker
    spoiler: str = "none"


_units: dict[str, _Unit | None] = {}


def derive(text: str) -> Derived | None:
    """``scan_text(text)`` and ``page_text(parse(text))``, or None for a text of other lines.

    ``text`` is a cleaned page text (``\\n`` line endings).
    """
    if (
        len(text) > MAX_FIELD_CHARS
        or len(text) > MAX_SOURCE_CHARS
        or "\r" in text
        or "\x00" in text
        or MARK_START in text
        or MARK_END in text
    ):
        return None
    scan = TextScan()
    links, bullets = scan.links, scan.bullets
    summary: list[str] = []
    body: list[str] = []
    hidden: list[str] = []
    in_summary = True
    paragraph: list[str] = []  # the prose lines of the paragraph being read
    plain_bullets = _plain_bullets

    def add(unit: _Unit, into: list[str]) -> None:
        if unit.visible:
            into.append(unit.visible)
        if unit.hidden:
            hidden.append(unit.hidden)
        for key, namespace, name, in_spoiler in unit.links:
            count_link(links, key, namespace, name, in_spoiler)

    def end_paragraph() -> bool:
        unit = _unit("\n".join(paragraph), _PARAGRAPH)
        paragraph.clear()
        if unit is None:
            return False
        add(unit, summary if in_summary else body)
        return True

    offset = 0
    for line in text.split("\n"):
        line_offset = offset
        offset += len(line) + 1
        if not line:
            if paragraph and not end_paragraph():
                return None
            continue
        first = line[0]
        if first == "%" and line.startswith("%%"):
            continue  # a comment line vanishes without ending a paragraph
        if "%%" in line or "[[/" in line:
            return None
        if first == "*":
            if paragraph and not end_paragraph():
                return None
            in_summary = False  # a list ends the summary
            plain = plain_bullets.get(line, _MISSING)
            if plain is _MISSING:
                plain = _plain_bullet(line)
            if plain is not None:
                target, key, shown, content = plain
                if shown:
                    body.append(shown)
                count_link(links, key, target.namespace, target.name, False)
                bullets.append(BulletScan(target, content, line_offset))
                continue
            if line[1:2] in ("*", "+"):
                return None  # nested bullets
            unit = _unit(line, _BULLET)
            if unit is None:
                return None
            add(unit, body)
            if unit.target is not None:
                bullets.append(BulletScan(unit.target, unit.text, line_offset, unit.spoiler))
        elif first == "!":
            if paragraph and not end_paragraph():
                return None
            in_summary = False
            unit = _unit(line, _HEADING)
            if unit is None:
                return None
            add(unit, body)
        elif first in _OTHER_BLOCKS or (first == "[" and line.startswith("[[")):
            return None
        else:
            paragraph.append(line)
    if paragraph and not end_paragraph():
        return None
    return Derived(scan, PageText(_joined(summary), _joined(body), _joined(hidden)))


_MISSING = object()
#: Bullet line → (target, key, what it shows, its markup without the marker) for a bullet
#: made of a link and plain text; None for other bullets.
_plain_bullets: dict[str, tuple[Target, str, str, str] | None] = {}


def _plain_bullet(line: str) -> tuple[Target, str, str, str] | None:
    """A bullet made of a link and plain text: the link is read once per page name and form
    (:func:`_head`), the text is shown as it is."""
    if len(_plain_bullets) >= MAX_UNITS:
        _plain_bullets.clear()
    found = None
    match = FAST_BULLET.match(line)
    if match is not None and INLINE_TOKEN.search(line, match.end()) is None:
        cut = match.end()
        rest = line[cut:]
        head = _heads.get((line[:cut], rest[:1]), _MISSING)
        if head is _MISSING:
            head = _head(line[:cut], rest[:1])
        if head is not None:
            target, key, lead = head
            found = (target, key, (lead + rest).strip(), line[1:].strip())
    _plain_bullets[line] = found
    return found


#: (bullet line up to the end of its link, first character after it) → (target, key, what
#: the bullet shows up to the end of its link, leading blanks removed), or None.
_heads: dict[tuple[str, str], tuple[Target, str, str] | None] = {}
#: Stands for the plain text after a link when a bullet's head is parsed.
_SENTINEL = "x"


def _head(link: str, after: str) -> tuple[Target, str, str] | None:
    """Parse ``link`` followed by ``after`` and a plain letter, as a bullet of its own.

    The bullet shows ``(head + after + letter).strip()``; when that is ``lead + after +
    letter``, a bullet ``link + after + plain text`` shows ``(lead + after + text).strip()``.
    """
    if len(_heads) >= MAX_UNITS:
        _heads.clear()
    unit = _parse_unit(link + after + _SENTINEL if after else link, _BULLET)
    head = None
    if (
        unit is not None
        and unit.target is not None
        and not unit.hidden
        and unit.spoiler == "none"
        and len(unit.links) == 1
        and unit.links[0][1:] == (unit.target.namespace, unit.target.name, False)
    ):
        shown = unit.visible
        lead = shown[: len(shown) - len(after) - len(_SENTINEL)] if after else shown
        if not after or lead + after + _SENTINEL == shown:
            head = (unit.target, unit.links[0][0], lead)
    _heads[(link, after)] = head
    return head


# Lines the units above do not cover: leading blanks, ``+`` bullets, rules and quotes.
_OTHER_BLOCKS = frozenset(" \t+-")


def _joined(lines: list[str]) -> str:
    return "\n".join(lines)[:MAX_FIELD_CHARS]


def _unit(source: str, kind: int) -> _Unit | None:
    """The unit for ``source``, parsed the first time it is met."""
    try:
        return _units[source]
    except KeyError:
        pass
    if len(_units) >= MAX_UNITS:
        _units.clear()
    unit = _units[source] = _parse_unit(source, kind)
    return unit


def _parse_unit(source: str, kind: int) -> _Unit | None:
    doc = parse(source)
    if len(doc.children) != 1:
        return None
    block = doc.children[0]
    text = page_text(doc)
    if kind == _PARAGRAPH:
        if not isinstance(block, Paragraph) or text.body:
            return None
        visible = text.summary
    elif kind == _HEADING:
        if not isinstance(block, Heading) or text.summary:
            return None
        visible = text.body
    else:
        if not isinstance(block, BulletList) or len(block.items) != 1 or text.summary:
            return None
        if block.items[0].sublist is not None:
            return None
        visible = text.body
    if "\n" in visible or "\n" in text.spoilers:
        return None
    links = tuple(
        (key_of(ref.target.namespace, ref.target.name), ref.target.namespace, ref.target.name,
         ref.in_spoiler)
        for ref in (extract_links(doc) if doc.targets else ())  # targets: every wiki link's
        if ref.target is not None and ref.target.name
    )  # fmt: skip
    if kind != _BULLET:
        return _Unit(visible, text.spoilers, links)
    bullet = extract_bullets(doc)[0]
    if bullet.folder is not None or bullet.in_index:
        return None
    return _Unit(visible, text.spoilers, links, bullet.first_link, bullet.text, bullet.spoiler)
