"""THE write path. Views, the API, the CLI and importers call these; nothing else writes.

Each function runs in one transaction: revision → parse → derive → mark dependants stale.
"""

from tropewiki.actions.actor import Actor
from tropewiki.actions.errors import (
    ActionError,
    AlreadyExists,
    BadInput,
    EditConflict,
    NotAllowed,
    NotFound,
    PageLocked,
)
from tropewiki.actions.moderation import (
    cut_page,
    lock_page,
    restore_page,
    set_page_type,
    unlock_page,
)
from tropewiki.actions.moves import RenameResult, rename_page
from tropewiki.actions.pages import Attribution, SaveResult, revert_page, save_page
from tropewiki.actions.users import create_user, set_preferences, set_role

__all__ = [
    "ActionError",
    "Actor",
    "AlreadyExists",
    "Attribution",
    "BadInput",
    "EditConflict",
    "NotAllowed",
    "NotFound",
    "PageLocked",
    "RenameResult",
    "SaveResult",
    "create_user",
    "cut_page",
    "lock_page",
    "rename_page",
    "restore_page",
    "revert_page",
    "save_page",
    "set_page_type",
    "set_preferences",
    "set_role",
    "unlock_page",
]
