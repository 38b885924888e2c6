"""Examples as records: written on either side, shown on both, one record per pair."""

from __future__ import annotations

import pytest

from tropewiki.actions import Actor, cut_page, rename_page, save_page, set_page_type
from tropewiki.knowledge.indexes import index_bars
from tropewiki.knowledge.queries import examples_of, one_sided_examples, related_tabs
from tropewiki.wiki.lookup import get_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def little_wiki(make_page):
    """Two tropes and two works, examples written from both sides."""
    make_page(
        "Main/StarCrossedLovers",
        "Lovers doomed by fate.\n\n* Theatre/RomeoAndJuliet: The title pair, the archetype.\n",
    )
    make_page(
        "Main/DownerEnding",
        "It ends badly.\n\n[[folder:Literature]]\n"
        "* Literature/{{Frankenstein}}: Everyone dies in the ice.\n[[/folder]]\n",
    )
    make_page(
        "Theatre/RomeoAndJuliet",
        "%%title: Romeo and Juliet\nA play.\n\n* StarCrossedLovers: Both die.\n"
        "* DownerEnding: Subverted. The families reconcile over the bodies.\n** A nested detail.\n",
    )
    make_page("Literature/Frankenstein", "A novel.\n\n* MadScientist: Victor, obviously.\n")


def test_work_side_bullet_is_example_of_trope(little_wiki):
    """* TropeName: text on a work page makes an example of that trope."""
    trope = get_page("Main/DownerEnding")
    works = {e.work.path for e in examples_of(trope)}
    assert works == {"Theatre/RomeoAndJuliet", "Literature/Frankenstein"}


def test_same_pair_from_both_sides_is_one_example_with_two_sources(little_wiki):
    """Romeo and Juliet × Star-Crossed Lovers written on both pages is one example."""
    examples = examples_of(get_page("Main/StarCrossedLovers"))
    assert len(examples) == 1
    assert {s.side for s in examples[0].sources} == {"work", "trope"}
    assert not examples[0].one_sided


def test_trope_side_text_preferred_on_trope_page_and_work_side_on_work_page(little_wiki):
    """Each page shows the text written from its own side when there is one."""
    assert (
        examples_of(get_page("Main/StarCrossedLovers"))[0].text == "The title pair, the archetype."
    )
    by_trope = {e.trope.path: e for e in examples_of(get_page("Theatre/RomeoAndJuliet"))}
    assert by_trope["Main/StarCrossedLovers"].text == "Both die."


def test_work_page_shows_tropes_written_only_on_trope_pages(little_wiki):
    """Frankenstein's tropes include Downer Ending, written only on the trope page."""
    tropes = {e.trope_path for e in examples_of(get_page("Literature/Frankenstein"))}
    assert tropes == {"Main/DownerEnding", "Main/MadScientist"}


def test_played_is_detected_and_stored(little_wiki):
    """'Subverted.' at the start of the text marks the example subverted."""
    by_trope = {e.trope_path: e for e in examples_of(get_page("Theatre/RomeoAndJuliet"))}
    assert by_trope["Main/DownerEnding"].played == ["subverted"]
    assert by_trope["Main/StarCrossedLovers"].played == []


def test_nested_bullets_belong_to_parent(little_wiki):
    """A ** bullet does not become an example of its own."""
    assert len(examples_of(get_page("Theatre/RomeoAndJuliet"))) == 2


def test_example_attaches_when_trope_page_is_created_later(little_wiki, make_page):
    """An example of a missing trope attaches once the trope page is created."""
    page = make_page("Main/MadScientist", "Science without ethics.")
    assert [e.work.path for e in examples_of(page)] == ["Literature/Frankenstein"]


def test_editing_work_page_updates_trope_page_examples(little_wiki, tool):
    """Removing a bullet from the work page removes the example from the trope page."""
    work = get_page("Literature/Frankenstein")
    save_page(work.path, "A novel.\n", tool, base_revision=work.current_revision_id)
    assert examples_of(get_page("Main/MadScientist")) if get_page("Main/MadScientist") else True
    assert {e.trope_path for e in examples_of(get_page("Literature/Frankenstein"))} == {
        "Main/DownerEnding"
    }


def test_editing_work_page_refreshes_trope_page_cache(little_wiki, client, tool):
    """A trope page viewed before shows a new example right after the work page is edited."""
    before = client.get("/Main/StarCrossedLovers").content.decode()
    assert "Frankenstein" not in before
    work = get_page("Literature/Frankenstein")
    save_page(
        work.path,
        work.current_revision.text + "* StarCrossedLovers: Victor and Elizabeth.\n",
        tool,
        base_revision=work.current_revision_id,
    )
    after = client.get("/Main/StarCrossedLovers").content.decode()
    assert "Victor and Elizabeth." in after


def test_wick_check_lists_one_sided_examples(little_wiki):
    """Examples written on one side only are listed by the wick check."""
    pairs = {(e.work.path, e.trope.path) for e in one_sided_examples()}
    assert ("Theatre/RomeoAndJuliet", "Main/DownerEnding") in pairs
    assert ("Theatre/RomeoAndJuliet", "Main/StarCrossedLovers") not in pairs


def test_redirect_alias_examples_attach_to_target(little_wiki, make_page):
    """An example written with an alias's name belongs to the alias's target."""
    make_page("Main/DoomedLovers", "[[redirect:Main/StarCrossedLovers]]")
    make_page("Literature/WutheringHeights", "A novel.\n\n* DoomedLovers: Cathy and Heathcliff.\n")
    works = {e.work.path for e in examples_of(get_page("Main/StarCrossedLovers"))}
    assert "Literature/WutheringHeights" in works


def test_rename_keeps_examples_attached(little_wiki, editor):
    """Renaming a trope keeps its examples, from both sides."""
    trope = get_page("Main/DownerEnding")
    rename_page(trope, "Main/BleakEnding", Actor(user=editor))
    works = {e.work.path for e in examples_of(get_page("Main/BleakEnding"))}
    assert works == {"Theatre/RomeoAndJuliet", "Literature/Frankenstein"}


def test_cut_work_removes_its_examples_from_trope_pages(little_wiki, moderator):
    """Cutting a work page removes the examples it contributed."""
    cut_page(get_page("Theatre/RomeoAndJuliet"), Actor(user=moderator), reason="test")
    works = {e.work_path for e in examples_of(get_page("Main/DownerEnding"))}
    assert works == {"Literature/Frankenstein"}


def test_index_bars(make_page, tool):
    """Members of an index page get Previous | Index | Next bars in written order."""
    for name in ("Accelerando", "BlackMan", "Dune"):
        make_page(f"Literature/{name}", "A novel.")
    index = make_page(
        "Main/SciFiNovels",
        "Novels.\n\n[[index]]\n* Literature/{{Accelerando}}\n* Literature/BlackMan\n"
        "* Literature/{{Dune}}\n[[/index]]\n\n* NotAMember\n",
    )
    set_page_type(index, "index", tool)
    bars = index_bars(get_page("Literature/BlackMan"))
    assert len(bars) == 1
    assert (bars[0].previous.path, bars[0].index.path, bars[0].next.path) == (
        "Literature/Accelerando",
        "Main/SciFiNovels",
        "Literature/Dune",
    )
    assert index_bars(get_page("Literature/Accelerando"))[0].previous is None


def test_related_tabs_show_existing_subpages_and_create_new(make_page):
    """Tabs list existing subpages and offer the missing ones."""
    make_page("Literature/Frankenstein", "A novel.")
    make_page("YMMV/Frankenstein", "Opinions.")
    tabs = {t.namespace: t for t in related_tabs(get_page("Literature/Frankenstein"))}
    assert tabs["YMMV"].exists and not tabs["Trivia"].exists
    assert "PlayingWith" not in tabs
    assert tabs["Main"].current


def test_json_twin_lists_examples_bars_and_related(client, little_wiki, make_page):
    """The JSON twin carries examples with played/sources, related subpages and wicks."""
    make_page("YMMV/RomeoAndJuliet", "Opinions.")
    data = client.get("/Theatre/RomeoAndJuliet.json").json()
    by_trope = {e["trope"]: e for e in data["examples"]}
    assert by_trope["Main/DownerEnding"]["played"] == ["subverted"]
    assert by_trope["Main/StarCrossedLovers"]["sources"] == [
        {"page": "Theatre/RomeoAndJuliet", "side": "work"},
        {"page": "Main/StarCrossedLovers", "side": "trope"},
    ]
    assert data["related"] == ["YMMV/RomeoAndJuliet"]
    assert data["wicks"] == 1
    assert data["index_bars"] == []


def test_trope_page_view_queries_are_bounded(client, make_page, django_assert_max_num_queries):
    """A trope page with 500 examples from work pages renders in a bounded number of queries."""
    make_page("Main/DownerEnding", "It ends badly.")
    for i in range(500):
        make_page(
            f"Literature/Book{i:03d}", f"A novel.\n\n* DownerEnding: Everyone dies in book {i}.\n"
        )
    with django_assert_max_num_queries(20):
        response = client.get("/Main/DownerEnding")
    assert response.content.decode().count("Everyone dies in book") == 500


def test_own_bullets_carry_how_played_badges(client, little_wiki):
    """The work page's own example bullets show their how-played badge after the trope link."""
    html = client.get("/Theatre/RomeoAndJuliet").content.decode()
    assert 'Downer Ending</a> <span class="badge played">Subverted</span>' in html


def test_leading_trope_name_is_never_hidden_by_a_spoiler(client, make_page):
    """A bullet written as [[spoiler:Trope]]: shows the trope name; the rest stays hidden."""
    make_page("Main/HeroicSacrifice", "Dying for others.")
    make_page("Film/Nosferatu", "* [[spoiler:HeroicSacrifice: Ellen keeps him until dawn]]\n")
    html = client.get("/Film/Nosferatu").content.decode()
    leading = '<li><a class="wikilink" href="/Main/HeroicSacrifice">Heroic Sacrifice</a>'
    assert leading + '<span class="spoiler"' in html
    assert "Ellen keeps him" in html.split('class="spoiler"', 1)[1]


def test_editing_only_the_summary_leaves_trope_pages_cached(little_wiki, tool):
    """An edit that changes no example does not invalidate the trope pages the work lists."""
    trope = get_page("Main/StarCrossedLovers")
    work = get_page("Theatre/RomeoAndJuliet")
    text = work.current_revision.text.replace("A play.", "A tragedy in five acts.\n\nA play.")
    save_page(work.path, text, tool, base_revision=work.current_revision_id)
    assert get_page("Main/StarCrossedLovers").generation == trope.generation
    by_trope = {e.trope_path: e for e in examples_of(get_page("Theatre/RomeoAndJuliet"))}
    assert by_trope["Main/DownerEnding"].played == ["subverted"]


def test_changing_an_example_invalidates_only_its_trope_page(little_wiki, tool):
    """Rewording one example refreshes that trope's page and no other."""
    lovers = get_page("Main/StarCrossedLovers")
    downer = get_page("Main/DownerEnding")
    work = get_page("Theatre/RomeoAndJuliet")
    text = work.current_revision.text.replace("Both die.", "Both die, young.")
    save_page(work.path, text, tool, base_revision=work.current_revision_id)
    assert get_page("Main/StarCrossedLovers").generation > lovers.generation
    assert get_page("Main/DownerEnding").generation == downer.generation


def _index_of_three(make_page, tool):
    for name in ("Accelerando", "BlackMan", "Dune"):
        make_page(f"Literature/{name}", "A novel.")
    index = make_page(
        "Main/SciFiNovels",
        "[[index]]\n* Literature/{{Accelerando}}\n* Literature/BlackMan\n"
        "* Literature/{{Dune}}\n[[/index]]\n",
    )
    set_page_type(index, "index", tool)
    return get_page("Main/SciFiNovels")


def test_editing_an_index_page_around_its_list_leaves_member_pages_cached(make_page, tool):
    """Rewording an index page's introduction does not invalidate its members' bars."""
    index = _index_of_three(make_page, tool)
    dune = get_page("Literature/Dune")
    text = "Novels about the future.\n\n" + index.current_revision.text
    save_page(index.path, text, tool, base_revision=index.current_revision_id)
    assert get_page("Literature/Dune").generation == dune.generation


def test_reordering_an_index_moves_the_bars_and_refreshes_the_members(make_page, tool):
    """Swapping two members changes Previous | Next on the pages and refreshes them."""
    index = _index_of_three(make_page, tool)
    dune = get_page("Literature/Dune")
    text = index.current_revision.text.replace(
        "* Literature/BlackMan\n* Literature/{{Dune}}",
        "* Literature/{{Dune}}\n* Literature/BlackMan",
    )
    save_page(index.path, text, tool, base_revision=index.current_revision_id)
    assert get_page("Literature/Dune").generation > dune.generation
    bars = index_bars(get_page("Literature/Dune"))
    assert (bars[0].previous.path, bars[0].next.path) == (
        "Literature/Accelerando",
        "Literature/BlackMan",
    )
