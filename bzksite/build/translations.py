"""Match the source paragraphs against each language's content.po."""

import re
from dataclasses import dataclass
from pathlib import Path

from .catalogs import read_catalog
from .errors import BuildError, SourceError
from .sources import SOURCE_LANGUAGE, SourceText

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


def read_translations(
    catalogs: dict[str, Path], texts: list[SourceText]
) -> dict[str, dict[SourceText, Translation]]:
    """Each language's translation of each source text, with its state."""
    result = {}
    errors: list[SourceError] = []
    for language, path in catalogs.items():
        try:
            catalog = read_catalog(path)
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
    if errors:
        raise BuildError(errors)
    return result
