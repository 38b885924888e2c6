"""Line and word diffs between two revisions of a page, as data, HTML and unified text.

Pure Python, no Django: the history and edit-conflict views, the CLI and
:mod:`tropewiki.wiki.merge` all diff through here, so they agree on what changed.

Conventions shared by every function in this module:

* Line endings are normalised first (``\\r\\n`` and a lone ``\\r`` become ``\\n``), so a
  revision submitted from a browser textarea (CRLF) does not differ from one saved by
  the CLI (LF).
* Text is compared line by line, and a final newline is not part of any line: ``"a"`` and
  ``"a\\n"`` have the same lines, so they give no hunks.  (:func:`size_delta` still
  counts the byte.)
* Lines are matched by :func:`matching_blocks`: common prefix and suffix first, then
  lines that occur exactly once on both sides anchor the match (as in patience diff),
  and :class:`difflib.SequenceMatcher` (``autojunk=False``) matches what lies between
  anchors.  Anchoring keeps a 3,000-line page with hundreds of blank lines fast (about
  2 ms), where a bare ``SequenceMatcher`` is quadratic in repeated lines.  A long stretch
  with no line unique to it on both sides still gets the quadratic path (3,000 lines
  drawn from four distinct ones: about 0.3 s).
"""

from __future__ import annotations

import html
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Hashable, Iterator, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

RowKind = Literal["equal", "insert", "delete", "replace"]
WordTag = Literal["equal", "insert", "delete"]
Block = tuple[int, int, int]
"""``(a_start, b_start, size)``: ``a[a_start:a_start + size] == b[b_start:b_start + size]``."""
Opcode = tuple[str, int, int, int, int]
"""``(tag, a_start, a_end, b_start, b_end)`` as in :meth:`difflib.SequenceMatcher.get_opcodes`."""

_TOKEN_RE = re.compile(r"\w+|\s+|[^\w\s]+")


# -- lines ----------------------------------------------------------------------------


def normalize_newlines(text: str) -> str:
    """Return ``text`` with CRLF and lone CR line endings turned into LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def split_lines(text: str) -> tuple[list[str], bool]:
    """Split ``text`` into lines (without their ``\\n``) and say whether it ended in one.

    ``""`` is no lines; ``"\\n"`` is one empty line followed by a newline.
    """
    text = normalize_newlines(text)
    if not text:
        return [], False
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()
        return lines, True
    return lines, False


def join_lines(lines: Sequence[str], trailing_newline: bool) -> str:
    """Inverse of :func:`split_lines` (no lines gives ``""`` whatever the flag)."""
    if not lines:
        return ""
    return "\n".join(lines) + ("\n" if trailing_newline else "")


# -- matching -------------------------------------------------------------------------


def matching_blocks(a: Sequence[Hashable], b: Sequence[Hashable]) -> list[Block]:
    """Matching runs of ``a`` and ``b``, increasing in both, ending with ``(len(a), len(b), 0)``.

    Same contract as :meth:`difflib.SequenceMatcher.get_matching_blocks`, but anchored
    on common prefix, common suffix and elements unique on both sides before
    ``SequenceMatcher`` looks at the (small) gaps between anchors.
    """
    blocks: list[Block] = []
    alo, blo, ahi, bhi = 0, 0, len(a), len(b)
    while alo < ahi and blo < bhi and a[alo] == b[blo]:
        alo, blo = alo + 1, blo + 1
    if alo:
        blocks.append((0, 0, alo))
    while ahi > alo and bhi > blo and a[ahi - 1] == b[bhi - 1]:
        ahi, bhi = ahi - 1, bhi - 1
    ai, bi = alo, blo
    for ax, bx in _unique_anchors(a, b, alo, ahi, blo, bhi):
        _match_gap(a, b, ai, ax, bi, bx, blocks)
        blocks.append((ax, bx, 1))
        ai, bi = ax + 1, bx + 1
    _match_gap(a, b, ai, ahi, bi, bhi, blocks)
    if ahi < len(a):
        blocks.append((ahi, bhi, len(a) - ahi))
    return [*_coalesce(blocks), (len(a), len(b), 0)]


def _unique_anchors(
    a: Sequence[Hashable], b: Sequence[Hashable], alo: int, ahi: int, blo: int, bhi: int
) -> list[tuple[int, int]]:
    """Longest increasing run of pairs ``(i, j)`` where ``a[i] == b[j]`` is unique in both."""
    if alo == ahi or blo == bhi:
        return []
    count_a = Counter(a[i] for i in range(alo, ahi))
    count_b = Counter(b[j] for j in range(blo, bhi))
    where_b = {b[j]: j for j in range(blo, bhi) if count_b[b[j]] == 1 and count_a[b[j]] == 1}
    pairs = [(i, where_b[a[i]]) for i in range(alo, ahi) if a[i] in where_b]
    # Patience sorting: longest subsequence of ``pairs`` whose j increases too.
    tails: list[int] = []
    tail_index: list[int] = []
    previous: list[int] = []
    for k, (_, j) in enumerate(pairs):
        pos = bisect_left(tails, j)
        if pos == len(tails):
            tails.append(j)
            tail_index.append(k)
        else:
            tails[pos] = j
            tail_index[pos] = k
        previous.append(tail_index[pos - 1] if pos else -1)
    anchors: list[tuple[int, int]] = []
    k = tail_index[-1] if tail_index else -1
    while k != -1:
        anchors.append(pairs[k])
        k = previous[k]
    anchors.reverse()
    return anchors


def _match_gap(
    a: Sequence[Hashable],
    b: Sequence[Hashable],
    alo: int,
    ahi: int,
    blo: int,
    bhi: int,
    blocks: list[Block],
) -> None:
    """Append the matching blocks of ``a[alo:ahi]`` against ``b[blo:bhi]``."""
    if alo == ahi or blo == bhi:
        return
    if ahi - alo == bhi - blo and all(a[alo + k] == b[blo + k] for k in range(ahi - alo)):
        blocks.append((alo, blo, ahi - alo))
        return
    matcher = SequenceMatcher(None, a[alo:ahi], b[blo:bhi], autojunk=False)
    blocks.extend((alo + i, blo + j, n) for i, j, n in matcher.get_matching_blocks() if n)


def _coalesce(blocks: list[Block]) -> Iterator[Block]:
    """Join blocks that touch on both sides."""
    pending: Block | None = None
    for block in blocks:
        if pending and pending[0] + pending[2] == block[0] and pending[1] + pending[2] == block[1]:
            pending = (pending[0], pending[1], pending[2] + block[2])
            continue
        if pending:
            yield pending
        pending = block
    if pending:
        yield pending


def opcodes(a: Sequence[Hashable], b: Sequence[Hashable]) -> list[Opcode]:
    """Edit script turning ``a`` into ``b``, shaped like ``SequenceMatcher.get_opcodes()``."""
    codes: list[Opcode] = []
    i = j = 0
    for ai, bj, size in matching_blocks(a, b):
        if i < ai and j < bj:
            codes.append(("replace", i, ai, j, bj))
        elif i < ai:
            codes.append(("delete", i, ai, j, bj))
        elif j < bj:
            codes.append(("insert", i, ai, j, bj))
        i, j = ai + size, bj + size
        if size:
            codes.append(("equal", ai, i, bj, j))
    return codes


# -- line diff ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DiffRow:
    """One row of a side-by-side diff; line numbers are 1-based, ``None`` on the empty side.

    A ``replace`` row pairs an old line with the new line that took its place; when a
    replaced block has more lines on one side, the extra lines are ``delete`` or
    ``insert`` rows.
    """

    kind: RowKind
    old_lineno: int | None
    new_lineno: int | None
    old_text: str | None
    new_text: str | None


@dataclass(frozen=True, slots=True)
class DiffHunk:
    """A run of changes with up to ``context`` unchanged lines around it.

    ``old_start``/``new_start`` are the 1-based numbers of the first line the hunk
    covers on each side (for an empty side: the line the change comes before).
    """

    old_start: int
    old_count: int
    new_start: int
    new_count: int
    rows: tuple[DiffRow, ...]


def line_diff(old: str, new: str, context: int = 3) -> list[DiffHunk]:
    """Hunks turning ``old`` into ``new``; ``[]`` when their lines are the same."""
    if context < 0:
        raise ValueError(f"context must be >= 0, not {context}")
    old_lines, _ = split_lines(old)
    new_lines, _ = split_lines(new)
    return [
        _hunk(group, old_lines, new_lines)
        for group in _grouped(opcodes(old_lines, new_lines), context)
    ]


def _grouped(codes: list[Opcode], context: int) -> Iterator[list[Opcode]]:
    """Split an edit script into hunks (the logic of ``get_grouped_opcodes``)."""
    if all(code[0] == "equal" for code in codes):
        return
    codes = list(codes)
    tag, i1, i2, j1, j2 = codes[0]
    if tag == "equal":
        codes[0] = (tag, max(i1, i2 - context), i2, max(j1, j2 - context), j2)
    tag, i1, i2, j1, j2 = codes[-1]
    if tag == "equal":
        codes[-1] = (tag, i1, min(i2, i1 + context), j1, min(j2, j1 + context))
    group: list[Opcode] = []
    for tag, i1, i2, j1, j2 in codes:
        if tag == "equal" and i2 - i1 > 2 * context:
            group.append((tag, i1, i1 + context, j1, j1 + context))
            yield group
            group = []
            i1, j1 = i2 - context, j2 - context
        group.append((tag, i1, i2, j1, j2))
    if group and not (len(group) == 1 and group[0][0] == "equal"):
        yield group


def _hunk(group: list[Opcode], old_lines: list[str], new_lines: list[str]) -> DiffHunk:
    rows: list[DiffRow] = []
    for tag, i1, i2, j1, j2 in group:
        if tag == "equal":
            rows.extend(
                DiffRow("equal", i + 1, j + 1, old_lines[i], new_lines[j])
                for i, j in zip(range(i1, i2), range(j1, j2), strict=True)
            )
            continue
        paired = min(i2 - i1, j2 - j1)
        rows.extend(
            DiffRow("replace", i1 + k + 1, j1 + k + 1, old_lines[i1 + k], new_lines[j1 + k])
            for k in range(paired)
        )
        rows.extend(
            DiffRow("delete", i + 1, None, old_lines[i], None) for i in range(i1 + paired, i2)
        )
        rows.extend(
            DiffRow("insert", None, j + 1, None, new_lines[j]) for j in range(j1 + paired, j2)
        )
    first, last = group[0], group[-1]
    return DiffHunk(
        old_start=first[1] + 1,
        old_count=last[2] - first[1],
        new_start=first[3] + 1,
        new_count=last[4] - first[3],
        rows=tuple(rows),
    )


# -- word diff ------------------------------------------------------------------------


def word_diff(old_line: str, new_line: str) -> list[tuple[WordTag, str]]:
    """Tag the pieces of two versions of a line as ``equal``, ``delete`` or ``insert``.

    Lines are cut into words, whitespace runs and punctuation runs.  Whitespace left
    between two changes is folded into them, so ``"a b" -> "x y"`` reads as one deletion
    and one insertion rather than four.  Joining the ``equal`` and ``delete`` pieces
    gives ``old_line``; joining ``equal`` and ``insert`` gives ``new_line``.
    """
    old_tokens = _TOKEN_RE.findall(old_line)
    new_tokens = _TOKEN_RE.findall(new_line)
    codes = opcodes(old_tokens, new_tokens)
    pieces: list[tuple[WordTag, str]] = []
    deleted: list[str] = []
    inserted: list[str] = []
    for index, (tag, i1, i2, j1, j2) in enumerate(codes):
        old_text = "".join(old_tokens[i1:i2])
        new_text = "".join(new_tokens[j1:j2])
        sandwiched = 0 < index < len(codes) - 1
        if tag == "equal" and not (sandwiched and old_text.isspace()):
            _flush_change(pieces, deleted, inserted)
            pieces.append(("equal", old_text))
        else:
            deleted.append(old_text)
            inserted.append(new_text)
    _flush_change(pieces, deleted, inserted)
    return pieces


def _flush_change(
    pieces: list[tuple[WordTag, str]], deleted: list[str], inserted: list[str]
) -> None:
    if old_text := "".join(deleted):
        pieces.append(("delete", old_text))
    if new_text := "".join(inserted):
        pieces.append(("insert", new_text))
    deleted.clear()
    inserted.clear()


# -- output ---------------------------------------------------------------------------


def render_diff_html(old: str, new: str, context: int = 3) -> str:
    """Two-column (old | new) ``<table class="diff">`` for the history and conflict pages.

    Every piece of page text goes through :func:`html.escape`, so the result can be
    shown as is.  Each hunk starts with a ``<tr class="diff-hunk">`` row reading
    "Line N:" on both sides; rows have ``diff-lineno`` cells and ``diff-context``,
    ``diff-deleted``, ``diff-added`` or ``diff-empty`` text cells, with ``<del>``/``<ins>``
    around the changed words of replaced lines.  Identical texts give a table with a
    single ``diff-notice`` row.
    """
    hunks = line_diff(old, new, context)
    rows = ['<table class="diff">']
    if not hunks:
        rows.append('<tr><td class="diff-notice" colspan="4">No difference</td></tr>')
    for hunk in hunks:
        rows.append(
            '<tr class="diff-hunk">'
            f'<td class="diff-lineno" colspan="2">Line {hunk.old_start}:</td>'
            f'<td class="diff-lineno" colspan="2">Line {hunk.new_start}:</td></tr>'
        )
        rows.extend(_html_row(row) for row in hunk.rows)
    rows.append("</table>")
    return "\n".join(rows)


def _html_row(row: DiffRow) -> str:
    old_cell = new_cell = '<td class="diff-empty"></td>'
    if row.kind == "replace":
        pieces = word_diff(row.old_text or "", row.new_text or "")
        old_cell = _html_cell("diff-deleted", _marked(pieces, "delete", "del"))
        new_cell = _html_cell("diff-added", _marked(pieces, "insert", "ins"))
    elif row.kind == "equal":
        old_cell = new_cell = _html_cell("diff-context", html.escape(row.old_text or ""))
    elif row.kind == "delete":
        old_cell = _html_cell("diff-deleted", html.escape(row.old_text or ""))
    else:
        new_cell = _html_cell("diff-added", html.escape(row.new_text or ""))
    return (
        f"<tr>{_html_lineno(row.old_lineno)}{old_cell}{_html_lineno(row.new_lineno)}{new_cell}</tr>"
    )


def _marked(pieces: list[tuple[WordTag, str]], changed: WordTag, element: str) -> str:
    """Escaped text of one side of a word diff, changed pieces wrapped in ``element``."""
    parts: list[str] = []
    for tag, text in pieces:
        if tag == "equal":
            parts.append(html.escape(text))
        elif tag == changed:
            parts.append(f"<{element}>{html.escape(text)}</{element}>")
    return "".join(parts)


def _html_cell(css_class: str, inner_html: str) -> str:
    return f'<td class="{css_class}">{inner_html}</td>'


def _html_lineno(lineno: int | None) -> str:
    return f'<td class="diff-lineno">{"" if lineno is None else lineno}</td>'


def unified_diff_text(
    old: str,
    new: str,
    context: int = 3,
    old_label: str = "old",
    new_label: str = "new",
) -> str:
    """``diff -u`` style text for the CLI; ``""`` when the lines are the same.

    No "\\ No newline at end of file" marker: a final newline is not a change here.
    """
    hunks = line_diff(old, new, context)
    if not hunks:
        return ""
    out = [f"--- {old_label}\n", f"+++ {new_label}\n"]
    for hunk in hunks:
        old_range = _unified_range(hunk.old_start, hunk.old_count)
        new_range = _unified_range(hunk.new_start, hunk.new_count)
        out.append(f"@@ -{old_range} +{new_range} @@\n")
        removed: list[str] = []
        added: list[str] = []
        for row in hunk.rows:
            if row.kind == "equal":
                out.extend(removed + added)
                removed.clear()
                added.clear()
                out.append(f" {row.old_text}\n")
                continue
            if row.old_text is not None:
                removed.append(f"-{row.old_text}\n")
            if row.new_text is not None:
                added.append(f"+{row.new_text}\n")
        out.extend(removed + added)
    return "".join(out)


def _unified_range(start: int, count: int) -> str:
    if count == 1:
        return str(start)
    return f"{start if count else start - 1},{count}"


# -- numbers for history pages --------------------------------------------------------


def diff_stats(old: str, new: str) -> tuple[int, int]:
    """``(lines added, lines removed)``; a replaced line counts once in each."""
    added = removed = 0
    for tag, i1, i2, j1, j2 in opcodes(split_lines(old)[0], split_lines(new)[0]):
        if tag != "equal":
            removed += i2 - i1
            added += j2 - j1
    return added, removed


def size_delta(old: str, new: str) -> int:
    """Change in size, in UTF-8 bytes as history pages show it (``+120``, ``-3``)."""
    return len(new.encode("utf-8")) - len(old.encode("utf-8"))
