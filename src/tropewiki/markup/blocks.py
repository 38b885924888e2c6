"""Block parsing: the source, line by line, → a :class:`Document`.

Every line is classified by its first character (``*``/``+`` bullet, ``!`` heading, ``-`` rule
or quote, ``[`` block tag, blank) and its inline part handed to :func:`parse_inline`; inline
constructs never cross a line. Folders and index regions are containers kept on a stack: a
closing tag closes the innermost matching one (containers still open inside it degrade), a
stray closing tag stays literal text, and containers left open at the end degrade to literal
text too: the opening tag is kept as a paragraph and its content stays visible.
"""

from __future__ import annotations

import re

from tropewiki.markup.context import ParseContext
from tropewiki.markup.inline import parse_inline
from tropewiki.markup.inline_syntax import MAX_DEPTH
from tropewiki.markup.nodes import (
    Block,
    BulletList,
    Document,
    Folder,
    FolderControl,
    Heading,
    IndexRegion,
    ListItem,
    Paragraph,
    Quote,
    QuoteImage,
    QuoteLine,
    Rule,
)
from tropewiki.markup.urls import safe_url

__all__ = ["MAX_SOURCE_CHARS", "parse"]

#: Longest source parsed; anything beyond is cut off (about 8 MB, 50× a very long page).
MAX_SOURCE_CHARS = 8_000_000
#: Deepest bullet level (``****`` counts as ``***``).
MAX_BULLET_DEPTH = 3
#: Quote images wider than this are refused (kept as literal text).
MAX_IMAGE_WIDTH = 2000

_BLANKS = frozenset(" \t")
_BLANK_RUN = re.compile(r"[ \t]*")
_QUOTE = re.compile(r"(-{1,8})>")
_BLOCK_TAG = re.compile(
    r"\[\[(?i:folder:(?P<folder>[^\]\n]{0,200})|(?P<word>/folder|foldercontrol|index|/index))\]\]"
)
_QUOTERIGHT = re.compile(r"\[\[(?i:quoteright):(?P<width>[0-9]{1,4}):(?P<url>[^\]\s]{1,2048})\]\]")
_CAPTION = re.compile(r"\[\[(?i:caption-width-right):(?P<width>[0-9]{1,4}):")

# Modes: what the previous line left open.
_NONE, _PARAGRAPH, _LIST, _QUOTE_MODE = 0, 1, 2, 3


def parse(text: str) -> Document:
    """Parse TV Tropes markup into a :class:`Document`; never raises on any ``str``.

    Line endings become ``\\n`` and NUL becomes U+FFFD first; ``Document.source`` is that
    text, and every position refers to it.
    """
    if len(text) > MAX_SOURCE_CHARS:
        text = text[:MAX_SOURCE_CHARS]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:  # browsers drop NUL; keep a visible stand-in, as HTML parsers do
        text = text.replace("\x00", "\ufffd")
    builder = _BlockBuilder()
    take = builder.line
    comments = "%%" in text  # one test for the document instead of one per line
    offset = 0
    for line in text.split("\n"):
        line_offset = offset
        offset += len(line) + 1
        if comments and "%%" in line:
            line = _strip_comment(line)
            if not line.strip():
                continue  # a comment-only line vanishes without ending a paragraph
        take(line, line_offset)
    builder.finish()
    return Document(builder.root, text, builder.ctx.targets)


def _strip_comment(line: str) -> str:
    """``line`` up to its first ``%%`` that is not inside a ``[=…=]`` escape."""
    cut = line.find("%%")
    escape = line.find("[=")
    while 0 <= escape < cut:
        end = line.find("=]", escape + 2)
        if end < 0:
            break
        if end + 2 > cut:  # the %% is inside this escape: look after it
            cut = line.find("%%", end + 2)
            if cut < 0:
                return line
        escape = line.find("[=", end + 2)
    return line[:cut]


def _trailing_tags_start(line: str) -> int:
    """Where the run of ``[[/folder]]``/``[[/index]]`` tags ending ``line`` starts.

    ``len(line)`` when there is none. Linear: only short slices are compared.
    """
    full = end = len(line.rstrip())
    while True:
        if end >= 10 and line[end - 10 : end].lower() == "[[/index]]":
            end -= 10
        elif end >= 11 and line[end - 11 : end].lower() == "[[/folder]]":
            end -= 11
        else:
            return end if end < full else len(line)
        while end and line[end - 1] in " \t":
            end -= 1


class _Container:
    """An open folder or index region."""

    __slots__ = ("node", "opener", "parent", "position")

    def __init__(self, node: Folder | IndexRegion, opener: str, parent: list[Block], position: int):
        self.node = node
        self.opener = opener
        self.parent = parent
        self.position = position


class _BlockBuilder:
    __slots__ = ("containers", "ctx", "lists", "mode", "out", "paragraph", "quote", "root")

    def __init__(self) -> None:
        self.ctx = ParseContext()
        self.root: list[Block] = []
        self.out = self.root  # blocks of the innermost open container
        self.containers: list[_Container] = []
        self.mode = _NONE
        self.paragraph: Paragraph | None = None
        self.quote: Quote | None = None
        self.lists: list[BulletList] = []  # the open list at each depth

    def line(self, line: str, offset: int) -> None:
        """Take one physical line (comments already removed)."""
        while True:
            first = line[:1]
            if first == "*" or first == "+":  # most lines of a wiki page
                if line[-1] == "]" and "[[/" in line and self._ends_with_tag(line, offset):
                    return
                if self._bullet(line, offset):
                    return
            elif first == " " or first == "\t":
                stripped = line.lstrip()
                offset += len(line) - len(stripped)
                line = stripped
                continue
            elif not first:
                self.mode = _NONE
                return
            elif first == "[":
                # A run of block tags is consumed by position: slicing the line after each
                # tag would make a line of 10,000 tags quadratic.
                pos = 0
                while (end := self._block_tag(line, pos, offset)) is not None:
                    pos = _BLANK_RUN.match(line, end).end()  # type: ignore[union-attr]
                    if pos == len(line):
                        return
                if pos:
                    line, offset = line[pos:], offset + pos
                    continue
            elif line[-1] == "]" and "[[/" in line and self._ends_with_tag(line, offset):
                return
            elif first == "!":
                self._heading(line, offset)
                return
            elif first == "-" and self._dash(line, offset):
                return
            if first == "[" and self._ends_with_tag(line, offset):
                return
            self._paragraph(line, offset)
            return

    def finish(self) -> None:
        """Close what the last line left open; containers still open degrade."""
        while self.containers:
            self._degrade(self.containers.pop())
        self.out = self.root

    # ---- line kinds --------------------------------------------------------------------------

    def _paragraph(self, line: str, offset: int) -> None:
        text = line.rstrip()
        if self.mode != _PARAGRAPH:
            self.paragraph = Paragraph(parse_inline(text, offset, self.ctx), offset)
            self.out.append(self.paragraph)
            self.mode = _PARAGRAPH
            return
        paragraph = self.paragraph
        assert paragraph is not None
        paragraph.children.append("\n")
        paragraph.children.extend(parse_inline(text, offset, self.ctx))

    def _bullet(self, line: str, offset: int) -> bool:
        # The marker is the run of "*"/"+" (``end``); the content starts after the blanks that
        # follow it (str.lstrip strips exactly what \s matches). String methods, not a regex:
        # this runs for most lines of a page.
        rest = line.lstrip("*+")
        end = len(line) - len(rest)
        if line[0] == "+" and rest[:1] not in _BLANKS:
            return False  # "+1 to that" is prose, not a bullet
        content = rest.lstrip()
        base = offset + end + len(rest) - len(content)
        content = content.rstrip()
        depth = end if end < MAX_BULLET_DEPTH else MAX_BULLET_DEPTH
        lists = self.lists
        if self.mode != _LIST:
            depth = 1
            lists.clear()
            lists.append(BulletList([]))
            self.out.append(lists[0])
            self.mode = _LIST
        elif depth > len(lists):
            depth = len(lists) + 1  # one level deeper at most
            sublist = BulletList([])
            lists[-1].items[-1].sublist = sublist
            lists.append(sublist)
        elif depth < len(lists):
            del lists[depth:]
        children = parse_inline(content, base, self.ctx)
        lists[depth - 1].items.append(ListItem(depth, children, None, offset, content))
        return True

    def _heading(self, line: str, offset: int) -> None:
        level = 1
        while level < 3 and line[level : level + 1] == "!":
            level += 1
        rest = line[level:]
        content = rest.strip()
        if not content:
            self._paragraph(line, offset)
            return
        base = offset + level + len(rest) - len(rest.lstrip())
        self.out.append(Heading(level, parse_inline(content, base, self.ctx), offset))
        self.mode = _NONE

    def _dash(self, line: str, offset: int) -> bool:
        """``----`` rule or ``->`` quote line; False when the line is neither."""
        text = line.rstrip()
        if len(text) >= 4 and not text.strip("-"):
            self.out.append(Rule(offset))
            self.mode = _NONE
            return True
        match = _QUOTE.match(text)
        if match is None:
            return False
        level = min(len(match.group(1)), 4)
        rest = text[match.end() :]
        content = rest.lstrip()
        base = offset + match.end() + len(rest) - len(content)
        quote_line = QuoteLine(level, parse_inline(content, base, self.ctx), offset)
        if self.mode == _QUOTE_MODE and self.quote is not None:
            self.quote.lines.append(quote_line)
        else:
            self.quote = Quote([quote_line], offset)
            self.out.append(self.quote)
            self.mode = _QUOTE_MODE
        return True

    # ---- block tags --------------------------------------------------------------------------

    def _block_tag(self, line: str, pos: int, offset: int) -> int | None:
        """Handle a block tag at ``line[pos]``; return where the rest starts, or None.

        ``offset`` is the source offset of ``line[0]``.
        """
        if not line.startswith("[[", pos):
            return None
        offset += pos
        match = _BLOCK_TAG.match(line, pos)
        if match is not None:
            title = match.group("folder")
            word = (match.group("word") or "").lower()
            if title is not None:
                content = title.strip()
                base = offset + 9 + len(title) - len(title.lstrip())  # 9: "[[folder:"
                node: Folder | IndexRegion = Folder(
                    content, parse_inline(content, base, self.ctx), [], offset
                )
                self._open(node, match.group(), offset)
            elif word == "index":
                self._open(IndexRegion([], offset), match.group(), offset)
            elif word == "foldercontrol":
                self.out.append(FolderControl(offset))
                self.mode = _NONE
            else:
                self._close(Folder if word == "/folder" else IndexRegion, match.group(), offset)
            return match.end()
        match = _QUOTERIGHT.match(line, pos)
        if match is not None:
            width = int(match.group("width"))
            url = safe_url(match.group("url"))
            if url is None or not 0 < width <= MAX_IMAGE_WIDTH:
                return None
            self.out.append(QuoteImage(url, width, None, offset))
            self.mode = _NONE
            return match.end()
        match = _CAPTION.match(line, pos)
        if match is not None and line.rstrip().endswith("]]"):
            return self._caption(line, offset - pos, match, int(match.group("width")))
        return None

    def _caption(self, line: str, line_offset: int, match: re.Match[str], width: int) -> int | None:
        """The caption runs from the tag to the line's final ``]]``."""
        if not 0 < width <= MAX_IMAGE_WIDTH:
            return None
        start, end = match.end(), len(line.rstrip()) - 2
        offset = line_offset + match.start()
        caption = parse_inline(line[start:end], line_offset + start, self.ctx)
        last = self.out[-1] if self.out else None
        if isinstance(last, QuoteImage) and last.caption is None and self.mode == _NONE:
            last.caption = caption
        else:
            self.out.append(QuoteImage("", width, caption, offset))
        self.mode = _NONE
        return len(line)

    def _ends_with_tag(self, line: str, offset: int) -> bool:
        """``… [[/folder]]`` at the end of a line: the text, then the closing tag(s).

        With no folder or index open, the tag is stray and the line stays whole.
        """
        if not self.containers or "[[/" not in line:
            return False
        end = _trailing_tags_start(line)
        if end == 0 or end == len(line):
            return False
        self.line(line[:end], offset)  # ends with no closing tag: no further recursion
        self.line(line[end:], offset + end)  # starts with one: handled by _block_tag
        return True

    def _open(self, node: Folder | IndexRegion, opener: str, offset: int) -> None:
        self.mode = _NONE
        if len(self.containers) >= MAX_DEPTH:
            self._paragraph(opener, offset)
            return
        self.containers.append(_Container(node, opener, self.out, offset))
        self.out = node.children

    def _close(self, kind: type, closer: str, offset: int) -> None:
        self.mode = _NONE
        containers = self.containers
        for i in range(len(containers) - 1, -1, -1):
            if type(containers[i].node) is kind:
                break
        else:
            self._paragraph(closer, offset)  # a stray closing tag stays as written
            return
        while len(containers) > i + 1:
            self._degrade(containers.pop())
        container = containers.pop()
        container.parent.append(container.node)
        self.out = container.parent

    def _degrade(self, container: _Container) -> None:
        container.parent.append(Paragraph([container.opener], container.position))
        container.parent.extend(container.node.children)
        self.out = container.parent
