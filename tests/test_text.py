"""The plain-text edition (issue 7): words in order, notes once, wrapping, apparatus,
golden files, the shared corpus, determinism.

The expected token sequence is computed here from the TEI with lxml, following the
conventions the title block states (printed readings, notes as [n] marks, editorial notes
in the apparatus); the output is parsed back from the .txt files the build wrote.
Regenerate the golden files after a reviewed change with UPDATE_GOLDEN=1.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from lxml import etree

from edition import sources
from edition.build import BuildOptions, build
from edition.corpus import Corpus

HERE = Path(__file__).resolve().parent
FIX = HERE / "fixtures" / "text"
EDITION = FIX / "edition"
GENERIC = FIX / "generic.xml"
GOLDEN = FIX / "golden"
REPO = HERE.parent
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
T = "{http://www.tei-c.org/ns/1.0}"
BLOCK_PARENTS = {"div", "div1", "div2", "div3", "div4", "div5", "div6", "div7", "front", "body", "back",
                 "group", "text", "sp", "lg", "cit", "list", "table", "floatingText", "titlePage",
                 "castList", "listBibl", "figure", "epigraph", "argument"}
WORD_RE = re.compile(r"[^\W_]+")


class WORD:
    """Words: runs of letters and digits, with the italic/bold marks (_ *) removed first, so
    that `_Donna m'apparve__Vestita_` gives the TEI's `apparveVestita`."""

    @staticmethod
    def findall(s: str) -> list[str]:
        return WORD_RE.findall(s.replace("_", "").replace("*", ""))
STRUCTURAL = {
    "div", "div1", "div2", "div3", "div4", "div5", "div6", "div7", "p", "ab", "head", "lg", "l",
    "list", "item", "table", "row", "cell", "sp", "speaker", "stage", "byline", "dateline", "opener",
    "closer", "salute", "signed", "epigraph", "argument", "trailer", "postscript", "titlePage",
    "docTitle", "titlePart", "docAuthor", "docImprint", "docDate", "docEdition", "castList",
    "castItem", "castGroup", "listBibl", "front", "body", "back", "group", "text", "floatingText",
    "figure", "msDesc", "fw", "label", "quote", "cit", "bibl", "figDesc",
}


# --- the TEI side ---------------------------------------------------------------------------

def local(el) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def is_editorial(note) -> bool:
    return note.get("type") == "editorial" or note.get("target") is not None


def note_number(note, notes) -> str:
    return note.get("n") or str([n for n in notes if not is_editorial(n)].index(note) + 1)


RAISED = re.compile(r"(^|[\s#:])(sup|superscript)\b")
SUPERSCRIPT = str.maketrans("0123456789abcdefghijklmnoprstuvwxyz", "⁰¹²³⁴⁵⁶⁷⁸⁹ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻ")


def reading_string(el, notes, out: list[str]) -> None:
    """The running text of el as the edition prints it (notes as marks)."""
    name = local(el)
    if name in ("teiHeader", "facsimile", "standOff") or not isinstance(el.tag, str):
        pass
    elif name == "note":
        # a note standing between blocks is printed where it stands, as a note block
        if not is_editorial(el) and local(el.getparent()) not in BLOCK_PARENTS:
            out.append(f" [{note_number(el, notes).strip()}] ")
    elif name == "choice":
        kids = {local(k): k for k in el}
        chosen = next((kids[k] for k in ("sic", "orig", "abbr", "corr", "reg", "expan") if k in kids), None)
        if chosen is not None:
            children(chosen, notes, out)
    elif name == "app":
        lem = el.find(f"{T}lem")
        chosen = lem if lem is not None else el.find(f"{T}rdg")
        if chosen is not None:
            children(chosen, notes, out)
    elif name in ("supplied", "del", "ex", "add"):  # [supplied], ⟦deleted⟧, expan(sion), ⸢added⸣: the marks split words
        out.append({"supplied": "[", "del": "⟦", "ex": "(", "add": "⸢"}[name])
        children(el, notes, out)
        out.append({"supplied": "]", "del": "⟧", "ex": ")", "add": "⸣"}[name])
    elif name == "space":  # a document's blank (it says its extent, or stands in an edition); else a printer's space
        vacat = any(el.get(a) for a in ("quantity", "extent", "reason", "atLeast", "atMost", "unit")) or any(
            (local(a) == "div" and a.get("type") == "edition") or local(a) in ("sourceDoc", "msDesc") for a in el.iterancestors())
        out.append(" [vac.] " if vacat else " ")
    elif name == "fw":  # running heads, catchwords: the page's furniture, not the text
        pass
    elif name == "unclear":  # a dot below each letter (Leiden)
        inner: list[str] = []
        children(el, notes, inner)
        out.append(unicodedata.normalize("NFC", "".join(
            c + ("\u0323" if unicodedata.category(c)[0] in "LN" else "") for c in "".join(inner))))
    elif name == "gap":  # '[…]' or '[… 3 characters lost]', spaced as the source spaces it
        out.append("[…]")
    elif (name == "hi" and RAISED.search(" ".join((el.get("rend") or "", el.get("rendition") or "")))
          and re.fullmatch(r"[0-9a-z]{1,4}", "".join(el.itertext()))):
        out.append("".join(el.itertext()).translate(SUPERSCRIPT))  # 1903⁴, Mᵉ
    elif name in ("pb", "lb", "cb"):
        before = el.getprevious().tail if el.getprevious() is not None else el.getparent().text
        inside_word = name == "pb" and re.search(r"\w$", before or "") and re.match(r"\w", el.tail or "")
        out.append("" if el.get("break") == "no" or inside_word else " ")
    else:
        pad = " " if name in STRUCTURAL else ""
        out.append(pad)
        children(el, notes, out)
        out.append(pad)
    if el.tail and el.getparent() is not None:
        out.append(el.tail)


def children(el, notes, out):
    if el.text:
        out.append(el.text)
    for child in el:
        reading_string(child, notes, out)


def tei_tokens(path: Path) -> list[str]:
    root = etree.parse(str(path)).getroot()
    out: list[str] = []
    for text in root.iter(f"{T}text"):
        if any(local(a) == "text" for a in text.iterancestors()):
            continue
        notes = list(text.iter(f"{T}note"))
        out.append(" ")
        children(text, notes, out)
        out.append(" ")
    return WORD.findall("".join(out))


def note_tokens(note) -> list[str]:
    out: list[str] = []
    children(note, [], out)
    return WORD.findall(re.sub(r"\[[^\]]*\]", " ", "".join(out)))


# --- the text side --------------------------------------------------------------------------

def blocks(text: str) -> list[str]:
    return [b.strip("\n") for b in text.split("\n\n") if b.strip()]


NOTE_BLOCK = re.compile(r"^ *\[[^\]\s…]+\] ")


def reading_section(txt: str) -> str:
    """The reading text of a document's .txt: after the title block, before the apparatus."""
    lines = txt.split("\n")
    if "Contents" in lines:
        i = lines.index("Contents") + 2
        while lines[i].strip():
            i += 1
    else:
        i = next(n for n, l in enumerate(lines) if l.startswith("- Plain text, UTF-8")) + 1
        while lines[i].strip():
            i += 1
    end = lines.index("Apparatus of editorial interventions")
    return "\n".join(lines[i:end])


def strip_structure(section: str) -> tuple[str, list[str]]:
    """(reading text without note blocks and heading numbers, the note blocks)."""
    kept, notes = [], []
    for b in blocks(section):
        if NOTE_BLOCK.match(b):
            notes.append(b)
            continue
        lines = b.split("\n")
        if len(lines) >= 2 and re.fullmatch(r" *[=-]+", lines[-1]):  # a heading
            lines = lines[:-1]
            lines[0] = re.sub(r"^([\d.]+)  ", "", lines[0])
        kept.append("\n".join(lines))
    return "\n\n".join(kept), notes


def is_subsequence(needle: list[str], hay: list[str]) -> tuple[bool, int]:
    it = iter(hay)
    for i, tok in enumerate(needle):
        if not any(tok == h for h in it):
            return False, i
    return True, len(needle)


def check_lines(txt: str, width: int) -> None:
    assert "\r" not in txt
    assert txt.endswith("\n") and not txt.endswith("\n\n")
    for n, line in enumerate(txt.split("\n"), 1):
        assert line == line.rstrip(), f"line {n} has trailing spaces: {line!r}"
        if len(line) > width:
            words = line.split()
            # one token, or a marker ([4], -, 1.2, §1) before one token
            assert len(words) == 1 or (len(words) == 2 and re.fullmatch(r"\[[^\]]*\]|-|—|[\d.]+|§[\d.]+", words[0])), \
                f"line {n} is {len(line)} > {width} columns and not one token: {line!r}"


def run(paths, out: Path, width: int = 72) -> dict[str, str]:
    report = build([str(p) for p in paths], out, BuildOptions(formats="text", jobs=1, width=width, quiet=True))
    assert report.errors == 0, [str(d) for d in report.diagnostics]
    return {p.name: p.read_bytes().decode("utf-8") for p in sorted((out / "text").glob("*.txt"))}


@pytest.fixture(scope="module")
def edition_out(tmp_path_factory):
    return run([EDITION], tmp_path_factory.mktemp("edition"))


@pytest.fixture(scope="module")
def generic_out(tmp_path_factory):
    return run([GENERIC], tmp_path_factory.mktemp("generic"), width=40)


# --- tests ----------------------------------------------------------------------------------

def test_outputs_named_after_texts(edition_out):
    assert set(edition_out) == {"minia.txt", "minib.txt", "edition.txt"}


@pytest.mark.parametrize("name,source", [("minia.txt", "texts/mini-a.xml"), ("minib.txt", "texts/mini-b.xml")])
def test_every_word_in_order_and_every_note_once(edition_out, name, source):
    path = EDITION / source
    txt = edition_out[name]
    reading, note_blocks = strip_structure(reading_section(txt))
    assert WORD.findall(reading) == tei_tokens(path)
    root = etree.parse(str(path)).getroot()
    notes = [n for n in root.find(f"{T}text").iter(f"{T}note") if not is_editorial(n) and "".join(n.itertext()).strip()]
    assert len(note_blocks) == len(notes)
    for note, block in zip(notes, note_blocks):
        number = note.get("n")
        assert block.lstrip().startswith(f"[{number}] ")
        assert WORD.findall(block)[len(WORD.findall(number)):] == note_tokens(note)
    # each note's text exactly once in the whole file
    for note in notes:
        assert txt.count(f"[{note.get('n')}] ") == 1


def test_generic_tei_words_in_order(generic_out):
    reading, _ = strip_structure(reading_section(generic_out["generic.txt"]))
    ok, at = is_subsequence(tei_tokens(GENERIC), WORD.findall(reading))
    assert ok, f"token {at} of the TEI is missing or out of order"
    assert "Content of an element with no rule." in generic_out["generic.txt"]


def test_page_break_never_splits_a_word(edition_out):
    txt = reading_section(edition_out["minia.txt"])
    assert "bellies, |" in txt and "bel|" not in txt and "bel |" not in txt
    assert "pigs, | the" in txt


def test_conventions_and_markers(edition_out):
    a, b = edition_out["minia.txt"], edition_out["minib.txt"]
    assert "_New Republic_" in a and "_simultaneous_" in a and "_podkulachnik_" in a
    assert "animals.[4]" in a
    assert "    We were realizing historical necessity." in a
    assert "    — Lev Kopelev, _The Education of a True Believer_" in a
    # endnote references: marks only, explained once
    assert "kulak-like (_podkulachnik_).[1]" in b
    assert b.count("are not in the excerpt") == 1 and "[1]–[3]" in b
    assert "Chamberlain puts" in a and "Chamberlin puts" not in a  # the printed reading


def test_title_block(edition_out):
    a = edition_out["minia.txt"]
    head = a.split("About this plain-text edition")[0]
    for expected in ("Text A: The Iron Will (excerpt)", "Source: John Gunther, _Inside Europe_",
                     "certainty: medium", "Editors: Ada Reviewer; Ben Tester", "Licence: CC BY 4.0",
                     "How to cite:"):
        assert expected in head
    e = edition_out["edition.txt"]
    assert e.startswith("Two Views of the Famine: a test edition\n=====")
    assert "1  Text A: The Iron Will (excerpt)" in e and "  1.2  Stalin the Human Being" in e


def apparatus(txt: str) -> str:
    return txt.split("Apparatus of editorial interventions\n", 1)[1].split("\nAppendix ")[0].split("\nChronology\n")[0]


@pytest.mark.parametrize("path", [EDITION / "texts/mini-a.xml", EDITION / "texts/mini-b.xml", GENERIC])
def test_apparatus_lists_every_intervention(edition_out, generic_out, path):
    root = etree.parse(str(path)).getroot()
    txt = {**edition_out, **generic_out}[f"{root.get('{http://www.w3.org/XML/1998/namespace}id') or path.stem}.txt"]
    app = apparatus(txt)
    text = root.find(f"{T}text")
    interventions = [e for e in text.iter(f"{T}choice", f"{T}sic", f"{T}corr", f"{T}supplied", f"{T}app")
                     if not (local(e) in ("sic", "corr") and local(e.getparent()) == "choice")]
    commented = {n.get("target", "").lstrip("#") for n in text.iter(f"{T}note") if is_editorial(n)}
    loose = [n for n in text.iter(f"{T}note") if is_editorial(n)
             and n.get("target", "").lstrip("#") not in {i.get("{http://www.w3.org/XML/1998/namespace}id") for i in interventions}]
    entries = [line for line in app.split("\n") if line.startswith("§")]
    assert len(entries) == len(interventions) + len(loose)
    flat = " ".join(app.split())
    for el in interventions:
        printed = el.find(f"{T}sic") if local(el) == "choice" else el.find(f"{T}lem") if local(el) == "app" else el
        assert " ".join("".join(printed.itertext()).split()) in flat
    for note in (n for n in text.iter(f"{T}note") if is_editorial(n)):
        assert " ".join("".join(note.itertext()).split()) in flat
    assert commented <= {i.get("{http://www.w3.org/XML/1998/namespace}id") for i in interventions} | {
        n.get("target", "").lstrip("#") for n in loose}


def test_apparatus_entry_form(edition_out):
    assert "§1  Chamberlain] Chamberlin ed. — The journalist William Henry" in edition_out["minia.txt"]
    assert "§1.1  Chamberlain] Chamberlin ed." in edition_out["edition.txt"]
    assert "§2  1893] sic — Stalin was born in 1878" in edition_out["minia.txt"]


def test_appendices(edition_out):
    e = edition_out["edition.txt"]
    persons = e.split("Appendix 1: Persons")[1].split("Appendix 2")[0]
    assert "Joseph Stalin (1878–1953)\n    General Secretary" in persons
    assert "Mentioned: §1.1, §2.1" in persons
    assert "Leon Trotsky (1879–1940)" in persons and "Mentioned: §1.0" in persons
    for title in ("Appendix 2: Places", "Appendix 3: Organisations", "Appendix 4: Works cited", "Chronology"):
        assert title in e
    chron = e.split("\nChronology\n")[1]
    values = re.findall(r"^(\d{4}[^ ]*)", chron, re.M)
    assert values == sorted(values) and len(values) == 5
    assert "1932-08-11 (certainty: medium) §2.1 August 11" in chron
    # a document's own file lists only what it mentions
    assert "Graziosi" not in edition_out["minia.txt"]


@pytest.mark.parametrize("width", [72])
def test_wrapping(edition_out, generic_out, width):
    for name, txt in edition_out.items():
        check_lines(txt, width)
    check_lines(generic_out["generic.txt"], 40)
    assert "https://example.org/a/very/long/path" in generic_out["generic.txt"]


def test_width_option_via_cli(tmp_path):
    out = tmp_path / "o"
    proc = subprocess.run([sys.executable, "-m", "edition.cli", "-q", "build", "--format", "text", "--width", "50",
                           "--out", str(out), str(EDITION)], capture_output=True, text=True, cwd=REPO)
    assert proc.returncode == 0, proc.stderr
    for f in (out / "text").glob("*.txt"):
        check_lines(f.read_text("utf-8"), 50)
    assert max(len(l) for l in (out / "text" / "minia.txt").read_text().split("\n")) <= 50


def test_deterministic(tmp_path, edition_out):
    again = run([EDITION], tmp_path / "again")
    assert again == edition_out


@pytest.mark.parametrize("name", ["minia.txt", "minib.txt", "edition.txt", "generic.txt"])
def test_golden(edition_out, generic_out, name):
    got = {**edition_out, **generic_out}[name]
    golden = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_bytes(got.encode("utf-8"))
        pytest.fail(f"{name}: golden file rewritten; review `git diff` and run again without UPDATE_GOLDEN")
    assert got == golden.read_bytes().decode("utf-8")


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus not present")
def test_shared_corpus(tmp_path):
    out = run([CORPUS], tmp_path / "corpus")
    loaded = Corpus([sources.load(p) for p in sources.find([str(CORPUS)])])  # the build's names
    assert len(out) == len(loaded.texts) + 1  # and edition.txt
    for src in loaded.texts:
        path, name = src.path, f"{src.id}.txt"
        txt = out[name]
        check_lines(txt, 72)
        reading, _ = strip_structure(reading_section(txt))
        ok, at = is_subsequence(tei_tokens(path), WORD.findall(reading))
        assert ok, f"{path.name}: TEI token {at} missing or out of order"


REAL = REPO / "tei"


@pytest.mark.skipif(not (REAL / "texts" / "gunther.xml").is_file(), reason="the edition's TEI is not there yet")
def test_real_edition(tmp_path):
    out = run([REAL], tmp_path / "real")
    for text in sorted((REAL / "texts").glob("*.xml")):
        txt = out[f"{etree.parse(str(text)).getroot().get('{http://www.w3.org/XML/1998/namespace}id')}.txt"]
        check_lines(txt, 72)
        reading, _ = strip_structure(reading_section(txt))
        assert WORD.findall(reading) == tei_tokens(text), text.name
    assert "Appendix 1: Persons" in out["edition.txt"] and "Chronology" in out["edition.txt"]
