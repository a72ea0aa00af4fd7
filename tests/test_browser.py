"""The web edition in a real browser: Debian's chromium driven by playwright, over http.

Never downloads a browser: uses /usr/bin/chromium and is skipped when it is absent.
Screenshots (desktop 1280 px, phone 390 px) go to test-artifacts/ at the repo root.
"""

from __future__ import annotations


import pytest

from conftest import ARTIFACTS, AXE, CHROMIUM

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
