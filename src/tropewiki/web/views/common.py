"""What every view shares: rendering a template, turning refusals into clear pages."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from tropewiki.actions import ActionError, Actor
from tropewiki.wiki.lookup import get_page
from tropewiki.wiki.models import Page
from tropewiki.wiki.titles import BadTitle


def actor_for(request: HttpRequest) -> Actor:
    ip = request.META.get("REMOTE_ADDR", "") or ""
    user = request.user if request.user.is_authenticated else None
    return Actor(user=user, ip=ip)


def error_page(
    request: HttpRequest, message: str, status: int = 400, title: str = ""
) -> HttpResponse:
    titles = {
        400: "Bad request",
        403: "Not allowed",
        404: "Not found",
        405: "Method not allowed",
        409: "Conflict",
    }
    if not hasattr(request, "user"):  # refused before the middleware that sets it (a bad Host)
        request.user = AnonymousUser()
    return render(
        request,
        "web/error.html",
        {"title": title or titles.get(status, "Error"), "message": message, "status": status},
        status=status,
    )


View = Callable[..., HttpResponse]
#: How a refusal is told: the request, the message, the status, a title for a page.
Refusal = Callable[[HttpRequest, str, int, str], HttpResponse]


def _telling_refusals(tell: Refusal) -> Callable[[View], View]:
    """A decorator turning an :class:`ActionError` or a bad title into ``tell``'s 4xx answer."""

    def decorator(view: View) -> View:
        @functools.wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            try:
                return view(request, *args, **kwargs)
            except BadTitle as exc:
                return tell(request, str(exc), 400, "Bad page name")
            except ActionError as exc:
                return tell(request, str(exc), exc.status, "")

        return wrapper

    return decorator


def _json_refusal(request: HttpRequest, message: str, status: int, title: str) -> HttpResponse:
    return JsonResponse({"error": message}, status=status)


#: Show an :class:`ActionError` or a bad title as a clear 4xx page, never a traceback.
handles_refusals = _telling_refusals(error_page)
#: The same for JSON endpoints: ``{"error": "…"}`` with the 4xx status.
handles_refusals_json = _telling_refusals(_json_refusal)


def page_or_404(
    request: HttpRequest, namespace: str, name: str, *, include_deleted: bool = False
) -> Page | HttpResponse:
    page = get_page(f"{namespace}/{name}", include_deleted=include_deleted)
    if page is None:
        return error_page(request, f"There is no page {namespace}/{name}.", 404)
    return page


def int_param(request: HttpRequest, name: str, default: int | None = None) -> int | None:
    raw = request.GET.get(name)
    if raw is None and request.method == "POST":
        raw = request.POST.get(name)
    return whole_number(raw, name, default)


def whole_number(raw: str | None, name: str, default: int | None = None) -> int | None:
    """The parameter ``name`` given as ``raw``: ``default`` when absent or empty."""
    if raw in (None, ""):
        return default
    try:
        return int(raw)
    except (TypeError, ValueError):
        raise BadRequestParam(f"{name} must be a whole number.") from None


class BadRequestParam(ActionError):
    status = 400
