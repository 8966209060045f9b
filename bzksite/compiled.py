"""The compiled interface catalogs (messages.mo), read as Flask-Babel reads them.

Flask-Babel opens a language's catalog on that language's first request and
trusts it: a garbage, truncated or empty file fails every page in the
language. The site reads each one at start-up with the same reader
(babel.support.Translations), and the build reads back each file it writes,
so that neither ever reaches a visitor.
"""

import io
from pathlib import Path

from babel.support import Translations

DOMAIN = "messages"


class UnreadableCatalog(Exception):
    """A compiled catalog that the site cannot use; `reason` completes "<file> …"."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path} {reason}")
        self.path = path
        self.reason = reason


def compiled_path(translations: Path, language: str) -> Path:
    """Where Flask-Babel looks for a language's interface catalog."""
    return translations / language / "LC_MESSAGES" / f"{DOMAIN}.mo"


def read_compiled(path: Path) -> Translations:
    """The catalog in `path` as the site will read it, or UnreadableCatalog saying why."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise UnreadableCatalog(path, "is missing") from None
    except OSError as error:  # a folder in its place, no permission
        raise UnreadableCatalog(path, f"cannot be read ({error.strerror})") from None
    if not data:
        raise UnreadableCatalog(path, "is empty")
    try:
        return Translations(fp=io.BytesIO(data), domain=DOMAIN)
    except OSError as error:  # gettext's own: "Bad magic number", "File is corrupt"
        raise UnreadableCatalog(path, f"is not a compiled catalog ({error.strerror})") from None
    # gettext's parser fails in whatever way the bytes lead it: struct.error on a
    # short file, UnicodeDecodeError, IndexError, even SyntaxError from a garbled
    # plural formula. Any of them means the site cannot use the file.
    except Exception as error:
        detail = f"{type(error).__name__}: {error}".splitlines()[0]
        raise UnreadableCatalog(path, f"is not a compiled catalog ({detail})") from None
