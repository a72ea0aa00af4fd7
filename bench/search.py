"""Web edition with its search index, chronology and figures: whole-process build time and the
index's size.

    .venv/bin/python bench/search.py [--runs 5] [--source tei/]
Target: `edition build --format html --force` (start-up, pages, Pagefind) under 2 s.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from edition import TEI_DIR  # noqa: E402
from edition.formats import search_index  # noqa: E402

EDITION = ROOT / ".venv" / "bin" / "edition"


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--source", type=Path, default=TEI_DIR)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        cmd = [str(EDITION), "-q", "build", "--format", "html", "--force", "--out", str(out), str(args.source)]
        times = []
        for _ in range(args.runs):
            started = time.perf_counter()
            subprocess.run(cmd, check=True)
            times.append(time.perf_counter() - started)
        site = out / "html"
        pf = []
        for _ in range(args.runs):
            started = time.perf_counter()
            search_index.index(site)
            pf.append(time.perf_counter() - started)
        size = search_index.size(site)
        pages = sorted(p.name for p in site.glob("*.html"))
        print(f"pages: {len(pages)} ({', '.join(pages)})")
        print(f"cold build, whole process (--force): median {statistics.median(times):.3f} s, "
              f"min {min(times):.3f} s over {args.runs} runs (target < 2 s)")
        print(f"  of which Pagefind: median {statistics.median(pf):.3f} s")
        for name in ("chronology.html", "figures.html", "search.html"):
            if (site / name).is_file():
                print(f"  {name}: {(site / name).stat().st_size:,} bytes")
        print(f"search index (index, fragments, meta): {size['index']:,} bytes; "
              f"whole pagefind/ bundle: {size['bundle']:,} bytes in {size['files']} files")


if __name__ == "__main__":
    main()
