"""Colour themes and the phone layout, in a real browser."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.helpers import BROWSER_TEST, overflowing

pytestmark = BROWSER_TEST

LIGHT_BG = "rgb(253, 252, 249)"
DARK_BG = "rgb(22, 24, 28)"


def _background(page) -> str:
    return page.evaluate("getComputedStyle(document.documentElement).backgroundColor")


def test_theme_follows_the_system_and_the_toggle_is_remembered(new_context, make_page):
    """Light or dark follows the system; the header button switches and the choice stays for
    the next pages of this browser."""
    make_page("Main/ChekhovsGun", "A gun on the wall.")
    dark_system = new_context(color_scheme="dark").new_page()
    dark_system.goto("/Main/ChekhovsGun")
    assert _background(dark_system) == DARK_BG
    expect(dark_system.get_by_role("button", name="Dark theme")).to_have_attribute(
        "aria-pressed", "true"
    )

    page = new_context(color_scheme="light").new_page()
    page.goto("/Main/ChekhovsGun")
    assert _background(page) == LIGHT_BG
    toggle = page.get_by_role("button", name="Dark theme")
    expect(toggle).to_have_attribute("aria-pressed", "false")
    toggle.click()
    expect(toggle).to_have_attribute("aria-pressed", "true")
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    page.wait_for_function(
        f"getComputedStyle(document.documentElement).backgroundColor === '{DARK_BG}'"
    )
    page.goto("/")
    assert _background(page) == DARK_BG
    page.get_by_role("button", name="Dark theme").click()
    page.reload()
    assert _background(page) == LIGHT_BG


def test_nothing_overflows_sideways_at_360_pixels(new_context, demo, make_user, log_in):
    """On a 360 px wide phone no page scrolls sideways, with folders, notes, the tab bar's
    "Create New" list, the cheat sheet and the suggestions open."""
    page = new_context(
        viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True
    ).new_page()
    log_in(page, make_user().username)
    problems = {}
    pages = [
        "/",
        "/Film/Nosferatu",
        "/Literature/Frankenstein",
        "/Main/StarCrossedLovers",
        "/Main/CassandraTruth",
        "/Film/Nosferatu/history",
        "/Film/Nosferatu/diff?from=0&to=1",
        "/Film/Nosferatu/source",
        "/Film/Nosferatu/related",
        "/Film/Nosferatu/edit",
        "/-/recent",
        "/-/markup",
        "/-/account",
        "/Main/NoSuchTrope",
        "/-/search?q=vampire",
        "/-/query?q=trope:StarCrossedLovers",
    ]
    for path in pages:
        page.goto(path)
        page.evaluate(
            """() => {
                document.querySelectorAll('details').forEach(d => { d.open = true; });
                document.querySelectorAll('.spoiler').forEach(s => s.click());
            }"""
        )
        if found := overflowing(page):
            problems[path] = found
    page.goto("/Main/StarCrossedLovers")
    page.get_by_role("combobox", name="Search the wiki").focus()
    page.evaluate(
        """() => {
            const list = document.getElementById('q-listbox');
            list.innerHTML = '<li role="option">A Very Long Suggested Title For A Trope</li>';
            list.hidden = false;
        }"""
    )
    if found := overflowing(page):
        problems["suggestions"] = found
    assert not problems, problems
