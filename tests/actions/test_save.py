"""Saving pages through the one write path: revisions, merges, conflicts, permissions."""

from __future__ import annotations

import pytest

from tropewiki.actions import (
    Actor,
    BadInput,
    EditConflict,
    NotAllowed,
    PageLocked,
    lock_page,
    revert_page,
    save_page,
)
from tropewiki.wiki.lookup import get_page
from tropewiki.wiki.models import Page, Revision

pytestmark = pytest.mark.django_db

BASE = "Line one.\nLine two.\nLine three.\nLine four.\nLine five.\nLine six.\nLine seven.\n"


def test_first_save_creates_page_with_revision_one(editor):
    """A first save creates the page, revision 1, author and display title."""
    result = save_page("Main/AlphaBitch", "A queen bee.", Actor(user=editor))
    assert result.created
    page = Page.objects.get(key="main/alphabitch")
    assert page.title == "Alpha Bitch"
    assert page.page_type == "trope"
    assert page.current_revision.number == 1
    assert page.current_revision.author == editor
    assert page.current_revision.text == "A queen bee.\n"


def test_lookup_ignores_case_spaces_and_dot_form(make_page):
    """Main.X, main/x with spaces and a bare name all find Main/X."""
    page = make_page("Main/AlphaBitch", "Text.")
    for address in ("Main.AlphaBitch", "main/alpha bitch", "AlphaBitch", "MAIN/ALPHABITCH"):
        assert get_page(address).id == page.id


def test_work_namespace_gives_work_type(make_page):
    """A page in a media namespace is a work by default."""
    assert make_page("Literature/NeverLetMeGo", "A novel.").page_type == "work"


def test_second_save_appends_revision_and_keeps_the_first(make_page, editor):
    """Revisions are appended; the earlier text is kept intact."""
    page = make_page("Main/Foo", "Old text.")
    save_page("Main/Foo", "New text.", Actor(user=editor), base_revision=page.current_revision_id)
    texts = list(
        Revision.objects.filter(page=page).order_by("number").values_list("text", flat=True)
    )
    assert texts == ["Old text.\n", "New text.\n"]


def test_null_edit_makes_no_revision(make_page, tool):
    """Saving the same text again records nothing."""
    page = make_page("Main/Foo", "Same.")
    result = save_page("Main/Foo", "Same.", tool, base_revision=page.current_revision_id)
    assert not result.changed
    assert page.revisions.count() == 1


def test_non_overlapping_edits_from_the_same_base_merge(make_page, make_user):
    """Two editors starting from one revision and changing different lines are merged."""
    page = make_page("Main/Foo", BASE)
    base = page.current_revision_id
    first, second = make_user(), make_user()
    save_page(
        "Main/Foo", BASE.replace("Line one.", "Line ONE."), Actor(user=first), base_revision=base
    )
    result = save_page(
        "Main/Foo",
        BASE.replace("Line seven.", "Line SEVEN."),
        Actor(user=second),
        base_revision=base,
    )
    assert result.merged
    text = get_page("Main/Foo").current_revision.text
    assert "Line ONE." in text and "Line SEVEN." in text
    assert result.revision.kind == Revision.Kind.MERGE


def test_overlapping_edits_raise_conflict_and_lose_nothing(make_page, make_user):
    """Overlapping edits: nothing saved, both texts handed back to the editor."""
    page = make_page("Main/Foo", BASE)
    base = page.current_revision_id
    first, second = make_user(), make_user()
    save_page(
        "Main/Foo",
        BASE.replace("Line four.", "Line four, theirs."),
        Actor(user=first),
        base_revision=base,
    )
    with pytest.raises(EditConflict) as caught:
        save_page(
            "Main/Foo",
            BASE.replace("Line four.", "Line four, mine."),
            Actor(user=second),
            base_revision=base,
        )
    conflict = caught.value
    assert "Line four, mine." in conflict.incoming_text
    assert "Line four, theirs." in conflict.current_text
    assert (
        "Line four, mine." in conflict.merged_text and "Line four, theirs." in conflict.merged_text
    )
    assert page.revisions.count() == 2


def test_creating_a_page_someone_else_just_created_conflicts(make_page, editor):
    """A 'new page' save on a page that now exists is merged against nothing: a conflict."""
    make_page("Main/Foo", "Theirs.")
    with pytest.raises(EditConflict):
        save_page("Main/Foo", "Mine.", Actor(user=editor), base_revision=None)


@pytest.mark.parametrize(
    "text, message",
    [("", "cannot be empty"), ("   \n\n", "cannot be empty"), ("a\x00b", "NUL")],
)
def test_bad_text_is_refused_and_nothing_written(editor, text, message):
    """Empty or binary text is refused with a readable message; no page appears."""
    with pytest.raises(BadInput, match=message):
        save_page("Main/Foo", text, Actor(user=editor))
    assert not Page.objects.exists()


@pytest.mark.parametrize("address", ["/", "Nowhere/Thing", "Main/<script>", "Main/" + "A" * 300])
def test_bad_addresses_are_refused(editor, address):
    """Addresses that cannot name a page give BadInput, not an exception from the database."""
    with pytest.raises(BadInput):
        save_page(address, "Text", Actor(user=editor))
    assert not Page.objects.exists()


def test_anonymous_cannot_edit_by_default(db):
    """Editing needs an account unless the wiki is opened."""
    with pytest.raises(NotAllowed, match="Log in"):
        save_page("Main/Foo", "Text", Actor(ip="10.0.0.1"))


def test_open_editing_lets_anonymous_edit_recorded_by_ip(db, settings):
    """With TROPEWIKI_OPEN_EDITING, anonymous edits are recorded under their IP."""
    settings.TROPEWIKI_OPEN_EDITING = True
    result = save_page("Main/Foo", "Text", Actor(ip="192.0.2.7"))
    assert result.revision.author_name == "192.0.2.7"


def test_reader_role_cannot_edit(make_user):
    """A reader account reads but does not edit."""
    reader = make_user("reader")
    with pytest.raises(NotAllowed):
        save_page("Main/Foo", "Text", Actor(user=reader))


def test_locked_page_refuses_editor_and_accepts_moderator(make_page, editor, moderator):
    """A locked page refuses editors; moderators still edit it."""
    page = make_page("Main/Foo", "Text.")
    lock_page(page, Actor(user=moderator), reason="edit war")
    with pytest.raises(PageLocked, match="edit war"):
        save_page("Main/Foo", "Vandal.", Actor(user=editor), base_revision=page.current_revision_id)
    save_page("Main/Foo", "Fixed.", Actor(user=moderator), base_revision=page.current_revision_id)
    assert get_page("Main/Foo").current_revision.text == "Fixed.\n"


def test_editors_cannot_lock(make_page, editor):
    """Locking is for moderators."""
    page = make_page("Main/Foo", "Text.")
    with pytest.raises(NotAllowed):
        lock_page(page, Actor(user=editor))


def test_revert_makes_old_text_current_as_new_revision(make_page, editor, tool):
    """Reverting appends a revision with the old text; history is untouched."""
    page = make_page("Main/Foo", "Good.")
    first = page.current_revision
    save_page("Main/Foo", "Vandalised.", tool, base_revision=first.id)
    result = revert_page(get_page("Main/Foo"), first.id, Actor(user=editor))
    assert result.revision.text == "Good.\n"
    assert result.revision.number == 3
    assert result.revision.kind == Revision.Kind.REVERT


def test_title_directive_sets_display_title(make_page):
    """%%title: on the first lines sets the display title."""
    page = make_page("Theatre/RomeoAndJuliet", "%%title: Romeo and Juliet\nA play.")
    assert page.title == "Romeo and Juliet"


def test_redirect_page_points_at_target(make_page):
    """A page whose text is [[redirect:X]] is an alias of X."""
    target = make_page("Main/StarCrossedLovers", "Doomed love.")
    alias = make_page("Main/DoomedLovers", "[[redirect:Main/StarCrossedLovers]]")
    assert alias.redirect_to_id == target.id
    assert list(target.aliases.all()) == [alias]


def test_redirect_to_missing_page_is_refused(tool, db):
    """A redirect must point at an existing page."""
    with pytest.raises(BadInput, match="no such page"):
        save_page("Main/DoomedLovers", "[[redirect:Main/Nowhere]]", tool)


def test_attribution_is_kept_and_shown(client, tool, db):
    """Imported content keeps its source URL and licence, shown on the page."""
    from tropewiki.actions import Attribution

    url = "https://tvtropes.org/pmwiki/pmwiki.php/Literature/NeverLetMeGo"
    save_page("Literature/NeverLetMeGo", "A novel.", tool, attribution=Attribution(url))
    page = get_page("Literature/NeverLetMeGo")
    assert (page.source_url, page.licence) == (url, "CC BY-NC-SA 3.0")
    html = client.get("/Literature/NeverLetMeGo").content.decode()
    assert url in html and "creativecommons.org/licenses/by-nc-sa/3.0/" in html
