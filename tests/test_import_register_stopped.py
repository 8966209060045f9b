"""An import stopped at any moment: SIGKILL leaves the old content or the new
byte for byte (units and organisations together), never a mix; what it leaves
beside it git ignores, make db refuses to build, and the next import cleans up
and finishes the catalogs.
SIGINT and SIGTERM end the run with one line that says what it left.

A kill at a given step is the process sending itself SIGKILL there (a hook);
one test kills a large import from outside while it writes."""

import re
import signal
import subprocess
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.register_script import (
    AGENCY,
    build,
    command,
    environment,
    export,
    leftovers,
    make_checkout,
    run,
    snapshot,
)

UNFINISHED = "an import of the register did not finish; run `make import-register` again"
# The process kills itself at the `call`-th call of module.name, before or after it runs.
KILL = """
import i18n
from bzksite.register import swap
module, name, call, after = {module}, "{name}", {call}, {after}
real, calls = getattr(module, name), []
def dying(*arguments, **keywords):
    calls.append(name)
    if len(calls) == call and not after:
        os.kill(os.getpid(), signal.SIGKILL)
    result = real(*arguments, **keywords)
    if len(calls) == call and after:
        os.kill(os.getpid(), signal.SIGKILL)
    return result
setattr(module, name, dying)
"""
NO_EXCHANGE = "\nswap._renameat2 = None\n"
# The process says it is ready at module.name, then waits for the test's signal.
WAIT = """
import i18n
from bzksite.register import swap, xmlexport
def waiting(*arguments, **keywords):
    print("ready", flush=True)
    signal.pause()
setattr({module}, "{name}", waiting)
"""


@pytest.fixture(scope="module")
def imported(tmp_path_factory) -> tuple[Path, dict[str, bytes], dict[str, bytes]]:
    """The export, and the content and catalogs an import of it writes when nothing stops it."""
    folder = tmp_path_factory.mktemp("reference")
    checkout = make_checkout(folder / "checkout")
    path = export(folder, checkout, related=(AGENCY,))
    result = run(checkout, "--file", str(path))
    assert result.returncode == 0, result.stderr
    written = content(checkout)
    assert "organisations/apd.toml" in written and "units/dp.toml" in written
    return path, written, catalogs(checkout)


def catalogs(checkout: Path) -> dict[str, bytes]:
    """The templates and catalogs but their creation date (the minute they were written)."""
    dated = re.compile(rb'^"POT-Creation-Date: .*\n', re.MULTILINE)
    return {
        name: dated.sub(b"", text) for name, text in snapshot(checkout / "translations").items()
    }


def content(checkout: Path) -> dict[str, bytes] | None:
    folder = checkout / "db" / "content"
    return snapshot(folder) if folder.exists() else None


def assert_left_for_the_next_import(checkout: Path, new_content: dict[str, bytes]) -> None:
    """What a stopped import leaves: ignored by git; make db refuses to build."""
    seen = leftovers(checkout)
    assert seen["ignored"], "an unfinished import is marked"
    assert all(path.startswith("db/.content.") for path in seen["ignored"]), seen
    assert all(path.removeprefix("db/content/") in new_content for path in seen["untracked"])
    built = build(checkout)
    assert built.returncode == 1 and built.stdout == ""
    assert built.stderr.endswith(f": {UNFINISHED}\n") and built.stderr.count("\n") == 1
    assert not (checkout / "db" / "site.db").exists()


def assert_finished_by_the_next_import(checkout: Path, imported) -> None:
    path, new_content, new_catalogs = imported
    again = run(checkout, "--file", str(path))
    assert again.returncode == 0, again.stderr
    assert content(checkout) == new_content and catalogs(checkout) == new_catalogs
    assert leftovers(checkout)["ignored"] == []
    assert build(checkout).returncode == 0


@pytest.mark.parametrize(
    ("module", "name", "call", "after", "extra", "left"),
    [
        ("swap", "_sync", 5, False, "", "old"),
        ("swap", "_exchange", 1, False, "", "old"),
        ("swap", "_exchange", 1, True, "", "new"),
        ("os", "rename", 1, True, NO_EXCHANGE, "none"),
        ("os", "rename", 2, True, NO_EXCHANGE, "new"),
        ("i18n", "do_update", 1, False, "", "new"),
    ],
    ids=[
        "while staging",
        "before the exchange",
        "after the exchange",
        "between the renames",
        "after the renames",
        "while updating the catalogs",
    ],
)
def test_a_kill_leaves_the_old_content_or_the_new_and_the_next_import_finishes(
    tmp_path, imported, module, name, call, after, extra, left
):
    checkout = make_checkout(tmp_path / "checkout")
    old_content = content(checkout)
    hook = KILL.format(module=module, name=name, call=call, after=after) + extra
    result = run(checkout, "--file", str(imported[0]), hook=hook)
    assert result.returncode == -signal.SIGKILL, result.stderr
    # Without the exchange, content/ is missing between two renames, until the next import.
    assert content(checkout) == {"old": old_content, "new": imported[1], "none": None}[left]
    assert_left_for_the_next_import(checkout, imported[1])
    assert_finished_by_the_next_import(checkout, imported)


def test_a_large_import_killed_while_it_writes(tmp_path):
    checkout = make_checkout(tmp_path / "checkout")
    path = export(tmp_path, checkout, units=600)
    old_content = content(checkout)
    staging = checkout / "db" / ".content.import" / "units"
    process = subprocess.Popen(
        command(checkout, "--file", str(path)),
        cwd=ROOT, env=environment(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    try:
        # Poll for the moment it writes: half its new units staged.
        while process.poll() is None and time.monotonic() < deadline:
            if staging.is_dir() and len(list(staging.iterdir())) > 300:
                break
            time.sleep(0.002)
        assert process.poll() is None, "the import ended before it could be killed"
        process.kill()
    finally:
        process.kill()
        process.wait(30)
        process.stderr.close()
    killed = content(checkout)
    assert_left_for_the_next_import(checkout, killed or {})
    again = run(checkout, "--file", str(path))
    assert again.returncode == 0, again.stderr
    new_content = content(checkout)
    assert len(new_content) == len(old_content) + 601
    assert killed in (old_content, new_content), "all old or all new"
    print(f"killed with the {'old' if killed == old_content else 'new'} content in place")
    assert leftovers(checkout)["ignored"] == []


def waiting(checkout: Path, path: Path, hook: str, stop: signal.Signals):
    """Run the import until the hook says it is ready, then send `stop`."""
    process = subprocess.Popen(
        command(checkout, "--file", str(path), hook=hook),
        cwd=ROOT, env=environment(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        before = []
        while (line := process.stdout.readline()) not in ("ready\n", ""):
            before.append(line)
        assert line, "the hook was not reached"
        process.send_signal(stop)
        out, err = process.communicate(timeout=60)
    finally:
        process.kill()
        process.wait(30)
    return process.returncode, "".join(before) + out, err


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_before_the_swap_changes_nothing(tmp_path, imported, stop):
    checkout = make_checkout(tmp_path / "checkout")
    before = snapshot(checkout)
    hook = WAIT.format(module="xmlexport", name="read_export")
    code, _, err = waiting(checkout, imported[0], hook, stop)
    assert code == 128 + stop
    assert err == f"Stopped by {stop.name}: nothing was written.\n"
    assert snapshot(checkout) == before and leftovers(checkout)["ignored"] == []


def test_a_signal_after_the_swap_says_the_catalogs_may_lag(tmp_path, imported):
    checkout = make_checkout(tmp_path / "checkout")
    hook = WAIT.format(module="i18n", name="do_extract")
    code, out, err = waiting(checkout, imported[0], hook, signal.SIGTERM)
    assert code == 128 + signal.SIGTERM and "unit files written." in out
    assert re.fullmatch(
        r"Stopped by SIGTERM: \S+/db/content has the new units, the catalogs may lag;"
        r" run `make import-register` again to finish it\n",
        err,
    )
    assert content(checkout) == imported[1]
    assert_left_for_the_next_import(checkout, imported[1])
    assert_finished_by_the_next_import(checkout, imported)


def test_a_signal_while_staging_waits_for_the_swap(tmp_path, imported):
    checkout = make_checkout(tmp_path / "checkout")
    hook = """
from bzksite.register import swap
sync = swap._sync
def signalled(path):
    os.kill(os.getpid(), signal.SIGTERM)
    sync(path)
swap._sync = signalled
"""
    result = run(checkout, "--file", str(imported[0]), hook=hook)
    assert result.returncode == 128 + signal.SIGTERM
    assert "has the new units" in result.stderr and "Traceback" not in result.stderr
    assert content(checkout) == imported[1]
