"""What each input file is, decided from its content (and, for data sets, its name)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tropewiki.io import datasets
from tropewiki.io.datasets.files import head as text_head
from tropewiki.io.dump import DUMP_FORMAT
from tropewiki.io.plaintext import looks_like_plaintext
from tropewiki.io.tvtropes_html import looks_like_tvtropes_html

HTML, PLAINTEXT, DUMP, DATASET, IGNORED = "html", "plaintext", "dump", "dataset", "ignored"


class UnknownFormat(ValueError):
    """A file none of the importers recognises."""


@dataclass(frozen=True, slots=True)
class Detected:
    path: Path
    kind: str
    reader: datasets.Reader | None = None
    reason: str = ""


def expand(paths: list[Path]) -> list[Path]:
    """Files named, and the files under directories named (sorted, hidden ones left out)."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        elif path.is_file():
            files.append(path)
        else:
            raise UnknownFormat(f"{path}: no such file or directory")
    return files


def detect(path: Path) -> Detected:
    """Recognise ``path``; raises UnknownFormat with a message saying what is accepted."""
    with path.open("rb") as stream:
        raw = stream.read(4096)
    if looks_like_tvtropes_html(raw):
        return Detected(path, HTML)
    head = text_head(path)
    if head.lstrip().startswith("{") and DUMP_FORMAT in head[:300]:
        return Detected(path, DUMP)
    if looks_like_plaintext(head):
        return Detected(path, PLAINTEXT)
    found = datasets.recognise(path, head)
    if isinstance(found, str):
        return Detected(path, IGNORED, reason=found)
    if found is not None:
        return Detected(path, DATASET, reader=found)
    raise UnknownFormat(
        f"{path}: not a TV Tropes page (HTML), a plain-text scrape, a tropewiki dump or a "
        "known data set (see docs/import-export.md)"
    )
