"""Tables derived from the current revision of each page (rebuildable from revisions)."""

from __future__ import annotations

from django.db import models

from tropewiki.wiki.models import Page


class Link(models.Model):
    """A wiki link written on ``source``; ``target`` is the page at ``target_key``, if any."""

    source = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="links_out")
    target_key = models.CharField(max_length=260, db_index=True)
    target_namespace = models.CharField(max_length=40)
    target_name = models.CharField(max_length=200)
    target = models.ForeignKey(
        Page, null=True, blank=True, on_delete=models.SET_NULL, related_name="links_in"
    )
    count = models.PositiveIntegerField(default=1)
    in_spoiler = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["source", "target_key"], name="link_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.source_id} → {self.target_namespace}/{self.target_name}"


class ExampleSource(models.Model):
    """One example bullet as written on one page.

    An *example* is a (work, trope) pair; it may be written on the work's page (side ``work``),
    on the trope's page (side ``trope``) or both — then it has two sources and is shown once.
    ``work``/``trope`` are the resolved pages (through redirects); the keys are as written, so a
    page created later picks up the examples already written about it.
    """

    class Side(models.TextChoices):
        WORK = "work", "Written on the work's page"
        TROPE = "trope", "Written on the trope's page"

    source = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="example_sources")
    side = models.CharField(max_length=5, choices=Side.choices)
    work_key = models.CharField(max_length=260, db_index=True)
    trope_key = models.CharField(max_length=260, db_index=True)
    work_path = models.CharField(max_length=260, help_text="Namespace/Name as written.")
    trope_path = models.CharField(max_length=260, help_text="Namespace/Name as written.")
    work = models.ForeignKey(
        Page, null=True, blank=True, on_delete=models.SET_NULL, related_name="work_examples"
    )
    trope = models.ForeignKey(
        Page, null=True, blank=True, on_delete=models.SET_NULL, related_name="trope_examples"
    )
    text = models.TextField(help_text="The example's markup after the leading link.")
    played = models.CharField(
        max_length=200, blank=True, help_text="Comma-separated variation slugs."
    )
    spoiler = models.BooleanField(default=False)
    folder = models.CharField(max_length=200, blank=True)
    position = models.PositiveIntegerField()

    class Meta:
        indexes = [
            models.Index(fields=["trope", "work"]),
            models.Index(fields=["work", "trope"]),
        ]

    def __str__(self) -> str:
        return f"{self.work_key} × {self.trope_key} ({self.side})"

    @property
    def played_list(self) -> list[str]:
        return [p for p in self.played.split(",") if p]


class IndexEntry(models.Model):
    """A member of an index page: the first link of one of its bullets, in written order."""

    index = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="index_entries")
    member_key = models.CharField(max_length=260, db_index=True)
    member = models.ForeignKey(
        Page, null=True, blank=True, on_delete=models.SET_NULL, related_name="memberships"
    )
    position = models.PositiveIntegerField()

    class Meta:
        ordering = ["index", "position"]
        indexes = [models.Index(fields=["index", "position"])]

    def __str__(self) -> str:
        return f"{self.index_id}#{self.position} {self.member_key}"
