"""/-/query (form, results, counts) and /-/query.json over HTTP (both backends)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_query_page_lists_works_with_counts(client, works_and_tropes):
    """The query page shows the matching works, the total and counts per medium and term."""
    html = client.get("/-/query", {"q": "trope:TropeA -trope:TropeC"}).content.decode()
    assert "<strong>2 works</strong>" in html
    assert 'href="/Film/WorkTwo"' in html and 'href="/Theatre/WorkFour"' in html
    assert 'href="/Literature/WorkOne"' not in html
    assert "<code>trope:Main/TropeA</code> 3" in html


def test_form_fields_become_the_query(client, works_and_tropes):
    """The form's fields are written into the query language and shown for editing."""
    response = client.get(
        "/-/query", {"with": "TropeA, TropeB", "without": "TropeC", "medium": "Film"}
    )
    html = response.content.decode()
    assert 'value="trope:TropeA trope:TropeB -trope:TropeC medium:Film"' in html
    assert "<strong>1 work</strong>" in html


def test_query_json(client, works_and_tropes):
    """/-/query.json answers with terms, counts and the works."""
    data = client.get("/-/query.json", {"q": "trope:TropeA played:straight:TropeD"}).json()
    assert data["total"] == 1
    assert data["by_medium"] == {"Theatre": 1}
    assert data["terms"] == [
        {"trope": "Main/TropeA", "played": None, "negated": False},
        {"trope": "Main/TropeD", "played": "straight", "negated": False},
    ]
    assert data["results"] == [
        {
            "title": "Work Four",
            "path": "Theatre/WorkFour",
            "url": "/Theatre/WorkFour",
            "namespace": "Theatre",
            "tropes": {"Main/TropeA": ["straight"], "Main/TropeD": ["straight"]},
        }
    ]


def test_query_json_errors_are_400(client, works_and_tropes):
    """A query naming an unknown trope answers 400 with the reason."""
    response = client.get("/-/query.json", {"q": "trope:NoSuchTrope"})
    assert response.status_code == 400
    assert response.json()["errors"] == ["There is no trope Main/NoSuchTrope."]
    assert client.get("/-/query.json").status_code == 400


def test_query_json_bad_page_number_is_a_json_400(client, works_and_tropes):
    """A refused parameter is told in JSON, as the endpoint's callers read it."""
    response = client.get("/-/query.json", {"q": "trope:TropeA", "page": "two"})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"error": "page must be a whole number."}


def test_query_page_without_query_shows_the_form(client, works_and_tropes):
    """Without a query the page is the form, open."""
    html = client.get("/-/query").content.decode()
    assert "<details open>" in html and 'name="with"' in html
