"""Render the example claim as a CMS-1500, a superbill and a letter of medical necessity, and their PNG previews.

Usage: .venv/bin/python scripts/render_pdf_images.py [--out docs/images] [--pdf-dir DIR]

Reads examples/claim.json. When the example carries no `parties` block, seeded synthetic parties from
`gravida.synthetic_claims.parties` are attached (made-up names, 555-01xx phone numbers), so the images never show
anyone real. The letter's facts below are made up as well.
The PNGs come from poppler's `pdftoppm` at 90 dpi (install poppler-utils); the PDFs are written next to them
only when --pdf-dir is given.
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

from gravida.domain.letters import LetterOfNecessity, Prescriber
from gravida.domain.parties import Address
from gravida.domain.submission import ClaimSubmission
from gravida.interchange.pdf import render_cms1500, render_lmn, render_superbill
from gravida.synthetic_claims.parties import with_parties

ROOT = Path(__file__).resolve().parent.parent
DPI = 90

#: Seed of the synthetic parties used when examples/claim.json carries none.
PARTIES_SEED = 2005

EXAMPLE_LETTER = LetterOfNecessity(
    written_on=date(2026, 2, 20),
    condition=(
        "Pregnancy-related low back pain and bilateral pelvic pain since about 24 weeks of gestation, with neck pain. "
        "The pain limits walking, sleep and daily activities, and medications are limited during pregnancy."
    ),
    treatment="Prenatal therapeutic massage and manual therapy by a licensed therapist",
    frequency="1 visit per week",
    duration="12 weeks",
    start=date(2026, 2, 24),
    end=date(2026, 5, 19),
    goals="Less pain, better sleep and the ability to walk and work through the third trimester.",
    prescriber=Prescriber(
        practice="Example Midwifery Group",
        address=Address(line1="300 Sample Street", city="Sampleton", state="WA", zip="98003"),
        phone="2065550111",
    ),
)


def example_claim() -> ClaimSubmission:
    """examples/claim.json, with seeded synthetic parties when it carries none."""
    claim = ClaimSubmission.model_validate_json((ROOT / "examples" / "claim.json").read_text())
    return claim if claim.parties is not None else with_parties(claim, random.Random(PARTIES_SEED))


def documents() -> dict[str, bytes]:
    claim = example_claim()
    return {
        "cms1500": render_cms1500([claim], pointers="all"),
        "superbill": render_superbill(claim),
        "lmn": render_lmn(claim, EXAMPLE_LETTER),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "images", help="where the PNGs go")
    parser.add_argument("--pdf-dir", type=Path, default=None, help="also keep the PDFs here")
    args = parser.parse_args(argv)
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        print("pdftoppm not found: install poppler-utils", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        for name, pdf in documents().items():
            pdf_path = (args.pdf_dir or Path(scratch)) / f"{name}.pdf"
            pdf_path.parent.mkdir(parents=True, exist_ok=True)
            pdf_path.write_bytes(pdf)
            stem = Path(scratch) / name
            subprocess.run(
                [pdftoppm, "-png", "-r", str(DPI), "-f", "1", "-l", "1", "-singlefile", str(pdf_path), str(stem)],
                check=True,
            )
            target = args.out / f"{name}.png"
            shutil.copyfile(stem.with_suffix(".png"), target)
            print(f"{target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
