"""`make i18n-status`: how far each language's catalogs are, and what is not done."""

from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

from babel.messages.catalog import Catalog


@dataclass(frozen=True)
class Gap:
    path: Path
    line: int | None  # None: the entry is not in the file at all
    state: str  # fuzzy or missing
    context: str | None
    msgid: str
    previous: str | None = None  # a fuzzy entry's source when it was translated


@dataclass(frozen=True)
class Status:
    language: str
    domain: str
    path: Path
    total: int
    fuzzy: int
    missing: int
    gaps: list[Gap]

    @property
    def translated(self) -> int:
        return self.total - self.fuzzy - self.missing

    @property
    def percent(self) -> int:
        """Rounded down, so 100 means everything."""
        return 100 if not self.total else self.translated * 100 // self.total


def catalog_status(
    language: str, domain: str, path: Path, catalog: Catalog, template: Catalog
) -> Status:
    gaps = find_gaps(path, catalog, template)
    total = sum(1 for message in template if message.id)
    fuzzy = sum(gap.state == "fuzzy" for gap in gaps)
    return Status(language, domain, path, total, fuzzy, len(gaps) - fuzzy, gaps)


def find_gaps(path: Path, catalog: Catalog, template: Catalog) -> list[Gap]:
    """Every text of `template` that `catalog` does not translate, or only fuzzily."""
    gaps = []
    for wanted in template:
        if not wanted.id:
            continue
        found = catalog.get(wanted.id, context=wanted.context)
        msgid = _first(wanted.id)
        if found is None or not found.string or not all(_texts(found.string)):
            line = found.lineno if found is not None else None
            gaps.append(Gap(path, line, "missing", wanted.context, msgid))
        elif found.fuzzy:
            previous = found.previous_id[0] if found.previous_id else None
            gaps.append(Gap(path, found.lineno, "fuzzy", wanted.context, msgid, previous))
    return gaps


def changed_words(old: str, new: str, around: int = 3) -> str:
    """The words that changed from `old` to `new`, as `git diff --word-diff`
    shows them ([-removed-]{+added+}), with a few words around each change."""
    before, after = old.split(), new.split()
    tokens: list[tuple[str, bool]] = []  # (text, whether it is a change)
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
        if tag == "equal":
            tokens += [(word, False) for word in after[j1:j2]]
            continue
        if i2 > i1:
            tokens.append((f"[-{' '.join(before[i1:i2])}-]", True))
        if j2 > j1:
            tokens.append((f"{{+{' '.join(after[j1:j2])}+}}", True))
    changes = [index for index, (_, changed) in enumerate(tokens) if changed]
    keep = {near for index in changes for near in range(index - around, index + around + 1)}
    shown: list[str] = []
    last = -1
    for index, (text, _) in enumerate(tokens):
        if index in keep:
            shown += ["…"] if index != last + 1 else []
            shown.append(text)
            last = index
    if shown and last != len(tokens) - 1:
        shown.append("…")
    return " ".join(shown)


def _first(value: str | tuple | list) -> str:
    return value if isinstance(value, str) else value[0]


def _texts(value) -> list[str]:
    return [value] if isinstance(value, str) else list(value)
