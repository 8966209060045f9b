"""The languages the tests run in, and the catalogs they build the site from.

They are the site's committed LANGUAGES setting, never the shell's: before
any test runs, tests/conftest.py removes every BZKSITE_ variable. A language
begun in translations/ but not in the setting is left out of the copies the
tests build from.

`pytest --with-language=CODE` (or `=any`) serves one language more, to prove
the tests follow the setting. When CODE is not configured, the tests give it catalogs
of their own: the templates with every msgstr filled by a pseudo-translation
(made-up text for the tests, accents on the English or Dutch letters, every
placeholder kept), so that it is complete and differs from both sources.
"""

import re
import shutil
from datetime import date
from pathlib import Path

from bzksite import DEFAULTS
from bzksite.translate.catalogs import read_checked
from bzksite.translate.domains import domains_of
from bzksite.translate.update import init_catalog, read_template, update_catalog
from bzksite.translate.writer import write_catalog
from bzksite.views import path_segments

ROOT = Path(__file__).resolve().parent.parent
COMMITTED = ROOT / "translations"

LANGUAGES: dict[str, dict[str, str]] = dict(DEFAULTS["LANGUAGES"])
_source = {"translations": COMMITTED}

_ACCENTED = str.maketrans("aceinorsuyACEINORSUY", "áçéíñóŕšúýÁÇÉÍÑÓŔŠÚÝ")
_PLACEHOLDER = re.compile(r"(%\(\w+\)[a-z]|%%)")


def configure(extra: str | None, folder: Path) -> None:
    """Serve `extra` too ("any": a language the site does not serve yet); its
    pseudo-translated catalogs are made in `folder`."""
    if extra == "any":
        extra = unserved()[0]
    if not extra or extra in LANGUAGES:
        return
    LANGUAGES[extra] = {}
    translations = folder / "translations"
    shutil.copytree(COMMITTED, translations, ignore=shutil.ignore_patterns("*.mo", extra))
    for domain in domains_of(extra):
        template = read_template(translations, domain)
        path = translations / extra / "LC_MESSAGES" / f"{domain}.po"
        init_catalog(path, template, extra)
        catalog, header = read_checked(path)
        for message in catalog:
            if message.id:
                message.string = _pseudo_strings(message.id, message.string)
        write_catalog(path, catalog, header)
        update_catalog(path, template, date(2026, 1, 1))  # records the day it was complete
    _source["translations"] = translations


def source() -> Path:
    """The catalogs the tests build from: the committed ones (and the pseudo-translated
    ones of --with-language)."""
    return _source["translations"]


def copy_translations(target: Path) -> Path:
    """The templates and the catalogs of LANGUAGES, copied to `target` (no .mo)."""

    def leave_out(folder: str, names: list[str]) -> list[str]:
        top = Path(folder) == _source["translations"]
        return [n for n in names if n.endswith(".mo") or (top and _unserved(folder, n))]

    shutil.copytree(_source["translations"], target, ignore=leave_out)
    return target


def paths(lang: str) -> dict[str, str]:
    """The path of each page but the units' in `lang` (the English words when
    LANGUAGES does not name it): overview, chart, changes, privacy, cookies and accessibility."""
    segment = path_segments(LANGUAGES.get(lang, {}))
    named = ("changes", "privacy", "cookies", "accessibility")
    pages = {name: f"/{lang}/{segment[name]}/" for name in named}
    return {"overview": f"/{lang}/", "chart": f"/{lang}/{segment['organisation-chart']}/", **pages}


def unit_path(lang: str, unit_id: str) -> str:
    return f"/{lang}/{path_segments(LANGUAGES.get(lang, {}))['organisation']}/{unit_id}/"


def organisation_path(lang: str, organisation_id: str) -> str:
    """The page of an organisation related to the ministry (an agency, …)."""
    segment = path_segments(LANGUAGES.get(lang, {}))["organisations"]
    return f"/{lang}/{segment}/{organisation_id}/"


def pseudo(text: str) -> str:
    """Made-up text for a language the tests invent: accents on the letters."""
    parts = _PLACEHOLDER.split(text)
    return "".join(p if _PLACEHOLDER.fullmatch(p) else p.translate(_ACCENTED) for p in parts)


def _pseudo_strings(msgid: str | tuple, empty: str | tuple) -> str | tuple:
    """Every form of a translation: the plural forms after the first from the plural msgid."""
    if isinstance(msgid, str):
        return pseudo(msgid)
    return tuple(pseudo(msgid[min(form, 1)]) for form in range(len(empty)))


def _unserved(folder: str, name: str) -> bool:
    return (Path(folder) / name).is_dir() and name not in LANGUAGES


def unserved() -> list[str]:
    """Languages Babel knows and the site does not serve: for tests of a
    language without catalogs, or of one the site does not have."""
    return [code for code in ("de", "fr", "fy", "es", "it") if code not in LANGUAGES]
