"""Take the screenshots in docs/screenshots/: a work page, a trope page and the editor, light
and dark, on a desktop (1200 px); the work and trope pages again on a 360 px phone.

Usage: .venv/bin/python scripts/screenshots.py [--url http://127.0.0.1:8000]

Without --url it starts its own wiki with the demo content in a temporary data directory.
Drives Debian's Chromium (/usr/bin/chromium) through Playwright; never downloads a browser.
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DESKTOP = {"width": 1200, "height": 900}
PHONE = {"width": 360, "height": 780}
#: (file name, address, viewport, what to do first)
SHOTS = [
    ("work", "/Literature/Frankenstein", DESKTOP, None),
    ("trope", "/Main/StarCrossedLovers", DESKTOP, "open-folders"),
    ("editor", "/Literature/Frankenstein/edit", DESKTOP, None),
    ("work-phone", "/Film/Nosferatu", PHONE, None),
    ("trope-phone", "/Main/StarCrossedLovers", PHONE, "open-folders"),
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def demo_wiki():
    """A wiki with demo content and an editor account, served on a free port."""
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="tropewiki-shots-") as home:
        env = {
            **os.environ,
            "TROPEWIKI_HOME": home,
            "TROPEWIKI_DATABASE_URL": "",
            "SHOT_PW": "screenshots 4 docs",
        }
        tool = [sys.executable, "-m", "tropewiki"]
        subprocess.run([*tool, "serve", "--prepare-only"], env=env, check=True)
        subprocess.run(
            [*tool, "createuser", "reader", "--password-env", "SHOT_PW"], env=env, check=True
        )
        server = subprocess.Popen([*tool, "serve", "--port", str(port), "--workers", "1"], env=env)
        url = f"http://127.0.0.1:{port}"
        try:
            for _ in range(100):
                try:
                    urllib.request.urlopen(url + "/", timeout=1)
                    break
                except OSError:
                    time.sleep(0.2)
            yield url
        finally:
            server.terminate()
            server.wait(timeout=10)


def take(url: str, login: bool) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for scheme in ("light", "dark"):
            context = browser.new_context(
                color_scheme=scheme, viewport=DESKTOP, reduced_motion="reduce"
            )
            page = context.new_page()
            if login:
                page.goto(url + "/-/login")
                page.fill("#id_username", "reader")
                page.fill("#id_password", "screenshots 4 docs")
                page.click("main button[type=submit]")
                page.wait_for_url(lambda u: "/-/login" not in u)
            for name, path, viewport, action in SHOTS:
                page.set_viewport_size(viewport)
                page.goto(url + path)
                if action == "open-folders":
                    page.locator(".page-text .folder-control").first.click()
                    page.evaluate("window.scrollTo(0, 0)")
                    page.wait_for_timeout(300)
                page.evaluate("document.activeElement && document.activeElement.blur()")
                page.screenshot(path=str(OUT / f"{name}-{scheme}.png"))
            context.close()
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--url", help="An already running wiki (with the demo and a 'reader' editor)."
    )
    args = parser.parse_args()
    if args.url:
        take(args.url.rstrip("/"), login=True)
    else:
        with demo_wiki() as url:
            take(url, login=True)
    print(f"Screenshots written to {OUT}")


if __name__ == "__main__":
    main()
