"""Speed of the text edition: the whole `edition build --format text` process (start-up,
parsing, XSLT, writing), cold (--force, fresh output folder), on the edition (tei/) and on
the shared corpus (../shared/corpus, 16 real TEI files, 3.8 MB), best of N runs.

    .venv/bin/python bench/text.py [runs]

Current figures: README.md, section Performance (from `make bench`).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EDITION_BIN = ROOT / ".venv" / "bin" / "edition"
CORPUS = ROOT.parent / "shared" / "corpus"


def measure(label: str, sources: list[str], runs: int) -> None:
    times = []
    for _ in range(runs):
        out = Path(tempfile.mkdtemp(prefix="bench-text-"))
        try:
            start = time.perf_counter()
            subprocess.run([str(EDITION_BIN), "-q", "build", "--format", "text", "--force",
                            "--out", str(out), *sources], check=True)
            times.append(time.perf_counter() - start)
            size = sum(p.stat().st_size for p in (out / "text").glob("*.txt"))
            files = len(list((out / "text").glob("*.txt")))
        finally:
            shutil.rmtree(out, ignore_errors=True)
    print(f"{label:8s} best {min(times):6.2f} s  median {sorted(times)[len(times) // 2]:6.2f} s  "
          f"({files} files, {size / 1e6:.2f} MB of text)")


def main(argv: list[str] | None = None) -> None:
    runs = int(argv[0]) if argv else 3  # bench/run.py calls main() with no arguments
    measure("edition", [], runs)
    if CORPUS.is_dir():
        measure("corpus", [str(CORPUS)], runs)
    else:
        print("corpus   skipped (../shared/corpus not present)")


if __name__ == "__main__":
    main(sys.argv[1:])
