"""Render templates/respond/_preview.html without Flask, and optionally check it.

    python scripts/preview_fields.py                 # writes /tmp/preview.html
    python scripts/preview_fields.py --shots /tmp    # + Chromium screenshots
    python scripts/preview_fields.py --axe           # + axe-core; exit 1 on violations

Build the CSS first (npm run build:css). Static files are linked by file:// URL.
"""

import argparse
import json
import subprocess
import sys
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# (name, window width, device scale factor); 640px at 2x approximates 200% zoom.
SHOTS = [("320", 320, 1), ("375", 375, 1), ("1280", 1280, 1), ("zoom200", 640, 2)]


def render(out: Path) -> None:
    """Render the preview page to `out`, linking static files by file:// URL."""
    static = (ROOT / "static").as_uri()

    def url_for(endpoint, **values):
        return f"{static}/{values['filename']}" if endpoint == "static" else "#"

    # Same autoescape rule as Flask, which escapes .html templates.
    env = Environment(loader=FileSystemLoader(ROOT / "templates"), autoescape=select_autoescape(["html"]))
    env.globals["url_for"] = url_for
    out.write_text(env.get_template("respond/_preview.html").render(), encoding="utf-8")


def screenshots(page: Path, folder: Path) -> None:
    """Save full-height screenshots of `page` at each width in SHOTS."""
    for name, width, scale in SHOTS:
        target = folder / f"preview-{name}.png"
        subprocess.run(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--hide-scrollbars", f"--force-device-scale-factor={scale}",
             f"--window-size={width},3200", f"--screenshot={target}", page.as_uri()],
            check=True, capture_output=True,
        )
        print(target)


def axe_violations(page: Path) -> list:
    """Run axe-core on `page` in Chromium and return its violations."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        tab = browser.new_page()
        tab.goto(page.as_uri())
        tab.add_script_tag(path=str(AXE))
        result = tab.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
        )
        browser.close()
    return result["violations"]


def main() -> int:
    """Render the preview, then take screenshots or run axe if asked."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("/tmp/preview.html"))
    parser.add_argument("--shots", type=Path, help="folder for screenshots")
    parser.add_argument("--axe", action="store_true", help="run axe-core")
    args = parser.parse_args()
    render(args.out)
    print(args.out)
    if args.shots:
        screenshots(args.out, args.shots)
    if args.axe:
        violations = axe_violations(args.out)
        for v in violations:
            print(json.dumps({"id": v["id"], "impact": v["impact"], "help": v["help"],
                              "nodes": [n["target"] for n in v["nodes"]]}))
        print(f"axe: {len(violations)} violations")
        return 1 if violations else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
