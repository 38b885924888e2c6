"""Page-name helpers: the WikiWord rule, CamelCase ↔ spaced titles.

A *WikiWord* starts with a capital letter, contains only ASCII letters and digits, and has at
least two capitals with a lower-case letter somewhere between them: ``AbC``, ``ABcD`` and
``A2BcDe`` are WikiWords; ``Wiki``, ``W3C`` and ``ABC`` are not.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = [
    "WIKIWORD_PATTERN",
    "WIKIWORD_TAIL",
    "is_wikiword",
    "name_fragment",
    "spaced_title",
    "spaced_titles",
    "wikiword_from_words",
]

#: A WikiWord after its first capital, as a regular-expression fragment. Possessive quantifiers
#: keep it linear on long runs of letters.
WIKIWORD_TAIL = r"[A-Z0-9]*+[a-z][a-z0-9]*+[A-Z][A-Za-z0-9]*+"

#: The WikiWord rule as a regular-expression fragment (no anchors, no word-boundary checks).
WIKIWORD_PATTERN = "[A-Z]" + WIKIWORD_TAIL

_WIKIWORD_FULL = re.compile(WIKIWORD_PATTERN)

# Where a space goes in a CamelCase name: before an upper-case letter that follows a lower-case
# letter or a digit ("AlphaBitch", "Catch22Rules"), before the last capital of an acronym that
# starts a new word ("HTMLParser", "ABadMomsChristmas"), and before a run of digits that
# follows a letter ("TheLionKing1994").
_WORD_BOUNDARY = re.compile(
    r"(?<=[a-z0-9])(?=[A-Z])"
    r"|(?<=[A-Z])(?=[A-Z][a-z])"
    r"|(?<=[A-Za-z])(?=[0-9])"
)

_NOT_NAME_CHAR = re.compile(r"[\W_]+")
_WORD_SPLIT = re.compile(r"[\s\-]+")  # "self-harm" is two words: SelfHarm


def is_wikiword(text: str) -> bool:
    """Whether ``text`` as a whole is a WikiWord (``"AlphaBitch"`` yes, ``"Wiki"`` no)."""
    return _WIKIWORD_FULL.fullmatch(text) is not None


# The same split as _WORD_BOUNDARY for ASCII names, as words rather than places: findall is
# several times faster than a substitution driven by look-arounds.
_NAME_WORDS = re.compile(r"[A-Z][a-z]+|[A-Z]+(?![a-z])|[0-9]+[a-z]*|[a-z]+")


@lru_cache(maxsize=1 << 14)
def spaced_title(name: str) -> str:
    """The display form of a CamelCase page name.

    >>> spaced_title("AlphaBitch")
    'Alpha Bitch'
    >>> spaced_title("TheLionKing1994")
    'The Lion King 1994'
    >>> spaced_title("ABadMomsChristmas")
    'A Bad Moms Christmas'
    """
    if name.isascii() and name.isalnum():
        return " ".join(_NAME_WORDS.findall(name))
    return _WORD_BOUNDARY.sub(" ", name)


# _NAME_WORDS, plus the newline that separates names in spaced_titles' one-string batch.
_NAME_WORDS_OR_NEWLINE = re.compile(_NAME_WORDS.pattern + r"|\n")


def spaced_titles(names: list[str]) -> list[str]:
    """``[spaced_title(name) for name in names]``, in one regex pass for ASCII names.

    >>> spaced_titles(["AlphaBitch", "HTMLParser", "Catch22"])
    ['Alpha Bitch', 'HTML Parser', 'Catch 22']
    """
    batch = "\n".join(names)
    # A words pattern that never crosses a newline splits each name alone; one findall over
    # all names costs far less than one per name. Needs non-empty ASCII alphanumeric names.
    if (
        all(names)
        and batch.isascii()
        and batch.count("\n") == len(names) - 1
        and batch.replace("\n", "").isalnum()
    ):
        return " ".join(_NAME_WORDS_OR_NEWLINE.findall(batch)).split(" \n ")
    return [spaced_title(name) for name in names]


def wikiword_from_words(words: str) -> str:
    """Join words into a page name, each word capitalised, punctuation dropped.

    Blanks and hyphens separate words.

    >>> wikiword_from_words("the lion king")
    'TheLionKing'
    >>> wikiword_from_words("Ain't No Rule")
    'AintNoRule'
    """
    if words.isascii():
        simple = words.split(" ")
        if "".join(simple).isalnum():  # letters, digits and spaces: no punctuation to drop
            return "".join([word[0].upper() + word[1:] for word in simple if word])
    parts = []
    for word in _WORD_SPLIT.split(words):
        word = _NOT_NAME_CHAR.sub("", word)
        if word:
            parts.append(word[0].upper() + word[1:])
    return "".join(parts)


def name_fragment(text: str) -> str:
    """``text`` with everything but letters and digits removed (case kept): ``"|ing"`` parts."""
    return _NOT_NAME_CHAR.sub("", text)
