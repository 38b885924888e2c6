"""Moderation from the page's tools: lock, unlock, cut, restore, rename, page type."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from tropewiki.accounts.roles import can_moderate, can_rename
from tropewiki.actions import (
    NotAllowed,
    cut_page,
    lock_page,
    rename_page,
    restore_page,
    set_page_type,
    unlock_page,
)
from tropewiki.web.views.common import actor_for, handles_refusals, page_or_404
from tropewiki.wiki.models import Page


@handles_refusals
@require_POST
def lock_view(request: HttpRequest, namespace: str, name: str) -> HttpResponse:
    page = page_or_404(request, namespace, name)
    if isinstance(page, HttpResponse):
        return page
    if request.POST.get("action") == "unlock":
        unlock_page(page, actor_for(request))
        messages.info(request, "Page unlocked.")
    else:
        lock_page(page, actor_for(request), reason=request.POST.get("reason", ""))
        messages.info(request, "Page locked: only moderators can edit it now.")
    return redirect(page.url)


@handles_refusals
@require_POST
def cut_view(request: HttpRequest, namespace: str, name: str) -> HttpResponse:
    page = page_or_404(request, namespace, name, include_deleted=True)
    if isinstance(page, HttpResponse):
        return page
    if request.POST.get("action") == "restore":
        restore_page(page, actor_for(request), reason=request.POST.get("reason", ""))
        messages.info(request, "Page restored from the cut list.")
    else:
        cut_page(page, actor_for(request), reason=request.POST.get("reason", ""))
        messages.info(request, f"{page.path} was moved to the cut list.")
    return redirect(page.url)


@handles_refusals
@require_POST
def page_type_view(request: HttpRequest, namespace: str, name: str) -> HttpResponse:
    page = page_or_404(request, namespace, name)
    if isinstance(page, HttpResponse):
        return page
    chosen = request.POST.get("page_type") or None
    set_page_type(page, None if chosen == "default" else chosen, actor_for(request))
    return redirect(page.url)


@handles_refusals
@require_http_methods(["GET", "POST"])
def rename_view(request: HttpRequest, namespace: str, name: str) -> HttpResponse:
    page = page_or_404(request, namespace, name)
    if isinstance(page, HttpResponse):
        return page
    if not can_rename(request.user, page):
        if not request.user.is_authenticated:
            return redirect(f"/-/login?next={page.url}/rename")
        raise NotAllowed("You cannot rename this page.")
    context = {"page": page, "title": f"Rename {page.title}", "new": page.path, "reason": ""}
    if request.method == "POST":
        new = request.POST.get("new", "")
        reason = request.POST.get("reason", "")
        result = rename_page(
            page,
            new,
            actor_for(request),
            reason=reason,
            move_subpages=bool(request.POST.get("subpages")),
        )
        moved = f" and {len(result.moved_subpages)} subpage(s)" if result.moved_subpages else ""
        messages.info(
            request, f"Renamed from {result.old_path}{moved}; the old name redirects here."
        )
        return redirect(result.page.url)
    return render(request, "web/rename.html", context)


def cut_list_view(request: HttpRequest) -> HttpResponse:
    pages = (
        Page.objects.filter(deleted_at__isnull=False)
        .select_related("deleted_by")
        .order_by("-deleted_at")[:500]
    )
    return render(
        request,
        "web/cut_list.html",
        {"title": "Cut list", "pages": pages, "can_moderate": can_moderate(request.user)},
    )
