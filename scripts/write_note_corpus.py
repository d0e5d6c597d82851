"""Write the labelled note corpus to tests/note_corpus (one YAML file per style).

Run: .venv/bin/python scripts/write_note_corpus.py [--seed 4] [--per-style 12] [--check]

The corpus is generated from code with a fixed seed (gravida.synthetic_notes); the files are its written form, so a
reviewer can read the notes and their labels. `--check` writes nothing and exits 1 when the files differ from what
the generator gives (tests/test_note_corpus.py checks the same).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from gravida.synthetic_notes import DEFAULT_SEED, NOTES_PER_STYLE, note_corpus
from gravida.synthetic_notes.files import render_corpus_files

CORPUS_DIR = Path(__file__).resolve().parent.parent / "tests" / "note_corpus"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--per-style", type=int, default=NOTES_PER_STYLE)
    parser.add_argument("--check", action="store_true", help="compare with the files on disk; write nothing")
    args = parser.parse_args()
    files = render_corpus_files(note_corpus(args.seed, args.per_style), args.seed)
    if args.check:
        stale = [name for name, text in files.items() if _read(CORPUS_DIR / name) != text]
        extra = sorted({p.name for p in CORPUS_DIR.glob("*.yaml")} - set(files))
        for name in stale + extra:
            print(f"{CORPUS_DIR / name}: differs from the generator; run scripts/write_note_corpus.py")
        return 1 if stale or extra else 0
    CORPUS_DIR.mkdir(parents=True, exist_ok=True)
    for old in CORPUS_DIR.glob("*.yaml"):
        if old.name not in files:
            old.unlink()
    for name, text in files.items():
        (CORPUS_DIR / name).write_text(text, encoding="utf-8")
    count = sum(text.count("\n- id: ") + text.startswith("- id: ") for text in files.values())
    print(f"wrote {len(files)} files to {CORPUS_DIR}")
    return 0 if count >= 0 else 1


def _read(path: Path) -> str | None:
    return path.read_text(encoding="utf-8") if path.exists() else None


if __name__ == "__main__":
    sys.exit(main())
