"""CSV and RDF exports of the examples; the markup writer's escaping."""

from __future__ import annotations

import csv
import io

import pytest
from django.core.management import CommandError, call_command
from hypothesis import given
from hypothesis import strategies as st
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from tropewiki.actions import Attribution
from tropewiki.io.markup_writer import Line, _shows, escape
from tropewiki.io.rdf import TW

BASE = "https://wiki.example"


@pytest.fixture
def examples(make_page):
    make_page(
        "Literature/NeverLetMeGo",
        "%%title: Never Let Me Go\n* AlphaBitch: Ruth [[spoiler:regrets it]].\n"
        "* ActivistFundamentalistAntics: Inverted - nobody protests.\n* DownerEnding",
        attribution=Attribution("https://tvtropes.org/pmwiki/pmwiki.php/Literature/NeverLetMeGo"),
    )
    make_page("Main/AlphaBitch", "A mean girl.\n\n* Literature/NeverLetMeGo: Ruth, from the trope.")
    make_page("Main/DownerEnding", "Sad.")


def _export(tmp_path, name: str, *options: str) -> str:
    path = tmp_path / name
    call_command("export", str(path), *options, verbosity=0)
    return path.read_text(encoding="utf-8")


def test_csv_has_one_row_per_example(examples, tmp_path):
    """Each (work, trope) once, with how it is played, spoiler flag and the pages it is on."""
    rows = list(csv.DictReader(io.StringIO(_export(tmp_path, "examples.csv"))))
    by_trope = {row["trope"]: row for row in rows}
    assert len(rows) == 3
    alpha = by_trope["Main/AlphaBitch"]
    assert alpha["work"] == "Literature/NeverLetMeGo" and alpha["work_title"] == "Never Let Me Go"
    assert alpha["text"] == "Ruth [[spoiler:regrets it]]." and alpha["spoiler"] == "yes"
    assert alpha["written_on"] == "Literature/NeverLetMeGo;Main/AlphaBitch"
    assert by_trope["Main/ActivistFundamentalistAntics"]["played"] == "inverted"
    assert by_trope["Main/DownerEnding"]["played"] == "straight"


def test_turtle_and_ntriples_say_the_same_in_the_documented_vocabulary(examples, tmp_path):
    """Both syntaxes parse with rdflib into the same graph: works, tropes, examples."""
    turtle = Graph().parse(data=_export(tmp_path, "wiki.ttl", "--base-url", BASE), format="turtle")
    ntriples = Graph().parse(data=_export(tmp_path, "wiki.nt", "--base-url", BASE), format="nt")
    assert isomorphic(turtle, ntriples)
    work = URIRef(f"{BASE}/Literature/NeverLetMeGo")
    trope = URIRef(f"{BASE}/Main/ActivistFundamentalistAntics")
    assert (work, RDF.type, TW.Work) in turtle
    assert (work, RDFS.label, Literal("Never Let Me Go", lang="en")) in turtle
    assert (work, TW.hasFeature, trope) in turtle
    example = URIRef(f"{BASE}/-/example/Literature/NeverLetMeGo/Main/ActivistFundamentalistAntics")
    assert (work, TW.hasExample, example) in turtle
    assert (example, TW.featureType, trope) in turtle
    assert (example, TW.playedAs, TW.Inverted) in turtle
    assert (TW.Inverted, RDF.type, TW.Variation) in turtle
    source = URIRef("https://tvtropes.org/pmwiki/pmwiki.php/Literature/NeverLetMeGo")
    assert (work, URIRef("http://purl.org/dc/terms/source"), source) in turtle


def test_export_refuses_an_unknown_format(db, tmp_path):
    """A file name that names no format is refused with the formats that work."""
    with pytest.raises(CommandError, match=r"\.jsonl\(\.gz\), \.csv, \.ttl or \.nt"):
        call_command("export", str(tmp_path / "wiki.xml"))


_PIECES = [*"aZ'[]{}=%/\\@.:|*!- ~\n", "McDonald", "NeXT", "Film/", "''", "[[", "]]", "=]"]


@given(st.lists(st.sampled_from(_PIECES), max_size=25).map("".join))
def test_escaped_text_shows_as_itself(text):
    """Any text, escaped, is read back by the parser as exactly that text and nothing else."""
    assert _shows(escape(text)) == text.replace("\n", " ")


def test_links_take_the_form_an_editor_would_write():
    """Bare WikiWords where they are safe; potholes where letters touch the link."""
    line = (
        Line()
        .link("Main", "AlphaBitch", Line().text("Alpha Bitch"))
        .text(" and ")
        .link("Film", "Oldboy2003", Line().text("Oldboy (2003)"))
        .text(" or ")
        .link("Main", "ShoutOut", Line().text("Shout Out"))
        .text("s")
    )
    assert line.build() == "AlphaBitch and Film/{{Oldboy (2003)}} or [[ShoutOut Shout Out]]s"
