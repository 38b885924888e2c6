"""Many editors saving the same pages at once over real connections: no edit is ever lost."""

from __future__ import annotations

import random
import threading

import pytest
from django.db import connection

from tropewiki.actions import Actor, EditConflict, save_page
from tropewiki.wiki.lookup import get_page
from tropewiki.wiki.models import Revision

THREADS = 8
SAVES = 50
PAGES = ["Main/SharedOne", "Main/SharedTwo", "Main/SharedThree"]


def _initial_text() -> str:
    # Line 0 is shared by everybody (edits to it overlap); each thread owns line 2t+2,
    # with separator lines between owned lines so distinct threads never touch.
    lines = ["shared: start"]
    for t in range(THREADS):
        lines += ["--", f"thread {t}: start"]
    return "\n".join(lines) + "\n"


@pytest.mark.django_db(transaction=True)
def test_parallel_saves_are_recorded_or_reported_never_lost(make_user):
    """8 threads × 50 saves on 3 pages: each is a revision or a conflict; last values survive."""
    tool = Actor.system("tests")
    for address in PAGES:
        save_page(address, _initial_text(), tool)
    users = [make_user() for _ in range(THREADS)]
    outcomes: dict[str, int] = {"recorded": 0, "merged": 0, "conflict": 0, "null": 0, "error": 0}
    last_written: dict[tuple[int, str], str] = {}
    lock = threading.Lock()
    errors: list[BaseException] = []

    def work(t: int) -> None:
        rng = random.Random(t)
        try:
            for i in range(SAVES):
                address = rng.choice(PAGES)
                page = get_page(address)
                base = page.current_revision
                lines = base.text.split("\n")
                shared = rng.random() < 0.15
                value = f"thread {t}: save {i}"
                if shared:
                    lines[0] = f"shared: thread {t} save {i}"
                else:
                    lines[2 * t + 2] = value
                try:
                    result = save_page(
                        address, "\n".join(lines), Actor(user=users[t]), base_revision=base.id
                    )
                except EditConflict:
                    kind = "conflict"
                else:
                    kind = "merged" if result.merged else "recorded" if result.changed else "null"
                    if not shared:
                        with lock:
                            last_written[(t, address)] = value
                with lock:
                    outcomes[kind] += 1
        except BaseException as exc:
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=work, args=(t,)) for t in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert not errors, errors
    assert sum(outcomes.values()) == THREADS * SAVES
    revisions = Revision.objects.filter(page__key__in=[p.lower() for p in PAGES]).count() - len(
        PAGES
    )
    assert revisions == outcomes["recorded"] + outcomes["merged"]
    assert outcomes["merged"] > 0, outcomes
    for (t, address), value in last_written.items():
        assert value in get_page(address).current_revision.text.split("\n"), (t, address, value)
    print(f"\nconcurrency outcomes on {connection.vendor}: {outcomes}")
