"""Properties over generated input: never raises, well-formed HTML, nothing hostile survives."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tropewiki.markup import (
    HtmlRenderer,
    extract_bullets,
    extract_links,
    parse,
    render,
    sanitize,
)
from tropewiki.markup import inline as inline_module
from tropewiki.markup.inline_syntax import LONG_FORMS_ONLY

MARKUP = [
    "[[",
    "]]",
    "[[spoiler:",
    "[[note]]",
    "[[/note]]",
    "[[labelnote:L]]",
    "[[/labelnote]]",
    "''",
    "'''",
    "'''''",
    "{{",
    "}}",
    "|",
    "[=",
    "=]",
    "[=~",
    "~=]",
    "*",
    "** ",
    "+ ",
    "!",
    "!!",
    "->",
    "-->",
    "----",
    "\n",
    "\n\n",
    "\r\n",
    "[[folder:F]]",
    "[[/folder]]",
    "[[index]]",
    "[[/index]]",
    "[[foldercontrol]]",
    "[[quoteright:350:",
    "[[caption-width-right:350:",
    "%%",
    "\\\\",
    "[[center:",
    "[[indent:3:",
    "[[rtl:",
    "[[strike:",
    "[[AC:",
    "@/",
    "Film/",
    "Main.",
    "AlphaBitch",
    "{{Death Seeker}}s",
    "[[TheDragon ",
    "#",
    " ",
    "[[#a]]",
    "[[https://e.org ",
    "[[http://e.org/]]",
]
HOSTILE = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//x.js>",
    '" onmouseover="alert(1)',
    "' onfocus='x",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "[[javascript:x y]]",
    "[[javascript:alert(1)]]",
    "[[quoteright:350:javascript:alert(1)]]",
    "[[quoteright:350:data:image/svg+xml,x]]",
    "data:text/html;base64,PHNjcmlwdD4=",
    "[[data:text/html,x y]]",
    "<img src=x onerror=alert(1)>",
    "<a href='javascript:x'>y</a>",
    "<style>*{}</style>",
    "<!-- c -->",
    "&",
    "&lt;",
    "<",
    ">",
    '"',
    "'",
    "\x00",
    "\u00a0",
    "vbscript:x",
    '[[https://e.org/" onclick="x y]]',
    "[[https://e.org/a'onclick='x y]]",
    "<svg onload=x>",
    "\u202e",
]
PIECES = st.one_of(
    st.sampled_from(MARKUP),
    st.sampled_from(HOSTILE),
    st.text(max_size=6),
    st.text(alphabet="abAB[]{}'=:/|*!-%~\n ", max_size=10),
)
SOURCES = st.lists(PIECES, max_size=40).map("".join)

VOID = {"br", "hr", "img"}


@pytest.fixture(scope="module")
def monkeypatch_module():
    """A monkeypatch usable from Hypothesis tests (function-scoped fixtures are not)."""
    with pytest.MonkeyPatch.context() as patch:
        yield patch


DANGEROUS_SCHEMES = ("javascript:", "data:", "vbscript:")


class _Checker(HTMLParser):
    """Records tag balance and every attribute of an HTML fragment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes += [(name, value or "") for name, value in attrs]
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            self.errors.append(f"end tag for void <{tag}>")
        elif not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> does not close {self.stack[-1:] or 'anything'}")
        else:
            self.stack.pop()


def check(fragment: str) -> _Checker:
    checker = _Checker()
    checker.feed(fragment)
    checker.close()
    return checker


def assert_well_formed(fragment: str) -> None:
    checker = check(fragment)
    assert not checker.errors, (checker.errors, fragment)
    assert not checker.stack, (checker.stack, fragment)


def assert_harmless(fragment: str) -> None:
    checker = check(fragment)
    assert "script" not in checker.tags and "style" not in checker.tags
    assert "<script" not in fragment.lower()
    for name, value in checker.attributes:
        assert not name.startswith("on"), (name, fragment)
        if name in {"href", "src"}:
            assert not value.strip().lower().startswith(DANGEROUS_SCHEMES), (value, fragment)


FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(SOURCES)
def test_render_never_raises_and_is_well_formed(source: str) -> None:
    """Any input renders to a string of balanced tags."""
    out = render(source)
    assert isinstance(out, str)
    assert_well_formed(out)


@FAST
@given(SOURCES)
def test_nothing_hostile_survives(source: str) -> None:
    """No script element, no event attribute, no javascript:/data: URL in the output."""
    assert_harmless(render(source))


@FAST
@given(SOURCES)
def test_renderer_output_is_well_formed_and_safe_before_sanitising(source: str) -> None:
    """The renderer is safe by construction; the sanitiser is a second line of defence."""
    raw = HtmlRenderer().render_unsanitized(parse(source))
    assert_well_formed(raw)
    assert_harmless(raw)


# Everything but U+00A0, which the sanitiser re-serialises as "&nbsp;" (same text).
_NO_NBSP = [piece for piece in HOSTILE if "\u00a0" not in piece]


@FAST
@given(st.lists(st.one_of(st.sampled_from(MARKUP), st.sampled_from(_NO_NBSP)), max_size=30))
def test_sanitiser_changes_nothing_the_renderer_builds(pieces: list[str]) -> None:
    """The allowlist matches what the renderer emits: sanitising is a no-op on it."""
    raw = HtmlRenderer().render_unsanitized(parse("".join(pieces)))
    assert sanitize(raw) == raw


@FAST
@given(SOURCES)
def test_extractors_never_raise(source: str) -> None:
    """Links and bullets can be read from any document; positions point into the source."""
    doc = parse(source)
    for ref in extract_links(doc):
        assert 0 <= ref.position < len(doc.source)
    for bullet in extract_bullets(doc):
        assert doc.source[bullet.position] in "*+"


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_text_never_raises(source: str) -> None:
    """Unicode of every kind, control characters included."""
    assert_well_formed(render(source))


SHORT_FORM_PIECES = st.one_of(
    st.sampled_from(MARKUP),
    st.sampled_from(["''", "'''", "[[spoiler:", "]]", "[[AlphaBitch ", "[[#a ", " ", "x"]),
    st.sampled_from(["plain words", "FooBar", "Ruth", "Film/", "{{a b}}", "[[https://e.org "]),
)


@FAST
@given(source=st.lists(SHORT_FORM_PIECES, max_size=30).map("".join))
def test_one_token_forms_mean_the_same_as_the_long_forms(
    monkeypatch_module: pytest.MonkeyPatch, source: str
) -> None:
    """``''x''``, ``[[spoiler:x]]``, ``[[Target x]]`` read in one token render as the long way."""
    fast = HtmlRenderer().render_unsanitized(parse(source))
    with monkeypatch_module.context() as patch:
        patch.setattr(inline_module, "INLINE_TOKEN", LONG_FORMS_ONLY)
        slow = HtmlRenderer().render_unsanitized(parse(source))
    assert fast == slow
