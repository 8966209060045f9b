"""What a test needs from the machine: without it the test fails, saying what
is missing and why. No test skips: a check that did not run must not look
like one that passed, in CI (CI=true, as .ci/run is called) or anywhere else.
The project's machines have the register's schema beside the checkout and
allow a private tmpfs mount.
"""

import os

import pytest


def in_ci() -> bool:
    return os.environ.get("CI") == "true"


def missing(what: str) -> None:
    """Fail, naming `what` is missing."""
    where = "CI must have it (CI=true)" if in_ci() else "this machine must have it to run the test"
    pytest.fail(f"{what}; {where}", pytrace=False)
