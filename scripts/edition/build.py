"""The build: plan what changed, transform in a pool, write atomically.

Every (format, document) output is keyed by a hash of the document, the registers and
edition header it is rendered with, the format's stylesheets and code, the options that
matter to it and the tool versions. Unchanged outputs are carried over from the previous
output folder (hard links); the rest are transformed, each stylesheet compiled once per
process. Workers return small records; only the main process writes, into staging.
"""

from __future__ import annotations

import ctypes
import dataclasses
import hashlib
import inspect
import json
import logging
import os
import signal
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_all_start_methods, get_context
from pathlib import Path

from lxml import etree

from . import TEI_DIR, XSLT_DIR, __version__, clock, formats, sources, transform, write
from .corpus import Corpus
from .errors import BuildError, Diagnostic, EditionError, SourceError, UsageError

log = logging.getLogger("edition")
MANIFEST = ".build-manifest.json"
EDITION_KEY = "@edition"
SOURCES_KEY = "@sources"  # in the manifest: Source.facts() by path, for the next build
POOL_MIN_BYTES = 20_000_000  # spawned workers: the measured break-even on the html format


@dataclass
class BuildOptions:
    formats: str = "all"
    jobs: int = 0
    force: bool = False
    width: int = 72
    page_size: str = "A5"
    base_url: str = ""  # the web edition's public address, for citations ('' = relative)
    search: bool = True  # the web edition's full-text index (Pagefind)
    companions: str = ""  # set by build(): the other formats beside this one in the output folder
    quiet: bool = False
    progress: bool | None = None  # None: when stderr is a terminal and not quiet
    wait: bool = True  # for the lock held by a concurrent build of the same output


@dataclass
class BuildReport:
    documents: int = 0
    built: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def errors(self) -> int:
        return sum(d.severity == "error" for d in self.diagnostics)

    @property
    def warnings(self) -> int:
        return sum(d.severity == "warning" for d in self.diagnostics)

    def summary(self) -> str:
        return (f"{self.documents} document(s): {len(self.built)} transformed, {len(self.reused)} unchanged, "
                f"{self.errors} error(s), {self.warnings} warning(s) in {self.seconds:.2f} s")


def _hash(*parts: str | bytes) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode() if isinstance(part, str) else part)
        h.update(b"\0")
    return h.hexdigest()


def _format_fingerprint(fmt) -> str:
    """Stylesheets, assets and the format's own code: a change to any rebuilds its outputs."""
    files = sorted(p for sub in (fmt.xslt_folder, "common") for p in (XSLT_DIR / sub).rglob("*") if p.is_file())
    files.append(Path(inspect.getfile(type(fmt))))
    versions = [__version__, transform.saxon_version(), etree.__version__]
    return _hash(*versions, *(f"{p.relative_to(p.anchor)}:{_hash(p.read_bytes())}" for p in files))


def _options_key(fmt, options: BuildOptions) -> str:
    return json.dumps({n: getattr(options, n) for n in fmt.option_names}, sort_keys=True)


def _load_all(paths: list[Path], report: BuildReport, known: dict) -> list[sources.Source]:
    loaded = []
    for path in paths:
        try:
            loaded.append(sources.load(path, known=known.get(str(path.resolve()))))
        except SourceError as exc:
            report.diagnostics.append(exc.diagnostic)
    return loaded


def _entry(source: sources.Source, base: Path) -> str:
    try:
        return str(source.path.resolve().relative_to(base))
    except ValueError:
        return str(source.path.resolve())


# --- worker side ---------------------------------------------------------------------------

_worker_corpus: Corpus | None = None


def _worker_init(paths: list[str]) -> None:
    global _worker_corpus
    _worker_corpus = Corpus([sources.load(Path(path)) for path in paths])


def _transform_document(corpus: Corpus, fmt_name: str, path: Path | None, options: BuildOptions):
    """One document (or, with path None, the whole edition) in one format -> (outputs, diagnostics)."""
    fmt = formats.get(fmt_name)
    transform.drain_messages()
    where = str(path) if path else fmt_name
    try:
        if path is None:
            outputs = fmt.edition_outputs(corpus, options)
        else:
            outputs = fmt.document_outputs(corpus, corpus.by_path[path], options)
        diagnostics = []
    except EditionError as exc:
        outputs, diagnostics = {}, [Diagnostic(where, 1, 1, "error", f"{fmt_name}: {exc}", "transform")]
    return outputs, diagnostics + _message_diagnostics(where, fmt_name, transform.drain_messages())


def _message_diagnostics(path: str, fmt_name: str, messages: list[str]) -> list[Diagnostic]:
    """Stylesheet messages as warnings; 'unhandled NAME' ones as one line per document."""
    unhandled: dict[str, int] = {}
    found = []
    for message in messages:
        if message.startswith("unhandled "):
            name = message.split(" ", 1)[1]
            unhandled[name] = unhandled.get(name, 0) + 1
        elif message:
            found.append(Diagnostic(path, 1, 1, "warning", f"{fmt_name}: {message}", "xslt-message"))
    if unhandled:
        names = ", ".join(f"<{name}> ({count}x)" for name, count in sorted(unhandled.items()))
        found.append(Diagnostic(path, 1, 1, "warning", f"{fmt_name}: no specific rendering for {names}; "
                                "their content is rendered generically", "unhandled-element"))
    return found


def _forked_worker_init(parent: int) -> None:
    """A forked worker dies with the build (SIGKILL included) and holds none of its locks."""
    write.close_inherited_locks()
    PR_SET_PDEATHSIG = 1
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the build died before prctl took effect
        os._exit(1)


def _worker_task(fmt_name: str, path: str | None, options: BuildOptions):
    return _transform_document(_worker_corpus, fmt_name, Path(path) if path else None, options)


# --- main side -----------------------------------------------------------------------------


def _progress(enabled: bool, done: int, total: int) -> None:
    if enabled and total:
        width = 30
        filled = width * done // total
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
        if done == total:
            sys.stderr.write("\n")
        sys.stderr.flush()


def build(paths: list[str], out: Path, options: BuildOptions) -> BuildReport:
    """Build the given sources (default: the edition under tei/) into out."""
    started = time.perf_counter()
    clock.source_date()  # an invalid SOURCE_DATE_EPOCH is a usage error before any work
    report = BuildReport()
    names = formats.parse_list(options.formats)
    files = sources.find(paths, default=TEI_DIR)
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise UsageError(f"{out}: not a folder; --out names the folder the build writes")
    # what the last build learnt of each source: unchanged bytes are not parsed again
    known = _read_manifest(out).get(SOURCES_KEY, {})
    loaded = _load_all(files, report, known if isinstance(known, dict) else {})
    report.documents = len(files)
    corpus = Corpus(loaded)
    base = Path.cwd().resolve()
    progress = options.progress if options.progress is not None else (sys.stderr.isatty() and not options.quiet)

    # formats the output will hold besides each one built (the web edition links their files)
    present = [f for f in formats.available() if f in names or (out / f).is_dir()]
    options = dataclasses.replace(options, companions=" ".join(present))

    with write.locked(out, wait=options.wait):
        old_manifest = _read_manifest(out)
        new_manifest: dict[str, dict] = {}
        with write.staged(out, replace=set(names) | {MANIFEST}) as staging:
            # keep other formats' manifest entries: their folders were carried over
            new_manifest.update({k: v for k, v in old_manifest.items() if k.split(":", 1)[0] not in names})
            tasks = []  # (fmt_name, source, key, manifest entry)
            unchanged: list[str] = []  # formats whose whole folder is carried over
            for name in names:
                entries = _plan_format(name, corpus, options, base)
                if not options.force and (out / name).is_dir() and all(
                        old_manifest.get(e, {}).get("key") == k for e, k, _ in entries):
                    write.link_tree(out / name, staging / name)
                    new_manifest.update({e: old_manifest[e] for e, _, _ in entries})
                    report.reused.extend(e for e, _, _ in entries)
                    unchanged.append(name)
                    continue
                for entry, key, src in entries:  # src None: the whole-edition outputs, always rebuilt here
                    if src is not None and not options.force and _reuse(
                            old_manifest.get(entry), key, out / name, staging / name):
                        new_manifest[entry] = old_manifest[entry]
                        report.reused.append(entry)
                    else:
                        tasks.append((name, src, key, entry))
            results = _recover_edition_outputs(corpus, tasks, _run_tasks(corpus, tasks, options, progress), options)
            for (name, src, key, entry), (outputs, diags) in zip(tasks, results):
                report.diagnostics.extend(diags)
                log.info("transformed %s", entry)
                _write_outputs(staging / name, outputs)
                # a failed or stand-in result is not cached: the next build tries (and reports) again
                if not any(d.severity == "error" or d.rule == "transform" for d in diags):
                    new_manifest[entry] = {"key": key, "files": sorted(outputs)}
                report.built.append(entry)
            for name in names:
                if name not in unchanged:
                    formats.get(name).finish(staging / name, options)
            new_manifest[SOURCES_KEY] = {str(src.path.resolve()): facts for src in corpus.sources
                                         if (facts := src.facts()) is not None}
            (staging / MANIFEST).write_text(json.dumps(new_manifest, indent=1, sort_keys=True))
    report.diagnostics.sort()
    report.seconds = time.perf_counter() - started
    return report


def _recover_edition_outputs(corpus: Corpus, tasks, results, options: BuildOptions):
    """A document that fails to transform can take the whole-edition outputs (index, registers,
    apparatus...) down with it, since they read every document: those are then made again
    without the failed documents, so that one bad file costs only its own pages."""
    failed: dict[str, set[Path]] = {}
    for (name, src, _, _), (_, diags) in zip(tasks, results):
        if src is not None and any(d.severity == "error" for d in diags):
            failed.setdefault(name, set()).add(src.path)
    results = list(results)
    for i, ((name, src, _, _), (outputs, diags)) in enumerate(zip(tasks, results)):
        if src is not None or name not in failed or not any(d.severity == "error" for d in diags):
            continue
        rest = Corpus([s for s in corpus.sources if s.path not in failed[name]])
        outputs, again = _transform_document(rest, name, None, options)
        if any(d.severity == "error" for d in again):
            continue  # the whole-edition outputs fail on their own: report the first failure
        left_out = ", ".join(sorted(str(p) for p in failed[name]))
        results[i] = (outputs, again + [Diagnostic(name, 1, 1, "warning", f"{name}: the whole-edition pages leave "
                                                   f"out {left_out}, which failed to transform", "transform")])
    return results


def _plan_format(name: str, corpus: Corpus, options: BuildOptions, base: Path):
    """[(manifest entry, cache key, source or None for the whole-edition outputs)]."""
    fmt = formats.get(name)
    fp = _format_fingerprint(fmt)
    opts = _options_key(fmt, options)
    context = corpus.context_digest()
    entries = [(f"{name}:{_entry(src, base)}", _hash(fp, opts, context, src.digest), src)
               for src in corpus.texts]
    whole = _hash(fp, opts, *sorted(f"{s.path.resolve()}:{s.kind}:{s.digest}" for s in corpus.sources))
    entries.append((f"{name}:{EDITION_KEY}", whole, None))
    return entries


def _run_tasks(corpus: Corpus, tasks, options: BuildOptions, progress: bool):
    jobs = min(options.jobs or _default_jobs(corpus), len(tasks))
    # By default (-j 0) the pool is used where it gains: always with forked workers (they start
    # in milliseconds and compile the formats' stylesheets in parallel: the edition's html and
    # text, 0.64 s -> 0.51 s); with spawned ones, which parse the whole corpus again, only for
    # the PDF's layout or a large corpus.
    fork = _can_fork()
    worthwhile = fork or any(formats.get(name).costly_per_document for name, _, _, _ in tasks) or sum(
        len(src.data) for _, src, _, _ in tasks if src) > POOL_MIN_BYTES
    if jobs <= 1 or (options.jobs == 0 and not worthwhile):
        results = []
        for i, (name, src, _, _) in enumerate(tasks):
            results.append(_transform_document(corpus, name, src.path if src else None, options))
            _progress(progress, i + 1, len(tasks))
        return results
    global _worker_corpus
    if fork:  # the workers inherit the loaded sources and make their own Saxon trees
        _worker_corpus = corpus
        context, initializer, initargs = get_context("fork"), _forked_worker_init, (os.getpid(),)
    else:
        context, initializer, initargs = get_context("spawn"), _worker_init, ([str(s.path) for s in corpus.sources],)
    log.info("%d workers, %s", jobs, "forked" if fork else "spawned")
    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context,
                                 initializer=initializer, initargs=initargs) as pool:
            # the costliest first (whole-edition outputs, then the largest documents): less idle tail
            order = sorted(range(len(tasks)), key=lambda i: -(len(tasks[i][1].data) if tasks[i][1] else 1 << 60))
            submitted = {i: pool.submit(_worker_task, tasks[i][0], str(tasks[i][1].path) if tasks[i][1] else None,
                                        options) for i in order}
            results = []
            for i in range(len(tasks)):
                results.append(submitted[i].result())
                _progress(progress, i + 1, len(tasks))
            return results
    finally:
        _worker_corpus = None


# Each worker holds the whole corpus as Saxon trees, and its pages: measured (summed PSS), one
# 50 MB document in html and text peaks at 0.8 and 1.1 GB in the two workers, 0.4 GB in the
# main process.
WORKER_BYTES_PER_SOURCE_BYTE = 20
WORKER_BASE_BYTES = 150_000_000


def _default_jobs(corpus: Corpus) -> int:
    """One worker per core, as many as the free memory holds (a worker parses every document)."""
    cores = os.cpu_count() or 1
    try:
        meminfo = Path("/proc/meminfo").read_text()
        available = int(meminfo.split("MemAvailable:", 1)[1].split()[0]) * 1024
    except (OSError, IndexError, ValueError):
        return cores
    per_worker = WORKER_BASE_BYTES + WORKER_BYTES_PER_SOURCE_BYTE * sum(len(s.data) for s in corpus.sources)
    return max(1, min(cores, available // per_worker))


def _can_fork() -> bool:
    """Fork workers (they start in milliseconds with the sources loaded) on Linux, and only
    while this process has not started Saxon: a child forked from a process with a running
    SaxonC isolate can crash in its garbage collector (seen: "GC must not encounter unknown
    frames"), so then, and on other systems, workers are spawned."""
    return sys.platform.startswith("linux") and "fork" in get_all_start_methods() and not transform.started()


def _reuse(previous: dict | None, key: str, old_folder: Path, new_folder: Path) -> bool:
    """Carry a cached entry's files over into staging when its key still matches."""
    if not previous or previous.get("key") != key:
        return False
    files = previous.get("files", [])
    if not all((old_folder / f).is_file() for f in files):
        return False
    for f in files:
        write.link_file(old_folder / f, write.safe_join(new_folder, f))
    return True


def _write_outputs(folder: Path, outputs: dict[str, bytes]) -> None:
    for rel, data in sorted(outputs.items()):
        write.write_bytes(write.safe_join(folder, rel), data)


def _read_manifest(out: Path) -> dict:
    try:
        manifest = json.loads((out / MANIFEST).read_text())
    except (OSError, ValueError):
        return {}
    return manifest if isinstance(manifest, dict) else {}
