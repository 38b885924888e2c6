"""Find pages by address: case- and space-insensitive, ``Main.X`` ≡ ``Main/X``, bare name ≡ Main."""

from __future__ import annotations

from tropewiki.wiki.models import Namespace, Page
from tropewiki.wiki.titles import BadTitle, Title, normalise_name, page_key, split_address

MAX_REDIRECT_HOPS = 5


def canonical_namespace(raw: str) -> Namespace | None:
    """The namespace named ``raw`` in any letter case, if the wiki has it."""
    cleaned = raw.strip().replace(" ", "")
    if not cleaned:
        return None
    found = Namespace.objects.filter(name__iexact=cleaned).first()
    return found


def title_for(address: str | Title) -> Title:
    """Parse an address typed by a person or written in a link into a canonical Title.

    Raises BadTitle with a readable message when it cannot name a page.
    """
    if isinstance(address, Title):
        return address
    raw_ns, raw_name = split_address(address)
    name = normalise_name(raw_name)
    if raw_ns is None:
        return Title("Main", name)
    namespace = canonical_namespace(raw_ns)
    if namespace is not None:
        return Title(namespace.name, name)
    # A work's split subpages use the work's name as namespace (KingdomHeartsII/TropesAToL).
    parent = normalise_name(raw_ns)
    if Page.objects.live().filter(name__iexact=parent).exists():
        return Title(parent, name)
    raise BadTitle(f"There is no namespace called {raw_ns!r}.")


def get_page(address: str | Title, *, include_deleted: bool = False) -> Page | None:
    """The page at an address, or None. Raises BadTitle for an address that cannot exist."""
    title = title_for(address)
    pages = Page.objects.all() if include_deleted else Page.objects.live()
    return pages.select_related("current_revision").filter(key=title.key).first()


def follow_redirects(page: Page) -> Page:
    """The page a chain of redirects ends at (at most MAX_REDIRECT_HOPS, loops stop)."""
    seen = {page.id}
    current = page
    for _ in range(MAX_REDIRECT_HOPS):
        if current.redirect_to_id is None or current.redirect_to_id in seen:
            break
        nxt = (
            Page.objects.live()
            .select_related("current_revision")
            .filter(id=current.redirect_to_id)
            .first()
        )
        if nxt is None:
            break
        seen.add(nxt.id)
        current = nxt
    return current


def key_of(address: str) -> str:
    title = title_for(address)
    return page_key(title.namespace, title.name)
