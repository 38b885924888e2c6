"""Creating accounts and granting roles."""

from __future__ import annotations

from django.contrib.auth import get_user_model, password_validation
from django.core.exceptions import ValidationError
from django.db import transaction

from tropewiki.accounts.models import Profile, Role
from tropewiki.accounts.roles import has_role
from tropewiki.actions.actor import Actor
from tropewiki.actions.errors import AlreadyExists, BadInput, NotAllowed


def create_user(
    username: str,
    password: str,
    *,
    email: str = "",
    role: str = Role.EDITOR,
    actor: Actor | None = None,
    validate_password: bool = True,
) -> object:
    """Create an account with a role; only admins (or tools) may create moderators and admins."""
    User = get_user_model()
    username = (username or "").strip()
    if not username or len(username) > 150:
        raise BadInput("Choose a user name of 1 to 150 characters.")
    if role not in Role.values:
        raise BadInput(f"Unknown role {role!r}; choose one of {', '.join(Role.values)}.")
    privileged = role in (Role.MODERATOR, Role.ADMIN)
    if (
        privileged
        and actor is not None
        and not actor.is_tool
        and not has_role(actor.user, Role.ADMIN)
    ):
        raise NotAllowed("Only admins can create moderators and admins.")
    if User.objects.filter(username__iexact=username).exists():
        raise AlreadyExists(f"The user name {username!r} is taken.")
    user = User(username=username, email=email or "")
    if validate_password:
        try:
            password_validation.validate_password(password, user)
        except ValidationError as exc:
            raise BadInput(" ".join(exc.messages)) from exc
    with transaction.atomic():
        user.set_password(password)
        user.is_superuser = role == Role.ADMIN
        user.is_staff = role == Role.ADMIN
        user.save()
        Profile.objects.create(user=user, role=role)
    return user


def set_role(user: object, role: str, actor: Actor) -> None:
    if role not in Role.values:
        raise BadInput(f"Unknown role {role!r}.")
    if not (actor.is_tool or has_role(actor.user, Role.ADMIN)):
        raise NotAllowed("Only admins can change roles.")
    with transaction.atomic():
        Profile.objects.update_or_create(user=user, defaults={"role": role})
        user.is_superuser = role == Role.ADMIN  # type: ignore[attr-defined]
        user.is_staff = role == Role.ADMIN  # type: ignore[attr-defined]
        user.save()  # type: ignore[attr-defined]


def set_preferences(user: object, *, show_spoilers: bool, theme: str) -> None:
    """Save a reader's preferences (spoilers shown by default, colour theme)."""
    if theme not in Profile.Theme.values:
        raise BadInput(f"Unknown theme {theme!r}.")
    Profile.objects.update_or_create(
        user=user, defaults={"show_spoilers": show_spoilers, "theme": theme}
    )
