"""Deposit speed: a cold deposit (every format built), a warm one (build cache hit), verify.

    .venv/bin/python bench/deposit.py [--formats html,text,pdf]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from edition import TEI_DIR  # noqa: E402
from edition.deposit import deposit, verify  # noqa: E402


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--formats", default="html,text,pdf")
    parser.add_argument("--source", type=Path, default=TEI_DIR)
    args = parser.parse_args(argv)
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1735689600")
    with tempfile.TemporaryDirectory() as tmp:
        out, build_dir = Path(tmp) / "bag", Path(tmp) / "output"
        for label in ("cold", "warm"):
            started = time.perf_counter()
            report = deposit(args.source, out, build_dir, args.formats)
            print(f"deposit {label}: {time.perf_counter() - started:6.2f} s  {report.files} files, "
                  f"{report.bytes / 1e6:.2f} MB; build: {report.build_summary}")
        started = time.perf_counter()
        ok = verify(out).ok
        print(f"verify:       {time.perf_counter() - started:6.2f} s  {'valid' if ok else 'NOT VALID'}")


if __name__ == "__main__":
    main()
