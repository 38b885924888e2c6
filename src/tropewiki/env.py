"""Every setting comes from the environment through :func:`setting`.

Each variable is declared once in :data:`SETTINGS` with its default and a line of
documentation; ``docs/settings.md`` is checked against this table by the tests, so an
undocumented setting fails the build.
"""

from __future__ import annotations

import hashlib
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlparse


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: str
    doc: str


SETTINGS: dict[str, Setting] = {
    s.name: s
    for s in (
        Setting(
            "TROPEWIKI_HOME",
            "./tropewiki-data",
            "Data directory: SQLite database, secret key, uploads.",
        ),
        Setting(
            "TROPEWIKI_DATABASE_URL",
            "",
            "Database URL. Empty: SQLite (WAL) at $TROPEWIKI_HOME/tropewiki.sqlite3. "
            "postgres://user@host:5432/name for PostgreSQL 15+.",
        ),
        Setting(
            "TROPEWIKI_CACHE_URL",
            "",
            "Cache URL. Empty: per-process local memory. redis://host:6379/0 to share "
            "the page cache between worker processes and machines.",
        ),
        Setting(
            "TROPEWIKI_SECRET_KEY",
            "",
            "Django secret key. Empty: generated once into $TROPEWIKI_HOME/secret_key.",
        ),
        Setting(
            "TROPEWIKI_DEBUG",
            "false",
            "Django debug mode (tracebacks in pages). Never in production.",
        ),
        Setting(
            "TROPEWIKI_ALLOWED_HOSTS",
            "localhost,127.0.0.1,[::1]",
            "Comma-separated host names the server answers to ('*' for any).",
        ),
        Setting(
            "TROPEWIKI_OPEN_EDITING",
            "false",
            "true: anonymous visitors may edit (recorded by IP). false: editing needs an account.",
        ),
        Setting(
            "TROPEWIKI_SIGNUP",
            "true",
            "true: anyone may create an (editor) account. false: only admins create accounts.",
        ),
        Setting(
            "TROPEWIKI_PAGE_CACHE_SECONDS",
            "86400",
            "How long a rendered page may stay cached; changes invalidate pages anyway.",
        ),
        Setting(
            "TROPEWIKI_CONTENT_LICENCE",
            "CC BY-SA 4.0",
            "The licence of what people write on this wiki, named in the editor and the footer.",
        ),
        Setting(
            "TROPEWIKI_CONTENT_LICENCE_URL",
            "https://creativecommons.org/licenses/by-sa/4.0/",
            "Where the content licence's text can be read.",
        ),
        Setting(
            "TROPEWIKI_LOG_LEVEL",
            "WARNING",
            "Logging level for the tropewiki and django loggers.",
        ),
    )
}


def setting(name: str) -> str:
    """Return the environment value of a declared setting, or its default."""
    return os.environ.get(name, SETTINGS[name].default)


def flag(name: str) -> bool:
    """Read a declared boolean setting ("1", "true", "yes", "on" are true)."""
    return setting(name).strip().lower() in {"1", "true", "yes", "on"}


def home() -> Path:
    path = Path(setting("TROPEWIKI_HOME")).expanduser().resolve()
    path.mkdir(parents=True, exist_ok=True)
    return path


def secret_key() -> str:
    """The configured key, else one generated once and kept in the data directory."""
    key = setting("TROPEWIKI_SECRET_KEY")
    if key:
        return key
    path = home() / "secret_key"
    if not path.exists():
        tmp = path.with_suffix(".tmp")
        tmp.write_text(secrets.token_urlsafe(50))
        tmp.chmod(0o600)
        tmp.replace(path)
    return path.read_text().strip()


class SettingError(ValueError):
    """A setting's value cannot be used; the message says which and why."""


def database_config(url: str, data_dir: Path) -> dict[str, object]:
    """Translate ``TROPEWIKI_DATABASE_URL`` into a Django DATABASES entry."""
    if not url:
        return _sqlite(str(data_dir / "tropewiki.sqlite3"))
    parsed = urlparse(url)
    if parsed.scheme == "sqlite":
        # sqlite:///relative/path.sqlite3 or sqlite:////absolute/path.sqlite3 (as SQLAlchemy)
        path = unquote(parsed.path[1:])
        return _sqlite(path or str(data_dir / "tropewiki.sqlite3"))
    if parsed.scheme in {"postgres", "postgresql"}:
        options = {k: v[-1] for k, v in parse_qs(parsed.query).items()}
        name = unquote(parsed.path.lstrip("/")) or "tropewiki"
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": name,
            # One test database per test run, so that concurrent runs never collide.
            "TEST": {"NAME": f"test_{name}_{os.getpid()}"},
            "USER": unquote(parsed.username or ""),
            "PASSWORD": unquote(parsed.password or ""),
            "HOST": parsed.hostname or "",
            "PORT": str(parsed.port or ""),
            "CONN_MAX_AGE": 60,
            "CONN_HEALTH_CHECKS": True,
            "OPTIONS": options,
        }
    raise SettingError(
        f"TROPEWIKI_DATABASE_URL: unsupported scheme {parsed.scheme!r}; use sqlite:/// or postgres://"
    )


def _sqlite(path: str) -> dict[str, object]:
    # One test database file per test run (as on PostgreSQL), so that two runs sharing a
    # TROPEWIKI_HOME never write the same file.
    test_path = str(Path(path).with_name(f"test-{os.getpid()}-" + Path(path).name))
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": path,
        # Keep the connection (and its PRAGMAs) across requests: opening one costs more than
        # serving a cached page.
        "CONN_MAX_AGE": None,
        "OPTIONS": {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                "PRAGMA foreign_keys=ON; PRAGMA busy_timeout=20000;"
            ),
        },
        # Tests use a real file (not :memory:) so threads get real, separate connections.
        "TEST": {"NAME": test_path},
    }


def cache_config(url: str) -> dict[str, object]:
    """Translate ``TROPEWIKI_CACHE_URL`` into a Django CACHES entry."""
    if not url:
        return {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "tropewiki",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    scheme = urlparse(url).scheme
    if scheme in {"redis", "rediss", "unix"}:
        return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    if scheme == "locmem":
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": url}
    if scheme == "dummy":
        return {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    raise SettingError(f"TROPEWIKI_CACHE_URL: unsupported scheme {scheme!r}; use redis://")


def cache_prefix(database: dict[str, object]) -> str:
    """A short prefix naming the database, so wikis sharing a cache never mix their pages."""
    parts = (
        database["ENGINE"],
        database.get("HOST", ""),
        database.get("PORT", ""),
        database["NAME"],
    )
    ident = "|".join(str(part) for part in parts)
    return "tw" + hashlib.sha1(ident.encode()).hexdigest()[:8]
