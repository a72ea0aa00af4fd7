"""A local preview server for the web edition (127.0.0.1 only)."""

from __future__ import annotations

import functools
import http.server
import sys
from pathlib import Path

from .errors import UsageError


def serve(folder: Path, port: int) -> None:
    if not (folder / "index.html").is_file():
        raise UsageError(f"{folder}: no web edition here; run `edition build --format html` first")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(folder))
    with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler) as httpd:
        print(f"Serving {folder} at http://127.0.0.1:{httpd.server_address[1]}/ (Ctrl-C to stop)",
              file=sys.stderr, flush=True)
        try:
            httpd.serve_forever()
        except KeyboardInterrupt:
            pass
