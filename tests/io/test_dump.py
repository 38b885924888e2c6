"""The full dump: export, restore into an empty wiki, identical content and history."""

from __future__ import annotations

import gzip
import json

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from tests.io.conftest import knowledge_rows
from tropewiki.actions import cut_page, lock_page, rename_page, save_page, set_page_type
from tropewiki.io.dump import read_dump
from tropewiki.wiki.lookup import get_page
from tropewiki.wiki.models import Page, Revision

pytestmark = pytest.mark.django_db


def _history() -> list[tuple]:
    """Every revision as the history shows it, and every page's own fields."""
    revisions = sorted(
        Revision.objects.values_list(
            "page__key", "number", "kind", "text", "author_name", "author__username", "reason",
            "created_at", "address", "sha1", "size", "parent__number",
        )
    )  # fmt: skip
    pages = sorted(
        Page.objects.values_list(
            "key", "title", "page_type", "page_type_locked", "created_at", "touched_at",
            "redirect_to__key", "locked_at", "locked_by__username", "lock_reason", "deleted_at",
            "delete_reason", "source_url", "licence", "current_revision__number",
        )
    )  # fmt: skip
    return revisions + pages


@pytest.fixture
def wiki(editor, moderator, tool):
    """A wiki with edits by people, a rename, a cut, a lock, an index and attribution."""
    from tropewiki.actions import Actor, Attribution

    editor, moderator = Actor(user=editor), Actor(user=moderator)
    save_page("Main/AlphaBitch", "A mean girl.\n\n* Literature/NeverLetMeGo: Ruth.", editor)
    first = save_page("Literature/NeverLetMeGo", "A novel.\n\n* AlphaBitch: Ruth", editor)
    save_page(
        "Literature/NeverLetMeGo",
        "A novel by Creator/KazuoIshiguro.\n\n* AlphaBitch: Ruth [[spoiler:dies]]",
        moderator,
        reason="More detail, ünïcode",
        base_revision=first.revision.id,
    )
    save_page(
        "Main/NovelIndex", "[[index]]\n* Literature/NeverLetMeGo\n[[/index]]", tool,
        attribution=Attribution("https://tvtropes.org/pmwiki/pmwiki.php/Main/NovelIndex"),
    )  # fmt: skip
    set_page_type(get_page("Main/NovelIndex"), "index", moderator)
    rename_page(get_page("Main/AlphaBitch"), "Main/QueenBee", moderator, reason="Better name")
    spam = save_page("Main/Spam", "Buy things.", editor).page
    cut_page(spam, moderator, reason="spam")
    lock_page(get_page("Main/QueenBee"), moderator, reason="edit war")


def test_round_trip_reproduces_content_and_history(wiki, wipe, tmp_path, capsys):
    """Export, wipe, import: pages, revisions, users and derived rows are as they were."""
    before, derived = _history(), knowledge_rows()
    users = sorted(get_user_model().objects.values_list("username", "email", "profile__role"))
    path = tmp_path / "wiki.jsonl.gz"
    call_command("export", str(path))
    wipe()
    call_command("import", str(path), "--quiet")
    assert _history() == before
    assert knowledge_rows() == derived
    assert (
        sorted(get_user_model().objects.values_list("username", "email", "profile__role")) == users
    )
    again = tmp_path / "again.jsonl.gz"
    call_command("export", str(again))
    first, second = (
        gzip.decompress(p.read_bytes()).decode("utf-8").splitlines()[1:] for p in (path, again)
    )
    assert first == second  # byte for byte, but for the header's time stamp


def test_passwords_only_when_asked(wiki, editor, tmp_path, wipe):
    """Hashes are left out by default (restored users cannot log in) and kept when asked."""
    plain, hashed = tmp_path / "plain.jsonl", tmp_path / "hashed.jsonl"
    call_command("export", str(plain))
    call_command("export", str(hashed), "--with-passwords")
    assert '"password"' not in plain.read_text(encoding="utf-8")
    records = [json.loads(line) for line in hashed.read_text(encoding="utf-8").splitlines()]
    assert any(r.get("password", "").startswith("pbkdf2_") for r in records)
    wipe()
    call_command("import", str(plain), "--quiet")
    assert not get_user_model().objects.get(username=editor.username).has_usable_password()
    wipe()
    call_command("import", str(hashed), "--quiet")
    restored = get_user_model().objects.get(username=editor.username)
    assert restored.check_password("correct horse battery 7")


def test_restore_refuses_a_wiki_with_pages(wiki, tmp_path):
    """A dump goes into an empty wiki only; the message says so."""
    path = tmp_path / "wiki.jsonl"
    call_command("export", str(path))
    with pytest.raises(CommandError, match="empty wiki"):
        call_command("import", str(path), "--quiet")


def test_a_damaged_dump_restores_nothing(wiki, tmp_path, wipe):
    """A revision whose text does not match its hash stops the restore; nothing is written."""
    path = tmp_path / "wiki.jsonl"
    call_command("export", str(path))
    lines = path.read_text(encoding="utf-8").splitlines()
    damaged = [
        line.replace("Ruth [[spoiler:dies]]", "Ruth lives") if '"type":"revision"' in line else line
        for line in lines
    ]
    path.write_text("\n".join(damaged) + "\n", encoding="utf-8")
    wipe()
    with pytest.raises(CommandError, match="does not match its SHA-1"):
        call_command("import", str(path), "--quiet")
    assert not Page.objects.exists() and not Revision.objects.exists()


@pytest.mark.parametrize(
    "first_line, message",
    [('{"format": "something-else"}', "not a tropewiki dump"),
     ('{"format": "tropewiki-dump", "version": 99}', "dump version 99")],
)  # fmt: skip
def test_headers_are_checked(tmp_path, first_line, message):
    """A foreign or future file is refused with a message naming the problem."""
    from tropewiki.io.dump import DumpError

    path = tmp_path / "x.jsonl"
    path.write_text(first_line + "\n", encoding="utf-8")
    with pytest.raises(DumpError, match=message):
        list(read_dump(path))


def test_export_streams_with_flat_memory(db, tool, tmp_path):
    """Tripling the wiki's text leaves the export's peak memory about the same."""
    import tracemalloc

    from tropewiki.actions.bulk import PageInput, import_pages

    def peak_for(name: str) -> int:
        tracemalloc.start()
        call_command("export", str(tmp_path / name), verbosity=0)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        return peak

    body = "x" * 20_000
    for start in range(0, 600, 200):
        pages = [PageInput(f"Main/Page{i:04d}", f"{body} {i}") for i in range(start, start + 200)]
        import_pages(pages, tool)
        if start == 0:
            small = peak_for("small.jsonl")
    large = peak_for("large.jsonl")
    assert (tmp_path / "large.jsonl").stat().st_size > 2.9 * (
        tmp_path / "small.jsonl"
    ).stat().st_size
    assert large < small * 1.2 + 200_000
