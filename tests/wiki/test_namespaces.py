"""Namespaces are data seeded by a migration, matching the namespaces the markup knows."""

from __future__ import annotations

import pytest

from tropewiki.wiki.models import Namespace
from tropewiki.wiki.namespaces import seeds

pytestmark = pytest.mark.django_db


def test_migration_seeds_every_known_namespace():
    """The seed migration created exactly the namespaces of the seed list, with their types."""
    stored = {n.name: (n.kind, n.default_type) for n in Namespace.objects.all()}
    expected = {s.name: (s.kind, s.default_type) for s in seeds()}
    assert stored == expected


@pytest.mark.parametrize(
    "name, page_type",
    [
        ("Main", "trope"),
        ("Film", "work"),
        ("Creator", "creator"),
        ("YMMV", "subpage"),
        ("UsefulNotes", "usefulnote"),
    ],
)
def test_default_page_types(name, page_type):
    """Each namespace gives its pages the expected default type."""
    assert Namespace.objects.get(name=name).default_type == page_type
