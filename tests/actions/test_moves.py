"""Renaming, cutting and restoring pages: links keep working, history and subpages follow."""

from __future__ import annotations

import pytest

from tropewiki.actions import (
    Actor,
    AlreadyExists,
    BadInput,
    NotAllowed,
    cut_page,
    rename_page,
    restore_page,
    save_page,
)
from tropewiki.knowledge.models import Link
from tropewiki.wiki.lookup import follow_redirects, get_page

pytestmark = pytest.mark.django_db


def test_rename_keeps_history_and_leaves_redirect(make_page, editor):
    """The page keeps its id and history; the old name redirects to the new one."""
    page = make_page("Main/OldName", "Text.")
    result = rename_page(page, "Main/NewName", Actor(user=editor), reason="clearer")
    moved = get_page("Main/NewName")
    assert moved.id == page.id
    assert [r.number for r in moved.revisions.order_by("number")] == [1, 2]
    old = get_page("Main/OldName")
    assert old.redirect_to_id == page.id
    assert follow_redirects(old).id == page.id
    assert result.old_path == "Main/OldName"


def test_rename_keeps_links_working(make_page, editor):
    """A page linking to the old name still reaches the renamed page."""
    page = make_page("Main/OldName", "Text.")
    linker = make_page("Main/Linker", "See OldName for more.")
    rename_page(page, "Main/NewName", Actor(user=editor))
    link = Link.objects.get(source=linker)
    assert follow_redirects(link.target).id == page.id


def test_rename_turns_red_links_to_new_name_blue(make_page, editor):
    """Links already written to the new name resolve once the page arrives there."""
    page = make_page("Main/OldName", "Text.")
    linker = make_page("Main/Linker", "See NewName for more.")
    assert Link.objects.get(source=linker).target_id is None
    rename_page(page, "Main/NewName", Actor(user=editor))
    assert Link.objects.get(source=linker).target_id == page.id


def test_rename_moves_subpages(make_page, editor):
    """YMMV/ and Trivia/ pages of a work move with it."""
    work = make_page("Literature/OldBook", "A book.")
    make_page("YMMV/OldBook", "Opinions.")
    make_page("Trivia/OldBook", "Facts.")
    result = rename_page(work, "Literature/NewBook", Actor(user=editor))
    assert sorted(result.moved_subpages) == [
        ("Trivia/OldBook", "Trivia/NewBook"),
        ("YMMV/OldBook", "YMMV/NewBook"),
    ]
    assert get_page("YMMV/NewBook").current_revision.text == "Opinions.\n"
    assert get_page("YMMV/OldBook").redirect_to.path == "YMMV/NewBook"


def test_rename_onto_existing_page_is_refused(make_page, editor):
    """Renaming over another page is refused and changes nothing."""
    page = make_page("Main/OldName", "Text.")
    make_page("Main/Taken", "Other.")
    with pytest.raises(AlreadyExists):
        rename_page(page, "Main/Taken", Actor(user=editor))
    assert get_page("Main/OldName").id == page.id


def test_rename_back_over_its_own_redirect(make_page, editor):
    """Undoing a rename reuses the untouched redirect's name."""
    page = make_page("Main/OldName", "Text.")
    rename_page(page, "Main/NewName", Actor(user=editor))
    rename_page(get_page("Main/NewName"), "Main/OldName", Actor(user=editor))
    assert get_page("Main/OldName").id == page.id
    assert get_page("Main/NewName").redirect_to_id == page.id


def test_anonymous_cannot_rename(make_page):
    """Renaming needs an editor account."""
    page = make_page("Main/OldName", "Text.")
    with pytest.raises(NotAllowed):
        rename_page(page, "Main/NewName", Actor(ip="10.0.0.1"))


def test_cut_hides_page_unlinks_and_restore_brings_back(make_page, moderator):
    """Cutting hides a page and turns links to it red; restoring undoes both."""
    page = make_page("Main/DoomedTrope", "Text.")
    linker = make_page("Main/Linker", "See DoomedTrope.")
    cut_page(page, Actor(user=moderator), reason="duplicate")
    assert get_page("Main/DoomedTrope") is None
    assert get_page("Main/DoomedTrope", include_deleted=True).delete_reason == "duplicate"
    assert Link.objects.get(source=linker).target_id is None
    restore_page(get_page("Main/DoomedTrope", include_deleted=True), Actor(user=moderator))
    assert get_page("Main/DoomedTrope").current_revision.text == "Text.\n"
    assert Link.objects.get(source=linker).target_id == page.id


def test_cut_needs_moderator_and_reason(make_page, editor, moderator):
    """Editors cannot cut; a cut needs a reason."""
    page = make_page("Main/DoomedTrope", "Text.")
    with pytest.raises(NotAllowed):
        cut_page(page, Actor(user=editor), reason="x")
    with pytest.raises(BadInput):
        cut_page(page, Actor(user=moderator), reason=" ")


def test_editor_cannot_recreate_cut_page(make_page, moderator, editor):
    """A cut page can only come back through a moderator."""
    page = make_page("Main/DoomedTrope", "Text.")
    cut_page(page, Actor(user=moderator), reason="spam")
    with pytest.raises(NotAllowed, match="cut"):
        save_page("Main/DoomedTrope", "Again.", Actor(user=editor))
