"""Who may do what. Reads only; granting a role is :func:`tropewiki.actions.users.set_role`."""

from __future__ import annotations

from typing import Any

from django.conf import settings

from tropewiki.accounts.models import RANK, Profile, Role


def role_of(user: Any) -> Role:
    """The role of a user; anonymous visitors are readers, superusers admins."""
    if user is None or not getattr(user, "is_authenticated", False):
        return Role.READER
    if user.is_superuser:
        return Role.ADMIN
    try:
        return Role(user.profile.role)
    except Profile.DoesNotExist:
        return Role.EDITOR


def has_role(user: Any, role: Role) -> bool:
    return RANK[role_of(user)] >= RANK[role]


def can_edit(user: Any, page: Any | None = None) -> bool:
    """Editors edit unlocked pages; moderators edit locked ones; anonymous if the wiki is open."""
    if page is not None and getattr(page, "is_locked", False):
        return has_role(user, Role.MODERATOR)
    if user is None or not getattr(user, "is_authenticated", False):
        return bool(settings.TROPEWIKI_OPEN_EDITING)
    return has_role(user, Role.EDITOR)


def can_moderate(user: Any) -> bool:
    """Lock, unlock, cut, restore, revert in one click, set page types."""
    return has_role(user, Role.MODERATOR)


def can_rename(user: Any, page: Any | None = None) -> bool:
    if page is not None and getattr(page, "is_locked", False):
        return has_role(user, Role.MODERATOR)
    return has_role(user, Role.EDITOR)
