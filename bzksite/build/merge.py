"""`make i18n-update` and `make i18n-init`: bring each language's catalog in
line with its template, keeping what translators wrote.

Unlike Babel's own update, a changed text is matched only to a vanished text
with the same msgctxt (the same place in the site), so exactly that entry
turns fuzzy, with its old msgid kept as `#| msgid` for the translator to
compare. A new text arrives empty; a vanished one stays as an obsolete `#~`
entry.
"""

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
    vanished = [key for key in old if key not in keys]  # (the revived are all in keys)
    result = Merged(_empty_like(catalog, template))
    for message in wanted:
        key = _key(message)
        previous = old.get(key) or _changed_from(message, vanished, old)
        if previous is None:
            result.new.append(key)
            result.catalog[message.id] = _copy(message, context=message.context)
            continue
        merged = _copy(message, string=previous.string, context=message.context)
        merged.flags |= previous.flags - {"python-format"}
        merged.user_comments = list(previous.user_comments)
        if previous is not old.get(key):
            vanished.remove(_key(previous))
            merged.flags.add("fuzzy")
            merged.previous_id = [_key(previous)[0]]
            result.fuzzy.append(key)
        elif "fuzzy" in previous.flags:
            merged.previous_id = list(previous.previous_id)
        result.catalog[message.id] = merged
    for key in vanished:
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
            catalog[message.id] = _copy(message, context=message.context)
    return catalog


def _changed_from(message: Message, vanished: list[Key], old: dict[Key, Message]):
    """The vanished text of the same place most like `message`, if alike enough."""
    same_place = [key for key in vanished if key[1] == message.context and old[key].string]
    scored = [(SequenceMatcher(None, key[0], str(message.id)).ratio(), key) for key in same_place]
    best = max(scored, default=None)
    return old[best[1]] if best and best[0] >= SIMILAR else None


def _empty_like(catalog: Catalog, template: Catalog) -> Catalog:
    copy = Catalog(
        locale=catalog.locale,
        domain=catalog.domain,
        header_comment=catalog.header_comment,
        project=catalog.project,
        version=catalog.version,
        copyright_holder=catalog.copyright_holder,
        msgid_bugs_address=catalog.msgid_bugs_address or "",
        creation_date=template.creation_date,
        revision_date=catalog.revision_date,
        last_translator=catalog.last_translator,
        language_team=catalog.language_team,
        charset="utf-8",
        fuzzy=False,
    )
    return copy


def _copy(message: Message, string: str = "", context: str | None = None) -> Message:
    return Message(
        message.id,
        string,
        locations=list(message.locations),
        flags=set(message.flags),
        auto_comments=list(message.auto_comments),
        context=context,
    )


def _key(message: Message) -> Key:
    msgid = message.id if isinstance(message.id, str) else message.id[0]
    return (msgid, message.context)
