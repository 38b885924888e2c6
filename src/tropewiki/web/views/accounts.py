"""Accounts: sign up, log in and out, change password, preferences."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout, update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST

from tropewiki.accounts.models import Profile
from tropewiki.actions import ActionError, create_user, set_preferences
from tropewiki.web.views.common import error_page


def _next_url(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or "/"
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return "/"
    return target


@require_http_methods(["GET", "POST"])
def login_view(request: HttpRequest) -> HttpResponse:
    form = AuthenticationForm(request, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        login(request, form.get_user())
        return redirect(_next_url(request))
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "web/login.html",
        {"title": "Log in", "form": form, "next": _next_url(request)},
        status=status,
    )


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    logout(request)
    return redirect("/")


@require_http_methods(["GET", "POST"])
def signup_view(request: HttpRequest) -> HttpResponse:
    if not settings.TROPEWIKI_SIGNUP:
        return error_page(
            request, "This wiki does not take new sign-ups; ask an admin for an account.", 403
        )
    context = {"title": "Create an account", "username": "", "email": "", "error": ""}
    if request.method == "POST":
        username = request.POST.get("username", "")
        password = request.POST.get("password", "")
        context.update(username=username, email=request.POST.get("email", ""))
        if password != request.POST.get("password2", ""):
            context["error"] = "The two passwords differ."
        else:
            try:
                user = create_user(username, password, email=context["email"])
            except ActionError as exc:
                context["error"] = str(exc)
            else:
                login(request, user, backend="django.contrib.auth.backends.ModelBackend")
                messages.info(request, f"Welcome, {username}! You can edit pages now.")
                return redirect(_next_url(request))
        return render(request, "web/signup.html", context, status=400)
    return render(request, "web/signup.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def password_view(request: HttpRequest) -> HttpResponse:
    form = PasswordChangeForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        update_session_auth_hash(request, user)
        messages.info(request, "Your password was changed.")
        return redirect("/-/account")
    return render(
        request,
        "web/password.html",
        {"title": "Change password", "form": form},
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def account_view(request: HttpRequest) -> HttpResponse:
    profile = Profile.objects.filter(user=request.user).first() or Profile(user=request.user)
    if request.method == "POST":
        try:
            set_preferences(
                request.user,
                show_spoilers=bool(request.POST.get("show_spoilers")),
                theme=request.POST.get("theme", profile.theme),
            )
        except ActionError as exc:
            return error_page(request, str(exc), exc.status)
        messages.info(request, "Preferences saved.")
        return redirect("/-/account")
    return render(request, "web/account.html", {"title": "Your account", "profile": profile})
