"""Works like this: TF-IDF cosine over the work × trope matrix, checked by hand."""

from __future__ import annotations

import math

import numpy as np
import pytest

from tropewiki.actions import save_page
from tropewiki.discovery.similarity import build_model, current_model
from tropewiki.wiki.lookup import get_page

# W1 = {A, B, C}, W2 = {A, B}, W3 = {C, D}, W4 = {A, D}: N = 4 works.
PAIRS = [(1, 10), (1, 11), (1, 12), (2, 10), (2, 11), (3, 12), (3, 13), (4, 10), (4, 13)]
# idf(t) = ln((1 + N) / (1 + df)) + 1: df(A) = 3, df(B) = df(C) = df(D) = 2.
A = math.log(5 / 4) + 1  # 1.2231
B = math.log(5 / 3) + 1  # 1.5108 (B, C and D alike)
N1 = math.sqrt(A * A + 2 * B * B)  # |W1| = |(A, B, C)|
N2 = math.sqrt(A * A + B * B)  # |W2| = |W4|
N3 = math.sqrt(2) * B  # |W3|
EXPECTED_FOR_W1 = [
    (2, (A * A + B * B) / (N1 * N2)),  # shares A and B: 0.7896
    (3, (B * B) / (N1 * N3)),  # shares C only, a rarer trope than A: 0.4339
    (4, (A * A) / (N1 * N2)),  # shares A only: 0.3126
]


def model():
    works, tropes = zip(*PAIRS, strict=True)
    return build_model(np.array(works), np.array(tropes))


def test_neighbours_and_scores_match_the_hand_computation():
    """W1's neighbours are W2, W3, W4 with the cosines computed by hand above."""
    found = model().similar(1, k=10)
    assert [(n.work_id, round(n.score, 4)) for n in found] == [
        (w, round(s, 4)) for w, s in EXPECTED_FOR_W1
    ]


def test_rare_shared_trope_outweighs_common_one():
    """W3 (sharing rare C) ranks above W4 (sharing common A): IDF at work."""
    assert [n.work_id for n in model().similar(1)][1:] == [3, 4]


def test_shared_tropes_are_the_reasons_heaviest_first():
    """The reasons given for W2 are the shared tropes, B (rarer) before A."""
    assert model().similar(1)[0].shared == [11, 10]


@pytest.mark.parametrize("k, expected", [(1, [2]), (2, [2, 3]), (10, [2, 3, 4])])
def test_k_limits_the_list(k, expected):
    """At most k neighbours, never the work itself, none with nothing shared."""
    assert [n.work_id for n in model().similar(1, k=k)] == expected


def test_symmetry_and_unknown_work():
    """cos(W1, W2) = cos(W2, W1); a work with no tropes has no neighbours."""
    m = model()
    assert m.similar(2)[0].work_id == 1
    assert m.similar(2)[0].score == pytest.approx(EXPECTED_FOR_W1[0][1], abs=1e-6)
    assert m.similar(99) == []


def test_duplicate_pairs_count_once():
    """An example written on both pages (two rows) weighs as one."""
    works, tropes = zip(*PAIRS, (1, 10), (2, 11), strict=True)
    doubled = build_model(np.array(works), np.array(tropes))
    assert [round(n.score, 6) for n in doubled.similar(1)] == [
        round(n.score, 6) for n in model().similar(1)
    ]


def test_distinctive_tropes_are_the_rarest():
    """W1's most distinctive tropes are B and C (in 2 works), then A (in 3)."""
    assert [(t, df) for t, _, df in model().distinctive(1)] == [(11, 2), (12, 2), (10, 3)]


@pytest.mark.django_db
def test_model_from_the_wiki_and_its_refresh(works_and_tropes, make_page, tool):
    """The model reads the examples from the database and follows a new example."""
    one, two = get_page("Literature/WorkOne"), get_page("Film/WorkTwo")
    three = get_page("Literature/WorkThree")
    found = current_model(max_age=0).similar(one.id)
    assert [n.work_id for n in found] == [two.id, three.id, get_page("Theatre/WorkFour").id]
    # WorkThree gets tropes A and B: now it shares everything with WorkOne.
    save_page(
        "Literature/WorkThree",
        "A work.\n\n* TropeA: Yes.\n* TropeB: Yes.\n* TropeC: Yes.\n* TropeD: Yes.\n",
        tool,
        base_revision=three.current_revision_id,
    )
    assert current_model(max_age=0).similar(one.id)[0].work_id == three.id


@pytest.mark.django_db
def test_model_is_not_rechecked_within_max_age(works_and_tropes, tool):
    """Within max_age the same model answers without looking at the database."""
    first = current_model(max_age=3600)
    save_page("Literature/WorkFive", "A work.\n\n* TropeA: Yes.\n", tool)
    assert current_model(max_age=3600) is first
    assert current_model(max_age=0) is not first
