"""The trope finder: plain words in, tropes ranked by laconic and description out."""

from __future__ import annotations

import pytest

from tropewiki.search.finder import content_words, find_tropes

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "description, words",
    [
        ("the villain turns out to be the hero's father", ["villain", "hero", "father"]),
        ("Lovers, lovers and LOVERS", ["lovers"]),
        ("the and of", []),
    ],
)
def test_content_words(description, words):
    """Stop words and repeats are dropped; possessives lose their 's."""
    assert content_words(description) == words


def test_finder_ranks_laconic_matches_first_and_only_tropes(wiki):
    """A trope whose laconic says it outranks one whose text merely mentions the words."""
    found = find_tropes("the villain turns out to be the hero's father")
    assert [r.path for r in found.results] == ["Main/LukeIAmYourFather", "Main/EvilUncle"]
    assert str(found.results[0].laconic) == (
        "The <mark>villain</mark> is the <mark>hero</mark>&#39;s <mark>father</mark>."
    )


def test_finder_ignores_example_lists(make_page):
    """Words found only in a trope's examples do not make it a match."""
    make_page("Main/ChekhovsGun", "A detail.\n\n* Literature/SomeBook: A lighthouse keeper.\n")
    assert find_tropes("lighthouse keeper").results == []


def test_finder_with_only_stop_words_finds_nothing(wiki):
    """A description without content words looks nothing up."""
    assert find_tropes("it is what it is").results == []
