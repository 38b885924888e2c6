"""Split example subpages, page types set by moderators, and the wick-check pages."""

from __future__ import annotations

import re

import pytest

from tropewiki.actions import Actor, NotAllowed, set_page_type
from tropewiki.knowledge.queries import examples_of
from tropewiki.wiki.lookup import get_page

pytestmark = pytest.mark.django_db


def test_work_split_subpage_examples_belong_to_the_work(make_page):
    """Bullets on KingdomHeartsII/TropesAToL are examples of VideoGame/KingdomHeartsII."""
    make_page("VideoGame/KingdomHeartsII", "A game.\n\n* Main/TropesAToL\n")
    make_page("Main/AmnesiacHero", "Heroes who forgot.")
    make_page("KingdomHeartsII/TropesAToL", "* AmnesiacHero: Roxas, at first.\n")
    examples = examples_of(get_page("Main/AmnesiacHero"))
    assert [(e.work.path, e.sources[0].source.path) for e in examples] == [
        ("VideoGame/KingdomHeartsII", "KingdomHeartsII/TropesAToL")
    ]


def test_trope_split_subpage_examples_belong_to_the_trope(make_page):
    """Bullets on MultipleEndings/VideoGames are examples of Main/MultipleEndings."""
    make_page("Main/MultipleEndings", "Several endings.")
    make_page("VideoGame/ChronoTrigger", "A game.")
    make_page("MultipleEndings/VideoGames", "* VideoGame/ChronoTrigger: More than a dozen.\n")
    works = [e.work.path for e in examples_of(get_page("Main/MultipleEndings"))]
    assert works == ["VideoGame/ChronoTrigger"]
    tropes = [e.trope.path for e in examples_of(get_page("VideoGame/ChronoTrigger"))]
    assert tropes == ["Main/MultipleEndings"]


def test_split_namespace_needs_an_existing_page(tool):
    """A page in an unknown namespace is refused unless a page of that name exists."""
    from tropewiki.actions import BadInput, save_page

    with pytest.raises(BadInput, match="no namespace"):
        save_page("NoSuchWork/TropesAToL", "* AmnesiacHero: x", tool)


def test_moderator_overrides_page_type_and_examples_follow(make_page, moderator):
    """Making a Main page an index stops its bullets being examples, and back."""
    make_page("Literature/Dracula", "A novel.")
    page = make_page("Main/VampireFiction", "* Literature/{{Dracula}}: The count.\n")
    assert len(examples_of(page)) == 1
    set_page_type(page, "index", Actor(user=moderator))
    page = get_page("Main/VampireFiction")
    assert page.page_type == "index" and page.page_type_locked
    assert examples_of(get_page("Literature/Dracula")) == []
    set_page_type(page, None, Actor(user=moderator))
    assert get_page("Main/VampireFiction").page_type == "trope"
    assert len(examples_of(get_page("Literature/Dracula"))) == 1


def test_editor_cannot_override_page_type(make_page, editor):
    """Only moderators set page types."""
    page = make_page("Main/VampireFiction", "Text.")
    with pytest.raises(NotAllowed):
        set_page_type(page, "index", Actor(user=editor))


def test_page_type_form_for_moderators(moderator_client, make_page):
    """Moderators set a page's type from its page tools."""
    make_page("Main/VampireFiction", "Text.")
    moderator_client.post("/Main/VampireFiction/type", {"page_type": "index"})
    assert get_page("Main/VampireFiction").page_type == "index"
    assert (
        moderator_client.post("/Main/VampireFiction/type", {"page_type": "bogus"}).status_code
        == 400
    )


def test_wick_check_pages(client, make_page):
    """The wick check lists one-sided examples site-wide and per page, with where to add them."""
    make_page("Main/DownerEnding", "Sad.")
    make_page("Literature/Frankenstein", "* DownerEnding: The ice.\n")
    site = client.get("/-/wickcheck").content.decode()
    assert "Literature/Frankenstein" in site and 'href="/Main/DownerEnding/edit"' in site
    page = client.get("/Main/DownerEnding/wickcheck").content.decode()
    assert "Frankenstein" in page


def test_trope_page_shows_examples_from_work_pages_with_source_and_badge(client, make_page):
    """A trope page lists examples written only on work pages, in medium folders, with badges."""
    make_page("Main/DownerEnding", "Sad.")
    make_page("Literature/Frankenstein", "* DownerEnding: Inverted - somehow hopeful.\n")
    html = client.get("/Main/DownerEnding").content.decode()
    assert "Examples written on work pages" in html
    assert re.search(r"<summary>\s*Literature\b", html)
    assert "somehow hopeful" in html
    assert 'href="/Literature/Frankenstein/edit"' in html
    assert "played-inverted" in html and "Inverted</span> in 1 work" in html
