"""Page-name helpers: the WikiWord rule and CamelCase ↔ spaced titles."""

from __future__ import annotations

import pytest

from tropewiki.markup import KNOWN_NAMESPACES, is_wikiword, spaced_title, wikiword_from_words


@pytest.mark.parametrize(
    "word, expected",
    [
        ("AbC", True),
        ("ABcD", True),
        ("A2BcDe", True),
        ("AlphaBitch", True),
        ("TheLionKing1994", True),
        ("McDonald", True),
        ("Wiki", False),
        ("W3C", False),
        ("ABC", False),
        ("alphaBitch", False),
        ("Alpha Bitch", False),
        ("", False),
        ("2BcD", False),
    ],
)
def test_is_wikiword(word: str, expected: bool) -> None:
    """The CamelCase rule: two capitals with a lower-case letter somewhere between."""
    assert is_wikiword(word) is expected


@pytest.mark.parametrize(
    "name, title",
    [
        ("AlphaBitch", "Alpha Bitch"),
        ("TheLionKing1994", "The Lion King 1994"),
        ("ABadMomsChristmas", "A Bad Moms Christmas"),
        ("KickTheSonOfABitch", "Kick The Son Of A Bitch"),
        ("HTMLParser", "HTML Parser"),
        ("Catch22", "Catch 22"),
        ("Oldboy2003", "Oldboy 2003"),
        ("X", "X"),
    ],
)
def test_spaced_title(name: str, title: str) -> None:
    """A page name reads as words, acronyms and numbers kept together."""
    assert spaced_title(name) == title


@pytest.mark.parametrize(
    "words, name",
    [
        ("the lion king", "TheLionKing"),
        ("Death Seeker", "DeathSeeker"),
        ("Ain't No Rule", "AintNoRule"),
        ("  spaced   out  ", "SpacedOut"),
        ("self-harm", "SelfHarm"),
        ("!!!", ""),
    ],
)
def test_wikiword_from_words(words: str, name: str) -> None:
    """Spaced words join into a page name, each capitalised, punctuation dropped."""
    assert wikiword_from_words(words) == name


def test_known_namespaces_cover_the_reference() -> None:
    """Media, subpage and site namespaces are all known (the `Namespace.Page` form needs it)."""
    assert {"Film", "WesternAnimation", "YMMV", "Laconic", "Main", "Tropers"} <= KNOWN_NAMESPACES


@pytest.mark.parametrize("name", ["1stPlace", "Pokémon2000Movie", "ÉcoleDesFemmes", "a1b2C3d"])
def test_spaced_title_keeps_every_character(name: str) -> None:
    """Only spaces are added: non-ASCII names and digit-led words come back whole."""
    assert spaced_title(name).replace(" ", "") == name
