"""The build's notion of 'now': SOURCE_DATE_EPOCH when set (reproducible builds), else none."""

from __future__ import annotations

import datetime as _dt
import os

from .errors import UsageError


def source_date(environ=os.environ) -> _dt.datetime | None:
    """SOURCE_DATE_EPOCH as a UTC datetime; None when unset; UsageError when not a valid time."""
    raw = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not raw:
        return None
    try:
        return _dt.datetime.fromtimestamp(int(raw), tz=_dt.timezone.utc)
    except (ValueError, OverflowError, OSError):
        raise UsageError(f"SOURCE_DATE_EPOCH={raw!r}: not a number of seconds since 1970") from None
