"""The two gettext domains: which languages need them, and which are format strings.

`messages` is the interface, msgids in English. The site formats every
interface text with `%` (Jinja's i18n does so for every template string, and
bzksite/interface.py for the rest), so each is marked python-format: gettext
then refuses a translation Python cannot format, such as a lone "100%".
`content` is the site's text, msgids in Dutch, shown as written: never a
format string, whatever "%" it holds.
"""

from babel.messages.catalog import Catalog

from ..records import SOURCE_LANGUAGE

DOMAINS = ("messages", "content")
# The language of the interface msgids: it needs no messages.po.
MSGID_LANGUAGE = "en"
FORMAT_FLAG = "python-format"


def domains_of(language: str) -> list[str]:
    """The catalogs a language needs: interface text unless it is the msgids'
    language, content unless it is the source language."""
    needed = []
    if language != MSGID_LANGUAGE:
        needed.append("messages")
    if language != SOURCE_LANGUAGE:
        needed.append("content")
    return needed


def mark_formats(catalog: Catalog, domain: str) -> Catalog:
    """Flag every message of `catalog` as its domain requires (Babel guesses
    the flag from each msgid, so it is set again before every write)."""
    for message in catalog:
        if not message.id:
            continue
        if domain == "messages":
            message.flags.add(FORMAT_FLAG)
        else:
            message.flags.discard(FORMAT_FLAG)
    return catalog
