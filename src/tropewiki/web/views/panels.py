"""The derived panels around a page's text: examples from other pages, index bars, tabs."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.cache import cache

from tropewiki.discovery.panels import discovery_context
from tropewiki.knowledge.indexes import index_bars
from tropewiki.knowledge.played import badge_label
from tropewiki.knowledge.queries import (
    Example,
    by_medium,
    examples_of,
    played_counts,
    related_tabs,
)
from tropewiki.wiki.models import Page
from tropewiki.wiki.namespaces import PageType
from tropewiki.wiki.rendering import render_many


def knowledge_context(page: Page) -> dict[str, Any]:
    """Examples (all, and those written elsewhere), played counts, bars and tabs of a page."""
    examples = examples_of(page)
    elsewhere = [e for e in examples if not e.written_on(page)]
    key = f"tw:panel:{page.id}:{page.generation}"
    rendered = cache.get(key)
    if rendered is None or len(rendered) != len(elsewhere):
        rendered = render_many([e.text for e in elsewhere])
        cache.set(key, rendered, settings.TROPEWIKI_PAGE_CACHE_SECONDS)
    for example, html in zip(elsewhere, rendered, strict=True):
        example.html = html  # type: ignore[attr-defined]
    is_trope = page.page_type == PageType.TROPE
    return {
        "examples": examples,
        "elsewhere": elsewhere,
        "elsewhere_groups": by_medium(elsewhere) if is_trope else [("", elsewhere)],
        "played_counts": played_counts(examples) if is_trope else [],
        "index_bars": index_bars(page),
        "tabs": related_tabs(page),
        "badge_label": badge_label,
        **discovery_context(page),
    }


def example_json(example: Example) -> dict[str, Any]:
    return {
        "work": example.work.path if example.work else example.work_path,
        "trope": example.trope.path if example.trope else example.trope_path,
        "played": example.played,
        "text": example.text,
        "spoiler": example.spoiler,
        "sources": [{"page": s.source.path, "side": s.side} for s in example.sources],
    }
