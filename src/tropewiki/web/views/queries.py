"""Trope queries: ``/-/query`` (a form, results and counts) and ``/-/query.json``.

The form's fields (tropes to have, tropes to lack, medium, how played) are written into the
query language, so what the form asks is always shown as a query one can edit and share.
"""

from __future__ import annotations

import re
from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from tropewiki.discovery.tropequery import PER_PAGE, SLUGS, Answer, answer, parse_trope_query
from tropewiki.knowledge.played import badge_label
from tropewiki.web.views.common import handles_refusals, handles_refusals_json, int_param
from tropewiki.wiki.models import Namespace
from tropewiki.wiki.namespaces import Kind

_NAMES = re.compile(r"[,;\n]+|\s+(?=[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*[A-Z])")


def query_text(request: HttpRequest) -> str:
    """The query typed (``q``) plus what the form's fields ask, in the query language."""
    parts = [request.GET.get("q", "").strip()]
    played = request.GET.get("played", "").strip()
    for name in _names(request.GET.get("with", "")):
        parts.append(f"played:{played}:{name}" if played in SLUGS else f"trope:{name}")
    parts += [f"-trope:{name}" for name in _names(request.GET.get("without", ""))]
    medium = request.GET.get("medium", "").strip()
    if medium:
        parts.append(f"medium:{medium}")
    return " ".join(p for p in parts if p)[:2000]


def _names(raw: str) -> list[str]:
    names = []
    for part in _NAMES.split(raw or ""):
        part = part.strip()
        if part:
            names.append(f'"{part}"' if " " in part else part)
    return names


def _answer(request: HttpRequest) -> tuple[str, Answer | None]:
    text = query_text(request)
    if not text:
        return text, None
    page = int_param(request, "page", 1) or 1
    return text, answer(parse_trope_query(text), page=page, per_page=PER_PAGE)


@handles_refusals
def query_view(request: HttpRequest) -> HttpResponse:
    text, result = _answer(request)
    context: dict[str, Any] = {
        "title": "Trope query",
        "text": text,
        "result": result,
        "media": list(
            Namespace.objects.filter(kind=Kind.MEDIA)
            .exclude(name="Creator")
            .order_by("name")
            .values_list("name", flat=True)
        ),
        "slugs": sorted(SLUGS - {"straight"}),
        "badge_label": badge_label,
    }
    if result is not None and result.page < result.pages:
        context["next_url"] = f"?{_with_page(request, text, result.page + 1)}"
    if result is not None and result.page > 1:
        context["previous_url"] = f"?{_with_page(request, text, result.page - 1)}"
    return render(request, "web/query.html", context)


def _with_page(request: HttpRequest, text: str, page: int) -> str:
    params = request.GET.copy()
    for field in ("with", "without", "medium", "played"):
        params.pop(field, None)
    params["q"] = text
    params["page"] = str(page)
    return params.urlencode()


@handles_refusals_json
def query_json_view(request: HttpRequest) -> HttpResponse:
    """The same answer as ``/-/query``, as JSON (400 when the query has errors)."""
    _text, result = _answer(request)
    if result is None:
        return JsonResponse({"query": "", "errors": ["Give a query in q."]}, status=400)
    status = 400 if result.query.errors else 200
    return JsonResponse(result.as_json(), status=status, json_dumps_params={"ensure_ascii": False})
