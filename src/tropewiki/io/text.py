"""Small text helpers shared by the importers: decoding, TV Tropes addresses, keys."""

from __future__ import annotations

import codecs
import re
from functools import lru_cache
from urllib.parse import unquote

from tropewiki.markup.titles import wikiword_from_words

TVTROPES = "https://tvtropes.org/pmwiki/pmwiki.php/"
LICENCE = "CC BY-NC-SA 3.0"
LICENCE_URL = "https://creativecommons.org/licenses/by-nc-sa/3.0/"

_PMWIKI = re.compile(r"pmwiki\.php/(?P<ns>[A-Za-z0-9]+)/(?P<name>[^/?#\s\"'<>]+)")
_NOT_ALNUM = re.compile(r"[^A-Za-z0-9]+")


def _latin1_fallback(error: UnicodeError) -> tuple[str, int]:
    """Bytes windows-1252 leaves undefined (0x81, 0x8d, …) decode as Latin-1, like browsers."""
    assert isinstance(error, UnicodeDecodeError)
    return error.object[error.start : error.end].decode("latin-1"), error.end


codecs.register_error("tropewiki-latin1", _latin1_fallback)


def decode(data: bytes) -> str:
    """Page bytes as text: UTF-8 when valid, else windows-1252 (what TV Tropes served)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="tropewiki-latin1")


def squash(text: str) -> str:
    """Lower-case letters and digits only: how titles and names are compared."""
    return _NOT_ALNUM.sub("", text).lower()


def clean_name(name: str) -> str:
    """A page name as the wiki accepts it: letters and digits, first one a capital."""
    if name.isascii() and name.isalnum() and name[0].isupper():
        return name
    name = _NOT_ALNUM.sub("", unquote(name))
    return name[:1].upper() + name[1:]


@lru_cache(maxsize=1 << 16)
def address_from_url(url: str) -> tuple[str, str] | None:
    """``(namespace, name)`` of a TV Tropes page URL (absolute or ``/pmwiki/…``), if it is one."""
    match = _PMWIKI.search(url or "")
    if match is None:
        return None
    name = clean_name(match["name"])
    return (clean_name(match["ns"]), name) if name else None


def url_for(namespace: str, name: str) -> str:
    """The TV Tropes URL of a page (where imported content came from)."""
    return f"{TVTROPES}{namespace}/{name}"


def name_from_title(title: str) -> str:
    """The WikiWord TV Tropes derives from a title (``Red Oni, Blue Oni`` → ``RedOniBlueOni``)."""
    return clean_name(wikiword_from_words(title))
