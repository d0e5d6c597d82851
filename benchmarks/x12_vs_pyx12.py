"""Gravida's X12 readers against pyx12 on the same files, and the 837P writer's speed, in one run.

Run: .venv/bin/python benchmarks/x12_vs_pyx12.py [--megabytes 1.0] [--rounds 5] [--pyx12-rounds 2] [--seed 2026]
     [--quick]

Two files are built in memory from seeded synthetic data: an 837P of about --megabytes written by `write_837p` from
`claims_with_parties`, and an 835 of about the same size from benchmarks/synthetic_835.py. For each file the script
times Gravida's reader (`read_837p` with a directory of the claims' payers and providers, `read_835`), best of
--rounds, and pyx12 4.0.0 parsing and validating the same text against its 005010 maps (`x12n_document`), best of
--pyx12-rounds (fewer: it is the slow side; taking the best of each side keeps the ratio fair on a busy machine).
Each file is measured in a process of its own (started by this script), so neither reader is timed on a heap the
other benchmark left behind. It prints seconds, the ratio against the goal of 20 times faster than pyx12, the
errors pyx12 found (0 expected for both files), and the 837P claims written per second. --quick shrinks everything
for a smoke test. Nothing here asserts a figure; the figures are printed.
"""

from __future__ import annotations

import argparse
import dataclasses
import gc
import io
import json
import logging
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import pyx12.params
import pyx12.x12n_document

from gravida.interchange.x12 import Directory, Envelope, read_835, read_837p, write_837p
from gravida.synthetic_claims.parties import claims_with_parties
from synthetic_835 import synthetic_835

GOAL_RATIO = 20.0
ENVELOPE = Envelope(
    sender_id="SYNSENDER",
    receiver_id="SYNRECEIVER",
    submitter_name="SYNTHETIC BILLING",
    submitter_phone="2065550100",
    receiver_name="SYNTHETIC CLEARINGHOUSE",
    interchange_control_number=1,
    created=datetime(2024, 10, 17, 9, 30),
)


@dataclass
class Row:
    """One file read both ways."""

    name: str
    size: int
    items: str
    gravida: float | None
    pyx12: float
    pyx12_errors: list[str]
    problem: str = ""


def best_of(rounds: int, work: Callable[[], Any]) -> float:
    """The fastest of `rounds` runs of `work`, in seconds (what it returns is freed after the clock stops)."""
    times = []
    for _ in range(rounds):
        gc.collect()  # each round starts from a collected heap, outside the clock (as for pyx12)
        started = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - started)
        del result
    return min(times)


def _errors(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "errors":
                yield from (str(item["err_str"]) for item in value)
            else:
                yield from _errors(value)
    elif isinstance(node, list):
        for item in node:
            yield from _errors(item)


def pyx12_read(text: str, rounds: int) -> tuple[float, list[str]]:
    """Seconds for pyx12 to parse and validate `text` (best of `rounds`), and the errors it reported."""
    runs = [_pyx12_once(text) for _ in range(rounds)]
    return min(seconds for seconds, _ in runs), runs[0][1]


def _pyx12_once(text: str) -> tuple[float, list[str]]:
    logging.getLogger("pyx12").setLevel(logging.CRITICAL)
    report = io.StringIO()
    gc.collect()
    started = time.perf_counter()
    valid = pyx12.x12n_document.x12n_document(
        param=pyx12.params.params(),
        src_file=io.StringIO(text),
        fd_997=None,
        fd_html=None,
        fd_xmldoc=None,
        fd_json=report,
    )
    seconds = time.perf_counter() - started
    errors = list(_errors(json.loads(report.getvalue())))
    if not valid and not errors:
        errors.append("pyx12 reported the file invalid without naming an error")
    return seconds, errors


def claims_for(megabytes: float, seed: int) -> list[Any]:
    """Enough synthetic claims for an 837P of about `megabytes`, sized from a first sample of 100."""
    sample = claims_with_parties(100, seed)
    per_claim = len(write_837p(sample, ENVELOPE)) / len(sample)
    return claims_with_parties(max(1, round(megabytes * 1_000_000 / per_claim)), seed)


def bench_837p(megabytes: float, rounds: int, pyx12_rounds: int, seed: int) -> tuple[Row, float]:
    claims = claims_for(megabytes, seed)
    write_seconds = best_of(rounds, lambda: write_837p(claims, ENVELOPE))
    text = write_837p(claims, ENVELOPE)
    directory = Directory.of(claims)
    read = read_837p(text, directory)
    problem = "" if len(read.claims) == len(claims) else f"read {len(read.claims)} of {len(claims)} claims"
    del read
    gravida = best_of(rounds, lambda: read_837p(text, directory))
    seconds, errors = pyx12_read(text, pyx12_rounds)
    row = Row("837P", len(text), f"{len(claims):,} claims", gravida, seconds, errors, problem)
    return row, len(claims) / write_seconds


def bench_835(megabytes: float, rounds: int, pyx12_rounds: int, seed: int) -> Row:
    per_claim = len(synthetic_835(100, seed).text) / 100
    made = synthetic_835(max(1, round(megabytes * 1_000_000 / per_claim)), seed)
    items = f"{made.claims:,} claims"
    seconds, errors = pyx12_read(made.text, pyx12_rounds)
    try:
        remittances = read_835(made.text)
        read = sum(len(remittance.claims) for remittance in remittances)
        problem = "" if read == made.claims else f"read {read} of {made.claims} claims"
        del remittances  # as for the 837P: the check's result is freed before the clock runs
        gravida: float | None = best_of(rounds, lambda: read_835(made.text))
    except Exception as error:  # the 835 reader is another module's work: report it broken, do not hide the rest
        problem, gravida = f"read_835 failed: {type(error).__name__}: {error}", None
    return Row("835", len(made.text), items, gravida, seconds, errors, problem)


def print_table(rows: list[Row], claims_per_second: float, rounds: int, pyx12_rounds: int) -> None:
    print(
        f"X12 reading: Gravida (best of {rounds}) against pyx12 4.0.0 parsing and validating the same text "
        f"(best of {pyx12_rounds})"
    )
    print(
        f"  {'file':<5} {'size':>9} {'content':>15} {'gravida s':>10} {'pyx12 s':>9} {'ratio':>9}  goal x20  pyx12 errs"
    )
    for row in rows:
        if row.gravida is None:
            ratio, verdict, gravida = "-", "-", "failed"
        else:
            ratio = f"{row.pyx12 / row.gravida:8.1f}x"
            verdict = "met" if row.pyx12 / row.gravida >= GOAL_RATIO else "MISSED"
            gravida = f"{row.gravida:.3f}"
        print(
            f"  {row.name:<5} {row.size / 1e6:7.2f}MB {row.items:>15} {gravida:>10} {row.pyx12:9.2f} {ratio:>9}"
            f"  {verdict:<8}  {len(row.pyx12_errors)}"
        )
    for row in rows:
        if row.problem:
            print(f"  note, {row.name}: {row.problem}")
        for error in row.pyx12_errors[:3]:
            print(f"  pyx12 on the {row.name}: {error}")
    print(f"837P writing: {claims_per_second:,.0f} claims/s (write_837p, best of {rounds})")


def _measure(which: str, megabytes: float, rounds: int, pyx12_rounds: int, seed: int) -> dict[str, Any]:
    """One file's figures, as JSON for the parent process."""
    if which == "837p":
        row, claims_per_second = bench_837p(megabytes, rounds, pyx12_rounds, seed)
        return {"row": dataclasses.asdict(row), "claims_per_second": claims_per_second}
    return {"row": dataclasses.asdict(bench_835(megabytes, rounds, pyx12_rounds, seed))}


def _in_own_process(which: str, args: list[str]) -> dict[str, Any]:
    """Each file is measured in a process of its own: a reader timed after another file's benchmark in the same
    process runs a fifth slower (what the first run left in the allocator), whichever reader it is."""
    result = subprocess.run(
        [sys.executable, __file__, "--only", which, *args], capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise SystemExit(f"the {which} benchmark failed:\n{result.stderr}")
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--megabytes", type=float, default=1.0, help="about how large each file is")
    parser.add_argument("--rounds", type=int, default=5, help="timing runs of Gravida's side; the best is reported")
    parser.add_argument("--pyx12-rounds", type=int, default=2, help="timing runs of pyx12; the best is reported")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--quick", action="store_true", help="small files and one round, for a smoke test")
    parser.add_argument("--only", choices=["837p", "835"], help=argparse.SUPPRESS)  # one file, JSON out
    args = parser.parse_args()
    megabytes, rounds, pyx12_rounds = (0.03, 1, 1) if args.quick else (args.megabytes, args.rounds, args.pyx12_rounds)
    if args.only:
        print(json.dumps(_measure(args.only, megabytes, rounds, pyx12_rounds, args.seed)))
        return
    passed = ["--megabytes", str(megabytes), "--rounds", str(rounds), "--pyx12-rounds", str(pyx12_rounds),
              "--seed", str(args.seed)]
    first, second = _in_own_process("837p", passed), _in_own_process("835", passed)
    rows = [Row(**first["row"]), Row(**second["row"])]
    print_table(rows, first["claims_per_second"], rounds, pyx12_rounds)


if __name__ == "__main__":
    main()
