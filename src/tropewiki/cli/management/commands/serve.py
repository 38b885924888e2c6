"""``tropewiki serve``: migrate, load the demo into an empty wiki, collect static files, serve."""

from __future__ import annotations

import os
import shutil
import sys
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser


class Command(BaseCommand):
    help = "Migrate, load the demo into an empty wiki, collect static files, serve with gunicorn."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--host", default="127.0.0.1", help="Address to listen on (default 127.0.0.1)."
        )
        parser.add_argument(
            "--port", type=int, default=8000, help="Port to listen on (default 8000)."
        )
        parser.add_argument(
            "--workers", type=int, default=2, help="gunicorn worker processes (default 2)."
        )
        parser.add_argument(
            "--no-demo", action="store_true", help="Do not load demo content into an empty wiki."
        )
        parser.add_argument(
            "--prepare-only",
            action="store_true",
            help="Migrate, load demo and collect static files, then exit.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not 1 <= options["workers"] <= 64:
            raise CommandError("--workers must be between 1 and 64.")
        if not 1 <= options["port"] <= 65535:
            raise CommandError("--port must be between 1 and 65535.")
        call_command("migrate", interactive=False, verbosity=0)
        if not options["no_demo"]:
            call_command("loaddemo", if_empty=True, verbosity=options["verbosity"])
        call_command("collectstatic", interactive=False, verbosity=0)
        if options["prepare_only"]:
            return
        gunicorn = shutil.which("gunicorn", path=os.path.dirname(sys.executable)) or shutil.which(
            "gunicorn"
        )
        if gunicorn is None:
            raise CommandError("gunicorn is not installed: pip install gunicorn")
        bind = f"{options['host']}:{options['port']}"
        self.stdout.write(
            f"tropewiki is serving on http://{bind}/ with {options['workers']} workers"
        )
        sys.stdout.flush()
        argv = [
            gunicorn,
            "tropewiki.wsgi:application",
            "--bind",
            bind,
            "--workers",
            str(options["workers"]),
            *(["--access-logfile", "-"] if options["verbosity"] > 1 else []),
            "--worker-tmp-dir",
            "/dev/shm" if os.path.isdir("/dev/shm") else "/tmp",
        ]
        os.execv(gunicorn, argv)
