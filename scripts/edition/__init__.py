"""A TEI P5 scholarly edition toolkit: validate, transform (XSLT 3.0), deposit."""

from pathlib import Path

__version__ = "0.1.0"

# The project tree: scripts/edition/ -> repo root. Schemas and stylesheets live there.
ROOT = Path(__file__).resolve().parents[2]
TEI_DIR = ROOT / "tei"
SCHEMA_DIR = TEI_DIR / "schema"
XSLT_DIR = ROOT / "xslt"
OUTPUT_DIR = ROOT / "output"
