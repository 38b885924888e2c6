"""Reading pages: the page itself, an old revision, its source, its JSON twin, its wicks."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render

from tropewiki.accounts.roles import can_edit, can_moderate, can_rename
from tropewiki.knowledge.indexes import index_bars
from tropewiki.knowledge.models import Link
from tropewiki.knowledge.queries import examples_of, one_sided_examples, own_badges, related_tabs
from tropewiki.web.page_cache import offer_to_cache
from tropewiki.web.views.common import (
    error_page,
    handles_refusals,
    handles_refusals_json,
    page_or_404,
)
from tropewiki.web.views.panels import example_json, knowledge_context
from tropewiki.wiki.lookup import follow_redirects, get_page, title_for
from tropewiki.wiki.models import Page
from tropewiki.wiki.namespaces import PageType
from tropewiki.wiki.rendering import page_html, render_text


def _page_context(request: HttpRequest, page: Page) -> dict[str, Any]:
    aliases = list(page.aliases.live().order_by("name").values_list("title", flat=True))
    return {
        "page": page,
        "title": page.title,
        "can_edit": can_edit(request.user, page),
        "can_moderate": can_moderate(request.user),
        "can_rename": can_rename(request.user, page),
        "aliases": aliases,
        "wick_count": wick_count(page),
        "page_types": PageType.CHOICES,
    }


def wick_count(page: Page) -> int:
    """Pages linking here, directly or through one of its redirects (each page once)."""
    return (
        Link.objects.filter(target__in=_self_and_aliases(page))
        .exclude(source__redirect_to=page)
        .exclude(source=page)
        .values("source")
        .distinct()
        .count()
    )


def _self_and_aliases(page: Page) -> list[int]:
    return [page.id, *page.aliases.live().values_list("id", flat=True)]


@handles_refusals
def page_view(request: HttpRequest, namespace: str, name: str) -> HttpResponse:
    title = title_for(f"{namespace}/{name}")
    page = get_page(title, include_deleted=True)
    if page is None:
        return render(
            request,
            "web/missing.html",
            {"title": title.path, "address": title, "can_edit": can_edit(request.user, None)},
            status=404,
        )
    if page.path != f"{namespace}/{name}":
        query = f"?{request.GET.urlencode()}" if request.GET else ""
        return redirect(page.url + query, permanent=True)
    if page.is_deleted:
        return render(
            request,
            "web/cut.html",
            {"title": page.title, "page": page, "can_moderate": can_moderate(request.user)},
            status=404,
        )
    if page.is_redirect and request.GET.get("redirect") != "no":
        target = follow_redirects(page)
        if target.id != page.id:
            return redirect(f"{target.url}?{urlencode({'from': page.path})}")
    context = _page_context(request, page)
    arrived_from = request.GET.get("from", "")
    if arrived_from:
        alias = get_page(arrived_from) if "/" in arrived_from else None
        if alias is not None and alias.redirect_to_id is not None:
            context["aka"] = alias
    context["html"] = page_html(page, own_badges(page))
    context["revision"] = page.current_revision
    context.update(knowledge_context(page))
    if not arrived_from:
        offer_to_cache(request, page)
    return render(request, "web/page.html", context)


@handles_refusals
def revision_view(request: HttpRequest, namespace: str, name: str, number: int) -> HttpResponse:
    page = page_or_404(request, namespace, name, include_deleted=True)
    if isinstance(page, HttpResponse):
        return page
    revision = page.revisions.filter(number=number).first()
    if revision is None:
        return error_page(request, f"{page.path} has no revision {number}.", 404)
    context = _page_context(request, page)
    context.update(revision=revision, html=render_text(revision.text), old=True)
    return render(request, "web/page.html", context)


@handles_refusals
def source_view(request: HttpRequest, namespace: str, name: str) -> HttpResponse:
    page = page_or_404(request, namespace, name)
    if isinstance(page, HttpResponse):
        return page
    number = request.GET.get("revision")
    revision = page.current_revision
    if number and number.isdigit():
        revision = page.revisions.filter(number=int(number)).first() or revision
    if request.GET.get("raw") == "1":
        return HttpResponse(revision.text, content_type="text/plain; charset=utf-8")
    return render(
        request,
        "web/source.html",
        {"page": page, "title": f"Source of {page.title}", "revision": revision},
    )


def page_json(page: Page) -> dict[str, Any]:
    revision = page.current_revision
    return {
        "namespace": page.namespace_id,
        "name": page.name,
        "title": page.title,
        "type": page.page_type,
        "url": page.url,
        "revision": revision.number if revision else None,
        "revision_id": revision.id if revision else None,
        "updated": revision.created_at.isoformat() if revision else None,
        "redirect": page.redirect_to.path if page.redirect_to_id else None,
        "locked": page.is_locked,
        "aliases": list(page.aliases.live().order_by("name").values_list("namespace_id", "name")),
        "wicks": wick_count(page),
        "text": revision.text if revision else "",
    }


@handles_refusals_json
def json_view(request: HttpRequest, namespace: str, name: str) -> HttpResponse:
    page = get_page(f"{namespace}/{name}")
    if page is None:
        return JsonResponse({"error": f"There is no page {namespace}/{name}."}, status=404)
    data = page_json(page)
    data["aliases"] = [f"{ns}/{n}" for ns, n in data["aliases"]]
    data["examples"] = [example_json(e) for e in examples_of(page)]
    data["index_bars"] = [
        {
            "index": bar.index.path,
            "previous": bar.previous.path if bar.previous else None,
            "next": bar.next.path if bar.next else None,
        }
        for bar in index_bars(page)
    ]
    data["related"] = [
        f"{t.namespace}/{page.name}"
        for t in related_tabs(page)
        if t.exists and t.namespace != "Main"
    ]
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})


@handles_refusals
def related_view(request: HttpRequest, namespace: str, name: str) -> HttpResponse:
    """What links here ("wicks"), with counts per namespace and a namespace filter."""
    page = page_or_404(request, namespace, name)
    if isinstance(page, HttpResponse):
        return page
    links = (
        Link.objects.filter(target__in=_self_and_aliases(page))
        .exclude(source=page)
        .select_related("source", "target")
        .order_by("source__namespace_id", "source__name")
    )
    rows: dict[int, dict[str, Any]] = {}
    for link in links:
        row = rows.setdefault(
            link.source_id,
            {
                "page": link.source,
                "via": None,
                "count": 0,
                "redirect": link.source.redirect_to_id == page.id,
            },
        )
        row["count"] += link.count
        if link.target_id != page.id:
            row["via"] = link.target
    counts: dict[str, int] = {}
    for row in rows.values():
        ns = str(row["page"].namespace_id)
        counts[ns] = counts.get(ns, 0) + 1
    chosen = request.GET.get("namespace", "")
    shown = [r for r in rows.values() if not chosen or r["page"].namespace_id == chosen]
    return render(
        request,
        "web/related.html",
        {
            "page": page,
            "title": f"Pages linking to {page.title}",
            "rows": shown,
            "total": len(rows),
            "counts": sorted(counts.items()),
            "chosen": chosen,
        },
    )


@handles_refusals
def bare_name_view(request: HttpRequest, address: str) -> HttpResponse:
    """``/AlphaBitch`` is ``/Main/AlphaBitch``; ``/Main.AlphaBitch`` is ``/Main/AlphaBitch``."""
    return redirect(f"/{title_for(address).path}")


@handles_refusals
def wick_check_view(
    request: HttpRequest, namespace: str | None = None, name: str | None = None
) -> HttpResponse:
    """Examples written on only one side: for one page, or (without a page) site-wide."""
    page = None
    if namespace is not None:
        page = page_or_404(request, namespace, name)
        if isinstance(page, HttpResponse):
            return page
    rows = one_sided_examples(page)
    return render(
        request,
        "web/wick_check.html",
        {
            "page": page,
            "rows": rows,
            "title": f"Wick check: {page.title}" if page else "Wick check",
        },
    )
