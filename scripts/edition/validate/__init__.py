"""Validation: RELAX NG (edition.rng or tei_all) + Schematron, one report for all files.

Public API used by the CLI:
    validate_paths(paths, schema="auto") -> list[Diagnostic]
"""

from __future__ import annotations

from pathlib import Path

from ..errors import Diagnostic


def validate_paths(paths: list[Path], schema: str = "auto") -> list[Diagnostic]:
    raise NotImplementedError("validation is being written (issue 3)")
