"""Opening data files: gzip or not, JSON Lines, concatenated JSON objects, CSV with big cells."""

from __future__ import annotations

import csv
import gzip
import io
import json
import sys
from pathlib import Path
from typing import Any, TextIO

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # scifitropes cells hold whole dicts


class BadData(ValueError):
    """A data file that does not hold what its name and header promise."""


def open_text(path: Path) -> TextIO:
    if path.name.endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8", newline="")
    return path.open(encoding="utf-8", newline="")


def head(path: Path, size: int = 65536) -> str:
    """The first characters of a (possibly gzipped) text file; "" if it is not text."""
    try:
        with open_text(path) as stream:
            return stream.read(size)
    except (OSError, UnicodeDecodeError, EOFError):
        return ""


def json_objects(path: Path) -> list[Any]:
    """Every JSON value of a file (one per line, concatenated, or one for the whole file).

    All of them are parsed before any is returned, so that a broken file adds nothing.
    """
    decoder = json.JSONDecoder()
    with open_text(path) as stream:
        text = stream.read()
    values: list[Any] = []
    pos, end = 0, len(text)
    while pos < end:
        while pos < end and text[pos].isspace():
            pos += 1
        if pos >= end:
            break
        try:
            value, pos = decoder.raw_decode(text, pos)
        except json.JSONDecodeError as exc:
            line = text.count("\n", 0, exc.pos) + 1
            raise BadData(f"broken JSON on line {line}: {exc.msg}") from exc
        values.append(value)
    return values


def csv_rows(path: Path, delimiter: str = ",", **options: Any) -> list[dict[str, str]]:
    """The rows of a CSV file, all read before any is returned (a broken file adds nothing)."""
    with open_text(path) as stream:
        try:
            return list(csv.DictReader(stream, delimiter=delimiter, **options))
        except csv.Error as exc:
            raise BadData(f"broken CSV: {exc}") from exc


def first_line(text: str) -> str:
    return io.StringIO(text).readline().strip().lstrip("\ufeff")
