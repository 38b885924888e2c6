"""Pages read from files → what to save: the pages, their aliases, the index pages their bars
imply, and split subpages (with an alias that gives their group a home when needed)."""

from __future__ import annotations

from dataclasses import dataclass, field

from tropewiki.actions import Attribution
from tropewiki.actions.bulk import PageInput
from tropewiki.io.bars import index_page_text, member_keys, merge_members
from tropewiki.io.pages import ImportedPage, Ref
from tropewiki.io.text import LICENCE, url_for
from tropewiki.wiki import directives
from tropewiki.wiki.models import Namespace, Page
from tropewiki.wiki.namespaces import PageType
from tropewiki.wiki.titles import page_key


@dataclass(slots=True)
class Plan:
    """Inputs in the order they can be saved: pages, then aliases and indexes, then splits."""

    pages: list[PageInput] = field(default_factory=list)
    links: list[PageInput] = field(default_factory=list)  # aliases and index pages
    splits: list[PageInput] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    aliases: int = 0
    indexes: int = 0


def plan_pages(pages: list[ImportedPage], tool_name: str) -> Plan:
    plan = Plan()
    namespaces = {n.lower() for n in Namespace.objects.values_list("name", flat=True)}
    in_run = {page_key(p.namespace, p.name): p for p in pages}
    names_in_run = {p.name.lower() for p in pages if p.namespace.lower() in namespaces}
    homes: set[str] = set()
    for page in sorted(pages, key=lambda p: p.path):
        attribution = Attribution(page.source_url, page.licence or LICENCE)
        reason = f"Imported from {page.origin}"[:500] if page.origin else "Imported"
        item = PageInput(page.path, page.text, reason, page.page_type, attribution)
        if page.namespace.lower() in namespaces:
            plan.pages.append(item)
        elif _group_exists(page.namespace, names_in_run):
            plan.splits.append(item)
        elif page.work_hint is not None and _exists(page.work_hint, in_run):
            home = Ref(page.work_hint.namespace, page.namespace)
            if home.path not in homes:
                homes.add(home.path)
                plan.links.append(_redirect(home, page.work_hint, "Home of the split subpages"))
                plan.aliases += 1
            plan.splits.append(item)
        else:
            plan.skipped.append(
                (page.path, f"no namespace {page.namespace} and no page of that name to split")
            )
    _aliases(pages, in_run, plan)
    _indexes(pages, in_run, tool_name, plan, namespaces)
    return plan


def _group_exists(group: str, names_in_run: set[str]) -> bool:
    return group.lower() in names_in_run or Page.objects.live().filter(name__iexact=group).exists()


def _exists(ref: Ref, in_run: dict[str, ImportedPage]) -> bool:
    key = page_key(ref.namespace, ref.name)
    return key in in_run or Page.objects.live().filter(key=key).exists()


def _redirect(alias: Ref, target: Ref, reason: str) -> PageInput:
    return PageInput(alias.path, directives.redirect_text(target.path), reason=reason)


def _aliases(pages: list[ImportedPage], in_run: dict[str, ImportedPage], plan: Plan) -> None:
    wanted = {page_key(a.namespace, a.name): (a, p) for p in pages for a in p.aliases}
    existing = {
        key: text
        for key, text in Page.objects.filter(key__in=list(wanted)).values_list(
            "key", "current_revision__text"
        )
    }
    for key, (alias, page) in sorted(wanted.items()):
        text = directives.redirect_text(page.path)
        if key in in_run:
            plan.skipped.append((alias.path, f"alias of {page.path}, but a page of its own here"))
        elif key in existing and (existing[key] or "").strip() != text:
            plan.skipped.append((alias.path, f"alias of {page.path}, but already a page"))
        else:
            plan.links.append(_redirect(alias, page.ref, f"Alternative title of {page.path}"))
            plan.aliases += 1


def _indexes(
    pages: list[ImportedPage],
    in_run: dict[str, ImportedPage],
    tool_name: str,
    plan: Plan,
    namespaces: set[str],
) -> None:
    bars: dict[str, tuple[Ref, list]] = {}
    for page in sorted(pages, key=lambda p: p.path):
        for bar in page.bars:
            key = page_key(bar.index.namespace, bar.index.name)
            bars.setdefault(key, (bar.index, []))[1].append((bar.previous, page.ref, bar.next))
    existing = {
        key: (text, author)
        for key, text, author in Page.objects.filter(key__in=list(bars)).values_list(
            "key", "current_revision__text", "current_revision__author_name"
        )
    }
    for key, (index, rows) in sorted(bars.items()):
        if key in in_run:
            continue  # the index page itself is imported: its own list makes the bars
        if index.namespace.lower() not in namespaces:
            plan.skipped.append(
                (index.path, f"an index in {index.namespace}, not a namespace here")
            )
            continue
        members: list[tuple[str, str]] | None = []
        if key in existing:
            text, author = existing[key]
            members = member_keys(text or "") if author == tool_name else None
            if members is None:
                plan.skipped.append((index.path, "an index page of its own: its list is kept"))
                continue
        for row in rows:
            members = merge_members(members, row)
        plan.links.append(
            PageInput(
                index.path,
                index_page_text(index, members),
                reason="Index put together from the bars of imported pages",
                page_type=PageType.INDEX,
                attribution=Attribution(url_for(index.namespace, index.name), LICENCE),
            )
        )
        plan.indexes += 1
