"""TV Tropes pages as the site serves them (work, trope, subpage, split example pages).

The page's address comes from its canonical URL (``og:url`` or the ``current_url`` marker
in older copies), its display title from the heading, the text from the article body
(:mod:`tropewiki.io.html_body`), the ``Previous | Index | Next`` rows from the footer's
section links and the aliases from "Alternative Title(s)". Listing and history pages are
recognised and skipped: they are not articles.
"""

from __future__ import annotations

import re

from lxml import html

from tropewiki.io.html_body import body_markup
from tropewiki.io.pages import Bar, ImportedPage, Ref, index_type
from tropewiki.io.text import LICENCE, address_from_url, decode, name_from_title, url_for
from tropewiki.markup import KNOWN_NAMESPACES, MEDIA_NAMESPACES
from tropewiki.markup.titles import spaced_title

__all__ = ["NotAnArticle", "looks_like_tvtropes_html", "read_tvtropes_html"]

_SPACES = re.compile(r"\s+")
_IN_LIST_OR_FOLDER = "ancestor::ul|ancestor::div[contains(concat(' ', @class, ' '), ' folder ')]"
_TITLE_SUFFIX = re.compile(r"\s*(?:\([^()]*\))?\s*-\s*TV Tropes\s*$")


class NotAnArticle(Exception):
    """A TV Tropes page that is no article (a listing, a history): skipped with this reason."""


class BrokenPage(ValueError):
    """A file that looks like a TV Tropes page but cannot be read as one."""


def looks_like_tvtropes_html(head: bytes) -> bool:
    """Whether the first bytes of a file are a TV Tropes HTML page."""
    lowered = head.lower()
    return (b"<html" in lowered or b"<!doctype html" in lowered) and b"tvtropes" in lowered


def read_tvtropes_html(data: bytes, origin: str, known_indexes: set[str]) -> ImportedPage:
    """The page in ``data``; raises NotAnArticle or BrokenPage."""
    try:
        doc = html.document_fromstring(decode(data))
    except (ValueError, SyntaxError) as exc:
        raise BrokenPage(f"not readable as HTML: {exc}") from exc
    url = _canonical(doc)
    address = address_from_url(url) if url else None
    if address is None:
        if url and ("article_history" in url or "pagelist" in url):
            raise NotAnArticle(f"a TV Tropes {_kind(url)}, not an article ({url})")
        raise BrokenPage("no canonical TV Tropes address (og:url or canonical link) in the page")
    namespace, name = address
    articles = doc.xpath("//*[@id='main-article']")
    if not articles:
        raise BrokenPage(f"{namespace}/{name}: no article body (#main-article) in the page")
    body = body_markup(articles[0])
    if not body.strip():
        raise NotAnArticle(f"{namespace}/{name} has no article text")
    title = _title(doc)
    header = f"%%title: {title}\n" if title and title != spaced_title(name) else ""
    page = ImportedPage(
        namespace=namespace,
        name=name,
        text=header + body,
        source_url=url_for(namespace, name),
        licence=LICENCE,
        page_type=index_type(namespace, name, known_indexes, body),
        aliases=_aliases(doc, namespace, name),
        bars=_bars(doc),
        origin=origin,
    )
    if namespace not in KNOWN_NAMESPACES:
        page.work_hint = _split_work(articles[0], namespace)
    return page


def _kind(url: str) -> str:
    return "edit history" if "article_history" in url else "page listing"


def _canonical(doc: html.HtmlElement) -> str:
    for xpath in (
        "//link[@rel='canonical']/@href",
        "//meta[@property='og:url']/@content",
        "//*[@id='current_url']/text()",
    ):
        found = doc.xpath(xpath)
        if found and str(found[0]).strip():
            return str(found[0]).strip()
    return ""


def _title(doc: html.HtmlElement) -> str:
    """The page's display title: the heading without its ``Namespace /`` prefix."""
    for heading in doc.xpath("//h1[contains(@class, 'entry-title')]"):
        for strong in heading.findall("strong"):
            strong.drop_tree()
        text = _SPACES.sub(" ", heading.text_content()).strip()
        if text:
            return text
    found = doc.xpath("//title/text()")
    return _TITLE_SUFFIX.sub("", str(found[0])).strip() if found else ""


def _aliases(doc: html.HtmlElement, namespace: str, name: str) -> list[Ref]:
    """Redirects to create from "Alternative Title(s)" (same namespace, TV Tropes' names)."""
    refs: list[Ref] = []
    for span in doc.xpath("//div[contains(@class, 'alt-titles')]//span"):
        title = _SPACES.sub(" ", span.text_content()).strip()
        alias = name_from_title(title)
        if alias and alias.lower() != name.lower() and all(r.name != alias for r in refs):
            refs.append(Ref(namespace, alias, title))
    return refs


def _bars(doc: html.HtmlElement) -> list[Bar]:
    bars: list[Bar] = []
    for row in doc.xpath("//div[contains(@class, 'section-links')]//div[@class='links']/ul"):
        cells = [_cell(li) for li in row.findall("li")]
        if len(cells) == 3 and cells[1] is not None:
            bars.append(Bar(cells[0], cells[1], cells[2]))
    return bars


def _cell(li: html.HtmlElement) -> Ref | None:
    anchor = li.find(".//a")
    if anchor is None:
        return None
    address = address_from_url(anchor.get("href") or "")
    if address is None:
        return None
    shown = _SPACES.sub(" ", anchor.text_content()).strip()
    return Ref(address[0], address[1], shown.split("/", 1)[1] if "/" in shown else shown)


def _split_work(article: html.HtmlElement, group: str) -> Ref | None:
    """The work a split subpage (``TheAvengers/TropesAToD``) belongs to, from its lead links."""
    found: set[Ref] = set()
    for anchor in article.iter("a"):
        if anchor.xpath(_IN_LIST_OR_FOLDER):
            continue
        address = address_from_url(anchor.get("href") or "")
        if address and address[0] in MEDIA_NAMESPACES and address[1].startswith(group):
            found.add(Ref(address[0], address[1]))
    return found.pop() if len(found) == 1 else None
