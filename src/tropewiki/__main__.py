"""``python -m tropewiki`` is the ``tropewiki`` command."""

from tropewiki.cli import main

main()
