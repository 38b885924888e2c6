"""The plain-text seed (``never-let-me-go.tvtropes.txt``) imported as a page that matches it."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from django.core.management import call_command

from tests.conftest import shared_path
from tropewiki.io.bars import split_row
from tropewiki.knowledge.indexes import index_bars
from tropewiki.knowledge.models import ExampleSource
from tropewiki.wiki.lookup import get_page
from tropewiki.wiki.models import Revision

pytestmark = pytest.mark.django_db

SEED = ("seed", "never-let-me-go.tvtropes.txt")


@pytest.fixture
def seed(capsys):
    call_command("import", str(shared_path(*SEED)), "--quiet")
    return capsys.readouterr().out


def _seed_bullets() -> list[str]:
    text = shared_path(*SEED).read_text(encoding="utf-8")
    return [line.split("•", 1)[1].strip() for line in text.splitlines() if "•" in line]


def test_every_bullet_is_an_example_of_its_trope(seed):
    """63 bullets, 63 examples, each linked to Main/<TropeName> with the bullet's text."""
    page = get_page("Literature/NeverLetMeGo")
    examples = {e.trope_key: e for e in ExampleSource.objects.filter(source=page)}
    assert len(examples) == len(_seed_bullets()) == 63
    assert examples["main/alphabitch"].text == "Ruth"
    assert examples["main/wouldberudetosaygenocide"].text.startswith('People "are completed"')
    assert examples["main/childhoodfriendromance"].text == "Pretty obvious with Kathy and Tommy"
    assert examples["main/monochromecasting"].text == "."
    assert examples["main/twentyminutesintothefuture"].text == ""
    assert page.page_type == "work" and page.title == "Never Let Me Go"


def test_variations_match_the_announcements(seed):
    """Inverted, Subverted ×3, Averted ×2 and Played With: as the original text announces."""
    page = get_page("Literature/NeverLetMeGo")
    played = {
        e.trope_key.removeprefix("main/"): e.played
        for e in ExampleSource.objects.filter(source=page)
        if e.played
    }
    assert played == {
        "activistfundamentalistantics": "inverted",
        "breakthecutie": "played-with",
        "creativesterility": "averted",
        "inconvenienthippocraticoath": "averted",
        "flatline": "subverted",
        "thesoulless": "subverted",
        "turnedagainsttheirmasters": "subverted",
    }
    announced = Counter(
        m.group(1).lower()
        for b in _seed_bullets()
        for m in [re.search(r": (?:Creepily )?(Inverted|Subverted|Averted|Played with)", b, re.I)]
        if m
    )
    assert announced == Counter(p.replace("-", " ") for p in played.values())


def test_six_index_bars(seed):
    """The six glued footer rows become six Previous | Index | Next bars on the page."""
    page = get_page("Literature/NeverLetMeGo")
    bars = {bar.index.title: (bar.previous_key, bar.next_key) for bar in index_bars(page)}
    assert bars == {
        "Arthur C. Clarke Award": ("literature/accelerando", "literature/blackman"),
        "Lit Fic": ("literature/thenecklace", "literature/thenewyorktrilogy"),
        "Science Fiction Literature": (
            "literature/neuropath",
            "literature/thenewdinosaursanalternativeevolution",
        ),
        "Literature of the 2000s": ("literature/nerds", "literature/newamsterdambooks"),
        "Films of the 2010s": ("film/mysteryteam", "film/thenextthreedays"),
        "Science Fiction Films": ("film/minorityreport", "film/next"),
    }
    index = get_page("Main/ArthurCClarkeAward")
    assert index.page_type == "index" and "put together by the importer" in (
        index.current_revision.text
    )


def test_alias_licence_and_source(seed):
    """'Never Let Me Go' twice gives one alias (Main/NeverLetMeGo); licence and URL are kept."""
    page = get_page("Literature/NeverLetMeGo")
    assert [a.path for a in page.aliases.all()] == ["Main/NeverLetMeGo"]
    assert page.licence == "CC BY-NC-SA 3.0"
    assert page.source_url == "https://tvtropes.org/pmwiki/pmwiki.php/Literature/NeverLetMeGo"
    assert "Pages: 8 created" in seed and "Aliases: 1; index pages from bars: 6." in seed


def test_importing_again_changes_nothing(seed, capsys):
    """A second import of the seed writes no revision."""
    revisions = Revision.objects.count()
    call_command("import", str(shared_path(*SEED)), "--quiet")
    assert Revision.objects.count() == revisions
    assert "0 created, 0 changed, 8 unchanged" in capsys.readouterr().out


@pytest.mark.parametrize(
    "row, known, expected",
    [
        ("AccelerandoArthur C. Clarke AwardBlack Man", {},
         ("Accelerando", "Arthur C. Clarke Award", "Black Man")),
        ("N.E.R.D.S.Literature of the 2000sNew Amsterdam Books", {},
         ("N.E.R.D.S.", "Literature of the 2000s", "New Amsterdam Books")),
        ("Minority ReportScience Fiction FilmsNeXT", {},
         ("Minority Report", "Science Fiction Films", "NeXT")),
        ("McDonald FarmFarm BooksOld MacBeth", {"farmbooks": 2},
         ("McDonald Farm", "Farm Books", "Old MacBeth")),
        ("No glue at all", {}, None),
    ],
)  # fmt: skip
def test_glued_bar_rows_split_into_three_titles(row, known, expected):
    """Cuts go where a title ends; initials, acronyms and Mc/Mac names are not cut."""
    from tropewiki.io.text import squash

    assert split_row(row, lambda title: known.get(squash(title), 0)) == expected


def test_imported_page_is_findable_at_once(seed, client):
    """A page written by the bulk importer is in the search index as soon as the import ends."""
    results = client.get("/-/search.json", {"q": "Hailsham"}).json()["results"]
    assert "Literature/NeverLetMeGo" in [r["path"] for r in results]
