"""TV Tropes HTML pages become faithful markup: links, spoilers, folders, notes, bars, aliases."""

from __future__ import annotations

import re

import pytest
from django.core.management import CommandError, call_command
from lxml import html

from tests.conftest import shared_path
from tropewiki.io.html_body import body_markup
from tropewiki.io.text import address_from_url, decode
from tropewiki.io.tvtropes_html import BrokenPage, NotAnArticle, read_tvtropes_html
from tropewiki.knowledge.indexes import index_bars
from tropewiki.knowledge.models import ExampleSource
from tropewiki.markup import extract_bullets, extract_links, parse
from tropewiki.wiki.lookup import get_page
from tropewiki.wiki.models import Page


def _page(*parts: str):
    path = shared_path("data", "tvtropes", *parts)
    return read_tvtropes_html(path.read_bytes(), path.name, set()), path


def _html_links(path) -> list[tuple[str, str] | str]:
    """The wiki and web links of the article body, in order (ads and videos left out)."""
    doc = html.document_fromstring(decode(path.read_bytes()))
    article = doc.xpath("//*[@id='main-article']")[0]
    found: list[tuple[str, str] | str] = []
    for anchor in article.iter("a"):
        if anchor.xpath("ancestor::*[contains(@class, 'video-examples')]"):
            continue
        if "urllink" in (anchor.get("class") or ""):
            found.append("external")
            continue
        address = address_from_url(anchor.get("href") or "")
        if address and anchor.text_content().strip():
            found.append((address[0].lower(), address[1].lower()))
    return found


@pytest.mark.parametrize(
    "parts",
    [
        ("tropestogo_html", "scraper", "oldboy2003.html"),
        ("tropestogo_html", "scraper", "anewhope.html"),
        ("tropestogo_html", "scraper", "theavengers_tropesAtoD.html"),
        ("tropestogo_html", "scraper", "oldboy_ymmv.html"),
        ("tropestogo_html", "crawler", "film1.html"),
        ("tvtropes_books_samples", "Literature_AkataWitch.html"),
    ],
)
def test_markup_links_the_same_pages_in_the_same_order(parts):
    """Every twikilink and urllink of the page comes back as a link, in document order."""
    page, path = _page(*parts)
    ours = [
        "external" if ref.external else (ref.target.namespace.lower(), ref.target.name.lower())
        for ref in extract_links(parse(page.text))
    ]
    assert ours == _html_links(path)


@pytest.mark.parametrize(
    "parts, spoilers, folders, notes",
    [
        (("tropestogo_html", "scraper", "oldboy2003.html"), 91, 0, 0),
        (("tropestogo_html", "scraper", "anewhope.html"), 0, 10, 10),
        (("tropestogo_html", "scraper", "theavengers_tropesAtoD.html"), 134, 5, None),
        (("tvtropes_books_samples", "Literature_AkataWitch.html"), 23, 0, 0),
    ],
)
def test_spoilers_folders_and_notes_survive(parts, spoilers, folders, notes):
    """As many spoilers, folders and notes as the HTML has (counts from pages_index.json)."""
    page, _ = _page(*parts)
    assert page.text.count("[[spoiler:") == spoilers
    assert page.text.count("[[folder:") == folders == page.text.count("[[/folder]]")
    if notes is not None:
        assert page.text.count("[[note]]") + page.text.count("[[labelnote:") == notes


def test_oldboy_page_address_title_examples_and_bars():
    """Film/Oldboy2003: its title, a spoilered example, an indented quote and six bars."""
    page, _ = _page("tropestogo_html", "scraper", "oldboy2003.html")
    assert (page.namespace, page.name) == ("Film", "Oldboy2003")
    assert page.text.startswith("%%title: Oldboy (2003)\n")
    assert page.source_url == "https://tvtropes.org/pmwiki/pmwiki.php/Film/Oldboy2003"
    lines = page.text.splitlines()
    assert "* {{Age-Gap Romance}}: While Oh Dae-su isn't a senior citizen (so " in "\n".join(lines)
    assert any(line.endswith("[[spoiler: And he is.]]") for line in lines)
    assert "->''\"Laugh and the world laughs with you. Weep and you weep alone.\"''" in lines
    assert "!!The film provides examples of:" in lines
    bullets = {b.first_link.name for b in extract_bullets(parse(page.text)) if b.first_link}
    assert {"AdaptationalLocationChange", "AmbiguousEnding", "AwfulTruth"} <= bullets
    assert len(page.bars) == 6
    sundance = page.bars[0]
    assert (sundance.previous.path, sundance.index.path, sundance.next.path) == (
        "Film/OJMadeInAmerica",
        "UsefulNotes/Sundance",
        "Film/OneHourPhoto",
    )


def test_a_new_hope_folders_notes_and_aliases():
    """Film/ANewHope: folder titles, a note in the caption, three alternative titles."""
    page, _ = _page("tropestogo_html", "scraper", "anewhope.html")
    assert "[[foldercontrol]]" in page.text
    assert "[[folder:Tropes # to B]]" in page.text and "[[folder:Tropes C to D]]" in page.text
    assert "[[note]]Clockwise from top right: [[EvilOverlord Darth]]" in page.text
    assert "[[https://www.youtube.com/watch?v=vLgsf8Pei6Q first scene]]" in page.text
    assert [a.path for a in page.aliases] == [
        "Film/StarWarsANewHope",
        "Film/StarWarsEpisodeIVANewHope",
        "Film/StarWars1977",
    ]
    assert "** Seemingly done straight, with the Death Star trench run" in page.text


def test_split_page_knows_its_work():
    """TheAvengers/TropesAToD is a split subpage of Film/TheAvengers2012."""
    page, _ = _page("tropestogo_html", "scraper", "theavengers_tropesAtoD.html")
    assert (page.namespace, page.name) == ("TheAvengers", "TropesAToD")
    assert page.work_hint is not None and page.work_hint.path == "Film/TheAvengers2012"
    assert "[[folder:A]]" in page.text and "* ActionGirl: Black Widow and Maria Hill" in page.text


@pytest.mark.parametrize(
    "name, reason",
    [("film_index_page1.html", "page listing"), ("oldboy_history.html", "edit history")],
)
def test_listing_and_history_pages_are_not_articles(name, reason):
    """The namespace listing and the edit history are recognised and skipped, not imported."""
    with pytest.raises(NotAnArticle, match=reason):
        _page("tropestogo_html", "crawler", name)


@pytest.mark.parametrize(
    "body, markup",
    [
        ("<p>Plain McDonald text</p>", "Plain [=McDonald=] text\n"),
        (
            "<ul><li><a class='twikilink' href='/pmwiki/pmwiki.php/Main/AlphaBitch'>Alpha Bitch"
            "</a>: <em>Ruth</em>'s <span class='spoiler'>end</span></li></ul>",
            "* AlphaBitch: ''Ruth''[='=]s [[spoiler:end]]\n",
        ),
        (
            "<ul><li>a<ul><li>b<ul><li>c<ul><li>d</li></ul></li></ul></li></ul></li></ul>",
            "* a\n** b\n*** c\n*** d\n",
        ),
        ("<h2>Examples</h2><hr/>", "!!Examples\n----\n"),
        (
            "<div class='folderlabel' onclick=\"togglefolder('f0');\">&nbsp;Film&nbsp;</div>"
            "<div class='folder'><ul><li>x</li></ul></div>",
            "[[folder:Film]]\n* x\n\n[[/folder]]\n",
        ),
        (
            "<p>x<span class='notelabel'><sup>Why?</sup></span>"
            "<span class='inlinefolder' isnote='true'>because</span></p>",
            "x[[labelnote:Why?]]because[[/labelnote]]\n",
        ),
        ("<p><a class='urllink' href='https://example.org/a b'>site</a></p>",
         "[[https://example.org/a%20b site]]\n"),
        ("<p><!-- a comment -->text</p>", "%% a comment\ntext\n"),
        ("<p>text<!-- a comment --> more</p>", "text more %% a comment\n"),
        (
            "<p><a class='twikilink' href='/pmwiki/pmwiki.php/Film/Oldboy2003'>Oldboy</a>s</p>",
            "[[Film/Oldboy2003 Oldboy]]s\n",
        ),
    ],
)  # fmt: skip
def test_body_conversion(body, markup):
    """Small pieces of TV Tropes HTML and the markup they come back as."""
    article = html.fragment_fromstring(f"<div id='main-article'>{body}</div>")
    assert body_markup(article) == markup


@pytest.mark.django_db
def test_importing_html_pages_writes_pages_bars_and_aliases(capsys):
    """Importing the real pages: examples, bars from the footer, aliases as redirects."""
    folder = shared_path("data", "tvtropes", "tropestogo_html", "scraper")
    call_command("import", str(folder), "--quiet")
    oldboy = get_page("Film/Oldboy2003")
    assert oldboy.title == "Oldboy (2003)" and oldboy.licence == "CC BY-NC-SA 3.0"
    examples = ExampleSource.objects.filter(source=oldboy)
    assert examples.filter(trope_key="main/ambiguousending", spoiler=True).exists()
    assert {b.index.path for b in index_bars(oldboy)} >= {"UsefulNotes/Sundance"}
    alias = get_page("Film/StarWarsANewHope")
    assert alias.redirect_to == get_page("Film/ANewHope")
    assert get_page("Film/TheAvengers").redirect_to == get_page("Film/TheAvengers2012")
    assert get_page("TheAvengers/TropesAToD").page_type == "subpage"
    out = capsys.readouterr().out
    assert "no namespace VideoExamples" in out


@pytest.mark.django_db
def test_a_broken_html_file_is_reported_and_the_others_imported(tmp_path, capsys):
    """A page without an article body exits non-zero; the good page is imported anyway."""
    good = shared_path("data", "tvtropes", "tropestogo_html", "crawler", "film5.html")
    (tmp_path / "good.html").write_bytes(good.read_bytes())
    broken = re.sub(rb'<div id="main-article".*', b"", good.read_bytes(), flags=re.S)
    (tmp_path / "broken.html").write_bytes(broken.replace(b"AbandonedMine", b"BrokenMine"))
    with pytest.raises(CommandError, match="1 broken input"):
        call_command("import", str(tmp_path), "--quiet")
    assert "no article body" in capsys.readouterr().out
    assert get_page("Film/AbandonedMine") is not None
    assert not Page.objects.filter(name="BrokenMine").exists()


def test_a_page_that_is_not_html_is_refused():
    """Bytes that are no TV Tropes page raise BrokenPage with a reason."""
    with pytest.raises(BrokenPage, match="canonical"):
        read_tvtropes_html(b"<html><body>tvtropes</body></html>", "x.html", set())
