"""Reading a text once per distinct line gives what saving reads by parsing the whole page."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.io.conftest import SCAN_LINES, knowledge_rows
from tropewiki.actions import save_page
from tropewiki.actions.bulk import PageInput, import_pages
from tropewiki.io.datasets.corpus import LACONIC, TROPE, WORK, Corpus, Entry, Source
from tropewiki.io.datasets.render import generate, render
from tropewiki.io.prederive import derive
from tropewiki.knowledge.scan import scan_parsed
from tropewiki.markup import parse
from tropewiki.search.models import SearchDocument
from tropewiki.search.text import page_text

LINES = st.sampled_from(
    [
        *SCAN_LINES,
        "* {{ Spaced }}: x",
        "* {{ Spaced }}",
        "Plain prose.",
        "Prose ending in a break\\\\",
        "A [[spoiler:secret]] in prose.",
        "''Oldboy'' is a work (Film) described by data.",
        "[[https://example.org the site]]",
        "* AlphaBitch:   spaced  ",
        "* AlphaBitch\tTab",
        "* ",
        "*AlphaBitch",
        "----",
        "- not a rule",
        "!",
        "!!!Deep",
        "Sources: a ([[https://x.org x]]); b.",
        "[[Film/Heat]]",
        "%%title: Oldboy",
        "* Film/Heat: [=''=]quoted[=''=]",
        "* AlphaBitch: 1999 was a year",
    ]
)


def _reference(text: str):
    return scan_parsed(text), page_text(parse(text))


@settings(max_examples=400, deadline=None)
@given(st.lists(LINES, max_size=14))
def test_derive_equals_the_parser_on_any_mix_of_lines(lines):
    """Links, bullets and search text from derive equal the parser's, or derive declines."""
    text = "\n".join(lines) + "\n"
    derived = derive(text)
    if derived is None:
        return
    scan, search = _reference(text)
    assert derived.scan.links == scan.links
    assert derived.scan.bullets == scan.bullets
    assert derived.search == search


WORDS = st.lists(
    st.sampled_from([*"abcXY Z'*![]{}=%:-/|\\.,\n", "''", "[[", "]]", "%%", "AlphaBitch"]),
    max_size=20,
).map("".join)


@settings(max_examples=200, deadline=None)
@given(
    title=st.one_of(st.none(), WORDS),
    description=WORDS,
    bullets=st.lists(
        st.tuples(
            st.sampled_from(["Main", "Film", "Literature"]),
            st.sampled_from(["AlphaBitch", "TheMatrix", "Heat", "heat", "X2", "Oldboy2003"]),
            WORDS,
        ),
        max_size=6,
    ),
    kind=st.sampled_from([WORK, TROPE, LACONIC]),
)
def test_derive_equals_the_parser_on_generated_pages(title, description, bullets, kind):
    """Pages generated from data sets are read by derive exactly as the parser reads them."""
    corpus = Corpus()
    source = corpus.source(Source("s", "Some data [set]", "https://example.org/s"))
    namespace = "Film" if kind == WORK else "Laconic" if kind == LACONIC else "Main"
    entry = Entry(namespace, "Oldboy2003", kind, description=description, sources={source})
    if title:
        corpus.name(namespace, "Oldboy2003", title)
    for ns, name, text in bullets:
        corpus.name(ns, name, text[:10] or None)
        corpus.example(entry, ns, name, text)
    text = render(entry, generate(entry, corpus))
    derived = derive(text)
    if derived is None:  # a line of another kind ("-", "[[…"): the page is parsed instead
        return
    scan, search = _reference(text)
    assert derived.scan.links == scan.links
    assert derived.scan.bullets == scan.bullets
    assert derived.search == search


def test_a_generated_page_is_derived_without_parsing_it_whole():
    """A typical generated page is made only of lines derive reads (it does not decline)."""
    corpus = Corpus()
    source = corpus.source(Source("s", "Some data set", "https://example.org/s"))
    entry = Entry("Film", "Oldboy2003", WORK, description="A film's story.", sources={source})
    corpus.name("Film", "Oldboy2003", "Oldboy (2003)")
    corpus.name("Main", "AgeGapRomance", "Age-Gap Romance")
    corpus.example(entry, "Main", "AgeGapRomance", "Played ''straight''.")
    corpus.example(entry, "Main", "AlphaBitch")
    text = render(entry, generate(entry, corpus))
    derived = derive(text)
    assert derived is not None
    assert [b.target.name for b in derived.scan.bullets] == ["AgeGapRomance", "AlphaBitch"]
    scan, search = _reference(text)
    assert derived.scan.links == scan.links and derived.scan.bullets == scan.bullets
    assert derived.search == search and search.summary.startswith("Oldboy (2003) is a work")


PAGES = [
    ("Main/AlphaBitch", "A mean girl.\n\n!!Examples\n* Literature/NeverLetMeGo: Ruth.\n"),
    ("Literature/NeverLetMeGo", "A novel.\n\n!!Tropes\n* AlphaBitch: Ruth\n* {{Cloning Blues}}\n"),
    ("Laconic/AlphaBitch", "The mean girl.\n"),
]


@pytest.mark.parametrize("given_derived", [False, True], ids=["parsed", "derived"])
def test_import_with_derived_text_writes_what_save_page_writes(db, tool, wipe, given_derived):
    """import_pages given derive's results writes the rows and documents save_page writes."""
    for address, text in PAGES:
        save_page(address, text, tool)
    expected = knowledge_rows()
    documents = sorted(SearchDocument.objects.values_list("path", "laconic", "summary", "body"))
    wipe()
    inputs = [
        PageInput(address, text, derived=derive(text) if given_derived else None)
        for address, text in PAGES
    ]
    assert all(i.derived is not None for i in inputs) or not given_derived
    import_pages(inputs, tool)
    assert knowledge_rows() == expected
    assert (
        sorted(SearchDocument.objects.values_list("path", "laconic", "summary", "body"))
        == documents
    )
