"""Discovery tests start without a similarity model left over from another test."""

from __future__ import annotations

import pytest

from tropewiki.discovery import similarity


@pytest.fixture(autouse=True)
def _fresh_model():
    similarity.forget()
    yield
    similarity.forget()


@pytest.fixture
def works_and_tropes(make_page):
    """Four works and four tropes: W1 {A,B,C}, W2 {A,B}, W3 {C,D}, W4 {A,D} (work side)."""
    for name in ("TropeA", "TropeB", "TropeC", "TropeD"):
        make_page(f"Main/{name}", f"The trope {name}.\n")
    layout = {
        "Literature/WorkOne": ["TropeA", "TropeB", "TropeC"],
        "Film/WorkTwo": ["TropeA", "TropeB"],
        "Literature/WorkThree": ["TropeC", "TropeD"],
        "Theatre/WorkFour": ["TropeA", "TropeD"],
    }
    for path, tropes in layout.items():
        bullets = "".join(f"* {t}: Yes.\n" for t in tropes)
        make_page(path, f"A work of 1920.\n\n{bullets}")
