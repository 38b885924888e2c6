"""Plain text out of inline nodes, and HTML escaping."""

from __future__ import annotations

from tropewiki.markup.nodes import (
    Anchor,
    ExternalLink,
    Inline,
    LineBreak,
    Note,
    WikiLink,
)
from tropewiki.markup.titles import spaced_title

__all__ = ["escape_attr", "escape_text", "plain_text"]


def escape_text(text: str) -> str:
    """Escape ``text`` for element content (``&``, ``<``, ``>``)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def escape_attr(text: str) -> str:
    """Escape ``text`` for a double-quoted attribute value."""
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


def plain_text(nodes: list[Inline] | None) -> str:
    """The text a reader sees, markup removed; bare WikiWords in their spaced form.

    Notes contribute their body (their label is a control, not text); anchors nothing;
    a line break is a space.
    """
    if not nodes:
        return ""
    parts: list[str] = []
    _collect(nodes, parts)
    return "".join(parts)


def _collect(nodes: list[Inline], parts: list[str]) -> None:
    for node in nodes:
        if isinstance(node, str):
            parts.append(node)
        elif isinstance(node, WikiLink) and node.children is None:
            parts.append(spaced_title(node.target.name))
        elif isinstance(node, ExternalLink) and node.children is None:
            parts.append(f"[{node.number}]")
        elif isinstance(node, LineBreak):
            parts.append(" ")
        elif isinstance(node, Anchor):
            continue
        elif isinstance(node, Note):
            _collect(node.children, parts)
        else:
            children = getattr(node, "children", None)
            if children:
                _collect(children, parts)
