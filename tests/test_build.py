"""The build pipeline: incremental, parallel, atomic, locked, robust on bad input (issues 10, 11)."""

from __future__ import annotations

import fcntl
import filecmp
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import EDITION_BIN, REPO, corpus_files, run_edition

DOC = """<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="{id}"><teiHeader><fileDesc>
<titleStmt><title>Document {id}</title></titleStmt><publicationStmt><p>Test.</p></publicationStmt>
<sourceDesc><p>Written for the tests.</p></sourceDesc></fileDesc></teiHeader>
<text><body><div><head>Part {id}</head><p>The {id} paragraph names <persName>Nobody</persName>.</p></div></body></text></TEI>
"""


def make_sources(folder: Path, ids=("alpha", "beta", "gamma")) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for doc_id in ids:
        (folder / f"{doc_id}.xml").write_text(DOC.format(id=doc_id), encoding="utf-8")
    return folder


def transformed(result: subprocess.CompletedProcess) -> list[str]:
    """The entries the build reports it transformed (-v prints one line each)."""
    return sorted(line.split(" ", 1)[1] for line in result.stderr.splitlines() if line.startswith("transformed "))


def tree_bytes(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_incremental_rebuild_transforms_only_the_changed_document(tmp_path):
    src = make_sources(tmp_path / "src")
    out = tmp_path / "out"
    first = run_edition("-v", "build", "--format", "text", "--out", out, src, cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert transformed(first) == ["text:@edition", "text:src/alpha.xml", "text:src/beta.xml", "text:src/gamma.xml"]
    before = tree_bytes(out)

    again = run_edition("-v", "build", "--format", "text", "--out", out, src, cwd=tmp_path)
    assert again.returncode == 0 and transformed(again) == []
    assert "0 transformed" in again.stderr
    assert tree_bytes(out) == before

    (src / "beta.xml").write_text(DOC.format(id="beta").replace("names", "mentions"), encoding="utf-8")
    changed = run_edition("-v", "build", "--format", "text", "--out", out, src, cwd=tmp_path)
    assert transformed(changed) == ["text:@edition", "text:src/beta.xml"]
    assert "mentions" in (out / "text" / "beta.txt").read_text()
    assert (out / "text" / "alpha.txt").read_bytes() == before["text/alpha.txt"]

    forced = run_edition("-v", "build", "--format", "text", "--out", out, "--force", src, cwd=tmp_path)
    assert len(transformed(forced)) == 4


def test_a_change_in_an_included_file_rebuilds_the_document(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "main.xml").write_text(DOC.format(id="main").replace(
        "</div></body>", '</div><xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="part.xml"/></body>'))
    part = '<div xmlns="http://www.tei-c.org/ns/1.0"><p>{words}</p></div>'
    (src / "part.xml").write_text(part.format(words="The first wording."))
    out = tmp_path / "out"
    assert run_edition("build", "--format", "text", "--out", out, src / "main.xml").returncode == 0
    (src / "part.xml").write_text(part.format(words="The second wording."))
    again = run_edition("-v", "build", "--format", "text", "--out", out, src / "main.xml")
    assert again.returncode == 0, again.stderr
    assert transformed(again) == sorted(["text:@edition", f"text:{(src / 'main.xml').resolve()}"])
    assert "The second wording." in (out / "text" / "main.txt").read_text()


def test_unchanged_sources_are_not_parsed_again(tmp_path, monkeypatch):
    from edition import build as build_module, sources as sources_module

    src = make_sources(tmp_path / "src")
    out = tmp_path / "out"
    options = build_module.BuildOptions(formats="text", jobs=1, quiet=True, progress=False)
    first = build_module.build([str(src)], out, options)
    parsed: list[str] = []
    real_parse = sources_module.parse_bytes
    monkeypatch.setattr(sources_module, "parse_bytes",
                        lambda path, data: parsed.append(path.name) or real_parse(path, data))
    (src / "beta.xml").write_text(DOC.format(id="beta").replace("Nobody", "Somebody"), encoding="utf-8")
    second = build_module.build([str(src)], out, options)
    assert parsed == ["beta.xml"]  # alpha and gamma: the same bytes as last time
    assert sorted(second.built) == sorted(["text:@edition", f"text:{(src / 'beta.xml').resolve()}"])
    assert "Somebody" in (out / "text" / "beta.txt").read_text()
    assert first.documents == second.documents == 3 and second.errors == 0


def test_stylesheet_option_change_rebuilds(tmp_path):
    src = make_sources(tmp_path / "src")
    out = tmp_path / "out"
    run_edition("build", "--format", "text", "--out", out, src, cwd=tmp_path)
    wider = run_edition("-v", "build", "--format", "text", "--width", "60", "--out", out, src, cwd=tmp_path)
    assert len(transformed(wider)) == 4


def test_bad_files_are_reported_and_the_rest_build(tmp_path):
    src = make_sources(tmp_path / "src")
    (src / "broken.xml").write_text("<TEI xmlns='http://www.tei-c.org/ns/1.0'>\n  <teiHeader>\n</TEI>\n")
    (src / "html.xml").write_text("<html><body/></html>\n")
    out = tmp_path / "out"
    result = run_edition("build", "--format", "text,html", "--out", out, src, cwd=tmp_path)
    assert result.returncode == 1
    assert "src/broken.xml:3:" in result.stderr and "[well-formed]" in result.stderr
    assert "src/html.xml:1:1: error: not a TEI document" in result.stderr
    assert "2 error(s)" in result.stderr.splitlines()[-1]
    for doc_id in ("alpha", "beta", "gamma"):
        assert (out / "text" / f"{doc_id}.txt").is_file()
        assert (out / "html" / f"{doc_id}.html").is_file()


def test_a_document_that_fails_to_transform_costs_only_its_own_pages(tmp_path, monkeypatch):
    """When a document fails in a stylesheet, the whole-edition outputs (which read every
    document, and so fail with it) are made again without it."""
    from edition import build as build_module
    from edition.errors import EditionError
    from edition.formats import text as text_format

    src = make_sources(tmp_path / "src")
    fmt = text_format.FORMAT
    real_document, real_edition = fmt.document_outputs, fmt.edition_outputs

    def failing_document(corpus, source, options):
        if source.id == "beta":
            raise EditionError("XPTY0004 (simulated)")
        return real_document(corpus, source, options)

    def failing_edition(corpus, options):
        if any(s.id == "beta" for s in corpus.texts):
            raise EditionError("XPTY0004 (simulated)")
        return real_edition(corpus, options)

    monkeypatch.setattr(fmt, "document_outputs", failing_document)
    monkeypatch.setattr(fmt, "edition_outputs", failing_edition)
    out = tmp_path / "out"
    report = build_module.build([str(src)], out, build_module.BuildOptions(formats="text", jobs=1, quiet=True,
                                                                            progress=False))
    assert report.errors == 1  # beta's own failure, still reported
    assert [d.message for d in report.diagnostics if d.severity == "error"] == ["text: XPTY0004 (simulated)"]
    assert any("leave out" in d.message and "beta.xml" in d.message for d in report.diagnostics)
    edition = (out / "text" / "edition.txt").read_text()
    assert "Document alpha" in edition and "Document gamma" in edition and "Document beta" not in edition
    assert not (out / "text" / "beta.txt").exists() and (out / "text" / "alpha.txt").is_file()
    # nothing of the failure is cached: the next build tries beta again and says so again
    again = build_module.build([str(src)], out, build_module.BuildOptions(formats="text", jobs=1, quiet=True,
                                                                           progress=False))
    assert again.errors == 1 and any("leave out" in d.message for d in again.diagnostics)
    assert sorted(again.built) == sorted([f"text:{(src / 'beta.xml').resolve()}", "text:@edition"])


def test_missing_source_is_a_usage_error(tmp_path):
    result = run_edition("build", "--out", tmp_path / "out", tmp_path / "nowhere.xml")
    assert result.returncode == 2
    assert "nowhere.xml: no such file or folder" in result.stderr
    assert not (tmp_path / "out").exists()


def test_output_names_are_safe_and_distinct(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "one.xml").write_text(DOC.format(id="same"))
    (src / "two.xml").write_text(DOC.format(id="same"))
    (src / "we ird;name.xml").write_text(DOC.format(id="x").replace(' xml:id="x"', ""))
    (src / "accents.xml").write_text(DOC.format(id="sāmānyadūṣaṇa"), encoding="utf-8")  # accents dropped, letters kept
    (src / "greek-stem.xml").write_text(DOC.format(id="Ἰχνευταί"), encoding="utf-8")  # no Latin letter: the file's stem
    (src / "city.xml").write_text(DOC.format(id="Łódź"), encoding="utf-8")  # letters with no accent to drop
    out = tmp_path / "deep" / "out"
    result = run_edition("build", "--format", "text", "--out", out, src, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    written = sorted(p.name for p in (out / "text").iterdir())
    assert written == ["Lodz.txt", "edition.txt", "greek-stem.txt", "samanyadusana.txt", "same-2.txt", "same.txt",
                       "we_ird_name.txt"]


@pytest.mark.parametrize("name", ["../x.html", "/etc/x", "a/../../x", "", "a\x00b"])
def test_safe_join_refuses_names_that_leave_the_folder(tmp_path, name):
    from edition import write
    from edition.errors import BuildError

    with pytest.raises(BuildError):
        write.safe_join(tmp_path, name.replace("\\x00", "\x00"))


@pytest.mark.corpus
def test_every_corpus_document_builds_and_parallel_output_equals_serial(tmp_path, corpus_dir):
    serial = run_edition("build", "--format", "html,text", "-j", "1", "--out", tmp_path / "j1", corpus_dir)
    parallel = run_edition("build", "--format", "html,text", "-j", "2", "--out", tmp_path / "j2", corpus_dir)
    assert serial.returncode == 0, serial.stderr
    assert " 0 error(s)" in serial.stderr.splitlines()[-1]
    assert parallel.returncode == 0, parallel.stderr
    one, two = tree_bytes(tmp_path / "j1"), tree_bytes(tmp_path / "j2")
    one.pop(".build-manifest.json")
    two.pop(".build-manifest.json")
    assert one.keys() == two.keys()
    assert [k for k in one if one[k] != two[k]] == []
    assert len([k for k in one if k.startswith("html/") and k.endswith(".html")]) >= len(corpus_files())


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux only")
def test_spawned_workers_build_what_forked_workers_build(tmp_path, monkeypatch, caplog):
    """A fresh `edition` process forks its workers (Linux); a process that already runs Saxon
    (or another system) spawns them. Both must give the serial output, byte for byte."""
    from edition import build as build_module

    sources = make_sources(tmp_path / "src")
    for how, jobs in (("fork", "2"), ("serial", "1")):
        done = run_edition("-v", "build", "--format", "html,text", "--no-search", "-j", jobs,
                           "--out", tmp_path / how, sources)
        assert done.returncode == 0, done.stderr
        assert len(transformed(done)) == 8  # (3 texts + the edition) x 2 formats
        assert ("2 workers, forked" in done.stderr) == (how == "fork"), done.stderr
    monkeypatch.setattr(build_module, "_can_fork", lambda: False)
    options = build_module.BuildOptions(formats="html,text", jobs=2, search=False, quiet=True, progress=False)
    with caplog.at_level("INFO", logger="edition"):
        report = build_module.build([str(sources)], tmp_path / "spawn", options)
    assert "2 workers, spawned" in caplog.text
    assert report.errors == 0 and len(report.built) == 8
    outputs = {how: tree_bytes(tmp_path / how) for how in ("fork", "spawn", "serial")}
    for files in outputs.values():
        files.pop(".build-manifest.json")
    assert outputs["fork"] == outputs["serial"]
    assert outputs["spawn"] == outputs["serial"]


@pytest.mark.parametrize("where", ["before", "after"])
def test_quiet_works_before_or_after_the_command(tmp_path, where):
    sources = make_sources(tmp_path / "src")
    args = ["-q", "build"] if where == "before" else ["build", "-q"]
    done = run_edition(*args, "--format", "text", "--out", tmp_path / "out", sources)
    assert done.returncode == 0 and done.stderr == ""
    assert (tmp_path / "out" / "text" / "alpha.txt").is_file()
    loud = run_edition("build", "-v", "--force", "--format", "text", "--out", tmp_path / "out", sources)
    assert len(transformed(loud)) == 4 and "4 transformed" in loud.stderr.splitlines()[-1]


def test_killed_build_leaves_previous_output_intact(tmp_path):
    src = make_sources(tmp_path / "src", ids=[f"d{i}" for i in range(12)])
    out = tmp_path / "out"
    assert run_edition("build", "--format", "text,html", "--no-search", "--out", out, src, cwd=tmp_path).returncode == 0
    before = tree_bytes(out)
    rng = random.Random(20261125)
    killed_while_staging = 0
    for _ in range(6):
        proc = subprocess.Popen([str(EDITION_BIN), "build", "--force", "--format", "text,html", "--no-search",
                                 "--out", str(out), str(src)], cwd=tmp_path,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while not list(tmp_path.glob(".out.staging-*")) and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.002)
        time.sleep(rng.uniform(0, 0.15))  # somewhere while the staging folder is being written
        killed_while_staging += proc.poll() is None
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert tree_bytes(out) == before
    assert killed_while_staging >= 3, "the kills must land while a build is writing"
    # the next build clears the killed builds' staging folders
    assert run_edition("build", "--format", "text", "--out", out, src, cwd=tmp_path).returncode == 0
    assert not [p for p in tmp_path.iterdir() if ".staging-" in p.name]


def test_concurrent_builds_are_serialised_by_the_lock(tmp_path):
    src = make_sources(tmp_path / "src")
    out = tmp_path / "out"
    lock = tmp_path / ".out.lock"
    with open(lock, "a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        proc = subprocess.Popen([str(EDITION_BIN), "build", "--format", "text", "--out", str(out), str(src)],
                                cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(1.5)
        assert proc.poll() is None, "the second build must wait for the lock"
        assert not out.exists()
        fcntl.flock(handle, fcntl.LOCK_UN)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert (out / "text" / "alpha.txt").is_file()


def test_no_wait_build_exits_with_a_clear_message_when_locked(tmp_path):
    src = make_sources(tmp_path / "src")
    out = tmp_path / "out"
    with open(tmp_path / ".out.lock", "a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        result = run_edition("build", "--no-wait", "--format", "text", "--out", out, src, cwd=tmp_path)
    assert result.returncode == 1
    assert "another build is writing this output" in result.stderr


def test_unhandled_elements_are_reported_not_dropped(tmp_path):
    doc = tmp_path / "odd.xml"
    doc.write_text(DOC.format(id="odd").replace("<p>The", "<p><madeUp>Strange words</madeUp> <madeUp>again</madeUp> The"))
    result = run_edition("build", "--format", "html", "--out", tmp_path / "out", doc, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "odd.xml:1:1: warning: html: no specific rendering for <madeUp> (2x)" in result.stderr
    assert "[unhandled-element]" in result.stderr
    page = (tmp_path / "out" / "html" / "odd.html").read_text()
    assert 'class="madeUp"' in page and "Strange words" in page


def test_no_search_builds_the_site_without_index_or_links(tmp_path):
    src = make_sources(tmp_path / "src")
    out = tmp_path / "out"
    result = run_edition("build", "--format", "html", "--no-search", "--out", out, src, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert not (out / "html" / "pagefind").exists() and not (out / "html" / "search.html").exists()
    assert "search.html" not in (out / "html" / "index.html").read_text()
    again = run_edition("-v", "build", "--format", "html", "--out", out, src, cwd=tmp_path)
    assert len(transformed(again)) == 4  # the option is part of the cache key
    assert (out / "html" / "pagefind").is_dir() and (out / "html" / "search.html").is_file()


def test_the_edition_builds_without_errors_or_warnings(tmp_path):
    result = run_edition("build", "--format", "html,text", "--no-search", "--out", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip().splitlines() == [result.stderr.strip().splitlines()[-1]], result.stderr
    assert " 0 error(s), 0 warning(s) in " in result.stderr, result.stderr


def test_the_site_links_the_text_and_pdf_editions_beside_it(tmp_path):
    from lxml import html as lhtml

    src = make_sources(tmp_path / "src")
    out = tmp_path / "out"
    assert run_edition("build", "--format", "html,text", "--no-search", "--out", out, src, cwd=tmp_path).returncode == 0
    index = out / "html" / "index.html"
    hrefs = [a.get("href") for a in lhtml.parse(str(index)).getroot().iter("a") if a.get("href", "").startswith("../")]
    assert sorted(hrefs) == ["../text/alpha.txt", "../text/beta.txt", "../text/edition.txt", "../text/gamma.txt"]
    assert all((index.parent / h).resolve().is_file() for h in hrefs)


def test_serve_redirects_to_the_site_and_serves_the_editions_beside_it(tmp_path):
    import socket
    import urllib.request

    src = make_sources(tmp_path / "src")
    out = tmp_path / "out"
    assert run_edition("build", "--format", "html,text", "--no-search", "--out", out, src, cwd=tmp_path).returncode == 0
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([str(EDITION_BIN), "serve", "--port", str(port), "--dir", str(out / "html")],
                              stderr=subprocess.PIPE, text=True)
    try:
        assert f"http://127.0.0.1:{port}/html/" in server.stderr.readline()
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10) as page:
            assert page.geturl().endswith("/html/") and b"<html" in page.read()
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/text/alpha.txt", timeout=10) as text:
            assert b"alpha paragraph" in text.read()
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.mark.parametrize("where", ["a-file", "missing-parent/sub/out"])
def test_an_unusable_output_folder_is_a_usage_error(tmp_path, where):
    (tmp_path / "a-file").write_text("not a folder")
    src = make_sources(tmp_path / "src")
    target = tmp_path / where if where == "a-file" else Path("/proc") / where
    result = run_edition("build", "--format", "text", "--out", target, src, cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("edition: ") and "Traceback" not in result.stderr


@pytest.mark.parametrize("epoch", ["abc", "253402300800"])
def test_an_invalid_source_date_epoch_is_a_usage_error(tmp_path, epoch):
    src = make_sources(tmp_path / "src")
    result = run_edition("build", "--format", "text", "--out", tmp_path / "out", src, cwd=tmp_path,
                         env={"SOURCE_DATE_EPOCH": epoch})
    assert result.returncode == 2 and "SOURCE_DATE_EPOCH" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("args", [["build", "--width", "3"], ["build", "-j", "-1"], ["serve", "--port", "99999"]])
def test_out_of_range_options_are_usage_errors(tmp_path, args):
    result = run_edition(*args, cwd=tmp_path)
    assert result.returncode == 2 and "Invalid value" in result.stderr and "Traceback" not in result.stderr


def test_a_stylesheet_error_is_one_line_not_saxons_stack_trace(tmp_path, capfd):
    """Saxon's native code prints a trace for each dynamic error on fd 2; the build reports
    the error itself, once."""
    from edition import transform
    from edition.errors import BuildError

    xsl = tmp_path / "fails.xsl"
    xsl.write_text('<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">'
                   '<xsl:template match="/"><xsl:sequence select="replace(string(.), \'x*\', \'\')"/></xsl:template>'
                   '</xsl:stylesheet>')
    sheet = transform.Stylesheet(xsl)
    with pytest.raises(BuildError) as failed:
        sheet.apply(transform.to_xdm(b"<a>text</a>"))
    assert "zero-length" in str(failed.value) and "\n" not in str(failed.value).strip()
    assert capfd.readouterr().err == ""


def test_a_site_whose_pages_all_failed_gets_no_search_index_and_no_pagefind_error(tmp_path, monkeypatch):
    from edition import build as build_module
    from edition.errors import EditionError
    from edition.formats import html as html_format

    def fails(*args, **kwargs):
        raise EditionError("XTDE0000 (simulated)")

    monkeypatch.setattr(html_format.FORMAT, "document_outputs", fails)
    monkeypatch.setattr(html_format.FORMAT, "edition_outputs", fails)
    report = build_module.build([str(make_sources(tmp_path / "src"))], tmp_path / "out",
                                build_module.BuildOptions(formats="html", jobs=1, quiet=True, progress=False))
    assert report.errors >= 3
    assert not any("pagefind" in d.message for d in report.diagnostics)
    assert not (tmp_path / "out" / "html" / "pagefind").exists()
