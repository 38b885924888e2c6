"""Reading, editing and history through the web interface (Django test client)."""

from __future__ import annotations

import re

import pytest

from tropewiki.actions import Actor, save_page
from tropewiki.wiki.lookup import get_page

pytestmark = pytest.mark.django_db


def test_page_view_shows_title_and_rendered_text(client, make_page):
    """A page shows its title and its markup rendered with links."""
    make_page("Main/StarCrossedLovers", "Lovers doomed by fate. See also DownerEnding.")
    response = client.get("/Main/StarCrossedLovers")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Star Crossed Lovers</h1>" in html
    assert 'href="/Main/DownerEnding"' in html


def test_red_link_to_missing_page_and_blue_once_created(client, make_page):
    """A link to a missing page is red; creating the page turns it blue on the next view."""
    make_page("Main/StarCrossedLovers", "See also DownerEnding.")
    html = client.get("/Main/StarCrossedLovers").content.decode()
    assert re.search(
        r'<a[^>]*class="[^"]*\bnew\b[^"]*"[^>]*href="/Main/DownerEnding"|href="/Main/DownerEnding"[^>]*class="[^"]*\bnew\b',
        html,
    )
    make_page("Main/DownerEnding", "Sad.")
    html = client.get("/Main/StarCrossedLovers").content.decode()
    assert not re.search(
        r'class="[^"]*\bnew\b[^"]*"[^>]*href="/Main/DownerEnding"|href="/Main/DownerEnding"[^>]*class="[^"]*\bnew\b',
        html,
    )


def test_non_canonical_address_redirects_to_canonical(client, make_page):
    """/main/alphabitch and /Main.AlphaBitch lead to /Main/AlphaBitch."""
    make_page("Main/AlphaBitch", "Text.")
    assert client.get("/main/alphabitch")["Location"] == "/Main/AlphaBitch"
    assert client.get("/Main.AlphaBitch")["Location"] == "/Main/AlphaBitch"
    assert client.get("/AlphaBitch")["Location"] == "/Main/AlphaBitch"


def test_unknown_page_offers_create(editor_client):
    """A missing page answers 404 with a link to create it."""
    response = editor_client.get("/Main/NoSuchTrope")
    assert response.status_code == 404
    assert 'href="/Main/NoSuchTrope/edit"' in response.content.decode()


def test_unknown_page_asks_anonymous_to_log_in(client, db):
    """Anonymous readers are offered a log in to create."""
    response = client.get("/Main/NoSuchTrope")
    assert response.status_code == 404
    assert "/-/login?next=/Main/NoSuchTrope/edit" in response.content.decode()


def test_redirect_shows_aka_and_target_lists_alternative_titles(client, make_page):
    """Arriving through an alias shows 'aka' and the target lists its alternative titles."""
    make_page("Main/StarCrossedLovers", "Doomed love.")
    make_page("Main/DoomedLovers", "[[redirect:Main/StarCrossedLovers]]")
    response = client.get("/Main/DoomedLovers", follow=True)
    html = response.content.decode()
    assert response.redirect_chain[-1][0].startswith("/Main/StarCrossedLovers?from=")
    assert "aka:" in html and "Doomed Lovers" in html
    assert "Alternative Title(s): Doomed Lovers" in html


def test_edit_form_and_save(editor_client, make_page):
    """The editor shows the text, the licence notice and markup help; saving records a revision."""
    page = make_page("Main/Foo", "Old text.")
    form = editor_client.get("/Main/Foo/edit").content.decode()
    assert "Old text." in form and "licen" in form and "/-/markup" in form
    response = editor_client.post(
        "/Main/Foo/edit",
        {"text": "New text.", "reason": "tidy", "base_revision": page.current_revision_id},
    )
    assert response.status_code == 302
    page = get_page("Main/Foo")
    assert page.current_revision.text == "New text.\n"
    assert page.current_revision.reason == "tidy"


def test_preview_renders_without_saving(editor_client, make_page):
    """Preview shows the rendered text and saves nothing."""
    page = make_page("Main/Foo", "Old.")
    response = editor_client.post(
        "/Main/Foo/edit",
        {"text": "'''Bold''' new.", "preview": "1", "base_revision": page.current_revision_id},
    )
    assert "<strong>Bold</strong>" in response.content.decode()
    assert get_page("Main/Foo").current_revision.text == "Old.\n"


def test_live_preview_endpoint_renders_fragment(editor_client):
    """The live preview endpoint answers sanitised HTML."""
    response = editor_client.post("/-/preview", {"text": "''hi'' <script>alert(1)</script>"})
    html = response.content.decode()
    assert "<em>hi</em>" in html and "<script" not in html


def test_edit_conflict_screen_keeps_both_texts(editor_client, make_page, make_user):
    """An overlapping edit shows the conflict screen with both versions; nothing is saved."""
    page = make_page("Main/Foo", "One.\nTwo.\nThree.\n")
    base = page.current_revision_id
    save_page(
        "Main/Foo", "One.\nTwo, theirs.\nThree.\n", Actor(user=make_user()), base_revision=base
    )
    response = editor_client.post(
        "/Main/Foo/edit", {"text": "One.\nTwo, mine.\nThree.\n", "base_revision": base}
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "Two, mine." in html and "Two, theirs." in html
    assert get_page("Main/Foo").current_revision.text == "One.\nTwo, theirs.\nThree.\n"


def test_anonymous_post_is_refused(client, make_page):
    """An anonymous edit POST is refused and changes nothing."""
    page = make_page("Main/Foo", "Text.")
    response = client.post(
        "/Main/Foo/edit", {"text": "Vandal", "base_revision": page.current_revision_id}
    )
    assert response.status_code in (302, 403)
    assert get_page("Main/Foo").current_revision.text == "Text.\n"


def test_post_without_csrf_token_is_refused(editor, make_page):
    """Forms are protected against cross-site requests."""
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    page = make_page("Main/Foo", "Text.")
    response = client.post(
        "/Main/Foo/edit", {"text": "Forged", "base_revision": page.current_revision_id}
    )
    assert response.status_code == 403
    assert "Form expired" in response.content.decode()
    assert get_page("Main/Foo").current_revision.text == "Text.\n"


@pytest.mark.parametrize(
    "path, data",
    [
        ("/Main/Foo/edit", {"text": "x", "base_revision": "not-a-number"}),
        ("/Main/Foo/edit", {"text": "", "base_revision": ""}),
        ("/Main/Foo/revert", {"revision": "abc"}),
        ("/Main/Foo/revert", {"revision": "999"}),
    ],
)
def test_malformed_requests_get_clear_4xx(editor_client, make_page, path, data):
    """Malformed form data gets a readable 4xx page, not a traceback."""
    make_page("Main/Foo", "Text.")
    response = editor_client.post(path, data)
    assert 400 <= response.status_code < 500
    assert "Traceback" not in response.content.decode()
    assert get_page("Main/Foo").current_revision.text == "Text.\n"


def test_malformed_diff_parameters_get_4xx(client, make_page):
    """A diff with nonsense revision numbers is a 4xx page."""
    make_page("Main/Foo", "Text.")
    assert client.get("/Main/Foo/diff?from=x&to=y").status_code == 400
    assert client.get("/Main/Foo/diff?from=1&to=99").status_code == 404


def test_history_lists_revisions_with_authors_and_sizes(client, make_page, editor):
    """History shows each revision, its author, reason and size change."""
    page = make_page("Main/Foo", "Short.")
    save_page(
        "Main/Foo",
        "Much longer text.",
        Actor(user=editor),
        reason="expand",
        base_revision=page.current_revision_id,
    )
    html = client.get("/Main/Foo/history").content.decode()
    assert editor.username in html and "expand" in html and "+11" in html


def test_diff_shows_line_and_word_changes(client, make_page, tool):
    """The diff marks the changed word inside the changed line."""
    page = make_page("Main/Foo", "The quick fox.\nSecond line.\n")
    save_page(
        "Main/Foo", "The slow fox.\nSecond line.\n", tool, base_revision=page.current_revision_id
    )
    html = client.get("/Main/Foo/diff?from=1&to=2").content.decode()
    assert "<del>quick</del>" in html and "<ins>slow</ins>" in html


def test_revert_from_history(editor_client, make_page, tool):
    """Reverting from history restores the old text as a new revision."""
    page = make_page("Main/Foo", "Good.")
    save_page("Main/Foo", "Bad.", tool, base_revision=page.current_revision_id)
    response = editor_client.post("/Main/Foo/revert", {"revision": 1})
    assert response.status_code == 302
    assert get_page("Main/Foo").current_revision.text == "Good.\n"


def test_source_view_shows_markup(client, make_page):
    """The source view shows the markup, escaped, and as plain text on request."""
    make_page("Main/Foo", "'''Bold''' <b>")
    assert (
        "&#39;&#39;&#39;Bold&#39;&#39;&#39; &lt;b&gt;"
        in client.get("/Main/Foo/source").content.decode()
    )
    raw = client.get("/Main/Foo/source?raw=1")
    assert (
        raw["Content-Type"].startswith("text/plain") and raw.content.decode() == "'''Bold''' <b>\n"
    )


def test_old_revision_view(client, make_page, tool):
    """An old revision can be read as it was."""
    page = make_page("Main/Foo", "First words.")
    save_page("Main/Foo", "Second words.", tool, base_revision=page.current_revision_id)
    html = client.get("/Main/Foo/revision/1").content.decode()
    assert "First words." in html and "revision 1" in html


def test_recent_changes_lists_edits(client, make_page):
    """Recent changes lists the newest edits first."""
    make_page("Main/Alpha", "A.")
    make_page("Main/Beta", "B.")
    html = client.get("/-/recent").content.decode()
    assert html.index("Main/Beta") < html.index("Main/Alpha")


def test_random_page_redirects_to_a_page_of_that_type(client, make_page):
    """Random trope leads to a trope; random work to a work."""
    make_page("Main/Alpha", "A.")
    make_page("Film/Metropolis", "A film.")
    assert client.get("/-/random?type=trope")["Location"] == "/Main/Alpha"
    assert client.get("/-/random?type=work")["Location"] == "/Film/Metropolis"
    assert client.get("/-/random?type=bogus").status_code == 400


def test_what_links_here_with_namespace_filter(client, make_page):
    """The related page lists linking pages, counts per namespace, and filters."""
    make_page("Main/StarCrossedLovers", "Doomed.")
    make_page("Main/DoomedLovers", "[[redirect:Main/StarCrossedLovers]]")
    make_page("Theatre/RomeoAndJuliet", "* StarCrossedLovers: the title pair.")
    make_page("Main/LoveTriangle", "Compare DoomedLovers.")
    html = client.get("/Main/StarCrossedLovers/related").content.decode()
    assert "Theatre/RomeoAndJuliet" in html and "Main/LoveTriangle" in html
    assert "via Main/DoomedLovers" in html
    assert "Theatre (1)" in html
    filtered = client.get("/Main/StarCrossedLovers/related?namespace=Theatre").content.decode()
    assert "Theatre/RomeoAndJuliet" in filtered and "Main/LoveTriangle" not in filtered


def test_json_twin(client, make_page):
    """Every page has a JSON twin."""
    make_page("Main/StarCrossedLovers", "Doomed.")
    make_page("Main/DoomedLovers", "[[redirect:Main/StarCrossedLovers]]")
    data = client.get("/Main/StarCrossedLovers.json").json()
    assert data["namespace"] == "Main" and data["name"] == "StarCrossedLovers"
    assert data["title"] == "Star Crossed Lovers" and data["type"] == "trope"
    assert data["revision"] == 1 and data["aliases"] == ["Main/DoomedLovers"]
    assert client.get("/Main/Nothing.json").status_code == 404
    refused = client.get("/Nowhere/Thing.json")
    assert refused.status_code == 400
    assert refused.json() == {"error": "There is no namespace called 'Nowhere'."}


def test_moderator_locks_from_page(moderator_client, make_page):
    """Moderators lock and unlock from the page's tools."""
    make_page("Main/Foo", "Text.")
    moderator_client.post("/Main/Foo/lock", {"reason": "vandalism"})
    assert get_page("Main/Foo").is_locked
    moderator_client.post("/Main/Foo/lock", {"action": "unlock"})
    assert not get_page("Main/Foo").is_locked


def test_editor_cannot_lock_from_page(editor_client, make_page):
    """An editor's lock request is refused with 403."""
    make_page("Main/Foo", "Text.")
    assert editor_client.post("/Main/Foo/lock", {"reason": "mine"}).status_code == 403
    assert not get_page("Main/Foo").is_locked


def test_locked_page_editor_gets_403_on_edit(editor_client, make_page, moderator):
    """A locked page's editor is refused to editors, with the reason."""
    from tropewiki.actions import lock_page

    page = make_page("Main/Foo", "Text.")
    lock_page(page, Actor(user=moderator), reason="settled")
    response = editor_client.get("/Main/Foo/edit")
    assert response.status_code == 403


def test_locked_page_refuses_an_editors_save(editor_client, make_page, moderator):
    """Posting a save to a locked page is refused with the reason, and nothing is saved."""
    from tropewiki.actions import lock_page

    page = make_page("Main/Foo", "Text.")
    lock_page(page, Actor(user=moderator), reason="settled")
    response = editor_client.post(
        "/Main/Foo/edit",
        {"text": "Vandalised.", "base_revision": page.current_revision_id},
    )
    assert response.status_code == 403
    assert "settled" in response.content.decode()
    assert get_page("Main/Foo").current_revision.text.strip() == "Text."


def test_reader_cannot_save(client, make_page, make_user):
    """A reader's save is refused with a message, and nothing is saved."""
    page = make_page("Main/Foo", "Text.")
    client.force_login(make_user("reader"))
    response = client.post(
        "/Main/Foo/edit", {"text": "Changed.", "base_revision": page.current_revision_id}
    )
    assert response.status_code == 403
    assert "may read but not edit" in response.content.decode()
    assert get_page("Main/Foo").current_revision.text.strip() == "Text."


def test_rename_through_web(editor_client, make_page):
    """Renaming from the page's tools moves it and redirects the old name."""
    make_page("Main/OldName", "Text.")
    response = editor_client.post("/Main/OldName/rename", {"new": "Main/NewName", "subpages": "1"})
    assert response["Location"] == "/Main/NewName"
    assert get_page("Main/OldName").redirect_to.path == "Main/NewName"


def test_cut_page_view_and_restore(moderator_client, make_page, client):
    """A cut page answers 404 with its reason; a moderator restores it."""
    make_page("Main/Foo", "Text.")
    moderator_client.post("/Main/Foo/cut", {"reason": "duplicate"})
    response = client.get("/Main/Foo")
    assert response.status_code == 404 and "duplicate" in response.content.decode()
    assert "Main/Foo" in client.get("/-/cutlist").content.decode()
    moderator_client.post("/Main/Foo/cut", {"action": "restore"})
    assert client.get("/Main/Foo").status_code == 200


def test_home_page_counts_and_links(client, make_page):
    """The front page welcomes and counts tropes and works."""
    make_page("Main/Alpha", "A.")
    html = client.get("/").content.decode()
    assert "1 tropes" in html or "1 trope" in html


def test_saving_with_conflict_markers_left_is_refused(editor_client, make_page):
    """Text that still holds conflict markers is not saved; the editor says why."""
    page = make_page("Main/Foo", "One.\n")
    text = "<<<<<<< current\nTheirs.\n=======\nMine.\n>>>>>>> incoming\n"
    response = editor_client.post(
        "/Main/Foo/edit", {"text": text, "base_revision": page.current_revision_id}
    )
    assert response.status_code == 400
    assert "conflict markers" in response.content.decode()
    assert get_page("Main/Foo").current_revision.text == "One.\n"


def test_editor_names_the_content_licence(editor_client, make_page, settings):
    """The editor's notice names the wiki's content licence with a link to it."""
    settings.TROPEWIKI_CONTENT_LICENCE = "CC0 1.0"
    settings.TROPEWIKI_CONTENT_LICENCE_URL = "https://creativecommons.org/publicdomain/zero/1.0/"
    make_page("Main/Foo", "One.")
    html = editor_client.get("/Main/Foo/edit").content.decode()
    assert 'href="https://creativecommons.org/publicdomain/zero/1.0/" rel="license">CC0 1.0' in html


def test_a_host_not_allowed_gets_the_400_page_not_a_crash(make_page):
    """A request for a host the wiki does not serve is refused with a clear 400 page (it is
    refused before the reader is known: the page must not need one)."""
    from django.test import Client

    make_page("Main/AlphaBitch", "A trope.\n")
    response = Client(raise_request_exception=False).get(
        "/Main/AlphaBitch", HTTP_HOST="evil.example"
    )
    assert response.status_code == 400
    assert "could not be understood" in response.content.decode()
