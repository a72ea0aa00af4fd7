"""Atomic output: build into a staging folder beside the target, swap it in when complete.

The swap is one renameat2(RENAME_EXCHANGE) call where the kernel offers it, so a reader (or a
build killed at any moment) sees either the whole previous output or the whole new one.
Concurrent builds of one output are serialised by an flock on a lock file beside it.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import os
import shutil
import sys
import tempfile
from pathlib import Path

from .errors import BuildError

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100
_libc = ctypes.CDLL(None, use_errno=True) if sys.platform.startswith("linux") else None


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths; False when the kernel or libc cannot."""
    fn = getattr(_libc, "renameat2", None) if _libc else None
    if fn is None:
        return False
    if fn(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP):
        return False
    raise OSError(err, os.strerror(err), str(b))


def link_tree(src: Path, dst: Path, skip: set[str] = frozenset()) -> None:
    """Hard-link src's files into dst (cheap; outputs are only ever replaced, never edited)."""
    dst.mkdir(parents=True, exist_ok=True)
    for entry in os.scandir(src):
        if entry.name in skip:
            continue
        target = dst / entry.name
        if entry.is_dir(follow_symlinks=False):
            target.mkdir()
            link_tree(Path(entry.path), target)
        elif entry.is_file(follow_symlinks=False):
            try:
                os.link(entry.path, target)
            except OSError:
                shutil.copy2(entry.path, target)


def link_file(src: Path, dst: Path) -> None:
    dst.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)


_held_locks: set[int] = set()  # descriptors of the output locks this process holds


@contextlib.contextmanager
def locked(out: Path, wait: bool = True):
    """Hold the output's lock; a second build waits (or fails at once with wait=False)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    lock_path = out.parent / f".{out.name}.lock"
    with open(lock_path, "a+") as handle:
        flags = fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB)
        try:
            fcntl.flock(handle, flags)
        except BlockingIOError:
            raise BuildError(f"{out}: another build is writing this output; try again when it ends") from None
        _held_locks.add(handle.fileno())
        try:
            yield
        finally:
            _held_locks.discard(handle.fileno())
            fcntl.flock(handle, fcntl.LOCK_UN)


def close_inherited_locks() -> None:
    """In a forked worker: close the lock files' descriptors inherited from the build (a
    worker that outlives a killed build must not keep its output locked). Closing, not
    unlocking: an unlock would release the parent's lock too."""
    for fd in list(_held_locks):
        os.close(fd)
    _held_locks.clear()


@contextlib.contextmanager
def staged(out: Path, replace: set[str] | None = None):
    """Yield a staging folder holding the current output except the `replace` entries.

    On normal exit the staging folder becomes `out` in one atomic swap; on any error it is
    removed and `out` is untouched. Call inside `locked(out)`.
    """
    out = out.resolve()
    for stale in out.parent.glob(f".{out.name}.staging-*"):  # left by a killed build
        shutil.rmtree(stale, ignore_errors=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.staging-", dir=out.parent))
    try:
        if out.is_dir():
            link_tree(out, staging, replace or set())
        yield staging
        os.chmod(staging, 0o755)
        if out.is_dir():
            if not _exchange(staging, out):
                old = out.parent / f".{out.name}.old-{os.getpid()}"
                os.rename(out, old)
                os.rename(staging, out)
                staging = old
        else:
            os.rename(staging, out)
            staging = None
    finally:
        if staging is not None and staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


def write_bytes(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def safe_join(folder: Path, relative: str) -> Path:
    """folder/relative, refusing names that would leave folder (from ids or file names)."""
    rel = Path(relative)
    if rel.is_absolute() or ".." in rel.parts or not relative or "\x00" in relative:
        raise BuildError(f"refused output name {relative!r}: it would leave the output folder")
    return folder / rel
