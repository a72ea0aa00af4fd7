"""The chronology, figures and search pages and the search index, read back with lxml.

Checked against the TEI: every tagged date is on the chronology once, in order, linked to the
paragraph that holds it; every figure with a value is in a figures table with the same
values; the livestock fall in per cent agrees with the values; the charts have one bar per
figure; pages are skipped for a corpus without dates or figures; the Pagefind index exists
and two builds are byte-identical; the new pages are valid HTML5 (Nu Html Checker).
"""

from __future__ import annotations

import hashlib
import subprocess
from decimal import Decimal
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from lxml import etree, html

from edition.build import BuildOptions, build

ROOT = Path(__file__).resolve().parents[1]
TEI_NS = "http://www.tei-c.org/ns/1.0"
NS = {"t": TEI_NS}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
EDITION = ROOT / "tei"
FIXTURES = ROOT / "tests" / "fixtures" / "html"
PLAIN = ROOT / "tests" / "fixtures" / "views" / "plain.xml"
SVG = "{http://www.w3.org/2000/svg}"
DATE_ATTRS = ("when", "from", "to", "notBefore", "notAfter")

pytestmark = pytest.mark.skipif(not (EDITION / "texts").is_dir(), reason="the edition's TEI is not there yet")


def _build(sources: list[Path], out: Path) -> Path:
    report = build([str(s) for s in sources], out, BuildOptions(formats="html", quiet=True, progress=False))
    assert report.errors == 0, [str(d) for d in report.diagnostics]
    return out / "html"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return _build([EDITION], tmp_path_factory.mktemp("views"))


def _texts() -> list[etree._ElementTree]:
    return [etree.parse(str(p)) for p in sorted((EDITION / "texts").glob("*.xml"))]


def _page(folder: Path, name: str):
    return html.parse(str(folder / name)).getroot()


def _ids(doc) -> dict[str, object]:
    return {el.get("id"): el for el in doc.iter() if isinstance(el.tag, str) and el.get("id")}


def _sort_key(date) -> tuple[str, str]:
    start = next((date.get(a) for a in ("when", "from", "notBefore", "to", "notAfter") if date.get(a)), "")
    end = next((date.get(a) for a in ("to", "notAfter", "when") if date.get(a)), "")
    return start, end


# ---------------------------------------------------------------- chronology

def test_every_date_on_the_chronology_in_order(site):
    page = _page(site, "chronology.html")
    rows = page.xpath("//table[@id='chronology']/tbody/tr")
    dates = {d.get(XML_ID): d for t in _texts()
             for d in t.xpath("//t:text//t:date", namespaces=NS) if any(d.get(a) for a in DATE_ATTRS)}
    assert dates, "the edition has tagged dates"
    shown = [r.get("id").removeprefix("chr-") for r in rows]
    assert sorted(shown) == sorted(dates), "each date exactly once"
    keys = [_sort_key(dates[i]) for i in shown]
    assert keys == sorted(keys), "in order of date"
    for row in rows:
        date = dates[row.get("id").removeprefix("chr-")]
        value = date.get("when") or (f"{date.get('from', '')}/{date.get('to', '')}" if date.get("from") or date.get("to")
                                     else f"{date.get('notBefore', '')}..{date.get('notAfter', '')}")
        assert row.get("data-date") == value
        # the normalised value is machine-readable in <time datetime>
        assert {t.get("datetime") for t in row.xpath(".//time")} == {date.get(a) for a in DATE_ATTRS if date.get(a)}
        # the certainty column says what @cert says
        cert = row.xpath("string(td[@class='cert'])")
        assert (date.get("cert") or "as printed") in cert
        # the sentence quotes the date's words, marked
        words = " ".join("".join(date.itertext()).split())
        if words:
            assert row.xpath("string(.//span[@class='sentence']/mark)") == words


def test_chronology_links_land_on_the_paragraph_holding_the_date(site):
    page = _page(site, "chronology.html")
    pages: dict[str, dict] = {}
    for row in page.xpath("//table[@id='chronology']/tbody/tr"):
        date_id = row.get("id").removeprefix("chr-")
        href = row.xpath("string(td[@class='where']/a/@href)")
        target, fragment = href.split("#")
        ids = pages.setdefault(target, _ids(_page(site, target)))
        holder = ids[unquote(fragment)]
        assert holder.tag in ("p", "li", "figure", "h2", "h3", "blockquote", "aside", "section", "span"), holder.tag
        assert any(el.get("id") == date_id for el in holder.iter()), (date_id, href)


def test_timeline_has_a_mark_per_date(site):
    page = _page(site, "chronology.html")
    svg = page.xpath("//svg[contains(@class,'timeline')]")
    assert len(svg) == 1
    svg = svg[0]
    marks = svg.xpath(".//a[contains(@class,'mark')]")
    rows = page.xpath("//table[@id='chronology']/tbody/tr")
    assert len(marks) == len(rows)
    points = [m for m in marks if "point" in m.get("class").split()]
    ranges = [m for m in marks if "range" in m.get("class").split()]
    whens = [r for r in rows if "/" not in r.get("data-date") and ".." not in r.get("data-date")]
    assert len(points) == len(whens) and len(ranges) == len(rows) - len(whens)
    assert all(m.xpath("circle") for m in points) and all(m.xpath("rect") for m in ranges)
    assert all(m.get("href") and m.xpath("string(title)") for m in marks), "each mark a link with a title"
    assert svg.get("viewbox") or svg.get("viewBox")
    assert svg.xpath("title") and svg.xpath("desc")
    # years on the axis: the first and last year of the dates
    years = {int(r.get("data-date")[:4]) for r in rows}
    labels = svg.xpath(".//text[contains(@class,'year')]/text()")
    assert str(min(years)) in labels[0] and str(max(years)) in labels[-1]


# ---------------------------------------------------------------- figures

def _values(fig) -> set[Decimal]:
    out = {Decimal(fig.get("quantity"))} if fig.get("quantity") else set()
    for num in fig.iter(f"{{{TEI_NS}}}num"):
        out |= {Decimal(num.get(a)) for a in ("value", "min", "max", "atLeast", "atMost") if num.get(a)}
    return out


def test_every_figure_with_a_value_in_a_table(site):
    page = _page(site, "figures.html")
    figures = [m for t in _texts() for m in t.xpath("//t:text//t:measure | //t:text//t:num[not(ancestor::t:measure)]",
                                                    namespaces=NS) if _values(m)]
    measures = [m for m in figures if m.tag == f"{{{TEI_NS}}}measure"]
    assert measures
    for fig in figures:
        fid = fig.get(XML_ID)
        rows = page.xpath(f"//table//tr[@data-ref='{fid}']")
        assert rows, fid
        shown = {Decimal(v) for v in rows[-1].xpath(".//data/@value")}
        assert _values(fig) <= shown, (fid, _values(fig), shown)
        # and the row links back to the paragraph stating the figure
        href = rows[-1].xpath("string(.//a[contains(@class,'where')]/@href)")
        target, fragment = href.split("#")
        holder = _ids(_page(site, target))[unquote(fragment)]
        assert any(el.get("id") == fid for el in holder.iter()), (fid, href)


def test_livestock_fall_computed_from_the_values(site):
    page = _page(site, "figures.html")
    rows = page.xpath("//table[contains(@class,'livestock')]/tbody/tr")
    by_id = {m.get(XML_ID): m for t in _texts() for m in t.xpath("//t:measure[@type='livestock']", namespaces=NS)}
    assert len(rows) == 4
    for row in rows:
        a, b = (by_id[i] for i in row.get("data-ref").split())
        assert a.get("commodity") == b.get("commodity")
        va, vb = Decimal(a.get("quantity")), Decimal(b.get("quantity"))
        change = Decimal(row.xpath("string(td[contains(@class,'change')]/data/@value)"))
        assert abs(change - (vb - va) / va * 100) < Decimal("0.01")
        assert row.xpath("string(td[contains(@class,'change')])").startswith("−")
    horses = page.xpath("//table[contains(@class,'livestock')]//data[@value='33500000']")
    assert horses and horses[0].text == "33,500,000"
    chart = page.xpath("//svg[@id='livestock-chart']//a[contains(@class,'bar')]")
    assert len(chart) == 2 * len(rows)
    assert any("33.5 million" in "".join(a.itertext()) for a in chart)


def test_mortality_by_author_and_deportation_charts(site):
    page = _page(site, "figures.html")
    texts = _texts()
    mortality = [m for t in texts for m in t.xpath("//t:measure[@type='mortality']", namespaces=NS)]
    deportation = [m for t in texts for m in t.xpath("//t:measure[@type='deportation']", namespaces=NS)]
    rows = page.xpath("//table[contains(@class,'mortality')]/tbody/tr")
    assert sorted(r.get("data-ref") for r in rows) == sorted(m.get(XML_ID) for m in mortality)
    werth = [r for r in rows if "Werth" in r.xpath("string(th)")]
    assert len(werth) == len([m for m in mortality if m.get("source") == "#per-werth"])
    assert len(page.xpath("//svg[@id='mortality-chart']//a[contains(@class,'bar')]")) == len(mortality)
    assert len(page.xpath("//svg[@id='deportation-chart']//a[contains(@class,'bar')]")) == len(deportation)
    # a range is drawn as a bar with its upper part
    ranges = [m for m in mortality if m.find(f"{{{TEI_NS}}}num[@min]") is not None]
    assert len(page.xpath("//svg[@id='mortality-chart']//rect[@class='upper']")) == len(ranges)


# ---------------------------------------------------------------- navigation, skipping

def test_new_pages_linked_from_navigation_and_contents(site):
    for name in ("index.html", "gunther.html", "persons.html", "chronology.html"):
        nav = _page(site, name).xpath("//header//nav//a/@href")
        assert {"chronology.html", "figures.html", "search.html"} <= set(nav), name
    contents = _page(site, "index.html").xpath("//main//a/@href")
    assert {"chronology.html", "figures.html", "search.html"} <= set(contents)
    current = _page(site, "figures.html").xpath("//header//nav//a[@aria-current='page']/@href")
    assert current == ["figures.html"]


def test_pages_skipped_without_dates_or_figures(tmp_path):
    folder = _build([PLAIN], tmp_path)
    assert not (folder / "chronology.html").exists() and not (folder / "figures.html").exists()
    assert (folder / "search.html").is_file() and (folder / "pagefind" / "pagefind.js").is_file()
    nav = _page(folder, "plain.html").xpath("//header//nav//a/@href")
    assert "search.html" in nav and "chronology.html" not in nav and "figures.html" not in nav


# ---------------------------------------------------------------- search index

def test_search_index_marks_and_excludes(site):
    for name, kind in (("gunther.html", "Texts"), ("persons.html", "Registers"), ("index.html", "Introduction")):
        main = _page(site, name).xpath("//main")[0]
        assert "data-pagefind-body" in main.attrib and main.get("data-pagefind-meta") == f"kind:{kind}", name
    for name in ("search.html", "chronology.html", "figures.html"):
        assert "data-pagefind-body" not in _page(site, name).xpath("//main")[0].attrib, name
    bundle = site / "pagefind"
    assert (bundle / "pagefind.js").is_file() and list((bundle / "fragment").iterdir())
    search = _page(site, "search.html")
    assert search.xpath("//form[@role='search']//input[@type='search']/@id") == ["search-q"]
    assert search.xpath("//label[@for='search-q']")
    assert "JavaScript" in search.xpath("string(//noscript)")
    # everything the page loads is local
    for src in search.xpath("//script/@src | //link/@href | //form/@data-index"):
        assert not urlsplit(src).scheme and (site / src).is_file(), src


def _tree_digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_builds_byte_identical(site, tmp_path):
    again = _build([EDITION], tmp_path)
    assert _tree_digest(again) == _tree_digest(site)


# ---------------------------------------------------------------- HTML5

@pytest.mark.skipif(not VNU.is_file(), reason="node_modules/vnu-jar is missing (npm install)")
def test_new_pages_valid_html5(site):
    pages = [str(site / n) for n in ("chronology.html", "figures.html", "search.html", "index.html")]
    done = subprocess.run(["java", "-jar", str(VNU), "--errors-only", *pages], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
