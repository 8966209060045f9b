"""The kind of a unit new to the site, from the register: "Ministerie" by its
type, the rest by the words its name starts with ("Directie Wonen" is a
department). Every part of a ministry in the export is typed just
"Organisatieonderdeel", so the name is all there is to go on.

Words are whole words: "Directies" is not a "Directie", "Bureaucratie" not a
"Bureau". A grouping in the plural ("Commissies", "Raden") is of no kind
here, nor is a name that says none ("KIEM"); the importer calls those
"unit". A unit already in the content keeps the kind its file gives it.
"""

import re

# In this order: "Programma directoraat-generaal" is a directorate-general,
# not a programme.
_NAME_STARTS = (
    ("directorate-general", r"(programma[- ]?)?directoraat-generaal"),
    ("department", r"(programma)?directie"),
    ("cluster", r"cluster|.* cluster$"),  # also "Secretaris-generaal Cluster"
    ("section", r"afdeling"),
    ("office", r"bureau"),
    ("service", r"dienst"),
    ("programme", r"programma"),
    # "Commissie …", "Interdepartementale Commissie …", "Interdep. Commissie …",
    # "Bedrijfscommissie …", "Advies- en Arbitragecommissie …"
    ("committee", r"((interdepartementale|interdep\.) )?\w*commissie|\w+- en \w*commissie"),
    ("council", r"raad"),
    ("secretariat", r"secretariaat"),
)
_PATTERNS = tuple(
    (kind, re.compile(rf"(?:{start})(?![\w-])", re.IGNORECASE)) for kind, start in _NAME_STARTS
)


def kind_from_name(name: str, types: tuple[str, ...]) -> str | None:
    """Our kind of a register unit with `name` and `types`, or None when neither says."""
    if any(kind.casefold() == "ministerie" for kind in types):
        return "ministry"
    words = " ".join(name.split())
    for kind, pattern in _PATTERNS:
        if pattern.match(words):
            return kind
    return None
