"""`make i18n-update` and `make i18n-init`: bring each language's catalog in
line with its template, keeping what translators wrote.

Unlike Babel's own update, a changed text is matched first with a vanished
text of the same msgctxt (the same place in the site), so exactly that entry
turns fuzzy, with the msgid it was translated from kept as `#| msgid` for the
translator to compare. A text that only moved (same words, another place)
keeps its translation, fuzzy. A new text arrives empty; a vanished
translated one stays as an obsolete `#~` entry.
"""

import copy
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from babel.messages.catalog import Catalog, Message

from .extract import PROJECT

# How alike an old and a new text of one place must be to count as a change
# of the same text rather than a new one (difflib's ratio, 0 to 1).
SIMILAR = 0.5

Key = tuple[str, str | None]


@dataclass
class Merged:
    catalog: Catalog
    fuzzy: list[Key] = field(default_factory=list)  # changed texts, now fuzzy
    new: list[Key] = field(default_factory=list)
    obsolete: list[Key] = field(default_factory=list)


def merge(catalog: Catalog, template: Catalog) -> Merged:
    old = {_key(m): m for m in catalog if m.id}
    wanted = [m for m in template if m.id]
    keys = {_key(m) for m in wanted}
    # An obsolete entry whose text is back is used again as it was.
    earlier = {_key(m): m for m in catalog.obsolete.values()}
    old.update({key: earlier[key] for key in keys & earlier.keys() if key not in old})
    vanished = [key for key in old if key not in keys]
    result = Merged(_emptied(catalog, template))
    for message in wanted:
        key = _key(message)
        previous = old.get(key) or _changed_from(message, vanished, old)
        merged = _copy(message)
        if previous is None:
            result.new.append(key)
        else:
            merged.string = previous.string
            merged.flags |= previous.flags
            merged.user_comments = list(previous.user_comments)
            # The source the translation was made from: kept through later changes.
            merged.previous_id = list(previous.previous_id) if previous.fuzzy else []
            if previous is not old.get(key):
                vanished.remove(_key(previous))
                merged.flags.add("fuzzy")
                merged.previous_id = merged.previous_id or [_key(previous)[0]]
                result.fuzzy.append(key)
        result.catalog[message.id] = merged
    for key in vanished:
        if old[key].string:  # nothing to keep of an untranslated text
            result.catalog.obsolete[key] = old[key]
            result.obsolete.append(key)
    for key, message in earlier.items():
        if key not in keys:
            result.catalog.obsolete[key] = message
    return result


def new_catalog(template: Catalog, language: str) -> Catalog:
    """An empty catalog for `language` (its plural forms from Babel's locale data)."""
    catalog = Catalog(locale=language, **PROJECT, fuzzy=False, charset="utf-8")
    catalog.creation_date = template.creation_date
    for message in template:
        if message.id:
            catalog[message.id] = _copy(message)
    return catalog


def _changed_from(message: Message, vanished: list[Key], old: dict[Key, Message]):
    """The vanished text that `message` replaces: the most alike one of the same
    place, if alike enough, else the very same text from another place."""
    text = _key(message)[0]
    same_place = [key for key in vanished if key[1] == message.context and old[key].string]
    scored = [
        (SequenceMatcher(None, key[0], text, autojunk=False).ratio(), key) for key in same_place
    ]
    best = max(scored, default=None)
    if best and best[0] >= SIMILAR:
        return old[best[1]]
    moved = [key for key in vanished if key[0] == text and old[key].string]
    return old[moved[0]] if moved else None


def _emptied(catalog: Catalog, template: Catalog) -> Catalog:
    """`catalog` without its messages: its header (plural forms included) kept."""
    emptied = copy.deepcopy(catalog)
    for message in list(emptied):
        if message.id:
            emptied.delete(message.id, context=message.context)
    emptied.obsolete.clear()
    emptied.creation_date = template.creation_date
    return emptied


def _copy(message: Message) -> Message:
    return Message(
        message.id,
        "",
        locations=list(message.locations),
        flags=set(message.flags),
        auto_comments=list(message.auto_comments),
        context=message.context,
    )


def _key(message: Message) -> Key:
    msgid = message.id if isinstance(message.id, str) else message.id[0]
    return (msgid, message.context)
