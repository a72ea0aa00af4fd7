"""The `edition` command: a thin click group over the library; exit codes live here only.

Exit codes: 0 success, 1 errors in the sources or the build, 2 usage or I/O problems.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

import click

from . import OUTPUT_DIR, TEI_DIR, __version__
from .errors import EditionError, UsageError

log = logging.getLogger("edition")


def _fail(exc: EditionError) -> None:
    click.echo(f"edition: {exc}", err=True)
    sys.exit(exc.exit_code)


def _io_fail(exc: OSError) -> None:
    """A file system problem outside the sources (an output folder that cannot be made...)."""
    where = f"{exc.filename}: " if exc.filename else ""
    click.echo(f"edition: {where}{exc.strerror or exc}", err=True)
    sys.exit(2)


def _log_level(quiet: bool, verbose: int) -> int:
    return logging.ERROR if quiet else (logging.DEBUG if verbose > 1 else logging.INFO if verbose else logging.WARNING)


def _set_quiet(ctx: click.Context, _param, value: bool) -> None:
    if value:
        ctx.obj["quiet"] = True
        logging.getLogger().setLevel(_log_level(True, 0))


def _set_verbose(ctx: click.Context, _param, value: int) -> None:
    if value:
        ctx.obj["verbose"] += value
        logging.getLogger().setLevel(_log_level(ctx.obj["quiet"], ctx.obj["verbose"]))


def _verbosity(command):
    """-q/-v after the command name too: `edition build -q` as `edition -q build`."""
    command = click.option("-v", "--verbose", count=True, expose_value=False, callback=_set_verbose,
                           help="More detail (repeat for debug).")(command)
    return click.option("-q", "--quiet", is_flag=True, expose_value=False, callback=_set_quiet,
                        help="Only errors.")(command)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="edition")
@click.option("-q", "--quiet", is_flag=True, help="Only errors.")
@click.option("-v", "--verbose", count=True, help="More detail (repeat for debug).")
@click.pass_context
def main(ctx: click.Context, quiet: bool, verbose: int) -> None:
    """Validate, build and deposit a TEI P5 scholarly edition.

    \b
    Example:
      edition validate              # the edition under tei/
      edition build                 # every format into output/
      edition build --format html --out site/ my-tei/*.xml
    """
    logging.basicConfig(level=_log_level(quiet, verbose), format="%(message)s", stream=sys.stderr)
    ctx.obj = {"quiet": quiet, "verbose": verbose}


@main.command()
@_verbosity
@click.argument("paths", nargs=-1)
@click.option("--schema", default="auto", show_default=True,
              help="edition | tei_all | PATH to a .rng; auto: edition for files under tei/, else tei_all.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_context
def validate(ctx: click.Context, paths: tuple[str, ...], schema: str, fmt: str) -> None:
    """Check TEI files: RELAX NG, then the Schematron rules; report every problem.

    \b
    Example:
      edition validate                       # every TEI file under tei/
      edition validate --schema tei_all ../shared/corpus/
      edition validate --format json letters/*.xml
    """
    from . import sources
    from .validate import validate_paths

    try:
        files = sources.find(paths, default=TEI_DIR)
        diagnostics = validate_paths(files, schema=schema)
    except EditionError as exc:
        _fail(exc)
    except OSError as exc:
        _io_fail(exc)
    errors = sum(d.severity == "error" for d in diagnostics)
    warnings = sum(d.severity == "warning" for d in diagnostics)
    if fmt == "json":
        click.echo(json.dumps({"files": len(files), "errors": errors, "warnings": warnings,
                               "diagnostics": [d.as_dict() for d in diagnostics]}, indent=1))
    else:
        for d in diagnostics:
            click.echo(str(d))
    if not ctx.obj["quiet"]:
        click.echo(f"{len(files)} file(s): {errors} error(s), {warnings} warning(s)", err=True)
    sys.exit(1 if errors else 0)


@main.command()
@_verbosity
@click.argument("sources_", metavar="SOURCES", nargs=-1)
@click.option("--format", "formats", default="all", show_default=True,
              help="Comma-separated formats: html,text,pdf (or all).")
@click.option("--out", "out", type=click.Path(path_type=Path), default=None,
              help="Output folder [default: output/].")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=0, help="Worker processes (0: one per core).")
@click.option("--force", is_flag=True, help="Rebuild everything, ignoring the build cache.")
@click.option("--width", type=click.IntRange(min=10), default=72, show_default=True, help="Text edition line width.")
@click.option("--page-size", default="A5", show_default=True, help="PDF page size (A5, A4, letter...).")
@click.option("--base-url", default="", help="Public address of the web edition, for citation links.")
@click.option("--no-search", is_flag=True, help="Web edition without its full-text search index (faster).")
@click.option("--no-wait", is_flag=True, help="Fail at once if another build holds the output.")
@click.pass_context
def build(ctx, sources_, formats, out, jobs, force, width, page_size, base_url, no_search, no_wait) -> None:
    """Transform TEI into the web, text and print editions (XSLT 3.0).

    \b
    Example:
      edition build                             # the edition, every format, into output/
      edition build --format html,text --out site/ corpus/ -j2
    """
    from .build import BuildOptions, build as run_build

    options = BuildOptions(formats=formats, jobs=jobs, force=force, width=width,
                           page_size=page_size, base_url=base_url, search=not no_search, quiet=ctx.obj["quiet"],
                           wait=not no_wait)
    try:
        report = run_build(list(sources_), out or OUTPUT_DIR, options)
    except EditionError as exc:
        _fail(exc)
    except OSError as exc:
        _io_fail(exc)
    for d in report.diagnostics:
        if d.severity == "error" or not ctx.obj["quiet"]:
            click.echo(str(d), err=True)
    if not ctx.obj["quiet"]:
        click.echo(report.summary(), err=True)
    sys.exit(1 if report.errors else 0)


@main.command()
@_verbosity
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--dir", "folder", type=click.Path(path_type=Path), default=OUTPUT_DIR / "html",
              show_default=True)
def serve(port: int, folder: Path) -> None:
    """Preview the web edition on http://127.0.0.1:PORT/.

    \b
    Example:
      edition serve --port 8080
    """
    from .serve import serve as run_serve

    try:
        run_serve(folder, port)
    except EditionError as exc:
        _fail(exc)
    except OSError as exc:  # the port is taken, the folder unreadable...
        _io_fail(exc)


@main.command()
@_verbosity
@click.option("--out", "out", type=click.Path(path_type=Path), default=None,
              help="Bag folder, replaced atomically [default: output/deposit/].")
@click.option("--source", "source", type=click.Path(path_type=Path), default=TEI_DIR,
              help="The edition's TEI folder [default: tei/].")
@click.option("--format", "formats", default="html,text,pdf", show_default=True,
              help="Editions to build (into output/, if not up to date) and deposit; none: sources only.")
@click.pass_context
def deposit(ctx, out, source, formats) -> None:
    """Build what is missing and write a BagIt bag (RFC 8493) for an archive.

    \b
    Example:
      SOURCE_DATE_EPOCH=1735689600 edition deposit --out /tmp/bag
      edition verify /tmp/bag
    """
    from .deposit import deposit as run_deposit

    try:
        report = run_deposit(source, out or OUTPUT_DIR / "deposit", OUTPUT_DIR, formats)
    except EditionError as exc:
        _fail(exc)
    except OSError as exc:
        _io_fail(exc)
    if not ctx.obj["quiet"]:
        click.echo(report.summary(), err=True)


@main.command()
@_verbosity
@click.argument("path", type=click.Path(path_type=Path))
@click.pass_context
def verify(ctx, path) -> None:
    """Check a bag's completeness and fixity; name every changed, missing or extra file.

    \b
    Example:
      edition verify output/deposit/     # exit 0: all well; 1: lines 'path: changed|missing|extra'
    """
    from .deposit import verify as run_verify

    try:
        report = run_verify(path)
    except EditionError as exc:
        _fail(exc)
    except OSError as exc:
        _io_fail(exc)
    for line in report.lines():
        click.echo(line)
    if not ctx.obj["quiet"]:
        click.echo(f"{path}: {'valid' if report.ok else 'NOT valid'} ({report.files} payload file(s))", err=True)
    sys.exit(0 if report.ok else 1)


@main.command()
@_verbosity
@click.option("--source", "source", type=click.Path(path_type=Path), default=TEI_DIR,
              help="The edition's TEI folder [default: tei/].")
def citation(source) -> None:
    """Print CITATION.cff (Citation File Format 1.2.0) from the edition header.

    \b
    Example:
      edition citation > CITATION.cff
    """
    from .deposit import citation_cff

    try:
        click.echo(citation_cff(source), nl=False)
    except EditionError as exc:
        _fail(exc)
    except OSError as exc:
        _io_fail(exc)


if __name__ == "__main__":
    main()
