"""The web edition in a real browser: Debian's chromium driven by playwright, over http.

Never downloads a browser: uses /usr/bin/chromium and is skipped when it is absent.
Screenshots (desktop 1280 px, phone 390 px) go to test-artifacts/ at the repo root.
"""

from __future__ import annotations


import pytest

from conftest import ARTIFACTS, AXE, CHROMIUM, run_edition, serving

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.is_file(), reason="/usr/bin/chromium is absent (make test-system installs it)"),
]


def test_footnote_opens_on_click(site, page_at):
    folder, base = site
    page = page_at(390, 844)
    page.goto(base + "gunther.html")
    mark = page.locator("a.note-ref.type-footnote").first
    note = page.locator("#" + mark.get_attribute("data-note"))
    assert not note.is_visible()
    mark.click()
    assert note.is_visible()
    assert mark.get_attribute("aria-expanded") == "true"
    assert note.inner_text().strip()
    page.keyboard.press("Escape")
    assert not note.is_visible()
    # on a wide screen the note is beside the text, in the margin
    wide = page_at(1280)
    wide.goto(base + "gunther.html")
    mark = wide.locator("a.note-ref.type-footnote").first
    note = wide.locator("#" + mark.get_attribute("data-note"))
    assert note.is_visible()
    text_box = wide.locator("main p").first.bounding_box()
    note_box = note.bounding_box()
    assert note_box["x"] > text_box["x"] + text_box["width"] - 1


def test_person_link_to_register_and_back(site, page_at):
    _, base = site
    page = page_at()
    page.goto(base + "gunther.html")
    link = page.locator("main a.name.kind-person[href^='persons.html#']").first
    entry_id = link.get_attribute("href").split("#")[1]
    paragraph_id = link.evaluate("a => a.closest('[id]:is(p, li, figure, h2, h3)').id")
    link.click()
    page.wait_for_url(f"**/persons.html#{entry_id}")
    back = page.locator(f"#{entry_id} a.occ[href$='#{paragraph_id}']")
    assert back.count() == 1
    back.click()
    page.wait_for_url(f"**/gunther.html#{paragraph_id}")
    assert page.locator(f"#{paragraph_id}").is_visible()


def test_reading_switch_shows_the_correction(site, page_at):
    _, base = site
    page = page_at()
    page.goto(base + "gunther.html")
    choice = page.locator(".choice.intervention", has_text="Chamberlin").first
    assert "Chamberlain" in choice.inner_text() and "Chamberlin" not in choice.inner_text()
    page.get_by_label("corrected").check()
    assert "Chamberlin" in choice.inner_text() and "Chamberlain" not in choice.inner_text()
    # remembered on the next page
    page.goto(base + "gellately.html")
    assert page.locator("#reading-corrected").is_checked()


def test_reading_switch_without_javascript(browser, site):
    _, base = site
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base + "gunther.html")
    choice = page.locator(".choice.intervention", has_text="Chamberlin").first
    assert "Chamberlain" in choice.inner_text()
    page.get_by_label("corrected").check()
    assert "Chamberlin" in choice.inner_text()
    context.close()


def test_keyboard_opens_a_note(site, page_at):
    _, base = site
    page = page_at(390, 844)
    page.goto(base + "gunther.html")
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('note-ref')"):
            break
    else:
        pytest.fail("no note mark reached with Tab")
    note_id = page.evaluate("document.activeElement.dataset.note")
    assert not page.locator(f"#{note_id}").is_visible()
    page.keyboard.press("Enter")
    assert page.locator(f"#{note_id}").is_visible()


def test_axe_on_every_page(site, page_at):
    if not AXE.is_file():
        pytest.skip("node_modules/axe-core is missing (npm install)")
    folder, base = site
    page = page_at()
    failures = {}
    for html in sorted(p.relative_to(folder).as_posix() for p in folder.glob("*.html")):
        page.goto(base + html)
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("async () => (await axe.run(document)).violations.map("
                               "v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))")
        if result:
            failures[html] = result
    assert not failures, failures


def test_screenshots(site, page_at):
    _, base = site
    ARTIFACTS.mkdir(exist_ok=True)
    for width, label in ((1280, "desktop"), (390, "phone")):
        page = page_at(width, 900 if width > 600 else 844)
        for name in ("index.html", "gunther.html", "persons.html", "apparatus.html"):
            page.goto(base + name)
            path = ARTIFACTS / f"html-{name[:-5]}-{label}.png"
            page.screenshot(path=str(path), full_page=False)
            assert path.stat().st_size > 5000
        page.goto(base + "gunther.html")
        page.locator("a.note-ref.type-footnote").first.click()
        page.screenshot(path=str(ARTIFACTS / f"html-gunther-note-{label}.png"))


VERSE = """<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Verse</title></titleStmt>
<publicationStmt><p>Test.</p></publicationStmt><sourceDesc><p>Written for the tests.</p></sourceDesc></fileDesc>
</teiHeader><text xml:lang="{lang}"><body><lg>{lines}</lg></body></text></TEI>"""


@pytest.mark.parametrize("lang, words", [("en", "the line"), ("he", "שורה אחת")])
def test_verse_numbers_stand_in_the_margin_on_the_side_lines_begin(browser, tmp_path, lang, words):
    """Every fifth line's number beside the line, outside it, left of a left-to-right line and
    right of a right-to-left one (measured in the browser: the ::before box against the line's text)."""
    src = tmp_path / f"{lang}.xml"
    src.write_text(VERSE.format(lang=lang, lines="".join(f'<l n="{i}">{words} {i}</l>' for i in range(1, 6))),
                   encoding="utf-8")
    proc = run_edition("build", src, "--out", tmp_path / "out", "--format", "html", "--no-search", "-q")
    assert proc.returncode == 0, proc.stderr
    with serving(tmp_path / "out" / "html") as base:
        context = browser.new_context(viewport={"width": 1100, "height": 800})
        page = context.new_page()
        page.goto(f"{base}/{lang}.html")
        box = page.evaluate("""() => {
            const l = document.querySelector('[data-line="5"]');
            const range = document.createRange(); range.selectNodeContents(l);
            const text = range.getBoundingClientRect(), line = l.getBoundingClientRect();
            const before = getComputedStyle(l, '::before');
            const left = parseFloat(before.left), right = parseFloat(before.right), width = parseFloat(before.width);
            // the ::before box in page coordinates, from its resolved offsets within the line box
            const x0 = isNaN(left) ? line.right - right - width : line.left + left;
            return {content: before.content, x0: x0, x1: x0 + width, textLeft: text.left, textRight: text.right};
        }""")
        context.close()
    assert box["content"] == '"5"'
    if lang == "en":
        assert box["x1"] <= box["textLeft"]
    else:
        assert box["x0"] >= box["textRight"]
