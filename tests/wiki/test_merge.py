"""Three-way merge of edit conflicts: what merges, what conflicts, and that nothing is lost."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tropewiki.wiki.merge import (
    CONFLICT_END,
    CONFLICT_SEPARATOR,
    CONFLICT_START,
    merge3,
)


def page(*lines: str) -> str:
    """A page made of ``lines``, each ending in a newline."""
    return "".join(line + "\n" for line in lines)


BASE = page("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


@pytest.mark.parametrize(
    "base, current, incoming, merged",
    [
        pytest.param(
            BASE,
            BASE.replace("one", "ONE"),
            BASE.replace("ten", "TEN"),
            BASE.replace("one", "ONE").replace("ten", "TEN"),
            id="edit-top-and-bottom",
        ),
        pytest.param(
            BASE,
            BASE.replace("five\n", "five\nfive and a half\n"),
            BASE.replace("nine", "NINE"),
            BASE.replace("five\n", "five\nfive and a half\n").replace("nine", "NINE"),
            id="insert-middle-and-edit-elsewhere",
        ),
        pytest.param(
            BASE,
            BASE.replace("three\n", ""),
            BASE.replace("eight", "EIGHT"),
            BASE.replace("three\n", "").replace("eight", "EIGHT"),
            id="delete-and-edit-elsewhere",
        ),
        pytest.param(
            BASE,
            BASE.replace("four", "FOUR"),
            BASE.replace("four", "FOUR"),
            BASE.replace("four", "FOUR"),
            id="identical-edits-once",
        ),
        pytest.param(
            BASE,
            BASE.replace("two\n", "two\nnew\n"),
            BASE.replace("two\n", "two\nnew\n").replace("nine", "NINE"),
            BASE.replace("two\n", "two\nnew\n").replace("nine", "NINE"),
            id="identical-insertions-once-plus-other-edit",
        ),
        pytest.param(
            BASE,
            BASE,
            BASE.replace("six", "SIX"),
            BASE.replace("six", "SIX"),
            id="only-incoming-changed",
        ),
        pytest.param("", "", page("brand new"), page("brand new"), id="empty-base-one-side"),
        pytest.param("", page("same"), page("same"), page("same"), id="empty-base-same-text"),
        pytest.param(BASE, "", BASE, "", id="page-blanked-by-current"),
        pytest.param(
            "a\nb\nc",
            "a\nb\nc\n",
            "A\nb\nc",
            "A\nb\nc\n",
            id="current-adds-final-newline",
        ),
        pytest.param(
            "a\nb\nc\n",
            "A\nb\nc\n",
            "a\nb\nc",
            "A\nb\nc",
            id="incoming-drops-final-newline",
        ),
        pytest.param(
            "a\nb\nc",
            "A\nb\nc",
            "a\nb\nC",
            "A\nb\nC",
            id="no-final-newline-kept",
        ),
        pytest.param(
            "a\r\nb\r\nc\r\n",
            "A\nb\nc\n",
            "a\r\nb\r\nC\r\n",
            "A\nb\nC\n",
            id="crlf-normalised-to-lf",
        ),
    ],
)
def test_clean_merges(base: str, current: str, incoming: str, merged: str) -> None:
    """Changes to separate regions, or the same change twice, merge without conflict."""
    result = merge3(base, current, incoming)
    assert result.clean
    assert result.conflicts == []
    assert result.text == merged


@pytest.mark.parametrize(
    "base, current, incoming, base_text, current_text, incoming_text",
    [
        pytest.param(
            BASE,
            BASE.replace("four", "four, said Ann"),
            BASE.replace("four", "four, said Bob"),
            "four\n",
            "four, said Ann\n",
            "four, said Bob\n",
            id="same-line-different-edits",
        ),
        pytest.param(
            BASE,
            BASE.replace("three\nfour\nfive\n", ""),
            BASE.replace("four", "FOUR"),
            "three\nfour\nfive\n",
            "",
            "three\nFOUR\nfive\n",
            id="current-deleted-block-incoming-edited",
        ),
        pytest.param(
            BASE,
            BASE.replace("four", "FOUR"),
            BASE.replace("three\nfour\nfive\n", ""),
            "three\nfour\nfive\n",
            "three\nFOUR\nfive\n",
            "",
            id="current-edited-block-incoming-deleted",
        ),
        pytest.param(
            BASE,
            BASE.replace("four", "FOUR"),
            BASE.replace("five", "FIVE"),
            "four\nfive\n",
            "FOUR\nfive\n",
            "four\nFIVE\n",
            id="adjacent-lines-conflict",
        ),
        pytest.param(
            BASE,
            BASE.replace("four\n", "four\ninserted\n"),
            BASE.replace("five", "FIVE"),
            "five\n",
            "inserted\nfive\n",
            "FIVE\n",
            id="insertion-touching-edit-conflicts",
        ),
        pytest.param(
            BASE,
            BASE.replace("six\n", "six\nfrom Ann\n"),
            BASE.replace("six\n", "six\nfrom Bob\n"),
            "",
            "from Ann\n",
            "from Bob\n",
            id="different-insertions-same-place",
        ),
        pytest.param(
            "",
            page("Ann's page"),
            page("Bob's page"),
            "",
            "Ann's page\n",
            "Bob's page\n",
            id="empty-base-different-texts",
        ),
    ],
)
def test_conflicts_keep_both_sides(
    base: str,
    current: str,
    incoming: str,
    base_text: str,
    current_text: str,
    incoming_text: str,
) -> None:
    """Overlapping or touching changes conflict, and both versions survive in the result."""
    result = merge3(base, current, incoming)
    assert not result.clean
    [conflict] = result.conflicts
    assert (conflict.base_text, conflict.current_text, conflict.incoming_text) == (
        base_text,
        current_text,
        incoming_text,
    )
    marked = "".join([CONFLICT_START, "\n", current_text, CONFLICT_SEPARATOR, "\n"])
    marked += incoming_text + CONFLICT_END
    assert marked in result.text
    lines = result.text.split("\n")
    assert lines[conflict.merged.start] == CONFLICT_START
    assert lines[conflict.merged.stop - 1] == CONFLICT_END


def test_conflict_text_is_whole_page_with_markers() -> None:
    """The merged text is the page with the unresolved region written out for the editor."""
    base = page("intro", "middle", "end")
    result = merge3(
        base, page("intro", "middle (Ann)", "end"), page("intro", "middle (Bob)", "end")
    )
    assert result.text == page(
        "intro",
        CONFLICT_START,
        "middle (Ann)",
        CONFLICT_SEPARATOR,
        "middle (Bob)",
        CONFLICT_END,
        "end",
    )
    [conflict] = result.conflicts
    assert (conflict.base, conflict.current, conflict.incoming) == (
        range(1, 2),
        range(1, 2),
        range(1, 2),
    )
    assert conflict.merged == range(1, 6)


def test_clean_parts_merge_around_a_conflict() -> None:
    """A conflict in one paragraph does not stop separate edits elsewhere from merging."""
    current = BASE.replace("one", "ONE").replace("five", "five (Ann)")
    incoming = BASE.replace("five", "five (Bob)").replace("ten", "TEN")
    result = merge3(BASE, current, incoming)
    assert len(result.conflicts) == 1
    assert result.text.startswith("ONE\n")
    assert result.text.endswith("TEN\n")
    assert "five (Ann)" in result.text
    assert "five (Bob)" in result.text


def test_large_page_with_repeated_lines_merges_both_ends() -> None:
    """A 3,000-line page with many blank lines and edits at both ends merges cleanly."""
    paragraphs = [f"Paragraph {n} about tropes in work number {n % 97}." for n in range(1500)]
    base = "\n\n".join(paragraphs) + "\n"
    current = base.replace("Paragraph 0 ", "Paragraph zero ")
    incoming = base.replace("Paragraph 1499 ", "Paragraph last ")
    result = merge3(base, current, incoming)
    assert result.clean
    assert result.text.startswith("Paragraph zero ")
    assert "Paragraph last " in result.text


line_texts = st.lists(st.sampled_from(["a", "b", "c", "", " d"]), max_size=12).map("\n".join)
texts = st.one_of(
    line_texts,
    line_texts.map(lambda text: text + "\n"),
    st.text(st.characters(blacklist_characters="\r"), max_size=40),
)


@settings(database=None, max_examples=150)
@given(base=texts, edited=texts)
def test_one_sided_or_identical_changes_merge_to_that_text(base: str, edited: str) -> None:
    """merge3(base, x, base), merge3(base, base, x) and merge3(base, x, x) are all x, clean."""
    for current, incoming in [(edited, base), (base, edited), (edited, edited)]:
        result = merge3(base, current, incoming)
        assert result.clean
        assert result.text == edited


@settings(database=None, max_examples=150)
@given(base=texts, current=texts, incoming=texts)
def test_conflicts_never_lose_either_side(base: str, current: str, incoming: str) -> None:
    """Every conflict region holds exactly the lines each side had there."""
    result = merge3(base, current, incoming)
    current_lines = current.split("\n")
    incoming_lines = incoming.split("\n")
    for conflict in result.conflicts:
        assert conflict.current_text == "".join(
            line + "\n" for line in current_lines[conflict.current.start : conflict.current.stop]
        )
        assert conflict.incoming_text == "".join(
            line + "\n" for line in incoming_lines[conflict.incoming.start : conflict.incoming.stop]
        )
        assert conflict.current_text + CONFLICT_SEPARATOR in result.text
