"""What is found and in which order: title matches first, then relevance (both backends)."""

from __future__ import annotations

import pytest

from tropewiki.search.service import search

pytestmark = pytest.mark.django_db


def paths(text: str, **kwargs) -> list[str]:
    return [r.path for r in search(text, **kwargs).results]


@pytest.mark.parametrize(
    "query, expected",
    [
        ("lovers families", {"Main/StarCrossedLovers", "Theatre/RomeoAndJuliet"}),
        ("lovers verona", {"Theatre/RomeoAndJuliet"}),
        ("yorkshire OR verona", {"Theatre/RomeoAndJuliet", "Literature/WutheringHeights"}),
        ("lovers -feuding -verona -jealous -spirit", {"Laconic/StarCrossedLovers"}),
        ('"young lovers"', {"Theatre/RomeoAndJuliet"}),
        ('"lovers young"', set()),
        ("yorksh*", {"Literature/WutheringHeights"}),
        ("heathcliff", {"Literature/WutheringHeights"}),
        ("HEATHCLIFF", {"Literature/WutheringHeights"}),
        ("moor", {"Literature/WutheringHeights"}),
        ("nonexistentword", set()),
    ],
)
def test_query_semantics(wiki, query, expected):
    """AND, OR, NOT, phrases, prefixes, case and stems select the expected pages."""
    assert set(paths(query)) == expected


def test_title_match_comes_before_text_matches(wiki, make_page):
    """A page with the word in its title outranks pages repeating it in their text."""
    make_page("Main/Jealousy", "Jealous, jealous, jealous: jealous of everyone, jealously.\n")
    make_page("Main/JealousRival", "%%title: Jealous Rival\nA rival.\n")
    assert paths("jealous") == ["Main/JealousRival", "Main/Jealousy", "Main/LoveTriangle"]


def test_exact_title_comes_first(wiki, make_page):
    """The page titled exactly as the query leads, before longer titles with the same words."""
    make_page(
        "Theatre/RomeoAndJulietInSpace",
        "%%title: Romeo and Juliet in Space\nRomeo and Juliet, Romeo and Juliet, in orbit.\n",
    )
    assert paths("romeo and juliet")[0] == "Theatre/RomeoAndJuliet"
    assert paths("ROMEO AND JULIET")[0] == "Theatre/RomeoAndJuliet"


def test_alias_title_finds_target_first(wiki):
    """A redirect's title leads to its target, in the title tier."""
    assert paths("thwarted romance") == ["Main/StarCrossedLovers"]


def test_more_occurrences_rank_higher_among_text_matches(make_page):
    """Among pages matching in the text only, more occurrences (same length) rank higher."""
    make_page("Main/AlphaPage", "Ghost once, and other words to fill the line up.\n")
    make_page("Main/BetaPage", "Ghost ghost ghost, and other words to fill up.\n")
    assert paths("ghost") == ["Main/BetaPage", "Main/AlphaPage"]


def test_laconic_match_outranks_body_match(make_page):
    """A word in a trope's laconic weighs more than the same word in another's text."""
    make_page("Main/AlphaTrope", "A tale of the sea and of a lighthouse keeper's long watch.\n")
    make_page("Main/BetaTrope", "A tale of the sea and of a sailor's long watch at night.\n")
    make_page("Laconic/BetaTrope", "The lighthouse.\n")
    assert paths("lighthouse", types=["trope"]) == ["Main/BetaTrope", "Main/AlphaTrope"]


def test_summary_match_outranks_example_match(make_page):
    """A word in a page's description weighs more than in its example list."""
    make_page(
        "Main/AlphaTrope", "Intro words here.\n\n* Literature/SomeBook: A lighthouse keeper.\n"
    )
    make_page(
        "Main/BetaTrope", "A lighthouse keeper.\n\n* Literature/SomeBook: Intro words here.\n"
    )
    assert paths("lighthouse") == ["Main/BetaTrope", "Main/AlphaTrope"]
