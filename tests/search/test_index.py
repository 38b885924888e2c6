"""The index follows every write in the same transaction: save, rename, cut, restore."""

from __future__ import annotations

import pytest
from django.db import transaction

from tropewiki.actions import Actor, cut_page, rename_page, restore_page, set_page_type
from tropewiki.search.indexer import index_pages
from tropewiki.search.models import SearchDocument, TitleEntry
from tropewiki.search.service import autocomplete, search
from tropewiki.wiki.lookup import get_page
from tropewiki.wiki.models import Page

pytestmark = pytest.mark.django_db


def paths(text: str, **kwargs) -> list[str]:
    return [r.path for r in search(text, **kwargs).results]


def test_page_is_findable_the_moment_it_is_saved(make_page):
    """A new page is found by a word of its text right after save_page returns."""
    make_page("Main/ChekhovsGun", "A detail shown early becomes vital later.\n")
    assert paths("vital") == ["Main/ChekhovsGun"]


def test_edit_replaces_the_old_text(make_page, edit):
    """After an edit the page is found by its new words and no longer by the old ones."""
    make_page("Main/ChekhovsGun", "A rifle on the wall.\n")
    edit("Main/ChekhovsGun", "A pistol in the drawer.\n")
    assert paths("rifle") == []
    assert paths("pistol") == ["Main/ChekhovsGun"]


def test_save_is_indexed_inside_the_transaction(make_page, tool):
    """A save that fails after indexing leaves no trace in the index (one transaction)."""
    with pytest.raises(RuntimeError), transaction.atomic():
        make_page("Main/ChekhovsGun", "A rifle on the wall.\n")
        assert paths("rifle") == ["Main/ChekhovsGun"]
        raise RuntimeError("roll back")
    assert paths("rifle") == []


def test_renamed_page_is_found_at_its_new_address(wiki, tool):
    """After a rename the result links to the new address, and the old title is an alias."""
    rename_page(get_page("Main/LoveTriangle"), "Main/RomanticTriangle", tool)
    assert paths("jealous") == ["Main/RomanticTriangle"]
    titles = {s.title: s for s in autocomplete("love tri")}
    assert titles["Love Triangle"].url == "/Main/RomanticTriangle"
    assert titles["Love Triangle"].alias_of == "Romantic Triangle"


def test_cut_page_leaves_search_and_autocomplete_and_comes_back_restored(wiki, moderator):
    """Cutting removes a page from results and suggestions; restoring brings it back."""
    actor = Actor(user=moderator)
    page = get_page("Main/LoveTriangle")
    cut_page(page, actor, reason="duplicate")
    assert paths("jealous") == []
    assert [s.title for s in autocomplete("love tri")] == []
    restore_page(page, actor)
    assert paths("jealous") == ["Main/LoveTriangle"]
    assert [s.title for s in autocomplete("love tri")] == ["Love Triangle"]


def test_cut_redirect_is_no_longer_an_alias(wiki, moderator):
    """Cutting a redirect removes its title from autocomplete and from its target's names."""
    assert paths("romance") == ["Main/StarCrossedLovers"]
    cut_page(get_page("Main/ThwartedRomance"), Actor(user=moderator), reason="unneeded")
    assert paths("romance") == []
    assert autocomplete("thwarted") == []


def test_redirect_title_finds_its_target(wiki):
    """A redirect has no document of its own; its title finds the page it leads to."""
    assert paths("thwarted romance") == ["Main/StarCrossedLovers"]


def test_redirect_turned_into_article_stops_being_an_alias(wiki, edit):
    """Rewriting a redirect as a page of its own drops it from its old target's names."""
    edit("Main/ThwartedRomance", "Lovers who die together.\n")
    assert paths("romance") == ["Main/ThwartedRomance"]


def test_laconic_is_part_of_the_trope_and_follows_its_edits(wiki, edit):
    """Main/X is found by the words of Laconic/X, and by the new ones after an edit."""
    assert "Main/StarCrossedLovers" in paths("fate")
    edit("Laconic/StarCrossedLovers", "Lovers the stars are against.\n")
    assert "Main/StarCrossedLovers" not in paths("fate")
    assert "Main/StarCrossedLovers" in paths("stars against")


def test_laconic_written_before_its_trope_is_picked_up(make_page):
    """A trope created after its laconic page still gets the laconic."""
    make_page("Laconic/ChekhovsGun", "Everything shown gets used.\n")
    make_page("Main/ChekhovsGun", "A detail.\n")
    result = search("detail").results[0]
    assert result.laconic == "Everything shown gets used."


def test_spoilers_are_findable_but_never_shown(wiki):
    """Spoiler text finds its page, but the snippet does not reveal it."""
    results = search("die").results
    assert [r.path for r in results] == ["Theatre/RomeoAndJuliet"]
    assert "die" not in str(results[0].snippet)


def test_page_type_change_is_reindexed(wiki, moderator):
    """A moderator's page-type override is reflected in the type filter."""
    set_page_type(get_page("Main/LoveTriangle"), "index", Actor(user=moderator))
    assert paths("jealous", types=["index"]) == ["Main/LoveTriangle"]
    assert paths("jealous", types=["trope"]) == []


def _index_rows() -> tuple[list, list]:
    docs = list(
        SearchDocument.objects.order_by("page_id").values_list(
            "page_id",
            "namespace",
            "page_type",
            "path",
            "title",
            "names",
            "laconic",
            "summary",
            "body",
            "spoilers",
            "year",
        )
    )
    entries = sorted(TitleEntry.objects.values_list("page_id", "target_id", "key", "title"))
    return docs, entries


def test_bulk_indexing_writes_what_saving_writes(wiki, make_page):
    """index_pages (for importers) gives the same documents and title keys as save_page."""
    make_page("Main/Wrongful", "[[redirect:Main/LoveTriangle]]\n")
    saved = _index_rows()
    SearchDocument.objects.all().delete()
    TitleEntry.objects.all().delete()
    index_pages(Page.objects.values_list("id", flat=True))
    assert _index_rows() == saved
    assert paths("wrongful") == ["Main/LoveTriangle"]


def test_an_edit_that_changes_nothing_searchable_leaves_the_index_alone(make_page, edit):
    """A comment-only edit keeps the page findable and does not rewrite its index rows."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    make_page("Main/ChekhovsGun", "A rifle on the wall.\n")
    with CaptureQueriesContext(connection) as queries:
        edit("Main/ChekhovsGun", "A rifle on the wall.\n%% a note for editors\n")
    writes = [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].lstrip().upper().startswith(("UPDATE", "INSERT", "DELETE"))
        and ("search_document" in q["sql"] or "search_title" in q["sql"])
    ]
    assert writes == []
    assert paths("rifle") == ["Main/ChekhovsGun"]


def test_a_document_is_read_by_its_key_in_one_lookup(make_page):
    """A search reads its ten documents by page id: on SQLite the page id is the rowid (one
    B-tree, not an index and then the table: migration search/0002), on PostgreSQL the
    primary key; the FTS5 triggers still index what is written."""
    from django.db import connection

    page = make_page("Main/ChekhovsGun", "A rifle on the wall.\n")
    with connection.cursor() as cursor:
        cursor.execute(
            "EXPLAIN SELECT title FROM search_document WHERE page_id = %s"
            if connection.vendor == "postgresql"
            else "EXPLAIN QUERY PLAN SELECT title FROM search_document WHERE page_id = %s",
            [page.id],
        )
        plan = " ".join(str(row) for row in cursor.fetchall())
        if connection.vendor == "sqlite":
            assert "INTEGER PRIMARY KEY" in plan, plan
            cursor.execute("SELECT rowid FROM search_document WHERE page_id = %s", [page.id])
            assert cursor.fetchone() == (page.id,)
        else:
            assert "search_document_pkey" in plan, plan
    assert paths("rifle") == ["Main/ChekhovsGun"]
