"""Trope queries: works having tropes A and B but not C, by medium and by how they are played.

::

    trope:StarCrossedLovers trope:DownerEnding -trope:LoveTriangle medium:Literature
    played:subverted:Main/DownerEnding      # the work plays Downer Ending subverted
    played:averted                          # every trope: term without its own played: is averted

* ``trope:X`` (or a bare ``X``) — the work has an example of trope X (a WikiWord, a title in
  quotes, or ``Main/X``; redirects are followed); ``-trope:X`` — it has none.
* ``played:<how>:X`` — the work has X played that way (``straight`` = announcing no
  variation); ``-played:<how>:X`` leaves those works out. ``played:<how>`` alone applies to
  each ``trope:`` term that has no ``played:`` of its own.
* ``medium:Literature`` — the work's namespace (several: any of them); ``-medium:Film``.

The syntax is documented for readers in ``docs/search.md``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet

from tropewiki.knowledge.models import ExampleSource
from tropewiki.knowledge.played import STRAIGHT, VARIATIONS, badge_label
from tropewiki.search.models import TitleEntry
from tropewiki.search.titles import fold
from tropewiki.wiki.lookup import follow_redirects, get_page, title_for
from tropewiki.wiki.models import Namespace, Page
from tropewiki.wiki.namespaces import Kind, PageType
from tropewiki.wiki.titles import BadTitle

PER_PAGE = 50
MAX_TERMS = 12
SLUGS = {STRAIGHT, *(v.slug for v in VARIATIONS)}

_TOKEN = re.compile(r'(-?)(?:([A-Za-z]+):)?("[^"]*"?|[^\s"]+)')


@dataclass(frozen=True)
class Condition:
    """One ``trope:`` / ``played:`` term: the trope (a page, or a key when it has no page)."""

    written: str
    path: str
    trope_id: int | None
    trope_key: str
    played: str | None = None
    negated: bool = False

    @property
    def label(self) -> str:
        text = f"played:{self.played}:{self.path}" if self.played else f"trope:{self.path}"
        return f"-{text}" if self.negated else text

    def q(self) -> Q:
        """The works this condition (without its sign) selects, as a filter on Page."""
        rows = ExampleSource.objects.filter(work__isnull=False)
        rows = (
            rows.filter(trope_id=self.trope_id)
            if self.trope_id is not None
            else rows.filter(trope_key=self.trope_key)
        )
        if self.played is None:
            return Q(id__in=rows.values("work_id"))
        if self.played == STRAIGHT:
            # Straight: no page that writes the example announces a variation.
            return Q(id__in=rows.values("work_id")) & ~Q(
                id__in=rows.exclude(played="").values("work_id")
            )
        slug = self.played
        played = (
            Q(played=slug)
            | Q(played__startswith=f"{slug},")
            | Q(played__endswith=f",{slug}")
            | Q(played__contains=f",{slug},")
        )
        return Q(id__in=rows.filter(played).values("work_id"))


@dataclass
class TropeQuery:
    text: str
    conditions: list[Condition] = field(default_factory=list)
    media: list[str] = field(default_factory=list)
    not_media: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def runnable(self) -> bool:
        return not self.errors and bool(self.conditions or self.media or self.not_media)

    def works(self) -> QuerySet[Page]:
        works = Page.objects.articles().filter(page_type=PageType.WORK)
        for condition in self.conditions:
            works = (
                works.exclude(condition.q()) if condition.negated else works.filter(condition.q())
            )
        if self.media:
            works = works.filter(namespace_id__in=self.media)
        if self.not_media:
            works = works.exclude(namespace_id__in=self.not_media)
        return works


def parse_trope_query(text: str) -> TropeQuery:
    """Read a query; unknown tropes, media or ways of playing become ``errors``."""
    query = TropeQuery(text or "")
    pending: list[tuple[str, str | None, bool]] = []  # (trope as written, played, negated)
    default_played: str | None = None
    for match in _TOKEN.finditer(text or ""):
        minus, key, value = match.group(1), (match.group(2) or "trope").lower(), match.group(3)
        value = value.strip('"').strip()
        if not value:
            continue
        if key == "trope":
            pending.append((value, None, bool(minus)))
        elif key == "played":
            slug, _, trope = value.partition(":")
            slug = _slug(slug, query.errors)
            if slug is None:
                continue
            if trope:
                pending.append((trope, slug, bool(minus)))
            else:
                default_played = slug
        elif key in ("medium", "media"):
            medium = _medium(value, query.errors)
            if medium is not None:
                (query.not_media if minus else query.media).append(medium)
        else:
            query.errors.append(f"Unknown term {key}: (use trope:, played: or medium:).")
    for written, played, negated in pending[:MAX_TERMS]:
        if played is None and not negated:
            played = default_played
        condition = _condition(written, played, negated, query.errors)
        if condition is not None:
            query.conditions.append(condition)
    if len(pending) > MAX_TERMS:
        query.errors.append(f"At most {MAX_TERMS} tropes per query.")
    return query


def _slug(raw: str, errors: list[str]) -> str | None:
    slug = re.sub(r"[\s_]+", "-", raw.strip().lower())
    if slug in SLUGS:
        return slug
    known = ", ".join(sorted(SLUGS))
    errors.append(f"Unknown way of playing a trope: {raw!r} (one of {known}).")
    return None


def _medium(raw: str, errors: list[str]) -> str | None:
    found = Namespace.objects.filter(name__iexact=raw, kind=Kind.MEDIA).first()
    if found is None:
        errors.append(f"{raw!r} is not a medium (a works namespace such as Literature or Film).")
        return None
    return found.name


def _condition(
    written: str, played: str | None, negated: bool, errors: list[str]
) -> Condition | None:
    try:
        page = get_page(written)
    except BadTitle as exc:
        page = _by_title(written)
        if page is None:
            errors.append(f"{written!r} cannot name a trope: {exc}")
            return None
    page = page or _by_title(written)
    if page is None:
        title = title_for(written)
        if not ExampleSource.objects.filter(trope_key=title.key).exists():
            errors.append(f"There is no trope {title.path}.")
            return None
        return Condition(written, title.path, None, title.key, played, negated)
    page = follow_redirects(page)
    if page.page_type != PageType.TROPE:
        errors.append(f"{page.path} is not a trope.")
        return None
    return Condition(written, page.path, page.id, page.key, played, negated)


def _by_title(written: str) -> Page | None:
    """The trope titled ``written`` (``"Star-Crossed Lovers"``), through autocomplete's keys."""
    entry = (
        TitleEntry.objects.filter(key=fold(written), target__deleted_at__isnull=True)
        .filter(target__page_type=PageType.TROPE)
        .select_related("target")
        .order_by("id")
        .first()
    )
    return entry.target if entry is not None else None


@dataclass
class WorkRow:
    page: Page
    played: dict[str, list[str]]  # trope path → how this work plays it


@dataclass
class Answer:
    query: TropeQuery
    total: int = 0
    by_medium: list[tuple[str, int]] = field(default_factory=list)
    counts: list[tuple[Condition, int]] = field(default_factory=list)
    rows: list[WorkRow] = field(default_factory=list)
    page: int = 1
    per_page: int = PER_PAGE

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))

    def as_json(self) -> dict[str, object]:
        return {
            "query": self.query.text,
            "terms": [
                {"trope": c.path, "played": c.played, "negated": c.negated}
                for c in self.query.conditions
            ],
            "media": self.query.media,
            "not_media": self.query.not_media,
            "errors": self.query.errors,
            "total": self.total,
            "by_medium": dict(self.by_medium),
            "counts": [{"term": c.label, "works": n} for c, n in self.counts],
            "page": self.page,
            "pages": self.pages,
            "results": [
                {
                    "title": row.page.title,
                    "path": row.page.path,
                    "url": row.page.url,
                    "namespace": row.page.namespace_id,
                    "tropes": row.played,
                }
                for row in self.rows
            ],
        }


def answer(query: TropeQuery, page: int = 1, per_page: int = PER_PAGE) -> Answer:
    """Counts (in all, per medium, per term on its own) and one page of matching works."""
    result = Answer(query, page=max(1, page), per_page=per_page)
    if not query.runnable:
        return result
    works = query.works()
    result.by_medium = [
        (row["namespace_id"], row["n"])
        for row in works.order_by()
        .values("namespace_id")
        .annotate(n=Count("id"))
        .order_by("-n", "namespace_id")
    ]
    result.total = sum(n for _, n in result.by_medium)
    alone = Page.objects.articles().filter(page_type=PageType.WORK)
    result.counts = [
        (c, (alone.exclude(c.q()) if c.negated else alone.filter(c.q())).count())
        for c in query.conditions
    ]
    start = (result.page - 1) * per_page
    pages = list(works.order_by("title", "id")[start : start + per_page])
    result.rows = _played_rows(pages, [c for c in query.conditions if not c.negated])
    return result


def _played_rows(pages: list[Page], positive: list[Condition]) -> list[WorkRow]:
    rows = {p.id: WorkRow(p, {}) for p in pages}
    by_id = {c.trope_id: c.path for c in positive if c.trope_id is not None}
    by_key = {c.trope_key: c.path for c in positive if c.trope_id is None}
    if rows and positive:
        sources = ExampleSource.objects.filter(work_id__in=rows).filter(
            Q(trope_id__in=by_id) | Q(trope_key__in=by_key)
        )
        for work_id, trope_id, trope_key, played in sources.values_list(
            "work_id", "trope_id", "trope_key", "played"
        ):
            path = by_id.get(trope_id) or by_key.get(trope_key)
            if path is None:
                continue
            slugs = rows[work_id].played.setdefault(path, [])
            for slug in played.split(","):
                if slug and slug not in slugs:
                    slugs.append(slug)
    for row in rows.values():
        for path in row.played:
            row.played[path] = sorted(row.played[path], key=_slug_order) or [STRAIGHT]
    return list(rows.values())


def _slug_order(slug: str) -> int:
    return [v.slug for v in VARIATIONS].index(slug) if slug in SLUGS - {STRAIGHT} else -1


__all__ = ["Answer", "Condition", "TropeQuery", "answer", "badge_label", "parse_trope_query"]
