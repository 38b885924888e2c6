"""Accessibility: axe-core finds no serious or critical violation on the main page types, in
the light theme, and no contrast failure in the dark one."""

from __future__ import annotations

from tests.browser.helpers import BROWSER_TEST

pytestmark = BROWSER_TEST

PAGES = {
    "home": "/",
    "work": "/Film/Nosferatu",
    "work with examples from trope pages": "/Literature/Frankenstein",
    "trope": "/Main/StarCrossedLovers",
    "trope with examples from work pages": "/Main/CassandraTruth",
    "editor": "/Film/Nosferatu/edit",
    "history": "/Film/Nosferatu/history",
    "diff": "/Film/Nosferatu/diff?from=0&to=1",
    "source": "/Film/Nosferatu/source",
    "related": "/Film/Nosferatu/related",
    "recent changes": "/-/recent",
    "markup cheat sheet": "/-/markup",
    "account": "/-/account",
    "missing page": "/Main/NoSuchTrope",
    "new page": "/-/new",
    "search results": "/-/search?q=vampire",
    "trope finder": "/-/finder?q=the+villain+is+his+father",
    "trope query": "/-/query?q=trope:StarCrossedLovers",
}


def _describe(violations) -> str:
    return "\n".join(
        f"  {v['impact']} {v['id']}: {v['help']} — "
        + "; ".join(str(n["target"]) for n in v["nodes"][:3])
        for v in violations
    )


def test_no_serious_axe_violations(new_context, demo, make_user, log_in, axe_violations):
    """Every main page type, signed in as an editor and with folders open: all axe rules in the
    light theme, colour contrast again in the dark one; also with spoilers shown, the log-in
    form and the edit-conflict screen."""
    page = new_context(color_scheme="light").new_page()
    report = {}

    def check(name: str) -> None:
        page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
        report[name] = axe_violations(page)
        page.evaluate("document.documentElement.dataset.theme = 'dark'")
        report[name + " (dark)"] = axe_violations(page, ["color-contrast"])
        page.evaluate("document.documentElement.dataset.theme = 'light'")

    page.goto("/-/login")
    check("log in")
    log_in(page, make_user().username)
    for name, path in PAGES.items():
        page.goto(path)
        check(name)
    page.goto("/Film/Nosferatu")
    page.get_by_label("Show spoilers").check()
    check("work, spoilers shown")

    from tropewiki.actions import Actor, save_page
    from tropewiki.wiki.lookup import get_page

    page.goto("/Main/ChekhovsGun/edit")
    text = page.get_by_label("Page text").input_value()
    base = get_page("Main/ChekhovsGun").current_revision_id
    save_page("Main/ChekhovsGun", text + "\nTheirs.\n", Actor(user=make_user()), base_revision=base)
    page.get_by_label("Page text").fill(text + "\nMine.\n")
    page.get_by_role("button", name="Save").click()
    page.get_by_role("heading", name="Edit conflict on Main/ChekhovsGun").wait_for()
    check("conflict")

    failures = {name: found for name, found in report.items() if found}
    assert not failures, "\n".join(f"{name}:\n{_describe(v)}" for name, v in failures.items())
