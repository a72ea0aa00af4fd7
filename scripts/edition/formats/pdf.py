"""The print edition: xslt/print/print.xsl writes print HTML, WeasyPrint lays it out as PDF.

Outputs: `<text-id>.pdf` per text (an offprint: title block, text, apparatus, chronology;
one layout) and `edition.pdf`, the whole book (front matter, introduction, texts, apparatus,
chronology, indexes), which is also PDF/A-3b for archiving (one file for reader and archive:
WeasyPrint embeds every font as PDF/A requires and adds an sRGB output intent and XMP
metadata; see `PDFA_VARIANT`).

The book is laid out twice (`PdfFormat.book`): a first layout with the back matter reduced
to its titles measures on which page every place the back matter refers to falls; the
stylesheet receives that map ($page-map) and prints the pages as text: in the indexes each
page once per entry, merged into ranges; in the apparatus and the chronology the page of
each entry (no target-counter(): WeasyPrint lays those pages out again for it). The second
layout is the book. The back matter comes after everything it points at, so the second
layout cannot move those places; the build checks it (and lays out once more if not).

Python only orchestrates: the stylesheet receives the build options as parameters and
returns HTML; WeasyPrint renders it with a URL fetcher that reads nothing but the files of
xslt/print/ (print.css): no network, no file elsewhere, whatever the TEI says.

Reproducible: the PDF's dates come from SOURCE_DATE_EPOCH (else from the edition's
publication date), its file identifier from a hash of the HTML, WeasyPrint's font subset
names from the font data; two builds of the same sources give identical bytes.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from .. import XSLT_DIR, __version__, clock, transform
from ..errors import BuildError
from .base import Format, Outputs

if TYPE_CHECKING:
    from ..build import BuildOptions
    from ..corpus import Corpus
    from ..sources import Source

log = logging.getLogger("edition")

PRINT_DIR = XSLT_DIR / "print"
STYLESHEET = "print/print.xsl"
PDFA_VARIANT = "pdf/a-3b"


def build_date() -> str:
    """SOURCE_DATE_EPOCH as a W3C date-time (UTC), or '' when unset."""
    when = clock.source_date()
    return when.strftime("%Y-%m-%dT%H:%M:%SZ") if when else ""


def _fetcher_class():
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class LocalFetcher(URLFetcher):
        """Serves file: URLs inside xslt/print/ and refuses everything else."""

        def __init__(self, root: Path):
            super().__init__(allowed_protocols=("file",))
            self.root = root.resolve()

        def fetch(self, url, headers=None):
            parts = urlsplit(url)
            if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
                raise ValueError(f"refused: {url} (the print edition fetches no URL)")
            path = Path(unquote(parts.path)).resolve()
            if not path.is_relative_to(self.root) or not path.is_file():
                raise ValueError(f"refused: {url} (only files in {self.root} are read)")
            return URLFetcherResponse(path.as_uri(), path.read_bytes(),
                                      {"Content-Type": "text/css" if path.suffix == ".css" else
                                       "application/octet-stream"})

    return LocalFetcher


_fetcher = None


def url_fetcher():
    global _fetcher
    if _fetcher is None:
        _fetcher = _fetcher_class()(PRINT_DIR)
    return _fetcher


_font_config = None


def layout(html: str):
    """Print HTML -> a laid-out WeasyPrint Document (pages with their anchors)."""
    import weasyprint
    from weasyprint.text.fonts import FontConfiguration

    global _font_config
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    if _font_config is None:
        _font_config = FontConfiguration()
    try:
        return weasyprint.HTML(string=html, base_url=PRINT_DIR.as_uri() + "/",
                               url_fetcher=url_fetcher()).render(font_config=_font_config)
    except Exception as exc:  # WeasyPrint raises many kinds; the build reports one
        raise BuildError(f"pdf: WeasyPrint failed: {exc}") from exc


def write(document, html: str, variant: str | None = None) -> bytes:
    """A laid-out Document -> PDF bytes (deterministic for the same HTML and environment)."""
    identifier = hashlib.sha256(html.encode("utf-8")).hexdigest()[:32].encode()
    try:
        return document.write_pdf(pdf_variant=variant, pdf_identifier=identifier)
    except Exception as exc:
        raise BuildError(f"pdf: WeasyPrint failed: {exc}") from exc


def render_pdf(html: str, variant: str | None = None) -> bytes:
    """Print HTML -> PDF bytes in one layout."""
    return write(layout(html), html, variant)


def anchor_pages(document) -> dict[str, int]:
    """{anchor id: page number} of a layout (the first page where an id stands)."""
    pages: dict[str, int] = {}
    for number, page in enumerate(document.pages, start=1):
        for anchor in page.anchors:
            pages.setdefault(anchor, number)
    return pages


def page_map(pages: dict[str, int], anchors: list[str]) -> str:
    """The stylesheet's $page-map: 'id page' per line for the anchors the layout placed
    (one in an element that is not displayed has no page: the stylesheet falls back to
    target-counter for it)."""
    missing = [a for a in anchors if a not in pages]
    if missing:
        log.info("pdf: %d place(s) not laid out: %s", len(missing), ", ".join(missing[:5]))
    return "\n".join(f"{a} {pages[a]}" for a in anchors if a in pages)


MAX_LAYOUTS = 3


class PdfFormat(Format):
    name = "pdf"
    xslt_folder = "print"
    option_names = ("page_size",)
    costly_per_document = True  # WeasyPrint's layout: seconds a document

    def params(self, corpus: "Corpus", options: "BuildOptions") -> dict:
        return {**corpus.params(), "page-size": options.page_size, "build-date": build_date(),
                "generator": f"edition {__version__}"}

    def print_html(self, corpus: "Corpus", source: "Source | None", options: "BuildOptions",
                   **extra) -> str:
        """The print HTML for one text (source) or the whole edition (None); extra:
        stylesheet parameters (measure=True, page_map='id page\n...')."""
        sheet = transform.stylesheet(STYLESHEET)
        params = {**self.params(corpus, options), **{k.replace("_", "-"): v for k, v in extra.items()}}
        if source is None:
            return sheet.call("edition", params)
        return sheet.apply(corpus.node(source), params)

    def measured_anchors(self, corpus: "Corpus", options: "BuildOptions") -> list[str]:
        """The ids of the places the book's back matter gives pages for."""
        text = transform.stylesheet(STYLESHEET).call("measured-anchors", self.params(corpus, options))
        return [a for a in text.split("\n") if a]

    def book(self, corpus: "Corpus", options: "BuildOptions"):
        """The whole edition, laid out until the back matter's pages are right: (html,
        Document, number of layouts). The first layout measures (back matter as titles
        only); each further one prints the back matter from the pages measured by the one
        before, and must put every measured place where the one before did."""
        anchors = self.measured_anchors(corpus, options)
        document = layout(self.print_html(corpus, None, options, measure=True))
        for count in range(2, MAX_LAYOUTS + 1):
            measured = anchor_pages(document)
            html = self.print_html(corpus, None, options, page_map=page_map(measured, anchors))
            document = layout(html)
            pages = anchor_pages(document)
            moved = [a for a in anchors if pages.get(a) != measured.get(a)]
            if not moved:
                return html, document, count
            log.info("pdf: layout %d moved %d measured place(s) (%s); laying out again",
                     count, len(moved), ", ".join(moved[:3]))
        raise BuildError(f"pdf: the back matter's pages did not settle after {MAX_LAYOUTS} layouts "
                         f"({', '.join(moved[:5])} moved)")

    def document_outputs(self, corpus, source, options) -> Outputs:
        html = self.print_html(corpus, source, options)
        return {f"{source.id}.pdf": render_pdf(html)}  # ids are distinct (Corpus)

    def edition_outputs(self, corpus, options) -> Outputs:
        if not corpus.texts:
            return {}
        html, document, _ = self.book(corpus, options)
        return {"edition.pdf": write(document, html, variant=PDFA_VARIANT)}


FORMAT = PdfFormat()
