"""Every setting and CLI command is documented."""

from __future__ import annotations

from pathlib import Path

import pytest

from tropewiki import env

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("name", sorted(env.SETTINGS))
def test_every_setting_is_documented(name):
    """docs/settings.md lists every variable declared in env.SETTINGS."""
    assert f"`{name}`" in (ROOT / "docs" / "settings.md").read_text()


@pytest.mark.parametrize("command", ["serve", "createuser", "check", "rebuild", "loaddemo"])
def test_every_command_is_in_the_readme(command):
    """The README names every tropewiki command."""
    assert f"tropewiki {command}" in (ROOT / "README.md").read_text()


@pytest.mark.parametrize(
    "url, expected",
    [
        ("", "sqlite3"),
        ("sqlite:////tmp/x.sqlite3", "sqlite3"),
        ("postgres://u:p@h:5432/db?sslmode=require", "postgresql"),
    ],
)
def test_database_urls(url, expected, tmp_path):
    """Database URLs map to Django engines; the PostgreSQL URL parts land in the right keys."""
    config = env.database_config(url, tmp_path)
    assert config["ENGINE"].endswith(expected)
    if expected == "postgresql":
        assert (
            config["NAME"],
            config["USER"],
            config["PASSWORD"],
            config["HOST"],
            config["PORT"],
        ) == (
            "db",
            "u",
            "p",
            "h",
            "5432",
        )
        assert config["OPTIONS"] == {"sslmode": "require"}
    if url.startswith("sqlite:"):
        assert config["NAME"] == "/tmp/x.sqlite3"


def test_bad_database_url_says_which_setting():
    """An unsupported URL names the setting and the schemes that work."""
    with pytest.raises(env.SettingError, match="TROPEWIKI_DATABASE_URL"):
        env.database_config("mysql://x/y", Path("/tmp"))
