"""Editing: the editor, preview, saving with merge-or-conflict, and creating new pages."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from tropewiki.accounts.roles import can_edit
from tropewiki.actions import EditConflict, NotAllowed, PageLocked, save_page
from tropewiki.web.views.common import actor_for, error_page, handles_refusals, int_param
from tropewiki.wiki.diffs import render_diff_html
from tropewiki.wiki.lookup import get_page, title_for
from tropewiki.wiki.merge import has_conflict_markers
from tropewiki.wiki.rendering import page_html, render_text
from tropewiki.wiki.titles import Title

MAX_PREVIEW_BYTES = 1024 * 1024


@handles_refusals
@require_http_methods(["GET", "POST"])
def edit_view(request: HttpRequest, namespace: str, name: str) -> HttpResponse:
    title = title_for(f"{namespace}/{name}")
    if not request.user.is_authenticated and not can_edit(request.user, None):
        return redirect(f"/-/login?next=/{title.path}/edit")
    if request.method == "GET":
        return _editor(request, title)
    text = request.POST.get("text", "")
    reason = request.POST.get("reason", "")
    base = int_param(request, "base_revision")
    form = {"text": text, "reason": reason, "base_revision": base or ""}
    if "preview" in request.POST:
        return _editor(request, title, form, preview=render_text(text) if text.strip() else "")
    if has_conflict_markers(text):
        error = (
            "The text still has conflict markers (<<<<<<<, =======, >>>>>>>). Keep what should "
            "stay from each side, remove the marker lines, then save."
        )
        return _editor(request, title, form, preview=render_text(text), error=error, status=400)
    # save_page checks the permission itself, on the locked row: a save loads the page once.
    try:
        result = save_page(title, text, actor_for(request), reason=reason, base_revision=base)
    except EditConflict as conflict:
        context = _context(request, title)
        context.update(
            reason=reason,
            conflict=conflict,
            text=conflict.merged_text,
            preview=render_text(conflict.merged_text),
            base_revision=conflict.current_revision,
            their_diff=render_diff_html(conflict.incoming_text, conflict.current_text),
        )
        return render(request, "web/conflict.html", context, status=409)
    if result.merged:
        from django.contrib import messages

        messages.info(
            request,
            "Someone else edited this page meanwhile; your changes were merged with theirs.",
        )
    return redirect(result.page.url)


def _context(request: HttpRequest, title: Title) -> dict[str, Any]:
    """The editor's context for the page at ``title``, refusing who may not edit it."""
    page = get_page(title)
    if not can_edit(request.user, page):
        if page is not None and page.is_locked:
            raise PageLocked(f"{page.path} is locked by a moderator; only moderators can edit it.")
        if not request.user.is_authenticated:
            raise NotAllowed("Log in to edit pages.")
        raise NotAllowed("Your account may read but not edit pages.")
    current = page.current_revision if page is not None else None
    return {
        "title": f"Editing {page.title if page else title.path}",
        "address": title,
        "page": page,
        "text": current.text if current else "",
        "base_revision": current.id if current else "",
        "reason": "",
    }


def _editor(
    request: HttpRequest,
    title: Title,
    form: dict[str, Any] | None = None,
    *,
    preview: str | None = None,
    error: str = "",
    status: int = 200,
) -> HttpResponse:
    """The edit form: the current text (GET) or what was posted (preview, refused save)."""
    context = _context(request, title)
    if form is not None:
        context.update(form)
    if preview is None and form is None and context["page"] is not None:
        preview = page_html(context["page"])
    if preview is not None:
        context["preview"] = preview
    if error:
        context["error"] = error
    return render(request, "web/edit.html", context, status=status)


@require_POST
def preview_view(request: HttpRequest) -> HttpResponse:
    """Render markup for the editor's live preview (an HTML fragment)."""
    text = request.POST.get("text", "")
    if len(text.encode("utf-8", "replace")) > MAX_PREVIEW_BYTES:
        return error_page(request, "Too much text to preview.", 413)
    return HttpResponse(render_text(text), content_type="text/html; charset=utf-8")


def new_page_view(request: HttpRequest) -> HttpResponse:
    """Go to the editor of the page named in ``?title=``."""
    raw = request.GET.get("title", "").strip()
    if not raw:
        return render(request, "web/new.html", {"title": "Create a page"})
    try:
        title = title_for(raw)
    except ValueError as exc:
        return render(
            request,
            "web/new.html",
            {"title": "Create a page", "error": str(exc), "raw": raw},
            status=400,
        )
    return redirect(f"/{title.path}/edit")
