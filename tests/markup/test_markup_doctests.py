"""The examples in the markup package's docstrings stay true."""

from __future__ import annotations

import doctest
from types import ModuleType

import pytest

import tropewiki.markup
from tropewiki.markup import titles


@pytest.mark.parametrize("module", [tropewiki.markup, titles], ids=lambda m: m.__name__)
def test_docstring_examples(module: ModuleType) -> None:
    """Every ``>>>`` example in the module's docstrings gives what it shows."""
    result = doctest.testmod(module)
    assert result.attempted > 0
    assert result.failed == 0
