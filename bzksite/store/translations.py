"""Match the source paragraphs against each language's content.po."""

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import NamedTuple

from ..content.fields import SourceText
from ..records import SOURCE_LANGUAGE
from ..sourcefiles import BuildError, SourceError
from ..translate import uptodate
from ..translate.catalogs import read_checked

_LANGUAGE = re.compile(r"^[a-z]{2,3}(_[A-Z]{2})?$")


@dataclass(frozen=True)
class Translation:
    text: str | None  # a fuzzy translation is kept but never shown
    state: str  # translated, fuzzy or missing


def content_catalogs(translations_dir: Path) -> dict[str, Path]:
    """Every language's content.po, by language code."""
    found = {}
    for path in sorted(translations_dir.glob("*/LC_MESSAGES/content.po")):
        language = path.parent.parent.name
        if language != SOURCE_LANGUAGE and _LANGUAGE.match(language):
            found[language] = path
    return found


class Translations(NamedTuple):
    texts: dict[str, dict[SourceText, Translation]]  # by language
    # By language: the day its content was last brought up to date with the
    # source (translate/uptodate.py), or None when that is not recorded.
    revised: dict[str, date | None]


def read_translations(catalogs: dict[str, Path], texts: list[SourceText]) -> Translations:
    """Each language's translation of each source text, with its state."""
    result = {}
    revised = {}
    errors: list[SourceError] = []
    for language, path in catalogs.items():
        try:
            catalog, header = read_checked(path)
            recorded = uptodate.recorded(path, header)
        except BuildError as error:
            errors.extend(error.errors)
            continue
        except SourceError as error:
            errors.append(error)
            continue
        by_text = {}
        for text in texts:
            message = catalog.get(text.text, context=text.context)
            if message is None or not message.string:
                by_text[text] = Translation(None, "missing")
            elif message.fuzzy:
                by_text[text] = Translation(message.string, "fuzzy")
            else:
                by_text[text] = Translation(message.string, "translated")
        result[language] = by_text
        revised[language] = recorded[0] if recorded else None
    if errors:
        raise BuildError(errors)
    return Translations(result, revised)
