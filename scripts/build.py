"""Build db/site.db from db/content/, translations/ and reports/accessibility.json,
and compile the interface catalogs.

Every source is checked before anything is written, and every file is
written beside the old one and swapped in only when all are complete: on an
error, a source's or the disk's, the build names the file (and the line) in
one line, and the database and catalogs stay as they were.
"""

import argparse
import sys
from pathlib import Path

from bzksite.register.swap import unfinished
from bzksite.sourcefiles import BuildError, display_path
from bzksite.store import build_database
from bzksite.translate.catalogs import read_messages
from bzksite.translate.compile import staged_messages

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--content", type=Path, default=ROOT / "db" / "content", help="the TOML sources"
    )
    parser.add_argument(
        "--translations", type=Path, default=ROOT / "translations", help="the .po catalogs"
    )
    parser.add_argument(
        "--output", type=Path, default=ROOT / "db" / "site.db", help="the database to write"
    )
    parser.add_argument(
        "--accessibility-report",
        type=Path,
        default=ROOT / "reports" / "accessibility.json",
        help="the accessibility suite's JSON report, summarised on the accessibility statement",
    )
    args = parser.parse_args(argv)
    report = args.accessibility_report
    # Never build what a stopped import left: the next import finishes it.
    if (leftover := unfinished(args.content)) is not None:
        message = "an import of the register did not finish; run `make import-register` again"
        print(f"{display_path(leftover)}: {message}", file=sys.stderr)
        return 1
    try:
        # The catalogs are compiled and checked first, and swapped in with the database.
        with staged_messages(read_messages(args.translations)):
            build_id = build_database(args.content, args.translations, args.output, report)
    except BuildError as error:
        print(error, file=sys.stderr)
        unchanged = f"{display_path(args.output)} is unchanged, and so are the compiled catalogs"
        print(f"Build failed; {unchanged}.", file=sys.stderr)
        return 1
    print(f"Built {display_path(args.output)} (build {build_id}).")
    if not report.exists():
        print(f"Notice: no {display_path(report)}: the accessibility statement shows no results.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
