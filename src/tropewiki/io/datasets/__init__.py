"""The data sets of ``../shared/data/tvtropes`` (README there): recognised by file name and
header, read into a :class:`~tropewiki.io.datasets.corpus.Corpus`, turned into pages by
:mod:`~tropewiki.io.datasets.render`.

:func:`recognise` names the reader for a file, or says why a known file is not imported.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Callable
from pathlib import Path

from tropewiki.io.datasets import films, scifi, tropes
from tropewiki.io.datasets.corpus import Corpus
from tropewiki.io.datasets.files import BadData, first_line

Reader = Callable[[Path, Corpus], None]

# (file-name pattern, what the head holds, reader); first match wins. For CSV and PSV files
# the words are column names; for JSON files, text the first 64 KB contain.
READERS: list[tuple[str, tuple[str, ...], Reader]] = [
    ("film_tropes.jsonl*", ('"dbtropes_uri"',), films.dbtropes),
    ("Main2_tropes_descriptions.jsonl*", ("{",), films.calebchiam_descriptions),
    ("film_*_tropes.json", ('"descriptions"',), films.made_tropes),
    ("*_tropes*.json*", ('": ["',), films.calebchiam_works),
    ("movies-by-number-of-tropes.csv", (), films.tropescraper_names),
    ("list_tropes.csv", ("tropeid", "tropelink"), films.dw_tropes),
    ("list_movies.csv", ("eligibletitle", "link"), films.dw_movies),
    ("*.jsonl*", ('"folder"', '"media_links"'), tropes.tropes_indexer),
    ("trope_description_laconic_dict.json*", ("{",), tropes.sebire_laconics),
    ("films.jsonl*", ('"roles"',), tropes.stereotropes_films),
    ("tropes.jsonl*", ('"gender"',), tropes.stereotropes_tropes),
    ("*.json*", ('"head"',), tropes.stereotropes_sparql),
    ("*.psv", ("trope_name", "trope_url"), tropes.did_tropes),
    ("*.psv", ("trope_name", "media_trope_description"), tropes.did_media),
    ("indices.txt", ("/",), tropes.index_list),
    ("*.csv*", ("title", "tropes count", "url", "tropes"), scifi.media),
    ("*.csv*", ("trope", "laconic", "url", "works"), scifi.trope_list),
    ("*.csv*", ("text", "url", "source_url"), scifi.long_works),
    ("*.csv*", ("title", "url"), scifi.subgenre),
    ("*.csv*", ("text", "url"), scifi.subgenre),
]

# Files of the shared data that are deliberately not imported, and why.
IGNORED: list[tuple[str, str]] = [
    ("README*", "documentation"),
    ("LICENSE*", "a licence text"),
    ("MANIFEST*", "a file list"),
    ("SOURCES.txt", "a file list"),
    ("pages_index.json", "a list of the pages beside it"),
    ("entryList.txt", "crawler seed URLs"),
    ("exampleOutput.txt*", "a link graph without page text: nothing to import"),
    ("*.csv.txt", "a 10-row sample of a data set that is not here"),
    ("*.csv.header.txt", "the header of a sample"),
    ("movies.lst", "the DBTropes originals: film_tropes.jsonl.gz holds the same pairs"),
    ("tropes.lst", "the DBTropes originals: film_tropes.jsonl.gz holds the same pairs"),
    ("matrix-*.zip", "the DBTropes originals: film_tropes.jsonl.gz holds the same pairs"),
    ("tropes_trope_*.json", "the stereotropes lists: tropes.jsonl.gz holds the same tropes"),
    ("films_film_list_all.json", "the stereotropes list: films.jsonl.gz holds the same films"),
]

_SPARQL_IGNORED = ("FilmCategories", "FilmSeries")


def recognise(path: Path, head: str) -> Reader | str | None:
    """The reader for a data file, the reason a known file is left out, or None."""
    name = path.name
    for pattern, reason in IGNORED:
        if fnmatch.fnmatch(name, pattern):
            return reason
    if name.startswith(_SPARQL_IGNORED):
        return "DBTropes categories and series: no page text or examples"
    line = first_line(head)
    columns = {c.strip().strip('"').lower() for c in re.split(r"[,;|]", line)}
    tabular = name.endswith((".psv", ".csv", ".csv.gz"))
    for pattern, words, reader in READERS:
        if fnmatch.fnmatch(name, pattern) and all(
            (word in columns) if tabular else (word in head) for word in words
        ):
            return reader
    return None


def read(
    paths: list[tuple[Path, Reader]],
    corpus: Corpus,
    progress: Callable[[Path], None],
    broken: list[tuple[str, str]],
) -> None:
    """Read every data file into ``corpus``, name lists first, then resolve what needs names.

    A file that cannot be read is reported in ``broken`` and adds nothing (each reader parses
    its whole file before it records anything).
    """
    for path, reader in sorted(paths, key=lambda item: (_order(item[1]), str(item[0]))):
        try:
            reader(path, corpus)
        except (BadData, ValueError, KeyError, TypeError, AttributeError, OSError, EOFError) as exc:
            broken.append(
                (
                    str(path),
                    f"{type(exc).__name__}: {exc}" if not isinstance(exc, BadData) else str(exc),
                )
            )
        progress(path)
    corpus.finish()


def _order(reader: Reader) -> int:
    """Name and title lists first, so that records can use them."""
    early = {films.dw_tropes, films.dw_movies, films.tropescraper_names, scifi.subgenre,
             tropes.index_list, tropes.did_tropes}  # fmt: skip
    return 0 if reader in early else 1
