"""The speed-ups mean the same as the plain code they stand in for."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tropewiki.markup import DefaultResolver, HtmlRenderer, Resolved, Target, parse
from tropewiki.markup.context import ParseContext
from tropewiki.markup.nodes import Document, Paragraph, WikiLink
from tropewiki.markup.titles import spaced_title, spaced_titles, wikiword_from_words

from .test_markup_properties import SOURCES

FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

NAMES = st.text(alphabet="AbCdxyZ0129é_ \n-", max_size=12)


@FAST
@given(st.lists(NAMES, max_size=8))
def test_spaced_titles_is_spaced_title_of_each_name(names: list[str]) -> None:
    """The one-pass batch gives each name's own title (empty, non-ASCII and odd names too)."""
    assert spaced_titles(names) == [spaced_title(name) for name in names]


def _words_to_name(words: str) -> str:
    """wikiword_from_words as first written: split on blanks and hyphens, drop punctuation."""
    parts = []
    for word in re.split(r"[\s\-]+", words):
        word = re.sub(r"[\W_]+", "", word)
        if word:
            parts.append(word[0].upper() + word[1:])
    return "".join(parts)


@FAST
@given(st.text(alphabet="abAB09 -'_\té.", max_size=20))
def test_wikiword_from_words_fast_path_keeps_the_rule(words: str) -> None:
    assert wikiword_from_words(words) == _words_to_name(words)


def test_context_targets_are_ordinary_targets() -> None:
    """Targets made without __init__ are equal, hashable and frozen like any other."""
    target = ParseContext().target("Film", "TheMatrix", "top")
    assert target == Target("Film", "TheMatrix", "top")
    assert hash(target) == hash(Target("Film", "TheMatrix", "top"))
    with pytest.raises(AttributeError):
        target.name = "Other"  # type: ignore[misc]


class _AskingResolver:
    """DefaultResolver's answers, from a class the renderer does not know (its general path)."""

    def resolve_many(self, targets: Collection[Target]) -> Mapping[Target, Resolved]:
        return DefaultResolver().resolve_many(targets)


@FAST
@given(SOURCES)
def test_default_resolver_shortcut_matches_the_general_path(source: str) -> None:
    doc = parse(source)
    shortcut = HtmlRenderer().render_unsanitized(doc)
    assert shortcut == HtmlRenderer(_AskingResolver()).render_unsanitized(doc)


def test_hand_built_tree_links_render_as_through_the_resolver() -> None:
    """A link whose target is not the document's own object is still asked about (or red)."""
    listed = Target("Main", "AlphaBitch")
    equal_copy = Target("Main", "AlphaBitch")
    unlisted = Target("Main", "NotListed")
    doc = Document(
        [Paragraph([WikiLink(equal_copy, None, 0), " ", WikiLink(unlisted, None, 0)], 0)],
        "",
        [listed],
    )
    expected = (
        '<p><a class="wikilink" href="/Main/AlphaBitch">Alpha Bitch</a> '
        '<a class="wikilink new" href="/Main/NotListed">Not Listed</a></p>\n'
    )
    assert HtmlRenderer().render_unsanitized(doc) == expected
    assert HtmlRenderer(_AskingResolver()).render_unsanitized(doc) == expected


_BULLET_RULE = re.compile(r"[*+]+\s*")


@FAST
@given(st.text(alphabet="*+ \t\u2003\u00a0\u3000xy", min_size=1, max_size=12))
def test_bullet_marker_read_by_string_methods_keeps_the_rule(line: str) -> None:
    """A bullet's text starts where the rule ``[*+]+\\s*`` ends, whatever blanks follow."""
    line = "*" + line
    doc = parse(line)
    items = [item for block in doc.children for item in getattr(block, "items", [])]
    marker = _BULLET_RULE.match(line)
    assert marker is not None
    content = line[marker.end() :].rstrip()
    assert items, line
    assert items[0].source == content
    if content:
        assert "".join(n for n in items[0].children if isinstance(n, str)) == content
