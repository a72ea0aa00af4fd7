"""`make bench`: every benchmark module's figures, one after another."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
# bench/html.py and friends must not shadow the standard library's modules of the same name
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE]
ORDER = ["validate", "build", "html", "text", "pdf", "deposit"]


def main() -> None:
    names = [n for n in ORDER if (HERE / f"{n}.py").exists()]
    names += sorted(p.stem for p in HERE.glob("*.py") if p.stem not in names + ["run"])
    chosen = sys.argv[1:] or names
    sys.argv = sys.argv[:1]  # each module's main() reads its own options from sys.argv
    for name in chosen:
        print(f"== {name}", flush=True)
        spec = importlib.util.spec_from_file_location(f"bench_{name}", HERE / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        module.main()
        sys.stdout.flush()


if __name__ == "__main__":
    main()
