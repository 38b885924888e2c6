"""What the knowledge layer reads from the tree: links, top-level bullets, index regions."""

from __future__ import annotations

import pytest

from tropewiki.markup import (
    Bullet,
    LinkRef,
    Target,
    extract_bullets,
    extract_links,
    index_region_present,
    parse,
)

WORK_PAGE = """Intro mentions AlphaBitch.
!!Examples
* AlphaBitch: Ruth. [[spoiler:She becomes a {{Death Seeker}}.]]
** Sub-bullet about TheDragon.
*** Deeper about FooBar.
* {{Death Seeker}}s: [[spoiler:Everyone in the end.]]
* CycleOfRevenge: [[spoiler: One the villain set up as part of his BatmanGambit.]]
* ''Plain'' text with no link, then [[https://example.org a site]].
[[folder:Film]]
* Film/TheMatrix: a [[TheDragon Mr. [[spoiler:Han]]]] bit.
[[/folder]]
[[index]]
* Literature/NeverLetMeGo
[[folder:Inner]]
* {{The Island}}
[[/folder]]
[[/index]]
"""


@pytest.fixture(scope="module")
def doc():
    return parse(WORK_PAGE)


def test_links_in_document_order_with_positions_and_spoiler_flags(doc) -> None:
    """Every link once, where it starts in the source, flagged when inside a spoiler."""
    links = extract_links(doc)
    assert [(ref.target, ref.in_spoiler) for ref in links] == [
        (Target("Main", "AlphaBitch"), False),
        (Target("Main", "AlphaBitch"), False),
        (Target("Main", "DeathSeeker"), True),
        (Target("Main", "TheDragon"), False),
        (Target("Main", "FooBar"), False),
        (Target("Main", "DeathSeeker"), False),
        (Target("Main", "CycleOfRevenge"), False),
        (Target("Main", "BatmanGambit"), True),
        (None, False),
        (Target("Film", "TheMatrix"), False),
        (Target("Main", "TheDragon"), False),
        (Target("Literature", "NeverLetMeGo"), False),
        (Target("Main", "TheIsland"), False),
    ]
    for ref in links:
        assert WORK_PAGE[ref.position] in "[{ABCDFLT", ref


def test_link_texts_positions_and_external_fields(doc) -> None:
    """Texts are what readers see; external links carry their URL and no target."""
    links = extract_links(doc)
    assert links[0] == LinkRef(Target("Main", "AlphaBitch"), "Alpha Bitch", 15, False, False, "")
    assert links[5].text == "Death Seekers"
    external = links[8]
    assert (external.external, external.url, external.text) == (
        True,
        "https://example.org",
        "a site",
    )
    assert WORK_PAGE[external.position :].startswith("[[https://example.org")
    assert links[10].text == "Mr. Han"
    assert WORK_PAGE[links[10].position :].startswith("[[TheDragon")


def test_top_level_bullets(doc) -> None:
    """Each depth-1 bullet, its first link, folder, index flag and spoiler coverage."""
    bullets = extract_bullets(doc)
    summary = [(b.first_link, b.folder, b.in_index, b.spoiler) for b in bullets]
    assert summary == [
        (Target("Main", "AlphaBitch"), None, False, "partial"),
        (Target("Main", "DeathSeeker"), None, False, "full"),
        (Target("Main", "CycleOfRevenge"), None, False, "full"),
        (None, None, False, "none"),
        (Target("Film", "TheMatrix"), "Film", False, "partial"),
        (Target("Literature", "NeverLetMeGo"), None, True, "none"),
        (Target("Main", "TheIsland"), "Inner", True, "none"),
    ]


def test_bullet_text_children_and_position(doc) -> None:
    """The bullet's own markup, its nested bullets' markup, and where it starts."""
    first = extract_bullets(doc)[0]
    assert first == Bullet(
        first_link=Target("Main", "AlphaBitch"),
        text="AlphaBitch: Ruth. [[spoiler:She becomes a {{Death Seeker}}.]]",
        children=("Sub-bullet about TheDragon.", "Deeper about FooBar."),
        position=WORK_PAGE.index("* AlphaBitch"),
        folder=None,
        in_index=False,
        spoiler="partial",
    )


def test_first_link_ignores_sub_bullets() -> None:
    """A bullet without links of its own has no first link, whatever its children hold."""
    (bullet,) = extract_bullets(parse("* no link here\n** AlphaBitch"))
    assert bullet.first_link is None
    assert bullet.children == ("AlphaBitch",)


def test_first_link_may_sit_inside_formatting() -> None:
    """``* ''Film/TheMatrix'': …`` still names its work."""
    (bullet,) = extract_bullets(parse("* ''Film/TheMatrix'': fine"))
    assert bullet.first_link == Target("Film", "TheMatrix")


@pytest.mark.parametrize(
    "source, coverage",
    [
        ("* AlphaBitch: plain", "none"),
        ("* AlphaBitch: [[spoiler:all of it]]", "full"),
        ("* AlphaBitch: [[spoiler:all of it]].", "full"),
        ("* AlphaBitch: some, [[spoiler:then more]]", "partial"),
        ("* [[spoiler:AlphaBitch: everything]]", "full"),
        ("* [[spoiler:x]] AlphaBitch", "partial"),
    ],
)
def test_spoiler_coverage(source: str, coverage: str) -> None:
    """A leading ``Link:`` label does not count; punctuation outside spoilers does not either."""
    (bullet,) = extract_bullets(parse(source))
    assert bullet.spoiler == coverage


def test_index_region_present() -> None:
    """True only for a terminated ``[[index]]`` region, anywhere in the page."""
    assert index_region_present(parse("[[index]]\n* AlphaBitch\n[[/index]]"))
    assert index_region_present(parse("[[folder:A]]\n[[index]]\n[[/index]]\n[[/folder]]"))
    assert not index_region_present(parse("* AlphaBitch"))
    assert not index_region_present(parse("[[index]]\n* never closed"))


def test_document_targets_match_the_links(doc) -> None:
    """``Document.targets`` is the distinct wiki targets of the links, in first-seen order."""
    seen: list[Target] = []
    for ref in extract_links(doc):
        if ref.target is not None and ref.target not in seen:
            seen.append(ref.target)
    assert doc.targets == seen


def test_unterminated_pothole_leaves_no_target() -> None:
    """A ``[[Target text`` that never closes is literal text, so it links nothing."""
    doc = parse("[[AlphaBitch never closed")
    assert doc.targets == []
    assert extract_links(doc) == []
