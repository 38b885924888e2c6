"""Snippets and highlights: safe HTML with the query's words marked (no database)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tropewiki.search.highlight import (
    _fold_same_length,
    _matches,
    highlight,
    light_stem,
    marks,
    needles_for,
    snippet,
)
from tropewiki.search.syntax import Term, parse_query


def marked(query: str, text: str) -> str:
    return str(highlight(text, needles_for(parse_query(query).highlight_terms())))


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
    html = str(snippet(text, needles_for(parse_query("vampire castle hunter").highlight_terms())))
    assert html.startswith("…") and html.endswith("…")
    assert "<mark>castle</mark>" in html
    assert marks(html) >= 3


def test_snippet_without_match_is_the_beginning():
    """With no match, a snippet is the start of the text, cut at a word."""
    html = str(
        snippet("One two three four. " * 30, needles_for(parse_query("zzz").highlight_terms()))
    )
    assert html.startswith("One two") and html.endswith("…") and "<mark>" not in html


@pytest.mark.parametrize(
    "query, text, html",
    [
        ("hunter", "Headhunter hunters", "Headhunter <mark>hunters</mark>"),
        ("hunter", "snake_hunter", "snake_<mark>hunter</mark>"),
        ("hunt", "shunt, hunting", "shunt, <mark>hunting</mark>"),
        ("brien", "O'Brien", "O&#39;<mark>Brien</mark>"),
        ("istanbul", "İSTANBUL, Istanbul", "<mark>İSTANBUL</mark>, <mark>Istanbul</mark>"),
    ],
)
def test_highlight_marks_whole_words_only(query, text, html):
    """A word is marked where it starts a word of the text, never inside another word."""
    assert marked(query, text) == html


_TEXT = st.text(alphabet="abcdeé ABCÉ_'-.1İ", max_size=60)
_WORDS = st.lists(st.text(alphabet="abcdeé", min_size=1, max_size=4), min_size=1, max_size=3)


@settings(max_examples=400, deadline=None)
@given(words=_WORDS, prefix=st.booleans(), text=_TEXT)
def test_matches_are_those_of_a_case_insensitive_whole_word_search(words, prefix, text):
    """The fast matcher finds exactly what the plain definition finds: each word (stemmed, or
    as a prefix) at the start of a word of the text, ignoring case and accents, up to the end
    of that word."""
    terms = [Term(words[0], prefix=prefix), *(Term(w) for w in words[1:])]
    needles = needles_for(terms)
    assert needles is not None
    alternatives = [re.escape(p) + r"[^\W_]*" for p in needles.prefixes]
    alternatives += [re.escape(w) for w in needles.words]
    alternatives.sort(key=len, reverse=True)
    reference = re.compile(rf"(?<![^\W_])(?:{'|'.join(alternatives)})(?![^\W_])", re.IGNORECASE)
    haystack = _fold_same_length(text)
    expected = [(m.start(), m.end()) for m in reference.finditer(haystack)]
    assert [(s, e) for s, e, _ in _matches(text, needles)] == expected


@pytest.mark.parametrize("query", ["zzz", "bold"])
def test_snippets_escape_with_or_without_a_match(query):
    """Markup in the text is escaped whether or not the snippet marks a word."""
    text = 'A <b>bold</b> "claim" & more. ' * 12
    html = str(snippet(text, needles_for(parse_query(query).highlight_terms())))
    assert "<b>" not in html and "&lt;b&gt;" in html and "&amp;" in html and "&#34;" in html
    assert ("<mark>bold</mark>" in html) == (query == "bold")
