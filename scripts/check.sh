#!/usr/bin/env bash
# Set up .venv (if needed) and run every check CI runs: ruff, mypy, import-linter, pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
# The PDF tests read rendered pages back with poppler's pdftotext (a Debian package, not a Python one).
if ! command -v pdftotext >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq >/dev/null && $SUDO apt-get install -y -qq poppler-utils >/dev/null
fi
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
echo "== ruff" && .venv/bin/ruff check src tests benchmarks
echo "== mypy" && .venv/bin/mypy
echo "== import-linter" && .venv/bin/lint-imports
echo "== pytest" && .venv/bin/pytest "$@"
