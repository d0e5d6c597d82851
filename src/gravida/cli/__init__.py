"""The `gravida` command line: a thin face over `gravida.service`.

Every user-facing failure is one line on stderr and exit status 2; `--json` output keeps the shapes
documented in DESIGN.md so scripts can rely on them. Commands live in `coding` and `claims`; importing
them registers them on `app`.
"""

from __future__ import annotations

import os
import sys
from typing import NoReturn

# isort: off
from gravida.cli import coding  # registers code, units, dx, schema encounter, demo (listed first in --help)
from gravida.cli import claims  # registers scrub, schema claim|history, policy, ncci
from gravida.cli import exchange  # registers export 837p|cms1500|superbill|lmn|fhir, remit read, claim read
from gravida.cli import notes  # registers note extract|audit (and code NOTE.txt through coding)

# isort: on
from gravida.cli.app import app, err_console
from gravida.domain import InputError
from gravida.knowledge import KnowledgeError

__all__ = ["app", "claims", "coding", "exchange", "main", "notes"]


def main() -> None:
    """Entry point: turn every expected failure into one clear line and exit status 2.

    Typer handles usage errors itself (exit 2); what our layers raise is caught here.
    """
    try:
        app()
    except InputError as exc:
        _exit_with(str(exc))
    except KnowledgeError as exc:
        _exit_with(f"knowledge data: {exc}")
    except Exception as exc:  # the last guard: never a traceback for the user
        if os.environ.get("GRAVIDA_DEBUG"):
            raise
        _exit_with(f"internal error ({type(exc).__name__}: {exc}); set GRAVIDA_DEBUG=1 for details", 1)


def _exit_with(message: str, status: int = 2) -> NoReturn:
    err_console.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    sys.exit(status)


if __name__ == "__main__":
    main()
