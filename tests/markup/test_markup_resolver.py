"""Red links and the resolver interface the wiki plugs in."""

from __future__ import annotations

from collections.abc import Collection, Mapping

from tropewiki.markup import (
    DefaultResolver,
    HtmlRenderer,
    Resolved,
    Target,
    parse,
    render,
    render_tree,
)


class RecordingResolver:
    """Knows a fixed set of pages; records every call."""

    def __init__(self, existing: dict[Target, str]) -> None:
        self.existing = existing
        self.calls: list[list[Target]] = []

    def resolve_many(self, targets: Collection[Target]) -> Mapping[Target, Resolved]:
        self.calls.append(list(targets))
        return {
            t: Resolved(
                f"/wiki/{t.namespace}/{t.name}", t in self.existing, self.existing.get(t, "?")
            )
            for t in targets
        }


SOURCE = """!!Examples
* AlphaBitch: Ruth, an AlphaBitch again, in Film/TheMatrix.
* {{Death Seeker}}s and [[MissingPage the missing one]].
[[folder:More]]
* [[spoiler:AlphaBitch]] once more
[[/folder]]
"""


def test_resolver_is_asked_once_with_each_target_once() -> None:
    """One call per document, each distinct target once, in order of first appearance."""
    resolver = RecordingResolver({})
    render_tree(parse(SOURCE), resolver)
    assert resolver.calls == [
        [
            Target("Main", "AlphaBitch"),
            Target("Film", "TheMatrix"),
            Target("Main", "DeathSeeker"),
            Target("Main", "MissingPage"),
        ]
    ]


def test_missing_pages_render_red_and_existing_ones_use_the_resolvers_title() -> None:
    """exists=False → class "wikilink new"; a bare WikiWord shows the resolver's title."""
    resolver = RecordingResolver({Target("Main", "AlphaBitch"): "Alpha Bitch (trope)"})
    out = render_tree(parse("AlphaBitch MissingPage"), resolver)
    assert '<a class="wikilink" href="/wiki/Main/AlphaBitch">Alpha Bitch (trope)</a>' in out
    assert '<a class="wikilink new" href="/wiki/Main/MissingPage">?</a>' in out


def test_written_text_is_kept_whatever_the_title() -> None:
    """{{…}} and pothole links show what the writer wrote, not the resolver's title."""
    resolver = RecordingResolver({Target("Main", "DeathSeeker"): "Death Seeker"})
    out = render_tree(parse("{{death seeker}}s [[DeathSeeker this one]]"), resolver)
    assert ">death seekers</a>" in out
    assert ">this one</a>" in out


def test_targets_left_out_by_the_resolver_render_red_at_the_default_address() -> None:
    """A resolver that forgets a target cannot break the page."""

    class Forgetful:
        def resolve_many(self, targets: Collection[Target]) -> Mapping[Target, Resolved]:
            return {}

    out = HtmlRenderer(Forgetful()).render(parse("AlphaBitch"))
    assert out == '<p><a class="wikilink new" href="/Main/AlphaBitch">Alpha Bitch</a></p>\n'


def test_resolver_answers_are_escaped() -> None:
    """A hostile URL or title from the resolver is escaped, then sanitised."""

    class Hostile:
        def resolve_many(self, targets: Collection[Target]) -> Mapping[Target, Resolved]:
            return {
                t: Resolved('javascript:alert(1)" onclick="x', True, "<b>x</b>") for t in targets
            }

    out = render_tree(parse("AlphaBitch"), Hostile())
    assert "javascript:" not in out and "onclick" not in out and "<b>" not in out


def test_default_resolver_treats_everything_as_existing() -> None:
    """render(text) links every page at /Namespace/Name, titled in spaced form."""
    answers = DefaultResolver().resolve_many([Target("Film", "TheLionKing1994", "cast")])
    assert answers == {
        Target("Film", "TheLionKing1994", "cast"): Resolved(
            "/Film/TheLionKing1994#cast", True, "The Lion King 1994"
        )
    }
    assert "wikilink new" not in render(SOURCE)


def test_document_without_links_does_not_call_the_resolver() -> None:
    """No targets, no query."""
    resolver = RecordingResolver({})
    render_tree(parse("just words"), resolver)
    assert resolver.calls == []
