"""Screenshots of the HTML reports (the check page and the compare page) with headless Chromium.

Writes the two reports for the plans shipped in corpora/ (with the directive from ../shared when it is
there, so the compare page shows copying too), then a full-page PNG of each:

    python scripts/screenshot_reports.py [--out DIR] [--width 1366] [--height 2400]

Needs Debian's ``chromium`` and ``fonts-noto-cjk`` (``apt-get install chromium fonts-noto-cjk``).
Chromium runs offline: no network, no first-run, a throwaway profile.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted(str(p) for p in (ROOT / "corpora").glob("*.txt"))
CHECKLIST = ROOT / "corpora" / "checklists" / "zhuti-jiaoyu-2023.toml"
DIRECTIVE = ROOT.parent / "shared" / "corpus" / "raw" / "042.txt"
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars", "--force-device-scale-factor=1")


def browser() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    sys.exit("screenshot_reports: no chromium found; apt-get install chromium fonts-noto-cjk")


def write_reports(out: Path) -> list[Path]:
    """The check report of the first seed and the compare report of both, as HTML files in ``out``."""
    from textkit.cli import main

    check = out / "check.html"
    compare = out / "compare.html"
    code = main(["check", SEEDS[-1], "--checklist", str(CHECKLIST), "--format", "html", "-o", str(check)])
    if code not in (0, 1):  # 1: findings at or above --fail-on, the page is written all the same
        sys.exit(f"screenshot_reports: textkit check exited {code}")
    against = ["--against", str(DIRECTIVE)] if DIRECTIVE.exists() else []
    code = main(["compare", "--no-progress", *SEEDS, *against, "--checklist", str(CHECKLIST),
                 "--format", "html", "-o", str(compare)])
    if code != 0:
        sys.exit(f"screenshot_reports: textkit compare exited {code}")
    return [check, compare]


def shoot(page: Path, png: Path, *, width: int, height: int) -> None:
    with tempfile.TemporaryDirectory() as profile:
        cmd = [browser(), *FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}",
               f"--screenshot={png}", page.resolve().as_uri()]
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    if done.returncode != 0 or not png.exists():
        sys.exit(f"screenshot_reports: chromium failed on {page}: {done.stderr.strip()[-500:]}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=ROOT / "build" / "screenshots", help="folder for the HTML and PNG files")
    ap.add_argument("--width", type=int, default=1366)
    ap.add_argument("--height", type=int, default=2400)
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for page in write_reports(args.out):
        png = page.with_suffix(".png")
        shoot(page, png, width=args.width, height=args.height)
        print(f"{png}  ({png.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
