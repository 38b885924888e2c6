"""Snippets with the query's words marked, as safe HTML: escape everything, then add ``<mark>``.

Both backends use this one highlighter, so snippets read the same on SQLite and PostgreSQL.
Words are matched by a light stem (``lovers`` marks *lover*, *lovers*; ``running`` marks
*run*, *runs*); it marks what the search engine matched closely, not exactly.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from markupsafe import Markup, escape

from tropewiki.search.syntax import Term

SNIPPET_CHARS = 220
MAX_MATCHES = 400
FOLD_CHARS = 50_000

#: The rest of a word from a position: letters and digits (``_`` and punctuation end a word).
_WORD_REST = re.compile(r"[^\W_]*").match
#: Up to the next space (where a snippet may be cut).
_WORD_TAIL = re.compile(r"\S*").match
#: Whether a text has a character HTML needs escaped (as ``markupsafe.escape`` escapes).
_NEEDS_ESCAPE = re.compile(r"[&<>\"']").search


@lru_cache(maxsize=4096)
def light_stem(word: str) -> str:
    """A crude English stem: enough to mark the words a stemming search engine matched."""
    word = word.lower().replace("’", "'")
    word = re.sub(r"'s?$", "", word)
    for suffix, keep in (("sses", "ss"), ("ies", "i"), ("ss", "ss"), ("s", "")):
        if word.endswith(suffix):
            word = word[: len(word) - len(suffix)] + keep
            break
    for suffix in ("ingly", "edly", "ing", "ed", "ly"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            if word[-1] == word[-2] and word[-1] not in "aeiouls":
                word = word[:-1]  # running → run, stopped → stop
            break
    return word


@dataclass(frozen=True, slots=True)
class Needles:
    """What a snippet marks: each needle (lower-case and unaccented, as the text is compared)
    and whether it must be a whole word of the text; the others start a word."""

    searched: tuple[tuple[str, bool], ...]

    @property
    def prefixes(self) -> tuple[str, ...]:
        return tuple(needle for needle, whole in self.searched if not whole)

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(needle for needle, whole in self.searched if whole)


def needles_for(terms: Iterable[Term]) -> Needles | None:
    """What to mark for ``terms``, as the engine matches them: a stem (three letters or more)
    or the last word of a prefix term starts a word; a shorter word is the whole word."""
    prefixes: dict[str, None] = {}
    words: dict[str, None] = {}
    for term in terms:
        term_words = term.words
        for index, word in enumerate(term_words):
            folded = _fold(word.lower())
            if term.prefix and index == len(term_words) - 1:
                prefixes[folded] = None
                continue
            stem = light_stem(folded)
            if len(stem) >= 3:
                prefixes[stem] = None
            else:
                words[folded] = None
    if not prefixes and not words:
        return None
    return Needles((*((p, False) for p in prefixes), *((w, True) for w in words)))


def highlight(text: str, needles: Needles | None) -> Markup:
    """All of ``text``, escaped, with matches marked."""
    if needles is None or not text:
        return escape(text)
    return Markup(_marked(text, 0, len(text), _matches(text, needles))[0])


def snippet(text: str, needles: Needles | None, size: int = SNIPPET_CHARS) -> Markup:
    """About ``size`` characters of ``text`` around its best cluster of matches, marked.

    Without a match, the beginning of the text. Cut ends are shown with an ellipsis.
    """
    return Markup(marked_snippet(text, needles, size)[0])


def marked_snippet(
    text: str, needles: Needles | None, size: int = SNIPPET_CHARS
) -> tuple[str, int]:
    """:func:`snippet` as a plain string of safe HTML, and how many matches it marks."""
    if not text:
        return "", 0
    matches = _matches(text, needles) if needles is not None else []
    if not matches:
        end = _word_end(text, min(len(text), size))
        return _escaped(text[:end]) + ("…" if end < len(text) else ""), 0
    start = _best_window(matches, size)
    start = max(0, start - size // 5)
    start = _word_start(text, start)
    end = _word_end(text, min(len(text), start + size))
    body, count = _marked(text, start, end, [m for m in matches if start <= m[0] and m[1] <= end])
    return ("…" if start > 0 else "") + body + ("…" if end < len(text) else ""), count


def marks(html: Markup | str) -> int:
    """How many highlights a snippet has."""
    return str(html).count("<mark>")


def _matches(text: str, needles: Needles) -> list[tuple[int, int, str]]:
    """Where the needles' words occur in ``text`` as whole words (start, end, the word), the
    first :data:`MAX_MATCHES` of them in order.

    ``str.find`` over the folded text, then a check that the find starts a word: no regular
    expression is compiled for a query (that took longer than marking ten results).
    """
    haystack = _searchable(text)
    find = haystack.find
    found: dict[int, tuple[int, int, str]] = {}
    for needle, whole in needles.searched:
        size = len(needle)
        position = 0
        count = 0
        while count < MAX_MATCHES:
            start = find(needle, position)
            if start < 0:
                break
            position = start + 1
            if start and haystack[start - 1].isalnum():  # inside a word
                continue
            end = _WORD_REST(haystack, start + size).end()
            if whole and end != start + size:  # a longer word
                continue
            found[start] = (start, end, haystack[start:end])
            count += 1
            position = end
    if len(found) < 2:
        return list(found.values())
    return [found[start] for start in sorted(found)[:MAX_MATCHES]]


def _searchable(text: str) -> str:
    """``text`` lower-cased and without accents, character for character (offsets stay valid)."""
    folded = text if text.isascii() else _fold_same_length(text)
    lowered = folded.lower()
    if len(lowered) == len(folded):
        return lowered
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in folded)  # e.g. "İ"


def _best_window(matches: list[tuple[int, int, str]], size: int) -> int:
    """Where the window holding the most different matched words starts (sliding window)."""
    stems = [light_stem(word) for _, _, word in matches]
    inside: dict[str, int] = {}
    best_start, best_score, right = matches[0][0], 0, 0
    for left, (start, _end, _word) in enumerate(matches):
        while right < len(matches) and matches[right][1] <= start + size:
            inside[stems[right]] = inside.get(stems[right], 0) + 1
            right += 1
        if len(inside) > best_score:
            best_start, best_score = start, len(inside)
        if right > left:
            inside[stems[left]] -= 1
            if not inside[stems[left]]:
                del inside[stems[left]]
        else:
            right = left + 1
    return best_start


def _marked(
    text: str, start: int, end: int, matches: list[tuple[int, int, str]]
) -> tuple[str, int]:
    """``text[start:end]`` escaped, with the matches inside it marked; and how many."""
    # Most text has nothing to escape: then its pieces need no escaping one by one.
    piece = escape if _NEEDS_ESCAPE(text, start, end) else str
    out: list[str] = []
    position = start
    count = 0
    for s, e, _word in matches:
        if s < position or e > end:
            continue
        out.append(piece(text[position:s]))
        out.append("<mark>")
        out.append(piece(text[s:e]))
        out.append("</mark>")
        position = e
        count += 1
    out.append(piece(text[position:end]))
    return "".join(out), count


def _escaped(text: str) -> str:
    return str(escape(text)) if _NEEDS_ESCAPE(text) else text


def _word_start(text: str, index: int) -> int:
    while index > 0 and not text[index - 1].isspace():
        index -= 1
    return index


def _word_end(text: str, index: int) -> int:
    """The end of the word at ``index`` (looking 30 characters on at most)."""
    return _WORD_TAIL(text, index, index + 30).end()


def _fold(text: str) -> str:
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _fold_same_length(text: str) -> str:
    """``text`` with accents removed character by character (offsets stay valid)."""
    head = text[:FOLD_CHARS]
    folded = "".join((unicodedata.normalize("NFKD", c)[0] if not c.isascii() else c) for c in head)
    return folded + text[FOLD_CHARS:]
