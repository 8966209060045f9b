"""GNU gettext's own tools, the reference for .po files: msgfmt decides what a
catalog may hold (its syntax, one entry per msgctxt and msgid, placeholders
that Python can format), msgcat how a catalog is written (GNU's line
wrapping), so that what our tools write looks like what translators' tools
write. Both come with Debian's gettext package, which the Makefile installs.
"""

import os
import re
import shutil
import subprocess
from pathlib import Path

from ..sourcefiles import SourceError

# GNU's default line width, kept by msgcat, msgmerge and Poedit.
WIDTH = 79
# English messages with plain quotes, whatever the shell's locale.
_ENVIRONMENT = {**os.environ, "LC_ALL": "C", "LANGUAGE": ""}
# "<stdin>:12: message" or "<stdin>:12:3: message"
_PROBLEM = re.compile(r"^[^:]*:(\d+):(?:\d+:)? (.*)$")
_TIMEOUT = 60


def check(path: Path, text: str) -> list[SourceError]:
    """What `msgfmt --check` refuses in `text`, the catalog read from `path`.

    Warnings (a header field a tool would like) are left out: only what
    gettext itself refuses is a problem."""
    result = _run("msgfmt", ["--check", "--output-file=/dev/null", "-"], text, path)
    problems: list[SourceError] = []
    for line in result.stderr.splitlines():
        match = _PROBLEM.match(line)
        if not match or match[2].startswith("warning:"):
            continue
        number, message = int(match[1]), match[2]
        if message == "end-of-line within string":
            number -= 1  # msgfmt counts the line break it stopped at
        if "format" in message:
            message += " (a percent sign on its own is written %%)"
        if message.startswith("...") and problems:
            # The second half of a duplicate: "...this is the location of the first definition"
            first = problems.pop()
            message = f"{first.message.rstrip('.')}, first on line {number}"
            number = first.line or number
        problems.append(SourceError(path, number, message))
    if result.returncode and not problems:
        problems.append(SourceError(path, None, f"msgfmt refuses it: {result.stderr.strip()}"))
    return problems


def normalise(text: str, path: Path) -> str:
    """`text` as msgcat writes it: GNU's wrapping, everything else kept."""
    result = _run("msgcat", [f"--width={WIDTH}", "--output-file=-", "-"], text, path)
    if result.returncode:
        raise SourceError(path, None, f"msgcat cannot write it: {result.stderr.strip()}")
    return result.stdout


def _run(tool: str, arguments: list[str], text: str, path: Path) -> subprocess.CompletedProcess:
    executable = shutil.which(tool)
    if executable is None:
        message = f"GNU gettext's {tool} is not installed: `make db` installs it (Debian: gettext)"
        raise SourceError(path, None, message)
    return subprocess.run(  # noqa: S603 (a fixed tool, the text on standard input)
        [executable, *arguments],
        input=text,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=_ENVIRONMENT,
        timeout=_TIMEOUT,
        check=False,
    )
