"""The organisations that belong to a ministry without being part of it: its
agencies, advisory bodies, independent bodies (ZBO's) and committees.

In the export they stand at the top level, each with a `relatieMetMinisterie`
that names the ministry: by the attribute resourceIdentifierTOOI, or where
that is missing by the attribute systeemId, which the schema requires (its
text is the ministry's name, which is not compared). Units nested
inside the ministry that carry a relatieMetMinisterie stay the ministry's
units, and the units nested in a related organisation are not read. One
without a naam is left out with a warning.
"""

from lxml import etree

from .elements import attribute, child, each, first_text, identifier
from .exportfile import ExportFile
from .plaintext import plain_name
from .records import RegisterUnit
from .units import read_unit


class RelatedOrganisations:
    """Collects, as the scan passes them, the top-level organisations related to `root`.

    One whose relation has no TOOI is compared by systeemId; while the
    ministry is not yet read (it may stand later in the file), it is kept
    with that systeemId and sorted out at the end.
    """

    def __init__(self, root: str) -> None:
        self.root = root
        self.ministry_id: str | None = None  # the ministry's systeemId, once read
        self._found: list[tuple[str | None, RegisterUnit]] = []
        self._skipped: list[tuple[str | None, str]] = []

    def consider(self, organisatie: etree._Element, source: ExportFile) -> None:
        """Read a finished top-level organisatie when its relation may name the ministry."""
        relation = child(organisatie, "relatieMetMinisterie")
        tooi = attribute(relation, "resourceIdentifierTOOI")
        systeem_id = attribute(relation, "systeemId")
        if relation is None or (tooi is not None and tooi != self.root):
            return
        if tooi is None and (systeem_id is None or self.ministry_id not in (None, systeem_id)):
            return
        key = None if tooi else systeem_id
        if not plain_name(first_text(organisatie, "naam") or ""):
            # One nameless organisation is no reason to stop importing the ministry's units.
            subject = f"organisatie systeemId {identifier(organisatie, 'systeemId')}"
            source.warn(organisatie, subject, "related to the ministry, without a naam")
            self._skipped.append((key, source.warnings[-1]))
            return
        for nested in list(each(organisatie, "organisaties")):
            organisatie.remove(nested)  # its own units are not wanted, nor checked
        self._found.append((key, read_unit(organisatie, source)))

    def of(self, ministry: RegisterUnit) -> tuple[RegisterUnit, ...]:
        """Those related to `ministry`, in file order."""
        return tuple(unit for key, unit in self._found if key in (None, ministry.systeem_id))

    def skipped(self, ministry: RegisterUnit) -> tuple[str, ...]:
        """The warnings about those related to `ministry` that were left out."""
        return tuple(note for key, note in self._skipped if key in (None, ministry.systeem_id))
