"""Search pages: full-text search (``/-/search``), autocomplete, the trope finder.

Each HTML page has a JSON twin (``/-/search.json``, ``/-/finder.json``); autocomplete is JSON
only. All are reads through :mod:`tropewiki.search`.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from tropewiki.search.finder import find_tropes
from tropewiki.search.service import PER_PAGE, Results, autocomplete, search
from tropewiki.search.syntax import FILTER_KEYS
from tropewiki.web.views.common import handles_refusals, int_param
from tropewiki.wiki.models import Namespace
from tropewiki.wiki.namespaces import Kind, PageType

JSON_OPTIONS = {"ensure_ascii": False}


def _search(request: HttpRequest) -> tuple[str, Results | None]:
    text = request.GET.get("q", "").strip()[:500]
    namespaces = [v for v in request.GET.getlist("ns") if v]
    types = [v for v in request.GET.getlist("type") if v]
    if not text:
        return text, None
    per_page = int_param(request, "limit", PER_PAGE) or PER_PAGE
    page = int_param(request, "page", 1) or 1
    return text, search(text, namespaces=namespaces, types=types, page=page, per_page=per_page)


def _page_url(request: HttpRequest, page: int) -> str:
    """This request's URL on another page of results (the other parameters kept in order)."""
    pairs = [(k, v) for k, values in request.GET.lists() if k != "page" for v in values]
    pairs.append(("page", str(page)))
    return f"{request.path}?{urlencode(pairs)}"


@handles_refusals
def search_view(request: HttpRequest) -> HttpResponse:
    """The search box's target: results with snippets, filters and pages."""
    text, results = _search(request)
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
        context["next_url"] = _page_url(request, results.page + 1) if results.has_next else None
        context["previous_url"] = (
            _page_url(request, results.page - 1) if results.has_previous else None
        )
    return render(request, "web/search.html", context)


@handles_refusals
def search_json_view(request: HttpRequest) -> HttpResponse:
    """``/-/search.json?q=…&ns=…&type=…&page=…&limit=…``."""
    text, results = _search(request)
    if results is None:
        return JsonResponse(
            {
                "query": text,
                "total": 0,
                "total_exact": True,
                "page": 1,
                "pages": 0,
                "results": [],
                "notices": [],
            },
            json_dumps_params=JSON_OPTIONS,
        )
    return JsonResponse(
        {
            "query": text,
            "total": results.total,
            "total_exact": results.exact,
            "page": results.page,
            "pages": results.pages,
            "per_page": results.per_page,
            "next": _page_url(request, results.page + 1) if results.has_next else None,
            "previous": _page_url(request, results.page - 1) if results.has_previous else None,
            "notices": results.notices,
            "results": [r.as_json() for r in results.results],
        },
        json_dumps_params=JSON_OPTIONS,
    )


def autocomplete_view(request: HttpRequest) -> HttpResponse:
    """``/-/autocomplete?q=<prefix>``: up to 10 titles and aliases (empty below 2 characters)."""
    suggestions = autocomplete(request.GET.get("q", "")[:300])
    return JsonResponse(
        {"results": [s.as_json() for s in suggestions]}, json_dumps_params=JSON_OPTIONS
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
