"""The web edition (xslt/html/, formats/html.py): parsed with lxml, checked against the TEI.

Builds the fixture edition (tests/fixtures/html/) and, once it is committed, the edition
under tei/; checks that every paragraph, heading, note, intervention and register entry is
in the page where it belongs (by id), that the text is complete, that every internal link
resolves, that the pages are valid HTML5 (Nu Html Checker) and that any TEI renders.
"""

from __future__ import annotations

import copy
import json
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from lxml import etree, html

from edition import sources
from edition.build import BuildOptions, build
from edition.corpus import Corpus

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "html"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
TEI = "http://www.tei-c.org/ns/1.0"
NS = {"t": TEI}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
REGISTER_PAGES = {"listPerson": "persons.html", "listPlace": "places.html", "listOrg": "organisations.html",
                  "listBibl": "works.html"}
# Text the renderer adds (marks, labels, the corrected reading, the margin copies of notes).
GENERATED = ("gen", "corrected", "sidenote", "note-ref", "app-ref", "cite-this", "visually-hidden")


def _real_edition() -> bool:
    return (ROOT / "tei" / "edition.xml").is_file() and any((ROOT / "tei" / "texts").glob("*.xml"))


EDITIONS = [pytest.param(FIXTURES, id="fixtures")]
if _real_edition():
    EDITIONS.append(pytest.param(ROOT / "tei", id="edition"))


def build_site(sources: list[Path], out: Path) -> Path:
    report = build([str(s) for s in sources], out, BuildOptions(formats="html", quiet=True, progress=False))
    assert report.errors == 0, [str(d) for d in report.diagnostics]
    return out / "html"


@pytest.fixture(scope="module", params=EDITIONS)
def site(request, tmp_path_factory):
    folder = request.param
    out = build_site([folder], tmp_path_factory.mktemp("site"))
    return folder, out


def tei_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.xml") if "schema" not in p.parts)


def parse_tei(path: Path):
    return etree.parse(str(path))


def texts(folder: Path):
    """(text id, tree) of each text document (not the edition header, not registers)."""
    for path in tei_files(folder):
        tree = parse_tei(path)
        root = tree.getroot()
        if path.name == "edition.xml" or root.find(f"{{{TEI}}}text") is None:
            continue
        yield root.get(XML_ID) or path.stem, tree


PARSER = html.HTMLParser(huge_tree=True)  # libxml2's default limits cut long pages short


def page(out: Path, name: str):
    return html.parse(str(out / name), PARSER).getroot()


def classes(el) -> set[str]:
    return set((el.get("class") or "").split())


def reading_text(el, drop=GENERATED) -> str:
    """The text of an HTML element as printed: without generated text or the corrected reading."""
    el = html.fromstring(html.tostring(el))
    for bad in list(el.iter()):
        if bad is not el and isinstance(bad.tag, str) and classes(bad) & set(drop):
            bad.drop_tree()
    return " ".join(el.text_content().split())


def tei_text(el) -> str:
    """The TEI text as printed: no notes, no corrected readings of choices."""
    parts = []

    def walk(node, skip):
        tag = etree.QName(node).localname if isinstance(node.tag, str) else None
        skipping = skip or (tag == "note" and node is not el) or (tag in ("corr", "reg", "expan") and
                                             etree.QName(node.getparent()).localname == "choice")
        if not skipping and node.text:
            parts.append(node.text)
        for child in node:
            walk(child, skipping)
            if not skipping and child.tail:
                parts.append(child.tail)

    walk(el, False)
    return " ".join("".join(parts).split())


# --- the pages and their content -----------------------------------------------------------

def test_pages(site):
    folder, out = site
    ids = [tid for tid, _ in texts(folder)]
    for name in ["index.html", "apparatus.html", "assets/edition.css", "assets/print.css", "assets/edition.js",
                 *(f"{t}.html" for t in ids)]:
        assert (out / name).is_file(), name
    for kind, name in REGISTER_PAGES.items():
        has = any(parse_tei(p).find(f".//t:standOff/t:{kind}", NS) is not None for p in tei_files(folder))
        assert (out / name).is_file() == has, name
    # the downloads are the sources, byte for byte
    downloads = sorted((out / "tei").rglob("*.xml"))
    assert len(downloads) == len(tei_files(folder))
    by_name = {p.name: p for p in tei_files(folder)}
    for d in downloads:
        assert d.read_bytes() == by_name[d.name].read_bytes()


def test_every_paragraph_heading_note_in_its_page(site):
    folder, out = site
    for tid, tree in texts(folder):
        doc = page(out, f"{tid}.html")
        by_id = {el.get("id"): el for el in doc.iter() if isinstance(el.tag, str) and el.get("id")}
        body = tree.find("t:text", NS)
        for el in body.iter(f"{{{TEI}}}p", f"{{{TEI}}}head", f"{{{TEI}}}ab"):
            if el.get(XML_ID) is None or el.xpath("ancestor::t:note", namespaces=NS):
                continue
            h = by_id.get(el.get(XML_ID))
            assert h is not None, f"{tid}: {el.get(XML_ID)} missing"
            assert h.tag in ("p", "h1", "h2", "h3", "h4", "h5", "h6", "span", "div"), h.tag
            assert reading_text(h) == tei_text(el), el.get(XML_ID)
        for note in body.iter(f"{{{TEI}}}note"):
            nid = note.get(XML_ID)
            if nid is None:
                continue
            li = by_id.get(nid)
            assert li is not None and li.tag == "li", nid
            mark = by_id.get(f"ref-{nid}")
            assert mark is not None and mark.get("href") == f"#{nid}", nid
            back = li.xpath(".//a[contains(@class,'note-back')]/@href")
            assert back == [f"#ref-{nid}"], nid
            # the margin/popup copy sits right after the mark
            side = mark.getnext()
            assert side is not None and "sidenote" in classes(side)
            assert reading_text(li, GENERATED + ("note-back", "lemma", "resp")) == tei_text(note), nid
            if note.get("n") and note.get("type") != "editorial":
                assert reading_text(mark, ("visually-hidden",)) == note.get("n")


def test_sentences_of_the_body(site):
    folder, out = site
    for tid, tree in texts(folder):
        main = page(out, f"{tid}.html").find(".//main")
        rendered = reading_text(main)
        body = tei_text(tree.find("t:text", NS))
        for sentence in re.split(r"(?<=[.!?])\s+", body):
            assert sentence in rendered, sentence


def test_page_breaks_add_no_space(site):
    folder, out = site
    for tid, tree in texts(folder):
        doc = page(out, f"{tid}.html")
        for pb in tree.iter(f"{{{TEI}}}pb"):
            if pb.get(XML_ID) is None:
                continue
            marker = doc.get_element_by_id(pb.get(XML_ID))
            assert marker.text_content() == "" and len(marker) == 0
            if pb.get("break") == "no":
                before = (pb.getprevious().tail if pb.getprevious() is not None else pb.getparent().text) or ""
                word = before.split()[-1] + (pb.tail or "").split()[0]
                holder = marker.getparent()
                assert word in reading_text(holder), word


def test_interventions_both_readings_and_apparatus(site):
    folder, out = site
    app = page(out, "apparatus.html")
    for tid, tree in texts(folder):
        doc = page(out, f"{tid}.html")
        interventions = tree.xpath("//t:text//t:choice | //t:text//t:sic[not(parent::t:choice)]", namespaces=NS)
        if any(i.tag.endswith("choice") for i in interventions):
            assert doc.get_element_by_id("reading-printed").get("checked") is not None
        for el in interventions:
            iid = el.get(XML_ID)
            span = doc.get_element_by_id(iid)
            entry = app.get_element_by_id(iid)
            assert entry.xpath(f".//a[@href='{tid}.html#{iid}']"), iid
            if el.tag.endswith("choice"):
                printed, = span.xpath("./span[contains(@class,'printed')]")
                corrected, = span.xpath("./span[contains(@class,'corrected')]")
                assert printed.text_content() == "".join(el.find("t:sic", NS).itertext())
                assert corrected.text_content() == "".join(el.find("t:corr", NS).itertext())
            # from the text to the apparatus: its editorial note (or a mark) links there
            notes = tree.xpath(f"//t:note[@target='#{iid}']", namespaces=NS)
            if notes:
                li = doc.get_element_by_id(notes[0].get(XML_ID))
                assert li.xpath(f".//a[@href='apparatus.html#{iid}']")
                assert "".join(notes[0].itertext()).split()[0] in entry.text_content()
            else:
                assert span.tag == "a" and span.get("href") == f"apparatus.html#{iid}"


def test_registers_and_occurrences_both_ways(site):
    folder, out = site
    mentions: dict[str, set[str]] = {}
    for tid, tree in texts(folder):
        doc = page(out, f"{tid}.html")
        for el in tree.xpath("//t:text//*[@ref]", namespaces=NS):
            ref = el.get("ref").split("#")[-1]
            holder = el.xpath("ancestor::*[self::t:p or self::t:head or self::t:note or self::t:cit][@xml:id][1]",
                              namespaces=NS)
            if holder:
                mentions.setdefault(ref, set()).add(f"{tid}.html#{holder[0].get(XML_ID)}")
        for a in doc.xpath("//main//a[contains(@class,'name')]"):
            assert re.fullmatch(r"(persons|places|organisations|works)\.html#[\w-]+", a.get("href"))
    # the edition's order: its sourceDesc (bibl/@corresp), then the other texts
    listed = [c.lstrip("#") for c in parse_tei(folder / "edition.xml").xpath(
        "//t:sourceDesc//t:bibl/@corresp", namespaces=NS)]
    order = list(dict.fromkeys(listed + sorted(tid for tid, _ in texts(folder))))
    for path in tei_files(folder):
        for kind, name in REGISTER_PAGES.items():
            for entry in parse_tei(path).xpath(f"//t:standOff/t:{kind}/*[@xml:id]", namespaces=NS):
                eid = entry.get(XML_ID)
                reg = page(out, name)
                section = reg.get_element_by_id(eid)
                hrefs = section.xpath(".//a[contains(@class,'occ')]/@href")
                assert set(hrefs) == mentions.get(eid, set()), eid
                in_texts = list(dict.fromkeys(h.split(".html")[0] for h in hrefs))
                assert in_texts == sorted(in_texts, key=order.index), f"{eid}: texts out of the edition's order"
                label = "".join(entry[0].itertext()).strip()
                assert label in section.text_content()


def test_internal_links_and_no_external_requests(site):
    _, out = site
    check_links(out)


def check_links(out: Path) -> None:
    pages = {p.relative_to(out).as_posix(): page(out, p.relative_to(out).as_posix()) for p in out.rglob("*.html")}
    ids = {name: {el.get("id") for el in doc.iter() if isinstance(el.tag, str) and el.get("id")}
           for name, doc in pages.items()}
    for name, doc in pages.items():
        for el in doc.iter():
            if not isinstance(el.tag, str):
                continue
            for attr in ("src", "href", "popovertarget", "aria-controls"):
                value = el.get(attr)
                if value is None:
                    continue
                if attr in ("popovertarget", "aria-controls"):
                    assert value in ids[name], (name, value)
                    continue
                url = urlsplit(value)
                if url.scheme or url.netloc:
                    # only plain links may leave the site; nothing is loaded from elsewhere
                    assert el.tag == "a" and url.scheme in ("http", "https", "mailto"), (name, value)
                    continue
                target = unquote(url.path) or name
                assert (out / target).is_file(), (name, value)
                if url.fragment:
                    assert unquote(url.fragment) in ids.get(target, set()), (name, value)


def test_metadata_lang_and_json_ld(site):
    folder, out = site
    for p in out.glob("*.html"):
        doc = page(out, p.name)
        assert doc.get("lang")
        assert doc.find(".//meta[@name='viewport']") is not None
        assert doc.find(".//meta[@name='description']").get("content")
        assert doc.find(".//link[@media='print']") is not None
        for script in doc.xpath("//script[@type='application/ld+json']"):
            data = json.loads(script.text)
            assert data["@context"] == "https://schema.org" and data["name"]
    index = json.loads(page(out, "index.html").xpath("//script[@type='application/ld+json']")[0].text)
    assert len(index["hasPart"]) == len(list(texts(folder)))
    for tid, tree in texts(folder):
        doc = page(out, f"{tid}.html")
        for el in tree.xpath("//t:text//*[@xml:lang][@xml:id]", namespaces=NS):
            assert doc.get_element_by_id(el.get(XML_ID)).get("lang") == el.get("{http://www.w3.org/XML/1998/namespace}lang")


def test_a_text_is_not_given_a_language_it_does_not_declare(tmp_path):
    body = ('<teiHeader><fileDesc><titleStmt><title>{t}</title></titleStmt><publicationStmt><p>T.</p>'
            '</publicationStmt><sourceDesc><p>T.</p></sourceDesc></fileDesc></teiHeader>'
            '<text><body><p>Ord og ord.</p></body></text>')
    src = tmp_path / "src"
    src.mkdir()
    (src / "plain.xml").write_text(f'<TEI xmlns="{TEI}" xml:id="plain">{body.format(t="Plain")}</TEI>')
    (src / "danish.xml").write_text(f'<TEI xmlns="{TEI}" xml:id="danish" xml:lang="da">{body.format(t="Dansk")}</TEI>')
    out = build_site([src], tmp_path / "out")
    for tid, declared in (("plain", ""), ("danish", "da")):
        doc = page(out, f"{tid}.html")
        assert doc.get("lang") == (declared or "en")  # the page: its labels are English
        assert doc.xpath("//article[contains(@class, 'reading')]/@lang") == [declared]  # '': unknown
        data = json.loads(doc.xpath("//script[@type='application/ld+json']")[0].text)
        assert data.get("inLanguage") == (declared or None)


def test_index_from_the_edition_header(site):
    folder, out = site
    edition = parse_tei(folder / "edition.xml")
    index = page(out, "index.html")
    text = " ".join(index.text_content().split())
    for ed in edition.xpath("//t:titleStmt/t:editor", namespaces=NS):
        assert " ".join("".join(ed.itertext()).split()) in text
    licence = edition.find(".//t:licence", NS)
    if licence is not None and licence.get("target"):
        assert index.xpath(f"//a[@rel='license'][@href='{licence.get('target')}']")
    for tid, _ in texts(folder):
        assert index.xpath(f"//a[@href='{tid}.html']")
    for p in edition.xpath("//t:text//t:p[@xml:id]", namespaces=NS):
        assert reading_text(index.get_element_by_id(p.get(XML_ID))) == tei_text(p)
    assert "certainty" in text
    assert index.xpath("//a[@href='tei/texts/%s.xml']" % next(texts(folder))[0]) or index.xpath("//ul[@class='downloads']/li")


def test_endnotes_not_in_this_excerpt():
    out = build_site([FIXTURES], Path(__import__("tempfile").mkdtemp()))
    doc = page(out, "gellately.html")
    li = doc.get_element_by_id("gellately-n7")
    assert "absent" in classes(li) and "not in this excerpt" in li.text_content()
    mark = doc.get_element_by_id("ref-gellately-n7")
    assert "not in this excerpt" in mark.text_content() and reading_text(mark, ("visually-hidden",)) == "7"
    shutil.rmtree(out.parent)


def assert_valid_html5(pages) -> None:
    """The Nu Html Checker (vnu-jar, with Java) finds no error; skipped (visibly) without it."""
    if not VNU.is_file() or shutil.which("java") is None:
        pytest.skip("the Nu Html Checker needs node_modules/vnu-jar (npm install) and Java")
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", *map(str, pages)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[:4000]


@pytest.mark.skipif(not VNU.is_file() or shutil.which("java") is None,
                    reason="the Nu Html Checker needs node_modules/vnu-jar (npm install) and java")
def test_valid_html5(site):
    _, out = site
    files = sorted(str(p) for p in out.rglob("*.html"))
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", *files], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[:4000]


# --- any TEI, and hostile TEI --------------------------------------------------------------

HOSTILE = """<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="hostile"><teiHeader><fileDesc><titleStmt>
<title>A &lt;/script&gt;&lt;b&gt;"title"</title></titleStmt><publicationStmt><p>x</p></publicationStmt>
<sourceDesc><p>x</p></sourceDesc></fileDesc></teiHeader><text><body>
<p xml:id="h-p1">Click <ref target="javascript:alert(1)">here</ref> or <ptr target="data:text/html,x"/>,
see <persName ref="javascript:alert(2)">Eve</persName> and <unknownThing rend="x y">odd</unknownThing>
<weird><p>block in phrase</p></weird>.</p>
<list><item>one</item><pb/><item>two</item></list>
<table><row><cell>a</cell></row><pb/></table>
</body></text></TEI>"""


def test_hostile_and_unknown_markup(tmp_path):
    src = tmp_path / "src" / "hostile.xml"
    src.parent.mkdir()
    src.write_text(HOSTILE)
    out = build_site([src], tmp_path / "out")
    doc = page(out, "hostile.html")
    for el in doc.iter():
        for attr in ("href", "src", "action", "formaction"):
            assert not re.match(r"\s*(javascript|data|vbscript):", el.get(attr) or "", re.I) if isinstance(el.tag, str) else True
    data = json.loads(doc.xpath("//script[@type='application/ld+json']")[0].text)
    assert data["name"] == 'A </script><b>"title"'
    assert doc.xpath("//span[@class='unknownThing rend-x rend-y']")[0].text == "odd"
    assert "block in phrase" in doc.get_element_by_id("h-p1").text_content()
    assert not (out / "persons.html").exists() and not (out / "apparatus.html").exists()
    check_links(out)
    assert_valid_html5([out / "hostile.html"])


TEI_BLOCKS = ("note", "p", "ab", "head", "l", "lg", "item", "label", "cell", "row", "lb", "cb", "div", "sp",
              "speaker", "stage", "opener", "closer", "salute", "dateline", "signed", "trailer", "byline",
              "titlePart", "docTitle", "docImprint", "docAuthor", "docEdition", "bibl", "list", "table")


def words(text: str) -> Counter:
    return Counter(re.findall(r"\w+", text))


@pytest.mark.corpus
@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent")
def test_corpus_every_word_rendered(tmp_path_factory):
    out = build_site([CORPUS], tmp_path_factory.mktemp("corpus"))
    # page names: the documents' ids as the pipeline makes them unique (xml:id="root" x 3)
    corpus = Corpus([sources.load(p) for p in sources.find([str(CORPUS)])])
    for src in corpus.texts:
        path, root, tid = src.path, src.root, src.id
        doc = page(out, f"{tid}.html")
        main = doc.find(".//main")
        for junk in main.xpath(".//*[contains(@class,'sidenote') or contains(@class,'note-ref')]"):
            junk.tail = " " + (junk.tail or "")
            junk.drop_tree()
        for block in main.iter("li", "p", "div", "section", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "br",
                               "blockquote", "figcaption", "dt", "dd", "caption", "tr", "table", "ul", "ol"):
            block.tail = " " + (block.tail or "")  # words in consecutive blocks are separate
        for span in main.iter("span"):
            cls = (span.get("class") or "").split() or [""]
            if cls[0] in TEI_BLOCKS or "reading" in cls:  # TEI blocks inside phrases; two readings
                span.tail = " " + (span.tail or "")
        rendered = words(main.text_content())
        for text in root.iter(f"{{{TEI}}}text"):
            if text.xpath("ancestor::t:text", namespaces=NS):
                continue
            text = copy.deepcopy(text)
            for el in text.iter(*(f"{{{TEI}}}{name}" for name in TEI_BLOCKS)):
                if el.get("break") != "no":  # a note, a line or a block separates words
                    el.text, el.tail = " " + (el.text or ""), " " + (el.tail or "")
            for choice in text.iter(f"{{{TEI}}}choice"):  # its readings are alternatives
                for child in choice[:-1]:
                    child.tail = " " + (child.tail or "")
            missing = words("".join(text.itertext())) - rendered
            assert not missing, (path.name, list(missing.items())[:10])
    check_links(out)
    assert_valid_html5(sorted(out.rglob("*.html")))


def test_index_gives_each_sources_attribution_note_in_words(site):
    """The attribution notes of the edition header's sources (note type="attribution") are
    printed on the index; reading a note as text once gave empty paragraphs here."""
    folder, out = site
    edition = folder / "edition.xml"
    if not edition.is_file():
        pytest.skip("no edition header")
    notes = parse_tei(edition).xpath("//t:sourceDesc//t:note[@type='attribution']", namespaces=NS)
    shown = [" ".join(p.text_content().split()) for p in page(out, "index.html").xpath("//p[@class='attribution']")]
    assert len(shown) == len(notes) and all(shown), shown
