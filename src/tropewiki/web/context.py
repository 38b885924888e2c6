"""Template context shared by every page: the content licence, the reader's theme and spoilers."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from tropewiki.accounts.models import Profile


def reader_preferences(request: HttpRequest) -> dict[str, Any]:
    site = {
        "content_licence": settings.TROPEWIKI_CONTENT_LICENCE,
        "content_licence_url": settings.TROPEWIKI_CONTENT_LICENCE_URL,
    }
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"theme": "system", "show_spoilers": False, **site}
    profile = Profile.objects.filter(user=user).only("theme", "show_spoilers").first()
    if profile is None:
        return {"theme": "system", "show_spoilers": False, **site}
    return {"theme": profile.theme, "show_spoilers": profile.show_spoilers, **site}
