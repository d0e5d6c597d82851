"""pyx12 4.0.0, the independent validator of the implementation guides, as the tests call it.

One place for the tests that check X12 Gravida writes: every error pyx12 reports, with its code, so a test can
assert there are none (and another that pyx12 does find errors, so that a clean result means something).
"""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator
from typing import Any

import pyx12.params
import pyx12.x12n_document


def _errors(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "errors":
                yield from (f"{item['err_cde']}: {item['err_str']}" for item in value)
            else:
                yield from _errors(value)
    elif isinstance(node, list):
        for item in node:
            yield from _errors(item)


def pyx12_errors(text: str) -> list[str]:
    """Every error pyx12 finds in `text` (one or more interchanges), against its 005010 maps."""
    logging.getLogger("pyx12").setLevel(logging.CRITICAL)
    report = io.StringIO()
    valid = pyx12.x12n_document.x12n_document(
        param=pyx12.params.params(),
        src_file=io.StringIO(text),
        fd_997=None,
        fd_html=None,
        fd_xmldoc=None,
        fd_json=report,
    )
    errors = list(_errors(json.loads(report.getvalue())))
    if not valid and not errors:
        errors.append("pyx12 reported the file invalid without naming an error")
    return errors
