"""What an output format is: an XSLT folder plus the Python steps around it.

A format turns each document into files (`document_outputs`, run in worker processes and
cached per document) and the whole corpus into files (`edition_outputs`: index, registers,
the PDF...). Both return {relative path: bytes}; the build writes them. `finish` runs on the
completed format folder in staging (e.g. a search index over the written pages).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..build import BuildOptions
    from ..corpus import Corpus
    from ..sources import Source

Outputs = dict[str, bytes]


class Format:
    name: str = ""
    xslt_folder: str = ""
    # Which options change this format's output (part of the cache key).
    option_names: tuple[str, ...] = ()
    # True when one document's transformation costs more than a worker parsing the corpus
    # (then `-j 0` runs documents in the process pool).
    costly_per_document: bool = False

    def document_outputs(self, corpus: "Corpus", source: "Source", options: "BuildOptions") -> Outputs:
        return {}

    def edition_outputs(self, corpus: "Corpus", options: "BuildOptions") -> Outputs:
        return {}

    def finish(self, folder: Path, options: "BuildOptions") -> None:
        """Post-process the written format folder (staging); default: nothing."""
