"""A TV Tropes article body (the ``#main-article`` element) back to its markup.

TV Tropes renders its markup in a regular way, so the source can be read back: ``twikilink``
anchors are wiki links (namespace and name from the ``href``), ``span.spoiler`` is
``[[spoiler:…]]``, a ``folderlabel`` and its ``div.folder`` are ``[[folder:…]] … [[/folder]]``,
``notelabel`` + ``inlinefolder`` a ``[[note]]``/``[[labelnote:…]]``, ``div.indent`` a ``->``
quote line (``\\\\[[indent:1:…]]`` inside a bullet), ``<h1>``–``<h3>`` ``!``–``!!!``, nested
``<ul>`` bullets ``*``/``**``/``***``, ``urllink`` anchors ``[[URL text]]``, HTML comments
``%%`` lines. Advertising, video panels and scripts are dropped.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from lxml import etree, html

from tropewiki.io.markup_writer import Line, escape_line
from tropewiki.io.text import address_from_url

__all__ = ["body_markup"]

_SKIPPED_CLASSES = frozenset(
    {
        "proper-ad-unit", "square_ad", "lazy-video-script", "video-examples", "alt-titles",
        "section-links", "ad-caption", "mobile-ad", "footer-article-ad", "lazy_load_img_box",
    }
)  # fmt: skip
_SKIPPED_TAGS = frozenset(
    {"script", "style", "noscript", "iframe", "img", "input", "form", "button", "select", "meta"}
)
_BLOCK_TAGS = frozenset({"p", "div", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
                         "center", "blockquote", "table", "pre"})  # fmt: skip
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_SPACES = re.compile(r"[ \t\r\n]+")
_WIDTH = re.compile(r"width:\s*(\d+)")


def body_markup(article: html.HtmlElement) -> str:
    """The markup of an article element."""
    writer = _Writer()
    writer.blocks(article)
    return writer.finish()


def _classes(el: html.HtmlElement) -> set[str]:
    return set((el.get("class") or "").split())


def _text(value: str | None) -> str:
    return _SPACES.sub(" ", value) if value else ""


class _Writer:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.line: Line | None = None
        self.comments: list[str] = []
        self.folder_title: str | None = None
        self.note_label: str | None = None

    # ---- lines ---------------------------------------------------------------------------

    def emit(self, markup: str) -> None:
        self.flush()
        self.lines.append(markup)

    def flush(self, blank: bool = False) -> None:
        if self.line is not None and not self.line.is_empty():
            text = escape_line(self.line.build()).rstrip()
            if text:
                self.lines.append(text + self._comment_tail())
        self.line = None
        for comment in self.comments:
            self.lines.append(f"%% {comment}")
        self.comments = []
        if blank and self.lines and self.lines[-1]:
            self.lines.append("")

    def _comment_tail(self) -> str:
        tail = "".join(f" %% {c}" for c in self.comments)
        self.comments = []
        return tail

    def current(self) -> Line:
        if self.line is None:
            self.line = Line()
        return self.line

    def finish(self) -> str:
        self.flush()
        out: list[str] = []
        for line in self.lines:
            if line or (out and out[-1]):
                out.append(line)
        while out and not out[-1]:
            out.pop()
        return "\n".join(out) + "\n" if out else ""

    # ---- blocks --------------------------------------------------------------------------

    def blocks(self, parent: html.HtmlElement) -> None:
        self.loose_text(parent.text)
        for child in parent:
            if isinstance(child, etree._Comment):
                self.comment(child.text)
            elif isinstance(child.tag, str):
                self.block(child)
            self.loose_text(child.tail)

    def loose_text(self, value: str | None) -> None:
        text = _text(value)
        if text.strip() or (text and self.line is not None):
            self.current().text(text if self.line is not None else text.lstrip())

    def comment(self, value: str | None) -> None:
        text = _text(value).strip()
        if text:
            self.comments.append(text)
            if self.line is None:
                self.flush()

    def block(self, el: html.HtmlElement) -> None:
        tag, classes = el.tag, _classes(el)
        if tag in _SKIPPED_TAGS or classes & _SKIPPED_CLASSES:
            return
        if tag not in _BLOCK_TAGS:
            self.inline(el, self.current(), set())
            return
        if tag == "p":
            self.flush(blank=True)
            self.blocks(el)
            self.flush(blank=True)
        elif tag in ("ul", "ol"):
            self.flush()
            self.bullets(el, 1)
            self.flush(blank=True)
        elif tag in _HEADINGS:
            line = Line()
            self.inline_children(el, line, set())
            level = min(int(tag[1]), 3)
            heading = "!" * level + escape_line(line.build()).strip()
            self.emit(heading + self._comment_tail())
        elif tag == "hr":
            self.emit("----")
        elif tag == "center":
            self.wrapped("[[center:", el)
        elif tag == "blockquote":
            self.quote(el, 1)
        elif tag == "table":
            self.table(el)
        elif tag == "div":
            self.div(el, classes)
        else:
            self.flush()
            self.blocks(el)
            self.flush()

    def div(self, el: html.HtmlElement, classes: set[str]) -> None:
        if "folderlabel" in classes:
            if "toggleAllFolders" in (el.get("onclick") or ""):
                self.emit("[[foldercontrol]]")
            else:
                self.folder_title = _text(el.text_content()).replace("\xa0", " ").strip()
        elif "folder" in classes:
            title = Line().text(self.folder_title or "").build().replace("]", ")")
            self.folder_title = None
            self.emit(f"[[folder:{title}]]")
            self.blocks(el)
            self.emit("[[/folder]]")
        elif "quoteright" in classes:
            image = el.find(".//img")
            if image is not None and image.get("src"):
                width = _WIDTH.search(el.get("style") or "")
                size = width.group(1) if width else image.get("width") or "350"
                self.emit(f"[[quoteright:{size}:{_url(image.get('src'))}]]")
        elif classes & {"acaptionright", "acaptionleft"}:
            width = _WIDTH.search(el.get("style") or "")
            self.wrapped(f"[[caption-width-right:{width.group(1) if width else 350}:", el)
        elif "indent" in classes:
            self.quote(el, 1)
        else:
            self.flush()
            self.blocks(el)
            self.flush()

    def wrapped(self, opener: str, el: html.HtmlElement) -> None:
        line = Line()
        self.inline_children(el, line, set())
        self.emit(f"{opener}{line.build().strip()}]]")

    def quote(self, el: html.HtmlElement, level: int) -> None:
        """``->`` lines; an indent nested in an indent is a ``-->`` line."""
        self.flush()
        line = Line()
        nested: list[html.HtmlElement] = []
        for item in self._walk(el, line, set(), stop={"indent"}):
            nested.append(item)
        if not line.is_empty():
            self.lines.append("-" * level + ">" + line.build().strip())
        for item in nested:
            self.quote(item, min(level + 1, 4))

    def table(self, el: html.HtmlElement) -> None:
        self.flush(blank=True)
        for row in el.iter("tr"):
            line = Line()
            for index, cell in enumerate(c for c in row if c.tag in ("td", "th")):
                if index:
                    line.text(" | ")
                self.inline_children(cell, line, set())
            self.emit(escape_line(line.build()))
        self.flush(blank=True)

    def bullets(self, el: html.HtmlElement, depth: int) -> None:
        for item in el:
            if not isinstance(item.tag, str) or item.tag in _SKIPPED_TAGS:
                continue
            if item.tag in ("ul", "ol"):
                self.bullets(item, depth + 1)
                continue
            line = Line()
            nested = list(self._walk(item, line, set(), stop={"list"}))
            text = line.build().strip()
            if text or nested:
                bullet = "*" * min(depth, 3) + (" " + text if text else "")
                self.lines.append(bullet + self._comment_tail())
            for sub in nested:
                self.bullets(sub, depth + 1)

    # ---- inline --------------------------------------------------------------------------

    def _walk(self, el: html.HtmlElement, line: Line, fmt: set[str], stop: set[str]):
        """Inline content of ``el`` into ``line``; yields nested lists (and indents) it skips."""
        if el.text:
            line.text(_text(el.text))
        for child in el:
            if isinstance(child, etree._Comment):
                text = _text(child.text).strip()
                if text:
                    self.comments.append(text)
            elif isinstance(child.tag, str):
                if ("list" in stop and child.tag in ("ul", "ol")) or (
                    "indent" in stop and "indent" in _classes(child)
                ):
                    yield child
                else:
                    self.inline(child, line, fmt)
            if child.tail:
                line.text(_text(child.tail))

    def inline_children(self, el: html.HtmlElement, line: Line, fmt: set[str]) -> None:
        for _ in self._walk(el, line, fmt, stop=set()):
            pass  # nothing is yielded without a stop set

    def inline(self, el: html.HtmlElement, line: Line, fmt: set[str]) -> None:
        tag, classes = el.tag, _classes(el)
        if tag in _SKIPPED_TAGS or classes & _SKIPPED_CLASSES:
            return
        if tag == "a":
            self.anchor(el, line, fmt)
        elif tag in ("em", "i"):
            self.formatted(el, line, fmt, "italic", "''")
        elif tag in ("strong", "b"):
            self.formatted(el, line, fmt, "bold", "'''")
        elif tag in ("s", "strike", "del"):
            self.bracketed(el, line, fmt, "[[strike:", "]]")
        elif tag == "br":
            line.markup("\\\\")
        elif "spoiler" in classes:
            self.bracketed(el, line, fmt, "[[spoiler:", "]]")
        elif "notelabel" in classes:
            self.note_label = _text(el.text_content()).replace("\xa0", " ").strip()
        elif "inlinefolder" in classes:
            label, self.note_label = self.note_label or "note", None
            if label.lower() == "note":
                self.bracketed(el, line, fmt, "[[note]]", "[[/note]]")
            else:
                opener = "[[labelnote:" + label.replace("]", ")") + "]]"
                self.bracketed(el, line, fmt, opener, "[[/labelnote]]")
        elif "asscaps" in classes:
            self.bracketed(el, line, fmt, "[[AC:", "]]")
        elif "indent" in classes:
            line.markup("\\\\")
            self.bracketed(el, line, fmt, "[[indent:1:", "]]")
        elif tag in _BLOCK_TAGS and tag not in ("center",):
            if (
                tag in ("ul", "ol", "p", "div", "blockquote", "table", "pre")
                and not line.is_empty()
            ):
                line.markup("\\\\")
            self.inline_children(el, line, fmt)
        else:
            self.inline_children(el, line, fmt)

    def formatted(self, el: html.HtmlElement, line: Line, fmt: set[str], kind: str, mark: str):
        if kind in fmt:
            self.inline_children(el, line, fmt)
            return
        inner = Line()
        self.inline_children(el, inner, fmt | {kind})
        if inner.is_empty():
            line.parts.extend(inner.parts)
            return
        line.markup(mark)
        line.parts.extend(inner.parts)
        line.markup(mark)

    def bracketed(self, el: html.HtmlElement, line: Line, fmt: set[str], opener: str, closer: str):
        inner = Line()
        self.inline_children(el, inner, fmt)
        if inner.is_empty():
            return
        line.markup(opener)
        line.parts.extend(inner.parts)
        line.markup(closer)

    def anchor(self, el: html.HtmlElement, line: Line, fmt: set[str]) -> None:
        href = el.get("href") or ""
        display = Line()
        self.inline_children(el, display, fmt | {"link"})
        if "link" in fmt:  # no links inside links: keep the text
            line.parts.extend(display.parts)
            return
        address = address_from_url(href) if "urllink" not in _classes(el) else None
        if address is not None:
            if not display.is_empty():
                line.link(address[0], address[1], display)
            return
        if href.startswith(("http://", "https://", "mailto:")):
            url = _url(href)
            shown = display.build().strip()
            line.markup(f"[[{url} {shown}]]" if shown and shown != url else f"[[{url}]]")
            return
        line.parts.extend(display.parts)


def _url(url: str) -> str:
    """A URL as the markup's link syntax accepts it (no blanks, brackets or quotes)."""
    return quote(url.strip(), safe=":/?#@!$&'()*+,;=%~-._")
