"""The tropewiki command: serve's preparation, createuser, check, rebuild, loaddemo."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from tropewiki.knowledge.models import Link
from tropewiki.wiki.lookup import get_page
from tropewiki.wiki.models import Page

pytestmark = pytest.mark.django_db


def test_loaddemo_fills_an_empty_wiki_with_linked_pages():
    """The demo has ≥25 tropes, ≥8 works and ≥2 indexes, with links, spoilers and folders."""
    call_command("loaddemo", if_empty=True, verbosity=0)
    pages = Page.objects.articles()
    assert pages.filter(page_type="trope").count() >= 25
    assert pages.filter(page_type="work").count() >= 8
    assert pages.filter(page_type="index").count() >= 2
    texts = "\n".join(p.current_revision.text for p in pages.select_related("current_revision"))
    assert "[[spoiler:" in texts and "[[folder:" in texts
    assert Link.objects.filter(target__isnull=False).count() > 100
    assert Page.objects.filter(redirect_to__isnull=False).exists()
    count = Page.objects.count()
    call_command("loaddemo", if_empty=True, verbosity=0)
    assert Page.objects.count() == count


def test_demo_pages_render_and_show_their_knowledge(client):
    """A demo work page shows examples, a trope page its examples from work pages, bars show."""
    call_command("loaddemo", verbosity=0)
    work = Page.objects.articles().filter(page_type="work").order_by("name").first()
    response = client.get(work.url)
    assert response.status_code == 200
    assert 'class="spoiler"' in response.content.decode() or "<details" in response.content.decode()


def test_createuser_with_role(monkeypatch):
    """createuser makes an account with the given role, reading the password from the env."""
    monkeypatch.setenv("TW_TEST_PASSWORD", "a long passphrase 42")
    call_command(
        "createuser", "alice", role="moderator", password_env="TW_TEST_PASSWORD", verbosity=0
    )
    assert get_user_model().objects.get(username="alice").profile.role == "moderator"


def test_createuser_refuses_missing_password(monkeypatch):
    """An empty password variable is a clear error, not an account without a password."""
    monkeypatch.delenv("TW_TEST_PASSWORD", raising=False)
    with pytest.raises(CommandError, match="TW_TEST_PASSWORD"):
        call_command("createuser", "bob", password_env="TW_TEST_PASSWORD")
    assert not get_user_model().objects.filter(username="bob").exists()


def test_check_reports_database_and_cache(capsys):
    """tropewiki check reports the database, migrations and cache as ok."""
    call_command("check")
    out = capsys.readouterr().out
    assert "ok  database" in out and "ok  migrations" in out and "ok  cache" in out


def test_rebuild_rederives_lost_links(make_page):
    """rebuild re-creates derived rows from the revisions alone."""
    make_page("Main/Alpha", "See BetaTrope and GammaTrope.")
    Link.objects.all().delete()
    call_command("rebuild", verbosity=0)
    assert Link.objects.filter(source=get_page("Main/Alpha")).count() == 2


def test_serve_validates_options():
    """Nonsense options are refused with a message before anything starts."""
    with pytest.raises(CommandError, match="workers"):
        call_command("serve", workers=0)


def test_cli_prepare_only_in_a_fresh_data_dir(tmp_path):
    """`serve --prepare-only` on a fresh data dir migrates, loads the demo, collects static."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("TROPEWIKI_")}
    env["TROPEWIKI_HOME"] = str(tmp_path)
    env["TROPEWIKI_DATABASE_URL"] = ""
    result = subprocess.run(
        [sys.executable, "-m", "tropewiki", "serve", "--prepare-only"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "tropewiki.sqlite3").exists()
    assert (tmp_path / "secret_key").exists()
    assert (tmp_path / "static" / "staticfiles.json").exists()
    check = subprocess.run(
        [sys.executable, "-m", "tropewiki", "check"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert check.returncode == 0, check.stderr
    assert "journal_mode=wal" in check.stdout
