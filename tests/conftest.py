"""Shared test helpers: repository paths, the shared corpus, running the CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus"
SEED = SHARED / "seed" / "000_336e1ba008239e38.txt"
EDITION_BIN = Path(sys.executable).with_name("edition")
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
