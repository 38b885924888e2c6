"""``tropewiki createuser NAME --role ROLE``: create an account from the command line."""

from __future__ import annotations

import getpass
import os
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from tropewiki.accounts.models import Role
from tropewiki.actions import ActionError, Actor, create_user


class Command(BaseCommand):
    help = "Create a user account with a role (reader, editor, moderator, admin)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--role", default=Role.EDITOR, choices=Role.values)
        parser.add_argument("--email", default="")
        parser.add_argument(
            "--password-env",
            metavar="VAR",
            help="Read the password from this environment variable instead of prompting.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["password_env"]:
            password = os.environ.get(options["password_env"], "")
            if not password:
                raise CommandError(
                    f"The environment variable {options['password_env']} is empty or unset."
                )
        else:
            password = getpass.getpass("Password: ")
            if password != getpass.getpass("Password (again): "):
                raise CommandError("The two passwords differ.")
        try:
            create_user(
                options["username"],
                password,
                email=options["email"],
                role=options["role"],
                actor=Actor.system("cli"),
            )
        except ActionError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Created {options['username']} ({options['role']}).")
