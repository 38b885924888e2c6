"""The anonymous fast path: cached page views that are never stale."""

from __future__ import annotations

import pytest

from tropewiki.actions import Actor, lock_page, save_page

pytestmark = pytest.mark.django_db


def test_second_anonymous_view_is_a_cache_hit(client, make_page):
    """The second anonymous view of a page is served from the page cache."""
    make_page("Main/Foo", "Cached text.")
    first = client.get("/Main/Foo")
    assert "X-Page-Cache" not in first
    second = client.get("/Main/Foo")
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content


def test_edit_invalidates_cached_view(client, make_page, tool):
    """After an edit the next view shows the new text."""
    page = make_page("Main/Foo", "Old words.")
    client.get("/Main/Foo")
    save_page("Main/Foo", "New words.", tool, base_revision=page.current_revision_id)
    assert "New words." in client.get("/Main/Foo").content.decode()


def test_creating_linked_page_invalidates_linking_page(client, make_page):
    """A red link in a cached page turns blue when its target is created."""
    make_page("Main/Foo", "See DownerEnding.")
    before = client.get("/Main/Foo").content.decode()
    assert client.get("/Main/Foo")["X-Page-Cache"] == "hit"
    make_page("Main/DownerEnding", "Sad.")
    after = client.get("/Main/Foo")
    assert "X-Page-Cache" not in after
    assert after.content.decode() != before


def test_lock_invalidates_cached_view(client, make_page, moderator):
    """Locking shows the lock notice on the next view."""
    page = make_page("Main/Foo", "Text.")
    client.get("/Main/Foo")
    lock_page(page, Actor(user=moderator), reason="calm down")
    assert "calm down" in client.get("/Main/Foo").content.decode()


def test_logged_in_readers_bypass_cache(editor_client, make_page):
    """Logged-in readers get fresh pages with their own header."""
    make_page("Main/Foo", "Text.")
    editor_client.get("/Main/Foo")
    response = editor_client.get("/Main/Foo")
    assert "X-Page-Cache" not in response
    assert editor_client.user.username in response.content.decode()


def test_etag_gives_not_modified(client, make_page):
    """A browser revalidating with the ETag gets 304."""
    make_page("Main/Foo", "Text.")
    etag = client.get("/Main/Foo")["ETag"]
    assert client.get("/Main/Foo", HTTP_IF_NONE_MATCH=etag).status_code == 304


def _redis_url() -> str:
    import os
    import socket

    url = os.environ.get("TROPEWIKI_TEST_REDIS", "redis://127.0.0.1:6379/15")
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
    except OSError:
        if os.environ.get("CI"):
            raise
        pytest.skip("Redis is not running on 127.0.0.1:6379 (.ci/run starts it)")
    return url


def test_shared_redis_cache_serves_and_invalidates(client, make_page, settings, tool):
    """With Redis, a page cached by one process is served to all and invalidated by an edit."""
    from django.core.cache import caches

    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": _redis_url(),
            "KEY_PREFIX": "tw-test",
        }
    }
    caches["default"].clear()
    page = make_page("Main/Foo", "Shared words.")
    client.get("/Main/Foo")
    import redis

    raw = redis.Redis.from_url(_redis_url())
    assert any(b"tw:view:" in key for key in raw.keys("tw-test*"))
    assert client.get("/Main/Foo")["X-Page-Cache"] == "hit"
    save_page("Main/Foo", "Changed words.", tool, base_revision=page.current_revision_id)
    response = client.get("/Main/Foo")
    assert "Changed words." in response.content.decode()
    caches["default"].clear()
