"""Autocomplete: GET /-/autocomplete?q=<prefix> (the contract the search box codes against)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def suggestions(client, q: str) -> list[dict]:
    response = client.get("/-/autocomplete", {"q": q})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return response.json()["results"]


def test_title_prefix_case_insensitive(client, wiki):
    """A prefix of a title, in any case and spacing, suggests the page with its address."""
    assert suggestions(client, "STAR cross") == [
        {
            "title": "Star-Crossed Lovers",
            "path": "Main/StarCrossedLovers",
            "url": "/Main/StarCrossedLovers",
            "namespace": "Main",
            "alias_of": None,
        }
    ]


def test_alias_suggestion_leads_to_its_target(client, wiki):
    """A redirect's title is suggested with alias_of and the target's URL."""
    assert suggestions(client, "thwar") == [
        {
            "title": "Thwarted Romance",
            "path": "Main/ThwartedRomance",
            "url": "/Main/StarCrossedLovers",
            "namespace": "Main",
            "alias_of": "Star-Crossed Lovers",
        }
    ]


@pytest.mark.parametrize("q", ["", "s", " s ", "-", "é"])
def test_short_prefix_gives_nothing(client, wiki, q):
    """An empty or one-character query answers 200 with no results."""
    assert suggestions(client, q) == []


@pytest.mark.parametrize(
    "q, title",
    [
        ("luke i am", "Luke, I Am Your Father"),
        ("lukeiam", "Luke, I Am Your Father"),
        ("wuthering", "Wuthering Heights"),
        ("romeo &", "Romeo and Juliet"),
    ],
)
def test_punctuation_and_spaces_do_not_matter(client, wiki, q, title):
    """Commas, spaces and punctuation are ignored when matching a prefix."""
    assert [s["title"] for s in suggestions(client, q)] == [title]


def test_leading_article_may_be_skipped(client, make_page):
    """'hound' finds 'The Hound of the Baskervilles'."""
    make_page(
        "Literature/TheHoundOfTheBaskervilles", "%%title: The Hound of the Baskervilles\nA novel.\n"
    )
    assert [s["title"] for s in suggestions(client, "hound")] == ["The Hound of the Baskervilles"]


def test_at_most_ten_in_key_order_exact_first(client, make_page):
    """No more than ten suggestions, alphabetical, the exact title first."""
    for suffix in ["", *"ABCDEFGHIJKL"]:
        make_page(f"Main/Ghost{suffix}", "Boo.\n")
    titles = [s["title"] for s in suggestions(client, "ghost")]
    assert len(titles) == 10
    assert titles[0] == "Ghost"
    assert titles == sorted(titles)


def test_subpages_are_not_suggested(client, wiki):
    """Laconic/…, YMMV/… pages do not crowd out the pages they belong to."""
    assert [s["path"] for s in suggestions(client, "star")] == ["Main/StarCrossedLovers"]


def test_cut_pages_and_aliases_leading_to_them_are_not_suggested(client, wiki, make_user):
    """Once a page is on the cut list, neither its title nor a redirect to it is suggested."""
    from tropewiki.actions import Actor, cut_page
    from tropewiki.wiki.lookup import get_page

    assert [s["path"] for s in suggestions(client, "thwar")] == ["Main/ThwartedRomance"]
    cut_page(get_page("Main/StarCrossedLovers"), Actor(user=make_user("moderator")), reason="x")
    assert suggestions(client, "star cross") == []
    assert suggestions(client, "thwar") == []
