"""What this site asks of a catalog beyond what gettext checks (tools.check):
a header that says its language, plural forms and UTF-8, and no markup, which
the site adds itself. Each problem names the file, the line and what to do.
"""

import re
from pathlib import Path

from babel.core import UnknownLocaleError
from babel.messages.catalog import Catalog
from babel.messages.plurals import get_plural

from ..sourcefiles import SourceError
from .header import Header

_MARKUP = re.compile(r"<[A-Za-z/!]|&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#x[0-9a-fA-F]+);")
_EDITOR = "in Poedit: Translation > Properties"


def check_header(path: Path, header: Header | None) -> list[SourceError]:
    """The header names what the site and the tools need."""
    if header is None:
        return [SourceError(path, 1, 'no header: the file must start with msgid "" and its msgstr')]
    folder = path.parent.parent.name
    language = (header.get("Language") or "").replace("-", "_")
    problems = []
    if not language:
        problems.append(f"the header has no Language: set it to {folder!r} ({_EDITOR})")
    elif language.split("_")[0] != folder.split("_")[0]:
        problems.append(
            f"the header says Language {language!r}, the folder {folder!r}: set the language"
            f" to {folder!r} ({_EDITOR}), or move the file to translations/{language}/"
        )
    plural_forms = header.get("Plural-Forms")
    expected = _cldr_plural_forms(language)
    if not plural_forms:
        problems.append(f"the header has no Plural-Forms: choose them ({_EDITOR})")
    elif expected and _plural_rule(plural_forms) != _plural_rule(expected):
        problems.append(
            f"the header's Plural-Forms {plural_forms!r} are not those of {language!r}:"
            f" set them to {expected!r} ({_EDITOR}), or the site counts wrongly"
            ' ("0 resultaat")'
        )
    content_type = (header.get("Content-Type") or "").lower().replace(" ", "")
    if "charset=utf-8" not in content_type:
        problems.append(
            f"the header's Content-Type must say charset=UTF-8: save the file as UTF-8 ({_EDITOR})"
        )
    found = [SourceError(path, header.line, problem) for problem in problems]
    if header.fuzzy_line is not None:
        message = "the header is marked fuzzy: review it and remove the flag"
        found.insert(0, SourceError(path, header.fuzzy_line, message))
    return found


def _cldr_plural_forms(language: str) -> str | None:
    """The Plural-Forms CLDR gives the language (as Babel knows them), None for no
    language or one Babel does not know."""
    if not language:
        return None
    try:
        return get_plural(language).plural_forms
    except (UnknownLocaleError, ValueError):
        return None


def _plural_rule(plural_forms: str) -> tuple[str, str]:
    """nplurals and the expression, without spaces, a final ";" or parentheses
    around the whole expression: "nplurals=2; plural=n != 1" is Babel's own."""
    fields = dict(
        part.split("=", 1) for part in plural_forms.replace(" ", "").split(";") if "=" in part
    )
    rule = fields.get("plural", "")
    while rule.startswith("(") and rule.endswith(")") and _balanced(rule[1:-1]):
        rule = rule[1:-1]
    return fields.get("nplurals", ""), rule


def _balanced(text: str) -> bool:
    depth = 0
    for character in text:
        depth += {"(": 1, ")": -1}.get(character, 0)
        if depth < 0:
            return False
    return depth == 0


def check_markup(path: Path, catalog: Catalog) -> list[SourceError]:
    """No markup in a msgid or a translation in use: the site escapes all text."""
    problems = []
    for message in catalog:
        if not message.id:
            continue
        where = f"msgctxt {message.context!r}: " if message.context else ""
        if any(_MARKUP.search(text) for text in _texts(message.id)):
            problems.append(SourceError(path, message.lineno, f"{where}markup in the msgid"))
        elif not message.fuzzy and any(_MARKUP.search(text) for text in _texts(message.string)):
            problems.append(SourceError(path, message.lineno, f"{where}markup in the translation"))
    return problems


def _texts(value: str | tuple | list | None) -> list[str]:
    if not value:
        return []
    return [value] if isinstance(value, str) else [text for text in value if text]
