"""Benchmark of the print edition (issue 8): the PDF of the whole edition in under 15 s.

    .venv/bin/python bench/pdf.py            # the edition under tei/
    .venv/bin/python bench/pdf.py tests/fixtures/print

Prints: the full `edition build --format pdf --force` (wall and CPU seconds, as a user runs
it; best of --runs), then each PDF's stages — XSLT to print HTML, WeasyPrint layout, PDF
writing — and its page count. The book has two layouts: "measure" (the texts, the back
matter as titles only: where the indexed names fall) and the book itself. The machine's
load average is printed too: on a shared machine wall time is only meaningful next to it.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# bench/html.py would shadow the standard library's html (which WeasyPrint's parser imports)
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
TARGET_SECONDS = 15.0


def _cpu_children() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def full_build(paths: list[str]) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as out:
        cpu0, t0 = _cpu_children(), time.perf_counter()
        subprocess.run([str(ROOT / ".venv" / "bin" / "edition"), "-q", "build", "--format", "pdf", "--force",
                        "--out", out, *paths], check=True, cwd=ROOT)
        return time.perf_counter() - t0, _cpu_children() - cpu0


def stages(paths: list[str]) -> list[tuple[str, float, float, float, int]]:
    import weasyprint

    from edition import TEI_DIR, sources
    from edition.build import BuildOptions
    from edition.corpus import Corpus
    from edition.formats import pdf

    corpus = Corpus([sources.load(p) for p in sources.find(paths, default=TEI_DIR)])
    fmt, options, rows = pdf.FORMAT, BuildOptions(), []
    for s in corpus.texts:
        t0 = time.perf_counter()
        html = fmt.print_html(corpus, s, options)
        t1 = time.perf_counter()
        doc = pdf.layout(html)
        t2 = time.perf_counter()
        pdf.write(doc, html)
        rows.append((s.id, t1 - t0, t2 - t1, time.perf_counter() - t2, len(doc.pages)))
    # the book, as FormatPdf.book does it, stage by stage
    t0 = time.perf_counter()
    anchors = fmt.measured_anchors(corpus, options)
    html = fmt.print_html(corpus, None, options, measure=True)
    t1 = time.perf_counter()
    doc = pdf.layout(html)
    t2 = time.perf_counter()
    rows.append(("book:measure", t1 - t0, t2 - t1, 0.0, len(doc.pages)))
    html = fmt.print_html(corpus, None, options, page_map=pdf.page_map(pdf.anchor_pages(doc), anchors))
    t3 = time.perf_counter()
    doc = pdf.layout(html)
    t4 = time.perf_counter()
    pdf.write(doc, html, pdf.PDFA_VARIANT)
    rows.append(("book", t3 - t2, t4 - t3, time.perf_counter() - t4, len(doc.pages)))
    return rows


def main(argv: list[str] | None = None) -> None:
    paths = list(argv or [])  # (bench/run.py calls main() with its own argv in sys.argv)
    runs = 3
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}  cores: {os.cpu_count()}")
    wall, cpu = min(full_build(paths) for _ in range(runs))
    verdict = "ok" if wall < TARGET_SECONDS else "OVER TARGET"
    print(f"edition build --format pdf --force (best of {runs}): {wall:.2f} s wall, {cpu:.2f} s CPU "
          f"(target < {TARGET_SECONDS:.0f} s wall: {verdict})")
    print(f"{'pdf':<14}{'xslt s':>8}{'layout s':>10}{'write s':>9}{'pages':>7}")
    for label, x, layout, write, pages in stages(paths):
        print(f"{label:<14}{x:>8.2f}{layout:>10.2f}{write:>9.2f}{pages:>7}")


if __name__ == "__main__":
    main(sys.argv[1:])
