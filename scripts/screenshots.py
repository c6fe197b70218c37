"""Screenshots of pages as a demo user, for looking at them: python scripts/screenshots.py USER PATH [PATH ...]

Needs a running site (make run) and /usr/bin/chromium. PNGs go to var/screenshots/.
"""

import re
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

BASE = "http://127.0.0.1:8000"
OUT = Path(__file__).resolve().parent.parent / "var" / "screenshots"


def main(username, *paths, base=BASE, password="jeugdregio-demo"):
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage"],
        )
        page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="nl-NL")
        page.goto(f"{base}/accounts/login/")
        page.fill("input[name=username]", username)
        page.fill("input[name=password]", password)
        page.click("main form button[type=submit]")
        page.wait_for_load_state()
        for path in paths:
            page.goto(base + path)
            name = re.sub(r"[^a-z0-9]+", "_", f"{username}{path}".lower()).strip("_")
            page.screenshot(path=str(OUT / f"{name}.png"), full_page=True)
            print(OUT / f"{name}.png", page.title())
        browser.close()


if __name__ == "__main__":
    args = sys.argv[1:]
    base = BASE
    if args and args[0].startswith("--base="):
        base = args.pop(0).split("=", 1)[1]
    main(args[0], *args[1:], base=base)
