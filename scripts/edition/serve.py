"""A local preview server for the web edition (127.0.0.1 only)."""

from __future__ import annotations

import functools
import http.server
import sys
from pathlib import Path

from .errors import UsageError


def serve(folder: Path, port: int) -> None:
    """Serve the output folder (the site and, beside it, the text and PDF editions it links)."""
    if not (folder / "index.html").is_file():
        raise UsageError(f"{folder}: no web edition here; run `edition build --format html` first")
    root, site = folder.resolve().parent, folder.resolve().name

    class Handler(http.server.SimpleHTTPRequestHandler):
        def _to_site(self) -> bool:  # the site is the start page
            if self.path not in ("", "/"):
                return False
            self.send_response(302)
            self.send_header("Location", f"/{site}/")
            self.end_headers()
            return True

        def do_GET(self):
            if not self._to_site():
                super().do_GET()

        def do_HEAD(self):
            if not self._to_site():
                super().do_HEAD()

    handler = functools.partial(Handler, directory=str(root))
    with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler) as httpd:
        print(f"Serving {folder} at http://127.0.0.1:{httpd.server_address[1]}/{site}/ (Ctrl-C to stop)",
              file=sys.stderr, flush=True)
        try:
            httpd.serve_forever()
        except KeyboardInterrupt:
            pass
