"""Who leads a unit, from its functies: a role, a name and a start date, nothing more.

Of a medewerker only `naam`, `startDatum` and `eindDatum` are read: never
their own contact data, which the register may carry under them.

A head's functie starts with a head's title, compared as whole words in any
case: "Directeur-generaal Proefdata" and "Hoofd Proefbureau" lead,
"Hoofdredacteur" does not, nor does a deputy ("Plaatsvervangend …",
"plv. …", "loco-…"). Of several, the title that fits the unit's kind
(kinds.py) ranks first, so that the "Directeur Bedrijfsvoering" of a
directoraat-generaal, listed before its "Directeur-generaal", does not lead
it.
"""

import re
from collections.abc import Iterable
from datetime import date

from lxml import etree

from .elements import child, each, first_text
from .exportfile import ExportFile
from .kinds import kind_from_name
from .records import Head

# Every head's title, in the order they rank for a unit of no known kind.
HEAD_TITLES = (
    "secretaris-generaal",
    "directeur-generaal",
    "inspecteur-generaal",
    "clusterdirecteur",
    "programmadirecteur",
    "algemeen directeur",
    "directeur",
    "hoofd",
)
# The titles that fit a kind of unit (kinds.py's, and "agency"), ranked before every other.
KIND_TITLES = {
    "ministry": ("secretaris-generaal",),
    "directorate-general": ("directeur-generaal", "inspecteur-generaal"),
    # A programmadirectie is a department too: its programmadirecteur ranks
    # before a directeur of its staff ("Directeur Bedrijfsvoering").
    "department": ("algemeen directeur", "programmadirecteur", "directeur"),
    "agency": ("algemeen directeur", "directeur"),
    "service": ("algemeen directeur", "directeur"),
    "cluster": ("clusterdirecteur",),
    "programme": ("programmadirecteur",),
    "section": ("hoofd",),
    "office": ("hoofd",),
}
_DEPUTY = {"plaatsvervangend", "plaatsvervangende", "plv", "loco"}


def read_head(
    organisatie: etree._Element, source: ExportFile, unit: str, name: str, types: Iterable[str]
) -> Head | None:
    """The head: of the functie whose title ranks first, the medewerker who started last.

    `unit` names the unit in warnings ("organisatie systeemId 900001 (Directie
    Proefdata)"); `name` and `types` are its naam and types, which give its kind.
    """
    kind_titles = KIND_TITLES.get(_kind(name, tuple(types)) or "", ())
    ranking = kind_titles + tuple(title for title in HEAD_TITLES if title not in kind_titles)
    best: tuple[int, etree._Element, str] | None = None
    for functie in each(organisatie, "functies", "functie"):
        role = first_text(functie, "naam")
        title = head_title(role or "")
        if role and title and (best is None or ranking.index(title) < best[0]):
            best = (ranking.index(title), functie, role)
    return None if best is None else _latest(best[1], best[2], source, unit)


def _kind(name: str, types: tuple[str, ...]) -> str | None:
    """An agency by its register type (a name such as "Logius" says nothing), else
    the kind its name gives."""
    if any(value.strip().casefold() == "agentschap" for value in types):
        return "agency"
    return kind_from_name(name, types)


def head_title(role: str) -> str | None:
    """The head's title `role` starts with, the longest that fits; None for a deputy."""
    words = _words(role)
    if _DEPUTY.intersection(words):
        return None
    fitting = [title for title in HEAD_TITLES if words[: len(_words(title))] == _words(title)]
    return max(fitting, key=lambda title: len(_words(title)), default=None)


def _words(text: str) -> list[str]:
    """The words of a title, apart at hyphens and stops: "plv. directeur-generaal" has three."""
    return re.findall(r"[^\s.,;:()\-]+", text.casefold())


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
