"""Line diffs, word diffs and their HTML and unified-text renderings."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tropewiki.wiki.diffs import (
    DiffRow,
    diff_stats,
    line_diff,
    render_diff_html,
    size_delta,
    unified_diff_text,
    word_diff,
)


def page(*lines: str) -> str:
    """A page made of ``lines``, each ending in a newline."""
    return "".join(line + "\n" for line in lines)


TWENTY = page(*(f"line {n}" for n in range(1, 21)))


@pytest.mark.parametrize(
    "old, new",
    [
        pytest.param("", "", id="empty"),
        pytest.param(TWENTY, TWENTY, id="same-text"),
        pytest.param(TWENTY, TWENTY.replace("\n", "\r\n"), id="crlf-vs-lf"),
        pytest.param("a\nb\n", "a\nb", id="final-newline-only"),
    ],
)
def test_same_lines_give_no_hunks(old: str, new: str) -> None:
    """Texts with the same lines have no hunks, no stats, no unified text, a notice in HTML."""
    assert line_diff(old, new) == []
    assert diff_stats(old, new) == (0, 0)
    assert unified_diff_text(old, new) == ""
    assert "No difference" in render_diff_html(old, new)


@pytest.mark.parametrize(
    "new, context, starts",
    [
        pytest.param(
            TWENTY.replace("line 12\n", "line twelve\n"), 3, [(9, 7, 9, 7)], id="one-edit"
        ),
        pytest.param(
            TWENTY.replace("line 12\n", "line twelve\n"), 0, [(12, 1, 12, 1)], id="no-context"
        ),
        pytest.param(
            TWENTY.replace("line 2\n", "line 2\nnew\n").replace("line 15\n", "line fifteen\n"),
            1,
            [(2, 2, 2, 3), (14, 3, 15, 3)],
            id="insert-shifts-new-numbers",
        ),
        pytest.param(
            TWENTY.replace("line 1\n", ""),
            2,
            [(1, 3, 1, 2)],
            id="delete-first-line",
        ),
        pytest.param(
            TWENTY.replace("line 5\n", "line five\n").replace("line 10\n", "line ten\n"),
            2,
            [(3, 10, 3, 10)],
            id="close-edits-share-a-hunk",
        ),
    ],
)
def test_hunk_line_numbers(new: str, context: int, starts: list[tuple[int, ...]]) -> None:
    """Hunks give 1-based start lines and counts on both sides, with the asked-for context."""
    hunks = line_diff(TWENTY, new, context)
    assert [(h.old_start, h.old_count, h.new_start, h.new_count) for h in hunks] == starts


def test_rows_pair_replaced_lines() -> None:
    """Replaced lines pair up old with new; surplus lines become deletes or inserts."""
    [hunk] = line_diff(page("keep", "a", "b", "c", "tail"), page("keep", "A", "B", "tail"))
    assert hunk.rows == (
        DiffRow("equal", 1, 1, "keep", "keep"),
        DiffRow("replace", 2, 2, "a", "A"),
        DiffRow("replace", 3, 3, "b", "B"),
        DiffRow("delete", 4, None, "c", None),
        DiffRow("equal", 5, 4, "tail", "tail"),
    )
    [hunk] = line_diff(page("keep", "x"), page("keep", "x", "y"))
    assert hunk.rows[-1] == DiffRow("insert", None, 3, None, "y")


@pytest.mark.parametrize(
    "old, new, pieces",
    [
        pytest.param(
            "the quick brown fox",
            "the quick red fox",
            [("equal", "the quick "), ("delete", "brown"), ("insert", "red"), ("equal", " fox")],
            id="one-word-changed",
        ),
        pytest.param(
            "Tropes are tools.",
            "Tropes are tools!",
            [("equal", "Tropes are tools"), ("delete", "."), ("insert", "!")],
            id="punctuation-only",
        ),
        pytest.param(
            "see also",
            "see also this",
            [("equal", "see also"), ("insert", " this")],
            id="words-appended",
        ),
        pytest.param(
            "a b c end",
            "x y z end",
            [("delete", "a b c"), ("insert", "x y z"), ("equal", " end")],
            id="whitespace-between-changes-folds",
        ),
        pytest.param("same", "same", [("equal", "same")], id="unchanged"),
    ],
)
def test_word_diff_marks_only_changed_words(
    old: str, new: str, pieces: list[tuple[str, str]]
) -> None:
    """Word diff tags exactly the changed words, leaving the rest of the line equal."""
    assert word_diff(old, new) == pieces


@settings(database=None, max_examples=100)
@given(old=st.text(max_size=40), new=st.text(max_size=40))
def test_word_diff_reassembles_both_lines(old: str, new: str) -> None:
    """The equal+delete pieces spell the old line and equal+insert spell the new one."""
    pieces = word_diff(old, new)
    assert "".join(text for tag, text in pieces if tag != "insert") == old
    assert "".join(text for tag, text in pieces if tag != "delete") == new


def test_html_layout() -> None:
    """The table has a hunk header, line numbers, and del/ins around the changed word."""
    new = TWENTY.replace("line 12\n", "line twelve\n")
    html = render_diff_html(TWENTY, new, context=1)
    assert html.startswith('<table class="diff">')
    assert html.endswith("</table>")
    assert '<td class="diff-lineno" colspan="2">Line 11:</td>' in html
    assert (
        '<tr><td class="diff-lineno">12</td><td class="diff-deleted">line <del>12</del></td>'
        '<td class="diff-lineno">12</td><td class="diff-added">line <ins>twelve</ins></td></tr>'
    ) in html
    assert '<td class="diff-context">line 13</td>' in html


def test_html_empty_side_of_insert_and_delete() -> None:
    """A pure insertion or deletion leaves the other column empty."""
    html = render_diff_html(page("a", "b"), page("a", "new", "b"))
    assert (
        '<tr><td class="diff-lineno"></td><td class="diff-empty"></td>'
        '<td class="diff-lineno">2</td><td class="diff-added">new</td></tr>'
    ) in html


@pytest.mark.parametrize(
    "old, new",
    [
        pytest.param("<script>alert(1)</script>\nsafe\n", "safe\n", id="deleted-line"),
        pytest.param("safe\n", "safe\n<script>alert(1)</script>\n", id="added-line"),
        pytest.param(
            "a <b>bold</b>\n", "a <script>alert(1)</script>\n", id="replaced-line-word-diff"
        ),
        pytest.param(
            '<script>alert("x")</script>\nold\n',
            '<script>alert("x")</script>\nnew\n',
            id="context-line",
        ),
    ],
)
def test_html_escapes_hostile_text(old: str, new: str) -> None:
    """Page text is escaped everywhere in the HTML, so a <script> comes out inert."""
    html = render_diff_html(old, new)
    assert "<script" not in html
    assert "&lt;" in html
    assert _outside_diff_markup(html).isdisjoint('<>"')


@settings(database=None, max_examples=100)
@given(old=st.text(alphabet="<>&\"' ab\n/", max_size=30), new=st.text(max_size=30))
def test_html_never_lets_page_text_become_markup(old: str, new: str) -> None:
    """Whatever the page text, the only tags in the diff HTML are the diff table's own."""
    assert _outside_diff_markup(render_diff_html(old, new)).isdisjoint('<>"')


def _outside_diff_markup(html: str) -> set[str]:
    """Characters left once the diff table's own tags are removed."""
    return set(re.sub(r'</?(table|tr|td|del|ins)( (class|colspan)="[a-z0-9-]+")*>', "", html))


def test_unified_diff_text() -> None:
    """The CLI form is classic unified diff, replaced lines as a block of - then +."""
    old = page("one", "two", "three", "four")
    new = page("one", "TWO", "THREE", "four", "five")
    assert unified_diff_text(old, new, context=1) == (
        "--- old\n+++ new\n@@ -1,4 +1,5 @@\n one\n-two\n-three\n+TWO\n+THREE\n four\n+five\n"
    )


@pytest.mark.parametrize(
    "old, new, stats, delta",
    [
        pytest.param("", page("a", "b"), (2, 0), 4, id="added"),
        pytest.param(page("a", "b", "c"), page("a"), (0, 2), -4, id="removed"),
        pytest.param(page("a", "b"), page("a", "B", "c"), (2, 1), 2, id="replaced-and-added"),
        pytest.param("é", "e", (1, 1), -1, id="size-in-utf8-bytes"),
    ],
)
def test_stats_for_history(old: str, new: str, stats: tuple[int, int], delta: int) -> None:
    """History pages get lines added/removed and the size change in bytes."""
    assert diff_stats(old, new) == stats
    assert size_delta(old, new) == delta


def test_large_page_with_repeated_lines_diffs_to_two_hunks() -> None:
    """A 3,000-line page full of blank lines diffs to exactly the two edited places."""
    old = "\n\n".join(f"Paragraph {n}, on work {n % 97}." for n in range(1500)) + "\n"
    new = old.replace("Paragraph 0,", "Paragraph zero,").replace("Paragraph 1499,", "Last,")
    hunks = line_diff(old, new)
    assert len(hunks) == 2
