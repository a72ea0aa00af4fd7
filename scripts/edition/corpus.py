"""The set of documents a build works on, with their Saxon trees made once and shared.

Registers and the edition header are context for every text: the stylesheets receive them
as parameters ($registers, $edition, $texts), never by fetching files.
"""

from __future__ import annotations

from pathlib import Path

from . import transform
from .sources import Source


class Corpus:
    def __init__(self, sources: list[Source]):
        self.sources = sources
        self.by_path = {s.path: s for s in sources}
        self._nodes: dict[Path, object] = {}
        self._memo: dict[str, object] = {}
        seen: set[str] = set()
        for source in sources:  # distinct output names even when ids collide
            base, n = source.id, 1
            while source.id in seen:
                n += 1
                source.alias = f"{base}-{n}"
            seen.add(source.id)

    @property
    def texts(self) -> list[Source]:
        return [s for s in self.sources if s.kind == "text"]

    @property
    def registers(self) -> list[Source]:
        return [s for s in self.sources if s.kind == "register"]

    @property
    def edition(self) -> Source | None:
        return next((s for s in self.sources if s.kind == "edition"), None)

    def context_digest(self) -> str:
        """What every document's output also depends on: the registers and edition header."""
        return "".join(s.digest for s in self.sources if s.kind != "text")

    def node(self, source: Source):
        """The Saxon document for source, parsed once per process.

        The first call parses every document, in one fixed order (registers, edition header,
        texts): XPath orders nodes of different documents by when they were parsed, so the
        order must not depend on which document a process happens to transform first.
        """
        if not self._nodes:
            for each in self.registers + ([self.edition] if self.edition else []) + self.texts:
                self._nodes[each.path] = transform.to_xdm(each.serialize(), each.path.resolve().as_uri())
        if source.path not in self._nodes:
            self._nodes[source.path] = transform.to_xdm(source.serialize(), source.path.resolve().as_uri())
        return self._nodes[source.path]

    def memo(self, key: str, compute):
        """compute() once per process for this corpus (e.g. facts a format derives from all texts)."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    def nodes(self, sources: list[Source]) -> list:
        return [self.node(s) for s in sources]

    def params(self) -> dict:
        """The standard parameters every stylesheet of every format receives."""
        edition = self.edition
        return {
            "registers": self.nodes(self.registers),
            "edition": self.node(edition) if edition else None,
            "texts": self.nodes(self.texts),
        }
