"""Reads behind the trope, work and wick-check views: examples grouped as one record per pair."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from tropewiki.knowledge.models import ExampleSource
from tropewiki.knowledge.played import badge_label
from tropewiki.wiki.models import Page
from tropewiki.wiki.namespaces import Kind, PageType

#: The subpage tabs shown on works and tropes, in the order TV Tropes shows them.
TAB_NAMESPACES = (
    "Laconic",
    "PlayingWith",
    "YMMV",
    "Trivia",
    "Characters",
    "Quotes",
    "Awesome",
    "Funny",
    "Fridge",
    "Headscratchers",
    "WMG",
    "Recap",
    "Analysis",
    "Synopsis",
    "Timeline",
    "FanWorks",
)
WORK_ONLY_TABS = {"YMMV", "Trivia", "Characters", "Recap", "Synopsis", "Timeline", "FanWorks"}
TROPE_ONLY_TABS = {"PlayingWith"}


@dataclass
class Example:
    """One (work, trope) example, however many pages it is written on."""

    work: Page | None
    work_path: str
    trope: Page | None
    trope_path: str
    played: list[str] = field(default_factory=list)
    text: str = ""
    spoiler: bool = False
    sources: list[ExampleSource] = field(default_factory=list)

    @property
    def sides(self) -> set[str]:
        return {s.side for s in self.sources}

    @property
    def one_sided(self) -> bool:
        return len(self.sides) < 2

    def written_on(self, page: Page) -> bool:
        return any(s.source_id == page.id for s in self.sources)


def _group(sources: list[ExampleSource], prefer_side: str) -> list[Example]:
    groups: dict[tuple[object, object], Example] = {}
    for src in sources:
        pair = (src.work_id or src.work_key, src.trope_id or src.trope_key)
        example = groups.get(pair)
        if example is None:
            example = groups[pair] = Example(src.work, src.work_path, src.trope, src.trope_path)
        example.sources.append(src)
    for example in groups.values():
        example.sources.sort(key=lambda s: (s.side != prefer_side, s.source_id))
        chosen = example.sources[0]
        example.text = chosen.text
        example.spoiler = chosen.spoiler
        example.played = sorted({p for s in example.sources for p in s.played_list})
    return list(groups.values())


def examples_of(page: Page) -> list[Example]:
    """Every example of a work or a trope, from both sides (one query)."""
    if page.page_type == PageType.TROPE:
        sources = list(ExampleSource.objects.filter(trope=page).select_related("work", "source"))
        for src in sources:
            src.trope = page
        examples = _group(sources, prefer_side="trope")
        return sorted(examples, key=lambda e: _sort_title(e.work.title if e.work else e.work_path))
    if page.page_type == PageType.WORK:
        sources = list(ExampleSource.objects.filter(work=page).select_related("trope", "source"))
        for src in sources:
            src.work = page
        examples = _group(sources, prefer_side="work")
        return sorted(
            examples, key=lambda e: _sort_title(e.trope.title if e.trope else e.trope_path)
        )
    return []


def _sort_title(title: str) -> str:
    lowered = title.lower()
    return lowered[4:] if lowered.startswith("the ") else lowered


def by_medium(examples: list[Example]) -> list[tuple[str, list[Example]]]:
    """Group a trope's examples by the namespace of their work, as folders."""
    groups: dict[str, list[Example]] = {}
    for example in examples:
        medium = example.work.namespace_id if example.work else example.work_path.split("/")[0]
        groups.setdefault(str(medium), []).append(example)
    return sorted(groups.items())


def played_counts(examples: list[Example]) -> list[tuple[str, int]]:
    """How many examples play the trope each way; straight is those announcing nothing."""
    counts: Counter[str] = Counter()
    for example in examples:
        counts.update(example.played or ["straight"])
    return counts.most_common()


@dataclass(frozen=True, slots=True)
class Tab:
    namespace: str
    url: str
    exists: bool
    current: bool


def related_tabs(page: Page) -> list[Tab]:
    """Main | Laconic | PlayingWith | existing subpages | (missing ones, for Create New)."""
    base_name = page.name
    if page.namespace.kind == Kind.SUBPAGE:
        main = (
            Page.objects.articles()
            .filter(name=base_name)
            .exclude(namespace__kind=Kind.SUBPAGE)
            .first()
        )
    else:
        main = page
    kind = main.page_type if main is not None else PageType.OTHER
    if kind not in (PageType.WORK, PageType.TROPE):
        return []
    existing = set(
        Page.objects.live()
        .filter(namespace__kind=Kind.SUBPAGE, name__iexact=base_name)
        .values_list("namespace_id", flat=True)
    )
    tabs = [Tab("Main", main.url, True, page.id == main.id)]
    for ns in TAB_NAMESPACES:
        if (kind == PageType.TROPE and ns in WORK_ONLY_TABS) or (
            kind == PageType.WORK and ns in TROPE_ONLY_TABS
        ):
            continue
        tabs.append(Tab(ns, f"/{ns}/{base_name}", ns in existing, page.namespace_id == ns))
    return tabs


def one_sided_examples(page: Page | None = None, limit: int = 500) -> list[Example]:
    """Examples written on only one side (the crosswicking check), for a page or site-wide."""
    sources = (
        ExampleSource.objects.select_related("work", "trope", "source")
        .exclude(work__isnull=True)
        .exclude(trope__isnull=True)
    )
    if page is not None:
        if page.page_type == PageType.TROPE:
            sources = sources.filter(trope=page)
        elif page.page_type == PageType.WORK:
            sources = sources.filter(work=page)
        else:
            return []
    examples = [e for e in _group(list(sources.order_by("id")[: limit * 4]), "work") if e.one_sided]
    return examples[:limit]


def own_badges(page: Page) -> dict[int, list[str]]:
    """How-played labels of the examples written on ``page``, by bullet position."""
    rows = (
        ExampleSource.objects.filter(source=page)
        .exclude(played="")
        .values_list("position", "played")
    )
    return {
        position: [badge_label(slug) for slug in played.split(",")] for position, played in rows
    }
