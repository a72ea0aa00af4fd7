"""Shared test helpers: repository paths, the shared corpus, running the CLI."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus"
SEED = SHARED / "seed" / "000_336e1ba008239e38.txt"
EDITION_BIN = Path(sys.executable).with_name("edition")
ARTIFACTS = REPO / "test-artifacts"  # screenshots and page images for a person to look at
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def corpus_files() -> list[Path]:
    return sorted(CORPUS.glob("*/*.xml")) if CORPUS.is_dir() else []


def run_edition(*args: str, cwd: Path | None = None, env: dict | None = None,
                timeout: float = 300) -> subprocess.CompletedProcess:
    """Run the installed `edition` command as a user would; text output captured."""
    return subprocess.run([str(EDITION_BIN), *map(str, args)], cwd=cwd or REPO, capture_output=True,
                          text=True, timeout=timeout, env={**os.environ, **(env or {})})


@pytest.fixture
def corpus_dir() -> Path:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is absent")
    return CORPUS


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium through playwright, one per test session (never a downloaded browser)."""
    if not CHROMIUM.is_file():
        pytest.skip("/usr/bin/chromium is absent (make test-system installs it)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    with sync_api.sync_playwright() as p:
        instance = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        yield instance
        instance.close()


def pytest_sessionfinish(session, exitstatus):
    """EDITION_STRICT=1 (CI): a skipped test fails the run. CI installs everything the tests need
    (../shared beside the clone, chromium, Java, node_modules), so a skip there hides a missing install."""
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter else []
    if os.environ.get("EDITION_STRICT") == "1" and skipped and exitstatus == 0:
        names = ", ".join(r.nodeid for r in skipped[:5])
        reporter.write_line(f"EDITION_STRICT: {len(skipped)} test(s) skipped ({names}); failing the run", red=True)
        session.exitstatus = 1


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serving(folder: Path):
    """folder over http on 127.0.0.1 (a free port) for the duration; yields the base URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The edition's web edition (with its search index), built once and served: (folder, base URL)."""
    from edition.build import BuildOptions, build

    out = tmp_path_factory.mktemp("browser-site")
    report = build([str(REPO / "tei")], out, BuildOptions(formats="html", quiet=True, progress=False))
    assert report.errors == 0, [str(d) for d in report.diagnostics]
    with serving(out / "html") as base:
        yield out / "html", base


@pytest.fixture
def page_at(browser, site):
    """page_at(width) -> a page whose requests outside the site fail the test."""
    folder, base = site
    pages, outside = [], []

    def make(width: int = 1280, height: int = 900):
        context = browser.new_context(viewport={"width": width, "height": height})
        page = context.new_page()
        page.on("request", lambda r: None if r.url.startswith(base) else outside.append(r.url))
        pages.append(context)
        return page

    yield make
    for c in pages:
        c.close()
    assert not outside, f"requests outside the site: {outside[:5]}"
