"""Trope queries: works with tropes A and B but not C, by medium and by how played."""

from __future__ import annotations

import pytest

from tropewiki.discovery.tropequery import answer, parse_trope_query

pytestmark = pytest.mark.django_db


@pytest.fixture
def library(make_page):
    """Five works, four tropes, examples written from both sides with played variations."""
    # Titanic is written on the trope's page only.
    make_page("Main/StarCrossedLovers", "The trope.\n\n* Film/{{Titanic}}: Jack and Rose.\n")
    for name in ("DownerEnding", "LoveTriangle", "HappyEnding"):
        make_page(f"Main/{name}", f"The trope {name}.\n")
    make_page(
        "Theatre/RomeoAndJuliet",
        "A play.\n\n* StarCrossedLovers: The archetype.\n* DownerEnding: Both die.\n",
    )
    make_page(
        "Literature/WutheringHeights",
        "A novel.\n\n* StarCrossedLovers: Subverted. They are kept apart by themselves.\n"
        "* DownerEnding: Mostly.\n* LoveTriangle: Heathcliff, Catherine, Edgar.\n",
    )
    make_page(
        "Literature/TheGreatGatsby",
        "A novel.\n\n* StarCrossedLovers: Gatsby and Daisy.\n* DownerEnding: Averted? No.\n",
    )
    make_page("Film/Titanic", "A film.\n\n* HappyEnding: Averted. Cold water.\n")


def works(text: str) -> list[str]:
    return sorted(row.page.path for row in answer(parse_trope_query(text)).rows)


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "trope:StarCrossedLovers",
            [
                "Film/Titanic",
                "Literature/TheGreatGatsby",
                "Literature/WutheringHeights",
                "Theatre/RomeoAndJuliet",
            ],
        ),
        (
            "trope:StarCrossedLovers trope:DownerEnding",
            ["Literature/TheGreatGatsby", "Literature/WutheringHeights", "Theatre/RomeoAndJuliet"],
        ),
        (
            "trope:StarCrossedLovers trope:DownerEnding -trope:LoveTriangle",
            ["Literature/TheGreatGatsby", "Theatre/RomeoAndJuliet"],
        ),
        (
            "trope:StarCrossedLovers trope:DownerEnding -trope:LoveTriangle medium:Literature",
            ["Literature/TheGreatGatsby"],
        ),
        ("StarCrossedLovers -medium:Literature", ["Film/Titanic", "Theatre/RomeoAndJuliet"]),
        (
            "trope:StarCrossedLovers medium:Film medium:Theatre",
            ["Film/Titanic", "Theatre/RomeoAndJuliet"],
        ),
        ("played:subverted:StarCrossedLovers", ["Literature/WutheringHeights"]),
        ("trope:StarCrossedLovers played:subverted", ["Literature/WutheringHeights"]),
        ("played:averted:HappyEnding", ["Film/Titanic"]),
        (
            "played:straight:StarCrossedLovers",
            ["Film/Titanic", "Literature/TheGreatGatsby", "Theatre/RomeoAndJuliet"],
        ),
        (
            "trope:StarCrossedLovers -played:subverted:StarCrossedLovers",
            ["Film/Titanic", "Literature/TheGreatGatsby", "Theatre/RomeoAndJuliet"],
        ),
        ("-trope:StarCrossedLovers", []),
        ('trope:"Star-Crossed Lovers" trope:Main/LoveTriangle', ["Literature/WutheringHeights"]),
    ],
)
def test_and_not_medium_played(library, text, expected):
    """AND of trope: terms, NOT of -trope:, medium: as OR within, played: per trope."""
    assert works(text) == expected


def test_trope_written_on_the_trope_page_counts(library):
    """An example written only on the trope's page makes the work match."""
    assert "Film/Titanic" in works("trope:StarCrossedLovers")


def test_counts_in_all_by_medium_and_per_term(library):
    """The answer counts the works in all, per medium, and per term on its own."""
    result = answer(parse_trope_query("trope:StarCrossedLovers -trope:LoveTriangle"))
    assert result.total == 3
    assert result.by_medium == [("Film", 1), ("Literature", 1), ("Theatre", 1)]
    assert [(c.label, n) for c, n in result.counts] == [
        ("trope:Main/StarCrossedLovers", 4),
        ("-trope:Main/LoveTriangle", 3),
    ]


def test_rows_say_how_each_work_plays_the_queried_tropes(library):
    """Each matching work lists how it plays each trope asked for."""
    rows = {
        r.page.path: r.played for r in answer(parse_trope_query("trope:StarCrossedLovers")).rows
    }
    assert rows["Literature/WutheringHeights"] == {"Main/StarCrossedLovers": ["subverted"]}
    assert rows["Theatre/RomeoAndJuliet"] == {"Main/StarCrossedLovers": ["straight"]}


@pytest.mark.parametrize(
    "text, fragment",
    [
        ("trope:NoSuchTrope", "There is no trope Main/NoSuchTrope"),
        ("trope:Theatre/RomeoAndJuliet", "is not a trope"),
        ("played:sideways:StarCrossedLovers", "Unknown way of playing"),
        ("medium:Main trope:StarCrossedLovers", "is not a medium"),
        ("colour:red", "Unknown term colour:"),
    ],
)
def test_errors_are_explained(library, text, fragment):
    """Unknown tropes, variations, media and terms are reported, and nothing runs."""
    query = parse_trope_query(text)
    assert any(fragment in e for e in query.errors)
    assert answer(query).rows == []


def test_red_link_trope_is_queryable(make_page):
    """A trope written about but without a page can still be asked for."""
    make_page("Literature/Book", "A book.\n\n* MissingTrope: Yes.\n")
    assert not parse_trope_query("trope:MissingTrope").errors
    assert works("trope:MissingTrope") == ["Literature/Book"]


def test_paging(library):
    """Results come a page at a time, in title order."""
    first = answer(parse_trope_query("trope:StarCrossedLovers"), page=1, per_page=3)
    second = answer(parse_trope_query("trope:StarCrossedLovers"), page=2, per_page=3)
    assert first.pages == 2 and len(first.rows) == 3 and len(second.rows) == 1
    titles = [r.page.title for r in first.rows + second.rows]
    assert titles == sorted(titles)
