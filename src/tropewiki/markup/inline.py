"""Inline parsing: one line of markup → a list of ``str`` and inline nodes.

The scan is a loop over :data:`INLINE_TOKEN` matches with a small stack of open constructs
("frames"). ``]]`` closes the innermost open bracket construct; ``[[/note]]`` closes the
innermost note; ``''``/``'''`` toggle italic/bold within the current bracket. When a frame is
closed, bold/italic frames still open above it are closed with it; anything else still open
above it (and everything open at the end of the line) degrades to literal text: its opener is
kept as written and its content is spliced into the parent. Each token costs O(1) amortised
plus O(:data:`MAX_DEPTH`), so the whole scan is linear in the line length.

Links never nest: inside link text, WikiWords and ``{{…}}`` become plain text and an inner
``[[Target text]]`` keeps only its text.
"""

from __future__ import annotations

from functools import lru_cache
from re import Match

from tropewiki.markup.context import ParseContext
from tropewiki.markup.inline_syntax import INLINE_TOKEN, MAX_DEPTH
from tropewiki.markup.namespaces import DEFAULT_NAMESPACE, KNOWN_NAMESPACES, USER_NAMESPACE
from tropewiki.markup.nodes import (
    LINE_BREAK,
    Anchor,
    AnchorLink,
    Bold,
    ExternalLink,
    Inline,
    Italic,
    Layout,
    Note,
    SmallCaps,
    Spoiler,
    Strike,
    WikiLink,
)
from tropewiki.markup.titles import is_wikiword, name_fragment, wikiword_from_words
from tropewiki.markup.urls import safe_url

__all__ = ["parse_inline"]

# Frame kinds. Quote kinds < _NOTE; note kinds < _BRACKET; bracket kinds close on "]]".
_ITALIC, _BOLD, _NOTE, _LABELNOTE = 0, 1, 2, 3
_BRACKET = 4
_SPOILER, _STRIKE, _SMALLCAPS, _CENTER, _RTL, _INDENT = 4, 5, 6, 7, 8, 9
_POTHOLE, _EXTERNAL, _ANCHORLINK, _UNLINK = 10, 11, 12, 13
_LINK_KINDS = frozenset({_POTHOLE, _EXTERNAL, _ANCHORLINK, _UNLINK})
_TAG_KINDS = {
    "spoiler": _SPOILER,
    "strike": _STRIKE,
    "ac": _SMALLCAPS,
    "AC": _SMALLCAPS,
    "center": _CENTER,
    "rtl": _RTL,
}
_RESERVED_WORDS = frozenset({"foldercontrol", "index"})
_MAX_INDENT = 8

# A frame is a list: [kind, children, opener text, parent children, data, position].
Frame = list

# Group numbers of the groups read on hot paths (by number: no name lookup per token).
_GROUPS = INLINE_TOKEN.groupindex
_NW, _SEP, _PEND, _SPTEXT = _GROUPS["nw"], _GROUPS["sep"], _GROUPS["pend"], _GROUPS["sptext"]
_BB, _BS, _BG = _GROUPS["bb"], _GROUPS["bs"], _GROUPS["bg"]
_POTHOLE_GROUPS = tuple(_GROUPS[g] for g in ("pend", "url", "anchor", "pb", "pw", "pns", "pat"))
_POTHOLE_GROUPS += tuple(_GROUPS[g] for g in ("ps", "pa", "ptext"))


def parse_inline(text: str, base: int, ctx: ParseContext) -> list[Inline]:
    """Parse one line; ``base`` is the offset of ``text[0]`` in the document source."""
    search = INLINE_TOKEN.search
    m = search(text)
    if m is None:
        return [text]
    root: list[Inline] = []
    out = root
    stack: list[Frame] = []
    in_link = 0  # open link frames: links inside them are plain text
    pos = 0
    no_escape_end = False
    bare_targets = ctx.bare_targets
    # The common tokens are handled inline, most frequent first (plain function calls cost
    # more than the work); everything unusual goes through the helpers below.
    while m is not None:
        start, end = m.span()
        if start > pos:
            out.append(text[pos:start])
        pos = end
        kind = m.lastgroup
        if kind == "ww":
            word = text[start:end]
            if in_link:
                out.append(word)
            else:
                target = bare_targets.get(word)
                if target is None:
                    target = ctx.main(word)
                out.append(WikiLink(target, None, base + start))
        elif kind == "nsword":
            name = m[_NW]
            sep_at = m.start(_SEP)
            if name is not None and not in_link and text[sep_at] == "/":  # Namespace/WikiWord
                out.append(WikiLink(ctx.target(text[start:sep_at], name), None, base + start))
            else:
                pos = _namespaced(m, text, out, in_link, base, ctx)
        elif kind == "italic" or kind == "bold":
            content = m[kind]
            frame_kind = _ITALIC if kind == "italic" else _BOLD
            if (not stack or (len(stack) < MAX_DEPTH and _in_scope(stack, frame_kind) < 0)) and (
                content.islower() or search(content) is None
            ):
                out.append(Italic([content]) if frame_kind == _ITALIC else Bold([content]))
            else:  # the long way: a run of quotes, then the text as it comes
                pos = start + frame_kind + 2
                out = _quotes(frame_kind + 2, stack, out, base + start, ctx)
        elif kind == "pothole":
            if len(stack) >= MAX_DEPTH:
                pos = m.end(_PEND)
                out.append(text[start:pos])
            else:
                out, pushed, pos = _pothole(m, text, stack, out, in_link, base + start, ctx)
                in_link += pushed
        elif kind == "braces":
            body, suffix, glue = m.group(_BB, _BS, _BG)
            display = body.strip() + glue
            name = _braces_name(body, suffix)
            if in_link or not name:
                out.append(display if name else m.group())
            else:
                out.append(WikiLink(ctx.target(DEFAULT_NAMESPACE, name), [display], base + start))
        elif kind == "spoiler":
            content = m[_SPTEXT]
            if len(stack) < MAX_DEPTH and (
                not content or content.islower() or search(content) is None
            ):
                out.append(Spoiler([content] if content else []))
            else:  # the long way: an opening tag, then the text as it comes
                pos = m.start(_SPTEXT)
                if len(stack) >= MAX_DEPTH:
                    out.append(text[start:pos])
                else:
                    frame = [_SPOILER, [], text[start:pos], out, 0, base + start]
                    stack.append(frame)
                    out = frame[1]
        elif kind == "close":
            if stack and stack[-1][0] >= _BRACKET:
                frame = stack.pop()
                out = frame[3]
                if frame[0] == _SPOILER:
                    out.append(Spoiler(frame[1]))
                else:
                    _finish(frame, ctx)
                    if frame[0] >= _POTHOLE:
                        in_link -= 1
            else:
                i = _innermost(stack, _BRACKET)
                if i < 0:
                    out.append("]]")
                else:
                    out = _close(stack, i, ctx)
                    in_link = _count_links(stack)
        elif kind == "quotes":
            run = end - start
            if run == 2 or run == 3:
                if not stack:  # opens at the top level: the usual case
                    frame = [run - 2, [], text[start:end], out, None, base + start]
                    stack.append(frame)
                    out = frame[1]
                elif stack[-1][0] == run - 2:  # closes the innermost frame: the usual case
                    frame = stack.pop()
                    out = frame[3]
                    out.append(Italic(frame[1]) if run == 2 else Bold(frame[1]))
                else:
                    out = _quotes(run, stack, out, base + start, ctx)
            else:
                out = _quotes(run, stack, out, base + start, ctx)
        elif kind == "tag" or kind == "indent":
            if len(stack) >= MAX_DEPTH:
                out.append(m.group())
            else:
                if kind == "tag":
                    name = m.group("tag")
                    frame_kind = _TAG_KINDS.get(name) or _TAG_KINDS[name.lower()]
                    level = 0
                else:
                    frame_kind = _INDENT
                    level = max(1, min(int(m.group("indent")), _MAX_INDENT))
                frame = [frame_kind, [], m.group(), out, level, base + start]
                stack.append(frame)
                out = frame[1]
        elif kind == "escape":
            end = -1 if no_escape_end else text.find("=]", pos)
            if end < 0:  # no "=]" anywhere after: no later escape can end either
                no_escape_end = True
                out.append(m.group())
            else:
                content, pos = _escaped(text, start, end)
                if content:
                    out.append(content)
        elif kind == "user":
            _user_link(m, out, in_link, base + start, ctx)
        elif kind == "br":
            out.append(LINE_BREAK)
        else:  # "noteword" or "label"
            out = _note_word(m, kind, stack, out, base + start, ctx)
        m = search(text, pos)
    if pos < len(text):
        out.append(text[pos:])
    while stack:
        _degrade(stack.pop())
    return root


# ---- links -----------------------------------------------------------------------------------


def _namespaced(
    m: Match[str], text: str, out: list[Inline], in_link: int, base: int, ctx: ParseContext
) -> int:
    """``Namespace/Name``, ``Namespace/{{…}}`` or ``Namespace.Name``; returns where to go on."""
    start = m.start()
    sep_at = m.start("sep")
    namespace = text[start:sep_at]
    if m.group("sep") == "." and namespace not in KNOWN_NAMESPACES:
        # "Word.Next": not a namespace. Link the first word if it is a WikiWord and rescan
        # from after the dot, so the next word gets its own chance.
        if is_wikiword(namespace) and not in_link:
            out.append(WikiLink(ctx.main(namespace), None, base + start))
            out.append(".")
        else:
            out.append(text[start : sep_at + 1])
        return sep_at + 1
    name = m.group("nw")
    body = m.group("nb")
    if in_link:
        out.append(m.group() if body is None else body.strip() + m.group("ng"))
        return m.end()
    if name is not None:
        out.append(WikiLink(ctx.target(namespace, name), None, base + start))
        return m.end()
    name = _braces_name(body, m.group("ns"))
    if not name:
        out.append(m.group())
    else:
        display = body.strip() + m.group("ng")
        out.append(WikiLink(ctx.target(namespace, name), [display], base + start))
    return m.end()


@lru_cache(maxsize=1 << 13)
def _braces_name(body: str, suffix: str | None) -> str:
    """The page name ``{{body|suffix}}`` points to (``""`` when there is none)."""
    name = wikiword_from_words(body)
    return name + name_fragment(suffix) if suffix and name else name


def _user_link(
    m: Match[str], out: list[Inline], in_link: int, position: int, ctx: ParseContext
) -> None:
    """``@/{{Handle}}`` or ``@/Handle`` (``{{words}}`` alone is handled in the main loop)."""
    if m["uw"] is not None:
        body, suffix, glue = m["uw"], None, ""
    else:
        body, suffix, glue = m["ub"], m["us"], m["ug"]
    display = body.strip() + glue
    name = _braces_name(body, suffix)
    if in_link or not name:
        out.append(display if name else m.group())
    else:
        out.append(WikiLink(ctx.target(USER_NAMESPACE, name), [display], position))


def _pothole(
    m: Match[str],
    text: str,
    stack: list[Frame],
    out: list[Inline],
    in_link: int,
    position: int,
    ctx: ParseContext,
) -> tuple[list[Inline], int, int]:
    """``[[target`` then ``]]``, ``text]]`` or text still to come.

    Returns the list that receives what follows, the number of frames pushed (0 or 1) and
    where scanning resumes.
    """
    pend, url, anchor, body, word, namespace, at, suffix, page_anchor, plain = m.group(
        *_POTHOLE_GROUPS
    )
    opener_end = m.end(_PEND)
    opener = text[m.start() : opener_end]
    bare = pend == "]]"
    if bare or plain is None:
        plain, end = None, opener_end
    else:
        end = m.end()  # the text and the closing brackets came with the token
    if url is not None:
        if safe_url(url) is None:
            out.append(opener)
            return out, 0, opener_end
        if bare:
            out.append(url if in_link else ExternalLink(url, None, ctx.next_number(), position))
            return out, 0, end
        if plain is not None:
            out.append(plain if in_link else ExternalLink(url, [plain], 0, position))
            return out, 0, end
        return (*_push(stack, _UNLINK if in_link else _EXTERNAL, opener, out, url, position), end)
    if anchor is not None:
        if bare:
            out.append(Anchor(anchor))
            return out, 0, end
        if plain is not None:
            out.append(plain if in_link else AnchorLink(anchor, [plain], position))
            return out, 0, end
        kind = _UNLINK if in_link else _ANCHORLINK
        return (*_push(stack, kind, opener, out, anchor, position), end)
    if at:
        namespace = USER_NAMESPACE
    elif namespace is None:
        if word is not None and word.lower() in _RESERVED_WORDS:
            out.append(opener)
            return out, 0, opener_end
        namespace = DEFAULT_NAMESPACE
    elif not namespace[0].isupper():
        namespace = namespace[0].upper() + namespace[1:]
    if word is not None:
        name = word if word[0].isupper() else word[0].upper() + word[1:]
        display = None
    else:
        name, display = _braces_name(body, suffix), body.strip()
    if not name:
        out.append(opener)
        return out, 0, opener_end
    if bare:
        if in_link:
            out.append(display or word)
        else:
            target = ctx.target(namespace, name, page_anchor or "")
            out.append(WikiLink(target, None if display is None else [display], position))
        return out, 0, end
    if plain is not None:
        if in_link:
            out.append(plain)
        else:
            target = ctx.target(namespace, name, page_anchor or "")
            out.append(WikiLink(target, _text_or_none([plain]), position))
        return out, 0, end
    if in_link:
        return (*_push(stack, _UNLINK, opener, out, None, position), end)
    key = (namespace, name, page_anchor or "")
    return (*_push(stack, _POTHOLE, opener, out, key, position), end)


def _push(
    stack: list[Frame], kind: int, opener: str, out: list[Inline], data: object, position: int
) -> tuple[list[Inline], int]:
    frame = [kind, [], opener, out, data, position]
    stack.append(frame)
    return frame[1], 1


# ---- formatting and notes --------------------------------------------------------------------


def _quotes(
    run: int, stack: list[Frame], out: list[Inline], position: int, ctx: ParseContext
) -> list[Inline]:
    """A run of apostrophes: 2 italic, 3 bold, 5 both; extra apostrophes stay literal."""
    if run == 2:
        return _toggle(_ITALIC, stack, out, position, ctx)
    if run == 3:
        return _toggle(_BOLD, stack, out, position, ctx)
    if run == 4:
        out.append("'")
        return _toggle(_BOLD, stack, out, position, ctx)
    if run > 5:
        out.append("'" * (run - 5))
    italic = _in_scope(stack, _ITALIC)
    bold = _in_scope(stack, _BOLD)
    if italic >= 0 and bold >= 0:
        return _close(stack, min(italic, bold), ctx)
    if italic >= 0:
        out = _close(stack, italic, ctx)
        return _toggle(_BOLD, stack, out, position, ctx)
    if bold >= 0:
        out = _close(stack, bold, ctx)
        return _toggle(_ITALIC, stack, out, position, ctx)
    out = _toggle(_BOLD, stack, out, position, ctx)
    return _toggle(_ITALIC, stack, out, position, ctx)


def _toggle(
    kind: int, stack: list[Frame], out: list[Inline], position: int, ctx: ParseContext
) -> list[Inline]:
    i = _in_scope(stack, kind)
    if i >= 0:
        return _close(stack, i, ctx)
    opener = "''" if kind == _ITALIC else "'''"
    if len(stack) >= MAX_DEPTH:
        out.append(opener)
        return out
    return _push(stack, kind, opener, out, None, position)[0]


def _note_word(
    m: Match[str],
    kind: str,
    stack: list[Frame],
    out: list[Inline],
    position: int,
    ctx: ParseContext,
) -> list[Inline]:
    """``[[note]]``, ``[[labelnote:L]]``, ``[[/note]]`` or ``[[/labelnote]]``."""
    if kind == "label":
        opening, data = _LABELNOTE, m.group("label").strip()
    else:
        word = m.group("noteword").lower()
        if word.startswith("/"):
            i = _innermost(stack, _NOTE if word == "/note" else _LABELNOTE, exact=True)
            if i < 0:
                out.append(m.group())
                return out
            return _close(stack, i, ctx)
        opening, data = _NOTE, ""
    if len(stack) >= MAX_DEPTH:
        out.append(m.group())
        return out
    return _push(stack, opening, m.group(), out, data, position)[0]


# ---- the stack -------------------------------------------------------------------------------


def _innermost(stack: list[Frame], kind: int, exact: bool = False) -> int:
    """Index of the innermost frame of ``kind`` (any bracket kind unless ``exact``), or -1."""
    for i in range(len(stack) - 1, -1, -1):
        k = stack[i][0]
        if k == kind if exact else k >= kind:
            return i
    return -1


def _in_scope(stack: list[Frame], kind: int) -> int:
    """Index of an open italic/bold frame of ``kind`` above the innermost other frame, or -1."""
    for i in range(len(stack) - 1, -1, -1):
        k = stack[i][0]
        if k == kind:
            return i
        if k >= _NOTE:
            return -1
    return -1


def _count_links(stack: list[Frame]) -> int:
    return sum(1 for frame in stack if frame[0] in _LINK_KINDS)


def _close(stack: list[Frame], i: int, ctx: ParseContext) -> list[Inline]:
    """Close ``stack[i]`` (and what is above it); return the list that receives what follows."""
    while len(stack) > i + 1:
        frame = stack.pop()
        if frame[0] < _NOTE:
            _finish(frame, ctx)
        else:
            _degrade(frame)
    frame = stack.pop()
    _finish(frame, ctx)
    return frame[3]


def _finish(frame: Frame, ctx: ParseContext) -> None:
    kind, children, _opener, parent, data, position = frame
    if kind == _ITALIC:
        parent.append(Italic(children))
    elif kind == _BOLD:
        parent.append(Bold(children))
    elif kind == _SPOILER:
        parent.append(Spoiler(children))
    elif kind == _POTHOLE:
        # The target is made (and so registered) only now that the link is complete.
        parent.append(WikiLink(ctx.target(*data), _text_or_none(children), position))
    elif kind == _EXTERNAL:
        parent.append(ExternalLink(data, children, 0, position))
    elif kind == _UNLINK:
        parent.extend(children)
    elif kind == _ANCHORLINK:
        parent.append(AnchorLink(data, children, position))
    elif kind == _STRIKE:
        parent.append(Strike(children))
    elif kind == _SMALLCAPS:
        parent.append(SmallCaps(children))
    elif kind in (_NOTE, _LABELNOTE):
        parent.append(Note(data, children))
    elif kind == _CENTER:
        parent.append(Layout("center", 0, children))
    elif kind == _RTL:
        parent.append(Layout("rtl", 0, children))
    else:
        parent.append(Layout("indent", data, children))


def _degrade(frame: Frame) -> None:
    parent = frame[3]
    parent.append(frame[2])
    parent.extend(frame[1])


def _text_or_none(children: list[Inline]) -> list[Inline] | None:
    """Custom link text, or None when it is blank (``[[Target ]]`` shows the title)."""
    if not children or (
        len(children) == 1 and isinstance(children[0], str) and not children[0].strip()
    ):
        return None
    return children


def _escaped(text: str, start: int, end: int) -> tuple[str, int]:
    """The literal text of the escape at ``start`` whose first ``=]`` is at ``end``.

    Returns the text and where scanning resumes. ``[=~Title~=]`` drops both tildes.
    """
    if text.startswith("[=~", start) and end > start + 2 and text[end - 1] == "~":
        return text[start + 3 : end - 1], end + 2
    return text[start + 2 : end], end + 2
