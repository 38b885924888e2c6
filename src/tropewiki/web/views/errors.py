"""Error pages in the site's own layout (Django's handler400/403/404/500)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.template import loader

from tropewiki.web.views.common import error_page


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return error_page(request, "The request could not be understood.", 400)


def forbidden(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return error_page(request, "You are not allowed to do that.", 403)


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return error_page(request, "There is nothing at this address.", 404)


def server_error(request: HttpRequest) -> HttpResponse:
    # No request context: the failure may be in it.
    html = loader.get_template("web/500.html").render({})
    return HttpResponse(html, status=500)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return error_page(
        request,
        "This form expired or did not come from this site. Go back, reload the page and try again.",
        403,
        "Form expired",
    )
