"""Build throughput at corpus scale (issue 10): floors, cold/warm, -j1/-j2, the edition itself.

Run: .venv/bin/python bench/build.py   (or `make bench`). Prints one line per figure.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
EDITION = Path(sys.executable).with_name("edition")
TARGET_DOCS, TARGET_MB = 100, 50


def replicate(dest: Path) -> tuple[int, float]:
    """The shared corpus copied to ~100 documents; bodies repeated to reach ~50 MB."""
    files = sorted(CORPUS.glob("*/*.xml"))
    base = sum(f.stat().st_size for f in files) * TARGET_DOCS / len(files)
    repeat = max(1, round(TARGET_MB * 1e6 / base))
    dest.mkdir(parents=True)
    total = 0
    for i in range(TARGET_DOCS):
        src = files[i % len(files)]
        data = src.read_text(encoding="utf-8")
        body = re.search(r"(<body[^>]*>)(.*)(</body>)", data, re.S)
        if body and repeat > 1:
            data = data[:body.start(2)] + body.group(2) * repeat + data[body.end(2):]
            data = re.sub(r'xml:id="([^"]+)"', lambda m, c=iter(range(10**9)): f'xml:id="{m.group(1)}-r{next(c)}"', data)
        out = dest / f"{i:03d}-{src.name}"
        out.write_text(data, encoding="utf-8")
        total += out.stat().st_size
    return TARGET_DOCS, total / 1e6


def one_big_document(dest: Path, mb: int = 50) -> Path:
    """One TEI document of about `mb` MB: a corpus novel's body repeated."""
    novel = max(CORPUS.glob("eltec/*.xml"), key=lambda f: f.stat().st_size)
    data = novel.read_text(encoding="utf-8")
    body = re.search(r"(<body[^>]*>)(.*)(</body>)", data, re.S)
    inner = re.sub(r'\sxml:id="[^"]*"', "", body.group(2))
    times = max(1, round(mb * 1e6 / len(inner.encode())))
    dest.write_text(data[:body.start(2)] + inner * times + data[body.end(2):], encoding="utf-8")
    return dest


def timed(args: list[str], cwd: Path = REPO) -> float:
    start = time.perf_counter()
    result = subprocess.run(args, cwd=cwd, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode not in (0, 1):
        print(result.stderr[-2000:], file=sys.stderr)
    return elapsed


def timed_with_memory(args: list[str], cwd: Path = REPO) -> tuple[float, float]:
    """Seconds and the peak memory (MB) of the process and its workers together, sampled every
    50 ms: the sum of their proportional set sizes (a page shared by n processes counts 1/n)."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, cwd=cwd, start_new_session=True, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    peak = 0
    while proc.poll() is None:
        total = 0
        for pid in filter(str.isdigit, os.listdir("/proc")):
            try:
                if os.getpgid(int(pid)) == proc.pid:
                    rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
                    total += int(re.search(r"^Pss:\s+(\d+)", rollup, re.M).group(1))
            except (OSError, AttributeError):
                continue  # the process ended meanwhile
        peak = max(peak, total)
        time.sleep(0.05)
    return time.perf_counter() - start, peak / 1024


def floors(folder: Path) -> tuple[float, float]:
    code_lxml = ("import glob,time;from lxml import etree;t=time.perf_counter();"
                 f"[etree.tostring(etree.parse(f)) for f in sorted(glob.glob('{folder}/**/*.xml', recursive=True))];"
                 "print(time.perf_counter()-t)")
    code_saxon = ("import glob,time,tempfile,os;from saxonche import PySaxonProcessor;"
                  "p=PySaxonProcessor(license=False);d=tempfile.mkdtemp();x=os.path.join(d,'i.xsl');"
                  "open(x,'w').write('<xsl:stylesheet version=\"3.0\" xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\">"
                  "<xsl:mode on-no-match=\"shallow-copy\"/></xsl:stylesheet>');"
                  "e=p.new_xslt30_processor().compile_stylesheet(stylesheet_file=x);t=time.perf_counter();"
                  f"[e.transform_to_string(source_file=f) for f in sorted(glob.glob('{folder}/**/*.xml', recursive=True))];"
                  "print(time.perf_counter()-t)")
    lx = float(subprocess.run([sys.executable, "-c", code_lxml], capture_output=True, text=True).stdout)
    sx = float(subprocess.run([sys.executable, "-c", code_saxon], capture_output=True, text=True).stdout)
    return lx, sx


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        if CORPUS.is_dir():
            corpus_mb = sum(f.stat().st_size for f in CORPUS.glob("*/*.xml")) / 1e6
            lx, sx = floors(CORPUS)
            print(f"shared corpus (16 docs, {corpus_mb:.1f} MB): lxml parse+serialise {lx:.2f} s, "
                  f"saxonche identity {sx:.2f} s")
            cold = timed([str(EDITION), "-q", "build", "--format", "html", "--out", str(tmp / "c"), str(CORPUS)])
            warm = timed([str(EDITION), "-q", "build", "--format", "html", "--out", str(tmp / "c"), str(CORPUS)])
            bare = timed([str(EDITION), "-q", "build", "--format", "html", "--no-search", "--out", str(tmp / "n"),
                          str(CORPUS)])
            print(f"shared corpus html build (whole process): cold {cold:.2f} s ({bare:.2f} s without the "
                  f"search index), no-change {warm:.2f} s (targets: < 0.46 s; within 5x identity = {5 * sx:.2f} s)")
            big = tmp / "big"
            docs, mb = replicate(big)
            lx, sx = floors(big)
            print(f"replicated corpus ({docs} docs, {mb:.1f} MB): floors lxml {mb / lx:.1f} MB/s, "
                  f"saxonche identity {mb / sx:.1f} MB/s")
            for jobs in ("1", "2"):
                out = tmp / f"big-j{jobs}"
                cold = timed([str(EDITION), "-q", "build", "--format", "html", "-j", jobs, "--out", str(out), str(big)])
                warm = timed([str(EDITION), "-q", "build", "--format", "html", "-j", jobs, "--out", str(out), str(big)])
                print(f"replicated corpus html -j{jobs}: cold {cold:.1f} s ({mb / cold:.1f} MB/s), "
                      f"no-change {warm:.2f} s")
            doc = one_big_document(tmp / "big-one.xml")
            took, peak = timed_with_memory([str(EDITION), "-q", "build", "--format", "html,text",
                                            "--out", str(tmp / "one"), str(doc)])
            print(f"one {doc.stat().st_size / 1e6:.0f} MB document, html+text: {took:.1f} s, peak memory of the "
                  f"build and its workers {peak:.0f} MB (target < 2048 MB)")
        out = tmp / "edition"
        full = timed([str(EDITION), "-q", "build", "--out", str(out)])
        again = timed([str(EDITION), "-q", "build", "--out", str(out)])
        html = timed([str(EDITION), "-q", "build", "--format", "html", "--out", str(tmp / "eh")])
        print(f"the edition: full build (html, text, pdf) {full:.2f} s, no-change rebuild {again:.2f} s, "
              f"html alone {html:.2f} s (targets: no-change < 0.3 s, html < 1 s)")


if __name__ == "__main__":
    main()
