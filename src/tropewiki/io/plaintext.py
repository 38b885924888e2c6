"""Plain-text scrapes of TV Tropes pages (the seed ``never-let-me-go.tvtropes.txt``).

The layout: the site's navigation (``main index`` … ``TV Tropes Org``), a title line
``Literature: Never Let Me Go`` (namespace and display title), paragraphs, bullets ``•``
(nested ``◦``/``▪`` or deeper indentation) written ``Trope Name: text``, then the footer: glued
``Previous | Index | Next`` rows, ``alternative title(s): A; B`` and the licence lines.

Links did not survive the scrape, except the one each bullet starts with: the trope's name,
which becomes a link to ``Main/TropeName``. Where the colon after it was lost too
(``Childhood Friend Romance Pretty obvious…``), the name is the run of title-cased words,
minus a last capitalised word that starts the sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from tropewiki.io.bars import split_row
from tropewiki.io.markup_writer import escape, escape_line, link_markup
from tropewiki.io.pages import Bar, ImportedPage, Ref, index_type
from tropewiki.io.text import LICENCE, decode, name_from_title, url_for
from tropewiki.markup import KNOWN_NAMESPACES
from tropewiki.markup.titles import spaced_title

__all__ = ["looks_like_plaintext", "read_plaintext"]

_NAMESPACES = {ns.lower(): ns for ns in KNOWN_NAMESPACES}
_BULLET = re.compile(r"^(?P<indent>\s*)(?P<mark>[•◦▪‣∙·*-])\s+(?P<text>.*)$")
_ALTERNATIVE = re.compile(r"^\s*alternative titles?(?:\(s\))?:\s*(?P<titles>.*)$", re.IGNORECASE)
_LICENCE_LINE = re.compile(r"licensed under a Creative Commons|Permissions beyond|Privacy Policy")
_SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "the",
        "of",
        "to",
        "in",
        "into",
        "on",
        "for",
        "or",
        "nor",
        "but",
        "with",
        "by",
        "at",
        "from",
        "as",
        "is",
        "be",
        "vs",
        "not",
        "no",
        "it",
        "its",
        "than",
        "up",
        "out",
        "off",
        "over",
        "per",
        "via",
        "so",
        "yet",
        "are",
        "was",
        "who",
        "what",
        "when",
        "where",
        "how",
        "that",
        "this",
        "all",
    ]
)
_SUB_MARKS = {"◦": 2, "▪": 3, "‣": 2}

# Words in an index's title that tell the medium of its members.
_MEDIUM_WORDS = (
    (re.compile(r"\b(?:Films?|Movies?)\b", re.IGNORECASE), "Film"),
    (re.compile(r"\b(?:Literature|Novels?|Books?|Lit Fic|Award)\b", re.IGNORECASE), "Literature"),
    (re.compile(r"\b(?:Series|Television|TV)\b", re.IGNORECASE), "Series"),
)


def looks_like_plaintext(head: str) -> bool:
    """Whether a text file starts like a plain-text scrape of a TV Tropes page."""
    lines = [line.strip() for line in head.splitlines() if line.strip()]
    return bool(lines) and lines[0].lower() == "main index" and "TV Tropes Org" in lines[:12]


def read_plaintext(
    data: bytes,
    origin: str,
    known: Callable[[str], int],
    namespace_of: Callable[[str], str | None],
    known_indexes: set[str],
) -> ImportedPage:
    """The page in a scrape. ``known`` scores titles (2 index, 1 page), ``namespace_of`` finds
    the namespace of an existing page by title."""
    lines = decode(data).replace("\r\n", "\n").split("\n")
    start = next(i for i, line in enumerate(lines) if line.strip() == "TV Tropes Org") + 1
    while start < len(lines) and not lines[start].strip():
        start += 1
    if start >= len(lines):
        raise ValueError("no title line after the site header")
    namespace, title = _title_line(lines[start])
    name = name_from_title(title)
    if not name:
        raise ValueError(f"cannot make a page name of the title {title!r}")
    body, footer = _split_footer(lines[start + 1 :])
    text_lines = [f"%%title: {title}"] if title != spaced_title(name) else []
    text_lines += _body(body)
    page = ImportedPage(
        namespace=namespace,
        name=name,
        text="\n".join(text_lines).strip() + "\n",
        source_url=url_for(namespace, name),
        licence="",
        page_type=index_type(namespace, name, known_indexes, "\n".join(text_lines)),
        origin=origin,
    )
    _footer(page, footer, known, namespace_of)
    return page


def _title_line(line: str) -> tuple[str, str]:
    head, sep, rest = line.strip().partition(":")
    namespace = _NAMESPACES.get(head.strip().replace(" ", "").lower()) if sep else None
    if namespace is not None and rest.strip():
        return namespace, rest.strip()
    return "Main", line.strip()


def _split_footer(lines: list[str]) -> tuple[list[str], list[str]]:
    """Body lines, and the footer (the lines after the last bullet that are no paragraph)."""
    last_bullet = max((i for i, line in enumerate(lines) if _BULLET.match(line)), default=-1)
    return lines[: last_bullet + 1], lines[last_bullet + 1 :]


def _body(lines: list[str]) -> list[str]:
    out: list[str] = []
    for line in lines:
        if not line.strip():
            if out and out[-1]:
                out.append("")
            continue
        bullet = _BULLET.match(line)
        if bullet is None:
            out.append(escape_line(escape(line.strip())))
            continue
        depth = _SUB_MARKS.get(bullet["mark"], 1 if len(bullet["indent"]) <= 2 else 2)
        out.append("*" * depth + " " + _bullet_text(bullet["text"].strip(), depth == 1))
    return out


def _bullet_text(text: str, top: bool) -> str:
    """``Trope Name: text`` → ``TropeName: text`` (a link to the trope, then the example)."""
    if not top:
        return escape(text)
    name, rest = _trope_and_text(text)
    if name is None:
        return escape(text)
    trope = name_from_title(name)
    return link_markup("Main", trope, name) + escape(rest)


def _trope_and_text(text: str) -> tuple[str | None, str]:
    head, sep, tail = text.partition(":")
    if sep and _title_like(head.split()):
        return head.strip(), ":" + tail
    words = text.split(" ")
    run = 0
    while run < len(words) and _title_like([words[run]]):
        run += 1
    if run < len(words) and run > 1 and words[run - 1][:1].isupper():
        run -= 1  # "Romance Pretty obvious": "Pretty" starts the example's sentence
    if run == 0:
        return None, text
    name = " ".join(words[:run]).rstrip(".!,;")
    return name, text[len(name) :]


def _title_like(words: list[str]) -> bool:
    return bool(words) and all(
        w[:1].isupper() or w[:1].isdigit() or w[:1] in "\"'(" or w.lower() in _SMALL_WORDS
        for w in words
    )


def _footer(
    page: ImportedPage,
    footer: list[str],
    known: Callable[[str], int],
    namespace_of: Callable[[str], str | None],
) -> None:
    for line in footer:
        stripped = line.strip()
        if not stripped:
            continue
        alternative = _ALTERNATIVE.match(stripped)
        if alternative:
            page.aliases = _aliases(page, alternative["titles"])
        elif "Attribution-NonCommercial-ShareAlike 3.0" in stripped:
            page.licence = LICENCE
        elif not _LICENCE_LINE.search(stripped):
            parts = split_row(stripped, known)
            if parts is not None:
                page.bars.append(_bar(page, parts, namespace_of))


def _aliases(page: ImportedPage, titles: str) -> list[Ref]:
    """One redirect per distinct title: in the page's namespace, else in Main (where TV Tropes
    kept works' old addresses)."""
    refs: list[Ref] = []
    for title in (t.strip() for t in titles.split(";")):
        name = name_from_title(title)
        if not name:
            continue
        for namespace in (page.namespace, "Main"):
            taken = {(r.namespace, r.name) for r in refs} | {(page.namespace, page.name)}
            if (namespace, name) not in taken:
                refs.append(Ref(namespace, name, title))
                break
    return refs


def _bar(
    page: ImportedPage, parts: tuple[str, str, str], namespace_of: Callable[[str], str | None]
) -> Bar:
    previous, index, following = parts
    medium = next((ns for pattern, ns in _MEDIUM_WORDS if pattern.search(index)), page.namespace)

    def ref(title: str, default: str) -> Ref:
        return Ref(namespace_of(title) or default, name_from_title(title), title)

    return Bar(
        ref(previous, medium) if previous else None,
        ref(index, "Main"),
        ref(following, medium) if following else None,
    )
