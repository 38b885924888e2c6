"""Site pages under ``/-/``: home, recent changes, random page, markup help."""

from __future__ import annotations

import random

from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from tropewiki.web.views.common import error_page
from tropewiki.wiki.models import Page, Revision
from tropewiki.wiki.namespaces import PageType

RECENT_LIMIT = 100


def home_view(request: HttpRequest) -> HttpResponse:
    counts = dict(
        Page.objects.articles()
        .values_list("page_type")
        .annotate(n=Count("id"))
        .values_list("page_type", "n")
    )
    recent = (
        Revision.objects.select_related("page")
        .defer("text")
        .filter(page__deleted_at__isnull=True)
        .order_by("-created_at")[:12]
    )
    indexes = Page.objects.articles().filter(page_type=PageType.INDEX).order_by("title")[:20]
    return render(
        request,
        "web/home.html",
        {"title": "tropewiki", "counts": counts, "recent": recent, "indexes": indexes},
    )


def recent_view(request: HttpRequest) -> HttpResponse:
    namespace = request.GET.get("namespace", "")
    revisions = (
        Revision.objects.select_related("page", "author").defer("text").order_by("-created_at")
    )
    if namespace:
        revisions = revisions.filter(page__namespace_id=namespace)
    rows = list(revisions[:RECENT_LIMIT])
    parents = dict(
        Revision.objects.filter(id__in=[r.parent_id for r in rows if r.parent_id]).values_list(
            "id", "size"
        )
    )
    for row in rows:
        row.delta = row.size - parents.get(row.parent_id, 0)
    return render(
        request,
        "web/recent.html",
        {"title": "Recent changes", "rows": rows, "namespace": namespace},
    )


def random_view(request: HttpRequest) -> HttpResponse:
    """``/-/random`` any article; ``?type=trope`` or ``?type=work`` narrows it."""
    kind = request.GET.get("type", "")
    pages = Page.objects.articles()
    if kind:
        if kind not in PageType.ALL:
            return error_page(request, f"Unknown page type {kind!r}.", 400)
        pages = pages.filter(page_type=kind)
    bounds = list(pages.order_by("id").values_list("id", flat=True)[:1]) + list(
        pages.order_by("-id").values_list("id", flat=True)[:1]
    )
    if not bounds:
        return error_page(request, "There are no such pages yet.", 404)
    pick = random.randint(bounds[0], bounds[-1])
    page = pages.filter(id__gte=pick).order_by("id").first() or pages.order_by("id").first()
    return redirect(page.url)


def markup_help_view(request: HttpRequest) -> HttpResponse:
    return render(request, "web/markup_help.html", {"title": "Markup cheat sheet"})
