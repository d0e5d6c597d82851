"""Encounters coded per second in one process, and the cold start of `gravida code` on one encounter.

Run: .venv/bin/python benchmarks/coding_throughput.py [--encounters 5000] [--cold-runs 5]

Throughput is measured on the seeded synthetic encounters (the same ones as the demo), parsed from JSON
dicts and coded end to end. It is reported against two baselines measured in the same run: parsing the
encounters alone (the floor any coder pays) and the 5,000 encounters/s goal. Cold start is the wall time
of a fresh `gravida code ENCOUNTER.json --json` process, against a bare `python -c pass` in the same run,
with the ICD-10-CM index already built (the first run ever builds it once).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from gravida import service
from gravida.knowledge import default_knowledge
from gravida.synthetic import synthetic_encounter_dicts

GOAL_PER_SECOND = 5_000
GOAL_COLD_START_SECONDS = 1.0


def throughput(count: int, rounds: int) -> tuple[float, float]:
    """(encounters coded per second, encounters parsed per second); best of `rounds`."""
    dicts = synthetic_encounter_dicts(count, seed=7)
    default_knowledge()  # loading rule data is start-up, measured by the cold start below
    service.code(service.parse_encounter(dicts[0]))
    best_code = best_parse = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        for data in dicts:
            service.code(service.parse_encounter(data))
        best_code = min(best_code, time.perf_counter() - started)
        started = time.perf_counter()
        for data in dicts:
            service.parse_encounter(data)
        best_parse = min(best_parse, time.perf_counter() - started)
    return count / best_code, count / best_parse


def cold_start(runs: int) -> tuple[float, float]:
    """(median seconds of `gravida code`, median seconds of `python -c pass`)."""
    gravida = str(Path(sys.executable).parent / "gravida")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "encounter.json"
        path.write_text(json.dumps(synthetic_encounter_dicts(1, seed=7)[0]), encoding="utf-8")
        subprocess.run([gravida, "code", str(path), "--json"], check=True, capture_output=True)  # warm the index

        def timed(command: list[str]) -> float:
            samples = []
            for _ in range(runs):
                started = time.perf_counter()
                subprocess.run(command, check=True, capture_output=True)
                samples.append(time.perf_counter() - started)
            return statistics.median(samples)

        return timed([gravida, "code", str(path), "--json"]), timed([sys.executable, "-c", "pass"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--encounters", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--cold-runs", type=int, default=7)
    args = parser.parse_args()

    coded, parsed = throughput(args.encounters, args.rounds)
    gravida_seconds, python_seconds = cold_start(args.cold_runs)
    print(f"coding throughput ({args.encounters} synthetic encounters, best of {args.rounds})")
    print(f"  coded end to end : {coded:10,.0f} encounters/s  = {coded / GOAL_PER_SECOND:5.2f} x the 5,000/s goal")
    print(f"  parse only       : {parsed:10,.0f} encounters/s  (coding runs at {coded / parsed:4.2f} x parse speed)")
    print(f"cold start (median of {args.cold_runs})")
    goal_ratio = gravida_seconds / GOAL_COLD_START_SECONDS
    print(f"  gravida code     : {gravida_seconds:6.3f} s  = {goal_ratio:4.2f} x the 1 s goal")
    python_ratio = gravida_seconds / python_seconds
    print(f"  python -c pass   : {python_seconds:6.3f} s  (gravida takes {python_ratio:4.1f} x bare Python)")


if __name__ == "__main__":
    main()
