"""Template context shared by every page: the reader's theme and spoiler preference."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from tropewiki.accounts.models import Profile


def reader_preferences(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"theme": "system", "show_spoilers": False}
    profile = Profile.objects.filter(user=user).only("theme", "show_spoilers").first()
    if profile is None:
        return {"theme": "system", "show_spoilers": False}
    return {"theme": profile.theme, "show_spoilers": profile.show_spoilers}
