"""Tree → HTML. Every text is escaped here; :func:`sanitize` then checks the result.

Elements and CSS classes the web layer can style (nothing else is emitted; the sanitiser's
allowlist in :mod:`tropewiki.markup.sanitizer` is built from the same list):

========================= ===========================================================
``a.wikilink``            a link to a wiki page that exists
``a.wikilink.new``        a red link: the page does not exist yet
``a.external``            a link out of the wiki (``rel="nofollow noopener noreferrer"``);
                          a bare one shows ``[1]``, ``[2]``, … in document order
``a.anchor-link``         ``[[#name text]]``, a link within the page
``span.anchor``           ``[[#name]]``, carries ``id="name"``
``span.spoiler``          hidden text. ``tabindex="0" role="button"`` and an ``aria-label``
                          make it a keyboard-reachable control; without JavaScript, CSS
                          reveals it on ``:hover``/``:focus``/``:focus-within``. A script can
                          toggle ``.revealed`` (and drop the label) on click/Enter.
``details.note``          ``[[note]]``/``[[labelnote:L]]``; ``<summary>`` holds the label
``details.folder``        ``[[folder:Title]]``; ``<summary>`` holds the title
``button.folder-control`` ``[[foldercontrol]]``; rendered ``hidden`` so that readers
                          without JavaScript never see a dead button: the UI script
                          removes ``hidden`` and wires it to open/close every folder
``div.index-region``      ``[[index]] … [[/index]]``
``span.smallcaps``        ``[[AC:x]]``; ``<s>`` is ``[[strike:x]]``
``div.center``            ``[[center:x]]``
``div.rtl``               ``[[rtl:x]]`` (with ``dir="rtl"``)
``div.indent.indent-N``   ``[[indent:N:x]]``, N from 1 to 8
``blockquote.quote``      ``->`` lines; ``p.quote-indent-N`` (N 2–4) for ``-->`` lines
``figure.quoteright``     ``[[quoteright:W:URL]]``: ``<img width=W>`` plus ``<figcaption>``
``div.para``              a paragraph holding a note or a layout block (``<p>`` may not)
========================= ===========================================================

Other elements: ``p``, ``h2``–``h4`` (``!`` to ``!!!``), ``ul``/``li``, ``em``, ``strong``,
``s``, ``br``, ``hr``.

Spoilers that stay hidden without JavaScript yet can be revealed, for the stylesheet::

    .spoiler { background: currentColor; border-radius: 2px; }
    .spoiler:hover, .spoiler:focus, .spoiler:focus-within, .spoiler.revealed {
        background: transparent; }
    .spoiler a { color: inherit; }   /* hidden links stay hidden too */
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from tropewiki.markup.nodes import (
    Anchor,
    AnchorLink,
    Block,
    Bold,
    BulletList,
    Document,
    ExternalLink,
    Folder,
    FolderControl,
    Heading,
    IndexRegion,
    Inline,
    Italic,
    Layout,
    LineBreak,
    ListItem,
    Note,
    Paragraph,
    Quote,
    QuoteImage,
    Rule,
    SmallCaps,
    Spoiler,
    Strike,
    WikiLink,
)
from tropewiki.markup.sanitizer import sanitize
from tropewiki.markup.targets import DefaultResolver, Resolved, Resolver, Target, default_url
from tropewiki.markup.text import escape_attr, escape_text, plain_text
from tropewiki.markup.titles import spaced_title, spaced_titles

__all__ = ["SPOILER_OPEN", "HtmlRenderer"]

SPOILER_OPEN = (
    '<span class="spoiler" tabindex="0" role="button"'
    ' aria-label="Spoiler, activate to reveal" title="Spoiler">'
)
_EXTERNAL_OPEN = '<a class="external" href="{}" rel="nofollow noopener noreferrer">'
_FOLDER_CONTROL = (
    '<button type="button" class="folder-control" hidden="">Open/Close All Folders</button>'
)

_Parts = list[str]

#: Labels to show after the leading link of top-level bullets, by bullet position.
Badges = Mapping[int, "list[str] | tuple[str, ...]"]


class HtmlRenderer:
    """Renders documents to HTML, asking ``resolver`` about all of a document's links at once.

    ``render`` returns sanitised HTML; ``render_unsanitized`` skips the sanitiser (for
    measuring it, or when the caller sanitises itself — never send that to a browser as is).
    A renderer keeps no per-document state, so one instance may serve many threads.
    """

    __slots__ = ("resolver",)

    def __init__(self, resolver: Resolver | None = None) -> None:
        self.resolver: Resolver = resolver if resolver is not None else DefaultResolver()

    def render(self, doc: Document, badges: Badges | None = None) -> str:
        """Sanitised HTML for ``doc``.

        ``badges`` maps the position of a top-level bullet to short labels shown right after
        its leading link (the wiki marks how an example plays its trope this way).
        """
        return sanitize(self.render_unsanitized(doc, badges))

    def render_unsanitized(self, doc: Document, badges: Badges | None = None) -> str:
        """HTML for ``doc`` as built (already escaped), before the sanitiser's check."""
        targets = doc.targets
        resolver = self.resolver
        resolved: Mapping[Target, Resolved] | None = None
        if type(resolver) is DefaultResolver:  # its answers, without the Resolved objects
            links = _default_links(targets)
        else:
            resolved = resolver.resolve_many(targets) if targets else {}
            # Keyed by identity: the parser gives every occurrence of a target the same object,
            # and hashing an int is far cheaper than hashing a Target at every link.
            links = {id(target): _link_parts(answer) for target, answer in resolved.items()}
            for target in targets:
                if id(target) not in links:  # answered under an equal object, or not at all
                    links[id(target)] = _link_parts(resolved.get(target) or _unresolved(target))
        parts: _Parts = []
        rendering = _Pass(links, resolved, resolver, targets, badges or {})
        rendering.heading_shift = _heading_shift(doc.children)
        rendering.blocks(doc.children, parts)
        return "".join(parts)


class _Pass:
    """The state of rendering one document."""

    __slots__ = ("badges", "flow", "heading_shift", "links", "resolved", "resolver", "targets")

    def __init__(
        self,
        links: dict[int, tuple[str, str]],
        resolved: Mapping[Target, Resolved] | None,
        resolver: Resolver,
        targets: list[Target],
        badges: Badges,
    ):
        self.links = links
        self.heading_shift = 1  # the page title is the h1: "!" is an h2
        self.resolved = resolved  # None: not asked yet (see wiki_link)
        self.resolver = resolver
        self.targets = targets
        self.badges = badges
        self.flow = False  # a block-level element was emitted inside inline content

    # ---- blocks ------------------------------------------------------------------------------

    def blocks(self, blocks: list[Block], parts: _Parts) -> None:
        renderers = _BLOCK_RENDERERS
        for block in blocks:
            renderers[type(block)](self, block, parts)
            parts.append("\n")

    def paragraph(self, node: Paragraph, parts: _Parts) -> None:
        self.wrapped(node.children, parts, "")

    def wrapped(self, children: list[Inline], parts: _Parts, css_class: str) -> None:
        """``<p>`` unless the content holds a block-level element, then ``<div class="para">``."""
        at = len(parts)
        parts.append("")
        self.flow = False
        self.inline(children, parts)
        if self.flow:
            parts[at] = f'<div class="para {css_class}">' if css_class else '<div class="para">'
            parts.append("</div>")
        else:
            parts[at] = f'<p class="{css_class}">' if css_class else "<p>"
            parts.append("</p>")

    def heading(self, node: Heading, parts: _Parts) -> None:
        tag = f"h{node.level + self.heading_shift}"
        parts.append(f"<{tag}>")
        self.inline(node.children, parts)
        parts.append(f"</{tag}>")

    def bullet_list(self, node: BulletList, parts: _Parts) -> None:
        append = parts.append
        badges = self.badges
        append("<ul>")
        for item in node.items:
            append("<li>")
            children = item.children
            # top_level_item has nothing to do for most bullets: no badges, and a first child
            # that is neither a spoiler nor blank text (only those can hide the leading link).
            if item.depth == 1 and (badges or (children and _may_hide_link(children[0]))):
                self.top_level_item(item, parts)
            else:
                self.inline(children, parts)
            if item.sublist is not None:
                self.bullet_list(item.sublist, parts)
            append("</li>\n")
        append("</ul>")

    def top_level_item(self, item: ListItem, parts: _Parts) -> None:
        """A top-level bullet: its leading link is never hidden, and may carry badges.

        On a work page the leading link names the trope, on a trope page the work; hiding it in
        a spoiler would hide what the example is about, so ``[[spoiler:Link rest]]`` at the
        start renders the link in the clear and only ``rest`` as a spoiler.
        """
        children = item.children
        if children and _may_hide_link(children[0]):
            children = _unspoil_leading_link(children)
        labels = self.badges.get(item.position) if self.badges else None
        lead = _leading_link_index(children) if labels else -1
        if lead < 0:
            self.inline(children, parts)
            return
        self.inline(children[: lead + 1], parts)
        for label in labels:
            parts.append(f' <span class="badge played">{escape_text(label)}</span>')
        self.inline(children[lead + 1 :], parts)

    def rule(self, node: Rule, parts: _Parts) -> None:
        parts.append("<hr>")

    def quote(self, node: Quote, parts: _Parts) -> None:
        parts.append('<blockquote class="quote">')
        for line in node.lines:
            css_class = f"quote-indent-{line.level:d}" if line.level > 1 else ""
            self.wrapped(line.children, parts, css_class)
        parts.append("</blockquote>")

    def quote_image(self, node: QuoteImage, parts: _Parts) -> None:
        parts.append('<figure class="quoteright">')
        if node.url:
            src = escape_attr(node.url)
            alt = escape_attr(plain_text(node.caption))
            parts.append(f'<img src="{src}" width="{node.width:d}" alt="{alt}" loading="lazy">')
        if node.caption is not None:
            parts.append("<figcaption>")
            self.inline(node.caption, parts)
            parts.append("</figcaption>")
        parts.append("</figure>")

    def folder(self, node: Folder, parts: _Parts) -> None:
        parts.append('<details class="folder"><summary>')
        self.inline(node.title_children, parts)
        parts.append("</summary>\n")
        self.blocks(node.children, parts)
        parts.append("</details>")

    def folder_control(self, node: FolderControl, parts: _Parts) -> None:
        parts.append(_FOLDER_CONTROL)

    def index_region(self, node: IndexRegion, parts: _Parts) -> None:
        parts.append('<div class="index-region">\n')
        self.blocks(node.children, parts)
        parts.append("</div>")

    # ---- inline ------------------------------------------------------------------------------

    def inline(self, nodes: list[Inline], parts: _Parts) -> None:
        # The common nodes are handled here: a method call per node would cost more than the
        # work. Text is escaped only when it holds a special character (three "in" tests cost
        # less than three replace calls), and a link or wrapper around one string is one part.
        append = parts.append
        links = self.links
        for node in nodes:
            kind = type(node)
            if kind is str:
                if "&" in node or "<" in node or ">" in node:
                    node = escape_text(node)
                append(node)
                continue
            if kind is WikiLink:
                link = links.get(id(node.target))
                if link is None:
                    self.wiki_link(node, parts)
                    continue
                children = node.children
                if children is None:  # a bare WikiWord: the usual link
                    append(link[0] + link[1] + "</a>")
                    continue
                opening, closing = link[0], "</a>"
            else:
                wrapper = _WRAPPERS.get(kind)
                if wrapper is None:
                    _INLINE_RENDERERS[kind](self, node, parts)
                    continue
                opening, closing = wrapper
                children = node.children
            if len(children) == 1 and type(children[0]) is str:
                text = children[0]
                if "&" in text or "<" in text or ">" in text:
                    text = escape_text(text)
                append(opening + text + closing)
            else:
                append(opening)
                self.inline(children, parts)
                append(closing)

    def wiki_link(self, node: WikiLink, parts: _Parts) -> None:
        link = self.links.get(id(node.target))
        if link is None:  # a tree built by hand, its targets not shared with doc.targets
            target = node.target
            resolved = self.resolved
            if resolved is None:
                targets = self.targets
                resolved = self.resolved = self.resolver.resolve_many(targets) if targets else {}
            link = _link_parts(resolved.get(target) or _unresolved(target))
        opening, title = link
        parts.append(opening)
        if node.children is None:
            parts.append(title)
        else:
            self.inline(node.children, parts)
        parts.append("</a>")

    def external_link(self, node: ExternalLink, parts: _Parts) -> None:
        parts.append(_EXTERNAL_OPEN.format(escape_attr(node.url)))
        if node.children is None:
            parts.append(f"[{node.number:d}]")
        else:
            self.inline(node.children, parts)
        parts.append("</a>")

    def anchor_link(self, node: AnchorLink, parts: _Parts) -> None:
        parts.append(f'<a class="anchor-link" href="#{escape_attr(node.anchor)}">')
        self.inline(node.children, parts)
        parts.append("</a>")

    def anchor(self, node: Anchor, parts: _Parts) -> None:
        parts.append(f'<span class="anchor" id="{escape_attr(node.name)}"></span>')

    def note(self, node: Note, parts: _Parts) -> None:
        self.flow = True
        label = escape_text(node.label) if node.label else "note"
        parts.append(f'<details class="note"><summary>{label}</summary>')
        self.inline(node.children, parts)
        parts.append("</details>")

    def layout(self, node: Layout, parts: _Parts) -> None:
        self.flow = True
        if node.kind == "rtl":
            parts.append('<div class="rtl" dir="rtl">')
        elif node.kind == "indent":
            parts.append(f'<div class="indent indent-{node.level:d}">')
        else:
            parts.append('<div class="center">')
        self.inline(node.children, parts)
        parts.append("</div>")

    def line_break(self, node: LineBreak, parts: _Parts) -> None:
        parts.append("<br><br>")


_Renderer = Callable[[_Pass, Any, _Parts], None]

_BLOCK_RENDERERS: dict[type, _Renderer] = {
    BulletList: _Pass.bullet_list,
    Paragraph: _Pass.paragraph,
    Heading: _Pass.heading,
    Folder: _Pass.folder,
    Quote: _Pass.quote,
    Rule: _Pass.rule,
    QuoteImage: _Pass.quote_image,
    FolderControl: _Pass.folder_control,
    IndexRegion: _Pass.index_region,
}

#: Inline nodes that are their children between two fixed tags.
_WRAPPERS: dict[type, tuple[str, str]] = {
    Italic: ("<em>", "</em>"),
    Spoiler: (SPOILER_OPEN, "</span>"),
    Bold: ("<strong>", "</strong>"),
    Strike: ("<s>", "</s>"),
    SmallCaps: ('<span class="smallcaps">', "</span>"),
}

#: The other inline nodes (``str`` and WikiLink are handled by ``_Pass.inline`` itself).
_INLINE_RENDERERS: dict[type, _Renderer] = {
    ExternalLink: _Pass.external_link,
    Note: _Pass.note,
    LineBreak: _Pass.line_break,
    Layout: _Pass.layout,
    AnchorLink: _Pass.anchor_link,
    Anchor: _Pass.anchor,
}


def _may_hide_link(first: Inline) -> bool:
    """Whether a bullet starting with ``first`` may need :func:`_unspoil_leading_link`."""
    kind = type(first)
    return kind is Spoiler or (kind is str and not first.strip())  # type: ignore[union-attr]


def _heading_shift(blocks: list[Block]) -> int:
    """Map the document's largest heading to ``h2`` so heading levels never skip one.

    Pages that use only ``!!`` (most TV Tropes pages) would otherwise jump from the page's
    ``h1`` title to ``h3``.
    """
    top = 3
    stack = list(blocks)
    while stack:
        block = stack.pop()
        kind = type(block)
        if kind is Heading:
            top = min(top, block.level)
        elif kind is Folder or kind is IndexRegion:
            stack.extend(block.children)
    return 2 - top


def _unspoil_leading_link(children: list[Inline]) -> list[Inline]:
    """``[[spoiler:Link rest]] more`` → ``Link [[spoiler: rest]] more``."""
    first = 0
    while first < len(children) and type(children[first]) is str and not children[first].strip():
        first += 1
    if first == len(children) or type(children[first]) is not Spoiler:
        return children
    inner = children[first].children
    at = 0
    while at < len(inner) and type(inner[at]) is str and not inner[at].strip():
        at += 1
    if at == len(inner) or type(inner[at]) is not WikiLink:
        return children
    rest = inner[at + 1 :]
    shown: list[Inline] = [*children[:first], inner[at]]
    if any(type(n) is not str or n.strip() for n in rest):
        shown.append(Spoiler(rest))
    return [*shown, *children[first + 1 :]]


def _leading_link_index(children: list[Inline]) -> int:
    """Index of the child holding the bullet's leading wiki link (maybe inside emphasis), or -1."""
    for index, node in enumerate(children):
        kind = type(node)
        if kind is str:
            if node.strip():
                return -1
            continue
        if kind is WikiLink:
            return index
        if kind in (Italic, Bold) and node.children and type(node.children[0]) is WikiLink:
            return index
        return -1
    return -1


def _default_links(targets: list[Target]) -> dict[int, tuple[str, str]]:
    """``_link_parts`` of DefaultResolver's answer for each target, by id, made in bulk."""
    if not targets:
        return {}
    urls = [
        f"/{t.namespace}/{t.name}#{t.anchor}" if t.anchor else f"/{t.namespace}/{t.name}"
        for t in targets
    ]
    titles = spaced_titles([t.name for t in targets])
    # Parser-made names and anchors never need escaping: check them all at once.
    joined = "".join(urls)
    if "&" in joined or "<" in joined or ">" in joined or '"' in joined:
        urls = [escape_attr(url) for url in urls]
    joined = "".join(titles)
    if "&" in joined or "<" in joined or ">" in joined:
        titles = [escape_text(title) for title in titles]
    return {
        id(target): ('<a class="wikilink" href="' + url + '">', title)
        for target, url, title in zip(targets, urls, titles, strict=True)
    }


def _link_parts(resolved: Resolved) -> tuple[str, str]:
    """The opening ``<a>`` tag and the escaped title for one answer."""
    css = "wikilink" if resolved.exists else "wikilink new"
    return f'<a class="{css}" href="{escape_attr(resolved.url)}">', escape_text(resolved.title)


def _unresolved(target: Target) -> Resolved:
    """What a target the resolver left out becomes: red, where it would be."""
    return Resolved(default_url(target), False, spaced_title(target.name))
