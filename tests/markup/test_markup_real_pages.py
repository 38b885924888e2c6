"""Real material from ../shared: a plain-text page scrape and Oldboy's edit-history diffs."""

from __future__ import annotations

import re
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tropewiki.markup import (
    Target,
    extract_bullets,
    extract_links,
    parse,
    render,
)
from tropewiki.markup.html_renderer import SPOILER_OPEN

SEED = "seed/never-let-me-go.tvtropes.txt"
OLDBOY = "data/tvtropes/tropestogo_html/crawler/oldboy_history.html"

# ---- the seed page ---------------------------------------------------------------------------


def seed_as_markup(text: str) -> str:
    """The scrape as an editor would type it: "  • Trope Name: …" becomes "* {{Trope Name}}: …"."""
    lines = []
    for line in text.splitlines():
        match = re.match(r"\s*•\s*([^:]+?)(:.*)?$", line)
        if match:
            lines.append(f"* {{{{{match.group(1)}}}}}{match.group(2) or ''}")
        else:
            lines.append(line)
    return "\n".join(lines)


@pytest.fixture(scope="module")
def seed_text(shared_file: Callable[[str], Path]) -> str:
    return shared_file(SEED).read_text(encoding="utf-8")


def test_seed_page_renders_as_a_list_of_examples(seed_text: str) -> None:
    """Every example bullet becomes a list item whose lead links to its trope."""
    out = render(seed_as_markup(seed_text))
    assert out.count("<li>") >= 60
    assert "•" not in out
    assert '<li><a class="wikilink" href="/Main/AlphaBitch">Alpha Bitch</a>: Ruth</li>' in out
    assert 'href="/Main/WouldBeRudeToSayGenocide">Would Be Rude to Say "Genocide"</a>' in out


def test_seed_page_bullets_and_links_are_extracted(seed_text: str) -> None:
    """The knowledge layer gets one bullet per example, each led by its trope."""
    doc = parse(seed_as_markup(seed_text))
    bullets = extract_bullets(doc)
    assert len(bullets) >= 60
    assert all(bullet.first_link is not None for bullet in bullets)
    assert bullets[1].first_link == Target("Main", "AlphaBitch")
    assert len({ref.target for ref in extract_links(doc)}) >= 60


def test_seed_plain_text_renders_as_paragraphs(seed_text: str) -> None:
    """Unconverted, the scrape is prose: nothing lost, nothing linked by accident."""
    out = render(seed_text)
    assert "<ul>" not in out
    assert "Never Let Me Go is a 2005 science fiction/romance/drama novel" in out
    assert out.count("<p>") >= 5
    assert 'Would Be Rude to Say "Genocide": People "are completed"' in out


# ---- the Oldboy history ----------------------------------------------------------------------


class _DiffHunks(HTMLParser):
    """The wiki markup of each diff hunk: deleted lines as they were, added lines as they are."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hunks: list[str] = []
        self._parts: list[str] | None = None
        self._kind = ""
        self._depth = 0
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        css = dict(attrs).get("class") or ""
        if self._parts is None:
            if tag == "div" and ("diffadd" in css or "diffdel" in css):
                self._parts, self._kind, self._depth = [], "add" if "diffadd" in css else "del", 0
            else:
                return
        if tag == "div":
            self._depth += 1
            if "down-arrow" in css:
                self._skip += 1
        elif tag == "br":
            self._parts.append("\n")
        elif tag == "del" and self._kind == "add":
            self._skip += 1  # text removed by this edit: not part of the new version

    def handle_endtag(self, tag: str) -> None:
        if self._parts is None:
            return
        if tag == "del" and self._kind == "add":
            self._skip -= 1
        elif tag == "div":
            self._depth -= 1
            if self._depth == 0:
                self.hunks.append("".join(self._parts))
                self._parts, self._skip = None, 0

    def handle_data(self, data: str) -> None:
        if self._parts is not None and not self._skip:
            self._parts.append(data)


@pytest.fixture(scope="module")
def hunks(shared_file: Callable[[str], Path]) -> list[str]:
    parser = _DiffHunks()
    parser.feed(shared_file(OLDBOY).read_text(encoding="utf-8"))
    assert len(parser.hunks) > 40
    return parser.hunks


def hunk_with(hunks: list[str], needle: str) -> str:
    return next(h for h in hunks if needle in h)


def test_every_balanced_spoiler_in_the_history_renders_hidden(hunks: list[str]) -> None:
    """50 real spoilers: each one written on a single line becomes a spoiler span."""
    checked = 0
    for hunk in hunks:
        for line in hunk.splitlines():
            if "[[spoiler:" in line and line.count("[[") == line.count("]]"):
                out = render(line)
                assert out.count('class="spoiler"') == line.count("[[spoiler:"), line
                assert "[[" not in out and "]]" not in out, line
                checked += 1
    assert checked >= 40


def test_oldboy_potholes_and_braces(hunks: list[str]) -> None:
    """{{Mooks}}, potholes with custom text and a WikiWord in one real example."""
    line = hunk_with(hunks, "* UnskilledButStrong: Oh Dae-su's self-taught")
    out = render(line)
    assert '<a class="wikilink" href="/Main/UnskilledButStrong">Unskilled But Strong</a>' in out
    assert '<a class="wikilink" href="/Main/Mooks">Mooks</a>' in out
    assert '<a class="wikilink" href="/Main/CurbStompBattle">thoroughly trounced</a>' in out
    assert '<a class="wikilink" href="/Main/TheDragon">Mr. Han</a>' in out
    assert '<a class="wikilink" href="/Main/InvulnerableKnuckles">' in out


def test_oldboy_link_with_suffix_inside_a_spoiler(hunks: list[str]) -> None:
    """Theatre/{{Oedipus|TheKing}} inside a spoiler: shows "Oedipus", is flagged as spoilered."""
    line = hunk_with(hunks, "The tragic hero in Greek mythology").splitlines()[0]
    doc = parse(line)
    refs = {ref.target: ref for ref in extract_links(doc)}
    oedipus = refs[Target("Theatre", "OedipusTheKing")]
    assert oedipus.in_spoiler and oedipus.text == "Oedipus"
    assert not refs[Target("Main", "MeaningfulName")].in_spoiler
    assert '<a class="wikilink" href="/Theatre/OedipusTheKing">Oedipus</a>' in render(line)


def test_oldboy_pothole_nested_in_a_spoiler(hunks: list[str]) -> None:
    """A pothole inside a spoiler; the whole explanation is spoilered."""
    line = next(
        h
        for h in hunks
        if "MyGirlIsNotASlut calling his sister a whore" in h and "Sacrificial" in h
    )
    out = render(line)
    assert out.startswith('<ul><li><a class="wikilink" href="/Main/SacrificialLion">')
    assert f": {SPOILER_OPEN} Joo-hwan" in out
    assert '<a class="wikilink" href="/Main/MyGirlIsNotASlut">calling his sister a whore</a>' in out
    (bullet,) = extract_bullets(parse(line))
    assert bullet.spoiler == "full"
    assert bullet.first_link == Target("Main", "SacrificialLion")


def test_oldboy_sub_bullets(hunks: list[str]) -> None:
    """`* {{Foreshadowing}}:` followed by a `**` line nests the example under the trope."""
    hunk = hunk_with(hunks, "* {{Foreshadowing}}: \n**")
    (bullet,) = extract_bullets(parse(hunk))
    assert bullet.first_link == Target("Main", "Foreshadowing")
    assert bullet.children[0].startswith("When Mr. Han gives Park a box full of cash")
    assert "<ul><li>When Mr. Han gives Park" in render(hunk)


def test_oldboy_quote_with_bold_spoiler(hunks: list[str]) -> None:
    """`--> '''[[spoiler:Woo-jin]]''': …` is an indented quote line with a hidden speaker."""
    hunk = hunk_with(hunks, "* AndThenWhat:")
    out = render(hunk)
    assert (
        f'<blockquote class="quote"><p class="quote-indent-2"><strong>{SPOILER_OPEN}Woo-jin'
        "</span></strong>: Now...<em>what will I live for?</em></p></blockquote>"
    ) in out


def test_oldboy_line_break_markup(hunks: list[str]) -> None:
    """`''[later] during the NearRapeExperience''\\\\` keeps its italics and break."""
    hunk = hunk_with(hunks, "during the NearRapeExperience")
    out = render(hunk)
    assert (
        '<em>[later] during the <a class="wikilink" href="/Main/NearRapeExperience">'
        "Near Rape Experience</a></em><br><br>"
    ) in out


def test_whole_history_renders(hunks: list[str]) -> None:
    """All hunks together: no markup left over except where a spoiler spans two lines."""
    out = render("\n\n".join(hunks))
    assert out.count("<li>") >= 60
    assert out.count("[[spoiler:") <= 1
