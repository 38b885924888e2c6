"""The search query language, read into clauses and filters (no database)."""

from __future__ import annotations

import pytest

from tropewiki.search.syntax import Clause, Term, parse_query


@pytest.mark.parametrize(
    "text, clauses",
    [
        ("vampire castle", [[Term("vampire")], [Term("castle")]]),
        ('"star crossed" lovers', [[Term("star crossed", phrase=True)], [Term("lovers")]]),
        ("vampire OR werewolf hunter", [[Term("vampire"), Term("werewolf")], [Term("hunter")]]),
        ("vampire | werewolf", [[Term("vampire"), Term("werewolf")]]),
        ("prophe*", [[Term("prophe", prefix=True)]]),
        ("star-crossed", [[Term("star crossed", phrase=True)]]),
        ("hero's", [[Term("hero's")]]),
        ("Batman: Year One", [[Term("Batman")], [Term("Year")], [Term("One")]]),
        ('"unclosed phrase', [[Term("unclosed phrase", phrase=True)]]),
        ("OR lonely", [[Term("lonely")]]),
        ("-- ** !!", []),
        ("", []),
    ],
)
def test_positive_terms(text, clauses):
    """Words, phrases, OR groups and prefixes become AND-ed clauses of OR-ed terms."""
    query = parse_query(text)
    assert [list(c.terms) for c in query.clauses] == clauses
    assert not query.negative


@pytest.mark.parametrize(
    "text, negative",
    [
        ("vampire -sequel", [Clause((Term("sequel"),), negated=True)]),
        ('love -"love triangle"', [Clause((Term("love triangle", phrase=True),), negated=True)]),
    ],
)
def test_exclusions(text, negative):
    """A leading minus excludes a word or a phrase."""
    assert parse_query(text).negative == negative


def test_exclusions_alone_are_not_searchable():
    """A query of exclusions only has nothing to look for."""
    assert not parse_query("-sequel -remake").searchable


@pytest.mark.parametrize(
    "text, namespaces, not_namespaces, types, not_types",
    [
        ("ns:Literature lovers", ("Literature",), (), (), ()),
        ("namespace:Film ns:Theatre x", ("Film", "Theatre"), (), (), ()),
        ("-ns:YMMV x", (), ("YMMV",), (), ()),
        ("type:Trope x", (), (), ("trope",), ()),
        ("-type:subpage x", (), (), (), ("subpage",)),
    ],
)
def test_filters(text, namespaces, not_namespaces, types, not_types):
    """ns:, namespace: and type: are filters, not words; a minus leaves them out."""
    query = parse_query(text)
    assert (query.namespaces, query.not_namespaces, query.types, query.not_types) == (
        namespaces,
        not_namespaces,
        types,
        not_types,
    )
    assert [t.text for c in query.clauses for t in c.terms] == [
        "lovers" if "lovers" in text else "x"
    ]


@pytest.mark.parametrize(
    "text, words",
    [
        ("Romeo and Juliet", ["Romeo", "and", "Juliet"]),
        ('"star crossed" lovers', ["star", "crossed", "lovers"]),
        ("vampire OR werewolf", None),
        ("prophe*", None),
    ],
)
def test_plain_words_for_exact_titles(text, words):
    """Only a query of plain words and phrases can equal a title."""
    assert parse_query(text).plain_words() == words
