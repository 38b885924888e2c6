"""The two hottest JSON reads, answered in front of Django's request cycle.

``/-/search.json`` (the search API) and ``/-/autocomplete`` (a request per keystroke) are
read-only and answered the same for every reader, signed in or not. Through Django each request also
pays for the request object, URL resolution, nine middleware and the response object: about
0.1 ms, a fifth of what FTS5 needs for the search itself. :class:`FastReads` wraps the WSGI
application and answers the *ordinary* request to these paths directly:

* the answer is built by the very function the Django view calls
  (:func:`~tropewiki.web.views.search.search_json`,
  :func:`~tropewiki.web.views.search.autocomplete_json`) from the same ``QueryDict``, and
  encoded as ``JsonResponse`` encodes it;
* the response carries the headers Django's middleware would add (``X-Frame-Options``,
  ``X-Content-Type-Options``, ``Referrer-Policy``, ``Cross-Origin-Opener-Policy``, HSTS on
  HTTPS, ``Content-Length``), computed from the same settings;
* the database connection is looked after as Django's own receivers of ``request_started``
  and ``request_finished`` look after it (``close_old_connections`` before and after, so
  ``CONN_MAX_AGE`` and broken connections behave as ever; ``reset_queries`` under
  ``DEBUG``). The signals themselves are not sent: nothing in tropewiki listens to them, and
  sending both cost more than building the answer's JSON.

Everything out of the ordinary is handed to Django unchanged, which answers it as it always
did: another method, a ``Host`` not in ``ALLOWED_HOSTS``, a plain-HTTP request that
``SECURE_SSL_REDIRECT`` would redirect, a malformed CSRF cookie (Django sends a new one), a
session setting that makes Django touch the session, a parameter Django would refuse, or any
error. Readers' ordinary cookies (a session, a well-formed CSRF cookie) change nothing in
Django's answer to these reads, so the search box's own requests are answered here too.
``tests/search/test_fast_reads.py`` checks that both paths give the same status, headers and
bytes.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable
from typing import Any

from django.conf import settings
from django.core.handlers.wsgi import get_bytes_from_wsgi, get_path_info, get_script_name
from django.db import close_old_connections, reset_queries
from django.http import QueryDict
from django.http.cookie import parse_cookie
from django.http.request import split_domain_port, validate_host
from django.middleware.csrf import CSRF_SECRET_LENGTH, CSRF_TOKEN_LENGTH
from django.urls import reverse

from tropewiki.web.views.search import JSON_OPTIONS, autocomplete_json, search_json

log = logging.getLogger(__name__)

#: An answer: the request's parameters and its path in, the JSON document out.
Answer = Callable[[QueryDict, str], dict[str, Any]]
WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]

#: URL names (of ``tropewiki.web.urls``) answered here, and the function answering each.
ANSWERS: dict[str, Answer] = {"search-json": search_json, "autocomplete": autocomplete_json}


class FastReads:
    """WSGI middleware: ordinary GETs of :data:`ANSWERS` answered here, the rest by ``app``."""

    def __init__(self, app: WSGIApp, answers: dict[str, Answer] | None = None) -> None:
        self.app = app
        self.routes = {reverse(name): answer for name, answer in (answers or ANSWERS).items()}
        self.static_headers = _static_headers()

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        answer = self.routes.get(environ.get("PATH_INFO", ""))
        if answer is None or not _ordinary(environ):
            return self.app(environ, start_response)
        if settings.DEBUG:
            reset_queries()
        close_old_connections()
        try:
            path = "{}/{}".format(
                get_script_name(environ).rstrip("/"), get_path_info(environ).replace("/", "", 1)
            )
            params = QueryDict(get_bytes_from_wsgi(environ, "QUERY_STRING", ""))
            document = answer(params, path)
            # JsonResponse's DjangoJSONEncoder only adds types these documents never hold.
            body = json.dumps(document, **JSON_OPTIONS).encode()
        except Exception:  # a refusal or an error: Django answers, as without this class
            log.debug("fast read handed to Django", exc_info=True)
            close_old_connections()
            return self.app(environ, start_response)
        close_old_connections()
        headers = [("Content-Type", "application/json"), *self.static_headers]
        if settings.SECURE_HSTS_SECONDS and _is_secure(environ):
            headers.append(("Strict-Transport-Security", _hsts()))
        headers.append(("Content-Length", str(len(body))))
        start_response("200 OK", headers)
        return [body]


def _ordinary(environ: dict[str, Any]) -> bool:
    """Whether Django would answer this request with the view's own 200 and nothing more."""
    return (
        environ.get("REQUEST_METHOD") == "GET"
        and _cookies_change_nothing(environ.get("HTTP_COOKIE"))
        and not settings.DISALLOWED_USER_AGENTS
        and not settings.PREPEND_WWW
        and _host_allowed(environ)
        and not (settings.SECURE_SSL_REDIRECT and not _is_secure(environ))
    )


def _cookies_change_nothing(header: str | None) -> bool:
    """Django's middleware would answer these reads with these cookies as without them: the
    session is not touched (so no ``Vary``, no save), and a CSRF cookie is only renewed
    (``Set-Cookie``) when it is malformed."""
    if header is None:
        return True
    if settings.CSRF_USE_SESSIONS or settings.SESSION_SAVE_EVERY_REQUEST:
        return False
    token = parse_cookie(header).get(settings.CSRF_COOKIE_NAME)
    return token is None or (
        len(token) in (CSRF_SECRET_LENGTH, CSRF_TOKEN_LENGTH)
        and token.isascii()
        and token.isalnum()
    )


def _host_allowed(environ: dict[str, Any]) -> bool:
    """``HttpRequest.get_host()`` would not refuse this request's host."""
    if settings.USE_X_FORWARDED_HOST and "HTTP_X_FORWARDED_HOST" in environ:
        host = environ["HTTP_X_FORWARDED_HOST"]
    elif "HTTP_HOST" in environ:
        host = environ["HTTP_HOST"]
    else:
        return False  # rare (HTTP/1.0): Django works the host out
    allowed = settings.ALLOWED_HOSTS
    if settings.DEBUG and not allowed:
        allowed = [".localhost", "127.0.0.1", "[::1]"]
    domain, _port = split_domain_port(host)
    return bool(domain) and validate_host(domain, allowed)


def _is_secure(environ: dict[str, Any]) -> bool:
    """``HttpRequest.is_secure()`` for this request."""
    if settings.SECURE_PROXY_SSL_HEADER:
        header, secure_value = settings.SECURE_PROXY_SSL_HEADER
        value = environ.get(header)
        if value is not None:
            return value.split(",", 1)[0].strip() == secure_value
    return environ.get("wsgi.url_scheme") == "https"


def _static_headers() -> list[tuple[str, str]]:
    """The headers ``XFrameOptionsMiddleware`` and ``SecurityMiddleware`` add to every answer."""
    headers = [("X-Frame-Options", getattr(settings, "X_FRAME_OPTIONS", "DENY").upper())]
    if settings.SECURE_CONTENT_TYPE_NOSNIFF:
        headers.append(("X-Content-Type-Options", "nosniff"))
    policy = settings.SECURE_REFERRER_POLICY
    if policy:
        values = [v.strip() for v in policy.split(",")] if isinstance(policy, str) else policy
        headers.append(("Referrer-Policy", ",".join(values)))
    if settings.SECURE_CROSS_ORIGIN_OPENER_POLICY:
        headers.append(("Cross-Origin-Opener-Policy", settings.SECURE_CROSS_ORIGIN_OPENER_POLICY))
    return headers


def _hsts() -> str:
    value = f"max-age={settings.SECURE_HSTS_SECONDS}"
    if settings.SECURE_HSTS_INCLUDE_SUBDOMAINS:
        value += "; includeSubDomains"
    if settings.SECURE_HSTS_PRELOAD:
        value += "; preload"
    return value
