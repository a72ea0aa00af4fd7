"""Finding TEI sources and parsing them with the one hardened parser.

The parser loads no DTD, expands no entity, reads no network resource, and refuses a
document that declares entities (billion laughs, external entities) instead of expanding it.
XInclude is honoured only for local files inside the sources' folder.
"""

from __future__ import annotations

import functools
import glob
import hashlib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from .errors import Diagnostic, SourceError, UsageError

TEI_NS = "http://www.tei-c.org/ns/1.0"
XI_NS = "http://www.w3.org/2001/XInclude"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
MAX_XINCLUDE_DEPTH = 8
REGISTER_LISTS = {"listPerson", "listPlace", "listOrg", "listBibl", "listEvent", "listNym"}


def _parser() -> etree.XMLParser:
    # huge_tree stays off: libxml2 then caps text nodes and nesting depth (bounded memory).
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_blank_text=False,
    )


# Latin letters that carry no accent to drop (NFKD leaves them whole), spelled as in ASCII.
_LATIN_LETTERS = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "ss", "æ": "ae", "Æ": "AE",
                                "œ": "oe", "Œ": "OE", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th",
                                "Þ": "Th", "ı": "i", "ħ": "h", "Ħ": "H"})


def _safe_name(raw: str) -> str:
    """raw as a file name of ASCII letters, digits, '_' and '-': accents dropped rather than the
    letters that carry them ('sāmānyadūṣaṇa' → 'samanyadusana'), anything else '_'."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", raw.translate(_LATIN_LETTERS)) if not unicodedata.combining(c))
    return re.sub(r"[^A-Za-z0-9_-]+", "_", plain).strip("_")[:100]


@dataclass
class Source:
    """One parsed TEI document and what the pipeline needs to know about it."""

    path: Path
    data: bytes
    tree: etree._ElementTree | None  # None: known from an earlier build, parsed when first needed
    kind: str  # "text" | "register" | "edition"
    digest: str = ""
    alias: str | None = None  # set by Corpus when two documents would share an id
    pristine: bool = False  # UTF-8, no DOCTYPE, no XInclude: the bytes are the tree as parsed
    root_id: str | None = None  # the root's xml:id, when known without the tree

    def __post_init__(self) -> None:
        # what the document holds: its bytes, and the text XInclude brought into it (an
        # included file's change must rebuild the document, as a change of its own would)
        if not self.digest:
            held = self.data if self.pristine else self.data + etree.tostring(self.root)
            self.digest = hashlib.sha256(held).hexdigest()

    @property
    def root(self) -> etree._Element:
        if self.tree is None:
            self.tree = parse_bytes(self.path, self.data)
        return self.tree.getroot()

    def facts(self) -> dict | None:
        """What a later build may take without parsing again (pristine sources only: the
        bytes alone decide them)."""
        if not self.pristine:
            return None
        return {"digest": self.digest, "kind": self.kind, "id": self._root_id()}

    def _root_id(self) -> str | None:
        return self.root_id if self.tree is None else self.root.get(XML_ID)

    @property
    def id(self) -> str:
        """The document's id, safe as a file name: its root xml:id, else its file stem.

        Output names derive from it, so anything that could leave the output folder
        (slashes, '..', control characters) is replaced.
        """
        if self.alias:
            return self.alias
        return _safe_name(self._root_id() or "") or _safe_name(self.path.stem) or "document"

    @functools.cached_property
    def lines(self) -> list[str]:
        """The source's text lines (for columns in diagnostics), decoded once."""
        return self.data.decode("utf-8", "replace").splitlines()

    def serialize(self) -> bytes:
        """UTF-8 XML for the next parser (Saxon), with no DOCTYPE: the source's own bytes when
        they have nothing to resolve (also keeping its line numbers), else the root element."""
        if self.pristine:
            return self.data
        return etree.tostring(self.root, encoding="utf-8")


def _position(data: bytes, offset: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, offset) + 1
    col = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    return line, col


def _fail(path: Path, line: int, col: int, message: str, rule: str) -> SourceError:
    return SourceError(Diagnostic(str(path), max(line, 1), max(col, 1), "error", message, rule))


def _check_doctype(path: Path, data: bytes, tree: etree._ElementTree) -> None:
    dtd = tree.docinfo.internalDTD
    if dtd is None:
        return
    entities = list(dtd.iterentities())
    if entities:
        match = re.search(rb"<!ENTITY", data)
        line, col = _position(data, match.start()) if match else (1, 1)
        kind = "external" if any(e.system_url for e in entities) else "internal"
        raise _fail(path, line, col,
                    f"{kind} entity declaration ('{entities[0].name}') refused: the parser expands no entities",
                    "hostile-entity")


def _expand_xincludes(path: Path, tree: etree._ElementTree, allowed: Path, depth: int) -> None:
    for inc in tree.getroot().iter(f"{{{XI_NS}}}include"):
        href = inc.get("href", "")
        line = inc.sourceline or 1
        if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", href) or href.startswith("//"):
            raise _fail(path, line, 1, f"XInclude of a URL refused: {href!r}", "xinclude-url")
        target = (path.parent / href).resolve()
        if not target.is_relative_to(allowed):
            raise _fail(path, line, 1, f"XInclude outside the sources refused: {href!r}", "xinclude-outside")
        if depth >= MAX_XINCLUDE_DEPTH:
            raise _fail(path, line, 1, "XInclude nested too deeply", "xinclude-depth")
        if inc.get("parse", "xml") == "text":
            replacement = read_bytes(target).decode("utf-8")
            parent = inc.getparent()
            prev = inc.getprevious()
            if prev is not None:
                prev.tail = (prev.tail or "") + replacement + (inc.tail or "")
            else:
                parent.text = (parent.text or "") + replacement + (inc.tail or "")
            parent.remove(inc)
            continue
        included = parse_tree(target, allowed=allowed, depth=depth + 1)
        new = included.getroot()
        new.tail = inc.tail
        inc.getparent().replace(inc, new)


def read_bytes(path: Path) -> bytes:
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise UsageError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise UsageError(f"{path}: is a directory") from None
    except OSError as exc:
        raise UsageError(f"{path}: cannot read: {exc.strerror}") from None


def _syntax_error(path: Path, data: bytes, exc: etree.XMLSyntaxError) -> SourceError:
    """libxml2's refusal as our diagnostic; the refusals that are rules of ours get their rule."""
    line, col = exc.position if exc.position else (1, 1)
    message = re.sub(r", line \d+, column \d+$", "", exc.msg or "not well-formed")
    if "amplification" in message:  # an entity bomb, stopped before _check_doctype sees it
        at = data.find(b"<!ENTITY")
        line, col = _position(data, at) if at >= 0 else (line, col)
        return _fail(path, line, col, "entity declarations refused: entity amplification (an entity bomb); "
                     "the parser expands no entities", "hostile-entity")
    if "already defined" in message and message.startswith("ID "):  # a repeated xml:id
        ident = message.split("ID ", 1)[1].split(" ")[0]
        return _fail(path, line, col, f'xml:id "{ident}" is already used in this file; ids must be unique '
                     "across the edition", "id-unique")
    # libxml2's safety limits name its own option; say what the limit is for instead
    message = re.sub(r",? (use|try) XML_PARSE_HUGE( option)?", " (a safety limit of the parser)", message)
    return _fail(path, line, col, f"not well-formed: {message}", "well-formed")


def parse_bytes(path: Path, data: bytes) -> etree._ElementTree:
    """Parse bytes already read from path; raise SourceError with file:line:col."""
    try:
        root = etree.fromstring(data, _parser(), base_url=str(path))
    except etree.XMLSyntaxError as exc:
        raise _syntax_error(path, data, exc) from None
    except ValueError as exc:  # e.g. unsupported encoding declarations
        raise _fail(path, 1, 1, f"cannot parse: {exc}", "well-formed") from None
    tree = root.getroottree()
    _check_doctype(path, data, tree)
    return tree


def parse_tree(path: Path, allowed: Path | None = None, depth: int = 0,
               data: bytes | None = None) -> etree._ElementTree:
    """Parse a file (or its bytes already read), XIncludes expanded inside `allowed` only."""
    path = Path(path)
    tree = parse_bytes(path, read_bytes(path) if data is None else data)
    if tree.getroot().find(f".//{{{XI_NS}}}include") is not None:
        _expand_xincludes(path, tree, (allowed or path.parent).resolve(), depth)
    return tree


def classify(path: Path, root: etree._Element) -> str:
    """text | register | edition, from @type, then from content."""
    declared = root.get("type")
    if declared in ("edition", "register"):
        return declared
    if path.name == "edition.xml":
        return "edition"
    has_prose = root.find(f"{{{TEI_NS}}}text") is not None
    lists = [el for el in root.iterfind(f"{{{TEI_NS}}}standOff/*")
             if etree.QName(el).localname in REGISTER_LISTS]
    return "register" if lists and not has_prose else "text"


def load(path: Path, allowed: Path | None = None, known: dict | None = None) -> Source:
    """Read, parse and classify one TEI file; SourceError if it is not safe TEI.

    known: Source.facts() of this path from an earlier build; when the bytes are the same
    (same SHA-256), the source is not parsed again (it passed the same checks then).
    """
    path = Path(path)
    data = read_bytes(path)
    if known:
        digest = hashlib.sha256(data).hexdigest()
        if (known.get("digest") == digest and known.get("kind") in ("text", "register", "edition")
                and isinstance(known.get("id"), (str, type(None)))):
            return Source(path, data, None, known["kind"], digest=digest, pristine=True, root_id=known.get("id"))
    tree = parse_tree(path, allowed, data=data)
    # no XInclude (its namespace, which no entity can bring in, is absent), no DOCTYPE, UTF-8
    pristine = (XI_NS.encode() not in data and tree.docinfo.doctype == ""
                and (tree.docinfo.encoding or "").upper() == "UTF-8")
    root = tree.getroot()
    qname = etree.QName(root)
    if qname.namespace != TEI_NS or qname.localname not in ("TEI", "teiCorpus"):
        raise _fail(path, root.sourceline or 1, 1,
                    f"not a TEI document: root element is {root.tag!r}", "not-tei")
    return Source(path, data, tree, classify(path, root), pristine=pristine)


def find(paths: list[str] | tuple[str, ...], default: Path | None = None) -> list[Path]:
    """Expand files, folders (recursively, *.xml) and globs; sorted, without duplicates."""
    if not paths:
        paths = [str(default)] if default else []
    found: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found.extend(sorted(x for x in p.rglob("*.xml") if "schema" not in x.relative_to(p).parts))
        elif p.exists():
            found.append(p)
        elif any(ch in raw for ch in "*?["):
            matches = sorted(Path(m) for m in glob.glob(raw, recursive=True))
            if not matches:
                raise UsageError(f"{raw}: no file matches")
            found.extend(m for m in matches if m.is_file())
        else:
            raise UsageError(f"{raw}: no such file or folder")
    seen: dict[Path, None] = {}
    for p in found:
        seen.setdefault(p, None)
    return list(seen)
