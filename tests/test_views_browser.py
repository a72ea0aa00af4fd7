"""Search, chronology and figures in a real browser (Debian's chromium through playwright).

Uses the shared fixtures of conftest.py (the site over http, chromium, pages that fail the
test when anything is requested outside the site). Screenshots go to test-artifacts/.
"""

from __future__ import annotations

import re

import pytest

from conftest import ARTIFACTS, AXE, CHROMIUM

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.is_file(), reason="/usr/bin/chromium is absent (make test-system installs it)"),
]
WIDTHS = ((1280, 900, "desktop"), (390, 844, "phone"))


def _search(page, base: str, query: str):
    page.goto(base + "search.html")
    box = page.get_by_label("Words or names")
    box.focus()
    page.keyboard.type(query)
    page.keyboard.press("Enter")
    page.wait_for_selector("ol.search-results li.search-result", timeout=10000)
    return page.locator("ol.search-results li.search-result a.result-link")


@pytest.mark.parametrize("query, page_name", [
    ("Kopelev", "gellately.html"),
    ("propiska", "gellately.html"),
    ("Chamberlain", "gunther.html"),
])
def test_search_lands_on_the_paragraph(site, page_at, query, page_name):
    _, base = site
    page = page_at()
    links = _search(page, base, query)
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert any(h.startswith(page_name + "#") for h in hrefs), hrefs
    # every result shows a highlighted snippet
    marks = page.locator("ol.search-results li.search-result .snippet mark")
    assert marks.count() >= len(hrefs)
    assert query.lower() in marks.first.inner_text().lower()
    # follow the first result into the text, with the keyboard
    target = next(h for h in hrefs if h.startswith(page_name + "#"))
    index = hrefs.index(target)
    links.nth(index).focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(re.escape(target) + "$"))
    fragment = target.split("#", 1)[1]
    holder = page.locator(f"[id='{fragment}']")
    assert holder.is_visible()
    assert query.lower() in holder.inner_text().lower()
    assert holder.evaluate("e => e.tagName.toLowerCase()") in ("p", "li", "figure", "blockquote", "section")


def test_search_finds_a_register_entry_by_its_variant(site, page_at):
    _, base = site
    page = page_at()
    links = _search(page, base, "Chamberlain")
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert "persons.html#per-chamberlin" in hrefs, hrefs
    entry = links.nth(hrefs.index("persons.html#per-chamberlin"))
    assert "Chamberlin" in entry.inner_text()  # the section: the entry's standard name
    entry.click()
    page.wait_for_url("**/persons.html#per-chamberlin")
    assert "Chamberlain" in page.locator("#per-chamberlin").inner_text()
    # the kind filter: registers only
    page.goto(base + "search.html?q=Chamberlain")
    page.wait_for_selector("li.search-result")
    page.get_by_label("registers").check()
    page.wait_for_function("[...document.querySelectorAll('li.search-result a')].every(a => a.getAttribute('href').startsWith('persons.html'))")


def test_search_without_javascript_says_so(browser, site):  # noqa: F811
    _, base = site
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base + "search.html")
    assert "JavaScript" in page.locator("main").inner_text()
    context.close()


@pytest.mark.parametrize("width, height, label", WIDTHS)
def test_timeline_and_charts_render(site, page_at, width, height, label):
    folder, base = site
    page = page_at(width, height)
    page.goto(base + "chronology.html")
    rows = page.locator("table#chronology tbody tr").count()
    timeline = page.locator("svg.timeline")
    box = timeline.bounding_box()
    assert box["width"] > 200 and box["height"] > 200 and box["x"] + box["width"] <= width
    marks = page.locator("svg.timeline a.mark")
    assert marks.count() == rows > 0
    points = page.locator("svg.timeline a.mark.point circle").count()
    ranges = page.locator("svg.timeline a.mark.range rect").count()
    assert points + ranges == rows and points > 0 and ranges > 0
    visible = page.evaluate("[...document.querySelectorAll('svg.timeline a.mark')]"
                            ".filter(a => { const r = a.getBoundingClientRect(); return r.width > 0 && r.height > 0; }).length")
    assert visible == rows
    # year labels legible: at least 10 px on screen
    size = page.evaluate("Math.min(...[...document.querySelectorAll('svg.timeline text.year:not(.gap)')]"
                         ".map(t => t.getBoundingClientRect().height))")
    assert size >= 10, size
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.screenshot(path=str(ARTIFACTS / f"views-chronology-{label}.png"), full_page=False)
    timeline.screenshot(path=str(ARTIFACTS / f"views-timeline-{label}.png"))
    # the text filter: one text's marks and rows only
    page.get_by_role("button", name="Text A").click()
    shown = page.evaluate("[...document.querySelectorAll('svg.timeline a.mark')].filter(a => a.getBoundingClientRect().width > 0)"
                          ".map(a => a.dataset.text)")
    assert shown and set(shown) == {"gunther"}
    assert page.locator("table#chronology tbody tr:visible").count() == len(shown)
    page.get_by_role("button", name="All texts").click()
    assert page.locator("table#chronology tbody tr:visible").count() == rows

    page.goto(base + "figures.html")
    expected = {"livestock-chart": 8}
    for chart in ("livestock-chart", "mortality-chart", "deportation-chart"):
        svg = page.locator(f"svg#{chart}")
        box = svg.bounding_box()
        assert box["width"] > 200 and box["height"] > 50 and box["x"] + box["width"] <= width, chart
        bars = page.locator(f"svg#{chart} a.bar rect.value")
        widths = [bars.nth(i).bounding_box()["width"] for i in range(bars.count())]
        assert bars.count() >= 2 and all(w > 0 for w in widths), chart
        if chart in expected:
            assert bars.count() == expected[chart]
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.screenshot(path=str(ARTIFACTS / f"views-figures-{label}.png"), full_page=False)
    page.locator("#livestock").screenshot(path=str(ARTIFACTS / f"views-livestock-{label}.png"))
    page.locator("#mortality").screenshot(path=str(ARTIFACTS / f"views-mortality-{label}.png"))
    _search(page, base, "Kopelev")
    page.screenshot(path=str(ARTIFACTS / f"views-search-{label}.png"), full_page=False)


def test_chronology_without_javascript_shows_everything(browser, site):  # noqa: F811
    _, base = site
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base + "chronology.html")
    assert not page.locator(".text-filter").is_visible()
    rows = page.locator("table#chronology tbody tr")
    assert rows.count() > 0 and page.locator("table#chronology tbody tr:visible").count() == rows.count()
    assert page.locator("svg.timeline a.mark").count() == rows.count()
    context.close()


def test_axe_on_the_new_pages(site, page_at):
    if not AXE.is_file():
        pytest.skip("node_modules/axe-core is missing (npm install)")
    _, base = site
    failures = {}
    for width, height, _label in WIDTHS:
        page = page_at(width, height)
        for name in ("chronology.html", "figures.html", "search.html", "search.html?q=Kopelev"):
            page.goto(base + name)
            if "?q=" in name:
                page.wait_for_selector("li.search-result")
            page.add_script_tag(path=str(AXE))
            result = page.evaluate("async () => (await axe.run(document)).violations.map("
                                   "v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))")
            if result:
                failures[f"{name}@{width}"] = result
    assert not failures, failures
