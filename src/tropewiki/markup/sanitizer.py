"""The last line of defence: every rendered document goes through nh3 with this allowlist.

The renderer already escapes all text and emits only safe URLs; the sanitiser re-parses the
HTML (html5ever) and drops any tag, attribute, class or URL scheme not listed here. The lists
mirror exactly what :mod:`tropewiki.markup.html_renderer` emits, so in normal operation it
removes nothing. Attributes whose value never varies (``role``, ``tabindex``, ``rel``…) are
pinned to that value.
"""

from __future__ import annotations

import nh3

from tropewiki.markup.urls import ALLOWED_URL_SCHEMES

__all__ = ["ALLOWED_ATTRIBUTES", "ALLOWED_CLASSES", "ALLOWED_TAGS", "sanitize"]

_SPOILER_LABEL = "Spoiler, activate to reveal"

ALLOWED_TAGS: frozenset[str] = frozenset(
    {
        "a",
        "blockquote",
        "br",
        "button",
        "details",
        "div",
        "em",
        "figcaption",
        "figure",
        "h2",
        "h3",
        "h4",
        "hr",
        "img",
        "li",
        "p",
        "s",
        "span",
        "strong",
        "summary",
        "ul",
    }
)

#: Attributes allowed with any value (``class`` is handled by :data:`ALLOWED_CLASSES`).
ALLOWED_ATTRIBUTES: dict[str, set[str]] = {
    "a": {"href"},
    "span": {"id"},
    "img": {"src", "width", "alt"},
    "button": {"hidden"},
}

#: Attributes allowed with one of a few fixed values only.
PINNED_ATTRIBUTE_VALUES: dict[str, dict[str, set[str]]] = {
    "a": {"rel": {"nofollow noopener noreferrer"}},
    "span": {
        "tabindex": {"0"},
        "role": {"button"},
        "aria-label": {_SPOILER_LABEL},
        "title": {"Spoiler"},
    },
    "img": {"loading": {"lazy"}},
    "div": {"dir": {"rtl"}},
    "button": {"type": {"button"}},
}

_QUOTE_INDENTS = {f"quote-indent-{n}" for n in range(2, 5)}

#: CSS classes allowed per tag.
ALLOWED_CLASSES: dict[str, set[str]] = {
    "a": {"wikilink", "new", "external", "anchor-link"},
    "span": {"spoiler", "smallcaps", "anchor", "badge", "played"},
    "details": {"note", "folder"},
    "button": {"folder-control"},
    "div": {"index-region", "center", "rtl", "indent", "para"}
    | {f"indent-{n}" for n in range(1, 9)}
    | _QUOTE_INDENTS,
    "p": _QUOTE_INDENTS,
    "blockquote": {"quote"},
    "figure": {"quoteright"},
}

_CLEANER = nh3.Cleaner(
    tags=set(ALLOWED_TAGS),
    clean_content_tags={"script", "style"},
    attributes=ALLOWED_ATTRIBUTES,
    tag_attribute_values=PINNED_ATTRIBUTE_VALUES,
    allowed_classes=ALLOWED_CLASSES,
    url_schemes=set(ALLOWED_URL_SCHEMES),
    link_rel=None,  # external links carry their own rel; internal links need none
    strip_comments=True,
)


def sanitize(html: str) -> str:
    """``html`` with everything outside the allowlist removed (nh3, html5ever parsing)."""
    return _CLEANER.clean(html)
