"""Constants and small helpers shared by the browser tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PASSWORD = "correct horse battery 7"  # the password tests/conftest.py's make_user gives
TRANSPARENT = "rgba(0, 0, 0, 0)"

#: ``pytestmark = BROWSER_TEST`` in every browser test module: the browser marker, and a real
#: (transactional) database because the live server answers from another thread.
BROWSER_TEST = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def text_color(locator: Any) -> str:
    """The computed text colour of an element (transparent while a spoiler hides it)."""
    return locator.evaluate("e => getComputedStyle(e).color")


def overflowing(page: Any) -> list[str]:
    """Elements sticking out of the viewport to the right (empty when nothing scrolls sideways)."""
    return page.evaluate(
        """() => {
            const width = document.documentElement.clientWidth;
            if (document.documentElement.scrollWidth <= width) return [];
            return [...document.querySelectorAll('body *')]
              .filter(e => e.getBoundingClientRect().right > width + 0.5)
              .map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : ''))
              .slice(0, 10);
        }"""
    )
