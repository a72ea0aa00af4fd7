"""Validation speed, cold, as whole processes (what an editor waits for), side by side.

    .venv/bin/python bench/validate.py [--runs 5]

  1. `edition validate` on the edition (edition.rng + Schematron + names): target < 1 s;
  2. `edition validate --schema tei_all ../shared/corpus/` against `jing tei_all.rng` over
     the same files: target, no slower than jing;
  3. for reference, what lxml alone needs to compile tei_all.rng (the cost we avoid).
Each figure is the median of --runs fresh processes (wall clock).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
EDITION = str(BIN / "edition") if (BIN / "edition").exists() else None
CORPUS = ROOT.parent / "shared" / "corpus"
TEI_ALL = ROOT / "tei" / "schema" / "tei_all.rng"


def _time(command: list[str], runs: int) -> tuple[float, int]:
    times, code = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        code = subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL).returncode
        times.append(time.perf_counter() - start)
    return statistics.median(times), code


def _edition(*args: str) -> list[str]:
    return [EDITION, *args] if EDITION else [sys.executable, "-m", "edition.cli", *args]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--lxml-tei-all", action="store_true",
                        help="also time lxml compiling tei_all.rng (~8 s)")
    args = parser.parse_args(argv)

    print("validate (cold, whole process, median of %d runs)" % args.runs)
    t, code = _time(_edition("validate"), args.runs)
    files = len(list((ROOT / "tei").rglob("*.xml"))) - len(list((ROOT / "tei" / "schema").rglob("*.xml")))
    print(f"  edition validate (tei/, {files} files, edition.rng + Schematron): {t:6.3f} s  exit {code}"
          f"  [target < 1 s: {'ok' if t < 1 else 'SLOW'}]")

    if CORPUS.is_dir():
        corpus = sorted(str(p) for p in CORPUS.rglob("*.xml"))
        t_ours, code_ours = _time(_edition("validate", "--schema", "tei_all", str(CORPUS)), args.runs)
        print(f"  edition validate --schema tei_all corpus ({len(corpus)} files): {t_ours:6.3f} s  exit {code_ours}")
        if shutil.which("jing"):
            t_jing, code_jing = _time(["jing", str(TEI_ALL), *corpus], args.runs)
            print(f"  jing tei_all.rng corpus ({len(corpus)} files):                 {t_jing:6.3f} s  exit {code_jing}")
            print(f"  ratio edition/jing: {t_ours / t_jing:4.2f}  [target <= 1: "
                  f"{'ok' if t_ours <= t_jing * 1.05 else 'SLOW'}]")
        else:
            print("  jing not installed: no side-by-side figure")
    else:
        print("  ../shared/corpus absent: corpus figures skipped")

    if args.lxml_tei_all:
        code = "from lxml import etree; etree.RelaxNG(etree.parse(%r))" % str(TEI_ALL)
        t, _ = _time([sys.executable, "-c", code], 1)
        print(f"  lxml compiling tei_all.rng alone (what we avoid):     {t:6.3f} s")


if __name__ == "__main__":
    main()
