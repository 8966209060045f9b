"""Names compared the way people read them.

The register and the content write the same unit differently: "directie
Inlichtingen" and "Directie Inlichtingen", "Bestuursadvisering" and
"Directie Bestuursadvisering", "Programma Directoraat-generaal Ruimtelijke
Ordening" and "Directoraat-generaal Ruimtelijke Ordening", "Directie
Financieel-Economische Zaken (FEZ)" with its abbreviation in brackets.
"""

import re
import unicodedata

_BRACKETED = re.compile(r"\s*\(([^()]+)\)\s*$")
_ABBREVIATION = re.compile(r"^[A-Za-z0-9&\-]{2,12}$")
# Words that say what kind of unit a name is, not which one. A leading
# "directie" or "programma" is left out of the key; the rest only of the core.
_OPTIONAL_PREFIXES = ("directie", "programma")
_KIND_WORDS = (
    "directoraat generaal",
    "programmadirectoraat generaal",
    "programmadirectie",
    "directie",
    "programma",
    "cluster",
    "bureau",
    "afdeling",
    "dienst",
)


def split_abbreviation(name: str) -> tuple[str, str | None]:
    """An abbreviation in brackets after the name, split off: "Directie
    Financieel-Economische Zaken (FEZ)" -> ("Directie Financieel-Economische Zaken", "FEZ")."""
    match = _BRACKETED.search(name)
    if match and _ABBREVIATION.match(match[1]) and any(c.isupper() for c in match[1]):
        return name[: match.start()].strip(), match[1]
    return name, None


def plain(text: str) -> str:
    """Lower case, without accents, punctuation or doubled spaces: "Regio's" -> "regios"."""
    text = text.replace("\u2019", "").replace("'", "")
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", ascii_text.lower().replace("&", " en ")).split())


def name_key(name: str) -> str:
    """What two names of one unit share: case, accents, an abbreviation in
    brackets and a leading "Directie" or "Programma" left out."""
    key = plain(split_abbreviation(name)[0])
    for prefix in _OPTIONAL_PREFIXES:
        if key.startswith(prefix + " "):
            return key[len(prefix) + 1 :]
    return key


def core_key(name: str) -> str:
    """The name without every leading kind word: "Bureau Algemene Bestuursdienst"
    and "Directoraat-generaal Algemene Bestuursdienst" share "algemene bestuursdienst"."""
    key = plain(split_abbreviation(name)[0])
    changed = True
    while changed:
        changed = False
        for word in _KIND_WORDS:
            if key.startswith(word + " "):
                key, changed = key[len(word) + 1 :], True
    return key
