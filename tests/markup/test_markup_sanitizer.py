"""The allowlist sanitiser on hostile HTML (it is public: the wiki may call it directly)."""

from __future__ import annotations

import pytest

from tropewiki.markup import render, sanitize
from tropewiki.markup.html_renderer import SPOILER_OPEN


@pytest.mark.parametrize(
    "dirty, clean",
    [
        ("<script>alert(1)</script>ok", "ok"),
        ("<style>p{}</style>ok", "ok"),
        ('<p onclick="x()">ok</p>', "<p>ok</p>"),
        ('<a href="javascript:alert(1)">x</a>', "<a>x</a>"),
        ('<a href="data:text/html,x">x</a>', "<a>x</a>"),
        ('<img src="data:image/png;base64,AA" width="3">', '<img width="3">'),
        (
            '<a href="/Main/X" class="wikilink evil">x</a>',
            '<a href="/Main/X" class="wikilink">x</a>',
        ),
        (
            '<span class="spoiler" style="color:red" role="alert">x</span>',
            '<span class="spoiler">x</span>',
        ),
        (
            '<button type="submit" class="folder-control">x</button>',
            '<button class="folder-control">x</button>',
        ),
        ("<iframe src=//e.org></iframe>ok", "ok"),
        ("<!-- hidden -->ok", "ok"),
        ('<a href="https://e.org" target="_blank">x</a>', '<a href="https://e.org">x</a>'),
        ("<p>unclosed <em>tags", "<p>unclosed <em>tags</em></p>"),
    ],
)
def test_sanitize(dirty: str, clean: str) -> None:
    """Unknown tags, attributes, classes, values and URL schemes are removed."""
    assert sanitize(dirty) == clean


def test_every_class_and_attribute_the_renderer_uses_survives() -> None:
    """Rendering a page with every construct loses nothing in the sanitiser."""
    source = (
        "!!Heading\n[[foldercontrol]]\n[[folder:F]]\n* AlphaBitch [[spoiler:x]] [[AC:y]]\n"
        "[[/folder]]\n[[index]]\n* [[https://e.org z]] [[#a]] [[#a go]]\n[[/index]]\n"
        "[[center:c]] [[rtl:r]] [[indent:2:i]] [[note]]n[[/note]]\n->q\n-->w\n"
        "[[quoteright:300:https://e.org/i.png]]\n[[caption-width-right:300:cap]]\n----"
    )
    out = render(source)
    for fragment in [
        SPOILER_OPEN,
        '<a class="wikilink" href="/Main/AlphaBitch">',
        '<span class="smallcaps">',
        '<details class="folder">',
        '<button type="button" class="folder-control" hidden="">',
        '<div class="index-region">',
        '<a class="external" href="https://e.org" rel="nofollow noopener noreferrer">',
        '<span class="anchor" id="a">',
        '<a class="anchor-link" href="#a">',
        '<div class="center">',
        '<div class="rtl" dir="rtl">',
        '<div class="indent indent-2">',
        '<details class="note">',
        '<blockquote class="quote">',
        '<p class="quote-indent-2">',
        '<figure class="quoteright"><img src="https://e.org/i.png" width="300" alt="cap"'
        ' loading="lazy"><figcaption>cap</figcaption></figure>',
        "<hr>",
    ]:
        assert fragment in out
