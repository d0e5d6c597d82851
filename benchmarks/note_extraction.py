"""Per-field precision and recall of the note extractor on the labelled corpora, and notes read per second.

Run: .venv/bin/python benchmarks/note_extraction.py [--corpus main|heldout|blind|final|all] [--misses [N]]
     [--field NAME] [--fresh SEED [--per-style N]] [--no-speed] [--notes 300] [--rounds 5]

Accuracy, on four corpora (written by scripts/write_note_corpus.py), each reported on its own:
- `main`: tests/note_corpus (`gravida.synthetic_notes`), written by the same hands that built the reader, so its
  figures show what the reader was built to read;
- `heldout`, `blind`, `final`: tests/note_corpus_heldout, _blind, _final (`gravida.heldout_notes`, `.blind_notes`,
  `.final_notes`), each from a writer who saw neither the reader, its vocabulary nor the other writers. Each one's
  first run was the estimate on unseen notes (docs/note-accuracy.md keeps those figures); its misses were then
  used to improve the reader, so its figures now are no longer blind.
In every corpus the labels are the generator's record of what it wrote, never the reader's output. Every note is
read with `read_note`, and each field is scored as in `gravida.synthetic_notes.scoring` (micro-averaged).
`--fresh SEED` also scores notes the held-out generator writes in memory with another seed (the same writer's
styles, new combinations: a check that fixes made on the held-out misses generalise). `--misses` lists each note
that disagrees on a field, key fields first: what the label has that the extractor did
not find (missing) and what it found beyond the label (extra).

Speed: notes of about 300 words, made by the same generator, read one at a time in this process with one warm
`NoteReader` (the pipeline is built and run on a few notes first); the median of several rounds is reported against
the 200 notes/s goal.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from gravida.heldout_notes import heldout_corpus
from gravida.notes.extract import default_reader
from gravida.synthetic_notes import notes_of_about
from gravida.synthetic_notes.files import read_corpus
from gravida.synthetic_notes.scoring import FIELDS, KEY_FIELDS, Scores, score

TESTS = Path(__file__).resolve().parent.parent / "tests"
CORPORA = {
    "main": TESTS / "note_corpus",
    "heldout": TESTS / "note_corpus_heldout",
    "blind": TESTS / "note_corpus_blind",
    "final": TESTS / "note_corpus_final",
}
GOAL_SCORE = 0.95
GOAL_PER_SECOND = 200


def accuracy(folder: Path) -> tuple[Scores, int]:
    labels = read_corpus(folder)
    reader = default_reader()
    return score((label, reader.read(label.text)) for label in labels), len(labels)


def speed(count: int, words: int, rounds: int) -> tuple[float, float, list[float]]:
    """(median notes/s, mean words per note, every round's notes/s)."""
    notes = notes_of_about(words, count)
    reader = default_reader()
    for note in notes[:20]:
        reader.read(note)
    rates = []
    for _ in range(rounds):
        started = time.perf_counter()
        for note in notes:
            reader.read(note)
        rates.append(len(notes) / (time.perf_counter() - started))
    return statistics.median(rates), statistics.mean(len(n.split()) for n in notes), rates


def print_table(scores: Scores, notes: int, source: Path | str) -> None:
    where = source.relative_to(TESTS.parent) if isinstance(source, Path) else source
    print(f"Note extraction on {notes} labelled notes ({where})")
    print(f"{'field':<20} {'TP':>5} {'FP':>5} {'FN':>5} {'precision':>10} {'recall':>8} {'F1':>6}  goal")
    for name in FIELDS:
        s = scores.fields[name]
        goal = ""
        if name in KEY_FIELDS:
            goal = "met" if s.precision >= GOAL_SCORE and s.recall >= GOAL_SCORE else f"below {GOAL_SCORE}"
        print(f"{name:<20} {s.tp:>5} {s.fp:>5} {s.fn:>5} {s.precision:>10.3f} {s.recall:>8.3f} {s.f1:>6.3f}  {goal}")


def print_misses(scores: Scores, limit: int | None, only: str | None) -> None:
    order = {name: i for i, name in enumerate([*KEY_FIELDS, *(f for f in FIELDS if f not in KEY_FIELDS)])}
    misses = sorted(scores.misses, key=lambda m: (order[m.field], m.note_id))
    if only:
        misses = [m for m in misses if m.field == only]
    print(f"\nMisses ({len(misses)} note-fields" + (f", first {limit}" if limit and limit < len(misses) else "") + "):")
    for miss in misses[:limit]:
        print(f"  {miss.note_id:<20} {miss.field:<18} missing={list(miss.missing)} extra={list(miss.extra)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=[*CORPORA, "all"], default="all")
    parser.add_argument(
        "--fresh", type=int, metavar="SEED", help="also score notes the held-out generator writes with this seed"
    )
    parser.add_argument("--per-style", type=int, default=12, help="notes per style for --fresh")
    parser.add_argument("--misses", nargs="?", type=int, const=0, default=None, help="list misses (N: at most N)")
    parser.add_argument("--field", choices=list(FIELDS), help="only this field's misses")
    parser.add_argument("--notes", type=int, default=300, help="notes per speed round")
    parser.add_argument("--words", type=int, default=300, help="words per speed note")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--no-speed", action="store_true")
    args = parser.parse_args()
    for name, folder in CORPORA.items():
        if args.corpus not in (name, "all"):
            continue
        scores, count = accuracy(folder)
        print_table(scores, count, folder)
        if args.misses is not None:
            print_misses(scores, args.misses or None, args.field)
        print()
    if args.fresh is not None:
        fresh = heldout_corpus(args.fresh, args.per_style)
        reader = default_reader()
        scores = score((label, reader.read(label.text)) for label in fresh)
        print_table(scores, len(fresh), f"gravida.heldout_notes, seed {args.fresh}, written in memory")
        if args.misses is not None:
            print_misses(scores, args.misses or None, args.field)
        print()
    if not args.no_speed:
        median, words, rates = speed(args.notes, args.words, args.rounds)
        print(
            f"\nSpeed: {median:,.0f} notes/s (median of {args.rounds} rounds of {args.notes} notes, "
            f"{words:.0f} words each; rounds {', '.join(f'{r:,.0f}' for r in rates)}); "
            f"{median / GOAL_PER_SECOND:.2f}x the {GOAL_PER_SECOND}/s goal"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
