"""Update the units of one ministry in db/content/units/ from the Register van
Overheidsorganisaties (make import-register).

Reads a register export given with --file, or downloads the register's
current export of the ministries into a cache folder first. Only what the
register holds changes (kind, parent, name, abbreviation, end, head,
contact data, register ids); descriptions and everything else stay as they
are. Prints what changed, then replaces the units folder as a whole or, on
any problem, writes nothing.
"""

import argparse
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from bzksite.register.download import download
from bzksite.register.importer import apply_import, plan_import
from bzksite.register.records import DEFAULT_ROOT, EXPORT_URL, RegisterError
from bzksite.register.swap import done, finish_swap
from bzksite.register.xmlexport import read_register
from bzksite.sourcefiles import BuildError

ROOT = Path(__file__).resolve().parent.parent


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
    args = parser.parse_args(argv)
    today = datetime.now(ZoneInfo("Europe/Amsterdam")).date()
    try:
        finish_swap(args.content)
        path = args.file or download(args.url, args.cache, args.max_bytes, args.timeout)
        planned = plan_import(args.content, read_register(path, args.root), today)
        apply_import(args.content, planned)
        done(args.content)
    except (RegisterError, BuildError, OSError) as error:
        print(error, file=sys.stderr)
        print("Nothing was written.", file=sys.stderr)
        return 1
    for line in planned.report:
        print(line)
    changed = len(planned.files)
    print(f"{changed} unit files written." if changed else "Nothing changed.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
