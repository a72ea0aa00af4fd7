"""Validation: RELAX NG (edition.rng or tei_all) + Schematron, one report for all files.

Public API used by the CLI:
    validate_paths(paths, schema="auto") -> list[Diagnostic]

Pipeline, for all files at once:
  1. parse each file with the hardened parser (sources.load); a refused or malformed file
     becomes an error in the report and goes no further (jing never sees it);
  2. RELAX NG: edition.rng (lxml, compiled in ms) for files under tei/, TEI all for the
     others (jing, one JVM for all files, started in the background), or --schema;
  3. Schematron (edition.sch, lxml.isoschematron) once per edition, over all its documents,
     plus the Python rule name-untagged;
  4. every diagnostic of every file, sorted by file, line and column.

An "edition" is the set of documents whose pointers and ids belong together: the files under
the repository's tei/; elsewhere, the files below the nearest folder holding an edition.xml;
any other file stands alone.
"""

from __future__ import annotations

from pathlib import Path

from .. import SCHEMA_DIR, TEI_DIR
from ..errors import Diagnostic, SourceError, UsageError
from ..sources import Source, load
from . import names, relaxng, schematron

EDITION_RNG = SCHEMA_DIR / "edition.rng"
TEI_ALL_RNG = SCHEMA_DIR / "tei_all.rng"
EDITION_SCH = SCHEMA_DIR / "edition.sch"

__all__ = ["validate_paths", "validate_sources", "EDITION_RNG", "TEI_ALL_RNG", "EDITION_SCH"]


def _under(path: Path, folder: Path) -> bool:
    try:
        return path.resolve().is_relative_to(folder.resolve())
    except OSError:
        return False


def edition_root(path: Path) -> Path:
    """The folder whose files form one edition with `path` (or the file itself)."""
    if _under(path, TEI_DIR):
        return TEI_DIR.resolve()
    for folder in path.resolve().parents:
        if (folder / "edition.xml").is_file():
            return folder
    return path.resolve()


def schema_for(path: Path, schema: str) -> Path:
    if schema == "edition":
        return EDITION_RNG
    if schema == "tei_all":
        return TEI_ALL_RNG
    if schema == "auto":
        return EDITION_RNG if _under(path, TEI_DIR) else TEI_ALL_RNG
    custom = Path(schema)
    if not custom.is_file():
        raise UsageError(f"--schema {schema}: expected edition, tei_all or the path of a .rng file")
    return custom


def _parse(path: Path) -> Source | Diagnostic:
    allowed = TEI_DIR if _under(path, TEI_DIR) else path.parent
    try:
        return load(path, allowed=allowed)
    except SourceError as exc:
        return exc.diagnostic


def validate_sources(sources: list[Source], schema: str = "auto") -> list[Diagnostic]:
    """RELAX NG + Schematron + names over parsed sources."""
    diagnostics: list[Diagnostic] = []
    by_schema: dict[Path, list[Source]] = {}
    for src in sources:
        by_schema.setdefault(schema_for(src.path, schema), []).append(src)
    # TEI all: jing in the background while lxml and the Schematron work here.
    background = [relaxng.start_jing(rng, group) for rng, group in by_schema.items()
                  if rng == TEI_ALL_RNG]
    for rng, group in by_schema.items():
        if rng != TEI_ALL_RNG:
            diagnostics.extend(relaxng.validate_lxml(rng, group))
    editions: dict[Path, list[Source]] = {}
    for src in sources:
        editions.setdefault(edition_root(src.path), []).append(src)
    for group in editions.values():
        diagnostics.extend(schematron.run(EDITION_SCH, group, [str(s.path) for s in group]))
        diagnostics.extend(names.check(group))
    for run in background:
        diagnostics.extend(run.result())
    return diagnostics


def validate_paths(paths: list[Path], schema: str = "auto") -> list[Diagnostic]:
    """Validate files; every problem of every file, sorted by file, line and column."""
    if schema not in ("auto", "edition", "tei_all") and not Path(schema).is_file():
        raise UsageError(f"--schema {schema}: expected edition, tei_all or the path of a .rng file")
    diagnostics: list[Diagnostic] = []
    sources: list[Source] = []
    for path in paths:
        parsed = _parse(Path(path))
        if isinstance(parsed, Diagnostic):
            diagnostics.append(parsed)
        else:
            sources.append(parsed)
    diagnostics.extend(validate_sources(sources, schema))
    return sorted(set(diagnostics), key=lambda d: (d.path, d.line, d.col, d.severity, d.rule, d.message))
