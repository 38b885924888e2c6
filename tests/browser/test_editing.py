"""Editing in a real browser: live preview, cheat sheet, saving, and an edit conflict between
two browsers resolved on the conflict screen."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.browser.helpers import BROWSER_TEST

pytestmark = BROWSER_TEST


def test_edit_with_live_preview_cheat_sheet_and_save(page, make_page, make_user, log_in):
    """The editor previews while typing (spoilers shown and marked), opens the markup cheat
    sheet in place, shows the licence notice, and saves with the edit reason."""
    make_page("Main/ChekhovsGun", "A gun on the wall.")
    log_in(page, make_user().username)
    page.goto("/Main/ChekhovsGun")
    page.get_by_role("navigation", name="Page tools").get_by_role("link", name="Edit").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(r"^Editing Chekhov"))
    expect(page.locator(".licence-notice")).to_contain_text("licen")

    page.get_by_text("Markup cheat sheet").click()
    expect(page.get_by_role("cell", name="[[spoiler:the twist]]")).to_be_visible()

    text = page.get_by_label("Page text")
    text.fill("A gun on the wall '''must''' go off.\n\n* Theatre/TheSeagull: [[spoiler:Treplev]].")
    preview = page.locator("#preview")
    expect(preview.locator("strong")).to_have_text("must")
    expect(preview.get_by_role("link", name="The Seagull")).to_be_visible()
    expect(page.locator("#preview-status")).to_have_text("up to date")
    expect(preview.locator(".spoiler.revealed")).to_have_text("Treplev")

    page.get_by_label("Edit reason").fill("Chekhov's own example")
    page.get_by_role("button", name="Save").click()
    expect(page).to_have_url(re.compile(r"/Main/ChekhovsGun$"))
    expect(page.locator(".page-text strong")).to_have_text("must")
    expect(page.locator(".page-meta")).to_contain_text("Chekhov's own example")
    page.get_by_role("link", name="History").click()
    expect(page.get_by_role("cell", name="Chekhov's own example")).to_be_visible()


def test_edit_conflict_between_two_browsers_is_resolved(new_context, make_page, make_user, log_in):
    """Two editors change the same line: the second gets the conflict screen with the merge
    and both full versions; saving with markers left is stopped; the resolved text saves."""
    make_page("Main/SharedPage", "One.\nTwo.\nThree.\n")
    alice, bob = make_user(), make_user()
    first = new_context().new_page()
    second = new_context().new_page()
    log_in(first, alice.username)
    log_in(second, bob.username)
    first.goto("/Main/SharedPage/edit")
    second.goto("/Main/SharedPage/edit")

    first.get_by_label("Page text").fill("One.\nTwo, said Alice.\nThree.\n")
    first.get_by_role("button", name="Save").click()
    expect(first.locator(".page-text")).to_contain_text("Two, said Alice.")

    second.get_by_label("Page text").fill("One.\nTwo, said Bob.\nThree.\n")
    second.get_by_label("Edit reason").fill("Bob's line")
    second.get_by_role("button", name="Save").click()
    expect(second.get_by_role("heading", level=1)).to_contain_text("Edit conflict")
    expect(second.get_by_role("alert").first).to_contain_text("Nothing was saved")
    merged = second.get_by_label("Page text").input_value()
    assert "<<<<<<< current" in merged and "Two, said Alice." in merged
    assert "Two, said Bob." in merged and ">>>>>>> incoming" in merged
    expect(second.get_by_label("Your version")).to_have_value(re.compile("Two, said Bob"))
    expect(second.get_by_label("The saved version")).to_have_value(re.compile("Two, said Alice"))
    expect(second.locator("table.diff")).to_contain_text("said Alice")
    expect(second.get_by_label("Edit reason")).to_have_value("Bob's line")

    second.get_by_role("button", name="Save").click()  # markers still there: stopped
    expect(second.locator(".conflict-warning")).to_be_visible()
    expect(second.get_by_role("heading", level=1)).to_contain_text("Edit conflict")

    second.get_by_label("Page text").fill("One.\nTwo, said Alice and Bob.\nThree.\n")
    second.get_by_role("button", name="Save").click()
    expect(second).to_have_url(re.compile(r"/Main/SharedPage$"))
    expect(second.locator(".page-text")).to_contain_text("Two, said Alice and Bob.")
    first.reload()
    expect(first.locator(".page-text")).to_contain_text("Two, said Alice and Bob.")
