"""The benchmark script runs (on a tiny workload) so it cannot rot; its figures are not asserted."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).parent.parent / "benchmarks" / "coding_throughput.py"


def test_the_throughput_benchmark_runs_and_reports_ratios() -> None:
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--encounters", "40", "--rounds", "1", "--cold-runs", "1"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "encounters/s" in result.stdout and "x the 5,000/s goal" in result.stdout
    assert "x bare Python" in result.stdout


X12_SCRIPT = Path(__file__).parent.parent / "benchmarks" / "x12_vs_pyx12.py"


def test_the_x12_against_pyx12_benchmark_runs_and_reports_ratios() -> None:
    result = subprocess.run(
        [sys.executable, str(X12_SCRIPT), "--quick"], capture_output=True, text=True, timeout=300, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "837P" in result.stdout and "835" in result.stdout and "x  " in result.stdout
    assert "claims/s (write_837p" in result.stdout and "read_835 failed" not in result.stdout
