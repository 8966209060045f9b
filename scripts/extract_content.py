"""Write translations/content.pot: every paragraph of db/content/ as a message.

The msgid is the Dutch text, the msgctxt names where it lives
(`unit:kiem:description`), the location comment points at the source line.
"""

import argparse
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

from bzksite.build import BuildError
from bzksite.build.errors import display_path
from bzksite.build.sources import read_sources

ROOT = Path(__file__).resolve().parent.parent


def content_template(content_dir: Path, root: Path = ROOT) -> Catalog:
    catalog = Catalog(project="bzksite", version="1", copyright_holder="bzksite", charset="utf-8")
    for text in read_sources(content_dir).texts:
        location = (text.path.relative_to(root).as_posix(), text.line)
        catalog.add(text.text, locations=[location], context=text.context)
    return catalog


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--content", type=Path, default=ROOT / "db" / "content", help="the TOML sources"
    )
    parser.add_argument(
        "--output", type=Path, default=ROOT / "translations" / "content.pot", help="the template"
    )
    args = parser.parse_args(argv)
    try:
        catalog = content_template(args.content.resolve())
    except BuildError as error:
        print(error, file=sys.stderr)
        return 1
    with args.output.open("wb") as file:
        write_po(file, catalog)
    print(f"Wrote {display_path(args.output)}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
