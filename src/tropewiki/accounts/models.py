"""A profile beside each ``django.contrib.auth`` user: role and reading preferences."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Role(models.TextChoices):
    READER = "reader", "Reader"
    EDITOR = "editor", "Editor"
    MODERATOR = "moderator", "Moderator"
    ADMIN = "admin", "Admin"


RANK = {Role.READER: 0, Role.EDITOR: 1, Role.MODERATOR: 2, Role.ADMIN: 3}


class Profile(models.Model):
    class Theme(models.TextChoices):
        SYSTEM = "system", "Follow the system"
        LIGHT = "light", "Light"
        DARK = "dark", "Dark"

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    role = models.CharField(max_length=10, choices=Role.choices, default=Role.EDITOR)
    show_spoilers = models.BooleanField(default=False)
    theme = models.CharField(max_length=6, choices=Theme.choices, default=Theme.SYSTEM)

    def __str__(self) -> str:
        return f"{self.user} ({self.role})"
