"""Work → trope data sets: DBTropes 2014 films, calebchiam's lists, made_tropes, and the
name lists (dw_movie_tropes, tropescraper) that give page names and display titles."""

from __future__ import annotations

import re
from pathlib import Path

from tropewiki.io.datasets.corpus import LISTED, OWN, TROPE, WORK, Corpus, Source
from tropewiki.io.datasets.files import BadData, csv_rows, json_objects, open_text
from tropewiki.io.text import address_from_url, squash

DBTROPES = Source(
    "dbtropes2014",
    "DBTropes 2014-06-01 films (via nitz14/Movielans-TV-Tropes)",
    "https://github.com/nitz14/Movielans-TV-Tropes",
)
CALEBCHIAM = Source(
    "calebchiam",
    "calebchiam TV Tropes scraper (2019)",
    "https://github.com/calebchiam/TVTropesScraper",
)
MADE = Source("made_tropes", "made_tropes films (2018)", "https://github.com/raiben/made_tropes")
DW = Source("dw", "DW movie tropes (2019)", "https://github.com/dw-data/movie-tropes")
TROPESCRAPER = Source(
    "tropescraper", "tropescraper (2020)", "https://github.com/rhgarcia/tropescraper"
)

_NOISE = re.compile(r"\s*make a to do.*$", re.DOTALL)
_CALEB_NAMESPACE = re.compile(r"^(Film|Literature|Theatre)")
_MADE_FILE = re.compile(r"^film_(?P<page>[A-Za-z0-9]+)_tropes\.json$")


def dbtropes(path: Path, corpus: Corpus) -> None:
    """``film_tropes.jsonl.gz``: one film per line with its DBTropes label and tropes."""
    records = json_objects(path)
    for number, record in enumerate(records, start=1):
        if not isinstance(record, dict) or not {"namespace", "page", "tropes"} <= record.keys():
            raise BadData(f"line {number} lacks namespace, page or tropes")
    source = corpus.source(DBTROPES)
    for record in records:
        namespace, page = record["namespace"], record["page"]
        label = _NOISE.sub("", record.get("label") or "").strip() or None
        corpus.name(namespace, page, label, OWN)
        entry = corpus.entry(namespace, page, WORK, source)
        for trope in record["tropes"]:
            corpus.example(entry, "Main", trope)


def calebchiam_works(path: Path, corpus: Corpus) -> None:
    """``{"work": ["Trope", …]}`` objects; the work is a page name, a title or a squashed title."""
    match = _CALEB_NAMESPACE.match(path.name)
    if match is None:
        raise BadData(f"{path.name}: cannot tell the medium (Film, Literature, Theatre)")
    namespace, source = match.group(1), corpus.source(CALEBCHIAM)
    for record in json_objects(path):
        if not isinstance(record, dict):
            raise BadData(f"{path.name}: expected JSON objects of work → trope list")
        for work, tropes in record.items():
            if isinstance(tropes, list):
                corpus.pending_work(
                    namespace, work, [t for t in tropes if isinstance(t, str)], source
                )


def calebchiam_descriptions(path: Path, corpus: Corpus) -> None:
    """``{"TropeName": "description"}`` objects."""
    source = corpus.source(CALEBCHIAM)
    for record in json_objects(path):
        for name, description in (record or {}).items():
            entry = corpus.entry("Main", name, TROPE, source)
            corpus.describe(entry, str(description), LISTED)


def made_tropes(path: Path, corpus: Corpus) -> None:
    """``film_<Page>_tropes.json``: the film's tropes with their description and example."""
    match = _MADE_FILE.match(path.name)
    if match is None:
        raise BadData(f"{path.name}: expected film_<Page>_tropes.json")
    page, source = match["page"], corpus.source(MADE)
    film = corpus.entry("Film", page, WORK, source)
    for records in json_objects(path):
        for item in records:
            name, title = item.get("short_name"), item.get("name")
            address = address_from_url(item.get("web_page") or "")
            if address is not None:
                name = address[1]
            if not name:
                continue
            corpus.name("Main", name, title, OWN)
            descriptions = item.get("descriptions") or {}
            trope = corpus.entry("Main", name, TROPE, source)
            corpus.describe(trope, descriptions.get("general", ""), LISTED)
            example = next((v for k, v in descriptions.items() if squash(k) == squash(page)), "")
            corpus.example(film, "Main", name, example.replace("\\n", " "))


def tropescraper_names(path: Path, corpus: Corpus) -> None:
    """``FilmPage, count`` lines: film page names as TV Tropes spells them."""
    with open_text(path) as stream:
        for line in stream:
            name = line.split(",", 1)[0].strip()
            if name:
                corpus.name("Film", name)


def dw_tropes(path: Path, corpus: Corpus) -> None:
    """``list_tropes.csv``: trope display names and page names."""
    for row in csv_rows(path, delimiter=";", escapechar="\\"):
        if row.get("tropelink"):
            corpus.name("Main", row["tropelink"], row.get("tropename"), LISTED)


def dw_movies(path: Path, corpus: Corpus) -> None:
    """``list_movies.csv``: film titles with their TV Tropes URLs."""
    for row in csv_rows(path):
        address = address_from_url(row.get("link") or "")
        if address is not None:
            corpus.name(address[0], address[1], row.get("eligibleTitle"), LISTED)
