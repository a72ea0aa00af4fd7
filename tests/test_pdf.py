"""The print edition (issue 8): build the fixture edition to PDF and read the PDFs back.

Pages are checked with poppler (pdftotext per page, pdffonts) and pypdf (named
destinations: WeasyPrint writes one for every HTML id, i.e. every TEI id). Nothing here
asserts a hard-coded page number: the expected pages come from the PDF itself, and the
text found on those pages must agree with the sources.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import etree

pypdf = pytest.importorskip("pypdf")
pytest.importorskip("weasyprint")

from edition.build import BuildOptions, build  # noqa: E402
from edition.corpus import Corpus  # noqa: E402
from edition import sources  # noqa: E402
from edition.errors import BuildError, EditionError  # noqa: E402
from edition.formats import pdf as pdf_format  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "print"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
ARTIFACTS = ROOT / "test-artifacts"
TEI = {"t": "http://www.tei-c.org/ns/1.0"}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"

needs_poppler = pytest.mark.skipif(not shutil.which("pdftotext") or not shutil.which("pdffonts"),
                                   reason="poppler-utils not installed")


def norm(text: str) -> str:
    """Page text as words: hyphenation at line ends undone, spaces collapsed, quotes unified."""
    text = re.sub(r"(\w)[-\u00ad]\n\s*(\w)", r"\1\2", text)
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", text).strip()


class Pdf:
    def __init__(self, path: Path):
        self.path = path
        self.reader = pypdf.PdfReader(str(path))
        self.pages = len(self.reader.pages)
        self._text: dict[tuple[int, bool], str] = {}
        self.dests = {name: self.reader.get_destination_page_number(d) + 1
                      for name, d in self.reader.named_destinations.items()}

    def text(self, page: int, layout: bool = False) -> str:
        """pdftotext of one page (1-based)."""
        key = (page, layout)
        if key not in self._text:
            args = ["pdftotext", "-f", str(page), "-l", str(page)] + (["-layout"] if layout else [])
            self._text[key] = subprocess.run(args + [str(self.path), "-"], check=True,
                                             capture_output=True, text=True).stdout
        return self._text[key]

    def pages_with(self, phrase: str) -> list[int]:
        phrase = norm(phrase)
        return [p for p in range(1, self.pages + 1) if phrase in norm(self.text(p))]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("pdf-out")
    report = build([str(FIXTURE)], out, BuildOptions(formats="pdf", jobs=1, quiet=True, progress=False))
    assert report.errors == 0, [str(d) for d in report.diagnostics]
    return out / "pdf"


@pytest.fixture(scope="module")
def book(built) -> Pdf:
    return Pdf(built / "edition.pdf")


def tei(name: str) -> etree._Element:
    return etree.parse(str(FIXTURE / name)).getroot()


def words_before(note: etree._Element, n: int = 4) -> str:
    """The last n words printed before a note's mark in its paragraph (other notes left out)."""
    p = note.xpath("ancestor::t:p[1]", namespaces=TEI)[0]
    before = "".join(p.xpath(".//text()[following::t:note[@xml:id=$id]][not(ancestor::t:note)]"
                             "[not(ancestor::t:corr[parent::t:choice])]", namespaces=TEI, id=note.get(XML_ID)))
    return " ".join(before.split()[-n:])


# ----------------------------------------------------------------------------------------

def test_outputs_are_pdfs(built):
    names = sorted(p.name for p in built.iterdir())
    assert names == ["alpha.pdf", "beta.pdf", "edition.pdf"]
    for p in built.iterdir():
        assert p.read_bytes().startswith(b"%PDF-")
    assert not list(built.glob("*.html"))


@needs_poppler
def test_footnotes_stand_on_the_page_of_their_mark(book):
    root = tei("texts/alpha.xml")
    notes = root.xpath("//t:text//t:note[@type='footnote']", namespaces=TEI)
    assert len(notes) == 6
    pages_used = set()
    for note in notes:
        nid, n = note.get(XML_ID), note.get("n")
        mark_page = book.dests[f"{nid}-call"]
        # the word the mark follows is on that page, and the words before it on that page
        # or at the foot of the one before
        assert mark_page in book.pages_with(words_before(note, 1)), nid
        phrase = words_before(note, 2)
        assert {mark_page, mark_page - 1} & set(book.pages_with(phrase)), (nid, phrase)
        body = " ".join("".join(note.itertext()).split()[:8])
        text_pages = book.pages_with(body)
        assert text_pages == [mark_page], (nid, body, text_pages, mark_page)
        # printed with its number, at the foot: after every line of the running text
        page = book.text(mark_page, layout=True)
        lines = [l.strip() for l in page.splitlines() if l.strip()]
        first = norm(body).split(" ")[0]
        note_line = next(i for i, l in enumerate(lines) if re.match(rf"{re.escape(n)}\s+{re.escape(first)}", norm(l)))
        assert note_line > len(lines) // 2, (nid, lines)
        pages_used.add(mark_page)
    assert len(pages_used) >= 2, "the fixture's footnotes should fall on more than one page"


@needs_poppler
def test_endnote_marks_are_explained_once(book):
    explained = book.pages_with("are the reference marks of the source's endnotes")
    assert len(explained) == 1
    assert explained[0] == book.dests["beta"]  # on the opening page of Text B
    # the marks themselves are not footnotes: no "1 " note line carries a gap
    assert all(book.dests[f"beta-n{i}"] >= book.dests["beta"] for i in range(1, 7))


def parse_pages(listing: str) -> list[tuple[int, int]]:
    """'7, 13–16' -> [(7, 7), (13, 16)]."""
    out = []
    for part in listing.split(", "):
        a, _, b = part.partition("\u2013")
        out.append((int(a), int(b or a)))
    return out


def merge(pages: set[int]) -> str:
    """The expected listing: ascending, consecutive pages as a range."""
    runs: list[list[int]] = []
    for p in sorted(pages):
        if runs and p == runs[-1][1] + 1:
            runs[-1][1] = p
        else:
            runs.append([p, p])
    return ", ".join(str(a) if a == b else f"{a}\u2013{b}" for a, b in runs)


def body_text(book: Pdf, page: int) -> str:
    """A page's words without its running head (the first line, when it carries the number)."""
    lines = book.text(page, layout=True).splitlines()
    while lines and not lines[0].strip():
        lines.pop(0)
    if lines and str(page) in lines[0].split():
        lines.pop(0)
    return norm("\n".join(lines))


INDEX_ENTRY = re.compile(r"^(?P<name>.+?) (?P<pages>\d+(?:\u2013\d+)?(?:, \d+(?:\u2013\d+)?)*)$")


def index_listings(book: Pdf, start: str, end: str | None) -> dict[str, str]:
    """{printed heading: page listing} from an index's pages (two columns: -layout, split)."""
    first = book.dests[start]
    last = book.dests[end] - 1 if end else book.pages
    entries = {}
    for page in range(first, last + 1):
        for line in book.text(page, layout=True).splitlines():
            for cell in re.split(r"\s{3,}", line.strip()):
                m = INDEX_ENTRY.match(cell)
                if m and not cell.isdigit():
                    entries[m.group("name")] = m.group("pages")
    return entries


@needs_poppler
@pytest.mark.parametrize("kind,register,start,end", [
    ("person", "registers/persons.xml", "index-persons", "index-places"),
    ("place", "registers/places.xml", "index-places", None)])
def test_index_lists_each_page_once_where_the_name_occurs(book, kind, register, start, end):
    """Each entry lists the pages on which its mentions stand: every page once, ascending,
    consecutive pages merged into a range; the name is printed on every listed page, and
    no page of the texts that prints one of its mentions is missing."""
    entries = index_listings(book, start, end)
    texts = [tei("edition.xml"), tei("texts/alpha.xml"), tei("texts/beta.xml")]
    text_pages = range(book.dests["front-text"], book.dests["apparatus"])
    checked = 0
    for entry in tei(register).xpath(f"//t:{kind}", namespaces=TEI):
        eid = entry.get(XML_ID)
        forms = {norm(" ".join(m.itertext())) for doc in texts
                 for m in doc.xpath(f"//t:text//*[@ref='#{eid}'][not(ancestor::t:note[@type='editorial'])]",
                                    namespaces=TEI)}
        heading = next((h for h in entries if h.split(",")[0].replace("The ", "") in
                        " ".join(entry.xpath(".//text()", namespaces=TEI))), None)
        if not forms:
            assert heading is None, eid
            continue
        assert heading, (eid, entries)
        runs = parse_pages(entries[heading])
        listed = [p for a, b in runs for p in range(a, b + 1)]
        assert all(a < b for a, b in runs if a != b) and listed == sorted(set(listed)), entries[heading]
        for a, b in zip(runs, runs[1:]):
            assert b[0] > a[1] + 1, f"{heading}: {entries[heading]} has consecutive pages not merged"
        for page in listed:
            assert any(f in body_text(book, page) for f in forms), (heading, page, forms)
        expected = {p for p in text_pages if any(f in body_text(book, p) for f in forms)}
        assert entries[heading] == merge(expected), (heading, entries[heading], merge(expected))
        checked += 1
    assert checked >= 3
    # the fixture has a name on several pages in a row and twice on one page
    if kind == "person":
        assert any("\u2013" in v for v in entries.values()), entries


def test_book_is_laid_out_twice_and_indexed_places_do_not_move():
    corpus = _fixture_corpus()
    fmt = pdf_format.FORMAT
    html, document, layouts = fmt.book(corpus, BuildOptions())
    assert layouts == 2
    anchors = fmt.measured_anchors(corpus, BuildOptions())
    assert anchors and len(anchors) == len(set(anchors))
    measure = pdf_format.layout(fmt.print_html(corpus, None, BuildOptions(), measure=True))
    first, final = pdf_format.anchor_pages(measure), pdf_format.anchor_pages(document)
    assert {a: first[a] for a in anchors} == {a: final[a] for a in anchors}
    # the measuring layout has the back matter's titles only; the book has the indexes
    assert "index-entry" not in fmt.print_html(corpus, None, BuildOptions(), measure=True)
    # every page of the back matter is a measured number: no target-counter left to resolve
    back = html.split('id="apparatus"')[1]
    assert 'class="index-entry"' in back and 'class="page-ref"' not in back


def test_page_map_is_checked():
    corpus = _fixture_corpus()
    with pytest.raises(EditionError):
        pdf_format.FORMAT.print_html(corpus, None, BuildOptions(), page_map="alpha 3\n<b> x")
    # a place the layout did not put on a page is left out (target-counter stands in)
    assert pdf_format.page_map({"a": 1, "c": 3}, ["a", "b"]) == "a 1"


def test_offprints_have_no_index(built):
    for name in ("alpha", "beta"):
        dests = pypdf.PdfReader(str(built / f"{name}.pdf")).named_destinations
        assert "index-persons" not in dests and "index-places" not in dests
        text = etree.parse(str(FIXTURE / "texts" / f"{name}.xml")).find(".//t:text", TEI)
        # the back matter an offprint has is exactly what its text has data for
        assert ("apparatus" in dests) == bool(text.xpath(".//t:choice | .//t:sic", namespaces=TEI))
        assert ("chronology" in dests) == bool(text.xpath(".//t:date", namespaces=TEI))


@needs_poppler
def test_contents_point_at_the_right_pages(book):
    toc_page = book.dests["contents"]
    lines = [norm(l) for l in book.text(toc_page, layout=True).splitlines() if re.search(r"\d\s*$", l)]
    entries = {}
    for line in lines:
        m = re.match(r"(.+?)[ .]*?(\d+)$", line)
        title = re.sub(r"[ .]+$", "", m.group(1))
        entries[title] = int(m.group(2))
    assert {"A Winter Journey: The Commissioner", "The Quiet Harvest: The Countryside",
            "Apparatus of Editorial Interventions", "Index of Persons", "Chronology"} <= set(entries)
    for title, page in entries.items():
        assert norm(title).lower() in norm(book.text(page)).lower(), (title, page)
    assert entries["A Winter Journey: The Commissioner"] == book.dests["alpha"]
    assert entries["The Meeting in the Schoolhouse"] == book.dests["alpha-div2"]


@needs_poppler
def test_running_heads_and_page_numbers(book):
    page = book.dests["alpha-div2"] + 1 if book.dests["alpha-div2"] + 1 < book.dests["beta"] else book.dests["alpha-div2"]
    head = book.text(page, layout=True).strip().splitlines()[0]
    assert str(page) in head.split()
    assert re.search(r"winter journey|meeting in the schoolhouse", head, re.I), head


@needs_poppler
def test_apparatus_and_chronology(book):
    app = norm(book.text(book.dests["apparatus"]))
    assert "satisfactorilly ] satisfactorily" in app or "satisfactorilly] satisfactorily" in app
    assert "misprint for 893" in app and "sic" in app
    assert f"{book.dests['alpha-ed1']} " in app  # the entry's page is the page of the reading
    chron = norm(" ".join(book.text(p) for p in range(book.dests["chronology"], book.dests["index-persons"])))
    order = [chron.index(d) for d in ("1930", "November 1932", "9 November 1932", "14 February 1933")]
    assert order == sorted(order)


@needs_poppler
def test_fonts_are_embedded_and_book_typeface(book, built):
    for path in built.glob("*.pdf"):
        out = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True).stdout
        rows = out.splitlines()[2:]
        assert rows
        for row in rows:
            cols = row.split()
            emb = cols[-5]
            assert emb == "yes", row
        assert any("Garamond" in r for r in rows)


def test_metadata_and_pdfa(book, built):
    info = book.reader.metadata
    assert info.title == "Two Accounts of the Fields"
    assert "Margaret Hale" in info.author and "Thomas Orme" in info.author
    assert book.reader.trailer["/Root"]["/Lang"] == "en"
    xmp = book.reader.trailer["/Root"]["/Metadata"].get_object().get_data()
    assert b"pdfaid:part" in xmp or b'part="3"' in xmp or b"<pdfaid:part>3" in xmp
    alpha = pypdf.PdfReader(str(built / "alpha.pdf")).metadata
    assert alpha.title == "A Winter Journey: The Commissioner"
    assert alpha.author == "Anonymous (attributed)"


def _fixture_corpus() -> Corpus:
    return Corpus([sources.load(p) for p in sources.find([str(FIXTURE)])])


def test_reproducible_with_source_date_epoch(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    corpus = _fixture_corpus()
    beta = next(s for s in corpus.texts if s.id == "beta")
    fmt = pdf_format.FORMAT
    one = fmt.document_outputs(corpus, beta, BuildOptions())["beta.pdf"]
    two = fmt.document_outputs(corpus, beta, BuildOptions())["beta.pdf"]
    assert one == two
    assert b"D:20231114221320" in one or b"2023-11-14" in one or "2023" in str(pypdf.PdfReader(
        __import__("io").BytesIO(one)).metadata.get("/CreationDate"))


def test_page_size_option():
    corpus = _fixture_corpus()
    beta = next(s for s in corpus.texts if s.id == "beta")
    a4 = pdf_format.FORMAT.document_outputs(corpus, beta, BuildOptions(page_size="A4"))["beta.pdf"]
    box = pypdf.PdfReader(__import__("io").BytesIO(a4)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    with pytest.raises(EditionError):
        pdf_format.FORMAT.document_outputs(corpus, beta, BuildOptions(page_size="A5; } body { display: none"))


def test_default_page_size_is_a5(book):
    box = book.reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (420, 595)


def test_fetcher_reads_only_the_print_folder(tmp_path):
    fetch = pdf_format.url_fetcher()
    assert b"@page" in fetch((pdf_format.PRINT_DIR / "print.css").as_uri()).read()
    secret = tmp_path / "secret.css"
    secret.write_text("body { color: red }")
    for url in (secret.as_uri(), "http://example.org/x.css", "https://example.org/x.css",
                (pdf_format.PRINT_DIR / ".." / ".." / "pyproject.toml").as_uri(), "data:text/css,body{}"):
        with pytest.raises(ValueError):
            fetch(url)


def test_print_html_escapes_and_fetches_nothing(tmp_path):
    """A hostile TEI: attribute values and text never become markup or URLs WeasyPrint fetches."""
    doc = tmp_path / "evil.xml"
    doc.write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt>'
        '<title>&lt;/title&gt;&lt;link rel="stylesheet" href="http://evil/x.css"&gt;</title></titleStmt>'
        '<publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc></teiHeader>'
        '<text><body><p>Text <graphic url="file:///etc/passwd"/><ref target="javascript:alert(1)">x</ref>'
        '<hi rend="&quot;&gt;&lt;img src=x&gt;">y</hi></p></body></text></TEI>')
    corpus = Corpus([sources.load(doc)])
    html = pdf_format.FORMAT.print_html(corpus, corpus.texts[0], BuildOptions())
    from lxml import html as lxml_html

    page = lxml_html.document_fromstring(html)
    assert [l.get("href") for l in page.iter("link")] == ["print.css"]
    assert not list(page.iter("img"))
    assert all(not (a.get("href") or "").startswith("javascript") for a in page.iter("a"))
    assert "/etc/passwd" not in html
    assert "http://evil" in page.findtext(".//title")  # kept as text, not markup
    out = pdf_format.FORMAT.document_outputs(corpus, corpus.texts[0], BuildOptions())
    assert out["evil.pdf"].startswith(b"%PDF-")


@needs_poppler
@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not present")
def test_corpus_document_renders_its_body_text(tmp_path):
    path = CORPUS / "cwrc" / "Poem.xml"
    if not path.exists():
        pytest.skip("Poem.xml not in the corpus")
    corpus = Corpus([sources.load(path)])
    src = corpus.texts[0]
    out = pdf_format.FORMAT.document_outputs(corpus, src, BuildOptions())
    (tmp_path / "c.pdf").write_bytes(out[f"{src.id}.pdf"])
    doc = Pdf(tmp_path / "c.pdf")
    all_text = norm(" ".join(doc.text(p) for p in range(1, doc.pages + 1)))
    body = src.root.find("{http://www.tei-c.org/ns/1.0}text")
    words = [w for w in re.findall(r"[A-Za-z]{5,}", " ".join(body.itertext()))]
    assert words
    missing = [w for w in dict.fromkeys(words) if w not in all_text.replace("-", "")]
    assert len(missing) <= len(set(words)) // 20, missing[:20]


@needs_poppler
@pytest.mark.skipif(not shutil.which("pdftoppm"), reason="pdftoppm not installed")
def test_artifacts_title_page_and_footnote_page(book):
    """PNGs for a person to look at: the title page and a page with footnotes."""
    ARTIFACTS.mkdir(exist_ok=True)
    title_page = book.dests["title-page"]
    note_page = book.dests["alpha-n3-call"]
    for page, name in ((title_page, "pdf-title-page"), (note_page, "pdf-footnote-page"),
                       (book.dests["contents"], "pdf-contents"), (book.dests["index-persons"], "pdf-index")):
        subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", str(page), "-l", str(page), "-singlefile",
                        str(book.path), str(ARTIFACTS / name)], check=True)
        assert (ARTIFACTS / f"{name}.png").stat().st_size > 5000


def test_book_html_does_not_depend_on_parse_order():
    """Regression: nodes of different documents came out in Saxon's document-number order
    (which depends on what the process parsed first), so two builds of the same edition
    gave different chronologies and index page lists, hence different PDFs."""
    one = _fixture_corpus()
    two = _fixture_corpus()
    for src in reversed(two.sources):
        two.node(src)
    html_one = pdf_format.FORMAT.print_html(one, None, BuildOptions())
    html_two = pdf_format.FORMAT.print_html(two, None, BuildOptions())
    assert html_one == html_two


@needs_poppler
def test_index_headings_surname_first_and_filing_order(book):
    """Persons are filed by surname: from the register's surname markup, else the variant
    name the texts print that ends the standard name, else the last word (particles after
    the forenames, a generational suffix kept apart); a sortKey files McBride as MacBride."""
    entries = list(index_listings(book, "index-persons", "index-places"))
    for heading in ("Lloyd George, David", "Vaughan Williams, Ralph", "Goethe, Johann Wolfgang von",
                    "Pierce, Harold, Jr.", "McBride, Sean", "Marsh, Edwin"):
        assert heading in entries, (heading, entries)
    # the index reads top to bottom, column by column: filing order
    order = [e for e in index_column_order(book) if e in entries]
    assert order.index("McBride, Sean") < order.index("Marsh, Edwin")  # macbride < marsh
    assert order.index("Lloyd George, David") < order.index("Lowry, Peter")
    assert order.index("Vance, Clara") < order.index("Vaughan Williams, Ralph")


def index_column_order(book: Pdf) -> list[str]:
    """The entries of the index of persons in reading order (left column, then right)."""
    order = []
    for page in range(book.dests["index-persons"], book.dests["index-places"]):
        lines = book.text(page, layout=True).splitlines()
        width = max(len(l) for l in lines)
        for column in (0, 1):
            for line in lines:
                cell = (line[: width // 2] if column == 0 else line[width // 2:]).strip()
                m = INDEX_ENTRY.match(cell)
                if m and not cell.isdigit():
                    order.append(m.group("name"))
    return order
