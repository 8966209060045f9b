"""What shapes a page besides the database, as one hash: part of every ETag."""

import hashlib
from importlib.metadata import version
from pathlib import Path

from flask import Flask

# Settings and libraries that change what a page says or how it is written.
PAGE_SETTINGS = ("LANGUAGES", "MATOMO_URL", "MATOMO_SITE_ID", "HTTPS", "SECURITY_CONTACT")
LIBRARIES = ("flask", "werkzeug", "jinja2", "babel", "flask-babel")


def code_version(app: Flask) -> str:
    """A hash of what shapes a page besides the database: code, templates,
    static files and compiled catalogs (by their place in the checkout, so
    identical checkouts agree), the settings that change pages and the
    libraries that write them. Worked out once per worker."""
    package = Path(app.root_path)
    translations = Path(app.config["TRANSLATIONS"])
    patterns = [(package, "*.py"), (package, "*.html"), (package, "*.xml"), (package, "static/*")]
    files = [(package, path) for folder, pattern in patterns for path in folder.rglob(pattern)]
    files += [(translations, path) for path in translations.rglob("*/LC_MESSAGES/*.mo")]
    digest = hashlib.sha256()
    for base, path in sorted(files):
        if path.is_file():
            digest.update(path.relative_to(base).as_posix().encode() + b"\0" + path.read_bytes())
    settings = {name: app.config.get(name) for name in PAGE_SETTINGS}
    libraries = {name: version(name) for name in LIBRARIES}
    digest.update(repr((sorted(settings.items()), sorted(libraries.items()))).encode())
    return digest.hexdigest()[:12]
