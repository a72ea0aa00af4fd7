"""Web edition speed: the whole site built by the `edition` command (start-up included),
cold (--force) and warm (build cache), plus where the time goes inside one process.

    .venv/bin/python bench/html.py [--runs 5] [--source tei/]
Target: a cold build of the whole web edition in under 1 s on a 2-core machine.
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

from edition import TEI_DIR, sources  # noqa: E402
from edition.build import BuildOptions  # noqa: E402
from edition.corpus import Corpus  # noqa: E402

EDITION = ROOT / ".venv" / "bin" / "edition"


def _cli(source: Path, out: Path, force: bool) -> float:
    cmd = [str(EDITION), "-q", "build", "--format", "html", "--out", str(out), str(source)]
    started = time.perf_counter()
    subprocess.run(cmd + (["--force"] if force else []), check=True)
    return time.perf_counter() - started


def _in_process(source: Path) -> None:
    from edition.formats.html import FORMAT, STYLESHEET
    from edition.transform import stylesheet

    t0 = time.perf_counter()
    corpus = Corpus([sources.load(p) for p in sources.find([str(source)])])
    for s in corpus.sources:
        corpus.node(s)
    t1 = time.perf_counter()
    stylesheet(STYLESHEET)
    t2 = time.perf_counter()
    options = BuildOptions(formats="html")
    pages = {}
    for text in corpus.texts:
        t = time.perf_counter()
        out = FORMAT.document_outputs(corpus, text, options)
        pages.update({k: (time.perf_counter() - t, len(v)) for k, v in out.items()})
    t3 = time.perf_counter()
    whole = FORMAT.edition_outputs(corpus, options)
    t4 = time.perf_counter()
    print(f"  parse {len(corpus.sources)} sources (lxml + Saxon): {1000 * (t1 - t0):7.1f} ms")
    print(f"  compile site.xsl (once):               {1000 * (t2 - t1):7.1f} ms")
    for name, (secs, size) in pages.items():
        print(f"  {name:<38} {1000 * secs:7.1f} ms  {size / 1024:6.0f} KiB")
    print(f"  reading pages total:                   {1000 * (t3 - t2):7.1f} ms")
    print(f"  index, registers, apparatus, copies:   {1000 * (t4 - t3):7.1f} ms  ({len(whole)} files)")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--source", type=Path, default=TEI_DIR)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        cold = [_cli(args.source, out, force=True) for _ in range(args.runs)]
        warm = [_cli(args.source, out, force=False) for _ in range(args.runs)]
        pages = len(list((out / "html").glob("*.html")))
    print(f"web edition of {args.source} ({pages} pages), `edition build --format html`, {args.runs} runs:")
    print(f"  cold (--force): median {statistics.median(cold):.3f} s  min {min(cold):.3f} s  max {max(cold):.3f} s")
    print(f"  warm (cached):  median {statistics.median(warm):.3f} s  min {min(warm):.3f} s  max {max(warm):.3f} s")
    print(f"  target < 1 s cold: {'met' if max(cold) < 1 else 'NOT met'}")
    print("inside one process:")
    _in_process(args.source)


if __name__ == "__main__":
    main()
