"""Hostile and broken input through the build (issue 11): clear errors, nothing read or run.

The validator's own hostile tests are in test_validate.py; these drive `edition build`,
including the XSLT step and, in a real browser, the web edition of a hostile TEI file.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from conftest import run_edition, serving

HEAD = ('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>T</title></titleStmt>'
        '<publicationStmt><p>x</p></publicationStmt><sourceDesc><p>x</p></sourceDesc></fileDesc></teiHeader>'
        '<text><body>')
TAIL = "</body></text></TEI>"
SECRET_TOKEN = "s3cret-7f1c9e-token"


def tei(body: str) -> str:
    return HEAD + body + TAIL


def hostile(secret: Path) -> dict[str, str]:
    """Documents that try to expand, read or fetch; `secret` lies outside the sources."""
    return {
        "bomb.xml": '<?xml version="1.0"?><!DOCTYPE TEI [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
                '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>'
                + tei("<p>&d;</p>"),
        "xxe-file.xml": f'<?xml version="1.0"?><!DOCTYPE TEI [<!ENTITY x SYSTEM "file://{secret}">]>' + tei("<p>&x;</p>"),
        "xxe-url.xml": '<?xml version="1.0"?><!DOCTYPE TEI [<!ENTITY x SYSTEM "http://127.0.0.1:9/x">]>' + tei("<p>&x;</p>"),
        "xinclude.xml": tei(f'<p><xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="{secret}" parse="text"/></p>'),
        "xinclude-up.xml": tei('<p><xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="../secret.txt" parse="text"/></p>'),
        "xinclude-url.xml": tei('<p><xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="http://127.0.0.1:9/x"/></p>'),
    }


@pytest.mark.parametrize("name", sorted(hostile(Path("/x"))))
def test_hostile_document_is_refused_and_nothing_leaks(tmp_path, name):
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET_TOKEN)
    src = tmp_path / "src"
    src.mkdir()
    (src / name).write_text(hostile(secret)[name])
    (src / "good.xml").write_text(tei("<p>The good one.</p>"))
    out = tmp_path / "out"
    result = run_edition("build", "--format", "text,html", "--out", out, src, cwd=tmp_path, timeout=60)
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if name in line]
    assert len(lines) == 1 and ": error: " in lines[0], result.stderr
    assert lines[0].split(":")[1].isdigit() and lines[0].split(":")[2].isdigit()
    assert (out / "text" / "good.txt").is_file()
    everything = b"".join(p.read_bytes() for p in out.rglob("*") if p.is_file())
    assert SECRET_TOKEN.encode() not in everything and b"aaaaaaaaaaaaaaaaaaaa" not in everything
    assert SECRET_TOKEN not in result.stderr + result.stdout


def test_resource_limits_deep_nesting_and_huge_text_node(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "deep.xml").write_text(tei("<div>" * 3000 + "<p>x</p>" + "</div>" * 3000))
    with open(src / "huge.xml", "wb") as handle:  # a 200 MB text node
        handle.write((HEAD + "<p>").encode())
        chunk = b"a" * (1 << 20)
        for _ in range(200):
            handle.write(chunk)
        handle.write(("</p>" + TAIL).encode())
    result = run_edition("build", "--format", "text", "--out", tmp_path / "out", src, cwd=tmp_path, timeout=120)
    assert result.returncode == 1
    assert "deep.xml:1:" in result.stderr and "huge.xml:1:" in result.stderr
    assert "safety limit" in result.stderr


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-be"])
def test_bom_and_utf16_documents_build_correctly(tmp_path, encoding):
    doc = tmp_path / "doc.xml"
    declared = "UTF-16" if encoding.startswith("utf-16") else "UTF-8"
    doc.write_bytes((f'<?xml version="1.0" encoding="{declared}"?>' + tei("<p>Жёлтый café</p>")).encode(encoding))
    result = run_edition("build", "--format", "text,html", "--out", tmp_path / "out", doc, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Жёлтый café" in (tmp_path / "out" / "text" / "doc.txt").read_text(encoding="utf-8")
    assert "Жёлтый café" in (tmp_path / "out" / "html" / "doc.html").read_text(encoding="utf-8")


def test_invalid_utf8_is_a_clear_error(tmp_path):
    doc = tmp_path / "doc.xml"
    doc.write_bytes((HEAD + "<p>caf").encode() + b"\xe9\xff" + ("</p>" + TAIL).encode())
    result = run_edition("build", "--format", "text", "--out", tmp_path / "out", doc, cwd=tmp_path)
    assert result.returncode == 1
    assert "doc.xml:1:" in result.stderr and "encoding" in result.stderr


SCRIPTED = tei(
    '<p xml:id="p1">Click <ref target="javascript:alert(1)">here</ref>, '
    '<ptr target="javascript:alert(2)"/> <ref target="file:///etc/passwd">there</ref> '
    '<persName ref="javascript:alert(3)">Nobody</persName> '
    '<hi rend="x&quot; onmouseover=&quot;alert(4)">hover</hi> '
    '<ref target="&quot; onclick=&quot;alert(5)">quote</ref> '
    '&lt;script&gt;alert(6)&lt;/script&gt; &lt;img src=x onerror=alert(7)&gt;'
    '<graphic url="javascript:alert(8)"/><graphic url="data:text/html,&lt;script&gt;alert(9)&lt;/script&gt;"/>'
    '<note xml:id="n1" n="1">A note <ref target="vbscript:msgbox(10)">vb</ref></note></p>')


def test_hostile_attributes_do_not_become_script_in_html(tmp_path):
    from lxml import html as lhtml

    doc = tmp_path / "scripted.xml"
    doc.write_text(SCRIPTED)
    result = run_edition("build", "--format", "html", "--out", tmp_path / "out", doc, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    page = lhtml.parse(str(tmp_path / "out" / "html" / "scripted.html")).getroot()
    for el in page.iter():
        if not isinstance(el.tag, str):
            continue
        for attr, value in el.attrib.items():
            assert not attr.lower().startswith("on"), (el.tag, attr, value)
            if attr in ("href", "src", "action", "formaction", "data"):
                assert not value.strip().lower().startswith(("javascript:", "vbscript:", "data:", "file:")), value
    for script in page.iter("script"):
        assert "alert(" not in (script.text or "")
    assert "<script>alert(6)</script>" in page.text_content()


@pytest.mark.browser
def test_no_script_runs_from_a_hostile_tei_file_in_the_browser(tmp_path, browser):
    doc = tmp_path / "scripted.xml"
    doc.write_text(SCRIPTED)
    assert run_edition("build", "--format", "html", "--out", tmp_path / "out", doc, cwd=tmp_path).returncode == 0
    with serving(tmp_path / "out" / "html") as base:
        _click_everything(browser, base + "scripted.html")


def _click_everything(browser, url: str) -> None:
    dialogs: list[str] = []
    clicked = 0
    context = browser.new_context()
    try:
        page = context.new_page()
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(url)
        page.evaluate("alert('probe')")  # the listener works: this one must be seen
        urls = page.evaluate("[...document.querySelectorAll('[href],[src],[action]')]"
                             ".map(e => e.getAttribute('href') || e.getAttribute('src') || e.getAttribute('action'))")
        assert not [u for u in urls if u.strip().lower().startswith(("javascript:", "vbscript:", "data:"))]
        # fire mouseover, focus and click on every element that could carry a handler (the hostile
        # spans, links, notes, switches): an injected on* attribute would run
        # (links keep the page: their default action is cancelled; on* handlers still run)
        page.evaluate("document.addEventListener('click', e => e.preventDefault(), true)")
        targets = page.query_selector_all("a, button, span, [tabindex], p, div")
        for target in targets:
            for event in ("mouseover", "focus", "click"):
                target.dispatch_event(event)
            clicked += 1
        page.wait_for_timeout(300)
    finally:
        context.close()
    assert dialogs == ["probe"]
    assert clicked >= 5, f"only {clicked} elements were tried"


def test_urls_in_attributes_are_never_fetched_in_any_format(tmp_path):
    """doc(), unparsed-text(), WeasyPrint's fetcher: nothing a TEI attribute names is read."""
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET_TOKEN)
    svg = tmp_path / "secret.svg"
    svg.write_text(f'<svg xmlns="http://www.w3.org/2000/svg"><text>{SECRET_TOKEN}</text></svg>')
    doc = tmp_path / "src" / "urls.xml"
    doc.parent.mkdir()
    doc.write_text(tei(
        f'<p xml:id="p1">See <ref target="file://{secret}">this</ref>, <ref target="../secret.txt">that</ref>, '
        f'<ptr target="{secret}"/> <title ref="file://{secret}">A work</title> and '
        f'<figure><graphic url="file://{svg}"/><graphic url="../secret.svg"/></figure>'
        f'<figure><graphic url="http://127.0.0.1:9/x.png"/></figure>.</p>'))
    out = tmp_path / "out"
    result = run_edition("build", "--out", out, doc.parent, cwd=tmp_path, timeout=300)
    assert result.returncode == 0, result.stderr
    assert (out / "pdf" / "urls.pdf").is_file()
    everything = b"".join(p.read_bytes() for p in out.rglob("*") if p.is_file())
    assert SECRET_TOKEN.encode() not in everything
    text = subprocess.run(["pdftotext", str(out / "pdf" / "urls.pdf"), "-"], capture_output=True, text=True,
                          check=True)
    assert "A work" in text.stdout and SECRET_TOKEN not in text.stdout
