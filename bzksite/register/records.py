"""What the importer takes from the register's export: plain records, one per
organisation, nested as in the file. Of people, only a head's name, role and
start date; never anyone's own phone number, email or address."""

from dataclasses import dataclass, field
from datetime import date

# The register's XML export of every ministry with its parts (CC0, daily).
EXPORT_URL = "https://organisaties.overheid.nl/archive/exportOO_ministeries.xml"
# The Ministry of the Interior and Kingdom Relations, the default ROOT.
DEFAULT_ROOT = "https://identifier.overheid.nl/tooi/id/ministerie/mnre1034"
REGISTER_NAME = "Register van Overheidsorganisaties"


@dataclass(frozen=True)
class Head:
    role: str  # the functie's naam: "Directeur-generaal"
    name: str  # the medewerker's naam, as the register writes it
    since: date | None  # the medewerker's startDatum


@dataclass(frozen=True)
class Contact:
    """The unit's own contact data (never a person's)."""

    visiting_address: tuple[str, ...] = ()  # lines: ("Turfmarkt 147", "2511 DP Den Haag")
    postal_address: tuple[str, ...] = ()  # lines: ("Postbus 20011", "2500 EA Den Haag")
    phone: str | None = None
    email: str | None = None
    website: str | None = None
    contact_form: str | None = None

    def __bool__(self) -> bool:
        return any(getattr(self, name) for name in self.__dataclass_fields__)


@dataclass(frozen=True)
class RegisterUnit:
    systeem_id: str
    tooi: str | None
    name: str
    abbreviations: tuple[str, ...] = ()
    types: tuple[str, ...] = ()  # types/type, in the register's order
    end_date: date | None = None  # eindDatum
    url: str | None = None  # the unit's page in the register
    head: Head | None = None
    contact: Contact = field(default_factory=Contact)
    children: tuple["RegisterUnit", ...] = ()
    line: int | None = None  # where its element starts in the file
    description: str | None = None  # organisatieBeschrijving/beschrijvingText
    # relatieMetMinisterie's resourceIdentifierTOOI: the ministry an
    # organisation belongs to without being part of it (an agency, a ZBO).
    related_to: str | None = None
    withheld: tuple[str, ...] = ()  # contact fields left out as personal data: ("email",)
    warnings: tuple[str, ...] = ()  # values left out, each "<file>:<line>: <unit>: <what>"


@dataclass(frozen=True)
class Export:
    """What one export file holds of one ministry."""

    ministry: RegisterUnit  # with its units nested in it
    related: tuple[RegisterUnit, ...] = ()  # top-level organisations related to the ministry
    # Organisations left out whole (one without a naam), each "<file>:<line>: <what>";
    # a record's own left-out values are in its `warnings`.
    warnings: tuple[str, ...] = ()
    exported: date | None = None  # the root's timestamp: the day of the export


class RegisterError(Exception):
    """A register file that cannot be imported, with what and where."""
