"""Source → HTML, one row per construct of the markup (rendered and sanitised, as served)."""

from __future__ import annotations

import pytest

from tropewiki.markup import render
from tropewiki.markup.html_renderer import SPOILER_OPEN

SP = SPOILER_OPEN
NOTE = '<details class="note"><summary>note</summary>'


def wl(target: str, text: str) -> str:
    """A wiki link as rendered by the default resolver (``target`` like ``Main/AlphaBitch``)."""
    return f'<a class="wikilink" href="/{target}">{text}</a>'


def ext(url: str, text: str) -> str:
    return f'<a class="external" href="{url}" rel="nofollow noopener noreferrer">{text}</a>'


def html(source: str) -> str:
    return render(source).rstrip("\n")


LINKS = [
    ("AlphaBitch", f"<p>{wl('Main/AlphaBitch', 'Alpha Bitch')}</p>"),
    (
        "AbC ABcD A2BcDe",
        f"<p>{wl('Main/AbC', 'Ab C')} {wl('Main/ABcD', 'A Bc D')} "
        f"{wl('Main/A2BcDe', 'A 2 Bc De')}</p>",
    ),
    ("Wiki W3C NASA iPhone", "<p>Wiki W3C NASA iPhone</p>"),
    ("AlphaBitch's", f"<p>{wl('Main/AlphaBitch', 'Alpha Bitch')}'s</p>"),
    ("xAlphaBitch", "<p>xAlphaBitch</p>"),
    ("{{Mooks}}", f"<p>{wl('Main/Mooks', 'Mooks')}</p>"),
    ("{{death seeker}}", f"<p>{wl('Main/DeathSeeker', 'death seeker')}</p>"),
    ("{{Death Seeker}}s", f"<p>{wl('Main/DeathSeeker', 'Death Seekers')}</p>"),
    ("{{Happy End|ing}}", f"<p>{wl('Main/HappyEnding', 'Happy End')}</p>"),
    ("{{!!!}}", "<p>{{!!!}}</p>"),
    ("Film/TheMatrix", f"<p>{wl('Film/TheMatrix', 'The Matrix')}</p>"),
    ("Anime/{{Avatar}}", f"<p>{wl('Anime/Avatar', 'Avatar')}</p>"),
    (
        "WesternAnimation/{{The Lion King|1994}}",
        f"<p>{wl('WesternAnimation/TheLionKing1994', 'The Lion King')}</p>",
    ),
    ("KingdomHeartsII/TropesAToL", f"<p>{wl('KingdomHeartsII/TropesAToL', 'Tropes A To L')}</p>"),
    ("Film/alien", "<p>Film/alien</p>"),
    ("Main.AlphaBitch", f"<p>{wl('Main/AlphaBitch', 'Alpha Bitch')}</p>"),
    ("YMMV.NeverLetMeGo", f"<p>{wl('YMMV/NeverLetMeGo', 'Never Let Me Go')}</p>"),
    ("The end.Sentence starts", "<p>The end.Sentence starts</p>"),
    ("FooBar.BazQux", f"<p>{wl('Main/FooBar', 'Foo Bar')}.{wl('Main/BazQux', 'Baz Qux')}</p>"),
    ("@/{{Fast Eddie}}", f"<p>{wl('Tropers/FastEddie', 'Fast Eddie')}</p>"),
    ("@/FastEddie", f"<p>{wl('Tropers/FastEddie', 'FastEddie')}</p>"),
]

POTHOLES = [
    (
        "[[CurbStompBattle thoroughly trounced]]",
        f"<p>{wl('Main/CurbStompBattle', 'thoroughly trounced')}</p>",
    ),
    ("[[Film/TheMatrix the first film]]", f"<p>{wl('Film/TheMatrix', 'the first film')}</p>"),
    ("[[Film/TheMatrix]]", f"<p>{wl('Film/TheMatrix', 'The Matrix')}</p>"),
    ("[[{{wiki word}} text]]", f"<p>{wl('Main/WikiWord', 'text')}</p>"),
    ("[[{{wiki word}}]]", f"<p>{wl('Main/WikiWord', 'wiki word')}</p>"),
    ("[[Film/{{The Matrix}} it]]", f"<p>{wl('Film/TheMatrix', 'it')}</p>"),
    ("[[Main.AlphaBitch her]]", f"<p>{wl('Main/AlphaBitch', 'her')}</p>"),
    ("[[@/FastEddie me]]", f"<p>{wl('Tropers/FastEddie', 'me')}</p>"),
    ("[[AlphaBitch ''very'' mean]]", f"<p>{wl('Main/AlphaBitch', '<em>very</em> mean')}</p>"),
    ("[[AlphaBitch a FooBar]]", f"<p>{wl('Main/AlphaBitch', 'a FooBar')}</p>"),
    ("[[AlphaBitch a {{Death Seeker}}s]]", f"<p>{wl('Main/AlphaBitch', 'a Death Seekers')}</p>"),
    ("[[AlphaBitch see [[FooBar other]] x]]", f"<p>{wl('Main/AlphaBitch', 'see other x')}</p>"),
    (
        "[[PageName#reception the reception]]",
        f"<p>{wl('Main/PageName#reception', 'the reception')}</p>",
    ),
    ("[[#reception]]", '<p><span class="anchor" id="reception"></span></p>'),
    ("[[#reception see below]]", '<p><a class="anchor-link" href="#reception">see below</a></p>'),
    ("[[https://example.org The site]]", f"<p>{ext('https://example.org', 'The site')}</p>"),
    (
        "[[http://x.org/]] and [[https://y.org/a?b=1&c=2]]",
        f"<p>{ext('http://x.org/', '[1]')} and {ext('https://y.org/a?b=1&amp;c=2', '[2]')}</p>",
    ),
    ("[[mailto:a@b.org write]]", f"<p>{ext('mailto:a@b.org', 'write')}</p>"),
]

TEXT = [
    ("''italic''", "<p><em>italic</em></p>"),
    ("'''bold'''", "<p><strong>bold</strong></p>"),
    ("'''''both'''''", "<p><strong><em>both</em></strong></p>"),
    ("'''bold ''and'' more'''", "<p><strong>bold <em>and</em> more</strong></p>"),
    ("Dae-su's ''Winter''", "<p>Dae-su's <em>Winter</em></p>"),
    ("[[strike:gone]]", "<p><s>gone</s></p>"),
    ("[[AC:Film]]", '<p><span class="smallcaps">Film</span></p>'),
    ("[=NotAWikiWord=]", "<p>NotAWikiWord</p>"),
    ("[=''raw'' [[spoiler:x]]=]", "<p>''raw'' [[spoiler:x]]</p>"),
    ("[=~The Apostrophe's Dilemma~=]", "<p>The Apostrophe's Dilemma</p>"),
    ("kept %% hidden AlphaBitch", "<p>kept</p>"),
    ("%% a whole comment line", ""),
    ("[=100%%=] shown", "<p>100%% shown</p>"),
    ("a < b & c > d", "<p>a &lt; b &amp; c &gt; d</p>"),
]

SPOILERS_AND_NOTES = [
    ("[[spoiler:he dies]]", f"<p>{SP}he dies</span></p>"),
    (
        "[[spoiler:a ''b'' AlphaBitch]]",
        f"<p>{SP}a <em>b</em> {wl('Main/AlphaBitch', 'Alpha Bitch')}</span></p>",
    ),
    ("'''[[spoiler:Woo-jin]]''': Now", f"<p><strong>{SP}Woo-jin</span></strong>: Now</p>"),
    ("[[TheDragon Mr. [[spoiler:Han]]]]", f"<p>{wl('Main/TheDragon', f'Mr. {SP}Han</span>')}</p>"),
    ("[[spoiler:one [[spoiler:two]] three]]", f"<p>{SP}one {SP}two</span> three</span></p>"),
    (
        "[[note]]an aside[[/note]]",
        '<div class="para"><details class="note"><summary>note</summary>an aside</details></div>',
    ),
    (
        "[[labelnote:Why?]]because[[/labelnote]]",
        '<div class="para"><details class="note"><summary>Why?</summary>because</details></div>',
    ),
    (
        "[[note]]x [[spoiler:y]][[/note]]",
        f'<div class="para">{NOTE}x {SP}y</span></details></div>',
    ),
    (
        "[[spoiler:x [[note]]y[[/note]]]]",
        f'<div class="para">{SP}x {NOTE}y</details></span></div>',
    ),
]

LAYOUT = [
    ("[[center:mid]]", '<div class="para"><div class="center">mid</div></div>'),
    ("[[indent:3:in]]", '<div class="para"><div class="indent indent-3">in</div></div>'),
    ("[[indent:99:in]]", '<div class="para"><div class="indent indent-8">in</div></div>'),
    ("[[rtl:abc]]", '<div class="para"><div class="rtl" dir="rtl">abc</div></div>'),
]

BLOCKS = [
    ("!Top", "<h2>Top</h2>"),
    ("!!Examples:", "<h2>Examples:</h2>"),
    ("!!! Small", "<h2>Small</h2>"),
    ("!!!! Four", "<h2>! Four</h2>"),
    ("----", "<hr>"),
    ("---", "<p>---</p>"),
    ("one\ntwo\n\nthree", "<p>one\ntwo</p>\n<p>three</p>"),
    ("one\n%% gone\ntwo", "<p>one\ntwo</p>"),
    ("* a\n* b", "<ul><li>a</li>\n<li>b</li>\n</ul>"),
    (
        "* a\n** b\n*** c\n**** d\n* e",
        "<ul><li>a<ul><li>b<ul><li>c</li>\n<li>d</li>\n</ul></li>\n</ul></li>\n<li>e</li>\n</ul>",
    ),
    ("* a\n*** jumps", "<ul><li>a<ul><li>jumps</li>\n</ul></li>\n</ul>"),
    ("** starts deep", "<ul><li>starts deep</li>\n</ul>"),
    ("+ plus\n+1 to that", "<ul><li>plus</li>\n</ul>\n<p>+1 to that</p>"),
    ("* a\\\\b", "<ul><li>a<br><br>b</li>\n</ul>"),
    ("* a\n\n* b", "<ul><li>a</li>\n</ul>\n<ul><li>b</li>\n</ul>"),
    ("* a\ntext", "<ul><li>a</li>\n</ul>\n<p>text</p>"),
    (
        '->"Quote."\n-->-- Someone',
        '<blockquote class="quote"><p>"Quote."</p>'
        '<p class="quote-indent-2">-- Someone</p></blockquote>',
    ),
    ("--->deeper", '<blockquote class="quote"><p class="quote-indent-3">deeper</p></blockquote>'),
    (
        "[[quoteright:350:https://example.org/p.png]]",
        '<figure class="quoteright"><img src="https://example.org/p.png" width="350" alt="" '
        'loading="lazy"></figure>',
    ),
    (
        "[[quoteright:350:https://e.org/p.png]]\n[[caption-width-right:350:A ''nice'' one]]",
        '<figure class="quoteright"><img src="https://e.org/p.png" width="350" alt="A nice one" '
        'loading="lazy"><figcaption>A <em>nice</em> one</figcaption></figure>',
    ),
    (
        "[[quoteright:350:pub/images/p.png]]",
        '<figure class="quoteright"><img src="pub/images/p.png" width="350" alt="" '
        'loading="lazy"></figure>',
    ),
    (
        "[[caption-width-right:350:alone]]",
        '<figure class="quoteright"><figcaption>alone</figcaption></figure>',
    ),
    (
        "[[foldercontrol]]",
        '<button type="button" class="folder-control" hidden="">Open/Close All Folders</button>',
    ),
    (
        "[[folder:Film]]\n* a\n[[/folder]]",
        '<details class="folder"><summary>Film</summary>\n<ul><li>a</li>\n</ul>\n</details>',
    ),
    (
        "[[folder:Film]]* a[[/folder]]",
        '<details class="folder"><summary>Film</summary>\n<ul><li>a</li>\n</ul>\n</details>',
    ),
    (
        "[[folder:''Anime'' & Manga]]\ntext\n[[/folder]]",
        '<details class="folder"><summary><em>Anime</em> &amp; Manga</summary>\n<p>text</p>\n'
        "</details>",
    ),
    (
        "[[index]]\n* Film/TheMatrix\n[[/index]]",
        '<div class="index-region">\n<ul><li>'
        + wl("Film/TheMatrix", "The Matrix")
        + "</li>\n</ul>\n</div>",
    ),
]

NESTING = [
    (
        "[[folder:Film]]\n* [[TheDragon the '''[[spoiler:real]]''' boss]]: yes\n[[/folder]]",
        '<details class="folder"><summary>Film</summary>\n<ul><li>'
        + wl("Main/TheDragon", f"the <strong>{SP}real</span></strong> boss")
        + ": yes</li>\n</ul>\n</details>",
    ),
    (
        "[[index]]\n[[folder:A]]\n* AlphaBitch\n[[/folder]]\n[[/index]]",
        '<div class="index-region">\n<details class="folder"><summary>A</summary>\n<ul><li>'
        + wl("Main/AlphaBitch", "Alpha Bitch")
        + "</li>\n</ul>\n</details>\n</div>",
    ),
    (
        "[[folder:Outer]]\n[[folder:Inner]]\nx\n[[/folder]]\n[[/folder]]",
        '<details class="folder"><summary>Outer</summary>\n<details class="folder">'
        "<summary>Inner</summary>\n<p>x</p>\n</details>\n</details>",
    ),
]

MALFORMED = [
    ("[[spoiler:never closed", "<p>[[spoiler:never closed</p>"),
    ("[[spoiler:a ''b]] c''", f"<p>{SP}a <em>b</em></span> c''</p>"),
    ("stray ]] here", "<p>stray ]] here</p>"),
    ("[[/folder]]", "<p>[[/folder]]</p>"),
    ("text [[/folder]]", "<p>text [[/folder]]</p>"),
    ("[[folder:Open]]\n* a", "<p>[[folder:Open]]</p>\n<ul><li>a</li>\n</ul>"),
    ("[[index]]\n* a", "<p>[[index]]</p>\n<ul><li>a</li>\n</ul>"),
    (
        "[[folder:A]]\n[[index]]\n* a\n[[/folder]]",
        '<details class="folder"><summary>A</summary>\n<p>[[index]]</p>\n<ul><li>a</li>\n</ul>\n'
        "</details>",
    ),
    ("'''unbalanced", "<p>'''unbalanced</p>"),
    ("''italic '''bold", "<p>''italic '''bold</p>"),
    ("[[note]]no end", "<p>[[note]]no end</p>"),
    ("[[/note]] first", "<p>[[/note]] first</p>"),
    ("[[labelnote:L]]x[[/note]]", "<p>[[labelnote:L]]x[[/note]]</p>"),
    ("[[AlphaBitch never closed", "<p>[[AlphaBitch never closed</p>"),
    ("[[ ]] [[]] [[", "<p>[[ ]] [[]] [[</p>"),
    ("{{ }} {{unclosed", "<p>{{ }} {{unclosed</p>"),
    ("[=no end", "<p>[=no end</p>"),
    ("[[indent:x:y]]", "<p>[[indent:x:y]]</p>"),
    ("[[quoteright:0:https://e.org/a.png]]", "<p>[[quoteright:0:https://e.org/a.png]]</p>"),
    ("[[quoteright:350:javascript:alert(1)]]", "<p>[[quoteright:350:javascript:alert(1)]]</p>"),
    ("[[javascript:alert(1) x]]", "<p>[[javascript:alert(1) x]]</p>"),
    ("[[data:text/html,x y]]", "<p>[[data:text/html,x y]]</p>"),
    ("[[index]] inline", "<p>[[index]]</p>\n<p>inline</p>"),
    ("<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"),
    ('"><img src=x onerror=alert(1)>', '<p>"&gt;&lt;img src=x onerror=alert(1)&gt;</p>'),
]


@pytest.mark.parametrize(
    "source, html_out",
    LINKS + POTHOLES + TEXT + SPOILERS_AND_NOTES + LAYOUT + BLOCKS + NESTING + MALFORMED,
)
def test_render(source: str, html_out: str) -> None:
    """Each construct renders to exactly this (sanitised) HTML."""
    assert html(source) == html_out


def test_crlf_line_endings_are_normalised() -> None:
    """Pages pasted from Windows render like any other."""
    assert html("* a\r\n* b\r\n") == html("* a\n* b\n")


def test_empty_source_renders_nothing() -> None:
    """An empty page is an empty string, not an error."""
    assert render("") == ""
    assert render("\n\n   \n") == ""


@pytest.mark.parametrize(
    "source, html",
    [
        (
            "* [[spoiler:HeroicSacrifice]]: He dies.",
            '<ul><li><a class="wikilink" href="/Main/HeroicSacrifice">Heroic Sacrifice</a>'
            ": He dies.</li>\n</ul>\n",
        ),
        (
            "* [[spoiler: AlphaBitch: Ruth]]",
            '<ul><li><a class="wikilink" href="/Main/AlphaBitch">Alpha Bitch</a>'
            '<span class="spoiler" tabindex="0" role="button" aria-label="Spoiler, activate to'
            ' reveal" title="Spoiler">: Ruth</span></li>\n</ul>\n',
        ),
        (
            "* Text [[spoiler:AlphaBitch]]",
            '<ul><li>Text <span class="spoiler" tabindex="0" role="button" aria-label="Spoiler,'
            ' activate to reveal" title="Spoiler"><a class="wikilink" href="/Main/AlphaBitch">'
            "Alpha Bitch</a></span></li>\n</ul>\n",
        ),
    ],
)
def test_leading_link_of_a_top_level_bullet_is_never_spoilered(source, html):
    """The first link of a top-level bullet (what the example is about) is shown in the clear."""
    assert render(source) == html


def test_badges_follow_the_leading_link():
    """Badges given by bullet position are shown, escaped, after that bullet's leading link."""
    from tropewiki.markup import parse, render_tree

    doc = parse("* ''Film/{{Metropolis}}'': x\n* AlphaBitch: y")
    second = doc.children[0].items[1].position
    html = render_tree(doc, None, {second: ["Inverted", "<b>"]})
    assert (
        '<a class="wikilink" href="/Main/AlphaBitch">Alpha Bitch</a> '
        '<span class="badge played">Inverted</span> <span class="badge played">&lt;b&gt;</span>: y'
    ) in html
    assert html.count("badge") == 2


@pytest.mark.parametrize(
    "source, tags",
    [
        ("!Top\n!!Section\n!!!Detail", ["h2", "h3", "h4"]),
        ("!!Examples\n!!!Film", ["h2", "h3"]),
        ("[[folder:Film]]\n!!!Inside\n[[/folder]]\n!!Outside", ["h3", "h2"]),
    ],
)
def test_headings_start_at_h2_and_keep_their_order(source, tags):
    """The largest heading used becomes h2 (under the page's h1) and levels never skip."""
    import re

    assert re.findall(r"<(h\d)>", render(source)) == tags
