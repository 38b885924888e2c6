"""State shared by the block and inline parsers while one document is parsed."""

from __future__ import annotations

from tropewiki.markup.namespaces import DEFAULT_NAMESPACE
from tropewiki.markup.targets import Target

__all__ = ["ParseContext"]

# A frozen dataclass's __init__ sets each field through object.__setattr__; filling the slots
# through their descriptors makes the same object in half the time (a page has thousands).
_new = Target.__new__
_set_namespace = Target.namespace.__set__  # type: ignore[attr-defined]
_set_name = Target.name.__set__  # type: ignore[attr-defined]
_set_anchor = Target.anchor.__set__  # type: ignore[attr-defined]


class ParseContext:
    """Hands out targets (one object per distinct target in a document) and numbers bare URLs."""

    __slots__ = ("_named", "bare_targets", "external_count", "targets")

    def __init__(self) -> None:
        #: Every distinct target in order of first appearance.
        self.targets: list[Target] = []
        #: Targets of bare WikiWords by name (the parser's fast path reads it directly).
        self.bare_targets: dict[str, Target] = {}
        self._named: dict[tuple[str, str, str], Target] = {}
        self.external_count = 0

    def main(self, name: str) -> Target:
        """The target of a bare WikiWord ``name`` (namespace Main, no anchor)."""
        target = self.bare_targets.get(name)
        if target is None:
            target = self.bare_targets[name] = self.target(DEFAULT_NAMESPACE, name)
        return target

    def target(self, namespace: str, name: str, anchor: str = "") -> Target:
        """The target ``namespace/name#anchor``; the same object for every occurrence."""
        key = (namespace, name, anchor)
        target = self._named.get(key)
        if target is None:  # Target(namespace, name, anchor), made the faster way (above)
            target = self._named[key] = _new(Target)
            _set_namespace(target, namespace)
            _set_name(target, name)
            _set_anchor(target, anchor)
            self.targets.append(target)
        return target

    def next_number(self) -> int:
        """The number of the next bare external link: 1, 2, …"""
        self.external_count += 1
        return self.external_count
