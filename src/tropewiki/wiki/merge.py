"""Line-wise three-way merge for edit conflicts (the diff3 algorithm), pure Python.

An editor opens revision *base*; meanwhile someone saves *current*; the editor then
submits *incoming*.  :func:`merge3` keeps both sets of changes where it can:

* changes to different regions of the page merge;
* the same change made on both sides is kept once;
* different changes to the same region conflict, and so does deleting a block the
  other side edited;
* changes that *touch* - an edit to the line right after the other side's edited line,
  or an insertion right next to it - also conflict, as in ``git merge`` / ``diff3``:
  two edits to neighbouring lines are usually one edit to a paragraph, and guessing the
  order of the lines is how a merge silently garbles text.

Line endings are normalised before merging (CRLF and lone CR become LF, see
:func:`tropewiki.wiki.diffs.normalize_newlines`), so the merged text always uses LF.
A final newline is not part of a line; the result ends in a newline when the side that
changed it says so (it never conflicts).

When there are conflicts, :attr:`MergeResult.text` is the page with every conflict
written out in place, between marker lines, so the editor can resolve it in the
textarea::

    <<<<<<< current
    the text saved since you started editing
    =======
    your edit
    >>>>>>> incoming

Nothing is lost: both versions are in the text, and each :class:`Conflict` carries the
base, current and incoming lines with their line ranges.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tropewiki.wiki.diffs import join_lines, matching_blocks, normalize_newlines, split_lines

CONFLICT_START = "<<<<<<< current"
CONFLICT_SEPARATOR = "======="
CONFLICT_END = ">>>>>>> incoming"

_SyncRegion = tuple[int, int, int, int, int, int]
"""``(base_start, base_end, current_start, current_end, incoming_start, incoming_end)``."""


@dataclass(frozen=True, slots=True)
class Conflict:
    """One region that the two sides changed differently.

    Ranges are 0-based, end-exclusive line indices into each (newline-normalised)
    input, so ``split_lines(base)[0][c.base.start:c.base.stop]`` are the base lines; an
    empty range means that side has no lines there (it deleted them, or the other side
    inserted).  ``merged`` is where the region, markers included, sits in
    :attr:`MergeResult.text`.  The ``*_text`` fields are the region's lines, each ending
    in ``\\n``.
    """

    base: range
    current: range
    incoming: range
    merged: range
    base_text: str
    current_text: str
    incoming_text: str


@dataclass(frozen=True, slots=True)
class MergeResult:
    """The merged page; :attr:`text` has conflict markers when :attr:`clean` is false."""

    text: str
    conflicts: list[Conflict]

    @property
    def clean(self) -> bool:
        """True when both sides' changes merged without conflict."""
        return not self.conflicts


def merge3(base: str, current: str, incoming: str) -> MergeResult:
    """Merge the changes ``base -> current`` and ``base -> incoming``.

    ``current`` is the revision saved since ``base``; ``incoming`` is the edit being
    submitted.  Conflicts show ``current`` first.
    """
    base_lines, base_newline = split_lines(base)
    current_lines, current_newline = split_lines(current)
    incoming_lines, incoming_newline = split_lines(incoming)

    merged: list[str] = []
    conflicts: list[Conflict] = []
    b_at = c_at = i_at = 0
    for b0, b1, c0, c1, i0, i1 in _sync_regions(base_lines, current_lines, incoming_lines):
        old = base_lines[b_at:b0]
        ours = current_lines[c_at:c0]
        theirs = incoming_lines[i_at:i0]
        if ours == theirs or theirs == old:
            merged.extend(ours)
        elif ours == old:
            merged.extend(theirs)
        else:
            start = len(merged)
            merged += [CONFLICT_START, *ours, CONFLICT_SEPARATOR, *theirs, CONFLICT_END]
            conflicts.append(
                Conflict(
                    base=range(b_at, b0),
                    current=range(c_at, c0),
                    incoming=range(i_at, i0),
                    merged=range(start, len(merged)),
                    base_text=_region_text(old),
                    current_text=_region_text(ours),
                    incoming_text=_region_text(theirs),
                )
            )
        merged.extend(base_lines[b0:b1])
        b_at, c_at, i_at = b1, c1, i1

    if current_newline == incoming_newline or incoming_newline == base_newline:
        trailing_newline = current_newline
    else:
        trailing_newline = incoming_newline
    return MergeResult(text=join_lines(merged, trailing_newline), conflicts=conflicts)


def _sync_regions(
    base: Sequence[str], current: Sequence[str], incoming: Sequence[str]
) -> list[_SyncRegion]:
    """Runs of base lines that both sides kept unchanged, with where they are on each side.

    The intersections of the two sides' matching blocks against base, ending with an
    empty region at the end of all three texts, so the caller can treat whatever lies
    between consecutive regions as the (possibly) changed part.
    """
    regions: list[_SyncRegion] = []
    current_blocks = matching_blocks(base, current)
    incoming_blocks = matching_blocks(base, incoming)
    ci = ii = 0
    while ci < len(current_blocks) and ii < len(incoming_blocks):
        c_base, c_side, c_size = current_blocks[ci]
        i_base, i_side, i_size = incoming_blocks[ii]
        start = max(c_base, i_base)
        end = min(c_base + c_size, i_base + i_size)
        if start < end:
            c_start = c_side + start - c_base
            i_start = i_side + start - i_base
            regions.append(
                (start, end, c_start, c_start + end - start, i_start, i_start + end - start)
            )
        if c_base + c_size < i_base + i_size:
            ci += 1
        else:
            ii += 1
    n_base, n_current, n_incoming = len(base), len(current), len(incoming)
    regions.append((n_base, n_base, n_current, n_current, n_incoming, n_incoming))
    return regions


def _region_text(lines: Sequence[str]) -> str:
    return "".join(line + "\n" for line in lines)


def has_conflict_markers(text: str) -> bool:
    """Whether ``text`` still holds the lines that mark an unresolved conflict."""
    lines = set(normalize_newlines(text).split("\n"))
    return CONFLICT_START in lines and CONFLICT_END in lines
