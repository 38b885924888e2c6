"""The bulk write path derives exactly what save_page derives, and reads text like the parser."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.io.conftest import SCAN_LINES, knowledge_rows
from tropewiki.actions import save_page, set_page_type
from tropewiki.actions.bulk import PageInput, import_pages
from tropewiki.knowledge.models import ExampleSource
from tropewiki.knowledge.scan import scan_parsed, scan_text
from tropewiki.wiki.lookup import get_page
from tropewiki.wiki.models import Revision

# (address, text, page type set by a moderator or None); order matters for save_page.
PAGES = [
    (
        "Main/AlphaBitch",
        "A mean girl.\n\n* Literature/NeverLetMeGo: Ruth.\n* [[Film/Heathers]]\n",
        None,
    ),
    (
        "Literature/NeverLetMeGo",
        "%%title: Never Let Me Go\nA novel by Creator/KazuoIshiguro.\n\n"
        "* AlphaBitch: Ruth, [[spoiler:who regrets it]].\n"
        "* {{Cloning Blues}}: Inverted - no one cares.\n"
        "* [[ArthurCClarkeAward]]: an award, not a trope.\n"
        "* DownerEnding\n* DownerEnding: twice\n"
        "[[folder:Later]]\n* TwentyMinutesIntoTheFuture: Played with.\n"
        "** nested [[Film/Heathers]]\n"
        "[[/folder]]\n* Film/NeverLetMeGo: the film, a work.\n",
        None,
    ),
    (
        "Main/ArthurCClarkeAward",
        "[[index]]\n* Literature/Accelerando\n"
        "* Literature/NeverLetMeGo\n* Literature/BlackMan\n[[/index]]\n",
        "index",
    ),
    ("Main/CloningBlues", "Clones are sad.\n\n* Literature/NeverLetMeGo: everyone.\n", None),
    ("Film/NeverLetMeGo", "[[redirect:Literature/NeverLetMeGo]]", None),
    ("Literature/BlackMan", "A novel.\n\n* CloningBlues\n* AlphaBitch: none\n", None),
    ("NeverLetMeGo/TropesAToZ", "* {{Tracking Chip}}: wrists.\n* Main/DownerEnding\n", None),
    (
        "Main/DownerEnding",
        "Sad.\n\n* Literature/NeverLetMeGo\n* Film/NeverLetMeGo: via alias\n",
        None,
    ),
]


def _save_one_by_one(tool) -> None:
    for address, text, page_type in PAGES:
        page = save_page(address, text, tool).page
        if page_type:
            set_page_type(page, page_type, tool)


def _inputs() -> list[PageInput]:
    return [PageInput(address, text, page_type=page_type) for address, text, page_type in PAGES]


@pytest.mark.parametrize("batches", [1, 2, 8], ids=["one batch", "two batches", "page by page"])
def test_bulk_import_derives_the_same_rows_as_save_page(db, tool, wipe, batches):
    """Links, examples and index entries from import_pages equal those of save_page."""
    _save_one_by_one(tool)
    expected = knowledge_rows()
    assert expected["examples"] and expected["entries"] and expected["links"]
    wipe()
    inputs = _inputs()
    size = -(-len(inputs) // batches)
    for start in range(0, len(inputs), size):
        result = import_pages(inputs[start : start + size], tool)
        assert not result.broken, result.broken
    assert knowledge_rows() == expected


def test_reimport_is_idempotent(db, tool):
    """Importing the same pages again writes no revision and changes no row."""
    import_pages(_inputs(), tool)
    before, revisions = knowledge_rows(), Revision.objects.count()
    result = import_pages(_inputs(), tool)
    assert (result.created, result.changed, result.unchanged) == (0, 0, len(PAGES))
    assert Revision.objects.count() == revisions
    assert knowledge_rows() == before


def test_changed_text_replaces_rows_and_keeps_history(db, tool):
    """A changed page gets revision 2 (kind import) and its old examples are gone."""
    import_pages(_inputs(), tool)
    import_pages(
        [PageInput("Main/AlphaBitch", "A mean girl.\n\n* [[Film/Heathers]]: Heather.\n")], tool
    )
    page = get_page("Main/AlphaBitch")
    assert page.current_revision.number == 2 and page.current_revision.kind == "import"
    assert list(ExampleSource.objects.filter(source=page).values_list("work_key", "text")) == [
        ("film/heathers", "Heather.")
    ]


@pytest.mark.parametrize(
    "address, text, message",
    [
        ("Nowhere/Page", "text", "no namespace"),
        ("Main/Empty", "   \n", "cannot be empty"),
        ("Main/Loop", "[[redirect:Main/Loop]]", "itself"),
        ("Main/Dangling", "[[redirect:Main/NoSuchPage]]", "no such page"),
        ("Main/Bad|Name", "text", "cannot be a page name"),
    ],
)
def test_broken_pages_are_reported_and_the_rest_imported(db, tool, address, text, message):
    """A bad page is refused with a message; the good pages of the batch are written."""
    result = import_pages([PageInput("Main/GoodPage", "Fine."), PageInput(address, text)], tool)
    assert result.created == 1 and get_page("Main/GoodPage") is not None
    assert len(result.broken) == 1 and message in result.broken[0][1]


def test_cut_pages_are_skipped(db, tool, make_page):
    """A page on the cut list is not revived by an import."""
    from tropewiki.actions import cut_page

    cut_page(make_page("Main/Gone", "Old."), tool, reason="spam")
    result = import_pages([PageInput("Main/Gone", "New.")], tool)
    assert result.skipped and "cut list" in result.skipped[0][1]


LINES = st.sampled_from(SCAN_LINES)


@settings(max_examples=300, deadline=None)
@given(st.lists(LINES, max_size=12))
def test_fast_scan_equals_the_parser(lines):
    """The line-by-line reading gives the parser's links and bullets on any mix of lines."""
    text = "\n".join(lines)
    fast, full = scan_text(text), scan_parsed(text)
    assert fast.links == full.links
    assert fast.bullets == full.bullets
