"""Resolve markup link targets to pages in one query (blue or red links)."""

from __future__ import annotations

from collections.abc import Collection, Mapping

from tropewiki.markup import Resolved, Target
from tropewiki.markup.titles import spaced_title
from tropewiki.wiki.models import Page
from tropewiki.wiki.titles import page_key


class PageResolver:
    """The markup renderer's resolver backed by the Page table."""

    def resolve_many(self, targets: Collection[Target]) -> Mapping[Target, Resolved]:
        keys = {page_key(t.namespace, t.name) for t in targets if t.name}
        found = {
            row["key"]: row
            for row in Page.objects.live()
            .filter(key__in=keys)
            .values("key", "namespace_id", "name", "title")
        }
        out: dict[Target, Resolved] = {}
        for target in targets:
            anchor = f"#{target.anchor}" if target.anchor else ""
            row = found.get(page_key(target.namespace, target.name)) if target.name else None
            if row is None:
                out[target] = Resolved(
                    url=f"/{target.namespace}/{target.name}{anchor}" if target.name else anchor,
                    exists=not target.name,
                    title=spaced_title(target.name) if target.name else target.anchor,
                )
            else:
                out[target] = Resolved(
                    url=f"/{row['namespace_id']}/{row['name']}{anchor}",
                    exists=True,
                    title=row["title"],
                )
        return out
