"""The plain-text scholarly edition: xslt/text/ (XSLT 3.0, text output method).

`<text-id>.txt` per text document (the stylesheet's initial template, applied to the
document) and `edition.txt` with everything (the named template `edition`). The line width
is the `width` option (`edition build --width N`), passed as an xs:integer parameter.
Python only calls the stylesheet and encodes its string result as UTF-8.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import transform
from .base import Format, Outputs

if TYPE_CHECKING:
    from ..build import BuildOptions
    from ..corpus import Corpus
    from ..sources import Source

STYLESHEET = "text/text.xsl"


class TextFormat(Format):
    name = "text"
    xslt_folder = "text"
    option_names = ("width",)

    def _params(self, corpus: "Corpus", options: "BuildOptions") -> dict:
        return {**corpus.params(), "width": options.width}

    def document_outputs(self, corpus: "Corpus", source: "Source", options: "BuildOptions") -> Outputs:
        result = transform.stylesheet(STYLESHEET).apply(corpus.node(source), self._params(corpus, options))
        return {f"{source.id}.txt": result.encode("utf-8")}

    def edition_outputs(self, corpus: "Corpus", options: "BuildOptions") -> Outputs:
        if not corpus.texts and corpus.edition is None:
            return {}
        result = transform.stylesheet(STYLESHEET).call("edition", self._params(corpus, options))
        return {"edition.txt": result.encode("utf-8")}


FORMAT = TextFormat()
