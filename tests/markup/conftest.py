"""Shared helpers for the markup tests; nothing here needs Django.

The markup tests run on their own with
``pytest tests/markup -p no:django --confcutdir=tests/markup`` (the cut keeps the suite-wide
``tests/conftest.py``, which sets Django up, out of the way).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

#: The ``shared`` directory that sits next to the repository root.
SHARED_DIR = Path(__file__).resolve().parents[2].parent / "shared"


@pytest.fixture(scope="session")
def shared_file() -> Callable[[str], Path]:
    """A function: a file under ``../shared``, or skip the test when it is absent."""

    def find(relative: str) -> Path:
        path = SHARED_DIR / relative
        if not path.is_file():
            pytest.skip(f"{SHARED_DIR} is absent or incomplete: {relative} not found")
        return path

    return find
