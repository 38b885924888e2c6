"""Snippets and highlights: safe HTML with the query's words marked (no database)."""

from __future__ import annotations

import pytest

from tropewiki.search.highlight import highlight, light_stem, marks, pattern_for, snippet
from tropewiki.search.syntax import parse_query


def marked(query: str, text: str) -> str:
    return str(highlight(text, pattern_for(parse_query(query).highlight_terms())))


@pytest.mark.parametrize(
    "word, stem",
    [
        ("lovers", "lover"),
        ("crossed", "cross"),
        ("running", "run"),
        ("stopped", "stop"),
        ("families", "famili"),
        ("hero's", "hero"),
        ("castle", "castle"),
        ("is", "i"),
    ],
)
def test_light_stem(word, stem):
    """The light stemmer strips plurals, -ed, -ing and possessives."""
    assert light_stem(word) == stem


@pytest.mark.parametrize(
    "query, text, html",
    [
        ("lovers", "Two lovers, one lover.", "Two <mark>lovers</mark>, one <mark>lover</mark>."),
        ("crossed", "Star-crossed, crossing.", "Star-<mark>crossed</mark>, <mark>crossing</mark>."),
        ("Vampire", "VAMPIRES, vampire's", "<mark>VAMPIRES</mark>, <mark>vampire</mark>&#39;s"),
        ("prophe*", "A prophecy, prophets.", "A <mark>prophecy</mark>, <mark>prophets</mark>."),
        ("is", "This is it", "This <mark>is</mark> it"),
        ("cafe", "A café.", "A <mark>café</mark>."),
        ("zzz", "Nothing here.", "Nothing here."),
    ],
)
def test_highlight_marks_words_as_the_engine_matches_them(query, text, html):
    """Matches are marked by stem, prefix, case and accent; other words are left alone."""
    assert marked(query, text) == html


def test_highlight_escapes_everything_and_only_adds_marks():
    """Markup in the text comes out escaped; the only tags are the <mark>s."""
    html = marked("script", '<script>alert("x")</script> & script')
    assert html == (
        "&lt;<mark>script</mark>&gt;alert(&#34;x&#34;)&lt;/<mark>script</mark>&gt; &amp; "
        "<mark>script</mark>"
    )


def test_snippet_is_the_window_with_most_different_words():
    """The snippet shows where the most query words meet, with ellipses at cut ends."""
    text = ("filler " * 60) + "the vampire hunter " + ("filler " * 10) + "vampire castle hunter"
    text += " filler" * 60
    html = str(snippet(text, pattern_for(parse_query("vampire castle hunter").highlight_terms())))
    assert html.startswith("…") and html.endswith("…")
    assert "<mark>castle</mark>" in html
    assert marks(html) >= 3


def test_snippet_without_match_is_the_beginning():
    """With no match, a snippet is the start of the text, cut at a word."""
    html = str(
        snippet("One two three four. " * 30, pattern_for(parse_query("zzz").highlight_terms()))
    )
    assert html.startswith("One two") and html.endswith("…") and "<mark>" not in html
