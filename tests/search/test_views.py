"""The search pages over HTTP: /-/search, /-/search.json, /-/finder (both backends)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_search_page_shows_marked_results_and_keeps_the_query(client, wiki):
    """The results page lists pages with marked snippets and the query in both boxes."""
    response = client.get("/-/search", {"q": "heathcliff"})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'href="/Literature/WutheringHeights"' in html
    assert "<mark>Heathcliff</mark>" in html
    assert 'value="heathcliff"' in html
    assert "1 page found" in html


def test_search_page_escapes_the_query(client, wiki):
    """A query with markup is shown escaped, never as HTML."""
    html = client.get("/-/search", {"q": '<img src=x onerror="1">'}).content.decode()
    assert "<img src=x" not in html
    assert "&lt;img" in html


def test_search_page_filters_and_pager(client, make_page):
    """The namespace filter applies, and a next-page link keeps the query and filters."""
    for i in range(23):
        make_page(f"Main/Common{chr(65 + i)}x", f"A common page {i}.\n")
    make_page("Literature/CommonBook", "A common book.\n")
    html = client.get("/-/search", {"q": "common", "ns": "Main"}).content.decode()
    assert "23 pages found" in html
    assert 'href="/-/search?q=common&amp;ns=Main&amp;page=2"' in html
    html = client.get("/-/search", {"q": "common", "ns": "Main", "page": "2"}).content.decode()
    assert 'rel="prev"' in html and 'rel="next"' not in html


def test_bad_page_number_is_a_400(client, wiki):
    """A page number that is not a number is a clear 400, not a crash."""
    assert client.get("/-/search", {"q": "lovers", "page": "x"}).status_code == 400


def test_search_json(client, wiki):
    """/-/search.json has the same results with their snippets, counts and paging."""
    data = client.get("/-/search.json", {"q": "lovers", "limit": "2"}).json()
    assert data["total"] == 5 and data["pages"] == 3 and data["page"] == 1
    assert data["next"] == "/-/search.json?q=lovers&limit=2&page=2"
    first = data["results"][0]
    assert set(first) == {"title", "path", "url", "namespace", "type", "laconic", "snippet"}
    assert first["path"] == "Main/StarCrossedLovers"
    assert "<mark>" in first["snippet"]


def test_search_json_bad_number_is_a_json_400(client, wiki):
    """/-/search.json tells a refused parameter in JSON (the HTML page keeps its error page)."""
    response = client.get("/-/search.json", {"q": "lovers", "limit": "ten"})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"error": "limit must be a whole number."}


def test_empty_search_shows_the_form(client, wiki):
    """Without a query the page is the form and the syntax help."""
    html = client.get("/-/search").content.decode()
    assert "How to search" in html and "found" not in html
    assert client.get("/-/search.json").json()["results"] == []


def test_finder_page_and_json(client, wiki):
    """The finder ranks tropes by their laconic and description and shows the laconic."""
    q = "the villain turns out to be the hero's father"
    html = client.get("/-/finder", {"q": q}).content.decode()
    assert "The <mark>villain</mark> is the <mark>hero</mark>" in html
    data = client.get("/-/finder.json", {"q": q}).json()
    assert data["words"] == ["villain", "hero", "father"]
    assert [r["path"] for r in data["results"]][:2] == ["Main/LukeIAmYourFather", "Main/EvilUncle"]
