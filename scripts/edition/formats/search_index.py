"""The web edition's full-text search index: Pagefind over the written pages.

The pages say what is indexed (`data-pagefind-body`, `-filter`, `-meta` on <main>, written by
xslt/html/views.xsl); this module only runs Pagefind's bundled binary on the finished site
folder (the html format's `finish` step, on the staging copy), which writes pagefind/: the
index, the fragments and Pagefind's own scripts, all served locally with the site.

Determinism (the deposit needs byte-identical builds): Pagefind 1.5 names its files after
hashes of their content, but writes two things in Rust hash-map order, which changes from run to
run: the values of a data-pagefind-filter (so filter/*.pf_filter and, through its hash, the
pf_meta name and pagefind-entry.json) and, on a site in several languages, the language
entries of pagefind-entry.json. The pages therefore use no Pagefind filter (the kind of page is
a meta field, filtered in assets/search.js), and pagefind-entry.json (fetched by name, not by
hash) is rewritten here with its keys sorted. Checked by tests/test_views.py (two builds of the
edition) and tests/test_build.py (-j1 = -j2 on the shared corpus, 16 files, several languages).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from ..errors import EditionError

BUNDLE = "pagefind"
# Parts of a reading page that are not the edition's words: the citation pop-ups (author and
# title repeated at every paragraph), the reading switch, the table of contents.
EXCLUDE = ".cite-pop, .reading-switch, nav.toc"


def executable() -> Path:
    try:
        from pagefind.service import get_executable
    except ImportError as exc:  # pragma: no cover - the venv has it
        raise EditionError("the search index needs the `pagefind` package (pip install 'pagefind[bin]')") from exc
    exe = get_executable()
    if exe is None:
        raise EditionError("Pagefind's binary is missing (pip install 'pagefind[bin]')")
    return Path(exe)


def index(site: Path) -> None:
    """Write site/pagefind/ from the site's *.html (top level: the edition's pages)."""
    bundle = site / BUNDLE
    if bundle.exists():
        shutil.rmtree(bundle)
    if not any(site.glob("*.html")):  # every page failed (reported as such): nothing to index
        return
    cmd = [str(executable()), "--site", str(site), "--output-subdir", BUNDLE, "--glob", "*.html",
           "--exclude-selectors", EXCLUDE, "--keep-index-url", "--silent"]
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        said = " ".join((done.stderr or done.stdout).split())
        raise EditionError(f"pagefind failed ({done.returncode}): {said[:2000]}")
    entry = bundle / "pagefind-entry.json"
    data = json.loads(entry.read_text(encoding="utf-8"))
    entry.write_text(json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False), encoding="utf-8")
    # Pagefind's alternative UIs are not used by the site (assets/search.js talks to pagefind.js).
    for unused in ("pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-modular-ui.js",
                   "pagefind-modular-ui.css", "pagefind-ui.js", "pagefind-ui.css"):
        (bundle / unused).unlink(missing_ok=True)


def size(site: Path) -> dict[str, int]:
    """Bytes of the search bundle: the index proper (index, fragments, meta, filters) and all of it."""
    bundle = site / BUNDLE
    files = [p for p in bundle.rglob("*") if p.is_file()]
    data = [p for p in files if p.parent.name in ("index", "fragment", "filter") or p.suffix == ".pf_meta"]
    return {"index": sum(p.stat().st_size for p in data), "bundle": sum(p.stat().st_size for p in files),
            "files": len(files)}
