"""The text of a page generated from data sets, and its merge with an earlier generated text.

A generated page reads::

    %%title: Oldboy (2003)
    %% tropewiki-import: generated from data sets
    ''Oldboy (2003)'' is a work (Film) described by public data sets taken from TV Tropes.
    <description paragraphs>

    !!Tropes
    * AdaptationalLocationChange
    * {{Age-Gap Romance}}: example text, when a data set has one

    Sources: <data set> ([[repository link]]); …
    Content from [[https://tvtropes.org/… TV Tropes]], licensed under [[… CC BY-NC-SA 3.0]].

Trope pages list ``!!Examples`` (works) instead; Laconic pages hold the one-line summary.
Importing again merges: the bullets are the union (by the page they name; the longer text
wins), the sources the union, and a title or description already there is kept. So
re-running an import changes nothing, and data sets imported one at a time add up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from tropewiki.io.datasets.corpus import LACONIC, TROPE, Corpus, Entry
from tropewiki.io.markup_writer import escape, escape_line
from tropewiki.io.text import LICENCE, LICENCE_URL, url_for
from tropewiki.knowledge.scan import scan_text
from tropewiki.markup.titles import is_wikiword, spaced_title, wikiword_from_words
from tropewiki.wiki.titles import page_key

MARKER = "%% tropewiki-import: generated from data sets"
_SOURCES = "Sources: "
_CONTENT = "Content from "
_BRACES = re.compile(r"[^{}\[\]|\n]{1,120}")


@dataclass(slots=True)
class Generated:
    """A generated text taken apart: what a merge combines."""

    title: str | None = None
    description: list[str] = field(default_factory=list)
    bullets: dict[str, str] = field(default_factory=dict)  # key → line
    sources: set[str] = field(default_factory=set)


@lru_cache(maxsize=1 << 17)
def bullet_link(namespace: str, name: str, title: str | None) -> str:
    """The link a generated bullet starts with (a form the fast scan reads)."""
    prefix = "" if namespace == "Main" else f"{namespace}/"
    if (
        title
        and title != spaced_title(name)
        and _BRACES.fullmatch(title)
        and title == title.strip()
        and wikiword_from_words(title) == name
    ):
        return f"{prefix}{{{{{title}}}}}"
    return prefix + name if is_wikiword(name) else f"[[{prefix}{name}]]"


def generate(entry: Entry, corpus: Corpus) -> Generated:
    """The parts of the text the data sets give for ``entry``."""
    out = Generated(title=corpus.title_of(entry.key))
    out.description = [escape_line(escape(p)) for p in _paragraphs(entry.description)]
    for key, (namespace, name, text) in entry.bullets.items():
        line = "* " + bullet_link(namespace, name, corpus.title_of(key))
        out.bullets[key] = line + (": " + escape(text) if text else "")
    for source_id in entry.sources:
        source = corpus.sources[source_id]
        out.sources.add(f"{escape(source.label)} ([[{source.url} {escape(source.url)}]])")
    return out


def _paragraphs(text: str) -> list[str]:
    text = text.replace("\\n", "\n")
    return [" ".join(p.split()) for p in re.split(r"\n+", text) if p.strip()]


def parse_generated(text: str) -> Generated | None:
    """The parts of a generated text, or None when the text was not generated."""
    if MARKER not in text:
        return None
    out = Generated()
    section = "head"
    for line in text.split("\n"):
        if line.startswith("%%title:"):
            out.title = line[len("%%title:") :].strip()
        elif line == MARKER:
            section = "intro"
        elif section == "intro":
            section = "description"
        elif line.startswith("!!"):
            section = "bullets"
        elif line.startswith(_SOURCES):
            out.sources.update(s for s in line[len(_SOURCES) :].rstrip(".").split("; ") if s)
        elif line.startswith(_CONTENT):
            continue
        elif section == "description" and line:
            out.description.append(line)
        elif section == "bullets" and line.startswith("* "):
            bullets = scan_text(line).bullets
            if bullets:
                target = bullets[0].target
                out.bullets[page_key(target.namespace, target.name)] = line
    return out


def merge(old: Generated, new: Generated) -> Generated:
    """Both texts' bullets and sources; the old title and description when there is one."""
    bullets = dict(old.bullets)
    for key, line in new.bullets.items():
        known = bullets.get(key)
        if known is None or (len(line), line) > (len(known), known):
            bullets[key] = line
    return Generated(
        title=old.title or new.title,
        description=old.description or new.description,
        bullets=bullets,
        sources=old.sources | new.sources,
    )


def render(entry: Entry, parts: Generated) -> str:
    """The page text."""
    lines = []
    if parts.title and parts.title != spaced_title(entry.name):
        lines.append(f"%%title: {parts.title}")
    lines.append(MARKER)
    shown = escape(parts.title or spaced_title(entry.name))
    if entry.kind == TROPE:
        lines.append(f"''{shown}'' is a trope described by public data sets taken from TV Tropes.")
    elif entry.kind == LACONIC:
        lines.append("The trope in a line, from public data sets taken from TV Tropes:")
    else:
        medium = entry.namespace
        lines.append(
            f"''{shown}'' is a work ({medium}) described by public data sets taken from TV Tropes."
        )
    for paragraph in parts.description:
        lines += ["", paragraph]
    if parts.bullets:
        lines += ["", "!!Examples" if entry.kind == TROPE else "!!Tropes"]
        lines += [parts.bullets[key] for key in sorted(parts.bullets)]
    lines += [
        "",
        _SOURCES + "; ".join(sorted(parts.sources)) + ".",
        f"{_CONTENT}[[{url_for(entry.namespace, entry.name)} TV Tropes]], licensed under "
        f"[[{LICENCE_URL} {LICENCE}]].",
    ]
    return "\n".join(lines) + "\n"
