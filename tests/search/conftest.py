"""A small wiki to search: tropes with laconics, works, a redirect."""

from __future__ import annotations

import pytest


@pytest.fixture
def wiki(make_page):
    """Tropes and works whose words are chosen to test ranking, snippets and filters."""
    make_page(
        "Main/StarCrossedLovers",
        "%%title: Star-Crossed Lovers\n"
        "Two lovers kept apart by their feuding families, doomed from the start.\n\n"
        "!!Examples:\n* Theatre/RomeoAndJuliet: The archetype.\n",
    )
    make_page("Laconic/StarCrossedLovers", "Lovers whom fate keeps apart.\n")
    make_page(
        "Main/LoveTriangle",
        "Three people, two of them lovers, one of them jealous of the others.\n",
    )
    make_page(
        "Main/LukeIAmYourFather",
        "%%title: Luke, I Am Your Father\n"
        "A shocking reveal: the main antagonist is the protagonist's parent.\n",
    )
    make_page("Laconic/LukeIAmYourFather", "The villain is the hero's father.\n")
    make_page(
        "Main/EvilUncle",
        "The hero's uncle is a villain who wants the throne for himself.\n",
    )
    make_page(
        "Theatre/RomeoAndJuliet",
        "%%title: Romeo and Juliet\n"
        "Shakespeare's tragedy of 1597 about two young lovers in Verona.\n\n"
        "* StarCrossedLovers: The families hate each other. [[spoiler:Both lovers die.]]\n",
    )
    make_page(
        "Literature/WutheringHeights",
        "%%title: Wuthering Heights\n"
        "A novel of 1847 on the Yorkshire moors: Heathcliff and Catherine are lovers "
        "only in spirit.\n",
    )
    make_page("Main/ThwartedRomance", "[[redirect:Main/StarCrossedLovers]]\n")


@pytest.fixture
def edit(tool):
    """Save new text over a page's current revision (no edit conflict)."""
    from tropewiki.actions import save_page
    from tropewiki.wiki.lookup import get_page

    def edit(address: str, text: str):
        page = get_page(address)
        base = page.current_revision_id if page is not None else None
        return save_page(address, text, tool, base_revision=base).page

    return edit
