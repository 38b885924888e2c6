"""Who performs an action: a person (maybe anonymous, by IP) or a trusted tool."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Actor:
    user: Any = None
    ip: str = ""
    tool: str = ""

    @classmethod
    def system(cls, tool: str) -> Actor:
        """A trusted tool (importer, demo loader, rebuild): not subject to role checks."""
        return cls(tool=tool)

    @property
    def is_tool(self) -> bool:
        return bool(self.tool)

    @property
    def db_user(self) -> Any:
        if self.user is not None and getattr(self.user, "is_authenticated", False):
            return self.user
        return None

    @property
    def name(self) -> str:
        if self.db_user is not None:
            return str(self.user.get_username())
        if self.tool:
            return f"({self.tool})"
        return self.ip or "anonymous"
