"""Genres beyond prose: critical apparatus, right-to-left text, letters, manuscripts.

The fixtures in tests/fixtures/genres/ (valid TEI, one genre or problem each) are built once,
to all three formats, and the outputs are read back:
lxml.html for the web edition, the .txt files as they are, pdftotext for the PDFs.
Assertions are on text content (whitespace normalised) rather than on markup, except where
the markup is the point (dir attributes, class names, links into the apparatus).
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pypdf
import pytest
from lxml import etree, html

from conftest import run_edition

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "genres"
SOURCES = ["apparatus.xml", "arabic.xml", "letter.xml", "manuscript.xml",
           "apparatus-external.xml", "letter-uncertain.xml", "hebrew.xml", "chinese.xml", "verse.xml", "documentation.xml", "witness-pages.xml",
           "speech.xml", "dictionary.xml", "genetic.xml", "inscription.xml", "persian.xml", "epigraphy.xml",
           "early-print.xml", "scripts.xml", "anchored-notes.xml",
           "revisions.xml", "lineation.xml", "edge-cases.xml", "standoff-notes.xml",
           "critical-greek.xml"]
APPARATUS_HEADING = "Apparatus of editorial interventions"
TINY = """<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Tiny</title></titleStmt>
<publicationStmt><p>Test.</p></publicationStmt><sourceDesc><p>Written for the tests.</p></sourceDesc></fileDesc>
</teiHeader><text><body>{body}</body></text></TEI>"""
POEM = ["The summer was long and bright,",
        "And all the fields were green;",
        "We sang until the night",
        "Came softly on the scene."]


# --- helpers ---------------------------------------------------------------------------------

def norm(text: str) -> str:
    """Whitespace collapsed, typographic quotes unified."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", text).strip()


def has_class(name: str) -> str:
    """XPath predicate: @class contains the token name."""
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


def page(built: Path, name: str):
    return html.parse(str(built / "html" / f"{name}.html")).getroot()


def article(built: Path, name: str):
    found = page(built, name).xpath(f"//article[{has_class('reading')}]")
    assert len(found) == 1, f"{name}.html: expected one <article class=reading>, found {len(found)}"
    return found[0]


def text_of(built: Path, name: str) -> str:
    return (built / "text" / f"{name}.txt").read_text(encoding="utf-8")


def before_apparatus(txt: str) -> str:
    """The plain text before the apparatus heading (title block and reading)."""
    head, sep, _ = txt.partition(f"\n{APPARATUS_HEADING}\n")
    assert sep, f"no line {APPARATUS_HEADING!r}"
    return head


def apparatus_entries(txt: str) -> list[str]:
    """The entries of the plain-text apparatus, each with its wrapped (indented) continuation
    lines joined and its whitespace normalised; the heading and its underline are dropped."""
    _, sep, tail = txt.partition(f"\n{APPARATUS_HEADING}\n")
    assert sep, f"no line {APPARATUS_HEADING!r}"
    entries: list[str] = []
    for line in tail.splitlines():
        if not line.strip() or set(line.strip()) <= set("=-"):
            if entries and entries[-1]:
                entries.append("")
            continue
        if line[:1].isspace() and entries and entries[-1]:
            entries[-1] += " " + line
        else:
            entries.append(line)
    return [norm(e) for e in entries if e.strip()]


def pdf_text(built: Path, name: str) -> str:
    if not shutil.which("pdftotext"):
        pytest.skip("poppler-utils (pdftotext) not installed")
    out = subprocess.run(["pdftotext", str(built / "pdf" / f"{name}.pdf"), "-"],
                         check=True, capture_output=True, text=True).stdout
    return norm(out)


# --- the build -------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def build_run(tmp_path_factory):
    """The fixtures built once, to html, text and pdf: (output folder, completed process).
    Not with -q: -q ("only errors") would hide the warnings test_build_has_a_rendering_... reads."""
    out = tmp_path_factory.mktemp("genres")
    proc = run_edition("build", *(FIXTURES / s for s in SOURCES), "--out", out,
                       "--format", "html,text,pdf", "--no-search")
    return out, proc


@pytest.fixture(scope="module")
def built(build_run) -> Path:
    return build_run[0]


def test_build_succeeds(build_run):
    out, proc = build_run
    assert proc.returncode == 0, proc.stderr
    for name in ("variants", "arabic-proverbs", "letter-1848", "charter"):
        for fmt, ext in (("html", "html"), ("text", "txt"), ("pdf", "pdf")):
            assert (out / fmt / f"{name}.{ext}").is_file(), f"{fmt}/{name}.{ext} missing"
    assert (out / "html" / "apparatus.html").is_file()


def test_build_has_a_rendering_for_every_genre_element(build_run):
    """No 'no specific rendering' warning for <app>, <lem>, <rdg>, <rdgGrp>, <ex>, <am>, <g>,
    <space> or anything else in these fixtures."""
    _, proc = build_run
    warned = [line for line in proc.stderr.splitlines() if "no specific rendering" in line]
    assert not warned, "\n".join(warned)


# --- critical apparatus: text ----------------------------------------------------------------

def test_text_apparatus_poem_reads_the_lemma(built):
    lines = [line.strip() for line in before_apparatus(text_of(built, "variants")).splitlines()]
    assert POEM[0] in lines, "first line of the poem not found as a line"
    start = lines.index(POEM[0])
    assert lines[start:start + 4] == POEM


def test_text_apparatus_variants_not_in_reading(built):
    head = before_apparatus(text_of(built, "variants"))
    for word in ("sommer", "song", "sung", "soft"):  # case-sensitive: the title has "Song"
        assert not re.search(rf"\b{word}\b", head), f"variant {word!r} printed before the apparatus"


def test_text_apparatus_note_is_not_a_numbered_note(built):
    head = before_apparatus(text_of(built, "variants"))
    assert "C's metre is short." not in head  # in the apparatus entry, not as note [n] in the text


@pytest.mark.parametrize("entry", ["summer A C] sommer B", "all A] om. B C", "sang A] song B; sung C",
                                   "softly A B] soft C"])
def test_text_apparatus_entry(built, entry):
    entries = apparatus_entries(text_of(built, "variants"))
    assert any(entry in e for e in entries), f"{entry!r} not in apparatus entries {entries}"


def test_text_apparatus_note_follows_its_entry(built):
    entries = apparatus_entries(text_of(built, "variants"))
    matching = [e for e in entries if "softly A B] soft C" in e]
    assert matching, f"no entry for softly in {entries}"
    e = matching[0]
    assert "C's metre is short." in e.split("softly A B] soft C", 1)[1]


# --- critical apparatus: html ----------------------------------------------------------------

@pytest.mark.parametrize("n", range(4))
def test_html_apparatus_line_shows_only_the_lemma(built, n):
    lines = article(built, "variants").xpath(f".//*[{has_class('l')}]")
    assert len(lines) == 4, f"expected 4 .l elements, found {len(lines)}"
    line = lines[n]
    # the apparatus note on line 4 stays in the line as a margin note (marker + sidenote): not reading text
    for note in line.xpath(f".//*[{has_class('sidenote')} or {has_class('note-ref')}]"):
        note.drop_tree()
    assert norm(line.text_content()) == POEM[n]


def test_html_apparatus_lemma_links_to_apparatus_page(built):
    links = article(built, "variants").xpath(".//a[starts-with(@href, 'apparatus.html#')]")
    assert any("summer" in norm(a.text_content()) for a in links), \
        f"no link to apparatus.html# around 'summer': {[html.tostring(a) for a in links]}"


def test_html_apparatus_page_has_variant_entry(built):
    main = page(built, "apparatus").xpath("//main")[0]
    candidates = [norm(el.text_content()) for el in main.iter() if isinstance(el.tag, str)]
    entries = [t for t in candidates
               if "summer" in t and "sommer" in t and "sang" not in t and "softly" not in t
               and re.search(r"\bA C\b", t) and re.search(r"\bB\b", t)]
    assert entries, "no apparatus entry with summer, sommer, A C and B on apparatus.html"


def test_html_apparatus_page_lists_witnesses(built):
    assert "Manuscript A (Oxford)" in norm(page(built, "apparatus").text_content())


# --- critical apparatus: pdf -----------------------------------------------------------------

def test_pdf_apparatus_reads_the_lemma(built):
    text = pdf_text(built, "variants").replace(" °", "")  # ° marks an intervention in print
    assert "The summer was long and bright," in text
    assert "summersommer" not in text
    assert "sangsongsung" not in text


def test_pdf_apparatus_variants_after_the_poem(built):
    text = pdf_text(built, "variants")
    end = text.find("on the scene.")
    assert end >= 0, "last line of the poem not found"
    # as a word of its own: not the lemma and variant run together ("summersommer")
    assert re.search(r"\bsommer\b", text[end:]), "the variant 'sommer' is not printed after the poem"


# --- right to left ---------------------------------------------------------------------------

def test_html_arabic_text_is_rtl_and_the_pages_labels_are_not(built):
    art = article(built, "arabic-proverbs")
    text = art.xpath(f".//div[{has_class('text')}]")[0]
    assert text.get("dir") == "rtl"
    assert art.get("dir") in (None, "ltr")  # "How to cite this text" and the like are English
    assert art.xpath(".//h1")[0].get("dir") == "auto"  # a title in either direction


def test_html_arabic_english_phrase_is_ltr(built):
    foreign = article(built, "arabic-proverbs").xpath(f".//i[{has_class('foreign')}][@lang='en']")
    assert foreign, "no <i class=foreign lang=en>"
    assert foreign[0].get("dir") == "ltr"


def test_html_english_letter_has_no_rtl(built):
    art = article(built, "letter-1848")
    assert art.xpath("descendant-or-self::*[@dir='rtl']") == []


# --- letters ---------------------------------------------------------------------------------

def test_html_letter_header_shows_correspondence(built):
    heads = article(built, "letter-1848").xpath(f".//header[{has_class('text-head')}]")
    assert heads, "no header.text-head in the article"
    names = ("Ada Merriman", "Thomas Hale", "Bath", "London")
    holders = [el for el in heads[0].iterdescendants()
               if isinstance(el.tag, str) and all(n in norm(el.text_content()) for n in names)]
    assert holders, "no element in header.text-head holds sender, addressee and both places"
    innermost = [el for el in holders if not any(h is not el and el in h.iterancestors() for h in holders)]
    # no word boundaries: text_content() of <dt>From</dt><dd>Ada ...</dd> is "FromAda", "...1848ToThomas"
    text = norm(innermost[0].text_content())
    assert re.search(r"From.*?Ada Merriman.*?Bath.*?3 March 1848", text), text
    assert re.search(r"To.*?Thomas Hale.*?London", text), text


def test_text_letter_correspondence_lines(built):
    txt = text_of(built, "letter-1848")
    head, sep, _ = txt.partition("About this plain-text edition")
    assert sep
    lines = head.splitlines()
    assert any(line.startswith("From: Ada Merriman, Bath, 3 March 1848") for line in lines), head
    assert any(line.startswith("To: Thomas Hale, London") for line in lines), head


# --- manuscripts -----------------------------------------------------------------------------

def test_text_manuscript_space_as_vacat(built):
    assert "Robertus de [vac. 3 characters] dedi et concressi" in norm(text_of(built, "charter"))
    space = article(built, "charter").xpath(f".//*[{has_class('space')}]")[0]
    assert space.get("title") == "blank space in the source: 3 characters"


def test_a_printers_wide_space_is_a_space_not_a_vacat(tmp_path):
    src = tmp_path / "toc.xml"
    src.write_text(TINY.format(body="<p>Erstes Capitel<space dim=\"horizontal\"/>Seite 1</p>"), encoding="utf-8")
    proc = run_edition("build", src, "--out", tmp_path / "out", "--format", "text", "-q")
    assert proc.returncode == 0, proc.stderr
    txt = (tmp_path / "out" / "text" / "toc.txt").read_text(encoding="utf-8")
    assert "Erstes Capitel Seite 1" in txt and "vac." not in txt


def test_text_manuscript_expansions_in_parentheses(built):
    assert "Iohann(i) fil'(io) suo" in norm(text_of(built, "charter"))


def test_text_manuscript_source_line(built):
    lines = text_of(built, "charter").splitlines()
    starts = [i for i, line in enumerate(lines) if line.startswith("Source:")]
    assert starts, "no line starting 'Source:'"
    i = starts[0]
    entry = [lines[i]]
    for line in lines[i + 1:]:  # wrapped continuation lines are indented
        if not line[:1].isspace() or not line.strip():
            break
        entry.append(line)
    assert "Durham, Cathedral Library, Misc. Ch. 1234" in norm(" ".join(entry))


def test_html_manuscript_ex_keeps_class(built):
    exs = article(built, "charter").xpath(f".//*[{has_class('ex')}]")
    assert [norm(e.text_content()).strip("()[]") for e in exs] == ["i", "io"]


def test_html_manuscript_space_is_announced(built):
    spaces = article(built, "charter").xpath(f".//*[{has_class('space')}]")
    assert spaces, "no element with class 'space'"
    assert "space" in norm(spaces[0].text_content()).lower()


# --- print HTML: classes and direction -------------------------------------------------------

def print_page(name: str):
    from edition import sources
    from edition.build import BuildOptions
    from edition.corpus import Corpus
    from edition.formats import pdf as pdf_format

    corpus = Corpus([sources.load(FIXTURES / name)])
    return html.document_fromstring(pdf_format.FORMAT.print_html(corpus, corpus.texts[0], BuildOptions()))


def test_print_type_values_do_not_become_the_books_own_classes():
    """<div type="letter"> once took the index's small capitals (.letter) for the whole letter."""
    doc = print_page("letter.xml")
    div = doc.xpath(f"//section[{has_class('div')}]")[0]
    assert "type-letter" in div.get("class").split() and "letter" not in div.get("class").split()


def test_print_right_to_left():
    doc = print_page("arabic.xml")
    text = doc.xpath(f"//article[{has_class('text')}]//div[{has_class('text')}]")[0]
    assert text.get("dir") == "rtl"
    assert doc.xpath("//*[@lang='en'][@dir='ltr']"), "the English phrase is not marked left to right"


# --- apparatus kept apart from the text (double end-point, listApp), odd entries --------------

def test_external_apparatus_entries_stand_where_the_source_has_them_not_in_the_reading(built):
    txt = text_of(built, "epitaph")
    reading = before_apparatus(txt)
    assert "Here lies Gaius, who lived forty years." in norm(reading)
    # the listApp in the back: entries, one after the other, not the words "Gaius forty" as prose
    assert "Gaius S] Caius R; forty S] om. R; The stone was recut in 1602." in norm(reading)


def test_external_apparatus_is_located_at_its_anchor(built):
    # html: the apparatus entry links to the anchor in the text, not to the back
    entry = page(built, "apparatus").xpath("//li[contains(., 'Caius')]")[0]
    assert entry.xpath(".//a[@class='app-place']/@href") == ["epitaph.html#b1"]
    assert page(built, "epitaph").xpath("//*[@id='b1']")
    # text: the location is the anchor's section (§0, the body), not the back's
    entries = apparatus_entries(text_of(built, "epitaph"))
    assert any(e.startswith("§0 Gaius S] Caius R") for e in entries), entries


@pytest.mark.parametrize("entry", ["dixit S] dicit R (in marg.)", "finis S] lacuna begins R", "solus"])
def test_apparatus_witness_details_lacunae_and_lone_lemmas(built, entry):
    entries = apparatus_entries(text_of(built, "epitaph"))
    assert entry in entries or any(e.endswith(" " + entry) for e in entries), entries
    html_entries = [norm(li.text_content()) for li in page(built, "apparatus").xpath("//li[@class='app-entry']")]
    assert any(entry in e for e in html_entries), html_entries


def test_app_with_only_a_note_builds_in_every_format(build_run):
    out, proc = build_run
    assert proc.returncode == 0, proc.stderr
    for path in ("html/epitaph.html", "text/epitaph.txt", "pdf/epitaph.pdf", "html/apparatus.html", "text/edition.txt"):
        assert (out / path).is_file(), path
    assert "The stone was recut in 1602." in norm(page(out, "apparatus").text_content())


# --- letters: series titles, uncertain dates, the text's own register --------------------------

def test_letter_title_is_its_own_not_the_series(built):
    assert article(built, "letter-undated").xpath("string(.//h1)") == "Ada Merriman to her brother, early 1850"
    assert text_of(built, "letter-undated").startswith("Ada Merriman to her brother, early 1850\n")


def test_uncertain_letter_date_is_not_made_exact(built):
    assert "From: Ada Merriman, between 1850-01-01 and 1850-03-31" in text_of(built, "letter-undated")
    header = norm(article(built, "letter-undated").xpath(f"string(.//dl[{has_class('correspondence')}])"))
    assert "between 1850-01-01 and 1850-03-31" in header


def test_a_texts_own_register_list_is_not_reading_text(built):
    reading = norm(before_apparatus(text_of(built, "letter-undated")))
    assert "1821" not in reading
    body = norm(article(built, "letter-undated").xpath(f"string(.//div[{has_class('text')}])"))
    assert "Dear brother, I write in haste." in body and "1821" not in body
    # nor a date of the chronology
    assert "1821" not in page(built, "chronology").text_content()


def test_undeclared_language_gets_the_browsers_direction(built):
    text = article(built, "hebrew-undeclared").xpath(f".//div[{has_class('text')}]")[0]
    assert text.get("dir") == "auto"


# --- Chinese and Japanese: no spaces between words, two columns a character --------------------

def test_cjk_line_break_in_the_source_is_no_space(built):
    assert "照見五蘊皆空" in text_of(built, "heart-sutra")
    assert "照見五蘊皆空" in pdf_text(built, "heart-sutra")


def test_cjk_text_wraps_between_characters_within_the_width(built):

    txt = text_of(built, "heart-sutra")
    body = [l for l in txt.splitlines() if "空" in l]
    assert len(body) >= 2, "the paragraph is not wrapped"
    columns = [sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in l) for l in txt.splitlines()]
    assert max(columns) <= 72
    assert "".join(body).startswith("觀自在菩薩行深般若波羅蜜多時，照見五蘊皆空，度一切苦厄。")


def test_cjk_has_a_font_in_the_pdf(built):
    if not shutil.which("pdffonts"):
        pytest.skip("poppler-utils (pdffonts) not installed")
    fonts = subprocess.run(["pdffonts", str(built / "pdf" / "heart-sutra.pdf")], capture_output=True, text=True).stdout
    names = [l.split()[0].split("+")[-1] for l in fonts.splitlines()[2:]]
    chinese = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True).stdout
    families = {f.strip().replace(" ", "-") for line in chinese.splitlines() for f in line.split(",")}
    assert any(n in families for n in names), f"{names}: none covers Chinese ({families}); it would print as boxes"


# --- scripts EB Garamond lacks: a real glyph from the stylesheet's fallback, no Latin hyphen ------

PRINT_CSS = Path(__file__).resolve().parents[1] / "xslt" / "print" / "print.css"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SCRIPT_LINES = {p.get(XML_LANG): p.text for p in etree.parse(str(FIXTURES / "scripts.xml")).iter("{http://www.tei-c.org/ns/1.0}p")
                if p.get(XML_LANG)}


def drawn_glyphs(pdf: Path) -> dict[str, set[str]]:
    """For each font embedded in the PDF (by family name, from the embedded program's name table):
    the characters it drew with a real glyph. The ToUnicode map says which text each glyph id
    stands for; a glyph counts only if the embedded program has it with an outline (not .notdef,
    not an id past the font's end, which is how WeasyPrint writes a character no font has)."""
    from fontTools.pens.recordingPen import RecordingPen
    from fontTools.ttLib import TTFont

    drawn: dict[str, set[str]] = {}
    seen = set()
    for pg in pypdf.PdfReader(str(pdf)).pages:
        for ref in pg["/Resources"].get("/Font", {}).values():
            font = ref.get_object()
            if ref.idnum in seen or font.get("/Subtype") != "/Type0":
                continue
            seen.add(ref.idnum)
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
            program = next(descriptor[k] for k in ("/FontFile2", "/FontFile3") if k in descriptor)
            tt = TTFont(io.BytesIO(program.get_object().get_data()))
            order, glyphs = tt.getGlyphOrder(), tt.getGlyphSet()
            cmap = font["/ToUnicode"].get_object().get_data().decode("latin-1")
            chars = drawn.setdefault(tt["name"].getDebugName(1), set())
            for block in re.findall(r"beginbfchar(.*?)endbfchar", cmap, re.S):
                for gid, text in re.findall(r"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]*)>", block):
                    gid = int(gid, 16)
                    if not 0 < gid < len(order):
                        continue
                    pen = RecordingPen()
                    glyphs[order[gid]].draw(pen)
                    if pen.value:
                        chars.update(bytes.fromhex(text).decode("utf-16-be"))
    return drawn


@pytest.mark.parametrize("lang", sorted(SCRIPT_LINES))
def test_pdf_draws_every_script_with_a_font_of_the_stylesheet(built, lang):
    """Devanagari, Glagolitic, Syriac, Ethiopic, Armenian, Georgian, Tibetan and the Japanese
    repeat mark: one embedded font draws every character of the line (marks and punctuation
    too) with a real glyph, and it is a family print.css names, not one fontconfig happened
    to find. Without the fonts (Makefile) every one of these prints as empty boxes."""
    stack = re.search(r"--face:([^;]*);", PRINT_CSS.read_text(encoding="utf-8")).group(1)
    families = set(re.findall(r'"([^"]+)"', stack))
    line = {c for c in SCRIPT_LINES[lang] if not c.isspace() and not c.isascii()}
    drawn = drawn_glyphs(built / "pdf" / "scripts.pdf")
    covering = [name for name, chars in drawn.items() if line <= chars]
    assert covering, (f"{lang}: no font in the PDF has a glyph for every character of {SCRIPT_LINES[lang]!r}; "
                      + "; ".join(f"{n} lacks {''.join(sorted(line - c))!r}" for n, c in drawn.items()))
    assert families & set(covering), f"{lang}: drawn in {covering}, none of them named in print.css --face"


def test_pdf_does_not_hyphenate_sanskrit_with_a_latin_hyphen(built):
    """Pyphen has Sanskrit patterns; Devanagari takes no hyphen at a line's end."""
    lines = subprocess.run(["pdftotext", str(built / "pdf" / "scripts.pdf"), "-"],
                           check=True, capture_output=True, text=True).stdout.splitlines()
    sanskrit = [l for l in lines if re.search("[\u0900-\u097f]", l)]
    assert len(sanskrit) >= 3, "the Sanskrit paragraph does not wrap: the test would prove nothing"
    hyphenated = [l for l in sanskrit if re.search("[\u0900-\u097f][-\u2010\u00ad]$", l.rstrip())]
    assert not hyphenated, hyphenated


# --- the source's own corrections; page breaks inside words ----------------------------------

def test_text_marks_additions(built):
    assert "Testibus ⸢domino⸣ Willelmo" in norm(before_apparatus(text_of(built, "charter")))


def test_text_marks_a_deleted_block_line_by_line(tmp_path):
    """A struck-out verse line encoded as Whitman's manuscripts do it (del around l: real, though
    not valid TEI), each of its lines marked."""
    doc = tmp_path / "struck.xml"
    doc.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="struck"><teiHeader><fileDesc><titleStmt>'
                   '<title>Struck</title></titleStmt><publicationStmt><p>x</p></publicationStmt><sourceDesc><p>x</p>'
                   '</sourceDesc></fileDesc></teiHeader><text><body><lg><l>Hic versus manet.</l>'
                   '<del><l>Hoc totum deletum est.</l><l>Et hoc.</l></del></lg></body></text></TEI>', encoding="utf-8")
    proc = run_edition("build", doc, "--out", tmp_path / "out", "--format", "text", "-q")
    assert proc.returncode == 0, proc.stderr
    txt = (tmp_path / "out" / "text" / "struck.txt").read_text(encoding="utf-8")
    assert "Hic versus manet.\n⟦Hoc totum deletum est.⟧\n⟦Et hoc.⟧" in txt


def test_text_page_break_inside_a_word_without_break_no_keeps_the_word(built):
    assert "qui concesserunt. |" in norm(before_apparatus(text_of(built, "charter")))


# --- verse line numbers --------------------------------------------------------------------------

def test_verse_shows_every_fifth_line_number_and_any_other_numbering(built):
    lines = article(built, "counting-song").xpath(f".//*[{has_class('l')}]")
    shown = {norm(l.text_content()): l.get("data-line") for l in lines}
    assert shown["five for the silver,"] == "5" and shown["ten for the sea."] == "10"
    assert shown["and one the scribe forgot,"] == "5a"
    assert shown["One for the sorrow,"] is None and shown["four for a birth,"] is None
    # in the margin of the PDF too (drawn by CSS, not part of the line's text in the HTML)
    assert re.search(r"\b10\s*ten for the sea", pdf_text(built, "counting-song"))
    # and in the text edition's margin column
    lines = before_apparatus(text_of(built, "counting-song")).splitlines()
    assert "   5  five for the silver," in lines and "  5a  and one the scribe forgot," in lines
    assert "  10  ten for the sea." in lines and "      One for the sorrow," in lines


# --- TEI documentation: element names and examples of markup ------------------------------------

def test_tei_examples_show_their_markup_in_every_format(built):
    example = '<p>Nel testo <del rend="strikethrough">parola</del> aggiunta.</p>'
    assert example in norm(text_of(built, "encoding-note"))
    pre = article(built, "encoding-note").xpath(f".//pre[{has_class('egXML')}]")
    assert pre and norm(pre[0].text_content()) == example
    assert "<gi>" not in text_of(built, "encoding-note")
    assert norm(article(built, "encoding-note").xpath(f"string(.//code[{has_class('gi')}])")) == "<del>"
    assert '<del rend="strikethrough">' in pdf_text(built, "encoding-note").replace("“", '"').replace("”", '"')


def test_an_empty_source_description_gives_no_source_line(built):
    assert "Source:" not in text_of(built, "encoding-note")
    assert not article(built, "encoding-note").xpath(f".//p[{has_class('source')}]")


# --- page breaks of several witnesses ------------------------------------------------------------

def test_apparatus_lines_read_as_the_text_does(built):
    """A lemma holding a correction, a variant holding another entry, an entry in a note: the
    web and print apparatus give them as the text edition does."""
    expected = ["teh cat A] a dog B", "one A] two three C", "gamma A] delta B"]
    entries = [norm(li.text_content()) for li in page(built, "apparatus").xpath("//li[@class='app-entry']")]
    pdf = pdf_text(built, "variants")
    for line in expected:
        assert any(line in e for e in entries), (line, entries)
        assert line.replace("] ", " ] ") in pdf or line in pdf, line
    text_entries = apparatus_entries(text_of(built, "variants"))
    assert any("one A] two three C" in e for e in text_entries), text_entries


def test_every_apparatus_link_lands_on_an_anchor(built):
    for li in page(built, "apparatus").xpath("//li[@class='app-entry']"):
        target = li.xpath(".//a[@class='app-place']/@href")[0]
        name, _, anchor = target.partition("#")
        assert page(built, name.removesuffix(".html")).xpath(f"//*[@id='{anchor}']"), target


def test_a_language_declared_only_in_the_header_sets_the_direction(built):
    text = article(built, "persian-couplet").xpath(f".//div[{has_class('text')}]")[0]
    assert text.get("dir") == "rtl"
    assert article(built, "persian-couplet").xpath(".//*[@lang='en']/@dir") == ["ltr"]


def test_only_the_followed_witness_page_breaks_are_shown(built):
    assert "Alpha beta |1v| gamma delta |2r| epsilon." in text_of(built, "witness-pages")
    marks = article(built, "witness-pages").xpath(f".//*[{has_class('pb-mark')}]/@data-n")
    assert marks == ["1v", "2r"]


# --- a line broken inside a word, tokenised text, speech, dictionaries, sourceDoc ----------------

def test_a_line_break_inside_a_word_joins_it_in_every_format(built):
    assert "arcam conparavi mihi et meis" in norm(text_of(built, "inscription"))
    assert "arcam conparavi mihi et" in pdf_text(built, "inscription")
    ab = article(built, "inscription").xpath(f".//*[{has_class('ab')}]")[0]
    assert "conparavi" in norm(ab.text_content())


def test_tokens_without_spaces_between_them_are_spaced_as_words(built):
    txt = norm(text_of(built, "interview"))
    assert "Ich fang einfach mal an." in txt and "Gut, [pause] bitte." in txt
    assert "Ich fang einfach mal an." in pdf_text(built, "interview")
    turn = article(built, "interview").xpath(f".//*[{has_class('u')}]")[0]
    assert norm(turn.text_content()) == "Anna Berg: Ich fang einfach mal an."


def test_speaker_turns_name_their_speaker_and_annotations_are_not_speech(built):
    txt = text_of(built, "interview")
    assert "Anna Berg: Ich fang" in norm(txt) and "Tim Kurz: Gut," in norm(txt) and "[winkt]" in txt
    assert "Salut" not in txt and "Salut" not in pdf_text(built, "interview")
    assert "Salut" not in article(built, "interview").text_content()


def test_dictionary_entry_headword_senses_and_example_sources(built):
    txt = before_apparatus(text_of(built, "lexicon"))
    assert "maṃsa n" in txt and "1. flesh" in txt and "2. meat" in txt
    assert "maṃsaaṃ khādanti" in txt  # the empty oRef is the headword
    assert "maṃsaaṃ khādanti (Jāt I 35)" in txt  # the example runs in, its source after it
    pdf = pdf_text(built, "lexicon")
    assert pdf.index("maṃsaaṃ khādanti") < pdf.index("Jāt I 35")
    assert article(built, "lexicon").xpath("string(.//b[contains(@class, 'orth')])") == "maṃsa"


def test_a_document_transcribed_as_source_document_is_read(built):
    txt = text_of(built, "draft-page")
    assert "Thy friends were never mine\nSilence and ⟦solitude⟧ ⸢calm⸣" in txt
    lines = [norm(l.text_content()) for l in article(built, "draft-page").xpath(f".//div[{has_class('line')}]")]
    assert lines[0] == "Thy friends were never mine" and lines[1].startswith("Silence and")
    assert "Thy friends were never mine" in pdf_text(built, "draft-page")


def test_a_line_break_in_a_title_is_a_space(tmp_path):
    doc = tmp_path / "weber.xml"
    doc.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="weber"><teiHeader><fileDesc><titleStmt>'
                   '<title>An Gottfried Weber in Mannheim<lb/>Darmstadt, 21. August 1810</title></titleStmt>'
                   '<publicationStmt><p>x</p></publicationStmt><sourceDesc><p>x</p></sourceDesc></fileDesc></teiHeader>'
                   '<text><body><p>x</p></body></text></TEI>', encoding="utf-8")
    proc = run_edition("build", doc, "--out", tmp_path / "out", "--format", "html,text", "--no-search", "-q")
    assert proc.returncode == 0, proc.stderr
    title = "An Gottfried Weber in Mannheim Darmstadt, 21. August 1810"
    assert (tmp_path / "out" / "text" / "weber.txt").read_text(encoding="utf-8").startswith(title + "\n")
    assert html.parse(str(tmp_path / "out" / "html" / "weber.html")).getroot().xpath("string(//h1)") == title


# --- epigraphy: Leiden brackets, gaps that say how much is lost, head-less divisions ------------

EPIGRAPHY_READING = ("Dis [Manibus] Iul⟨i⟩us {et} pat[… 1 character lost]r [… 3 characters illegible] f\u1ecb\u1e37io [… lines lost] "
                     "fecit [… about 2–4 words lost] hic […]")


def test_text_epigraphy_uses_leiden_brackets_and_gap_extents(built):
    # (the reading without its margin line number: line 5 of face a shows one)
    head = norm(re.sub(r"(?m)^ *5  ", "", before_apparatus(text_of(built, "epigraphy"))))
    assert EPIGRAPHY_READING in head


def test_pdf_epigraphy_uses_leiden_brackets_and_gap_extents(built):
    text = pdf_text(built, "epigraphy").replace(" °", "").replace("°", "")  # ° marks an intervention in print
    text = text.replace("lost] 5 fecit", "lost] fecit")  # line 5's number in the margin
    assert norm(EPIGRAPHY_READING.replace("\u1ecb\u1e37", "il")) in norm(text)  # unclear: a dotted underline in print


def test_html_epigraphy_brackets_and_gap_extents(built):
    body = article(built, "epigraphy")
    omitted = body.xpath(f".//*[{has_class('supplied')} and {has_class('omitted')}]")
    assert [norm(e.text_content()) for e in omitted] == ["i"]  # the CSS draws ⟨ ⟩ round .supplied.omitted
    assert [norm(e.text_content()) for e in body.xpath(f".//*[{has_class('surplus')}]")] == ["et"]
    gaps = [norm(e.text_content()) for e in body.xpath(f".//*[{has_class('gap')}]")]
    assert gaps[:4] == ["[… 1 character lost]", "[… 3 characters illegible]", "[… lines lost]", "[… about 2–4 words lost]"]
    css = (built / "html" / "assets" / "edition.css").read_text(encoding="utf-8")
    assert re.search(r'\.supplied\.omitted::before\s*\{\s*content:\s*"⟨"', css)
    assert re.search(r'\.surplus::before\s*\{\s*content:\s*"\{"', css)


def test_divisions_without_a_head_get_the_editors_label_in_every_format(built):
    lines = [line.strip() for line in before_apparatus(text_of(built, "epigraphy")).splitlines()]
    for label in ("[Edition]", "[Face a]", "[Face b]", "[Translation]"):
        assert label in lines, f"{label} not a line of the text edition"
    assert lines.index("[Face a]") < lines.index("[Face b]") < lines.index("[Translation]")
    assert not any(line.startswith("[Poem") for line in lines)  # a type alone, without n, says too little
    labels = article(built, "epigraphy").xpath(f".//*[{has_class('div-label')}]")
    assert [norm(e.text_content()) for e in labels] == ["Edition", "Face a", "Face b", "Translation"]
    assert all(e.get("lang") == "en" and has_class_token(e, "gen") for e in labels)
    assert "Edition Face a Dis" in pdf_text(built, "epigraphy")


def has_class_token(element, name: str) -> bool:
    return name in (element.get("class") or "").split()


# --- early print: the page's furniture, front matter, raised letters, renditions ---------------

def test_running_heads_catchwords_and_signatures_are_not_text(built):
    txt = before_apparatus(text_of(built, "early-print"))
    assert "die Rechnung |4| geht leicht" in norm(txt)  # the catchword "geht" is not printed twice; the page number
    assert "A 2" not in txt
    assert [line for line in txt.splitlines() if "Erstes Capitel." in line] == ["1  Erstes Capitel.", "1  Erstes Capitel."]  # contents, heading
    body = norm(article(built, "early-print").text_content())
    assert "A 2" not in body and "geht geht" not in body and "Rechnung geht leicht" in body
    pdf = pdf_text(built, "early-print")
    assert "A 2" not in pdf and "Rechnung geht leicht" in pdf


def test_front_matter_sections_are_numbered_apart_from_the_body(built):
    lines = text_of(built, "early-print").splitlines()
    assert "i  Vorrede." in lines and "1  Erstes Capitel." in lines
    assert not any(line.startswith("1  Vorrede") for line in lines)
    assert "Front matter is numbered i, ii" in norm(text_of(built, "early-print"))


def test_title_page_parts_inside_a_line_run_in(built):
    lines = [line.strip() for line in text_of(built, "early-print").splitlines()]
    assert "verfasset von Leonhard Euler." in lines and "St. Petersburg, 1770." in lines
    raw = subprocess.run(["pdftotext", str(built / "pdf" / "early-print.pdf"), "-"],
                         check=True, capture_output=True, text=True).stdout.splitlines()
    assert "verfasset von Leonhard Euler." in raw and "St. Petersburg, 1770." in raw


def test_raised_letters_keep_their_place(built):
    txt = norm(before_apparatus(text_of(built, "early-print")))
    assert "im Jahre 1770⁴." in txt and "findet 2ˣ = 512" in txt  # @rendition to tagsDecl CSS, and @rend
    sups = article(built, "early-print").xpath(".//sup")
    assert [norm(s.text_content()) for s in sups] == ["4", "x"]


def test_renditions_become_classes_and_supraline_is_not_superscript(built):
    body = article(built, "early-print")
    spaced = body.xpath(f".//*[{has_class('rend-spaced')}]")  # rendition #g: letter-spacing in tagsDecl
    assert [norm(s.text_content()) for s in spaced] == ["Vorrede"]
    over = body.xpath(f".//*[{has_class('rend-overline')}]")
    assert [o.tag for o in over] == ["span"] and norm(over[0].text_content()) == "leicht"


def test_a_glyph_without_a_declaration_is_named_by_its_type_or_left_out(built):
    txt = before_apparatus(text_of(built, "early-print"))
    assert "statten[slanting stroke]." in txt and "[]" not in txt


def test_a_quotation_in_a_sentence_runs_in_with_its_source_in_parentheses(built):
    sentence = "Wie der Dichter sagt “arma virumque cano” (Verg. A. 1.1) und so fort."
    lines = [line.strip() for line in before_apparatus(text_of(built, "early-print")).splitlines()]
    assert sentence in lines  # one paragraph, not broken into a block quotation
    assert norm(sentence) in norm(article(built, "early-print").text_content())
    assert norm(sentence) in pdf_text(built, "early-print")


# --- notes kept apart from the text, pointing at an anchor in it -------------------------------

def test_notes_kept_apart_stand_at_their_anchors_in_the_text_edition(built):
    txt = before_apparatus(text_of(built, "anchored-notes"))
    assert "mon frère;[1] elle m'a fait plaisir.[2]" in norm(txt)
    lines = [line.rstrip() for line in txt.splitlines()]
    first = lines.index("[1] The letter from Gauguin is lost.")
    assert "    Theo answered in May." in lines[first + 1:first + 3]  # a note's second paragraph hangs under its mark
    assert norm(txt).count("The letter from Gauguin is lost.") == 1  # not again where it is kept
    assert "A second note." not in "\n".join(apparatus_entries(text_of(built, "anchored-notes")))


def test_notes_kept_apart_stand_at_their_anchors_in_the_web_edition(built):
    body = article(built, "anchored-notes")
    refs = body.xpath(f".//a[{has_class('note-ref')}]")
    assert [norm(r.text_content()) for r in refs] == ["Note 1", "Note 2"]
    assert not body.xpath(f".//*[{has_class('editorial')}]")  # ordinary notes, not the editors' on an intervention
    kept = body.xpath(f".//section[{has_class('type-notes')}]")
    assert kept and not norm(kept[0].text_content())  # nothing left where they were kept


def test_notes_kept_apart_are_footnotes_at_their_anchors_in_print(built):
    pdf = pdf_text(built, "anchored-notes")
    assert "frère;1 elle m'a fait plaisir.2" in pdf
    assert "1 The letter from Gauguin is lost. Theo answered in May." in pdf
    assert "Note 1" not in pdf and "Editors" not in pdf


def test_print_apparatus_says_what_the_source_lacks_for_supplied_text(built):
    pdf = pdf_text(built, "epigraphy")
    assert "lost ] Manibus" in pdf and "om. ] i" in pdf  # reason lost; reason omitted


def test_gloss_labels_are_set_off_and_bracketed_note_numbers_are_not_doubled(built):
    lines = [line.strip() for line in before_apparatus(text_of(built, "early-print")).splitlines()]
    assert "Erstes Buch — Von den Zahlen" in lines and "a) kurz" in lines
    assert "Dw. dr. — Dienstwillige dienaar" in lines and "Dr. — Doctor" in lines  # a glossary's abbreviations
    assert "Eine Anmerkung[1]." in lines and "[1] mit Klammern gedruckt" in lines
    assert not any("[[1]]" in line for line in lines)


# --- a revised draft: substitutions, restored deletions, secluded text, hands -----------------

def test_revisions_read_in_every_format(built):
    txt = norm(before_apparatus(text_of(built, "revisions")))
    assert "The ⟦old⟧⸢new⸣ law was good, [hand: Bentham] very {very} good^." in txt
    body = article(built, "revisions")
    assert "law was good, [hand: Bentham] very very good" in norm(body.text_content())  # braces: CSS
    restored = body.xpath(f".//*[{has_class('restore')}]//*[{has_class('del')}]")
    assert [norm(d.text_content()) for d in restored] == ["was"]
    css = (built / "html" / "assets" / "edition.css").read_text(encoding="utf-8")
    assert re.search(r"\.restore \.del\s*\{\s*text-decoration:\s*none", css)
    assert "law was good, [hand: Bentham] very {very} good" in pdf_text(built, "revisions")


def test_the_texts_own_title_and_names_as_read_head_the_text_edition(built):
    lines = text_of(built, "revisions").splitlines()
    assert lines[0] == "A draft revised in two hands"  # not the volume's title, which comes first
    assert "Author: Jeremy Bentham" in lines  # surname, forename in the source
    assert "Contributor: Jane Doe" in lines  # a resp that holds only a note names no role
    assert page(built, "revisions").findtext(".//title").startswith("A draft revised in two hands")


# --- lineated transcriptions (EpiDoc <ab><lb n="1"/>…): the source's lines, numbered --------------

LINEATED_TEXT = [
    "[Column i]",
    "",
    "    Claudia Severa Lepidinae",
    "    suae salutem iii Idus Septembres",   # a word broken at a line end: whole where it begins
    "    soror ad diem [sollem]nem",
    "    natalem meum rogo",
    " 5  libenter facias ut venias ad nos iucundiorem mihi diem interventu",
    "      tuo factura si venias",            # a long line wraps, hanging
    "5a  ⸢Cerialem tuum⸣ saluta",             # an irregular number is shown
    "    Aelius meus et filiolus",            # 6 after 5a: regular, not shown
    "    [sperabo te",                        # a line break inside <supplied>
    "    soror] vale",
    "    soror karissima et anima",
    "10  mea ita valeam",
    "",
    "[Column ii]",
    "",
    "    Sulpiciae Lepidinae",
    "    Cerialis",
    "12  a Severa sua sorore",                # a jump (2 -> 12) is shown
    "13",                                     # a line emptied by the word moved up keeps its number
]


def pdf_lines(built: Path, name: str) -> list[str]:
    """The PDF's lines as laid out (pdftotext -layout: no joining of hyphenated lines), blank
    lines and intervention circles dropped, trailing spaces stripped."""
    if not shutil.which("pdftotext"):
        pytest.skip("poppler-utils (pdftotext) not installed")
    out = subprocess.run(["pdftotext", "-layout", str(built / "pdf" / f"{name}.pdf"), "-"],
                         check=True, capture_output=True, text=True).stdout
    return [re.sub(r" ?°", "", line).rstrip() for line in out.splitlines() if line.strip()]


def test_text_lineated_transcription_keeps_the_source_lines_with_numbers(built):
    txt = before_apparatus(text_of(built, "birthday-letter"))
    lines = txt.splitlines()
    start = lines.index("[Column i]")
    assert lines[start:start + len(LINEATED_TEXT)] == LINEATED_TEXT
    assert all(len(line) <= 72 for line in lines)
    # the conventions say how
    assert "keep the lines of the source" in norm(txt) and "printed whole on the line where it begins" in norm(txt)


def test_text_prose_with_plain_line_breaks_still_runs_on(built):
    txt = before_apparatus(text_of(built, "birthday-letter"))
    assert "\nClaudia Severa to her Lepidina, greetings. I invite you to my birthday.\n" in txt
    assert "照見五蘊皆空" in text_of(built, "heart-sutra")  # text before its one <lb n="2"/>: prose
    assert "keep the lines of the source" not in text_of(built, "heart-sutra")


def test_text_apparatus_of_a_lineated_text_is_located_by_line(built):
    assert apparatus_entries(text_of(built, "birthday-letter")) == [
        "i 3 [sollem]] supplied ed. (lost)",               # column i, line 3
        "i 7 [sperabo te soror]] supplied ed. (lost)",     # the line it begins in
        "i 9 karissima] carissima ed.",
    ]
    # one textpart: 'l. 5', no '§0'
    assert apparatus_entries(text_of(built, "epigraphy"))[0] == "a 1 [Manibus]] supplied ed. (lost)"


def test_html_lineated_transcription_is_a_line_per_source_line(built):
    body = article(built, "birthday-letter")
    blocks = body.xpath(f".//p[{has_class('lineated')}]")
    assert len(blocks) == 2
    col1, col2 = ([line for line in b.xpath(f"./span[{has_class('text-line')}]")] for b in blocks)
    assert [line.get("data-n") for line in col1] == ["1", "2", "3", "4", "5", "5a", "6", "7", "9", "10"]
    assert [line.get("data-n") for line in col2] == ["1", "2", "12", "13"]
    shown = [line.get("data-line") for line in col1 + col2 if line.get("data-line")]
    assert shown == ["5", "5a", "10", "12"]  # every fifth, the irregular, the jump
    # break="no": the line before is marked (the CSS prints the hyphen), the words are not merged
    assert [line.get("data-n") for line in col1 + col2 if has_class_token(line, "break-after")] == ["2", "3", "12"]
    assert norm(col1[1].text_content()) == "suae salutem iii Idus Septem"
    assert norm(col1[2].text_content()).startswith("bres soror")
    assert "Septembres soror" in blocks[0].text_content()  # no stray space where the word runs on
    # a line break inside an element: a <br> with its number
    nested = col1[7].xpath(f".//*[{has_class('supplied')}]//span[{has_class('lb-n')}]")
    assert [e.get("data-n") for e in nested] == ["8"]
    assert nested[0].getprevious().tag == "br"
    # plain prose line breaks stay <br> in a paragraph
    prose = body.xpath(f".//p[{has_class('p')}]")
    assert len(prose) == 1 and not has_class_token(prose[0], "lineated") and len(prose[0].xpath("./br")) == 2
    assert not article(built, "heart-sutra").xpath(f".//*[{has_class('lineated')}]")
    css = (built / "html" / "assets" / "edition.css").read_text(encoding="utf-8")
    assert re.search(r'\.text-line\.break-after::after[^{]*\{\s*content:\s*"-"', css)
    assert re.search(r"\.text-line\[data-line\]::before[^{]*\{\s*content:\s*attr\(data-line\)", css)


def test_html_apparatus_of_a_lineated_text_is_located_by_line(built):
    places = [norm(a.text_content()) for a in page(built, "apparatus").xpath("//li[starts-with(@id, 'birthday-letter-')]//a[@class='app-place']")]
    assert places == ["i 3", "i 7", "i 9"]


def test_pdf_lineated_transcription_keeps_the_source_lines_and_shows_the_breaks(built):
    lines = [line.strip() for line in pdf_lines(built, "birthday-letter")]
    start = lines.index("Claudia Severa Lepidinae")
    assert lines[start:start + 4] == ["Claudia Severa Lepidinae", "suae salutem iii Idus Septem-",
                                      "bres soror ad diem [sollem]-", "nem natalem meum rogo"]
    assert re.fullmatch(r"5 libenter facias .*", lines[start + 4])
    assert "5a ⸢Cerialem tuum⸣ saluta" in lines and "10 mea ita valeam" in lines
    assert "[sperabo te" in lines and "soror] vale" in lines  # a break inside <supplied>
    assert "12 a Severa sua sor-" in lines and "ore" in lines
    # the prose paragraph with plain <lb/> runs on as before
    assert "Claudia Severa to her Lepidina, greetings. I invite you to my birthday." in pdf_text(built, "birthday-letter")
    inscription = [line.strip() for line in pdf_lines(built, "inscription")]
    assert "arcam conpa-" in inscription and "ravi mihi et" in inscription


def test_pdf_apparatus_of_a_lineated_text_gives_the_line(built):
    text = pdf_text(built, "birthday-letter")
    assert "i 3 lost ] sollem" in text and "i 9 karissima ] carissima" in text


def test_a_line_end_hyphen_joins_its_word_and_is_kept(built):
    txt = text_of(built, "early-print")
    assert "als daß man die Men-ſchen uͤber die Vorſorge bringe." in norm(before_apparatus(txt))
    assert "the word joined: Men-schen" in norm(txt)
    assert "als daß man die Men-ſchen uͤber die Vorſorge bringe." in pdf_text(built, "early-print")


def test_a_word_hyphenated_across_a_page_turn_is_whole_before_the_page_number(built):
    txt = norm(before_apparatus(text_of(built, "early-print")))
    assert "mit dem Unflath der toͤdli-chen |5| Wolluͤſte." in txt
    body = norm(article(built, "early-print").text_content())  # the web edition keeps the source's lines
    assert "der toͤdli- chen Wolluͤſte." in body and "chen chen" not in body


def test_quotation_marks_the_encoding_leaves_out_are_supplied_by_language(built):
    txt = before_apparatus(text_of(built, "early-print"))
    assert "Er rief „Halt, ‚sofort‘!“ und ging." in txt  # German, and one inside another
    assert 'Schon "gedruckt" bleibt.' in txt  # the source's own marks stand against it: none added
    assert "the editors supply them" in norm(text_of(built, "early-print"))
    for shown in (norm(article(built, "early-print").text_content()), pdf_text(built, "early-print")):
        assert norm("Er rief „Halt, ‚sofort‘!“ und ging.") in shown and 'Schon "gedruckt" bleibt.' in shown


def test_apparatus_entries_before_any_heading_are_located_by_the_sources_page(tmp_path):
    src = tmp_path / "pages.xml"
    src.write_text(TINY.format(body='<pb n="7"/><p>A <choice><sic>teh</sic><corr>the</corr></choice> cat.</p>'
                                    '<pb n="8"/><p>Another <supplied reason="lost">word</supplied>.</p>'), encoding="utf-8")
    proc = run_edition("build", src, "--out", tmp_path / "out", "--format", "text", "-q")
    assert proc.returncode == 0, proc.stderr
    entries = apparatus_entries((tmp_path / "out" / "text" / "pages.txt").read_text(encoding="utf-8"))
    assert entries == ["p. 7 teh] the ed.", "p. 8 [word]] supplied ed. (lost)"]


def test_a_space_on_a_line_of_japanese_is_kept_where_the_markups_line_breaking_is_not(tmp_path):
    src = tmp_path / "genji.xml"
    src.write_text(TINY.format(body='<div xml:lang="ja"><p>みこと〱しう たえ〱\n  すき〱しさ<lb/>\nあはれ</p></div>'), encoding="utf-8")
    proc = run_edition("build", src, "--out", tmp_path / "out", "--format", "text", "-q")
    assert proc.returncode == 0, proc.stderr
    assert "みこと〱しう たえ〱すき〱しさあはれ" in (tmp_path / "out" / "text" / "genji.txt").read_text(encoding="utf-8")


def test_right_to_left_readings_are_isolated_in_the_text_apparatus(tmp_path):
    src = tmp_path / "genesis.xml"
    src.write_text(TINY.format(body='<p xml:lang="ar">في <app><lem wit="#S1">البدء</lem><rdg wit="#S2">الأول</rdg></app> خلق</p>'),
                   encoding="utf-8")
    proc = run_edition("build", src, "--out", tmp_path / "out", "--format", "text", "-q")
    assert proc.returncode == 0, proc.stderr
    entries = apparatus_entries((tmp_path / "out" / "text" / "genesis.txt").read_text(encoding="utf-8"))
    assert any("\u2068البدء\u2069 S1] \u2068الأول\u2069 S2" in e for e in entries), entries


# --- edge cases found in review -----------------------------------------------------------------

def test_a_note_kept_apart_naming_two_anchors_is_shown_once_and_numbered_by_its_anchor(built):
    txt = text_of(built, "edge-cases")
    assert "Alpha[1] beta[2] gamma[3]." in txt
    lines = txt.splitlines()
    assert lines.index("[1] first") < lines.index("[2] inline") < lines.index("[3] third")
    body = article(built, "edge-cases")
    ids = body.xpath(".//@id")
    assert len(ids) == len(set(ids)), "an id is written twice"
    listed = [norm(li.text_content()) for li in body.xpath(f".//section[{has_class('notes')}]//li")]
    assert [t.split()[1] for t in listed[:3]] == ["first", "inline", "third"]
    assert pdf_text(built, "edge-cases").count("first") == 1


def test_a_bibliography_in_a_note_reads_as_written_on_the_web(built):
    assert "See Smith 1990; Jones 2001." in norm(article(built, "edge-cases").text_content())


def test_a_lineated_block_inside_a_note_builds_in_print(build_run):
    out, proc = build_run
    assert (out / "pdf" / "edge-cases.pdf").is_file(), proc.stderr
    assert "prima secunda" in pdf_text(out, "edge-cases")


def test_unclear_dots_only_the_sources_letters(built):
    assert "A ạḅc̣ḍ |12| word." in unicodedata.normalize("NFC", text_of(built, "edge-cases"))


def test_an_indented_line_end_hyphen_joins_its_word_in_text_and_print(built):
    assert "Die Kin-der." in text_of(built, "edge-cases")
    assert "Die Kin-der." in pdf_text(built, "edge-cases")


def test_combined_renderings_raised_italic_and_co_authors(built):
    txt = text_of(built, "edge-cases")
    assert "Year 1903⁴." in txt
    assert "Author: Ann Smith and Bob Jones" in txt
    assert "Ann Smith and Bob Jones" in norm(page(built, "edge-cases").xpath("string(//p[@class='byline'])"))


def test_a_gap_of_at_least_so_much_says_so_and_numeral_labels_take_no_dash(built):
    txt = norm(before_apparatus(text_of(built, "edge-cases")))
    assert "Lost [… at least 2 lines lost] here." in txt
    assert "viii eighth" in txt and "ix ninth" in txt and "viii —" not in txt  # a list numbered by its labels


def test_notes_in_standoff_called_by_pointers_stand_where_they_are_called(built):
    sentence = "Mijn papa[1] is naar den Haag[2] gegaan, zie note 2.[3]"
    txt = text_of(built, "standoff-notes")
    assert sentence in txt
    lines = txt.splitlines()
    assert lines.index("[1] Jozef Israëls, the painter.") < lines.index("[2] The Hague.") < lines.index("[3] Versuft je.")
    assert "A number in square brackets" in txt
    body = article(built, "standoff-notes")
    assert [norm(r.text_content()) for r in body.xpath(f".//a[{has_class('note-ref')}]")] == ["Note 1", "Note 2", "Note 3"]
    assert "#n1" not in body.text_content() and "zie note 2." in norm(body.text_content())
    pdf = pdf_text(built, "standoff-notes")
    assert "Mijn papa1 is naar den Haag2 gegaan, zie note 2.3" in pdf and "1 Jozef Israëls, the painter." in pdf


def test_latin_is_printed_as_spelled_not_in_the_fonts_latin_forms(tmp_path):
    """EB Garamond's Latin forms (locl) print u as v: a Latin and an English page of the same
    words must look the same."""
    if not shutil.which("pdftoppm"):
        pytest.skip("poppler-utils (pdftoppm) not installed")
    pages = []
    for lang in ("la", "en"):
        src = tmp_path / f"{lang}.xml"
        src.write_text(TINY.format(body=f'<p xml:lang="{lang}">UNUS ERIT revinctus Minerva</p>'), encoding="utf-8")
        proc = run_edition("build", src, "--out", tmp_path / f"out-{lang}", "--format", "pdf", "-q")
        assert proc.returncode == 0, proc.stderr
        png = tmp_path / f"page-{lang}"
        subprocess.run(["pdftoppm", "-r", "60", "-f", "1", "-l", "1", "-png", "-singlefile",
                        str(tmp_path / f"out-{lang}" / "pdf" / f"{lang}.pdf"), str(png)], check=True)
        pages.append(png.with_suffix(".png").read_bytes())
    assert pages[0] == pages[1]


def test_critical_apparatus_names_who_made_a_reading_and_locates_it_by_numbered_division(built):
    entries = apparatus_entries(text_of(built, "critical-greek"))
    assert "Section 1 ἴσον Annette von Stockhausen (conjecture)] εἰς ὃν P" in entries
    assert "Section 2 προσηλώσεις P] προσφωνήσεις Karin Metzler (proposition)" in entries
    txt = before_apparatus(text_of(built, "critical-greek"))
    assert "τί ἀνταποδώσω τῷ κυρίῳ; (Ps 115:3)" in txt  # an empty canonical reference
    assert "urn:cts" not in txt and "[Edition]" in txt  # an identifier is not a number
    assert "κυρίῳ; (Ps 115:3)" in norm(article(built, "critical-greek").text_content())
    assert "κυρίῳ; (Ps 115:3)" in pdf_text(built, "critical-greek")


def test_an_empty_title_falls_back_to_the_first_heading_and_a_page_break_stays_out_of_headings(tmp_path):
    src = tmp_path / "annales.xml"
    src.write_text(TINY.replace("<title>Tiny</title>", "<title/>").format(
        body='<div><head><pb n="231"/>ANNALIUM LIB. I</head><p>Text.</p></div>'), encoding="utf-8")
    proc = run_edition("build", src, "--out", tmp_path / "out", "--format", "text,html", "--no-search", "-q")
    assert proc.returncode == 0, proc.stderr
    lines = (tmp_path / "out" / "text" / "annales.txt").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "ANNALIUM LIB. I" and "1  ANNALIUM LIB. I" in lines and not any("|" in l for l in lines if "ANNALIUM" in l)
    index = html.parse(str(tmp_path / "out" / "html" / "index.html")).getroot()
    assert [norm(a.text_content()) for a in index.xpath("//a[@href='annales.html']")][:1] == ["ANNALIUM LIB. I"]


def test_a_document_without_text_builds_with_a_warning(tmp_path):
    src = tmp_path / "header-only.xml"
    src.write_text(TINY.split("<text>")[0] + "</TEI>", encoding="utf-8")
    proc = run_edition("build", src, "--out", tmp_path / "out", "--format", "html", "--no-search")
    assert proc.returncode == 0, proc.stderr
    assert "header-only.xml:1:1: warning: html: the document has no text" in proc.stderr
    assert (tmp_path / "out" / "html" / "header-only.html").is_file()


def test_pointers_to_notes_elsewhere_cite_them_and_never_move_them(tmp_path):
    src = tmp_path / "calls.xml"
    src.write_text(TINY.replace("</text></TEI>", "</text><standOff><listAnnotation><note xml:id=\"s1\">Kept apart.</note>"
                                "</listAnnotation></standOff></TEI>").format(body=(
        '<div><head><pb n="231"/>Book one</head>'
        '<p>One<ptr type="note" target="#s1"/> two<ptr type="note" target="#s1"/>, see <ref target="#b3"/>;'
        ' another letter <ptr target="other.xml#s1"/>.</p><note xml:id="b3">Standing between paragraphs.</note></div>')),
        encoding="utf-8")
    proc = run_edition("build", src, "--out", tmp_path / "out", "--format", "text", "-q")
    assert proc.returncode == 0, proc.stderr
    txt = (tmp_path / "out" / "text" / "calls.txt").read_text(encoding="utf-8")
    lines = txt.splitlines()
    assert "One[1] two[1], see note 2; another letter ." in lines  # a repeated call; a block note stays
    assert "[2] Standing between paragraphs." in lines and txt.count("Kept apart.") == 1
    assert "|231|" in lines and "1  Book one" in lines  # the heading's page break, before it


def test_a_letters_address_is_a_line_per_line_and_lacunae_need_no_rendering(tmp_path):
    src = tmp_path / "address.xml"
    src.write_text(TINY.format(body='<div type="letter"><opener><address><addrLine>Mrs Ruxton</addrLine>'
                                    '<addrLine>Black Castle</addrLine></address></opener><p>Dear <app><lem wit="#A">aunt</lem>'
                                    '<rdg wit="#B"><lacunaStart/></rdg></app>.</p></div>'), encoding="utf-8")
    proc = run_edition("build", src, "--out", tmp_path / "out", "--format", "html,text", "--no-search")
    assert proc.returncode == 0, proc.stderr
    assert "no specific rendering" not in proc.stderr, proc.stderr
    assert "Mrs Ruxton, Black Castle" in (tmp_path / "out" / "text" / "address.txt").read_text(encoding="utf-8")
    body = html.parse(str(tmp_path / "out" / "html" / "address.html")).getroot()
    assert [norm(l.text_content()) for l in body.xpath(f"//*[{has_class('addrLine')}]")] == ["Mrs Ruxton", "Black Castle"]


def test_several_letters_in_one_file_each_get_their_own_from_and_to(tmp_path):
    src = tmp_path / "two.xml"
    src.write_text(TINY.replace("</fileDesc>", "</fileDesc><profileDesc>"
        "<correspDesc xml:id=\"l1\"><correspAction type=\"sent\"><persName>Amalia Beer</persName><placeName>Berlin</placeName>"
        "</correspAction></correspDesc><correspDesc xml:id=\"l2\"><correspAction type=\"sent\"><persName>Michael Beer</persName>"
        "</correspAction></correspDesc></profileDesc>").format(
        body='<div decls="#l1"><p>Mein lieber Sohn.</p></div><div decls="#l2"><p>Schätzbarster Freund!</p></div>'),
        encoding="utf-8")
    proc = run_edition("build", src, "--out", tmp_path / "out", "--format", "html,text,pdf", "--no-search", "-q")
    assert proc.returncode == 0, proc.stderr
    lines = (tmp_path / "out" / "text" / "two.txt").read_text(encoding="utf-8").splitlines()
    first, second = lines.index("From: Amalia Beer, Berlin"), lines.index("From: Michael Beer")
    assert first < lines.index("Mein lieber Sohn.") < second < lines.index("Schätzbarster Freund!")
    assert lines.count("From: Amalia Beer, Berlin") == 1  # not again in the title block
    page = html.parse(str(tmp_path / "out" / "html" / "two.html")).getroot()
    shown = [norm(" ".join(dl.itertext())) for dl in page.xpath(f"//section//dl[{has_class('correspondence')}]")]
    assert shown == ["From Amalia Beer, Berlin", "From Michael Beer"]
    pdf = pdf_text(tmp_path / "out", "two")
    assert pdf.index("From: Amalia Beer") < pdf.index("Mein lieber Sohn.") < pdf.index("From: Michael Beer")
