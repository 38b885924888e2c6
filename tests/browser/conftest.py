"""Browser tests: Playwright driving Debian's Chromium against a live tropewiki.

One browser for the whole package, a fresh context (cookies, local storage) per test. Without
``/usr/bin/chromium`` the tests skip with a message, except when ``CI`` is set: then they fail.
The accessibility checks inject axe-core from ``node_modules`` (``npm ci``) the same way.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.apps import apps as django_apps
from django.core.management import call_command

from tests.browser.helpers import AXE, CHROMIUM, CHROMIUM_ARGS, PASSWORD


def _missing(what: str, how: str) -> None:
    message = f"{what} is missing: {how}"
    if os.environ.get("CI"):
        pytest.fail(message + " (CI is set, so this is an error)", pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="package")
def browser() -> Iterator[Any]:
    """Debian's Chromium, launched once for the browser tests (never a downloaded browser)."""
    if not os.access(CHROMIUM, os.X_OK):
        _missing(CHROMIUM, "install Debian's chromium package (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an asyncio loop running in this thread while it is started;
    # Django would take every ORM call made by the tests for one made from async code.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    playwright = sync_playwright().start()
    try:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
    finally:
        playwright.stop()
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def new_context(browser, live_server) -> Iterator[Callable[..., Any]]:
    """Make a browser context on the live server; fails the test on any uncaught JS error."""
    contexts: list[Any] = []
    errors: list[str] = []

    def make(**options: Any) -> Any:
        options.setdefault("viewport", {"width": 1200, "height": 900})
        options.setdefault("color_scheme", "light")
        context = browser.new_context(base_url=live_server.url, **options)
        context.set_default_timeout(10_000)
        context.on("page", lambda p: p.on("pageerror", lambda e: errors.append(f"{p.url}: {e}")))
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()
    assert not errors, f"JavaScript errors: {errors}"


@pytest.fixture
def page(new_context) -> Any:
    """A page in a fresh light-theme desktop context."""
    return new_context().new_page()


@pytest.fixture(autouse=True)
def _namespaces(transactional_db) -> None:
    """Seed the namespaces again: a migration seeds them and each transactional flush empties
    them. (serialized_rollback would restore them, but Playwright's sync API switches the test
    to another contextvars context, so Django's test connection loses its serialized copy.)"""
    seed = importlib.import_module("tropewiki.wiki.migrations.0002_seed_namespaces").seed
    seed(django_apps, None)


@pytest.fixture
def demo(transactional_db) -> None:
    """The demo wiki (tropes, works, indexes), loaded through the normal write path."""
    call_command("loaddemo", verbosity=0)


@pytest.fixture
def log_in() -> Callable[[Any, str], None]:
    """Log a browser page in through the form, as a user made by ``make_user``."""

    def do(page: Any, username: str, password: str = PASSWORD) -> None:
        page.goto("/-/login")
        page.fill("#id_username", username)
        page.fill("#id_password", password)
        page.locator("main").get_by_role("button", name="Log in").click()
        page.wait_for_url(lambda url: "/-/login" not in url)

    return do


@pytest.fixture
def axe_violations() -> Callable[[Any], list[dict[str, Any]]]:
    """Run axe-core (all rules, or the ones named) on a page; return its serious and critical
    violations."""
    if not AXE.exists():
        _missing(str(AXE), "run `npm ci --no-audit --no-fund` at the repository root")

    def run(page: Any, rules: list[str] | None = None) -> list[dict[str, Any]]:
        if not page.evaluate("() => typeof window.axe === 'object'"):
            page.add_script_tag(path=str(AXE))
        options: dict[str, Any] = {"resultTypes": ["violations"]}
        if rules:
            options["runOnly"] = {"type": "rule", "values": rules}
        result = page.evaluate("options => axe.run(document, options)", options)
        return [v for v in result["violations"] if v["impact"] in ("serious", "critical")]

    return run
