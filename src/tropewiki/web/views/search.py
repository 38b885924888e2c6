"""Search pages: full-text search (``/-/search``), autocomplete, the trope finder.

Each HTML page has a JSON twin (``/-/search.json``, ``/-/finder.json``); autocomplete is JSON
only. All are reads through :mod:`tropewiki.search`.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, JsonResponse, QueryDict
from django.shortcuts import render

from tropewiki.search.finder import find_tropes
from tropewiki.search.service import PER_PAGE, Results, autocomplete, search
from tropewiki.search.syntax import FILTER_KEYS
from tropewiki.web.views.common import handles_refusals, handles_refusals_json, whole_number
from tropewiki.wiki.models import Namespace
from tropewiki.wiki.namespaces import Kind, PageType

JSON_OPTIONS = {"ensure_ascii": False}


def _search(params: QueryDict) -> tuple[str, Results | None]:
    text = params.get("q", "").strip()[:500]
    namespaces = [v for v in params.getlist("ns") if v]
    types = [v for v in params.getlist("type") if v]
    if not text:
        return text, None
    per_page = whole_number(params.get("limit"), "limit", PER_PAGE) or PER_PAGE
    page = whole_number(params.get("page"), "page", 1) or 1
    return text, search(text, namespaces=namespaces, types=types, page=page, per_page=per_page)


def _page_url(params: QueryDict, path: str, page: int) -> str:
    """This request's URL on another page of results (the other parameters kept in order)."""
    pairs = [(k, v) for k, values in params.lists() if k != "page" for v in values]
    pairs.append(("page", str(page)))
    return f"{path}?{urlencode(pairs)}"


@handles_refusals
def search_view(request: HttpRequest) -> HttpResponse:
    """The search box's target: results with snippets, filters and pages."""
    text, results = _search(request.GET)
    namespaces = (
        Namespace.objects.exclude(kind=Kind.SPLIT).order_by("name").values_list("name", flat=True)
    )
    context: dict[str, Any] = {
        "title": f"Search: {text}" if text else "Search",
        "query": text,
        "results": results,
        "namespaces": list(namespaces),
        "page_types": PageType.CHOICES,
        "chosen_ns": request.GET.getlist("ns"),
        "chosen_types": request.GET.getlist("type"),
        "filter_keys": sorted(FILTER_KEYS),
    }
    if results is not None:
        context["next_url"] = (
            _page_url(request.GET, request.path, results.page + 1) if results.has_next else None
        )
        context["previous_url"] = (
            _page_url(request.GET, request.path, results.page - 1) if results.has_previous else None
        )
    return render(request, "web/search.html", context)


def search_json(params: QueryDict, path: str) -> dict[str, Any]:
    """The answer of ``/-/search.json?q=…&ns=…&type=…&page=…&limit=…`` (``path``: its own
    path, for the next and previous links). Also served by :mod:`tropewiki.web.fast_reads`."""
    text, results = _search(params)
    if results is None:
        return {
            "query": text,
            "total": 0,
            "total_exact": True,
            "page": 1,
            "pages": 0,
            "results": [],
            "notices": [],
        }
    return {
        "query": text,
        "total": results.total,
        "total_exact": results.exact,
        "page": results.page,
        "pages": results.pages,
        "per_page": results.per_page,
        "next": _page_url(params, path, results.page + 1) if results.has_next else None,
        "previous": _page_url(params, path, results.page - 1) if results.has_previous else None,
        "notices": results.notices,
        "results": [r.as_json() for r in results.results],
    }


@handles_refusals_json
def search_json_view(request: HttpRequest) -> HttpResponse:
    return JsonResponse(search_json(request.GET, request.path), json_dumps_params=JSON_OPTIONS)


def autocomplete_json(params: QueryDict, path: str) -> dict[str, Any]:
    """The answer of ``/-/autocomplete?q=<prefix>``: up to 10 titles and aliases (none below
    2 characters). Also served by :mod:`tropewiki.web.fast_reads`."""
    return {"results": [s.as_json() for s in autocomplete(params.get("q", "")[:300])]}


def autocomplete_view(request: HttpRequest) -> HttpResponse:
    return JsonResponse(
        autocomplete_json(request.GET, request.path), json_dumps_params=JSON_OPTIONS
    )


def finder_view(request: HttpRequest) -> HttpResponse:
    """The trope finder: a description in, tropes with their laconics out."""
    text = request.GET.get("q", "").strip()[:1000]
    found = find_tropes(text) if text else None
    return render(
        request,
        "web/finder.html",
        {"title": "Trope finder", "description": text, "found": found},
    )


def finder_json_view(request: HttpRequest) -> HttpResponse:
    text = request.GET.get("q", "").strip()[:1000]
    found = find_tropes(text) if text else None
    return JsonResponse(
        {
            "description": text,
            "words": found.words if found else [],
            "results": [r.as_json() for r in found.results] if found else [],
        },
        json_dumps_params=JSON_OPTIONS,
    )
