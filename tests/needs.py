"""What a test needs from the machine, and what it does without it.

In CI (CI=true, as .ci/run is called) a missing need fails the test: CI has
the register's schema beside the checkout and may mount a private tmpfs, and
a check that did not run must not pass for one that did. Elsewhere, on a
machine without it, the test is reported as skipped, saying what is missing.
"""

import os

import pytest


def in_ci() -> bool:
    return os.environ.get("CI") == "true"


def missing(what: str) -> None:
    """Fail in CI, skip elsewhere, naming `what` is missing."""
    if in_ci():
        pytest.fail(f"{what}; CI must have it (CI=true)", pytrace=False)
    pytest.skip(what)
