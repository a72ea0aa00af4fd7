"""Speed of the text edition: the whole `edition build --format text` process (start-up,
parsing, XSLT, writing), cold (--force, fresh output folder), on the edition (tei/) and on
the shared corpus (../shared/corpus, 16 real TEI files, 3.8 MB), best of N runs.

    .venv/bin/python bench/text.py [runs]

Figures measured on the development machine (2 cores, shared: load average ~5.5 during the
runs, so wall times are pessimistic; CPU time is the steadier figure), best of 3:
    edition  (7 files, 3 outputs, 0.13 MB)        0.33 s wall
    corpus   (16 files, 17 outputs, 4.7 MB)       7.8 s wall, ~4.1-4.8 s CPU
                                                  (-j1: 6.8 s wall, 4.1 s CPU)
    unchanged rebuild (cache, corpus)             0.39 s wall
The costliest document, ENG18551_Trollope.xml (437 kB), takes ~0.3 s of XSLT per output.
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


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    measure("edition", [], runs)
    if CORPUS.is_dir():
        measure("corpus", [str(CORPUS)], runs)
    else:
        print("corpus   skipped (../shared/corpus not present)")


if __name__ == "__main__":
    main()
