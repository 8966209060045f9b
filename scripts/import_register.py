"""Update the units of one ministry in db/content/units/, and the organisations
related to it in db/content/organisations/, from the Register van
Overheidsorganisaties (make import-register), then the translators' templates
and catalogs (as make i18n-extract and make i18n-update do).

Reads a register export given with --file, or downloads the register's
current export of the ministries into a cache folder first. Only what the
register holds changes (kind, parent, name, abbreviation, end, head,
contact data, register ids); descriptions and everything else stay as they
are. Prints what changed, then replaces the content folder as a whole or, on
any problem, writes nothing. A run that was stopped is finished by the next.
"""

import argparse
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import i18n  # scripts/i18n.py: the translators' commands

from bzksite.register.download import download
from bzksite.register.importer import apply_import, plan_import
from bzksite.register.records import DEFAULT_ROOT, EXPORT_URL, RegisterError
from bzksite.register.swap import done, finish_swap
from bzksite.register.xmlexport import read_export
from bzksite.sourcefiles import BuildError, SourceError, display_path

ROOT = Path(__file__).resolve().parent.parent
STOPS = (signal.SIGINT, signal.SIGTERM)
UNFINISHED = "run `make import-register` again to finish it"


class Stopped(BaseException):
    """SIGINT or SIGTERM: raised wherever the run is, passed by every `except Exception`."""


def _stop(number: int, frame: object) -> None:
    for each in STOPS:  # a second Ctrl-C must not cut short the cleaning up of the first
        signal.signal(each, signal.SIG_IGN)
    raise Stopped(number)


@contextmanager
def _stops_held() -> Iterator[None]:
    """SIGINT and SIGTERM wait until the block is done."""
    held = signal.pthread_sigmask(signal.SIG_BLOCK, STOPS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--file", type=Path, help="a register export (XML); default: download")
    parser.add_argument("--root", default=DEFAULT_ROOT, help="the ministry's TOOI identifier")
    parser.add_argument("--url", default=EXPORT_URL, help="where to download the export from")
    parser.add_argument(
        "--cache", type=Path, default=ROOT / ".cache" / "register", help="the download folder"
    )
    parser.add_argument(
        "--max-bytes", type=int, default=1_000_000_000, help="the largest download accepted"
    )
    parser.add_argument("--timeout", type=float, default=60, help="seconds to wait for data")
    parser.add_argument(
        "--content", type=Path, default=ROOT / "db" / "content", help="the TOML sources"
    )
    parser.add_argument(
        "--translations", type=Path, default=ROOT / "translations", help="the catalogs' folder"
    )
    args = parser.parse_args(argv)
    for number in STOPS:
        signal.signal(number, _stop)
    today = datetime.now(ZoneInfo("Europe/Amsterdam")).date()
    written = False
    try:
        finish_swap(args.content)
        path = args.file or download(args.url, args.cache, args.max_bytes, args.timeout)
        export = read_export(path, args.root)
        planned = plan_import(
            args.content, export.ministry, today, export.related, exported=export.exported
        )
        if export.exported is None:
            planned.add("undated", "the export has no timestamp: its facts are dated today")
        for warning in export.warnings:  # organisations left out whole, in no record
            planned.add("left out", warning)
        with _stops_held():
            apply_import(args.content, planned)
            written = True
        for line in planned.report:
            print(line)
        units = sum(1 for path in planned.files if path.parent.name == "units")
        organisations = sum(1 for path in planned.files if path.parent.name == "organisations")
        print(f"{units} unit files written." if planned.files else "Nothing changed.")
        if organisations:
            print(f"{organisations} organisation files written.")
        languages = i18n.all_languages(args.translations)
        i18n.do_extract(args.translations, languages, args.content)
        i18n.do_update(args.translations, languages)
        done(args.content)
    except Stopped as stop:
        name = signal.Signals(stop.args[0]).name
        where = display_path(args.content)
        state = f"{where} has the new units, the catalogs may lag; {UNFINISHED}"
        print(f"Stopped by {name}: {state if written else 'nothing was written.'}", file=sys.stderr)
        return 128 + stop.args[0]
    except (RegisterError, BuildError, SourceError, OSError) as error:
        print(error, file=sys.stderr)
        print(UNFINISHED.capitalize() + "." if written else "Nothing was written.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
