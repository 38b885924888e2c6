"""The discovery panel on work and trope pages, over HTTP (both backends)."""

from __future__ import annotations

import re

import pytest

from tropewiki.actions import save_page
from tropewiki.discovery import similarity
from tropewiki.discovery.panels import discovery_context
from tropewiki.wiki.lookup import get_page

pytestmark = pytest.mark.django_db


def panel(html: str) -> str:
    match = re.search(r'<section class="discovery".*?</section>', html, re.S)
    assert match, "no discovery panel"
    return match.group(0)


def test_work_page_lists_works_like_it_with_shared_tropes(client, works_and_tropes):
    """WorkOne's page lists WorkTwo first, with the tropes they share as the reason."""
    html = panel(client.get("/Literature/WorkOne").content.decode())
    assert "Works like this" in html
    order = [m for m in re.findall(r'<li><a href="(/[^"]+)"', html)]
    assert order == ["/Film/WorkTwo", "/Literature/WorkThree", "/Theatre/WorkFour"]
    first = html[html.index("/Film/WorkTwo") : html.index("/Literature/WorkThree")]
    assert "shares" in first and "/Main/TropeA" in first and "/Main/TropeB" in first


def test_work_page_shows_its_trope_profile(client, works_and_tropes):
    """The profile has the how-played and distinctive-tropes charts, accessible."""
    html = panel(client.get("/Literature/WorkOne").content.decode())
    assert html.count('role="img"') == 2
    assert "How Work One plays its tropes" in html
    assert "Straight: 3 tropes." in html
    assert "Trope B: " in html and "in 2 works" in html


def test_trope_page_lists_tropes_that_travel_together(client, works_and_tropes):
    """TropeA's page lists the tropes of its works, by lift."""
    html = panel(client.get("/Main/TropeA").content.decode())
    assert "Tropes that travel together" in html
    links = re.findall(r'<li><a href="(/Main/[^"]+)"', html)
    # With A (works 1, 2, 4; N = 4): B twice (lift 4·2/(3·2) = 1.33), C and D once (0.67).
    assert links == ["/Main/TropeB", "/Main/TropeC", "/Main/TropeD"]
    assert "1.3× as often as chance" in html


def test_trope_page_shows_spread_over_media_and_decades(client, works_and_tropes):
    """The trope's works by medium and by decade (years read from the works' summaries)."""
    html = panel(client.get("/Main/TropeA").content.decode())
    assert "Film: 1 work; Literature: 1 work; Theatre: 1 work." in html
    assert "1920s: 3." in html


def test_panel_text_is_escaped(client, make_page):
    """A work title with markup appears escaped in the list and in the charts."""
    make_page("Main/TropeA", "A trope.\n")
    make_page("Literature/WorkOne", '%%title: <script>alert("one")</script>\nA.\n\n* TropeA: Y.\n')
    make_page("Literature/WorkTwo", "A.\n\n* TropeA: Y.\n")
    html = client.get("/Literature/WorkTwo").content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert" in panel(html)


def test_other_pages_have_no_panel(client, make_page):
    """Index, subpage and other pages get no discovery panel."""
    page = make_page("YMMV/WorkOne", "Opinions.\n")
    assert discovery_context(page) == {}
    assert '<section class="discovery"' not in client.get("/YMMV/WorkOne").content.decode()


def test_panel_follows_the_examples_once_the_model_is_rechecked(client, works_and_tropes, tool):
    """When WorkFour's tropes become WorkOne's (A, B, C), WorkOne's panel ranks it first
    (once the model is rechecked: in a new process, or CHECK_SECONDS later)."""
    one = get_page("Literature/WorkOne")
    assert discovery_context(one)["discovery"]["similar"][0]["url"] == "/Film/WorkTwo"
    four = get_page("Theatre/WorkFour")
    save_page(
        four.path,
        "A.\n\n* TropeA: Y.\n* TropeB: Y.\n* TropeC: Y.\n",
        tool,
        base_revision=four.current_revision_id,
    )
    similarity.forget()  # what CHECK_SECONDS does for a long-running process
    html = panel(client.get("/Literature/WorkOne").content.decode())
    assert re.findall(r'<li><a href="(/[^"]+)"', html)[0] == "/Theatre/WorkFour"
