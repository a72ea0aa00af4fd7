"""The archival deposit: a BagIt bag (RFC 8493) of the edition, and its verification.

`deposit` builds what is missing (the incremental build), then writes, in a staging folder
beside the target that is swapped in only when complete and valid:

    data/tei/ ...            the TEI sources, with schema/ (RELAX NG, Schematron, notices)
    data/xslt/ ...           the stylesheets
    data/html/ text/ pdf/    the editions, as built into the build folder
    data/README.txt          for the archivist          (xslt/deposit/readme.xsl)
    data/CITATION.cff        citation metadata          (xslt/deposit/citation-cff.xsl)
    bagit.txt  bag-info.txt  (bag-info fields:           xslt/deposit/bag-info.xsl)
    manifest-sha256.txt  manifest-sha512.txt  tagmanifest-sha256.txt  tagmanifest-sha512.txt
    metadata/dublin-core.xml (xslt/deposit/dublin-core.xsl)
    metadata/tei-header.xml  (xslt/deposit/tei-header.xsl)

Everything is derived from the edition header by the stylesheets; Python copies, calls the
bagit library and writes. Reproducible: with SOURCE_DATE_EPOCH set the Bagging-Date comes from
it, files are visited in sorted order, nothing random is written, so two deposits of the same
sources are byte-identical.

`verify` checks a bag's completeness and fixity with bagit's own validator and names every
changed, missing or extra file, including tag files outside data/.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import logging
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from . import TEI_DIR, XSLT_DIR, __version__, clock, sources, transform, write
from .errors import BuildError, UsageError

log = logging.getLogger("edition")

ALGORITHMS = ("sha256", "sha512")
DEFAULT_FORMATS = ("html", "text", "pdf")
TAG_FILES = {  # tag file -> stylesheet (applied to the edition document)
    "metadata/dublin-core.xml": "deposit/dublin-core.xsl",
    "metadata/tei-header.xml": "deposit/tei-header.xsl",
}
BAGIT_TXT = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
_SKIP_NAMES = {"__pycache__", ".git", ".DS_Store"}


@dataclass
class DepositReport:
    path: Path
    files: int = 0
    bytes: int = 0
    formats: list[str] = field(default_factory=list)
    build_summary: str = ""

    def summary(self) -> str:
        built = f" ({self.build_summary})" if self.build_summary else ""
        return (f"{self.path}: bag of {self.files} payload file(s), {self.bytes} bytes; "
                f"formats: {', '.join(self.formats) or 'none'}{built}")


@dataclass
class VerifyReport:
    path: Path
    problems: list[tuple[str, str]] = field(default_factory=list)  # (path, changed|missing|extra)
    errors: list[str] = field(default_factory=list)  # what cannot be named as a file
    files: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems and not self.errors

    def lines(self) -> list[str]:
        return [f"{p}: {kind}" for p, kind in self.problems] + [f"{self.path}: {e}" for e in self.errors]


# --- inputs --------------------------------------------------------------------------------


def bagging_date(environ=os.environ) -> str:
    """YYYY-MM-DD: the UTC date of SOURCE_DATE_EPOCH when set, else today."""
    when = clock.source_date(environ)
    return when.date().isoformat() if when else _dt.date.today().isoformat()


def edition_source(source_dir: Path) -> sources.Source:
    """The edition header document (edition.xml or the TEI whose root says type="edition")."""
    source_dir = Path(source_dir)
    if not source_dir.is_dir():
        raise UsageError(f"{source_dir}: no such folder")
    for path in sources.find([str(source_dir)]):
        src = sources.load(path)
        if src.kind == "edition":
            return src
    raise UsageError(f"{source_dir}: no edition header (edition.xml) among the TEI sources")


def _node(src: sources.Source):
    return transform.to_xdm(src.serialize(), src.path.resolve().as_uri())


def citation_cff(source_dir: Path = TEI_DIR) -> str:
    """CITATION.cff (Citation File Format 1.2.0) from the edition header under source_dir."""
    return transform.stylesheet("deposit/citation-cff.xsl").apply(_node(edition_source(source_dir)))


def bag_info(edition: sources.Source, date: str) -> dict[str, list[str]]:
    """The bag-info.txt fields from the header (bag-info.xsl), without the Payload-Oxum."""
    agent = f"edition {__version__} (bagit.py {_bagit().VERSION})"
    text = transform.stylesheet("deposit/bag-info.xsl").apply(
        _node(edition), {"bagging-date": date, "software-agent": agent})
    info = json.loads(text)
    return {k: [str(v) for v in (vs if isinstance(vs, list) else [vs])] for k, vs in sorted(info.items())}


def _bagit():
    import bagit

    return bagit


# --- payload -------------------------------------------------------------------------------


def _files(folder: Path) -> list[Path]:
    """Regular files under folder, sorted by relative path; hidden files and symlinks skipped."""
    found = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if d not in _SKIP_NAMES and not d.startswith("."))
        for name in sorted(filenames):
            p = Path(dirpath) / name
            if name in _SKIP_NAMES or name.startswith(".") or name.endswith("~"):
                continue
            if p.is_symlink() or not p.is_file():
                log.warning("deposit: %s skipped (not a regular file)", p)
                continue
            found.append(p)
    return sorted(found, key=lambda p: p.relative_to(folder).as_posix())


def _copy_tree(src: Path, dst: Path) -> list[str]:
    """Copy src's files (bytes only: no times or modes) to dst; their paths relative to dst.parent."""
    names = []
    for f in _files(src):
        rel = f.relative_to(src).as_posix()
        target = write.safe_join(dst, rel)
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(f, "rb") as r, open(target, "wb") as w:
            shutil.copyfileobj(r, w)
        names.append(f"{dst.name}/{rel}")
    return names


def _build(source_dir: Path, build_dir: Path, names: list[str]) -> str:
    from .build import BuildOptions, build

    report = build([str(source_dir)], build_dir, BuildOptions(formats=",".join(names), quiet=True, progress=False))
    if report.errors:
        shown = "\n".join(str(d) for d in report.diagnostics if d.severity == "error")
        raise BuildError(f"the build failed, nothing deposited: {report.summary()}\n{shown}")
    return report.summary()


# --- the bag -------------------------------------------------------------------------------


def _digests(path: Path, algorithms) -> dict[str, str]:
    """Every algorithm's digest of a file, in one read."""
    hashes = {alg: hashlib.new(alg) for alg in algorithms}
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            for h in hashes.values():
                h.update(block)
    return {alg: h.hexdigest() for alg, h in hashes.items()}


def _write_tagmanifests(bag: Path) -> None:
    """Tag manifests listing every tag file, sorted (bagit lists them in directory order)."""
    tag_files = sorted(p.relative_to(bag).as_posix() for p in bag.rglob("*")
                       if p.is_file() and p.relative_to(bag).parts[0] != "data"
                       and not p.name.startswith("tagmanifest-"))
    digests = {rel: _digests(bag / rel, ALGORITHMS) for rel in tag_files}
    for alg in ALGORITHMS:
        lines = [f"{digests[rel][alg]}  {rel}\n" for rel in tag_files]
        (bag / f"tagmanifest-{alg}.txt").write_text("".join(lines), encoding="utf-8")


def deposit(source_dir: Path = TEI_DIR, out: Path | None = None, build_dir: Path | None = None,
            formats: list[str] | tuple[str, ...] | str = DEFAULT_FORMATS) -> DepositReport:
    """Build source_dir's editions into build_dir (what is missing) and bag them at out."""
    from . import OUTPUT_DIR
    from . import formats as registry

    source_dir = Path(source_dir)
    out = Path(out) if out is not None else OUTPUT_DIR / "deposit"
    build_dir = Path(build_dir) if build_dir is not None else OUTPUT_DIR
    if isinstance(formats, str):
        names = [] if formats.strip() in ("none", "") else registry.parse_list(formats)
    else:
        names = list(formats)
    for name in names:
        registry.get(name)
    date = bagging_date()
    edition = edition_source(source_dir)
    if out.resolve() in (source_dir.resolve(), build_dir.resolve(), XSLT_DIR.resolve()):
        raise UsageError(f"{out}: the deposit would replace its own inputs; choose another --out")
    report = DepositReport(path=out, formats=names)
    if names:
        report.build_summary = _build(source_dir, build_dir, names)
    for name in names:
        if not (build_dir / name).is_dir():
            raise BuildError(f"{build_dir / name}: the {name} edition was not built")

    bagit = _bagit()
    info = bag_info(edition, date)
    node = _node(edition)
    with write.locked(out):
        existing = {e.name for e in os.scandir(out)} if out.is_dir() else set()
        with write.staged(out, replace=existing) as staging:
            payload: list[str] = []
            payload += _copy_tree(source_dir, staging / "tei")
            payload += _copy_tree(XSLT_DIR, staging / "xslt")
            for name in names:
                payload += _copy_tree(build_dir / name, staging / name)
            (staging / "CITATION.cff").write_bytes(
                transform.stylesheet("deposit/citation-cff.xsl").apply(node).encode("utf-8"))
            payload += ["CITATION.cff", "README.txt"]
            payload.sort()
            readme = transform.stylesheet("deposit/readme.xsl").apply(node, {
                "payload-list": "\n".join(payload), "tag-file-list": "\n".join(sorted(TAG_FILES)),
                "toolkit-version": __version__})
            (staging / "README.txt").write_bytes(readme.encode("utf-8"))

            cwd = Path.cwd()
            try:
                bagit.make_bag(str(staging), bag_info=dict(info), checksums=list(ALGORITHMS), processes=1)
            except (bagit.BagError, OSError, RuntimeError) as exc:
                raise BuildError(f"{out}: bagit could not make the bag: {exc}") from None
            finally:
                os.chdir(cwd)
            os.chmod(staging / "data", 0o755)
            (staging / "bagit.txt").write_text(BAGIT_TXT, encoding="utf-8")  # RFC 8493 is BagIt 1.0
            for rel, xsl in sorted(TAG_FILES.items()):
                write.write_bytes(write.safe_join(staging, rel),
                                  transform.stylesheet(xsl).apply(node).encode("utf-8"))
            _write_tagmanifests(staging)

            check = verify(staging)
            if not check.ok:
                raise BuildError(f"{out}: the new bag does not verify, nothing written:\n" + "\n".join(check.lines()))
            oxum = bagit.Bag(str(staging)).info.get("Payload-Oxum", "0.0")
            report.bytes, report.files = (int(x) for x in oxum.split("."))
    return report


# --- verification --------------------------------------------------------------------------


def _bag_files(bag: Path) -> list[str]:
    """Every file in the bag (relative POSIX paths), symlinks included, sorted."""
    found = []
    for dirpath, dirnames, filenames in os.walk(bag):
        dirnames.sort()
        for name in filenames:
            found.append((Path(dirpath) / name).relative_to(bag).as_posix())
    return sorted(found)


def verify(path: Path) -> VerifyReport:
    """Completeness and fixity of the bag at path: every changed, missing or extra file named."""
    bagit = _bagit()
    path = Path(path)
    report = VerifyReport(path=path)
    if not path.exists():
        raise UsageError(f"{path}: no such folder")
    if not path.is_dir():
        raise UsageError(f"{path}: not a folder (a bag is a folder)")
    problems: dict[str, str] = {}  # our own naming (missing beats changed for a tag file)
    by_bagit: dict[str, str] = {}
    try:
        bag = bagit.Bag(str(path))
    except (bagit.BagError, UnicodeDecodeError, ValueError) as exc:  # also tag files that are not text
        if not (path / "bagit.txt").is_file():
            problems["bagit.txt"] = "missing"
        else:
            report.errors.append(f"not a valid bag: {exc}")
        report.problems = sorted(problems.items())
        return report

    # 1. bagit's own validation: structure, Payload-Oxum, completeness, fixity.
    valid = False
    try:
        bag.validate(processes=1)
        valid = True
    except bagit.BagValidationError as exc:
        for d in exc.details or []:
            if isinstance(d, bagit.ChecksumMismatch):
                by_bagit[_rel(d.path)] = "changed"
            elif isinstance(d, bagit.FileMissing):
                by_bagit[_rel(d.path)] = "missing"
            elif isinstance(d, bagit.UnexpectedFile):
                by_bagit[_rel(d.path)] = "extra"
        if not exc.details:
            report.errors.append(str(exc))  # e.g. Payload-Oxum, no data/: explained below if we can
    except (bagit.BagError, UnicodeDecodeError, ValueError) as exc:
        report.errors.append(f"not a valid bag: {exc}")

    # 2. Name every file: bagit stops at the first failing stage and does not look for extra
    #    tag files, so compare the whole folder with the manifests ourselves.
    listed = {os.path.normpath(p).replace(os.sep, "/"): hashes for p, hashes in bag.entries.items()}
    on_disk = _bag_files(path)
    tagmanifests = {f for f in on_disk if "/" not in f and f.startswith("tagmanifest-") and f.endswith(".txt")}
    manifests = {f for f in on_disk if "/" not in f and f.startswith("manifest-") and f.endswith(".txt")}
    known = {"bagit.txt"} | manifests | tagmanifests
    if not tagmanifests:  # without tag manifests only bag-info and fetch.txt are expected
        known |= {"bag-info.txt", "fetch.txt"}
    for rel in on_disk:
        if rel in listed or rel in known:
            continue
        if rel.startswith("data/") or tagmanifests:
            problems.setdefault(rel, "extra")
    for rel, hashes in sorted(listed.items()):
        full = path / rel
        if not full.is_file():
            problems.setdefault(rel, "missing")
        elif not valid:  # bagit checked every listed file's fixity when it found the bag valid
            try:
                found = _digests(full, sorted(hashes))
            except (ValueError, OSError):  # an unknown algorithm, an unreadable file
                problems.setdefault(rel, "changed")
                continue
            if any(found[alg] != expected.lower() for alg, expected in hashes.items()):
                problems.setdefault(rel, "changed")
    if tagmanifests:  # a deleted tag manifest leaves the others valid: name it
        for m in manifests:
            alg = m[len("manifest-"):-len(".txt")]
            if f"tagmanifest-{alg}.txt" not in tagmanifests:
                problems.setdefault(f"tagmanifest-{alg}.txt", "missing")
    for rel, kind in by_bagit.items():
        problems.setdefault(rel, kind)
    if not manifests:
        report.errors.append("no payload manifest (manifest-ALG.txt)")
    report.problems = sorted(problems.items())
    if report.problems:  # bagit's summary line says less than the names do
        report.errors = [e for e in report.errors if not e.startswith(("Payload-Oxum", "Bag validation", "Bag is incomplete"))]
    report.files = sum(1 for f in on_disk if f.startswith("data/"))
    return report


def _rel(p: str) -> str:
    return os.path.normpath(p).replace(os.sep, "/")
