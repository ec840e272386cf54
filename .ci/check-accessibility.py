#!/usr/bin/env python3
"""Runs axe-core (bundled by axe-playwright-python) on every page of a site in Debian's
Chromium, light and dark, and fails on any violation. Usage: check-accessibility.py SITE [SCREENSHOTS]

With SCREENSHOTS, also saves light and dark screenshots of index.html and of the first company page."""
import pathlib
import sys

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"


def main() -> int:
    root = pathlib.Path(sys.argv[1]).resolve()
    shots = pathlib.Path(sys.argv[2]).resolve() if len(sys.argv) > 2 else None
    pages = sorted(root.rglob("*.html"))
    axe = Axe()
    violations = 0
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1100, "height": 900})
        for scheme in ("light", "dark"):
            page.emulate_media(color_scheme=scheme)
            for path in pages:
                page.goto(path.as_uri())
                for violation in axe.run(page).response["violations"]:
                    violations += 1
                    targets = [node["target"] for node in violation["nodes"]][:3]
                    print(f"{path.relative_to(root)} ({scheme}): {violation['id']}: {violation['help']} {targets}")
            if shots:
                shots.mkdir(parents=True, exist_ok=True)
                page.goto((root / "index.html").as_uri())
                page.screenshot(path=str(shots / f"index-{scheme}.png"), full_page=False)
                page.goto((root / "microsoft" / "index.html").as_uri())
                page.screenshot(path=str(shots / f"company-{scheme}.png"), full_page=False)
        browser.close()
    print(f"axe-core: {len(pages)} pages, light and dark, {violations} violations")
    return 1 if violations else 0


if __name__ == "__main__":
    sys.exit(main())
