"""Pages and their append-only revisions.

Revisions are the only source of truth: every other table (links, examples, index entries,
search rows) is derived from the current revision of each page and can be rebuilt by
``tropewiki rebuild``. Nothing but :mod:`tropewiki.actions` writes these tables.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.db import models

from tropewiki.wiki.namespaces import Kind, PageType
from tropewiki.wiki.titles import Title, page_key


class Namespace(models.Model):
    name = models.CharField(max_length=40, primary_key=True)
    kind = models.CharField(max_length=10, choices=Kind.CHOICES)
    default_type = models.CharField(max_length=12, choices=PageType.CHOICES)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class PageQuerySet(models.QuerySet["Page"]):
    def live(self) -> PageQuerySet:
        """Pages that are not on the cut list."""
        return self.filter(deleted_at__isnull=True)

    def articles(self) -> PageQuerySet:
        """Live pages with text that are not redirects."""
        return self.live().filter(redirect_to__isnull=True, current_revision__isnull=False)


class Page(models.Model):
    namespace = models.ForeignKey(Namespace, on_delete=models.PROTECT, related_name="pages")
    name = models.CharField(max_length=200)
    key = models.CharField(max_length=260, unique=True)
    title = models.CharField(max_length=300)
    page_type = models.CharField(max_length=12, choices=PageType.CHOICES)
    page_type_locked = models.BooleanField(
        default=False, help_text="Set by a moderator: the type no longer follows the namespace."
    )
    current_revision = models.ForeignKey(
        "Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    redirect_to = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="aliases"
    )
    locked_at = models.DateTimeField(null=True, blank=True)
    locked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    lock_reason = models.CharField(max_length=300, blank=True)
    deleted_at = models.DateTimeField(null=True, blank=True)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    delete_reason = models.CharField(max_length=300, blank=True)
    source_url = models.URLField(
        max_length=500, blank=True, help_text="Where imported content came from (attribution)."
    )
    licence = models.CharField(
        max_length=100,
        blank=True,
        help_text="Licence of the page's content when not the wiki's own, e.g. CC BY-NC-SA 3.0.",
    )
    created_at = models.DateTimeField()
    touched_at = models.DateTimeField(
        help_text="Last time this page or anything it displays changed."
    )
    generation = models.PositiveBigIntegerField(
        default=0, help_text="Bumped on every change to what the page shows; keys its page cache."
    )

    objects = PageQuerySet.as_manager()

    class Meta:
        indexes = [
            models.Index(fields=["namespace", "name"]),
            models.Index(fields=["page_type", "name"]),
            models.Index(fields=["-touched_at"]),
        ]

    def __str__(self) -> str:
        return self.path

    @property
    def path(self) -> str:
        return f"{self.namespace_id}/{self.name}"

    @property
    def as_title(self) -> Title:
        return Title(str(self.namespace_id), self.name)

    @property
    def url(self) -> str:
        return f"/{self.namespace_id}/{self.name}"

    @property
    def is_locked(self) -> bool:
        return self.locked_at is not None

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    @property
    def is_redirect(self) -> bool:
        return self.redirect_to_id is not None

    def set_address(self, namespace: str, name: str) -> None:
        self.namespace_id = namespace
        self.name = name
        self.key = page_key(namespace, name)


class Revision(models.Model):
    """One saved state of a page. Rows are inserted, never updated or deleted."""

    class Kind(models.TextChoices):
        EDIT = "edit", "Edit"
        CREATE = "create", "Create"
        REVERT = "revert", "Revert"
        MERGE = "merge", "Merged edit"
        RENAME = "rename", "Rename"
        DELETE = "delete", "Cut"
        RESTORE = "restore", "Restore"
        IMPORT = "import", "Import"

    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="revisions")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    number = models.PositiveIntegerField(help_text="1, 2, 3… within the page.")
    kind = models.CharField(max_length=8, choices=Kind.choices, default=Kind.EDIT)
    text = models.TextField()
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="revisions",
    )
    author_name = models.CharField(
        max_length=150, help_text="User name at the time, or the IP / importer for others."
    )
    reason = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField()
    size = models.PositiveIntegerField()
    sha1 = models.CharField(max_length=40)
    address = models.CharField(
        max_length=260, help_text="Namespace/Name of the page when this revision was made."
    )

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["page", "number"], name="revision_number_unique"),
        ]
        indexes = [models.Index(fields=["-created_at"])]

    def __str__(self) -> str:
        return f"{self.address} r{self.number}"

    @staticmethod
    def digest(text: str) -> str:
        return hashlib.sha1(text.encode("utf-8")).hexdigest()
