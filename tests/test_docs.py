"""The README's commands work as written (tested docs): every `gravida` command it shows on the bundled
examples is run, and must succeed without a traceback. Commands on placeholders (your own files) are skipped."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
GRAVIDA = str(Path(sys.executable).parent / "gravida")
PLACEHOLDER = re.compile(r"\b[A-Z][A-Z_]+\b|\*|PTP\.txt|MUE\.csv")


def readme_commands() -> list[str]:
    commands = []
    for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines():
        line = re.split(r"\s#\s", line, maxsplit=1)[0].strip()
        if not line.startswith(".venv/bin/gravida "):
            continue
        for part in line.split(" ; "):
            part = part.strip()
            if part and not PLACEHOLDER.search(part.removeprefix(".venv/bin/gravida ")):
                commands.append(part)
    return commands


COMMANDS = readme_commands()


def test_the_readme_shows_commands_to_try() -> None:
    assert len(COMMANDS) >= 8


@pytest.mark.parametrize("command", COMMANDS)
def test_readme_command_runs(command: str, tmp_path: Path) -> None:
    args = shlex.split(command)[1:]
    if "-o" in args:  # what a command writes goes to a temporary folder, not into the checkout
        at = args.index("-o") + 1
        args[at] = str(tmp_path / Path(args[at]).name)
    result = subprocess.run([GRAVIDA, *args], cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, f"{command}\n{result.stderr}"
    assert "Traceback" not in result.stderr
    assert result.stdout.strip()
