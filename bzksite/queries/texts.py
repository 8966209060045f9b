"""The site's content texts in the page's language, with Dutch fallback.

A text without a current translation comes back in Dutch, with its state,
so the page can mark it `lang="nl"` and say why.
"""

from sqlite_utils import Database

from ..records import SHOWN_AS_WRITTEN, SOURCE_LANGUAGE, Text

# A text's source and its translation are joined on (owner, field, position),
# the primary key: a read is an index look-up, whatever the size of the site.
_TEXTS_OF = """
SELECT source.field, source.text AS source_text, translation.text AS translated_text,
       translation.state
FROM texts AS source
LEFT JOIN texts AS translation
  ON translation.owner = source.owner AND translation.field = source.field
 AND translation.position = source.position AND translation.lang = :lang
WHERE source.owner = :owner AND source.lang = :source
ORDER BY source.field, source.position
"""


def texts_of(db: Database, lang: str, owner: str) -> dict[str, list[Text]]:
    """{field: [Text, ...]} of one owner ("unit:kiem", "page:privacy")."""
    result: dict[str, list[Text]] = {}
    params = {"lang": lang, "source": SOURCE_LANGUAGE, "owner": owner}
    for row in db.query(_TEXTS_OF, params):
        result.setdefault(row["field"], []).append(text_in(row, lang))
    return result


def text_in(row: dict, lang: str) -> Text:
    """The Text of a row with source_text, translated_text and state: the
    translation, or the source as a fallback."""
    if row["state"] in SHOWN_AS_WRITTEN:
        return Text(row["translated_text"], lang, row["state"])
    return Text(row["source_text"], SOURCE_LANGUAGE, row["state"] or "missing")
