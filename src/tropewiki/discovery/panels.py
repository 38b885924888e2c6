"""The discovery panel of work and trope pages: works like this, tropes that travel together,
and pictures of a work's trope profile and of a trope's spread over media and time.

Freshness: the similarity model is rebuilt when the examples change (checked at most every
:data:`~tropewiki.discovery.similarity.CHECK_SECONDS` per process); a panel is cached for
:data:`PANEL_SECONDS` under the page's generation and the model's version, so it is recomputed
when either changes. The anonymous page cache (keyed by page generation) can keep an older
"works like this" until the page itself changes or ``TROPEWIKI_PAGE_CACHE_SECONDS`` pass —
the page's own examples always bump its generation; other works' edits do not.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.core.cache import cache
from django.db.models import Count

from tropewiki.discovery.charts import Bar, bar_chart, column_chart
from tropewiki.discovery.similarity import SimilarityModel, current_model
from tropewiki.knowledge.models import ExampleSource
from tropewiki.knowledge.played import badge_label
from tropewiki.knowledge.queries import examples_of, played_counts
from tropewiki.search.models import SearchDocument
from tropewiki.wiki.models import Page
from tropewiki.wiki.namespaces import PageType

PANEL_SECONDS = 600
SIMILAR_WORKS = 8
REASONS = 4
COMPANIONS = 10
DISTINCTIVE = 8
#: Below this many works a pair of tropes met once already says something.
SMALL_WIKI = 100


def discovery_context(page: Page) -> dict[str, Any]:
    """``{"discovery": panel}`` for a live work or trope page; ``{}`` for any other page."""
    if page.page_type not in (PageType.WORK, PageType.TROPE) or page.is_redirect:
        return {}
    if page.is_deleted:
        return {}
    model = current_model()
    key = f"tw:discovery:{page.id}:{page.generation}:{model.version}"
    panel = cache.get(key)
    if panel is None:
        panel = (
            _work_panel(page, model)
            if page.page_type == PageType.WORK
            else _trope_panel(page, model)
        )
        cache.set(key, panel, PANEL_SECONDS)
    return {"discovery": panel}


def _link(page: Page) -> dict[str, str]:
    return {"title": page.title, "url": page.url, "namespace": str(page.namespace_id)}


def _pages(ids: set[int]) -> dict[int, Page]:
    return Page.objects.live().only("id", "namespace_id", "name", "title").in_bulk(ids)


def _work_panel(page: Page, model: SimilarityModel) -> dict[str, Any]:
    neighbours = model.similar(page.id, SIMILAR_WORKS, REASONS)
    distinctive = model.distinctive(page.id, DISTINCTIVE)
    pages = _pages(
        {n.work_id for n in neighbours}
        | {t for n in neighbours for t in n.shared}
        | {t for t, _, _ in distinctive}
    )
    similar = [
        {
            **_link(pages[n.work_id]),
            "score": round(100 * n.score),
            "shared": [_link(pages[t]) for t in n.shared if t in pages],
        }
        for n in neighbours
        if n.work_id in pages
    ]
    played = [
        Bar(badge_label(slug), n, f"{n} trope{'' if n == 1 else 's'}")
        for slug, n in played_counts(examples_of(page))
    ]
    rare = [
        Bar(pages[t].title, round(weight, 3), f"in {df} work{'' if df == 1 else 's'}")
        for t, weight, df in distinctive
        if t in pages
    ]
    ident = f"chart-{page.id}"
    return {
        "kind": "work",
        "similar": similar,
        "played_chart": bar_chart(f"{ident}-played", f"How {page.title} plays its tropes", played),
        "distinctive_chart": bar_chart(
            f"{ident}-distinctive",
            f"The tropes that set {page.title} apart (found in fewest works)",
            rare,
        ),
    }


def _trope_panel(page: Page, model: SimilarityModel) -> dict[str, Any]:
    min_count = 1 if model.n_works < SMALL_WIKI else 2
    companions = model.companions(page.id, COMPANIONS, min_count)
    pages = _pages({c.trope_id for c in companions})
    travels = [
        {**_link(pages[c.trope_id]), "count": c.count, "lift": round(c.lift, 1)}
        for c in companions
        if c.trope_id in pages
    ]
    works = ExampleSource.objects.filter(trope=page, work__isnull=False)
    media = [
        Bar(row["work__namespace_id"], row["n"], f"{row['n']} work{'' if row['n'] == 1 else 's'}")
        for row in works.values("work__namespace_id")
        .annotate(n=Count("work_id", distinct=True))
        .order_by("-n", "work__namespace_id")
    ]
    years = SearchDocument.objects.filter(
        page_id__in=works.values("work_id"), year__isnull=False
    ).values_list("year", flat=True)
    decades = Counter(year // 10 * 10 for year in years)
    timeline = (
        [Bar(f"{d}s", decades.get(d, 0)) for d in range(min(decades), max(decades) + 10, 10)]
        if decades
        else []
    )
    ident = f"chart-{page.id}"
    return {
        "kind": "trope",
        "companions": travels,
        "media_chart": bar_chart(f"{ident}-media", f"Works with {page.title}, by medium", media),
        "time_chart": column_chart(
            f"{ident}-time", f"Works with {page.title}, by decade of the work", timeline
        ),
        "dated": sum(decades.values()),
    }
