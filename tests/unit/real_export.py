"""The reconstruction of the register's real export of BZK (2026-05-15), for
the tests that check the reader against real data. It lies beside the
repository for now; a test that needs it is skipped when it is missing."""

from pathlib import Path

import pytest

REGISTER_FOLDER = Path(__file__).resolve().parents[2] / ".." / "shared" / "register"
REAL_EXPORT = REGISTER_FOLDER / "exportOO-bzk-2026-05-15.xml"


def real_export() -> Path:
    if not REAL_EXPORT.is_file():
        pytest.skip(f"the register's export {REAL_EXPORT.name} is not in {REGISTER_FOLDER}")
    return REAL_EXPORT
