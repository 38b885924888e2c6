"""A bulk load into an empty wiki: one transaction, indexes dropped and rebuilt, all or nothing.

Within a session into an empty wiki, batches write pages and revisions; every page's knowledge
rows and search document are written when the session closes (a two-phase load). The rows
must be those the page-by-page save path and per-batch imports write.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from django.db import connection

from tests.io.conftest import knowledge_rows
from tropewiki.actions import save_page, set_page_type
from tropewiki.actions.bulk import PageInput, import_pages
from tropewiki.actions.bulk_session import import_session
from tropewiki.io.prederive import derive
from tropewiki.knowledge.models import ExampleSource, IndexEntry, Link
from tropewiki.search.models import SearchDocument, TitleEntry
from tropewiki.search.service import search
from tropewiki.wiki.lookup import get_page
from tropewiki.wiki.models import Page, Revision

PAGES = [
    PageInput("Main/AlphaBitch", "A mean girl.\n\n!!Examples\n* Literature/NeverLetMeGo: Ruth.\n"),
    PageInput("Literature/NeverLetMeGo", "A novel about clones.\n\n!!Tropes\n* AlphaBitch\n"),
]

# Batches of a load, in order: pages that name pages of later batches, a page edited in later
# batches (made a redirect, then an article again), aliases, an index, a split subpage, a
# laconic that arrives after its trope, and pages given a type their namespace does not imply
# (one of them named by a page of an earlier batch).
BATCHES = [
    [
        PageInput("Main/AlphaBitch", "A mean girl.\n\n* Literature/NeverLetMeGo: Ruth.\n"),
        PageInput(
            "Literature/NeverLetMeGo",
            "%%title: Never Let Me Go\nA novel by Creator/KazuoIshiguro.\n\n"
            "* AlphaBitch: Ruth, [[spoiler:who regrets it]].\n"
            "* {{Cloning Blues}}: Inverted - no one cares.\n"
            "* [[ArthurCClarkeAward]]: an award, not a trope.\n"
            "* DownerEnding\n* DownerEnding: twice\n"
            "[[folder:Later]]\n* TwentyMinutesIntoTheFuture: Played with.\n"
            "** nested [[Film/Heathers]]\n[[/folder]]\n* Film/NeverLetMeGo: the film.\n",
        ),
        PageInput("Main/DownerEnding", "Sad.\n\n* Film/NeverLetMeGo: via alias\n"),
    ],
    [
        PageInput("Film/NeverLetMeGo", "[[redirect:Literature/NeverLetMeGo]]"),
        PageInput(
            "Main/ArthurCClarkeAward",
            "[[index]]\n* Literature/Accelerando\n* Literature/NeverLetMeGo\n"
            "* Literature/BlackMan\n[[/index]]\n",
            page_type="index",
        ),
        PageInput("Main/CloningBlues", "Clones are sad.\n\n* Literature/NeverLetMeGo: all.\n"),
        PageInput("Main/DownerEnding", "[[redirect:Main/CloningBlues]]"),
    ],
    [
        PageInput("Literature/BlackMan", "A novel.\n\n* CloningBlues\n* AlphaBitch: none\n"),
        PageInput("NeverLetMeGo/TropesAToZ", "* {{Tracking Chip}}: wrists.\n* Main/Heathers\n"),
        PageInput("Main/DownerEnding", "Sad again.\n\n* Literature/BlackMan: at last\n"),
        PageInput(
            "Main/TwentyMinutesIntoTheFuture", "Soon.\n\n* Film/Heathers\n", page_type="work"
        ),
        PageInput("Laconic/AlphaBitch", "The mean girl.\n"),
        PageInput("Literature/Accelerando", "A novel.\n", page_type="trope"),
    ],
]


def _schema() -> dict[str, set[str]]:
    """Index names of the knowledge and search tables (and SQLite's triggers)."""
    tables = [m._meta.db_table for m in (ExampleSource, Link, IndexEntry, SearchDocument)]
    with connection.cursor() as cursor:
        found = {t: set(connection.introspection.get_constraints(cursor, t)) for t in tables}
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
            found["triggers"] = {row[0] for row in cursor.fetchall()}
    return found


def _everything() -> dict[str, list[tuple]]:
    """Knowledge rows, search documents, title entries and revisions, without ids."""
    rows = knowledge_rows()
    paths = dict(Page.objects.values_list("id", "key"))
    rows["documents"] = sorted(
        SearchDocument.objects.values_list(
            "path", "page_type", "title", "names", "laconic", "summary", "body", "spoilers", "year"
        )
    )
    rows["titles"] = sorted(
        (paths[p], paths[t], key, title)
        for p, t, key, title in TitleEntry.objects.values_list(
            "page_id", "target_id", "key", "title"
        )
    )
    rows["revisions"] = sorted(
        (paths[p], n, kind, text)
        for p, n, kind, text in Revision.objects.values_list("page_id", "number", "kind", "text")
    )
    return rows


def _row_order() -> list[list[tuple]]:
    """The derived rows in the order they were written (by id), pages named by key."""
    paths = dict(Page.objects.values_list("id", "key"))
    return [
        [
            (paths[s], k)
            for s, k in Link.objects.order_by("id").values_list("source_id", "target_key")
        ],
        [
            (paths[s], w, t)
            for s, w, t in ExampleSource.objects.order_by("id").values_list(
                "source_id", "work_key", "trope_key"
            )
        ],
        [
            (paths[i], m)
            for i, m in IndexEntry.objects.order_by("id").values_list("index_id", "member_key")
        ],
    ]


def _untyped(batches: list[list[PageInput]]) -> list[list[PageInput]]:
    """The batches without trope and work types set by hand (index pages keep theirs)."""
    return [
        [replace(i, page_type=None) if i.page_type in ("trope", "work") else i for i in batch]
        for batch in batches
    ]


def _load(tool, batches: list[list[PageInput]]) -> None:
    for batch in batches:
        result = import_pages(batch, tool)
        assert not result.broken and not result.skipped, (result.broken, result.skipped)


def test_session_writes_rows_and_gives_back_every_index(db, tool):
    """Pages saved in a session have their rows, are findable, and no index is missing."""
    before = _schema()
    with import_session():
        import_pages(PAGES[:1], tool)
        import_pages(PAGES[1:], tool)
    assert _schema() == before
    assert ExampleSource.objects.count() == 2
    assert [r.path for r in search("clones").results] == ["Literature/NeverLetMeGo"]


def test_an_error_in_a_session_leaves_the_wiki_as_it_was(db, tool):
    """An exception inside a session rolls back its pages and brings the indexes back."""
    before = _schema()
    with pytest.raises(RuntimeError), import_session():
        import_pages(PAGES, tool)
        raise RuntimeError("stopped")
    assert _schema() == before
    assert not Page.objects.exists() and not ExampleSource.objects.exists()


def test_an_error_while_a_session_closes_leaves_the_wiki_as_it_was(db, tool):
    """A failure in the second phase (deriving the rows) rolls back the pages written before."""
    before = _schema()

    def broken(text: str) -> None:
        raise RuntimeError("the reader broke")

    with pytest.raises(RuntimeError, match="the reader broke"), import_session(broken):
        import_pages(PAGES, tool)
    assert _schema() == before
    assert not Page.objects.exists() and not Revision.objects.exists()
    assert not ExampleSource.objects.exists() and not SearchDocument.objects.exists()


def test_batches_of_a_session_write_pages_only_until_it_closes(db, tool):
    """Within a two-phase load the rows wait for the end; the session counts them."""
    with import_session(derive) as session:
        result = import_pages(PAGES, tool)
        assert result.created == 2 and result.examples == 0
        assert Page.objects.count() == 2 and not Link.objects.exists()
        assert not SearchDocument.objects.exists()
    assert session.deferred
    assert session.result.examples == ExampleSource.objects.count() == 2
    assert session.result.links == Link.objects.count() == 2
    assert {"knowledge rows", "search documents", "commit"} <= set(session.seconds)


@pytest.mark.parametrize("reader", [None, derive], ids=["parsed", "derived"])
def test_a_two_phase_load_writes_what_per_batch_imports_write(db, tool, wipe, reader):
    """Rows, documents, titles and revisions of a session equal those of batch transactions,
    with pages named before they exist, edited, made redirects and typed in later batches."""
    _load(tool, BATCHES)
    expected = _everything()
    assert expected["examples"] and expected["entries"] and expected["links"]
    wipe()
    with import_session(reader) as session:
        _load(tool, BATCHES)
    assert session.deferred
    assert _everything() == expected


def test_a_two_phase_load_writes_rows_in_the_order_batches_write_them(db, tool, wipe):
    """Row ids follow the order in which the batches last wrote each page, as per batch.

    (Pages re-derived because a page they name got a trope or work type later keep their
    place in a two-phase load: those batches are left out here.)
    """
    _load(tool, _untyped(BATCHES))
    order = _row_order()
    wipe()
    with import_session(derive):
        _load(tool, _untyped(BATCHES))
    assert _row_order() == order


@pytest.mark.parametrize("batches", [1, 2, 4], ids=["one batch", "two batches", "four"])
def test_a_two_phase_load_derives_the_same_rows_as_save_page(db, tool, wipe, batches):
    """Every page saved one by one, or loaded in a session in any batches: the same rows."""
    pages = [i for batch in BATCHES for i in batch]
    for page_input in pages:
        current = Page.objects.filter(key=page_input.address.lower()).first()
        base = current.current_revision_id if current is not None else None
        page = save_page(page_input.address, page_input.text, tool, base_revision=base).page
        if page_input.page_type:
            set_page_type(page, page_input.page_type, tool)
    expected = knowledge_rows()
    wipe()
    size = -(-len(pages) // batches)
    with import_session(derive):
        _load(tool, [pages[start : start + size] for start in range(0, len(pages), size)])
    assert knowledge_rows() == expected


def test_a_session_marks_pages_that_were_there_before_stale(db, tool):
    """A page older than the load (with no derived rows) that new examples name is refreshed."""
    old = save_page("Literature/NeverLetMeGo", "A novel.", tool).page
    generation = old.generation
    with import_session(derive) as session:
        import_pages(PAGES[:1], tool)
    assert session.deferred
    old.refresh_from_db()
    assert old.generation == generation + 1
    assert ExampleSource.objects.get().work_id == old.id


def test_a_session_into_a_wiki_with_rows_saves_batch_by_batch(db, tool):
    """With derived rows already there, each batch derives its own rows at once."""
    import_pages(PAGES[:1], tool)
    with import_session(derive) as session:
        result = import_pages(PAGES[1:], tool)
        assert result.examples == 1 and ExampleSource.objects.count() == 2
    assert not session.deferred and session.result.examples == 0
    assert get_page("Literature/NeverLetMeGo").current_revision.number == 1
