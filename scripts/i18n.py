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
from datetime import UTC, datetime
from pathlib import Path

from babel import Locale, UnknownLocaleError

from bzksite import settings
from bzksite.sourcefiles import BuildError, SourceError, display_path
from bzksite.translate import uptodate
from bzksite.translate.catalogs import read_checked, read_messages
from bzksite.translate.compile import write_messages
from bzksite.translate.domains import DOMAINS, domains_of
from bzksite.translate.extract import extract
from bzksite.translate.status import catalog_status, changed_words
from bzksite.translate.update import init_catalog, read_template, update_catalog

ROOT = Path(__file__).resolve().parent.parent
LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(_[A-Z]{2})?")


def catalogs(translations: Path, languages: list[str]) -> list[tuple[str, str, Path]]:
    """(language, domain, path) of every catalog the languages need."""
    return [
        (language, domain, translations / language / "LC_MESSAGES" / f"{domain}.po")
        for language in languages
        for domain in domains_of(language)
    ]


def all_languages(translations: Path) -> list[str]:
    """The configured languages, then those begun in translations/ but not served yet."""
    languages = list(settings()["LANGUAGES"])
    begun = sorted(p.name for p in translations.glob("*") if (p / "LC_MESSAGES").is_dir())
    return languages + [code for code in begun if code not in languages]


def do_extract(translations: Path, languages: list[str], content: Path | None = None) -> int:
    for path, changed in extract(ROOT, translations, content):
        print(f"{'Wrote' if changed else 'Unchanged:'} {display_path(path)}.")
    return 0


def do_update(translations: Path, languages: list[str]) -> int:
    templates = {domain: read_template(translations, domain) for domain in DOMAINS}
    today = datetime.now(UTC).date()
    for language, domain, path in catalogs(translations, languages):
        if not path.exists():
            print(f"{display_path(path)}: missing; run `make i18n-init LANG={language}`")
            continue
        merged, changed = update_catalog(path, templates[domain], today)
        if not changed:
            print(f"Unchanged: {display_path(path)}.")
            continue
        counts = f"{len(merged.fuzzy)} changed (fuzzy), {len(merged.new)} new"
        print(f"Updated {display_path(path)}: {counts}, {len(merged.obsolete)} obsolete.")
    return 0


def do_status(translations: Path, languages: list[str]) -> int:
    print(
        f"{'language':<9} {'domain':<9} {'translated':>10} {'fuzzy':>6} {'missing':>8} {'done':>5}"
    )
    gaps, dates = [], []
    templates = {domain: read_template(translations, domain) for domain in DOMAINS}
    for language, domain, path in catalogs(translations, languages):
        if not path.exists():
            print(f"{language:<9} {domain:<9} {'no catalog: run make i18n-init LANG=' + language}")
            continue
        catalog, header = read_checked(path)
        template = templates[domain].catalog
        status = catalog_status(language, domain, path, catalog, template)
        print(
            f"{language:<9} {domain:<9} {status.translated:>10} {status.fuzzy:>6}"
            f" {status.missing:>8} {status.percent:>4}%"
        )
        gaps += status.gaps
        if domain == "content":
            dates.append(_up_to_date(language, path, header, template, complete=not status.gaps))
    print("", *dates, sep="\n")
    if gaps:
        print("\nNot done yet:")
    for gap in gaps:
        where = f"{display_path(gap.path)}:{gap.line}" if gap.line else display_path(gap.path)
        context = f"msgctxt {gap.context!r} " if gap.context else ""
        if gap.previous:
            what = f"the source changed: {changed_words(gap.previous, gap.msgid)}"
        else:
            what = repr(gap.msgid[:60])
        print(f"  {where}: {gap.state}: {context}{what}")
    return 0


def _up_to_date(language: str, path: Path, header, template, complete: bool) -> str:
    found = uptodate.recorded(path, header)
    current = found is not None and found[1] == uptodate.fingerprint(template)
    if complete and not current:
        return f"{language}: complete; run `make i18n-update` to record the date for the site"
    if found is None:
        return f"{language}: not yet brought up to date with the source"
    return f"{language}: last brought up to date with the source on {found[0].isoformat()}"


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
    for domain in domains_of(language):
        path = translations / language / "LC_MESSAGES" / f"{domain}.po"
        if path.exists():
            print(f"{display_path(path)} exists; `make i18n-update` brings it up to date.")
            continue
        init_catalog(path, read_template(translations, domain), language)
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
