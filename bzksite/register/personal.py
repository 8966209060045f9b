"""Personal data in a unit's own contact data, withheld by rule.

The register lets an organisation enter any address as its own, and some
enter a person's. The import takes an e-mail address only when it can tell
that it belongs to a function or to the unit itself, and never a Dutch
mobile number. When in doubt it withholds: a missing address costs a
visitor a click, a published personal one cannot be taken back.
"""

import re
import unicodedata
from collections.abc import Iterable

# Words of a functional address, also inside a compound (FMHSecretariaat@,
# postbuspdbb@, directiesecretariaat@). "ynfo" is Frisian for "info".
FUNCTION_WORDS = (
    "administratie", "bedrijfsbureau", "communicatie", "contactpersoon", "contact",
    "directie", "helpdesk", "info", "informatie", "juridisch", "klantcontact",
    "postbus", "secretariaat", "secretaris", "servicedesk", "ynfo",
)  # fmt: skip
# Short words that count only as a whole part of the address: inside a
# longer one they may be the start of a surname (Persijn, Woolfson).
WHOLE_WORDS = frozenset({"pers", "woo", "wob", "team", "bureau", "receptie", "balie"})
# Words an abbreviation of a name may leave out: "cavv" is the Commissie van
# advies inzake volkenrechtelijke vraagstukken.
LINK_WORDS = frozenset(
    {"aan", "bij", "de", "den", "der", "des", "en", "het", "in", "inzake", "met", "of", "om",
     "op", "over", "te", "ten", "ter", "tot", "uit", "van", "voor"}
)  # fmt: skip
_PARTS = re.compile(r"[._+-]+")
_VOWELS = frozenset("aeiouy")
# A Dutch mobile number anywhere in the value (06, +316 or 00316 and eight
# digits, however they are spaced), not inside another number.
_MOBILE = re.compile(r"(?<![\d+])(?:\+31|0031|0)[\s().-]*6(?:[\s().-]*\d){8}")


def is_mobile_number(number: str) -> bool:
    """Whether `number` holds a Dutch mobile number: "06 12345678", and also
    "070 123 45 67 / 06 12345678"."""
    return _MOBILE.search(number.replace("(0)", "")) is not None


def is_personal_email(address: str, own: Iterable[str] = ()) -> bool:
    """Whether `address` may be a person's: true unless every part of the name
    before the @ is a function word, the unit's own name or abbreviation (`own`:
    its name, abbreviations and web hosts), the initials of the words of its
    name, or a part of the domain. A short name that is none of these (jan@,
    henk@) may be a person's. A text without an @ is not an address at all: False."""
    local, at, domain = address.strip().casefold().rpartition("@")
    if not at or not local:
        return False
    names = _names([*own, domain])
    if _squash(local) in names:
        return False
    initials = _initials(own)
    parts = [part for part in _PARTS.split(local) if part]
    return not all(_explained(part, names, initials) for part in parts)


def _explained(
    part: str, names: frozenset[str], initials: list[re.Pattern], inside: bool = False
) -> bool:
    """Whether `part` is made of function words and the unit's names; what is
    left beside a function word may be a short acronym (postbuspdbb)."""
    if not part or part in names or part in FUNCTION_WORDS:
        return True
    if any(pattern.fullmatch(part) for pattern in initials):
        return True
    if (not inside and part in WHOLE_WORDS) or (inside and _acronym(part)):
        return True
    for word in (*FUNCTION_WORDS, *names):
        if len(word) < 3 or word == part:
            continue
        if part.startswith(word) and _explained(part[len(word) :], names, initials, True):
            return True
        if part.endswith(word) and _explained(part[: -len(word)], names, initials, True):
            return True
    return False


def _acronym(part: str) -> bool:
    """Two to four letters with one vowel at most: cavv, rbo, ipkd, pdbb."""
    return 2 <= len(part) <= 4 and part.isalpha() and sum(c in _VOWELS for c in part) <= 1


def _initials(texts: Iterable[str]) -> list[re.Pattern]:
    """For each name of more than one word, what its initials match: every
    word's first letter, a link word's optional ("Raad voor het Openbaar
    Bestuur" gives rob and rvhob). Words part at spaces and hyphens; a part in
    brackets is left out."""
    patterns = []
    for text in texts:
        words = re.findall(r"[a-z0-9]+", _plain(re.sub(r"\([^)]*\)", " ", text)))
        if len(words) > 1 and "://" not in text:
            letters = [f"{word[0]}?" if word in LINK_WORDS else word[0] for word in words]
            patterns.append(re.compile("".join(letters)))
    return patterns


def _names(texts: Iterable[str]) -> frozenset[str]:
    """The unit's own names as they may stand in an address: squashed, each
    part in brackets ("Bedrijfscommissie (BDC-O)" gives bdco), each label of a
    host name ("www.vfg-fryslan.nl" gives vfgfryslan, vfg and fryslan)."""
    names = set()
    for text in texts:
        plain = _plain(text)
        names.add(_squash(plain))
        names.update(_squash(inner) for inner in re.findall(r"\(([^)]*)\)", plain))
        if "." in plain and not any(space.isspace() for space in plain):
            host = plain.split("//")[-1].split("/")[0]
            for label in host.split(".")[:-1]:
                names.add(_squash(label))
                names.update(_squash(piece) for piece in label.split("-"))
    names.discard("www")
    return frozenset(name for name in names if len(name) >= 2)


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _squash(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text)
