"""The ``tropewiki`` command: a thin layer over Django management commands; ``serve`` by default.

``tropewiki`` alone serves the wiki; ``tropewiki COMMAND …`` runs a management command
(``serve``, ``createuser``, ``check``, ``rebuild``, ``loaddemo``, and Django's own such as
``migrate``). ``tropewiki help`` lists them.
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or (args[0].startswith("-") and args[0] not in {"-h", "--help", "--version"}):
        args = ["serve", *args]
    if args and args[0] == "--version":
        from tropewiki import __version__

        print(f"tropewiki {__version__}")
        return
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tropewiki.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["tropewiki", *args])
