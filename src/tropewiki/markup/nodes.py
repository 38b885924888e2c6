"""The document tree: plain slotted dataclasses, produced by :func:`tropewiki.markup.parse`.

Inline content is a ``list`` whose items are either ``str`` (plain, *unescaped* text) or one of
the inline node classes below. Every ``position`` is a character offset into
``Document.source`` (the source after line endings were normalised to ``\\n``).

Inline nodes
    WikiLink      link to a wiki page; ``children`` None means "show the resolver's title"
    ExternalLink  http(s)/mailto link; bare ones have ``children`` None and a ``number`` (1, 2, …)
    AnchorLink    ``[[#name text]]``: a link to an anchor on the same page
    Anchor        ``[[#name]]``: a named place on the page
    Italic, Bold, Strike, SmallCaps
                  ``''x''``, ``'''x'''``, ``[[strike:x]]``, ``[[AC:x]]``
    Spoiler       ``[[spoiler:x]]``
    Note          ``[[note]]x[[/note]]`` (``label`` "") and ``[[labelnote:L]]x[[/labelnote]]``
    Layout        ``[[center:x]]``, ``[[rtl:x]]``, ``[[indent:N:x]]`` (``kind``, ``level``)
    LineBreak     ``\\\\`` inside a line

Block nodes
    Paragraph     consecutive plain lines; lines are joined by ``"\\n"`` items
    Heading       ``!``, ``!!``, ``!!!`` → ``level`` 1 to 3
    BulletList    a run of bullet lines; ``items`` are the depth-``n`` ListItems
    ListItem      one bullet line; ``sublist`` holds the deeper bullets under it
    Rule          ``----``
    Quote         a run of ``->`` / ``-->`` lines (QuoteLine, ``level`` = number of dashes)
    QuoteImage    ``[[quoteright:W:URL]]`` plus an optional following caption line
    Folder        ``[[folder:Title]] … [[/folder]]``
    FolderControl ``[[foldercontrol]]``
    IndexRegion   ``[[index]] … [[/index]]``
    Document      the root; ``targets`` lists each distinct wiki target once, in order
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypeAlias

from tropewiki.markup.targets import Target

__all__ = [
    "LINE_BREAK",
    "Anchor",
    "AnchorLink",
    "Block",
    "Bold",
    "BulletList",
    "Document",
    "ExternalLink",
    "Folder",
    "FolderControl",
    "Heading",
    "IndexRegion",
    "Inline",
    "Italic",
    "Layout",
    "LineBreak",
    "ListItem",
    "Note",
    "Paragraph",
    "Quote",
    "QuoteImage",
    "QuoteLine",
    "Rule",
    "SmallCaps",
    "Spoiler",
    "Strike",
    "WikiLink",
]


# ---- inline ----------------------------------------------------------------------------------


@dataclass(slots=True)
class WikiLink:
    """A link to a wiki page; ``children`` None shows the resolver's title (bare WikiWords)."""

    target: Target
    children: list[Inline] | None
    position: int


@dataclass(slots=True)
class ExternalLink:
    """A link out of the wiki; a bare one (``children`` None) shows ``[number]``."""

    url: str
    children: list[Inline] | None
    number: int
    position: int


@dataclass(slots=True)
class AnchorLink:
    """``[[#name text]]``: a link to ``#name`` on the same page."""

    anchor: str
    children: list[Inline]
    position: int


@dataclass(slots=True)
class Anchor:
    """``[[#name]]``: a named place other pages can link to as ``Page#name``."""

    name: str


@dataclass(slots=True)
class Italic:
    """``''text''``."""

    children: list[Inline]


@dataclass(slots=True)
class Bold:
    """``'''text'''``."""

    children: list[Inline]


@dataclass(slots=True)
class Strike:
    """``[[strike:text]]``."""

    children: list[Inline]


@dataclass(slots=True)
class SmallCaps:
    """``[[AC:text]]`` (used for media headers in example lists)."""

    children: list[Inline]


@dataclass(slots=True)
class Spoiler:
    """``[[spoiler:text]]``: hidden until the reader reveals it."""

    children: list[Inline]


@dataclass(slots=True)
class Note:
    """``[[note]]…[[/note]]`` (``label`` "") or ``[[labelnote:Label]]…[[/labelnote]]``."""

    label: str
    children: list[Inline]


@dataclass(slots=True)
class Layout:
    """``[[center:…]]``, ``[[rtl:…]]`` or ``[[indent:N:…]]`` (``level`` N, 0 otherwise)."""

    kind: str
    level: int
    children: list[Inline]


@dataclass(slots=True)
class LineBreak:
    """``\\\\``: a paragraph break inside a line (bullets mostly)."""


#: The one LineBreak instance the parser uses.
LINE_BREAK = LineBreak()

Inline: TypeAlias = (
    str
    | WikiLink
    | ExternalLink
    | AnchorLink
    | Anchor
    | Italic
    | Bold
    | Strike
    | SmallCaps
    | Spoiler
    | Note
    | Layout
    | LineBreak
)


# ---- blocks ----------------------------------------------------------------------------------


@dataclass(slots=True)
class Paragraph:
    """Consecutive plain lines (a blank line ends a paragraph)."""

    children: list[Inline]
    position: int


@dataclass(slots=True)
class Heading:
    """``!``/``!!``/``!!!`` at the start of a line: ``level`` 1, 2 or 3."""

    level: int
    children: list[Inline]
    position: int


@dataclass(slots=True)
class ListItem:
    """One bullet line; ``source`` is its markup without the bullet marker."""

    depth: int
    children: list[Inline]
    sublist: BulletList | None
    position: int
    source: str


@dataclass(slots=True)
class BulletList:
    """A run of bullet lines; ``items`` are the items at this list's depth."""

    items: list[ListItem]


@dataclass(slots=True)
class Rule:
    """``----``: a horizontal rule."""

    position: int


@dataclass(slots=True)
class QuoteLine:
    """One ``->`` line (``level`` 1) or ``-->`` line (``level`` 2, attribution or indent)."""

    level: int
    children: list[Inline]
    position: int


@dataclass(slots=True)
class Quote:
    """A run of quote lines."""

    lines: list[QuoteLine]
    position: int


@dataclass(slots=True)
class QuoteImage:
    """``[[quoteright:W:URL]]`` with an optional ``[[caption-width-right:W:…]]`` caption."""

    url: str
    width: int
    caption: list[Inline] | None
    position: int


@dataclass(slots=True)
class Folder:
    """``[[folder:Title]] … [[/folder]]``: a collapsible block."""

    title: str
    title_children: list[Inline]
    children: list[Block]
    position: int


@dataclass(slots=True)
class FolderControl:
    """``[[foldercontrol]]``: the "open/close all folders" control."""

    position: int


@dataclass(slots=True)
class IndexRegion:
    """``[[index]] … [[/index]]``: the part of an index page whose bullets are its members."""

    children: list[Block]
    position: int


Block: TypeAlias = (
    Paragraph
    | Heading
    | BulletList
    | Rule
    | Quote
    | QuoteImage
    | Folder
    | FolderControl
    | IndexRegion
)


@dataclass(slots=True)
class Document:
    """The root: ``children`` blocks, the normalised ``source`` and each distinct target once."""

    children: list[Block]
    source: str
    targets: list[Target] = field(default_factory=list)
