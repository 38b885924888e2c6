"""Take the screenshots in docs/screenshots/ (work page, trope page, editor; light and dark).

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
SHOTS = [
    ("work", "/Literature/Frankenstein"),
    ("trope", "/Main/StarCrossedLovers"),
    ("editor", "/Literature/Frankenstein/edit"),
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
        env = {**os.environ, "TROPEWIKI_HOME": home, "TROPEWIKI_DATABASE_URL": "", "SHOT_PW": "screenshots 4 docs"}
        tool = [sys.executable, "-m", "tropewiki"]
        subprocess.run([*tool, "serve", "--prepare-only"], env=env, check=True)
        subprocess.run([*tool, "createuser", "reader", "--password-env", "SHOT_PW"], env=env, check=True)
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
            context = browser.new_context(viewport={"width": 1200, "height": 900}, color_scheme=scheme)
            page = context.new_page()
            if login:
                page.goto(url + "/-/login")
                page.fill("#id_username", "reader")
                page.fill("#id_password", "screenshots 4 docs")
                page.click("button[type=submit]")
            for name, path in SHOTS:
                page.goto(url + path)
                page.screenshot(path=str(OUT / f"{name}-{scheme}.png"))
            context.close()
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--url", help="An already running wiki (with the demo and a 'reader' editor).")
    args = parser.parse_args()
    if args.url:
        take(args.url.rstrip("/"), login=True)
    else:
        with demo_wiki() as url:
            take(url, login=True)
    print(f"Screenshots written to {OUT}")


if __name__ == "__main__":
    main()
