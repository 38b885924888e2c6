"""The search API and autocomplete served in front of Django (``tropewiki.web.fast_reads``).

What a reader gets must not depend on which path answered: every ordinary request is
compared, status, headers and bytes, with Django's answer to the same request; everything
else must reach Django untouched.
"""

from __future__ import annotations

import io
import sys
from typing import Any
from urllib.parse import urlencode

import pytest

from tropewiki.web import fast_reads
from tropewiki.web.fast_reads import FastReads

pytestmark = pytest.mark.django_db


class Django:
    """Stands in for Django's application behind FastReads: records what reached it."""

    def __init__(self) -> None:
        self.calls: list[dict[str, Any]] = []

    def __call__(self, environ: dict[str, Any], start_response: Any) -> list[bytes]:
        self.calls.append(environ)
        start_response("299 Handed On", [("Content-Type", "text/plain")])
        return [b"django"]


def environ(path: str, query: dict[str, Any] | None = None, **extra: Any) -> dict[str, Any]:
    """What a WSGI server hands the application for a GET."""
    return {
        "REQUEST_METHOD": "GET",
        "SCRIPT_NAME": "",
        "PATH_INFO": path,
        "QUERY_STRING": urlencode(query or {}, doseq=True),
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": "testserver",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": sys.stderr,
        **extra,
    }


def serve(app: FastReads, env: dict[str, Any]) -> tuple[int, dict[str, str], bytes]:
    started: list[Any] = []
    body = b"".join(app(env, lambda status, headers: started.append((status, headers))))
    status, headers = started[0]
    return int(status.split()[0]), dict(headers), body


@pytest.fixture
def fast(monkeypatch):
    """FastReads in front of a recorder, with the test database kept open (as Django's test
    client keeps it: closing it would end the test's transaction)."""
    monkeypatch.setattr(fast_reads, "close_old_connections", lambda: None)
    django = Django()
    return FastReads(django), django


def same_as_django(client, app: FastReads, path: str, query: dict[str, Any], **secure: Any):
    """Serve ``path?query`` both ways and check they are the same to the byte (with the
    client's cookies, if it has any)."""
    extra = dict(secure.get("environ", {}))
    if client.cookies:
        extra["HTTP_COOKIE"] = "; ".join(f"{k}={m.value}" for k, m in client.cookies.items())
    status, headers, body = serve(app, environ(path, query, **extra))
    response = client.get(path, query, secure=secure.get("https", False))
    assert (status, body) == (response.status_code, response.content)
    assert headers == dict(response.headers)
    return body


ORDINARY = [
    ("/-/search.json", {"q": "lovers"}),
    ("/-/search.json", {"q": "lovers", "limit": "2", "page": "2"}),
    ("/-/search.json", {"q": "lovers", "ns": ["Main", "Theatre"], "type": "trope"}),
    ("/-/search.json", {"q": "villain -uncle"}),
    ("/-/search.json", {"q": "ns:Nowhere lovers"}),  # a notice: the filter was left out
    ("/-/search.json", {"q": '"feuding families"'}),
    ("/-/search.json", {"q": "wüthering"}),
    ("/-/search.json", {"q": "zzzz"}),  # nothing found
    ("/-/search.json", {"q": "-lovers"}),  # exclusions alone
    ("/-/search.json", {}),  # no query
    ("/-/search.json", {"q": "lovers", "limit": "500", "page": "9999"}),  # clamped
    ("/-/autocomplete", {"q": "star"}),
    ("/-/autocomplete", {"q": "S"}),  # too short: no suggestions
    ("/-/autocomplete", {}),
]


@pytest.mark.parametrize("path, query", ORDINARY)
def test_ordinary_reads_are_answered_here_exactly_as_django_answers(
    client, wiki, fast, path, query
):
    """Status, every header and every byte are Django's; Django itself is not called."""
    app, django = fast
    same_as_django(client, app, path, query)
    assert django.calls == []


def test_the_answer_is_the_search_itself(client, wiki, fast):
    """A parity check against an empty answer would pass: the answer holds marked results."""
    app, _ = fast
    body = same_as_django(client, app, "/-/search.json", {"q": "lovers", "limit": "2"})
    assert b'"total": 5' in body and b"<mark>" in body
    assert b'"next": "/-/search.json?q=lovers&limit=2&page=2"' in body


def test_a_page_is_findable_through_it_the_moment_it_is_saved(client, wiki, fast, make_page):
    """Instant indexing holds on this path too."""
    app, _ = fast
    make_page("Main/ZebraCrossing", "A stripy place to cross.\n")
    body = same_as_django(client, app, "/-/search.json", {"q": "stripy"})
    assert b"Main/ZebraCrossing" in body
    assert b"Zebra Crossing" in same_as_django(client, app, "/-/autocomplete", {"q": "zebra"})


def test_security_headers_follow_the_settings(client, wiki, fast, settings):
    """HSTS on HTTPS, and the other security headers as configured, as Django sends them."""
    settings.SECURE_HSTS_SECONDS = 3600
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_REFERRER_POLICY = ["no-referrer", "strict-origin"]
    settings.X_FRAME_OPTIONS = "sameorigin"
    app = FastReads(fast[1])
    https = {"environ": {"wsgi.url_scheme": "https", "SERVER_PORT": "443"}, "https": True}
    same_as_django(client, app, "/-/search.json", {"q": "lovers"}, **https)
    same_as_django(client, app, "/-/search.json", {"q": "lovers"})
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    _, headers, _ = serve(
        FastReads(fast[1]),
        environ("/-/search.json", {"q": "x"}, HTTP_X_FORWARDED_PROTO="https, http"),
    )
    assert headers["Strict-Transport-Security"] == "max-age=3600; includeSubDomains"
    assert fast[1].calls == []


CSRF_COOKIE = "a1B2" * 8  # well-formed: 32 letters and digits


@pytest.mark.parametrize("path, query", [ORDINARY[0], ORDINARY[-3]])
def test_a_signed_in_reader_with_a_csrf_cookie_is_answered_here_too(
    client, wiki, fast, make_user, path, query
):
    """The search box's own requests carry the session and CSRF cookies; Django's answer does
    not depend on them (no Vary, no Set-Cookie), so this path gives it."""
    app, django = fast
    client.force_login(make_user())
    client.cookies["csrftoken"] = CSRF_COOKIE
    same_as_django(client, app, path, query)
    assert django.calls == []


def refused(app: FastReads, django: Django, env: dict[str, Any]) -> None:
    status, _, body = serve(app, env)
    assert (status, body) == (299, b"django")
    assert django.calls == [env]


@pytest.mark.parametrize(
    "change",
    [
        {"REQUEST_METHOD": "POST"},
        {"REQUEST_METHOD": "HEAD"},
        {"HTTP_HOST": "evil.example"},  # Django answers 400
        {"HTTP_COOKIE": "sessionid=abc; csrftoken=x"},  # Django renews a malformed CSRF cookie
        {"HTTP_COOKIE": "csrftoken=" + "a1B2" * 7 + "-_-_"},
        {"QUERY_STRING": "q=lovers&limit=ten"},  # Django's clear 400
        {"PATH_INFO": "/-/search.json/"},
        {"PATH_INFO": "/-/search"},  # the HTML page is Django's
    ],
)
def test_anything_out_of_the_ordinary_goes_to_django_untouched(wiki, fast, change):
    app, django = fast
    env = environ("/-/search.json", {"q": "lovers"})
    env.update(change)
    refused(app, django, env)


@pytest.mark.parametrize("setting", ["CSRF_USE_SESSIONS", "SESSION_SAVE_EVERY_REQUEST"])
def test_cookies_go_to_django_when_a_setting_makes_it_touch_the_session(
    wiki, fast, settings, setting
):
    setattr(settings, setting, True)
    app, django = fast
    refused(app, django, environ("/-/search.json", {"q": "x"}, HTTP_COOKIE="sessionid=abc"))
    assert serve(app, environ("/-/search.json", {"q": "x"}))[0] == 200  # no cookie: here


def test_an_http_request_that_django_would_redirect_goes_to_django(wiki, fast, settings):
    settings.SECURE_SSL_REDIRECT = True
    app, django = fast
    refused(app, django, environ("/-/search.json", {"q": "lovers"}))
    status, _, _ = serve(app, environ("/-/search.json", {"q": "x"}, **{"wsgi.url_scheme": "https"}))
    assert status == 200


def test_an_error_while_answering_goes_to_django(wiki, fast, monkeypatch):
    """A failure (here the database) is Django's to report, with its logging and error page."""
    from django.db import OperationalError

    def broken(*args: object, **kwargs: object) -> None:
        raise OperationalError("disk I/O error")

    monkeypatch.setattr("tropewiki.web.views.search.search", broken)
    app, django = fast
    refused(app, django, environ("/-/search.json", {"q": "lovers"}))


def test_django_refuses_what_was_handed_on(wiki):
    """What is handed on gets Django's own answers: a clear 400 for a bad number or host."""
    from django.test import Client

    client = Client(raise_request_exception=False)
    refused_number = client.get("/-/search.json", {"q": "lovers", "limit": "ten"})
    assert refused_number.status_code == 400
    assert refused_number.json() == {"error": "limit must be a whole number."}
    assert client.get("/-/search.json", {"q": "x"}, HTTP_HOST="evil.example").status_code == 400


@pytest.mark.django_db(transaction=True)
def test_the_served_application_answers_with_the_database_looked_after(make_page):
    """The real entry point (tropewiki.wsgi), connections closed and reopened as Django does
    between requests: two reads in a row, the second after a save, both answered."""
    import importlib

    from django.apps import apps

    from tropewiki.wsgi import application

    # A transactional test starts from an empty database after another one's flush: seed the
    # namespaces again, as the migration did (see tests/browser/conftest.py).
    importlib.import_module("tropewiki.wiki.migrations.0002_seed_namespaces").seed(apps, None)
    make_page("Main/ZebraCrossing", "A stripy place to cross.\n")
    status, headers, body = serve(application, environ("/-/search.json", {"q": "stripy"}))
    assert status == 200 and headers["Content-Type"] == "application/json"
    assert b"Main/ZebraCrossing" in body
    make_page("Main/ZebraFinch", "A stripy little bird.\n")
    _, _, body = serve(application, environ("/-/search.json", {"q": "stripy"}))
    assert b"Main/ZebraFinch" in body and b'"total": 2' in body
