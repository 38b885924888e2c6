"""Search results: snippets, laconics, filters and pages (both backends)."""

from __future__ import annotations

import pytest

from tropewiki.search.backends.base import Ranked, page_of, window
from tropewiki.search.service import search

pytestmark = pytest.mark.django_db


def test_result_has_highlighted_snippet_and_laconic(wiki):
    """A trope found by a word shows its laconic and a snippet, both with the word marked."""
    result = next(r for r in search("lovers").results if r.path == "Main/StarCrossedLovers")
    assert str(result.laconic) == "<mark>Lovers</mark> whom fate keeps apart."
    assert "<mark>lovers</mark>" in str(result.snippet)
    assert result.url == "/Main/StarCrossedLovers"
    assert result.title == "Star-Crossed Lovers"


def test_snippet_comes_from_the_examples_when_the_summary_lacks_the_word(make_page):
    """A word found only in the example list is shown from there, marked."""
    make_page(
        "Main/ChekhovsGun", "A detail.\n\n* Literature/SomeBook: The rifle over the mantel.\n"
    )
    (result,) = search("mantel").results
    assert "<mark>mantel</mark>" in str(result.snippet)


def test_snippet_escapes_page_text(make_page):
    """Angle brackets and ampersands in page text are escaped; only <mark> is added."""
    make_page("Main/TagSoup", "Write <script>alert(1)</script> & <b>bold</b> soup here.\n")
    (result,) = search("soup").results
    html = str(result.snippet)
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;" in html and "&amp;" in html and "<mark>soup</mark>" in html


@pytest.mark.parametrize(
    "kwargs, query, expected",
    [
        ({}, "lovers ns:Theatre", {"Theatre/RomeoAndJuliet"}),
        ({"namespaces": ["literature"]}, "lovers", {"Literature/WutheringHeights"}),
        (
            {},
            "lovers ns:Theatre ns:Literature",
            {"Theatre/RomeoAndJuliet", "Literature/WutheringHeights"},
        ),
        ({}, "lovers type:work", {"Theatre/RomeoAndJuliet", "Literature/WutheringHeights"}),
        ({"types": ["trope"]}, "lovers", {"Main/StarCrossedLovers", "Main/LoveTriangle"}),
        (
            {},
            "lovers -ns:Main -ns:Laconic",
            {"Theatre/RomeoAndJuliet", "Literature/WutheringHeights"},
        ),
        ({}, "lovers -type:work -type:subpage", {"Main/StarCrossedLovers", "Main/LoveTriangle"}),
        ({}, "lovers type:tropes", {"Main/StarCrossedLovers", "Main/LoveTriangle"}),
    ],
)
def test_namespace_and_type_filters(wiki, kwargs, query, expected):
    """ns:/type: in the query and the form's filters keep or leave out pages."""
    assert {r.path for r in search(query, **kwargs).results} == expected


def test_unknown_filter_is_said_and_left_out(wiki):
    """An unknown namespace or type is reported and ignored, not an error."""
    results = search("heathcliff ns:Nowhere type:spaceship")
    assert [r.path for r in results.results] == ["Literature/WutheringHeights"]
    assert len(results.notices) == 2


def test_exclusions_alone_find_nothing_with_a_notice(wiki):
    """A query of exclusions only returns nothing and says why."""
    results = search("-lovers")
    assert results.results == [] and results.notices


def test_pages_of_results_cover_everything_once(make_page):
    """Paging walks through every match once, with counts and next/previous."""
    for i in range(25):
        make_page(f"Main/Common{chr(65 + i)}x", f"A common page number {i}.\n")
    first = search("common", per_page=10)
    second = search("common", per_page=10, page=2)
    third = search("common", per_page=10, page=3)
    assert first.total == second.total == third.total == 25
    assert (first.pages, first.has_next, first.has_previous) == (3, True, False)
    assert (third.has_next, third.has_previous) == (False, True)
    seen = [r.path for page in (first, second, third) for r in page.results]
    assert len(seen) == len(set(seen)) == 25


def test_page_beyond_the_end_is_empty_but_counted(make_page):
    """Asking for a page past the last one returns no results and the true total."""
    make_page("Main/Lonely", "A lonely page.\n")
    results = search("lonely", page=5)
    assert results.results == [] and results.total == 1


@pytest.mark.parametrize(
    "found, offset, limit, ids, total, exact",
    [
        (3, 0, 10, [0, 1, 2], 3, True),
        (25, 10, 10, list(range(10, 20)), 25, True),
        (1000, 990, 10, list(range(990, 1000)), 1000, True),
        (1001, 0, 10, list(range(10)), 1000, False),
        (5, 40, 10, [], 5, True),
    ],
)
def test_counting_stops_at_a_thousand(found, offset, limit, ids, total, exact):
    """One ranked query gives the page and the count; past 1,000 matches the count says so."""
    rows = [(i,) for i in range(min(found, window(offset, limit)))]
    assert page_of(rows, offset, limit) == Ranked(ids, total, exact)
