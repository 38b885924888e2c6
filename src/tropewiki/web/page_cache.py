"""The fast path for anonymous readers: whole page responses cached by page generation.

Every change to what a page shows (its own edits, a link turning blue, an example written on
another page …) bumps ``Page.generation`` in the same transaction (see
:mod:`tropewiki.actions.staleness`). A cached response is keyed by ``(page id, generation)``, so
the one indexed query that reads the generation is also the validity check: correct across
worker processes even with a per-process cache, and never a site-wide flush.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, HttpResponse, HttpResponseBase

from tropewiki.wiki.models import Page
from tropewiki.wiki.titles import page_key

_GENERATION_SQL = (
    f"SELECT id, generation, namespace_id, name FROM {Page._meta.db_table} "
    "WHERE key = %s AND deleted_at IS NULL AND redirect_to_id IS NULL"
)

_PAGE_PATH = re.compile(r"^/([A-Za-z][A-Za-z0-9]{0,39})/([A-Za-z0-9][A-Za-z0-9_'\-]{0,199})$")
CACHE_ATTR = "tropewiki_cache_key"


def view_cache_key(page_id: int, generation: int) -> str:
    return f"tw:view:{page_id}:{generation}"


def offer_to_cache(request: HttpRequest, page: Page) -> None:
    """Called by the page view: this response may be cached for anonymous readers."""
    if _cacheable_request(request) and not request.user.is_authenticated:
        setattr(request, CACHE_ATTR, view_cache_key(page.id, page.generation))


def _cacheable_request(request: HttpRequest) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and not request.GET
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


class PageCacheMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        match = _PAGE_PATH.match(request.path_info) if _cacheable_request(request) else None
        if match is not None:
            hit = self._lookup(request, match.group(1), match.group(2))
            if hit is not None:
                return hit
        response = self.get_response(request)
        key = getattr(request, CACHE_ATTR, None)
        if key and response.status_code == 200 and not response.has_header("Set-Cookie"):
            etag = '"' + key.rsplit(":", 2)[-2] + "-" + key.rsplit(":", 1)[-1] + '"'
            response["ETag"] = etag
            cache.set(key, (response.content, etag), settings.TROPEWIKI_PAGE_CACHE_SECONDS)
        return response

    def _lookup(self, request: HttpRequest, namespace: str, name: str) -> HttpResponse | None:
        # Hand-written SQL: building this query through the ORM cost more than running it.
        with connection.cursor() as cursor:
            cursor.execute(_GENERATION_SQL, [page_key(namespace, name)])
            row = cursor.fetchone()
        if row is None or row[2] != namespace or row[3] != name:
            return None
        cached = cache.get(view_cache_key(row[0], row[1]))
        if cached is None:
            return None
        content, etag = cached
        if request.META.get("HTTP_IF_NONE_MATCH") == etag:
            response = HttpResponse(status=304)
        else:
            response = HttpResponse(content, content_type="text/html; charset=utf-8")
        response["ETag"] = etag
        response["X-Frame-Options"] = "DENY"
        response["Vary"] = "Cookie"
        response["X-Page-Cache"] = "hit"
        return response
