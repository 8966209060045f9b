"""What a catalog must be beyond its syntax: a header that says its language,
plural forms and UTF-8, placeholders in each translation that match the
source, and no markup. Each problem names the file, the line and the msgctxt.
"""

import re
from collections import Counter
from pathlib import Path

from babel.messages.catalog import Catalog, Message

from ..sourcefiles import SourceError

# %(name)s and the like (not after %%), and {name} fields (not {{ }}, not
# "{zie bijlage}": a name, then at most an attribute, index or format spec).
_PLACEHOLDER = re.compile(
    r"(?<!%)%\(\w+\)[#0 +-]*\d*(?:\.\d+)?[a-zA-Z]"
    r"|(?<!\{)\{[A-Za-z_]\w*(?:[.\[!:][^{}\s]*)?\}(?!\})"
)
_MARKUP = re.compile(r"<[A-Za-z/!]|&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#x[0-9a-fA-F]+);")


def check_header(path: Path, header: str | None, line: int) -> None:
    """The header (still escaped, as in the file) names what a tool needs."""
    if header is None:
        raise SourceError(path, line, 'no header: the file must start with msgid "" and its msgstr')
    fields = dict(part.split(":", 1) for part in header.split("\\n") if ":" in part)
    fields = {name.strip(): value.strip() for name, value in fields.items()}
    folder = path.parent.parent.name
    if not fields.get("Language"):
        raise SourceError(path, line, f"the header has no Language (this folder: {folder!r})")
    if fields["Language"] != folder:
        message = f"the header says Language {fields['Language']!r}, the folder {folder!r}"
        raise SourceError(path, line, message)
    if not fields.get("Plural-Forms"):
        raise SourceError(path, line, "the header has no Plural-Forms")
    if "charset=utf-8" not in fields.get("Content-Type", "").lower().replace(" ", ""):
        raise SourceError(path, line, "the header's Content-Type must say charset=UTF-8")


def check_messages(path: Path, catalog: Catalog) -> None:
    for message in catalog:
        if not message.id:
            continue
        where = _where(message)
        for source in _texts(message.id):
            if _MARKUP.search(source):
                raise SourceError(path, message.lineno, f"{where}markup in the msgid")
        if message.fuzzy:
            continue  # not used, and it may differ: that is why it is fuzzy
        for source, translation in _pairs(message):
            if not translation:
                continue
            if _MARKUP.search(translation):
                raise SourceError(path, message.lineno, f"{where}markup in the translation")
            expected, found = placeholders(source), placeholders(translation)
            if expected != found:
                raise SourceError(
                    path,
                    message.lineno,
                    f"{where}placeholders differ: the msgid has {_list(expected)},"
                    f" the translation {_list(found)}",
                )


def placeholders(text: str) -> Counter:
    return Counter(_PLACEHOLDER.findall(text))


def _pairs(message: Message) -> list[tuple[str, str]]:
    """(source, translation) of each form: every plural form after the first
    translates the plural msgid."""
    sources, translations = _texts(message.id), _texts(message.string)
    return [(sources[min(i, len(sources) - 1)], text) for i, text in enumerate(translations)]


def _texts(value: str | tuple | list | None) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def _where(message: Message) -> str:
    return f"msgctxt {message.context!r}: " if message.context else ""


def _list(found: Counter) -> str:
    return ", ".join(sorted(found.elements())) or "none"
