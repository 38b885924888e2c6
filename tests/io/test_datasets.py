"""Data sets become pages: works, tropes, laconics, with titles from the data and attribution.

Each test copies a small sample of a real file (same name, same format) from ../shared.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from tests.conftest import shared_path
from tropewiki.io.datasets.render import MARKER
from tropewiki.knowledge.models import ExampleSource
from tropewiki.wiki.lookup import get_page
from tropewiki.wiki.models import Page, Revision

pytestmark = pytest.mark.django_db


def _data(*parts: str) -> Path:
    return shared_path("data", "tvtropes", *parts)


def _lines(path: Path, keep) -> list[str]:
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as stream:  # type: ignore[operator]
        return [line for number, line in enumerate(stream) if keep(number, line)]


def _write(folder: Path, name: str, lines: list[str]) -> Path:
    path = folder / name
    opener = gzip.open if name.endswith(".gz") else open
    with opener(path, "wt", encoding="utf-8") as stream:  # type: ignore[operator]
        stream.writelines(lines)
    return path


def _import(*paths: Path, capsys=None) -> str:
    call_command("import", *map(str, paths), "--quiet")
    return capsys.readouterr().out if capsys else ""


def test_dbtropes_films_with_their_labels_and_tropes(tmp_path, capsys):
    """A DBTropes film becomes a work page titled by its label, one example per trope."""
    source = _data("dbtropes2014_films", "film_tropes.jsonl.gz")
    sample = _write(tmp_path, source.name, _lines(source, lambda n, _: n < 20))
    out = _import(sample, capsys=capsys)
    page = get_page("Film/FiveHundredDaysOfSummer")
    assert page.title == "(500) Days of Summer" and page.page_type == "work"
    text = page.current_revision.text
    assert MARKER in text and "* AmbiguousEnding" in text
    assert "github.com/nitz14/Movielans-TV-Tropes" in text and "CC BY-NC-SA 3.0" in text
    assert page.source_url.endswith("/Film/FiveHundredDaysOfSummer")
    assert page.licence == "CC BY-NC-SA 3.0"
    first = json.loads(_lines(source, lambda n, _: n == 0)[0])
    assert ExampleSource.objects.filter(source=page).count() == len(set(first["tropes"]))
    assert "20 created" in out


def test_work_keys_resolved_through_other_data_sets(tmp_path, capsys):
    """calebchiam keys ("drumline") get TV Tropes' page names from the name lists; a key
    nothing names is reported, not guessed."""
    names = _write(tmp_path, "movies-by-number-of-tropes.csv", ["Drumline, 120\n"])
    caleb = _write(
        tmp_path,
        "Film_tropes_Film.2019-04-02.jsonl.gz",
        ['{"drumline": ["HardWorkHardlyWorks", "TokenWhite"]}\n',
         '{"zzqqnotafilm": ["TokenWhite"]}\n',
         '{"All Through the Night": ["PetTheDog"]}\n'],
    )  # fmt: skip
    out = _import(names, caleb, capsys=capsys)
    drumline = get_page("Film/Drumline")
    assert {e.trope_key for e in ExampleSource.objects.filter(source=drumline)} == {
        "main/hardworkhardlyworks",
        "main/tokenwhite",
    }
    assert get_page("Film/AllThroughTheNight").title == "All Through the Night"
    assert "no data set gives its page name: Film 'zzqqnotafilm'" in out


def test_laconics_need_a_known_name(tmp_path, capsys):
    """sebire laconics (lower-case keys) land on Laconic/<Name> when a list names the trope."""
    dw = _write(
        tmp_path,
        "list_tropes.csv",
        ['"tropeid";"tropename";"tropefreq";"tropelink";"tropefreq2000"\n',
         '"tr1";"Melancholy Musical Number";3;"MelancholyMusicalNumber";1\n'],
    )  # fmt: skip
    laconics = {"melancholymusicalnumber": "A sad song.", "nosuchtrope": "x", "serialnovel": "/"}
    sebire = _write(tmp_path, "trope_description_laconic_dict.json.gz", [json.dumps(laconics)])
    out = _import(dw, sebire, capsys=capsys)
    laconic = get_page("Laconic/MelancholyMusicalNumber")
    assert "A sad song." in laconic.current_revision.text
    assert "laconic 'nosuchtrope'" in out and "serialnovel" not in out


def test_scifitropes_keeps_lead_links_only(tmp_path):
    """Of a work's links, those whose text is the trope's title are examples; potholes in
    example text ('do care about their young' → AvertedTrope) are not."""
    source = _data("scifitropes", "media", "scifianimedb.csv.gz")
    sample = _write(tmp_path, source.name, _lines(source, lambda n, _: n < 2))
    _import(sample)
    page = get_page("Anime/DragonBallSuper")
    keys = set(ExampleSource.objects.filter(source=page).values_list("trope_key", flat=True))
    assert {"main/landlineeavesdropping", "main/theace"} <= keys
    assert "main/avertedtrope" not in keys and "main/topgod" not in keys


def test_stereotropes_roles_are_examples_on_trope_pages(tmp_path):
    """A film's role text is an example written on the trope's page, without the name prefix."""
    source = _data("stereotropes", "films.jsonl.gz")
    sample = _write(tmp_path, source.name, _lines(source, lambda n, _: n < 1))
    _import(sample)
    battle = ExampleSource.objects.get(
        trope_key="main/battlebutler", work_key="film/abettertomorrow"
    )
    assert battle.side == "trope"
    assert battle.text.startswith("The servant - hitman Chong is given a pile of cash")
    assert get_page("Film/ABetterTomorrow").title == "A Better Tomorrow"


def test_made_tropes_example_texts_and_descriptions(tmp_path):
    """made_tropes: the film's example text, the trope's description on the trope page."""
    source = _data("made_tropes_films", "film_Willow_tropes.json")
    items = json.loads(source.read_text(encoding="utf-8"))[:3]
    sample = _write(tmp_path, source.name, [json.dumps(items)])
    _import(sample)
    example = ExampleSource.objects.get(work_key="film/willow", trope_key="main/temporalparadox")
    assert example.text.startswith("Willow contains a predestination paradox")
    trope = get_page("Main/TemporalParadox")
    assert trope.title == "Temporal Paradox"
    assert "A contradiction of causality" in trope.current_revision.text


def test_disability_tropes_with_examples(tmp_path):
    """did_media: trope pages with descriptions and the works' example texts."""
    tropes = _data("did_media_disability_tropes", "disability_tropes.psv")
    media = _data("did_media_disability_tropes", "media_disability_tropes.psv")
    a = _write(tmp_path, tropes.name, tropes.read_text(encoding="utf-8").splitlines(True)[:30])
    b = _write(tmp_path, media.name, media.read_text(encoding="utf-8").splitlines(True)[:3])
    _import(a, b)
    assert (
        "A character with a disability" in get_page("Main/AbandonTheDisabled").current_revision.text
    )
    example = ExampleSource.objects.get(trope_key="main/handicappedbadass")
    assert example.side == "trope" and example.text.startswith("For a certain value")


def test_tropes_indexer_descriptions_and_works(tmp_path):
    """A tropes_indexer page: its description and its works as examples."""
    source = _data("tropes_indexer", "tropes.jsonl.gz")
    sample = _write(tmp_path, source.name, _lines(source, lambda n, _: n < 2))
    _import(sample)
    page = get_page("Main/BallsGag")
    assert page.title == '"Balls" Gag'
    assert 'The word [="ball"=]' in page.current_revision.text or (
        'The word "ball" has many definitions' in page.current_revision.text
    )
    assert ExampleSource.objects.filter(trope=page, work_key="series/saturdaynightlive").exists()


def test_data_sets_merge_across_imports_and_reimport_changes_nothing(tmp_path, capsys):
    """Two data sets about one work add up (both sources listed); importing again is a no-op."""
    db = _write(
        tmp_path,
        "film_tropes.jsonl.gz",
        [json.dumps({"label": "Drumline", "dbtropes_uri": "", "namespace": "Film",
                     "page": "Drumline", "tropes": ["TokenWhite", "TheRival"]}) + "\n"],
    )  # fmt: skip
    _import(db)
    caleb = _write(tmp_path / "..", "Film_tropes_Film.2019-04-02.jsonl.gz",
                   ['{"Drumline": ["HardWorkHardlyWorks", "TokenWhite"]}\n'])  # fmt: skip
    _import(caleb)
    page = get_page("Film/Drumline")
    text = page.current_revision.text
    assert page.current_revision.number == 2
    assert {"* TokenWhite", "* TheRival", "* HardWorkHardlyWorks"} <= set(text.splitlines())
    assert "Movielans-TV-Tropes" in text and "calebchiam" in text
    revisions = Revision.objects.count()
    _import(db, caleb)
    assert Revision.objects.count() == revisions


def test_a_page_of_its_own_is_not_overwritten_by_data(tmp_path, make_page, capsys):
    """A page somebody wrote is left alone by a data set, and reported."""
    make_page("Film/Drumline", "Written by a person.")
    db = _write(tmp_path, "film_tropes.jsonl.gz", [json.dumps(
        {"label": "Drumline", "dbtropes_uri": "", "namespace": "Film", "page": "Drumline",
         "tropes": ["TokenWhite"]}) + "\n"])  # fmt: skip
    out = _import(db, capsys=capsys)
    assert get_page("Film/Drumline").current_revision.text == "Written by a person.\n"
    assert "a page not generated from data sets is there: Film/Drumline" in out


def test_a_broken_data_file_adds_nothing_and_fails_the_import(tmp_path, capsys):
    """A data file with a broken line is reported; the good file beside it is imported."""
    good = _write(tmp_path, "film_tropes.jsonl.gz", [json.dumps(
        {"label": "Heat", "dbtropes_uri": "", "namespace": "Film", "page": "Heat",
         "tropes": ["TokenWhite"]}) + "\n"])  # fmt: skip
    other = tmp_path / "other"
    other.mkdir()
    bad = _write(other, "film_tropes.jsonl.gz", ['{"label": "Ronin", "dbtropes_uri": "", '
                                                 '"namespace": "Film", "page": "Ronin", '
                                                 '"tropes": []}\n', '{broken\n'])  # fmt: skip
    with pytest.raises(CommandError, match="1 broken input"):
        call_command("import", str(good), str(bad), "--quiet")
    assert "broken JSON on line 2" in capsys.readouterr().out
    assert get_page("Film/Heat") is not None
    assert not Page.objects.filter(name="Ronin").exists()


def test_an_unknown_file_is_refused_with_a_message(tmp_path, capsys):
    """A file no importer recognises fails the import and says what is accepted."""
    path = tmp_path / "notes.txt"
    path.write_text("just some notes\n", encoding="utf-8")
    with pytest.raises(CommandError, match="1 broken input"):
        call_command("import", str(path), "--quiet")
    assert "not a TV Tropes page (HTML), a plain-text scrape" in capsys.readouterr().out
