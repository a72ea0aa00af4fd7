"""The archival deposit (BagIt) and its verification; CITATION.cff; reproducible outputs.

Runs on the fixture edition in tests/fixtures/deposit/tei (an edition header and one text);
the deposits build html and text (when those formats exist), one test also the PDF.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import re
import shutil
from pathlib import Path

import bagit
import pytest
from click.testing import CliRunner
from lxml import etree

from edition import ROOT
from edition import deposit as dep
from edition.build import BuildOptions, build
from edition.cli import main
from edition.errors import BuildError, UsageError

FIXTURE = Path(__file__).parent / "fixtures" / "deposit" / "tei"
NS = {"tei": "http://www.tei-c.org/ns/1.0"}
EPOCH = "1735689600"  # 2025-01-01T00:00:00Z


def _have(fmt: str) -> bool:
    return importlib.util.find_spec(f"edition.formats.{fmt}") is not None


FAST = tuple(f for f in ("html", "text") if _have(f))
needs_html_text = pytest.mark.skipif(len(FAST) < 2, reason="the html and text formats are not there yet")
needs_pdf = pytest.mark.skipif(not _have("pdf"), reason="the pdf format is not there yet")


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _deposit(tmp: Path, name: str, formats=(), source: Path = FIXTURE) -> Path:
    out = tmp / name / "bag"
    dep.deposit(source, out, tmp / name / "output", formats)
    return out


def _signature(el) -> list:
    """An element's names, attributes, text and tails in document order (a tree comparison)."""
    return [(e.tag, sorted(e.attrib.items()), e.text, e.tail if e is not el else None) for e in el.iter()]


@pytest.fixture(autouse=True)
def _epoch(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)


@pytest.fixture(scope="module")
def bag(tmp_path_factory) -> Path:
    """One deposit of the fixture's sources (no editions built: fast), shared read-only."""
    mp = pytest.MonkeyPatch()
    mp.setenv("SOURCE_DATE_EPOCH", EPOCH)
    try:
        return _deposit(tmp_path_factory.mktemp("deposit"), "a")
    finally:
        mp.undo()


@pytest.fixture
def bag_copy(bag, tmp_path) -> Path:
    copy = tmp_path / "bag"
    shutil.copytree(bag, copy)
    return copy


# --- the bag -------------------------------------------------------------------------------


def test_deposit_is_a_valid_bag_and_verifies(bag):
    assert bagit.Bag(str(bag)).validate(processes=1)
    report = dep.verify(bag)
    assert report.ok, report.lines()
    assert (bag / "bagit.txt").read_text() == "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
    payload = {p.relative_to(bag / "data").as_posix() for p in (bag / "data").rglob("*") if p.is_file()}
    assert {"README.txt", "CITATION.cff", "tei/edition.xml", "tei/texts/pages.xml", "tei/schema/SOURCE.md",
            "xslt/common/functions.xsl", "xslt/deposit/bag-info.xsl"} <= payload
    for tag in ("metadata/dublin-core.xml", "metadata/tei-header.xml", "manifest-sha256.txt",
                "manifest-sha512.txt", "tagmanifest-sha256.txt", "tagmanifest-sha512.txt"):
        assert (bag / tag).is_file(), tag
    # every payload file is in both manifests; the tag manifests cover every tag file
    for alg in dep.ALGORITHMS:
        listed = {line.split(None, 1)[1] for line in (bag / f"manifest-{alg}.txt").read_text().splitlines()}
        assert listed == {f"data/{p}" for p in payload}
        tags = [line.split(None, 1)[1] for line in (bag / f"tagmanifest-{alg}.txt").read_text().splitlines()]
        assert tags == sorted(tags)
        assert set(tags) == {"bagit.txt", "bag-info.txt", "manifest-sha256.txt", "manifest-sha512.txt",
                             "metadata/dublin-core.xml", "metadata/tei-header.xml"}


def test_payload_copies_are_byte_identical_to_the_sources(bag):
    for src in FIXTURE.rglob("*"):
        if src.is_file():
            assert (bag / "data" / "tei" / src.relative_to(FIXTURE)).read_bytes() == src.read_bytes()


def test_tag_files_come_from_the_header(bag):
    header = etree.parse(str(bag / "metadata" / "tei-header.xml")).getroot()
    original = etree.parse(str(FIXTURE / "edition.xml")).getroot().find("tei:teiHeader", NS)
    assert etree.QName(header).localname == "teiHeader"
    assert header.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"  # inherited from the TEI root
    del header.attrib["{http://www.w3.org/XML/1998/namespace}lang"]
    assert _signature(header) == _signature(original)
    dc = etree.parse(str(bag / "metadata" / "dublin-core.xml")).getroot()
    dcns = {"dc": "http://purl.org/dc/elements/1.1/"}
    assert dc.findtext("dc:title", namespaces=dcns) == 'A Fixture Edition of "Two Pages": A test case for the archival deposit'
    assert dc.xpath("dc:creator/text()", namespaces=dcns) == ["Vázquez, Marta", "O'Neill, James Robert"]
    assert "doi:10.5281/zenodo.1234567" in dc.xpath("dc:identifier/text()", namespaces=dcns)
    assert dc.xpath("dc:language/text()", namespaces=dcns) == ["en"]


def test_readme_names_every_payload_file(bag):
    readme = (bag / "data" / "README.txt").read_text(encoding="utf-8")
    payload = sorted(p.relative_to(bag).as_posix() for p in (bag / "data").rglob("*") if p.is_file())
    listed = readme.split("\nFiles (", 1)[1].splitlines()[2:]
    assert sorted(listed) == payload
    assert "How to cite" in readme and "bagit.py --validate" in readme
    assert all(len(line) <= 78 or " " not in line.strip() for line in readme.splitlines())


def test_bag_info_equals_the_header(bag):
    h = etree.parse(str(FIXTURE / "edition.xml")).getroot().find("tei:teiHeader", NS)
    x = lambda path: " ".join(" ".join(h.xpath(f"string({path})", namespaces=NS).split()).split())  # noqa: E731
    info = bagit.Bag(str(bag)).info
    contact = h.xpath("tei:fileDesc/tei:titleStmt/tei:editor[@role='contact']/tei:persName", namespaces=NS)[0]
    doi = x("tei:fileDesc/tei:publicationStmt/tei:idno[@type='DOI']")
    title = x("tei:fileDesc/tei:titleStmt/tei:title[@type='main']") + ": " + x("tei:fileDesc/tei:titleStmt/tei:title[@type='sub']")
    assert info["Source-Organization"] == x("tei:fileDesc/tei:publicationStmt/tei:publisher")
    assert info["Contact-Name"] == contact.findtext("tei:forename", namespaces=NS) + " " + contact.findtext("tei:surname", namespaces=NS)
    assert info["External-Identifier"] == "https://doi.org/" + doi
    assert info["External-Description"] == title + ". " + x("tei:encodingDesc/tei:projectDesc/tei:p")
    assert info["Bag-Group-Identifier"] == x("tei:fileDesc/tei:seriesStmt/tei:idno")
    assert info["Edition-Version"] == h.xpath("string(tei:fileDesc/tei:editionStmt/tei:edition/@n)", namespaces=NS)
    assert info["Bagging-Date"] == dt.datetime.fromtimestamp(int(EPOCH), dt.timezone.utc).date().isoformat()
    files = [p for p in (bag / "data").rglob("*") if p.is_file()]
    assert info["Payload-Oxum"] == f"{sum(p.stat().st_size for p in files)}.{len(files)}"


def test_bagging_date_is_today_without_source_date_epoch(monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert dep.bagging_date() == dt.date.today().isoformat()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(UsageError):
        dep.bagging_date()


# --- verify --------------------------------------------------------------------------------


def test_verify_names_changed_missing_and_extra_payload_files(bag_copy):
    target = bag_copy / "data" / "tei" / "edition.xml"
    data = bytearray(target.read_bytes())
    data[100] ^= 0x01  # one byte, same size
    target.write_bytes(bytes(data))
    (bag_copy / "data" / "xslt" / "common" / "functions.xsl").unlink()
    (bag_copy / "data" / "tei" / "stray.xml").write_text("<x/>")
    report = dep.verify(bag_copy)
    assert not report.ok
    assert report.lines() == ["data/tei/edition.xml: changed", "data/tei/stray.xml: extra",
                              "data/xslt/common/functions.xsl: missing"]
    assert not bagit.Bag(str(bag_copy)).is_valid()


@pytest.mark.parametrize("damage, expected", [
    (lambda b: (b / "data" / "README.txt").write_bytes((b / "data" / "README.txt").read_bytes() + b" "),
     ["data/README.txt: changed"]),
    (lambda b: (b / "bag-info.txt").write_text((b / "bag-info.txt").read_text().replace("2025", "2024")),
     ["bag-info.txt: changed"]),
    (lambda b: (b / "metadata" / "dublin-core.xml").unlink(), ["metadata/dublin-core.xml: missing"]),
    (lambda b: (b / "metadata" / "notes.txt").write_text("added"), ["metadata/notes.txt: extra"]),
    (lambda b: (b / "extra.txt").write_text("added"), ["extra.txt: extra"]),
    (lambda b: (b / "tagmanifest-sha512.txt").unlink(), ["tagmanifest-sha512.txt: missing"]),
    (lambda b: (b / "manifest-sha256.txt").write_text(
        (b / "manifest-sha256.txt").read_text().replace("data/README.txt", "data/README.TXT")),
     ["data/README.TXT: missing", "manifest-sha256.txt: changed"]),
    (lambda b: (b / "bagit.txt").unlink(), ["bagit.txt: missing"]),
])
def test_verify_names_each_damaged_file(bag_copy, damage, expected):
    damage(bag_copy)
    report = dep.verify(bag_copy)
    assert report.lines() == expected


def test_verify_cli_exit_codes(bag, bag_copy, tmp_path):
    runner = CliRunner()
    ok = runner.invoke(main, ["verify", str(bag)])
    assert ok.exit_code == 0, ok.output
    assert ok.stdout == ""
    (bag_copy / "data" / "CITATION.cff").unlink()
    (bag_copy / "data" / "new.txt").write_text("x")
    bad = runner.invoke(main, ["verify", str(bag_copy)])
    assert bad.exit_code == 1
    assert bad.stdout.splitlines() == ["data/CITATION.cff: missing", "data/new.txt: extra"]
    missing = runner.invoke(main, ["verify", str(tmp_path / "nowhere")])
    assert missing.exit_code == 2


def test_verify_a_tag_file_that_is_not_text(bag_copy):
    with open(bag_copy / "bag-info.txt", "ab") as handle:
        handle.write(b"\xff\xfe not utf-8")
    result = CliRunner().invoke(main, ["verify", str(bag_copy)])
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "not a valid bag" in result.output


# --- deposit: atomic, reproducible ---------------------------------------------------------


def test_two_deposits_of_the_sources_are_byte_identical(bag, tmp_path):
    second = _deposit(tmp_path, "b")
    first, again = _tree(bag), _tree(second)
    assert sorted(first) == sorted(again)
    assert [p for p in first if first[p] != again[p]] == []


@needs_html_text
def test_deposit_with_html_and_text_is_valid_and_reproducible(tmp_path):
    one, two = _deposit(tmp_path, "h1", FAST), _deposit(tmp_path, "h2", FAST)
    assert bagit.Bag(str(one)).validate(processes=1)
    assert dep.verify(one).ok
    first, second = _tree(one), _tree(two)
    for fmt in FAST:
        assert any(p.startswith(f"data/{fmt}/") for p in first), fmt
        built = _tree(tmp_path / "h1" / "output" / fmt)
        assert {f"data/{fmt}/{p}": b for p, b in built.items()}.items() <= first.items()
    assert sorted(first) == sorted(second)
    assert [p for p in first if first[p] != second[p]] == []


def test_a_failed_deposit_leaves_the_previous_bag(bag_copy, monkeypatch):
    before = _tree(bag_copy)

    def broken(*args, **kwargs):
        raise bagit.BagError("disk full")

    monkeypatch.setattr(bagit, "make_bag", broken)
    with pytest.raises(BuildError):
        dep.deposit(FIXTURE, bag_copy, bag_copy.parent / "output", ())
    assert _tree(bag_copy) == before
    assert not list(bag_copy.parent.glob(".bag.staging-*"))


def test_deposit_replaces_a_previous_bag_entirely(tmp_path):
    out = _deposit(tmp_path, "c")
    (out / "data" / "leftover.txt").write_text("from an older deposit")
    (out / "junk").write_text("x")
    dep.deposit(FIXTURE, out, tmp_path / "c" / "output", ())
    assert dep.verify(out).ok
    assert not (out / "junk").exists()


def test_deposit_refuses_a_folder_without_edition_header(tmp_path):
    src = tmp_path / "tei"
    (src / "texts").mkdir(parents=True)
    shutil.copy(FIXTURE / "texts" / "pages.xml", src / "texts")
    with pytest.raises(UsageError):
        dep.deposit(src, tmp_path / "bag", tmp_path / "out", ())
    assert not (tmp_path / "bag").exists()


def test_deposit_cli(tmp_path):
    runner = CliRunner()
    out = tmp_path / "bag"
    result = runner.invoke(main, ["deposit", "--source", str(FIXTURE), "--out", str(out), "--format", "none"])
    assert result.exit_code == 0, result.output
    assert dep.verify(out).ok
    result = runner.invoke(main, ["deposit", "--source", str(tmp_path / "nothing"), "--out", str(out)])
    assert result.exit_code == 2
    result = runner.invoke(main, ["deposit", "--help"])
    assert result.exit_code == 0 and "Example" in result.output


@needs_html_text
def test_html_and_text_builds_are_reproducible(tmp_path):
    for name in ("one", "two"):
        report = build([str(FIXTURE)], tmp_path / name, BuildOptions(formats="html,text", quiet=True, progress=False))
        assert report.errors == 0, report.diagnostics
    for fmt in ("html", "text"):
        one, two = _tree(tmp_path / "one" / fmt), _tree(tmp_path / "two" / fmt)
        assert one and sorted(one) == sorted(two)
        assert [p for p in one if one[p] != two[p]] == []


@needs_pdf
def test_deposit_with_pdf_is_reproducible(tmp_path):
    formats = (*FAST, "pdf")
    one, two = _deposit(tmp_path, "p1", formats), _deposit(tmp_path, "p2", formats)
    first, second = _tree(one), _tree(two)
    assert any(p.startswith("data/pdf/") and p.endswith(".pdf") for p in first)
    assert sorted(first) == sorted(second)
    assert [p for p in first if first[p] != second[p]] == []
    assert dep.verify(one).ok


# --- CITATION.cff --------------------------------------------------------------------------

_CFF_LINE = re.compile(r'^(#.*|[a-z-]+: ("(?:[^"\\]|\\.)*"|1\.2\.0|dataset)|[a-z-]+:|  - [a-z-]+: "(?:[^"\\]|\\.)*"'
                       r'|    [a-z-]+: "(?:[^"\\]|\\.)*"|  - "(?:[^"\\]|\\.)*")$')


def _cff(text: str) -> dict:
    """Read the generator's YAML subset strictly (every scalar double-quoted, JSON escapes)."""
    doc: dict = {}
    key = None
    for line in text.splitlines():
        assert _CFF_LINE.match(line), f"not CFF YAML as generated: {line!r}"
        if line.startswith("#"):
            continue
        if not line.startswith(" "):
            key, _, value = line.partition(":")
            value = value.strip()
            doc[key] = (json.loads(value) if value.startswith('"') else value) if value else []
        elif line.startswith("  - ") and ":" in line.split('"')[0]:
            k, _, v = line[4:].partition(": ")
            doc[key].append({k: json.loads(v)})
        elif line.startswith("  - "):
            doc[key].append(json.loads(line[4:]))
        else:
            k, _, v = line.strip().partition(": ")
            doc[key][-1][k] = json.loads(v)
    return doc


def test_citation_cff_from_the_header():
    text = dep.citation_cff(FIXTURE)
    cff = _cff(text)
    h = etree.parse(str(FIXTURE / "edition.xml")).getroot().find("tei:teiHeader", NS)
    editors = h.xpath("tei:fileDesc/tei:titleStmt/tei:editor/tei:persName", namespaces=NS)
    assert cff["cff-version"] == "1.2.0"
    assert cff["type"] == "dataset"
    assert cff["title"].startswith(h.xpath("string(tei:fileDesc/tei:titleStmt/tei:title[@type='main'])", namespaces=NS))
    assert cff["authors"] == [{"family-names": p.findtext("tei:surname", namespaces=NS),
                               "given-names": p.findtext("tei:forename", namespaces=NS)} for p in editors]
    assert cff["doi"] == "10.5281/zenodo.1234567"
    assert cff["license"] == "CC-BY-4.0"
    assert cff["date-released"] == "2025-03-14"
    assert cff["version"] == "1.2"
    assert re.match(r"^https?://", cff["url"])
    assert dep.bag_info(dep.edition_source(FIXTURE), "2025-01-01")["Edition-Citation"][0] in cff["message"]


def _fixture_with(tmp_path, old: str, new: str):
    """A copy of the fixture edition whose header has `old` replaced by `new`."""
    src = tmp_path / "tei"
    shutil.copytree(FIXTURE, src)
    edition = src / "edition.xml"
    text = edition.read_text(encoding="utf-8")
    assert old in text
    edition.write_text(text.replace(old, new), encoding="utf-8")
    return src


def test_citation_cff_parses_as_yaml():
    yaml = pytest.importorskip("yaml")
    text = dep.citation_cff(FIXTURE)
    assert yaml.safe_load(text) == _cff(text)


def test_citation_cff_escapes_hostile_header_values(tmp_path):
    hostile = 'Evil: "title"\\ &#10;- injected: true &#9;&#x85;'
    src = _fixture_with(tmp_path, 'A Fixture Edition of "Two Pages"', hostile)
    cff = _cff(dep.citation_cff(src))
    assert cff["title"].startswith('Evil: "title"\\ - injected: true')  # normalised, still one string
    assert "injected" not in cff


def test_committed_citation_cff_matches_the_generator():
    header = ROOT / "tei" / "edition.xml"
    if not header.exists():
        pytest.skip("tei/edition.xml is not committed yet")
    committed = (ROOT / "CITATION.cff").read_text(encoding="utf-8")
    assert committed == dep.citation_cff(ROOT / "tei"), "run: edition citation > CITATION.cff"
    cff = _cff(committed)
    title = etree.parse(str(header)).xpath("string(//tei:titleStmt/tei:title[1])", namespaces=NS)
    assert " ".join(title.split()) in cff["title"]
    assert cff["authors"]


def test_citation_cli():
    result = CliRunner().invoke(main, ["citation", "--source", str(FIXTURE)])
    assert result.exit_code == 0
    assert result.stdout == dep.citation_cff(FIXTURE)


def test_a_citation_stated_in_the_header_is_used_everywhere(tmp_path):
    stated = "Vázquez, M. and O'Neill, J. R. (eds.) (2025) Two Pages: a fixture edition."
    src = _fixture_with(tmp_path, "<sourceDesc>",
                        f'<notesStmt><note type="citation">{stated}</note></notesStmt>\n      <sourceDesc>')
    assert stated in _cff(dep.citation_cff(src))["message"]
    assert dep.bag_info(dep.edition_source(src), "2025-01-01")["Edition-Citation"] == [stated]
