"""The Jinja2 environment behind every page template."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.contrib.messages import get_messages
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from jinja2 import Environment

from tropewiki import __version__


def url(name: str, *args: Any, **kwargs: Any) -> str:
    return reverse(name, args=args or None, kwargs=kwargs or None)


def page_url(path: str, action: str = "") -> str:
    """``page_url("Main/AlphaBitch", "edit")`` → ``/Main/AlphaBitch/edit``."""
    return f"/{path}/{action}" if action else f"/{path}"


def when(value: datetime | None) -> str:
    if value is None:
        return ""
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")


def ago(value: datetime | None) -> str:
    if value is None:
        return ""
    seconds = int((timezone.now() - value).total_seconds())
    for size, unit in (
        (86400 * 365, "year"),
        (86400 * 30, "month"),
        (86400, "day"),
        (3600, "hour"),
        (60, "minute"),
    ):
        if seconds >= size:
            n = seconds // size
            return f"{n} {unit}{'s' if n != 1 else ''} ago"
    return "just now"


def signed(value: int) -> str:
    return f"+{value:,}" if value > 0 else f"{value:,}".replace("-", "−")


def environment(**options: Any) -> Environment:
    env = Environment(**options)
    env.globals.update(
        url=url,
        static=static,
        page_url=page_url,
        get_messages=get_messages,
        version=__version__,
    )
    env.filters.update(when=when, ago=ago, signed=signed)
    return env
