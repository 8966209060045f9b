"""The translators' loop, for both domains: interface text (messages) and content.

  extract         write translations/messages.pot and translations/content.pot
  update          merge both templates into every language's catalogs
  status          per language and domain: translated, fuzzy, missing, and what is not done
  init LANG       start the catalogs of a new language
  compile         compile the interface catalogs (make db does this too)

The languages are the site's LANGUAGES setting (bzksite/__init__.py, or the
BZKSITE_LANGUAGES environment variable) and any other language that already
has a folder in translations/ (begun with init, not served yet).
"""

import argparse
import re
import sys
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.messages.pofile import read_po

from bzksite import settings
from bzksite.records import SOURCE_LANGUAGE
from bzksite.sourcefiles import BuildError, SourceError, display_path
from bzksite.translate.catalogs import read_catalog, read_messages, write_messages
from bzksite.translate.extract import extract
from bzksite.translate.merge import merge, new_catalog
from bzksite.translate.previous import extra_header_fields, write_catalog
from bzksite.translate.status import catalog_status, domains_of

ROOT = Path(__file__).resolve().parent.parent
LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(_[A-Z]{2})?")


def catalogs(translations: Path, languages: list[str]) -> list[tuple[str, str, Path]]:
    """(language, domain, path) of every catalog the languages need."""
    return [
        (language, domain, translations / language / "LC_MESSAGES" / f"{domain}.po")
        for language in languages
        for domain in domains_of(language, SOURCE_LANGUAGE)
    ]


def template(translations: Path, domain: str):
    path = translations / f"{domain}.pot"
    if not path.exists():
        raise SystemExit(f"{display_path(path)} is missing: run `make i18n-extract` first.")
    with path.open("rb") as file:
        return read_po(file)


def all_languages(translations: Path) -> list[str]:
    """The configured languages, then those begun in translations/ but not served yet."""
    languages = list(settings()["LANGUAGES"])
    begun = sorted(p.name for p in translations.glob("*") if (p / "LC_MESSAGES").is_dir())
    return languages + [code for code in begun if code not in languages]


def do_extract(translations: Path, languages: list[str]) -> int:
    for path in extract(ROOT, translations):
        print(f"Wrote {display_path(path)}.")
    return 0


def do_update(translations: Path, languages: list[str]) -> int:
    templates = {domain: template(translations, domain) for domain in ("messages", "content")}
    for language, domain, path in catalogs(translations, languages):
        if not path.exists():
            print(f"{display_path(path)}: missing; run `make i18n-init LANG={language}`")
            continue
        merged = merge(read_catalog(path), templates[domain])
        extra = extra_header_fields(path.read_text(encoding="utf-8"))
        write_catalog(path, merged.catalog, extra_header=extra)
        counts = f"{len(merged.fuzzy)} changed (fuzzy), {len(merged.new)} new"
        print(f"Updated {display_path(path)}: {counts}, {len(merged.obsolete)} obsolete.")
    return 0


def do_status(translations: Path, languages: list[str]) -> int:
    print(
        f"{'language':<9} {'domain':<9} {'translated':>10} {'fuzzy':>6} {'missing':>8} {'done':>5}"
    )
    gaps = []
    templates = {domain: template(translations, domain) for domain in ("messages", "content")}
    for language, domain, path in catalogs(translations, languages):
        if not path.exists():
            print(f"{language:<9} {domain:<9} {'no catalog: run make i18n-init LANG=' + language}")
            continue
        status = catalog_status(language, domain, path, templates[domain])
        print(
            f"{language:<9} {domain:<9} {status.translated:>10} {status.fuzzy:>6}"
            f" {status.missing:>8} {status.percent:>4}%"
        )
        gaps += status.gaps
    if gaps:
        print("\nNot done yet:")
    for gap in gaps:
        where = f"{display_path(gap.path)}:{gap.line}" if gap.line else display_path(gap.path)
        context = f"msgctxt {gap.context!r} " if gap.context else ""
        print(f"  {where}: {gap.state}: {context}{gap.msgid[:60]!r}")
    return 0


def do_init(translations: Path, languages: list[str], language: str) -> int:
    # make passes the LANG of the environment (a locale such as C.UTF-8) when none is given.
    if not LANGUAGE_CODE.fullmatch(language):
        print(f"{language!r} is no language code: make i18n-init LANG=xx", file=sys.stderr)
        return 2
    try:
        Locale.parse(language)
    except (ValueError, UnknownLocaleError):
        print(f"Babel knows no language {language!r}.", file=sys.stderr)
        return 2
    for domain in domains_of(language, SOURCE_LANGUAGE):
        path = translations / language / "LC_MESSAGES" / f"{domain}.po"
        if path.exists():
            print(f"{display_path(path)} exists; `make i18n-update` brings it up to date.")
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        write_catalog(path, new_catalog(template(translations, domain), language))
        print(f"Created {display_path(path)}.")
    if language not in settings()["LANGUAGES"]:
        print(
            f"To serve {language!r}, add it to LANGUAGES in bzksite/__init__.py"
            f' (or BZKSITE_LANGUAGES), e.g. "{language}": {{}}, then run `make db`.'
        )
    return 0


def do_compile(translations: Path, languages: list[str]) -> int:
    write_messages(read_messages(translations))
    print("Compiled the interface catalogs.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("command", choices=["extract", "update", "status", "init", "compile"])
    parser.add_argument("language", nargs="?", help="init: the new language's code, e.g. de")
    parser.add_argument(
        "--translations", type=Path, default=ROOT / "translations", help="the catalogs' folder"
    )
    args = parser.parse_args(argv)
    languages = all_languages(args.translations)
    try:
        if args.command == "init":
            if not args.language:
                parser.error("init needs a language: make i18n-init LANG=xx")
            return do_init(args.translations, languages, args.language)
        command = globals()[f"do_{args.command}"]
        return command(args.translations, languages)
    except (BuildError, SourceError) as error:
        print(error, file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
