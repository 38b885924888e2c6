"""The full-text query language (documented for readers in ``docs/search.md``).

==========================  =================================================================
``vampire castle``          pages with both words (in any form: *castles* matches *castle*)
``"star crossed"``          the words next to each other, in this order
``vampire OR werewolf``     either word (``|`` works too); binds tighter than the spaces
``-sequel``                 pages without the word (or ``-"a phrase"``)
``prophe*``                 words starting with *prophe*
``ns:Literature``           only that namespace (repeat for several; ``-ns:YMMV`` leaves one out)
``type:trope``              only that page type (trope, work, creator, index, subpage, …)
==========================  =================================================================

Words are compared as the search engine stems them; case and accents do not matter.
Anything else (a stray ``:``, unbalanced quotes) is read as plain words, never an error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

#: Filter keys and the field each sets.
FILTER_KEYS = {"ns": "namespace", "namespace": "namespace", "type": "type"}
MAX_TERMS = 32

_TOKEN = re.compile(r'(-?)(?:([A-Za-z]+):)?("[^"]*"?|[^\s"]+)')
_HAS_WORD = re.compile(r"[^\W_]")
_WORDS = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


@dataclass(frozen=True, slots=True)
class Term:
    """A word (``prefix``: ends in ``*``) or a phrase of several words."""

    text: str
    phrase: bool = False
    prefix: bool = False

    @property
    def words(self) -> list[str]:
        return _WORDS.findall(self.text)


@dataclass(frozen=True, slots=True)
class Clause:
    """Terms joined by OR; a negated clause excludes pages matching any of them."""

    terms: tuple[Term, ...]
    negated: bool = False


@dataclass(frozen=True)
class Query:
    clauses: tuple[Clause, ...] = ()
    namespaces: tuple[str, ...] = ()
    not_namespaces: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    not_types: tuple[str, ...] = ()
    text: str = field(default="", compare=False)

    @property
    def positive(self) -> list[Clause]:
        return [c for c in self.clauses if not c.negated]

    @property
    def negative(self) -> list[Clause]:
        return [c for c in self.clauses if c.negated]

    @property
    def searchable(self) -> bool:
        """Whether there is something to look for (exclusions alone find nothing)."""
        return bool(self.positive)

    def highlight_terms(self) -> list[Term]:
        """The terms whose matches a snippet marks."""
        return [t for c in self.positive for t in c.terms]

    def plain_words(self) -> list[str] | None:
        """The words of a query made only of plain words and phrases (for exact titles)."""
        if any(len(c.terms) != 1 or c.terms[0].prefix for c in self.positive):
            return None
        return [w for c in self.positive for w in c.terms[0].words]

    def with_filters(
        self, namespaces: list[str] | tuple[str, ...] = (), types: list[str] | tuple[str, ...] = ()
    ) -> Query:
        """This query with more namespace and type filters (from form fields)."""
        return Query(
            self.clauses,
            tuple(dict.fromkeys((*self.namespaces, *namespaces))),
            self.not_namespaces,
            tuple(dict.fromkeys((*self.types, *types))),
            self.not_types,
            self.text,
        )


def parse_query(text: str) -> Query:
    """Read a query as typed into the search box."""
    clauses: list[list[Term]] = []
    negated: list[bool] = []
    filters: dict[tuple[str, bool], list[str]] = {}
    join_next = False
    for match in _TOKEN.finditer(text or ""):
        minus, key, body = match.group(1), match.group(2), match.group(3)
        if not minus and not key and body in ("OR", "|"):
            join_next = bool(clauses)
            continue
        if key and key.lower() in FILTER_KEYS:
            value = body.strip('"').strip()
            if value:
                filters.setdefault((FILTER_KEYS[key.lower()], bool(minus)), []).append(value)
            join_next = False
            continue
        term = _term(f"{key} {body}" if key else body)
        if term is None:
            continue
        if join_next and not minus and not negated[-1]:
            clauses[-1].append(term)
        elif len(clauses) < MAX_TERMS:
            clauses.append([term])
            negated.append(bool(minus))
        join_next = False
    return Query(
        tuple(Clause(tuple(ts), neg) for ts, neg in zip(clauses, negated, strict=True)),
        tuple(filters.get(("namespace", False), ())),
        tuple(filters.get(("namespace", True), ())),
        tuple(v.lower() for v in filters.get(("type", False), ())),
        tuple(v.lower() for v in filters.get(("type", True), ())),
        text=text or "",
    )


def _term(raw: str) -> Term | None:
    if raw.startswith('"'):
        inner = raw.strip('"')
        if not _HAS_WORD.search(inner):
            return None
        words = _WORDS.findall(inner)
        return Term(" ".join(words), phrase=len(words) > 1)
    prefix = raw.endswith("*")
    words = _WORDS.findall(raw)
    if not words:
        return None
    if len(words) > 1:
        return Term(" ".join(words), phrase=True, prefix=prefix)
    return Term(words[0], prefix=prefix)
