"""Load ``demo/content/<Namespace>/<Name>.txt`` through the normal write path.

A file may begin with ``%%type: index`` (or another page type) to set the page's type, the way a
moderator would; ``%%title:`` lines are honoured by the save itself. Redirect pages are loaded
after the pages they point to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from tropewiki.actions import Actor, save_page, set_page_type
from tropewiki.wiki import directives
from tropewiki.wiki.namespaces import PageType

CONTENT = Path(__file__).resolve().parent / "content"
_TYPE = re.compile(r"^%%\s*type:\s*(\w+)\s*$", re.IGNORECASE | re.MULTILINE)


@dataclass(frozen=True, slots=True)
class DemoPage:
    address: str
    text: str

    @property
    def page_type(self) -> str | None:
        head = "\n".join(self.text.split("\n", directives.HEADER_LINES)[: directives.HEADER_LINES])
        match = _TYPE.search(head)
        if match and match.group(1).lower() in PageType.ALL:
            return match.group(1).lower()
        return None

    @property
    def is_redirect(self) -> bool:
        return directives.redirect_address(self.text) is not None


def demo_pages(root: Path = CONTENT) -> list[DemoPage]:
    pages = [
        DemoPage(f"{path.parent.name}/{path.stem}", path.read_text(encoding="utf-8"))
        for path in sorted(root.glob("*/*.txt"))
    ]
    return sorted(pages, key=lambda p: (p.is_redirect, p.address))


def load_demo(root: Path = CONTENT) -> int:
    """Save every demo page as the ``demo`` tool; returns the number of pages loaded."""
    actor = Actor.system("demo")
    pages = demo_pages(root)
    with transaction.atomic():
        for demo in pages:
            result = save_page(demo.address, demo.text, actor, reason="Demo content")
            if demo.page_type and demo.page_type != result.page.page_type:
                set_page_type(result.page, demo.page_type, actor)
    return len(pages)
