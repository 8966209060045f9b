"""Who leads a unit, from its functies: a role, a name and a start date, nothing more.

Of a medewerker only `naam` and `startDatum` are read: never their own
contact data, which the register may carry under them.
"""

from datetime import date

from lxml import etree

from .elements import child, each, first_text
from .exportfile import ExportFile
from .records import Head

# The titles of a unit's head, compared case-insensitively with the start of
# a functie's naam. A deputy's title starts with "Plaatsvervangend" (or
# "plv."), never with one of these, so deputies are left out by this alone.
HEAD_TITLES = (
    "secretaris-generaal",
    "directeur-generaal",
    "inspecteur-generaal",
    "clusterdirecteur",
    "directeur",
    "hoofd",
)


def read_head(organisatie: etree._Element, source: ExportFile, unit: str) -> Head | None:
    """The head: of the first functie with a head's title, the medewerker who started last.

    `unit` names the unit in errors ("organisatie systeemId 900001 (Directie Proefdata)").
    """
    for functie in each(organisatie, "functies", "functie"):
        role = first_text(functie, "naam")
        if role and role.casefold().startswith(HEAD_TITLES):
            return _latest(functie, role, source, unit)
    return None


def _latest(functie: etree._Element, role: str, source: ExportFile, unit: str) -> Head | None:
    """The medewerker with the latest startDatum; the last one when none has a date."""
    latest: Head | None = None
    for medewerker in each(functie, "medewerkers", "medewerker"):
        name = first_text(medewerker, "naam")
        ended = source.date(child(medewerker, "eindDatum"), f"{unit}, {role} {name}")
        if name is None or (ended is not None and ended <= date.today()):
            continue  # no one, or someone who held the post before
        since = source.date(child(medewerker, "startDatum"), f"{unit}, {role} {name}")
        candidate = Head(role=role, name=name, since=since)
        if latest is None or latest.since is None or (since is not None and since >= latest.since):
            latest = candidate
    return latest
