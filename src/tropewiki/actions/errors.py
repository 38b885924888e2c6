"""What an action refuses, with a message meant for the person who asked."""

from __future__ import annotations

from dataclasses import dataclass, field


class ActionError(Exception):
    """Base of every refusal; ``str(error)`` is shown to the user as it is."""

    status = 400


class NotAllowed(ActionError):
    status = 403


class PageLocked(NotAllowed):
    pass


class NotFound(ActionError):
    status = 404


class BadInput(ActionError):
    status = 400


class AlreadyExists(ActionError):
    status = 409


@dataclass
class EditConflict(ActionError):
    """The page changed since the edit began and the two changes overlap.

    Nothing was saved. The editor is shown both texts and the merge attempt, so no edit is lost.
    """

    page_path: str
    base_revision: int | None
    current_revision: int
    current_text: str
    incoming_text: str
    merged_text: str
    conflict_count: int = field(default=1)
    status = 409

    def __str__(self) -> str:
        return (
            f"{self.page_path} was changed by someone else since you started editing, "
            f"and {self.conflict_count} of your changes overlap theirs. Nothing was saved."
        )
