"""The web edition: a static site from xslt/html/site.xsl (one compiled stylesheet).

Per text document: `<text-id>.html` (the stylesheet applied to the document). For the whole
edition: index.html, the register pages, apparatus.html (named templates of the same
stylesheet), the TEI sources under tei/ (copied as they are: they are the downloads) and the
static assets of xslt/html/assets/. Python only orchestrates: every page is XSLT output.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path, PurePosixPath

from .. import XSLT_DIR
from ..transform import stylesheet
from . import search_index as search
from .base import Format, Outputs

STYLESHEET = "html/site.xsl"
ASSETS = XSLT_DIR / "html" / "assets"
REGISTER_KINDS = {"person": "persons.html", "place": "places.html", "org": "organisations.html",
                  "work": "works.html"}


def download_paths(corpus) -> dict[Path, str]:
    """Each source's path under tei/ in the site, mirroring the sources' folders."""
    return _download_paths(tuple(s.path for s in corpus.sources))


@lru_cache(maxsize=8)
def _download_paths(sources: tuple[Path, ...]) -> dict[Path, str]:
    # once per set of sources, not once per page (resolve() stats every path)
    paths = [p.resolve() for p in sources]
    if not paths:
        return {}
    common = Path(os.path.commonpath([p.parent for p in paths]))
    return {p: str(PurePosixPath("tei", *p.relative_to(common).parts)) for p in paths}


def companion_files(corpus, options) -> list[str]:
    """The text and PDF editions beside the site in the output folder, as links from it."""
    names = {"text": "txt", "pdf": "pdf"}
    found = []
    for fmt, ext in names.items():
        if fmt in options.companions.split():
            found += [f"../{fmt}/edition.{ext}"] + [f"../{fmt}/{s.id}.{ext}" for s in corpus.texts]
    return found


class HtmlFormat(Format):
    name = "html"
    xslt_folder = "html"
    option_names = ("base_url", "search", "companions")

    def params(self, corpus, options) -> dict:
        """The site-wide parameters, made once per process (every page uses the same)."""
        return dict(corpus.memo(f"html-params:{options.base_url}:{options.search}:{options.companions}",
                                lambda: self._params(corpus, options)))

    def _params(self, corpus, options) -> dict:
        params = corpus.params()
        # lists travel as one string, one item a line (tokenized in site.xsl)
        params["text-id-lines"] = "\n".join(s.id for s in corpus.texts)
        params["base-url"] = options.base_url
        params["search"] = options.search
        params["companion-lines"] = "\n".join(companion_files(corpus, options))
        params["download-lines"] = "\n".join(sorted(download_paths(corpus).values()))
        params["site-facts"] = corpus.memo("html-site-facts", lambda: stylesheet(STYLESHEET).call("site-facts", params))
        return params

    def document_outputs(self, corpus, source, options) -> Outputs:
        params = self.params(corpus, options)
        params["tei-href"] = download_paths(corpus).get(source.path.resolve())
        html = stylesheet(STYLESHEET).apply(corpus.node(source), params)
        return {f"{source.id}.html": html.encode("utf-8")}

    def edition_outputs(self, corpus, options) -> Outputs:
        sheet = stylesheet(STYLESHEET)
        params = self.params(corpus, options)
        out: Outputs = {"index.html": sheet.call("index", params).encode("utf-8")}
        for kind, page in REGISTER_KINDS.items():
            html = sheet.call("register", {**params, "register-kind": kind})
            if html.strip():
                out[page] = html.encode("utf-8")
        for template in ("apparatus", "chronology", "figures") + (("search",) if options.search else ()):
            html = sheet.call(template, params)
            if html.strip():  # '' when the corpus has nothing for the page
                out[f"{template}.html"] = html.encode("utf-8")
        for source, rel in zip(corpus.sources, (download_paths(corpus)[s.path.resolve()] for s in corpus.sources)):
            out[rel] = source.data
        for asset in sorted(ASSETS.rglob("*")):
            if asset.is_file():
                out[str(PurePosixPath("assets", *asset.relative_to(ASSETS).parts))] = asset.read_bytes()
        return out

    def finish(self, folder: Path, options) -> None:
        """The search index over the written pages (Pagefind, run on the staging folder)."""
        if options.search:
            search.index(folder)


FORMAT = HtmlFormat()
