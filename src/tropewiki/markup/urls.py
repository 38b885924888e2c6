"""Which URLs the markup may emit: http, https, mailto, or relative; nothing else."""

from __future__ import annotations

import re

__all__ = ["ALLOWED_URL_SCHEMES", "safe_url"]

#: Schemes a rendered ``href``/``src`` may use (relative URLs have none and are allowed).
ALLOWED_URL_SCHEMES: frozenset[str] = frozenset({"http", "https", "mailto"})

# Characters that never belong in a URL we emit: whitespace, controls, double quotes, angle
# brackets, backslashes (browsers read "\" as "/"), and the markup's own brackets.
_BAD_CHAR = re.compile(r"[\x00-\x20\x7f\"<>\\`\[\]{}]")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")

MAX_URL_LENGTH = 2048


def safe_url(url: str) -> str | None:
    """``url`` when it may be emitted as written, ``None`` when it must not be.

    Absolute URLs need an allowed scheme (and ``//`` after http/https); a URL with a colon
    before its first ``/``, ``?`` or ``#`` counts as having a scheme, so ``javascript:x`` and
    ``data:…`` are refused while ``/Main/X``, ``pub/a.png`` and ``#top`` pass.
    """
    if not url or len(url) > MAX_URL_LENGTH or _BAD_CHAR.search(url):
        return None
    match = _SCHEME.match(url)
    if match is None:
        head = url.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
        return None if ":" in head else url
    scheme = match.group(1).lower()
    if scheme not in ALLOWED_URL_SCHEMES:
        return None
    rest = url[match.end() :]
    if scheme == "mailto":
        return url if len(rest) > 0 else None
    return url if rest.startswith("//") and len(rest) > 2 else None
