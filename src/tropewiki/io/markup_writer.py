"""Writing markup: plain text escaped so it shows as itself, links in their natural form.

:func:`escape` turns text into markup that shows exactly that text (a WikiWord that was no
link, ``''``, ``[[``, ``%%``… are wrapped in ``[=…=]``). :class:`Line` assembles one line of
markup from text, literal markup and links, choosing for each link the form an editor would
write — ``AlphaBitch``, ``Film/TheMatrix``, ``{{Red Oni, Blue Oni}}``, ``Film/{{Oldboy}}`` or
the pothole ``[[Film/Oldboy2003 the original]]`` — and falling back to the pothole wherever
neighbouring letters would change what a bare form means.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tropewiki.markup.context import ParseContext
from tropewiki.markup.inline import parse_inline
from tropewiki.markup.inline_syntax import INLINE_TOKEN
from tropewiki.markup.titles import is_wikiword, spaced_title, wikiword_from_words

__all__ = ["Line", "escape", "escape_line", "link_markup"]

_RISKY = re.compile(r"%%|\[=|=\]")
_NOT_POTHOLE_WORDS = frozenset({"foldercontrol", "index", "note"})
_BRACES_BODY = re.compile(r"[^{}\[\]|\n]{1,120}")
_LINE_START = re.compile(r"[*!]|\+[ \t]|-+>|-{4,}\s*$")


def escape(text: str) -> str:
    """Markup that shows ``text`` exactly (one line: newlines become spaces)."""
    text = text.replace("\n", " ").replace("\r", " ")
    if not text:
        return ""
    spans = [(m.start(), m.end()) for m in INLINE_TOKEN.finditer(text)]
    spans += [(m.start(), m.end()) for m in _RISKY.finditer(text)]
    if not spans:
        return text
    out: list[str] = []
    pos = 0
    for start, end in _merged(spans):
        out.append(text[pos:start])
        out.append(_wrap(text[start:end]))
        pos = end
    out.append(text[pos:])
    escaped = "".join(out)
    if _shows(escaped) == text:
        return escaped
    return "".join(_wrap(ch) if not ch.isalnum() and ch != " " else ch for ch in text)


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _wrap(chunk: str) -> str:
    """``[=chunk=]``; a chunk holding ``=]`` is cut so that no escape ends early."""
    if "=]" not in chunk:
        return f"[={chunk}=]"
    return "".join(f"[={ch}=]" for ch in chunk)


def _shows(markup: str) -> str | None:
    """The text ``markup`` shows when it is plain (no links or formatting), else None."""
    nodes = parse_inline(markup, 0, ParseContext())
    return "".join(nodes) if all(isinstance(n, str) for n in nodes) else None


def escape_line(markup: str) -> str:
    """``markup`` made safe at the start of a line: no bullet, heading, rule or quote.

    (A leading ``[[`` is always markup here: ``escape`` wraps the brackets of plain text.)
    """
    stripped = markup.lstrip()
    if _LINE_START.match(stripped):
        return f"[={stripped[0]}=]{stripped[1:]}"
    return stripped


def link_markup(namespace: str, name: str, display: str | None, *, bare: bool = True) -> str:
    """The markup of a link to ``namespace/name`` shown as ``display`` (None: the page title).

    ``bare`` False means neighbouring letters forbid the bare and braced forms.
    """
    prefix = "" if namespace == "Main" else f"{namespace}/"
    if display is None or not display.strip():
        if bare and is_wikiword(name):
            return prefix + name
        if namespace == "Main" and name.lower() in _NOT_POTHOLE_WORDS:
            prefix = "Main/"
        return f"[[{prefix}{name}]]"
    if bare and display == spaced_title(name) and is_wikiword(name):
        return prefix + name
    if (
        bare
        and display == display.strip()
        and _BRACES_BODY.fullmatch(display)
        and "''" not in display
        and wikiword_from_words(display) == name
    ):
        return f"{prefix}{{{{{display}}}}}"
    if namespace == "Main" and name.lower() in _NOT_POTHOLE_WORDS:
        prefix = "Main/"
    return f"[[{prefix}{name} {escape(display).strip()}]]"


@dataclass(slots=True)
class _Link:
    namespace: str
    name: str
    display: Line | None


@dataclass(slots=True)
class Line:
    """One line of inline markup being assembled."""

    parts: list[object] = field(default_factory=list)

    def text(self, text: str) -> Line:
        if text:
            self.parts.append(text)
        return self

    def markup(self, markup: str) -> Line:
        if markup:
            self.parts.append(_Markup(markup))
        return self

    def link(self, namespace: str, name: str, display: Line | None) -> Line:
        self.parts.append(_Link(namespace, name, display))
        return self

    def is_empty(self) -> bool:
        return not any(
            isinstance(p, _Link) or (isinstance(p, str) and p.strip()) or isinstance(p, _Markup)
            for p in self.parts
        )

    def plain(self) -> str | None:
        """The text of the line when it holds only text, else None."""
        return "".join(self.parts) if all(isinstance(p, str) for p in self.parts) else None  # type: ignore[arg-type]

    def build(self) -> str:
        """The markup; text escaped, apostrophes next to ``''`` kept apart, links formed."""
        parts = _joined_text(self.parts)
        out: list[str] = []
        for index, part in enumerate(parts):
            before = out[-1][-1:] if out else ""
            after = _first_char(parts[index + 1]) if index + 1 < len(parts) else ""
            if isinstance(part, _Markup):
                out.append(part.markup)
            elif isinstance(part, _Link):
                out.append(_link(part, before, after))
            else:
                out.append(_text(part, before, after))
        return "".join(s for s in out if s)


@dataclass(slots=True)
class _Markup:
    markup: str


def _joined_text(parts: list[object]) -> list[object]:
    """Adjacent text parts as one (so a WikiWord split over two parts is still escaped)."""
    out: list[object] = []
    for part in parts:
        if isinstance(part, str) and out and isinstance(out[-1], str):
            out[-1] = out[-1] + part
        else:
            out.append(part)
    return out


def _first_char(part: object) -> str:
    if isinstance(part, str):
        return part[:1]
    if isinstance(part, _Markup):
        return part.markup[:1]
    return "A"  # a link may begin with a letter: assume it does


def _text(text: str, before: str, after: str) -> str:
    lead = trail = ""
    if before == "'" and text.startswith("'"):
        stripped = text.lstrip("'")
        lead, text = "[=" + "'" * (len(text) - len(stripped)) + "=]", stripped
    if after == "'" and text.endswith("'"):
        stripped = text.rstrip("'")
        trail, text = "[=" + "'" * (len(text) - len(stripped)) + "=]", stripped
    return lead + escape(text) + trail


def _link(link: _Link, before: str, after: str) -> str:
    display = link.display.plain() if link.display is not None else None
    bare = not (before and (before.isalnum() or before in "_/.@{")) and not (
        after.isalnum() or after == "_"
    )
    if link.display is not None and display is None:
        inner = link.display.build().strip()
        prefix = "" if link.namespace == "Main" else f"{link.namespace}/"
        if link.namespace == "Main" and link.name.lower() in _NOT_POTHOLE_WORDS:
            prefix = "Main/"
        return f"[[{prefix}{link.name} {inner}]]" if inner else f"[[{prefix}{link.name}]]"
    if display is not None and not display.strip():
        return ""
    return link_markup(link.namespace, link.name, display, bare=bare)
