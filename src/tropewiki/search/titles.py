"""Folded title keys: how autocomplete compares what is typed with page titles.

A key is the title in lower case with diacritics and everything but letters and digits
removed, so ``star-crossed``, ``Star Crossed`` and ``StarCrossed`` all type the same key.
"""

from __future__ import annotations

import re
import unicodedata

from tropewiki.markup.titles import spaced_title

_NOT_ALNUM = re.compile(r"[\W_]+")
_ARTICLE = re.compile(r"^(?:the|an?)\s+", re.IGNORECASE)
MAX_KEY_LENGTH = 300


def fold(text: str) -> str:
    """``"Les Misérables!"`` → ``"lesmiserables"``."""
    if not text.isascii():
        text = "".join(
            c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)
        )
    return _NOT_ALNUM.sub("", text).lower()[:MAX_KEY_LENGTH]


def title_keys(title: str, name: str) -> list[str]:
    """Each key a page can be typed as: its title, without a leading article, its name."""
    keys = [fold(title), fold(_ARTICLE.sub("", title)), fold(name)]
    return [key for key in dict.fromkeys(keys) if key]


def name_variants(title: str, name: str) -> list[str]:
    """The title, plus the spaced WikiWord when the title says something else."""
    spaced = spaced_title(name)
    return [title] if fold(spaced) == fold(title) else [title, spaced]
