"""History: the list of revisions, diffs between any two, reverting to an old one."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from tropewiki.accounts.roles import can_edit
from tropewiki.actions import NotAllowed, revert_page
from tropewiki.web.views.common import (
    actor_for,
    error_page,
    handles_refusals,
    int_param,
    page_or_404,
)
from tropewiki.wiki.diffs import diff_stats, render_diff_html
from tropewiki.wiki.models import Revision

PER_PAGE = 50


@handles_refusals
def history_view(request: HttpRequest, namespace: str, name: str) -> HttpResponse:
    page = page_or_404(request, namespace, name, include_deleted=True)
    if isinstance(page, HttpResponse):
        return page
    revisions = page.revisions.select_related("author").defer("text").order_by("-number")
    paginator = Paginator(revisions, PER_PAGE)
    listing = paginator.get_page(request.GET.get("page"))
    rows = list(listing.object_list)
    sizes = dict(
        Revision.objects.filter(page=page, number__in=[r.number - 1 for r in rows]).values_list(
            "number", "size"
        )
    )
    for row in rows:
        row.delta = row.size - sizes.get(row.number - 1, 0)
    return render(
        request,
        "web/history.html",
        {
            "page": page,
            "title": f"History of {page.title}",
            "rows": rows,
            "listing": listing,
            "can_edit": can_edit(request.user, page),
        },
    )


@handles_refusals
def diff_view(request: HttpRequest, namespace: str, name: str) -> HttpResponse:
    """``?from=N&to=M`` (revision numbers); ``to`` defaults to current, ``from`` to its parent."""
    page = page_or_404(request, namespace, name, include_deleted=True)
    if isinstance(page, HttpResponse):
        return page
    latest = page.current_revision.number if page.current_revision else 0
    to_number = int_param(request, "to", latest)
    from_number = int_param(request, "from", (to_number or 1) - 1)
    revs = {r.number: r for r in page.revisions.filter(number__in=[from_number, to_number])}
    new = revs.get(to_number)
    if new is None:
        return error_page(request, f"{page.path} has no revision {to_number}.", 404)
    old = revs.get(from_number)
    if old is None and from_number != 0:
        return error_page(request, f"{page.path} has no revision {from_number}.", 404)
    old_text = old.text if old else ""
    added, removed = diff_stats(old_text, new.text)
    return render(
        request,
        "web/diff.html",
        {
            "page": page,
            "title": f"Changes to {page.title}",
            "old": old,
            "new": new,
            "diff_html": render_diff_html(old_text, new.text),
            "added": added,
            "removed": removed,
            "latest": latest,
            "can_edit": can_edit(request.user, page),
        },
    )


@handles_refusals
@require_POST
def revert_view(request: HttpRequest, namespace: str, name: str) -> HttpResponse:
    page = page_or_404(request, namespace, name)
    if isinstance(page, HttpResponse):
        return page
    if not can_edit(request.user, page):
        raise NotAllowed("You cannot edit this page, so you cannot revert it.")
    revision = page.revisions.filter(number=int_param(request, "revision")).first()
    if revision is None:
        return error_page(request, "Choose a revision of this page to revert to.", 400)
    revert_page(page, revision.id, actor_for(request), reason=request.POST.get("reason", ""))
    return redirect(page.url)
