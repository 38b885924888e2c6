"""The search index: one document per article, and the titles autocomplete looks up.

Both tables are derived from the current revision of each page (rebuilt by ``tropewiki
rebuild``) and written only by :mod:`tropewiki.search.indexer`, which the write path calls in
the save transaction. The full-text machinery beside :class:`SearchDocument` depends on the
database and lives outside Django's model state (see ``migrations/0001_initial.py``):

* SQLite: FTS5 tables ``search_fts`` (every column) and ``search_names`` (titles only) with
  ``search_document`` as their external content, kept in step by triggers;
* PostgreSQL: a generated ``tsvector`` column ``search_document.vector`` with a GIN index.
"""

from __future__ import annotations

from django.db import models

from tropewiki.wiki.models import Page


class SearchDocument(models.Model):
    """The searchable text of one article (not of redirects, which are :class:`TitleEntry`)."""

    page = models.OneToOneField(
        Page, primary_key=True, on_delete=models.CASCADE, related_name="search_document"
    )
    namespace = models.CharField(max_length=40)
    page_type = models.CharField(max_length=12)
    path = models.CharField(max_length=260, help_text="Namespace/Name, for result links.")
    title = models.CharField(max_length=300)
    names = models.TextField(help_text="The title and the titles of redirects to the page.")
    laconic = models.TextField(blank=True, help_text="Laconic/<Name>'s text, for Main/<Name>.")
    summary = models.TextField(blank=True, help_text="The text before the first list or heading.")
    body = models.TextField(blank=True, help_text="The rest of the text, spoilers left out.")
    spoilers = models.TextField(blank=True, help_text="Spoiler text: findable, never shown.")
    year = models.IntegerField(
        null=True, blank=True, help_text="A work's year, read from its summary (a heuristic)."
    )

    class Meta:
        db_table = "search_document"
        indexes = [
            models.Index(fields=["namespace"], name="search_doc_namespace"),
            models.Index(fields=["page_type"], name="search_doc_type"),
        ]

    def __str__(self) -> str:
        return self.path


class TitleEntry(models.Model):
    """One way of typing a page's title, for autocomplete: ``key`` is the folded title.

    An article has entries for its title, its title without a leading article ("The …") and
    its WikiWord name; a redirect page has the same for its own title, with ``target`` the
    page it leads to (an alias).
    """

    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="+")
    target = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=300)
    title = models.CharField(max_length=300)

    class Meta:
        db_table = "search_title"
        indexes = [models.Index(fields=["key"], name="search_title_key")]

    def __str__(self) -> str:
        return f"{self.key} → {self.target_id}"

    @property
    def is_alias(self) -> bool:
        return self.page_id != self.target_id
