"""Screenshots of the seeds' article view and report for the README (`make screenshots`).

Builds a library of the seed articles in a temporary QUOTECLI_HOME with the installed
`quotecli`, renders `show --format html` and `report`, and photographs both with headless
Chromium (the system's; nothing is downloaded). Run from the repository root:

    python tests/html/screenshots.py docs
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
WIDTH = 1100


def quotecli(*args: str, env: dict[str, str]) -> str:
    command = [str(Path(sys.executable).parent / "quotecli"), *args]
    return subprocess.run(
        command, cwd=REPO, env=env, check=True, capture_output=True, text=True
    ).stdout


def main(out: Path) -> None:
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if executable is None:
        sys.exit("screenshots need chromium: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "QUOTECLI_HOME": home}
        env.pop("QUOTECLI_DB", None)
        quotecli("add", "seeds/", env=env)
        listed = json.loads(quotecli("articles", "--format", "json", env=env))
        chosen = next((a for a in listed if a["title"]), listed[0])
        article = Path(home) / "article.html"
        article.write_text(quotecli("show", chosen["path"], "--format", "html", env=env))
        report = Path(home) / "report.html"
        quotecli("report", "--out", str(report), "--title", "Quotes in the seed articles", env=env)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=executable)
            page = browser.new_page(viewport={"width": WIDTH, "height": 1250})
            page.goto(article.as_uri())
            marks = page.locator('mark.q[tabindex="0"]')
            marks.nth(min(2, marks.count() - 1)).hover()
            page.screenshot(path=out / "article.png")
            page.goto(report.as_uri())
            page.set_viewport_size({"width": WIDTH, "height": 1500})
            page.screenshot(path=out / "report.png")
            browser.close()
    for name in ("article.png", "report.png"):
        print(f"{out / name}: {(out / name).stat().st_size // 1024} KiB", file=sys.stderr)


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs"))
