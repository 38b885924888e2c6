"""Reading in a real browser: page layout, spoilers (mouse, keyboard, screen reader, no JS),
folders and notes, index bars."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.browser.helpers import BROWSER_TEST, TRANSPARENT, text_color

pytestmark = BROWSER_TEST

HIDDEN = "Hidden spoiler, activate to reveal"
MOUSETRAP = """''The Mousetrap'' is a murder mystery play.

!!This play provides examples of:
* ChekhovsGun: A pistol in a drawer. [[spoiler:It goes off in act two.]]
* RedHerring: [[spoiler:The retired major is the herring, the policeman is the killer.]]
* RoaringRampageOfRevenge: [[spoiler:The killer avenges his brother; see ChekhovsGun.]]
"""


def _in_document_order(page, selectors: list[str]) -> bool:
    return page.evaluate(
        """selectors => {
            const nodes = selectors.map(s => document.querySelector(s));
            if (nodes.some(n => !n)) return 'missing: ' + selectors[nodes.indexOf(null)];
            return nodes.every((n, i) => i === 0 ||
                nodes[i - 1].compareDocumentPosition(n) & Node.DOCUMENT_POSITION_FOLLOWING);
        }""",
        selectors,
    )


def test_work_page_reads_in_order_with_local_assets_only(page, demo, live_server):
    """A work page: title, tabs, text, examples, index bars, licence, in that order; landmarks;
    every request stays on the wiki's own origin."""
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto("/Literature/Frankenstein")
    expect(page.get_by_role("heading", level=1)).to_have_text("Frankenstein")
    expect(page).to_have_title("Frankenstein · tropewiki")
    assert page.evaluate("document.documentElement.lang") == "en"
    order = [
        "h1",
        "nav.tabs",
        ".page-text blockquote",
        ".page-text ul",
        ".examples-elsewhere",
        "nav.index-bars",
        ".site-footer .licence",
    ]
    assert _in_document_order(page, order) is True
    expect(page.get_by_role("navigation", name="Related pages")).to_contain_text("Trivia")
    expect(page.locator(".examples-elsewhere .badge")).to_contain_text(["Implied"])
    for role, name in [
        ("banner", None),
        ("search", None),
        ("main", None),
        ("contentinfo", None),
        ("navigation", "Site"),
    ]:
        expect(page.get_by_role(role, name=name)).to_have_count(1)
    expect(page.get_by_role("link", name="Random trope")).to_be_visible()
    expect(page.get_by_role("link", name="Random work")).to_be_visible()
    expect(page.get_by_role("combobox", name="Search the wiki")).to_be_visible()
    foreign = [u for u in requests if not u.startswith((live_server.url, "data:"))]
    assert not foreign, f"third-party requests: {foreign}"


def test_trope_page_through_a_redirect_shows_aka_folders_and_badges(page, demo):
    """Arriving through a redirect shows "aka" and "Alternative Title(s)"; examples sit in
    folders by medium, with how-played badges."""
    page.goto("/Main/DoomedLovers")
    expect(page).to_have_url(re.compile(r"/Main/StarCrossedLovers\?from=Main%2FDoomedLovers$"))
    expect(page.locator(".aka")).to_have_text("aka: Doomed Lovers")
    expect(page.locator(".alt-titles")).to_have_text("Alternative Title(s): Doomed Lovers")
    expect(page.locator(".page-text details.folder > summary")).to_have_text(
        ["Film", "Literature", "Mythology", "Theatre"]
    )
    expect(page.locator(".played-summary .badge")).to_contain_text(["Straight", "Parodied"])


def test_spoiler_revealed_by_mouse_never_by_hover(page, make_page):
    """A spoiler is a bar until clicked; hovering does not reveal it; a link inside a hidden
    spoiler reveals it instead of leaving the page."""
    make_page("Main/ChekhovsGun", "A gun on the wall in act one goes off in act three.")
    make_page("Theatre/TheMousetrap", MOUSETRAP)
    page.goto("/Theatre/TheMousetrap")
    spoiler = page.locator(".page-text li", has_text="A pistol").locator(".spoiler")
    assert text_color(spoiler) == TRANSPARENT
    spoiler.hover()
    page.wait_for_timeout(200)
    assert text_color(spoiler) == TRANSPARENT
    spoiler.click()
    expect(spoiler).to_have_class(re.compile(r"\brevealed\b"))
    assert text_color(spoiler) != TRANSPARENT

    hidden = page.locator(".page-text li", has_text="Revenge").locator(".spoiler")
    hidden.locator("a").click(force=True)  # where the link would be, under the bar
    expect(hidden).to_have_class(re.compile(r"\brevealed\b"))
    expect(page).to_have_url(re.compile(r"/Theatre/TheMousetrap$"))
    hidden.get_by_role("link", name=re.compile("Chekhov")).click()
    expect(page).to_have_url(re.compile(r"/Main/ChekhovsGun$"))


def test_spoiler_revealed_by_keyboard_and_read_to_screen_readers(page, demo):
    """Tab reaches a spoiler, announced as a hidden spoiler (aria-expanded=false) whose text is
    not read; Enter or Space reveals it, keeps the focus and announces the text."""
    page.goto("/Film/Nosferatu")
    count = page.locator(".page-text .spoiler").count()
    assert count >= 3
    expect(page.get_by_role("button", name=HIDDEN, expanded=False)).to_have_count(count)
    item = page.locator(".page-text li", has_text="Damsel in Distress")
    assert "saves the town" not in item.aria_snapshot()
    item.get_by_role("link", name="Damsel in Distress").focus()
    page.keyboard.press("Tab")
    first = item.locator(".spoiler")
    expect(first).to_be_focused()
    page.keyboard.press("Enter")
    expect(first).to_have_class(re.compile(r"\brevealed\b"))
    expect(first).to_be_focused()
    expect(page.locator("#announcer")).to_have_text("Spoiler: the one who saves the town")
    assert "the one who saves the town" in item.aria_snapshot()
    expect(page.get_by_role("button", name=HIDDEN)).to_have_count(count - 1)

    for _ in range(10):  # on to the next hidden spoiler; Space reveals without scrolling
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('.spoiler:not(.revealed)')"):
            break
    focused = page.locator(".spoiler:focus")
    scroll = page.evaluate("scrollY")
    page.keyboard.press(" ")
    expect(focused).to_have_class(re.compile(r"\brevealed\b"))
    assert page.evaluate("scrollY") == scroll
    expect(page.get_by_role("button", name=HIDDEN)).to_have_count(count - 2)


def test_show_spoilers_switch_is_remembered_by_the_browser(page, make_page):
    """The page's "Show spoilers" switch reveals every spoiler without a reload, stays on for
    the next pages, and hides them all again."""
    make_page("Theatre/TheMousetrap", MOUSETRAP)
    make_page("Film/Psycho", "Norman runs a motel. [[spoiler:Mother is dead.]]")
    page.goto("/Theatre/TheMousetrap")
    spoilers = page.locator(".page-text .spoiler")
    expect(spoilers).to_have_count(3)
    page.get_by_label("Show spoilers").check()
    expect(page.locator(".page-text .spoiler.revealed")).to_have_count(3)
    assert text_color(spoilers.first) != TRANSPARENT
    page.goto("/Film/Psycho")
    expect(page.get_by_label("Show spoilers")).to_be_checked()
    assert text_color(page.locator(".page-text .spoiler")) != TRANSPARENT
    page.get_by_label("Show spoilers").uncheck()
    assert text_color(page.locator(".page-text .spoiler")) == TRANSPARENT
    page.reload()
    expect(page.get_by_label("Show spoilers")).not_to_be_checked()
    assert text_color(page.locator(".page-text .spoiler")) == TRANSPARENT


def test_account_setting_shows_spoilers(new_context, make_page, make_user, log_in):
    """A reader whose account says "show spoilers" reads them unhidden, switch on."""
    from tropewiki.actions import set_preferences

    make_page("Theatre/TheMousetrap", MOUSETRAP)
    user = make_user()
    set_preferences(user, show_spoilers=True, theme="system")
    page = new_context().new_page()
    log_in(page, user.username)
    page.goto("/Theatre/TheMousetrap")
    expect(page.get_by_label("Show spoilers")).to_be_checked()
    expect(page.locator(".page-text .spoiler:not(.revealed)")).to_have_count(0)
    expect(page.get_by_role("button", name=HIDDEN)).to_have_count(0)
    assert text_color(page.locator(".page-text .spoiler").first) != TRANSPARENT


def test_without_javascript_spoilers_folders_and_notes_still_work(new_context, demo):
    """With JavaScript off, spoilers stay hidden but show while focused (click or Tab), the
    switch shows them all, folders and notes open; the dead "open all" button is not shown."""
    page = new_context(java_script_enabled=False).new_page()
    page.goto("/Film/Nosferatu")
    spoiler = page.locator(".page-text li", has_text="Damsel in Distress").locator(".spoiler")
    assert text_color(spoiler) == TRANSPARENT
    page.locator(".page-text li", has_text="Damsel in Distress").get_by_role("link").focus()
    page.keyboard.press("Tab")
    expect(spoiler).to_be_focused()
    assert text_color(spoiler) != TRANSPARENT
    page.keyboard.press("Tab")
    assert text_color(spoiler) == TRANSPARENT
    page.get_by_label("Show spoilers").check()
    assert text_color(spoiler) != TRANSPARENT

    page.goto("/Main/StarCrossedLovers")
    expect(page.locator(".page-text .folder-control")).to_be_hidden()
    film = page.locator(".page-text details.folder", has_text="Film")
    expect(film.get_by_role("link", name="Metropolis")).to_be_hidden()
    film.locator("summary").click()
    expect(film.get_by_role("link", name="Metropolis")).to_be_visible()
    page.locator("details.note > summary", has_text="Aside").click()
    expect(page.get_by_text("The phrase is astrological.")).to_be_visible()


def test_example_names_never_hidden(page, demo):
    """A work page never hides a trope's name — even one written * [[spoiler:HeroicSacrifice]]:
    … — and a trope page never hides a work's name; only the explanations stay hidden."""
    page.goto("/Film/Nosferatu")
    item = page.locator(".page-text > ul > li", has_text="Sacrifice")
    link = item.get_by_role("link", name="Heroic Sacrifice")
    expect(link).to_be_visible()
    assert link.evaluate("a => !a.closest('.spoiler:not(.revealed)')")
    assert text_color(link) != TRANSPARENT
    assert text_color(item.locator(".spoiler").last) == TRANSPARENT

    page.goto("/Main/HeroicSacrifice")
    page.get_by_role("button", name="Open/Close All Folders").click()
    film = page.locator(".page-text details.folder", has_text="Film")
    expect(film.get_by_role("link", name="Nosferatu")).to_be_visible()
    assert text_color(film.get_by_role("link", name="Nosferatu")) != TRANSPARENT
    assert text_color(film.locator(".spoiler")) == TRANSPARENT


def test_folders_open_close_and_foldercontrol_and_notes_expand_in_place(page, demo):
    """Folders open and close one by one (mouse and keyboard); [[foldercontrol]] opens them all,
    then closes them all; a note opens inside its paragraph."""
    page.goto("/Main/StarCrossedLovers")
    folders = page.locator(".page-text details.folder")
    expect(folders).to_have_count(4)
    for i in range(4):
        expect(folders.nth(i)).not_to_have_attribute("open", "")
    film = folders.filter(has_text="Film")
    film.locator("summary").click()
    expect(film.get_by_role("link", name="Metropolis")).to_be_visible()
    film.locator("summary").focus()
    page.keyboard.press("Enter")
    expect(film.get_by_role("link", name="Metropolis")).to_be_hidden()

    control = page.get_by_role("button", name="Open/Close All Folders")
    control.click()
    for i in range(4):
        expect(folders.nth(i)).to_have_attribute("open", "")
    expect(page.get_by_role("link", name="Romeo and Juliet").last).to_be_visible()
    control.click()
    for i in range(4):
        expect(folders.nth(i)).not_to_have_attribute("open", "")

    paragraph = page.locator(".page-text .para", has_text="Two people fall in love")
    before = paragraph.bounding_box()
    paragraph.locator("details.note > summary").click()
    note = page.get_by_text("The phrase is astrological.")
    expect(note).to_be_visible()
    box, after = note.bounding_box(), paragraph.bounding_box()
    assert after["y"] == before["y"] and after["y"] <= box["y"] <= after["y"] + after["height"]


def test_index_bar_leads_to_the_next_page_and_back(page, demo):
    """The Previous | Index | Next bar links to the neighbours in the index."""
    page.goto("/Main/StarCrossedLovers")
    bars = page.get_by_role("navigation", name="Indexes this page belongs to")
    expect(bars).to_contain_text("Love Tropes")
    bars.get_by_role("link", name="Together in Death").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Together in Death")
    back = page.get_by_role("navigation", name="Indexes this page belongs to")
    back.get_by_role("link", name="Star-Crossed Lovers").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Star-Crossed Lovers")
    page.get_by_role("navigation", name="Indexes this page belongs to").get_by_role(
        "link", name="Love Tropes"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Love Tropes")
