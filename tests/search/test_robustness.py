"""Whatever is typed, search answers (no query can break the backend's syntax)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tropewiki.search.finder import find_tropes
from tropewiki.search.service import autocomplete, search

pytestmark = pytest.mark.django_db

QUERY_TEXT = st.text(
    alphabet=st.sampled_from(list("ab -\"*:|()^{}[]+~.,'’&%_\\éOR NOTAND\x00\ue000")), max_size=40
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=QUERY_TEXT)
def test_any_query_is_answered(wiki, text):
    """Quotes, operators, brackets, NUL and marker characters never raise."""
    search(text)
    find_tropes(text)
    autocomplete(text)


@pytest.mark.parametrize(
    "text",
    ['"', "-", "*", "OR", "NOT a", "a AND b", "a NEAR b", "{names}: x", "col:x", "^a", "a*b*"],
)
def test_fts_operators_are_plain_words(wiki, text):
    """FTS5 and tsquery operators typed by a reader are searched as words, not obeyed."""
    search(text)
