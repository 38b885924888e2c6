"""Fixtures for the import/export tests: snapshots of what the wiki holds, a clean slate."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from tropewiki.knowledge.models import ExampleSource, IndexEntry, Link
from tropewiki.wiki.models import Page


def knowledge_rows() -> dict[str, list[tuple]]:
    """Every derived row, with page ids replaced by paths so two wikis can be compared."""
    paths = dict(Page.objects.values_list("id", "key"))
    links = sorted(
        (paths[r[0]], *r[1:4], paths.get(r[4]), *r[5:])
        for r in Link.objects.values_list(
            "source_id",
            "target_key",
            "target_namespace",
            "target_name",
            "target_id",
            "count",
            "in_spoiler",
        )
    )
    examples = sorted(
        (paths[r[0]], *r[1:5], paths.get(r[5]), paths.get(r[6]), *r[7:])
        for r in ExampleSource.objects.values_list(
            "source_id",
            "side",
            "work_key",
            "trope_key",
            "work_path",
            "work_id",
            "trope_id",
            "trope_path",
            "text",
            "played",
            "spoiler",
            "folder",
            "position",
        )
    )
    entries = sorted(
        (paths[r[0]], r[1], paths.get(r[2]), r[3])
        for r in IndexEntry.objects.values_list("index_id", "member_key", "member_id", "position")
    )
    pages = sorted(
        (p.key, p.title, p.page_type, p.redirect_to.key if p.redirect_to else None)
        for p in Page.objects.select_related("redirect_to")
    )
    return {"links": links, "examples": examples, "entries": entries, "pages": pages}


@pytest.fixture
def wipe(db):
    """Empty the wiki (pages, revisions, derived rows and users) in the middle of a test."""

    def run() -> None:
        Page.objects.update(current_revision=None, redirect_to=None)
        Page.objects.all().delete()
        get_user_model().objects.all().delete()

    return run


#: Lines of the shapes importers write, and lines that must send a page to the full parser
#: (the property tests of the fast readers mix them into pages).
SCAN_LINES = [
        "* AlphaBitch", "* AlphaBitch: Ruth", "* Film/TheMatrix: Neo", "* [[Film/Heat]]",
        "* [[index]]", "* [[Note]]: x", "* AlphaBitch's", "* AlphaBitch/Foo", "* Main.AlphaBitch",
        "* [[heat]] text", "* AlphaBitch: ''emph'' and DownerEnding", "* [[spoiler:x]] y",
        "** Nested Film/Heat", "Prose with WikiWord and [[Film/Heat the heat]].", "%% comment",
        "", "   ", "!!Heading", "!! Heading with AlphaBitch", "->Quote", "[[folder:F]]",
        "[[/folder]]", "Text [[/folder]]", "* x %% comment", "+ plus", "* [[foldercontrol]]",
        "* AlphaBitch:[[spoiler:all]]", "\u00a0* not a bullet", "* \u00a0AlphaBitch",
        "* {{Spaced Words}}: x", "* Film/{{The Matrix}}", "* {{x}}s", "* {{A|b}}", "* {{!!}}",
        "* Film/{{Oldboy (2003)}}: text", "* {{Red Oni, Blue Oni}} text", "* Ns/{{ }}",
        "[=EscapedWord=] prose",
        "* ABcD: acronymish",
]  # fmt: skip
