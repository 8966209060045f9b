"""The register's texts as the content accepts them: plain text, whitespace
collapsed, without markup (what bzksite/content/fields.py refuses: a "<"
before a letter, "/" or "!")."""

import html
import re

_BLOCK_TAG = re.compile(r"<\s*/?\s*(p|br|div|li|ul|ol|h[1-6])\b[^>]*>", re.IGNORECASE)
_TAG = re.compile(r"<\s*/?\s*[a-zA-Z!][^>]*>")
_LEFT_OPEN = re.compile(r"<(?=\s*/?\s*[a-zA-Z!])")
# The register's texts lost their paragraph breaks: "…rechtspraak.Het AcICT…".
# A sentence's end glued to a capital is taken for one ("GBO.Overheid" is not).
_GLUED = re.compile(r"(?<=[a-z0-9)][.!?])(?=[A-Z])")


def paragraphs(text: str | None) -> list[str]:
    """The register's text as the content checks accept it: plain text, one
    paragraph per string, whitespace collapsed, markup dropped."""
    if not text:
        return []
    text = _BLOCK_TAG.sub("\n", text)
    text = html.unescape(_TAG.sub(" ", text))
    text = _GLUED.sub("\n", _LEFT_OPEN.sub("", text))
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def plain_name(name: str) -> str:
    """A name on one line, whitespace collapsed, markup dropped: "Directie
    <b>Digitale</b>\n Overheid" gives "Directie Digitale Overheid"."""
    name = _TAG.sub("", _BLOCK_TAG.sub(" ", name))
    return " ".join(_LEFT_OPEN.sub("", name).split())


def has_markup(text: str) -> bool:
    return _LEFT_OPEN.search(text) is not None
