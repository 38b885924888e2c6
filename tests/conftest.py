"""Fixtures shared by the whole suite: users of each role, a page factory, shared data paths."""

from __future__ import annotations

from pathlib import Path

import pytest


def pytest_configure(config: pytest.Config) -> None:
    """Serve static files from the source tree in tests (no collectstatic, no manifest).

    Nothing here touches Django when it is off (``-p no:django`` for the pure markup tests).
    """
    if not config.pluginmanager.hasplugin("django"):
        return
    from django.conf import settings

    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.WHITENOISE_USE_FINDERS = True


SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test with a clear message when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(
            f"{path} is absent: these tests read the shared TV Tropes data beside the repository"
        )
    return path


@pytest.fixture
def make_user(db):
    from tropewiki.actions import create_user

    counter = iter(range(1, 10_000))

    def make(role: str = "editor", username: str | None = None):
        name = username or f"{role}{next(counter)}"
        return create_user(name, "correct horse battery 7", role=role, validate_password=False)

    return make


@pytest.fixture
def editor(make_user):
    return make_user("editor")


@pytest.fixture
def moderator(make_user):
    return make_user("moderator")


@pytest.fixture
def tool():
    from tropewiki.actions import Actor

    return Actor.system("tests")


@pytest.fixture
def make_page(db, tool):
    from tropewiki.actions import save_page

    def make(address: str, text: str, actor=None, **kwargs):
        return save_page(address, text, actor or tool, **kwargs).page

    return make


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    client.user = editor
    return client


@pytest.fixture
def moderator_client(client, moderator):
    client.force_login(moderator)
    client.user = moderator
    return client


@pytest.fixture(autouse=True)
def _fresh_cache(request: pytest.FixtureRequest):
    """Each test starts with an empty cache (ids repeat between rolled-back tests)."""
    if request.config.pluginmanager.hasplugin("django"):
        from django.core.cache import cache

        cache.clear()
    yield
