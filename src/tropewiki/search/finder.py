"""The trope finder: describe a pattern in plain words, get the tropes that fit it.

The description's content words (stop words dropped) are looked up with OR in the titles,
laconics and descriptions of trope pages only; tropes matching more of them, and matching in
the laconic, rank higher. Each result shows its laconic with the matched words marked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tropewiki.search.backends import get_backend
from tropewiki.search.service import Result, results_for
from tropewiki.search.syntax import Clause, Query, Term

MAX_WORDS = 16
LIMIT = 20

STOP_WORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each even
    ever every few for from further had has have having he her here hers herself him himself
    his how i if in into is it its itself just like me more most my myself no nor not now of
    off on once one only or other ought our ours ourselves out over own same she should so
    some such than that the their theirs them themselves then there these they this those
    through to too under until up very was we were what when where which while who whom why
    will with would you your yours yourself yourselves turns turn gets get becomes become
    someone something somebody thing things way really""".split()  # noqa: SIM905
)

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def content_words(description: str) -> list[str]:
    """The words of a description worth looking for, in order, once each."""
    words = []
    for word in _WORD.findall(description.lower()):
        word = re.sub(r"['’]s$", "", word)
        if len(word) > 1 and word not in STOP_WORDS:
            words.append(word)
    return list(dict.fromkeys(words))[:MAX_WORDS]


@dataclass
class Found:
    description: str
    words: list[str] = field(default_factory=list)
    results: list[Result] = field(default_factory=list)


def find_tropes(description: str, limit: int = LIMIT) -> Found:
    """Tropes ranked by how well their title, laconic and description match ``description``."""
    words = content_words(description or "")
    found = Found(description or "", words)
    if words:
        ids = get_backend().find_tropes(words, limit)
        query = Query((Clause(tuple(Term(w) for w in words)),))
        found.results = results_for(ids, query)
    return found
