"""edition validate: RELAX NG, Schematron rules, hostile documents, the edition, the corpus."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from edition import TEI_DIR
from edition.errors import SourceError
from edition.sources import find, load
from edition.validate import EDITION_RNG, TEI_ALL_RNG, relaxng, validate_paths

ROOT = Path(__file__).resolve().parents[1]
FIX = Path(__file__).parent / "fixtures" / "validate"
RULES = FIX / "rules"
HOSTILE = FIX / "hostile"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
EDITION_BIN = Path(sys.executable).parent / "edition"
HAVE_JING = relaxng.jing_command() is not None


def cli(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    command = [str(EDITION_BIN)] if EDITION_BIN.exists() else [sys.executable, "-m", "edition.cli"]
    return subprocess.run([*command, *args], capture_output=True, text=True, timeout=timeout, cwd=ROOT)


def rules_of(diagnostics, rule):
    return [d for d in diagnostics if d.rule == rule]


# ------------------------------------------------------------------ one rule, valid and invalid

BAD = [
    # fixture, rule, line, column (None: any), severity
    ("pointer-bad.xml", "pointer-resolves", 21, 78, "error"),
    ("pointer-syntax-bad.xml", "pointer-syntax", 20, 32, "error"),
    ("id-bad.xml", "id-unique", 13, None, "error"),
    ("date-iso-bad.xml", "date-iso", 13, 15, "error"),
    ("date-range-bad.xml", "date-range", 13, 9, "error"),
    ("date-text-bad.xml", "date-text", 13, 9, "error"),
    ("note-bad.xml", "note-sequence", 14, 15, "error"),
    ("register-bad.xml", "register-unreferenced", 15, 7, "warning"),
    ("names-bad.xml", "name-untagged", 21, 16, "warning"),
]
OK = {
    "pointer-resolves": "pointer-ok.xml",
    "pointer-syntax": "pointer-ok.xml",
    "id-unique": "id-ok.xml",
    "date-iso": "date-ok.xml",
    "date-range": "date-ok.xml",
    "date-text": "date-ok.xml",
    "note-sequence": "note-ok.xml",
    "register-unreferenced": "register-ok.xml",
    "name-untagged": "names-ok.xml",
}


@pytest.mark.parametrize("fixture,rule,line,col,severity", BAD, ids=[b[1] for b in BAD])
def test_rule_fires_at_the_right_place(fixture, rule, line, col, severity):
    diagnostics = validate_paths([RULES / fixture], schema="edition")
    hits = rules_of(diagnostics, rule)
    assert hits, f"{rule} did not fire: {diagnostics}"
    assert hits[0].line == line
    if col is not None:
        assert hits[0].col == col
    assert hits[0].severity == severity
    assert hits[0].path == str(RULES / fixture)


@pytest.mark.parametrize("rule", sorted(OK))
def test_rule_is_silent_on_valid_fixture(rule):
    diagnostics = validate_paths([RULES / OK[rule]], schema="edition")
    assert not rules_of(diagnostics, rule), diagnostics


@pytest.mark.parametrize("name", sorted(set(OK.values())))
def test_valid_fixtures_have_no_problem_at_all(name):
    assert validate_paths([RULES / name], schema="edition") == []


def test_names_in_editorial_notes_and_tagged_are_not_reported():
    diagnostics = validate_paths([RULES / "names-bad.xml"], schema="edition")
    hits = rules_of(diagnostics, "name-untagged")
    assert [(d.line, d.col) for d in hits] == [(21, 16), (21, 41)]
    assert '"Anna Strong"' in hits[0].message and "#per-a" in hits[0].message


def test_date_rules_accept_tei_forms_and_decades():
    assert validate_paths([RULES / "date-ok.xml"], schema="edition") == []


def test_relaxng_edition_schema_closed_value_lists():
    diagnostics = validate_paths([RULES / "relaxng-bad.xml"], schema="edition")
    hits = rules_of(diagnostics, "relaxng")
    assert [(d.line, d.col) for d in hits] == [(12, 20), (13, 14)]
    assert 'type="footnot"' in hits[0].message and "footnote" in hits[0].message
    assert 'rend="itallic"' in hits[1].message


def test_cross_file_edition():
    ok = validate_paths(sorted((FIX / "edition-ok").glob("*.xml")))
    assert [d.rule for d in ok] == ["register-unreferenced"]  # org-ogpu, on purpose
    bad = validate_paths(sorted((FIX / "edition-bad").glob("*.xml")))
    got = {(Path(d.path).name, d.line, d.rule) for d in bad}
    assert ("text.xml", 13, "id-unique") in got
    assert ("text.xml", 14, "pointer-resolves") in got
    # the pointer to an id in the other file resolves
    assert not [d for d in bad if d.rule == "pointer-resolves" and d.line == 12]
    assert "edition.xml line 12" in next(d.message for d in bad if d.rule == "id-unique")


def test_report_sorted_and_all_files_in_one_run():
    files = [RULES / "note-bad.xml", RULES / "date-iso-bad.xml", RULES / "pointer-bad.xml"]
    diagnostics = validate_paths(files, schema="edition")
    assert {Path(d.path).name for d in diagnostics} == {f.name for f in files}
    keys = [(d.path, d.line, d.col) for d in diagnostics]
    assert keys == sorted(keys)


# ------------------------------------------------------------------ CLI, formats, exit codes

def test_cli_text_format_and_exit_1():
    r = cli("validate", "--schema", "edition", str(RULES / "note-bad.xml"))
    assert r.returncode == 1
    line = r.stdout.splitlines()[0]
    assert line.endswith("[note-sequence]")
    assert f"{RULES / 'note-bad.xml'}:14:15: error: " in line or "note-bad.xml:14:15: error: " in line
    assert "1 error(s)" in r.stderr


def test_cli_json_format():
    r = cli("validate", "--format", "json", "--schema", "edition", str(RULES / "register-bad.xml"))
    assert r.returncode == 0  # a warning is not an error
    report = json.loads(r.stdout)
    assert report["errors"] == 0 and report["warnings"] == 1
    assert report["diagnostics"][0]["rule"] == "register-unreferenced"
    assert report["diagnostics"][0]["line"] == 15


def test_cli_missing_file_exit_2():
    r = cli("validate", str(FIX / "no-such-file.xml"))
    assert r.returncode == 2


def test_cli_bad_schema_exit_2():
    r = cli("validate", "--schema", "nonsense", str(RULES / "id-ok.xml"))
    assert r.returncode == 2


# ------------------------------------------------------------------ hostile documents

HOSTILE_CASES = [
    ("billion-laughs.xml", "hostile-entity", 3),
    ("xxe-local-file.xml", "hostile-entity", 3),
    ("xxe-url.xml", "hostile-entity", 3),
    ("xinclude-local-file.xml", "xinclude-outside", 5),
    ("xinclude-relative-escape.xml", "xinclude-outside", 5),
]


@pytest.mark.parametrize("name,rule,line", HOSTILE_CASES, ids=[h[0] for h in HOSTILE_CASES])
@pytest.mark.parametrize("schema", ["tei_all", "edition"])
def test_hostile_rejected_nothing_leaked(name, rule, line, schema):
    r = cli("validate", "--schema", schema, str(HOSTILE / name), timeout=60)
    assert r.returncode == 1, r.stdout + r.stderr
    assert f"{name}:{line}:" in r.stdout and f"[{rule}]" in r.stdout
    secret = Path("/etc/hostname").read_text().strip() if Path("/etc/hostname").exists() else ""
    if secret:
        assert secret not in r.stdout and secret not in r.stderr
    assert "lollollol" not in r.stdout + r.stderr
    assert len(r.stdout) < 2000


def test_hostile_json_has_no_content():
    r = cli("validate", "--format", "json", str(HOSTILE / "xxe-local-file.xml"))
    assert r.returncode == 1
    assert json.loads(r.stdout)["diagnostics"][0]["rule"] == "hostile-entity"


def test_jing_never_sees_a_doctype_and_lines_stay_aligned():
    src = load(HOSTILE / "external-dtd.xml")
    copy = relaxng.safe_copy(src)
    assert b"DOCTYPE" not in copy and b"127.0.0.1" not in copy
    assert copy.count(b"\n") == src.data.count(b"\n")
    assert copy.splitlines()[14] == src.data.splitlines()[14]


@pytest.mark.skipif(not HAVE_JING, reason="jing not installed")
def test_external_dtd_not_fetched_and_line_mapped():
    r = cli("validate", "--schema", "tei_all", str(HOSTILE / "external-dtd.xml"), timeout=60)
    assert r.returncode == 1
    assert "external-dtd.xml:15:14: error: element \"bogus\"" in r.stdout


# ------------------------------------------------------------------ the schema is a TEI subset

def _jing_verdicts(files: list[Path]) -> dict[str, bool]:
    """file -> valid, by Debian's jing script on the original files (the independent validator)."""
    r = subprocess.run(["jing", str(TEI_ALL_RNG), *map(str, files)], capture_output=True, text=True,
                       timeout=300)
    invalid = {line.split(":", 1)[0] for line in r.stdout.splitlines() if ": error:" in line}
    return {str(f): str(f) not in invalid for f in files}


def _edition_valid_fixtures() -> list[Path]:
    """Fixtures that parse and are valid against edition.rng (whatever the Schematron says)."""
    candidates = sorted(RULES.glob("*.xml")) + sorted((FIX / "edition-ok").glob("*.xml")) + \
        sorted((FIX / "edition-bad").glob("*.xml"))
    valid = []
    for f in candidates:
        try:
            src = load(f)
        except SourceError:
            continue
        if not relaxng.validate_lxml(EDITION_RNG, [src]):
            valid.append(f)
    return valid


@pytest.mark.skipif(not HAVE_JING, reason="jing not installed")
def test_edition_rng_valid_fixtures_are_tei_all_valid():
    valid = _edition_valid_fixtures()
    assert len(valid) > 10
    verdicts = _jing_verdicts(valid)
    assert all(verdicts.values()), [f for f, ok in verdicts.items() if not ok]


@pytest.mark.skipif(not HAVE_JING, reason="jing not installed")
def test_edition_files_valid_against_both_schemas():
    files = find([], default=TEI_DIR)
    if not list((TEI_DIR / "texts").glob("*.xml")):
        pytest.skip("the edition is not encoded yet")
    ours = validate_paths(files, schema="edition")
    assert not rules_of(ours, "relaxng"), ours
    verdicts = _jing_verdicts(files)
    assert all(verdicts.values()), [f for f, ok in verdicts.items() if not ok]


# ------------------------------------------------------------------ the edition itself

def test_edition_validates():
    if not list((TEI_DIR / "texts").glob("*.xml")):
        pytest.skip("the edition is not encoded yet")
    r = cli("validate")
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-1000:]


# ------------------------------------------------------------------ the corpus, against jing

@pytest.mark.corpus
@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent")
def test_corpus_tei_all_runs_and_agrees_with_jing():
    files = find([str(CORPUS)])
    assert files
    r = cli("validate", "--format", "json", "--schema", "tei_all", str(CORPUS), timeout=600)
    assert r.returncode in (0, 1), r.stderr
    report = json.loads(r.stdout)
    assert report["files"] == len(files)
    ours = {str(f): True for f in files}
    for d in report["diagnostics"]:
        if d["rule"] in ("relaxng", "well-formed", "hostile-entity", "not-tei"):
            ours[d["path"]] = False
    if not HAVE_JING or os.environ.get("EDITION_NO_JING"):
        pytest.skip("jing not installed: ran to completion, nothing to compare with")
    assert ours == _jing_verdicts(files)


@pytest.mark.parametrize("content", ['<grammar', '<grammar xmlns="http://relaxng.org/ns/structure/1.0">'
                                     '<start><ref name="nope"/></start></grammar>'])
def test_a_broken_custom_schema_is_a_usage_error(tmp_path, content):
    rng = tmp_path / "custom.rng"
    rng.write_text(content)
    result = cli("validate", "--schema", str(rng), str(TEI_DIR / "texts" / "gunther.xml"))
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("edition: --schema ") and "Traceback" not in result.stderr
