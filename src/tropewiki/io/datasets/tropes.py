"""Trope data sets: tropes_indexer pages, laconics (sebire, tropes_indexer), stereotropes,
disability tropes (did_media) and the index page list."""

from __future__ import annotations

import re
from pathlib import Path

from tropewiki.io.datasets.corpus import DERIVED, LACONIC, LISTED, OWN, TROPE, WORK, Corpus, Source
from tropewiki.io.datasets.files import BadData, csv_rows, json_objects, open_text
from tropewiki.io.text import address_from_url, name_from_title, squash
from tropewiki.knowledge.subjects import WORK_NAMESPACES

INDEXER = Source(
    "tropes_indexer", "tropes-indexer (2019)", "https://github.com/jmanuelrey/tropes-indexer"
)
SEBIRE = Source(
    "sebire2022",
    "data-science-tropes laconics (2022)",
    "https://github.com/isebire/data-science-tropes",
)
STEREO = Source(
    "stereotropes", "stereotropes (2015)", "https://github.com/bocoup/stereotropes-data-public"
)
DID = Source(
    "did_media",
    "disability tropes in media (2023)",
    "https://github.com/elyanah-aco/did-media-tvtropes",
)

# Laconic texts that are the site's boilerplate, not a summary.
_BOILERPLATE = re.compile(r"unabridged|\bHERE\b|Creative Commons|TV Tropes Foundation", re.I)
_ROLE = re.compile(r"^[^:]{1,200}:\s+")


def tropes_indexer(path: Path, corpus: Corpus) -> None:
    """Trope pages (``-tropo`` folders) or Laconic pages (``-laconic``), one JSON per line."""
    source = corpus.source(INDEXER)
    for record in json_objects(path):
        address = address_from_url(record.get("url") or "")
        if address is None:
            continue
        namespace, name = address
        content = record.get("content") or ""
        if namespace == "Laconic":
            corpus.name("Main", name, record.get("title"), OWN)
            if content and not _BOILERPLATE.search(content):
                corpus.describe(corpus.entry("Laconic", name, LACONIC, source), content, OWN)
            continue
        corpus.name(namespace, name, record.get("title"), OWN)
        entry = corpus.entry(namespace, name, TROPE, source)
        corpus.describe(entry, content, OWN)
        for link in record.get("media_links") or []:
            work = address_from_url(link)
            if work is not None and work[0] in WORK_NAMESPACES:
                corpus.example(entry, *work)


def sebire_laconics(path: Path, corpus: Corpus) -> None:
    """One object: lower-cased trope name → laconic ("/" or "" when there is none)."""
    source = corpus.source(SEBIRE)
    for record in json_objects(path):
        if not isinstance(record, dict):
            raise BadData(f"{path.name}: expected one JSON object of name → laconic")
        for key, text in record.items():
            if isinstance(text, str) and text.strip() not in ("", "/"):
                corpus.pending_laconic(squash(key), text, source)


def stereotropes_films(path: Path, corpus: Corpus) -> None:
    """Films with gendered-trope roles ``"Work Name: example"``, as on the tropes' pages."""
    source = corpus.source(STEREO)
    for film in json_objects(path):
        page = film.get("id")
        if not page:
            continue
        corpus.name("Film", page, film.get("name"), LISTED)
        corpus.entry("Film", page, WORK, source)
        for roles in (film.get("roles") or {}).values():
            for role in roles:
                if role.get("id"):
                    trope = corpus.entry("Main", role["id"], TROPE, source)
                    corpus.example(trope, "Film", page, _ROLE.sub("", role.get("role") or ""))


def stereotropes_tropes(path: Path, corpus: Corpus) -> None:
    source = corpus.source(STEREO)
    for trope in json_objects(path):
        if trope.get("id"):
            corpus.name("Main", trope["id"], trope.get("name"), DERIVED)
            entry = corpus.entry("Main", trope["id"], TROPE, source)
            corpus.describe(entry, trope.get("description") or "", LISTED)


def stereotropes_sparql(path: Path, corpus: Corpus) -> None:
    """DBTropes SPARQL results: film labels, trope descriptions, work-page roles."""
    source = corpus.source(STEREO)
    for result in json_objects(path):
        variables = set(result["head"]["vars"])
        for row in result["results"]["bindings"]:
            values = {k: v.get("value", "") for k, v in row.items()}
            if {"film", "label"} <= variables:
                address = address_from_url(
                    values["film"].replace("dbtropes.org/resource", "pmwiki.php")
                )
                if address is None:
                    continue
                title = values["label"].split(": ", 1)[-1]
                corpus.name(address[0], address[1], title, LISTED)
                if "role" in variables and values.get("trope"):
                    trope = address_from_url(
                        values["trope"].replace("dbtropes.org/resource", "pmwiki.php")
                    )
                    if trope is not None:
                        entry = corpus.entry(address[0], address[1], WORK, source)
                        corpus.example(entry, *trope, _ROLE.sub("", values.get("role", "")))
            elif {"trope", "comment"} <= variables:
                trope = address_from_url(
                    values["trope"].replace("dbtropes.org/resource", "pmwiki.php")
                )
                if trope is not None:
                    entry = corpus.entry(trope[0], trope[1], TROPE, source)
                    corpus.describe(entry, values["comment"], DERIVED)


def did_tropes(path: Path, corpus: Corpus) -> None:
    """``disability_tropes.psv``: trope, URL, description, label."""
    source = corpus.source(DID)
    for row in csv_rows(path, delimiter="|"):
        address = address_from_url(row.get("trope_url") or "")
        if address is not None:
            corpus.name(*address, row.get("trope_name"), OWN)
            entry = corpus.entry(*address, TROPE, source)
            corpus.describe(entry, row.get("trope_description") or "", OWN)


def did_media(path: Path, corpus: Corpus) -> None:
    """``media_disability_tropes.psv``: examples of the tropes, with the work's URL and title."""
    source = corpus.source(DID)
    for row in csv_rows(path, delimiter="|"):
        work = address_from_url(row.get("media_url") or "")
        title = (row.get("trope_name") or "").strip()
        if work is None or not title:
            continue
        name = corpus.by_title.get(("Main", squash(title))) or name_from_title(title)
        corpus.name(work[0], work[1], row.get("media_name"), LISTED)
        trope = corpus.entry("Main", name, TROPE, source)
        corpus.example(trope, *work, row.get("media_trope_description") or "")


def index_list(path: Path, corpus: Corpus) -> None:
    """``Namespace/Name`` of index pages, one per line."""
    with open_text(path) as stream:
        for line in stream:
            address = line.strip()
            if "/" in address:
                namespace, name = address.split("/", 1)
                corpus.index_keys.add(corpus.name(namespace, name))
