"""bzksite: the organisation of the Ministry of the Interior and Kingdom
Relations (BZK), in Dutch and English, served from a read-only SQLite file."""

from pathlib import Path
from typing import Any

from flask import Config, Flask

from . import (
    analytics,
    api,
    body,
    caching,
    contact_links,
    cookies,
    db,
    description,
    errors,
    hosts,
    i18n,
    proxy,
    root,
    security,
    site_address,
    site_name,
    static_files,
    views,
)

PROJECT = Path(__file__).resolve().parent.parent

DEFAULTS: dict[str, Any] = {
    "DATABASE": str(PROJECT / "db" / "site.db"),
    "TRANSLATIONS": str(PROJECT / "translations"),
    # The site's languages, the default first, each with the path segments it
    # names in its own words (/nl/organisatie/<id>/); a segment it does not
    # name is the English word (/en/organisation/<id>/). See views.PATH_SEGMENTS.
    "LANGUAGES": {
        "nl": {
            "organisation": "organisatie",
            "organisations": "organisaties",
            "organisation-chart": "organogram",
            "accessibility": "toegankelijkheid",
            "search": "zoeken",
            "changes": "wijzigingen",
        },
        "en": {},
    },
    # The site's public address, the start of every absolute URL it publishes
    # (canonical, hreflang, sitemap, API): a scheme and a host, never the request's.
    "SITE_URL": "http://127.0.0.1:8000",
    # Requests for any other host get a plain 400 (hosts.py).
    "TRUSTED_HOSTS": ["localhost", "127.0.0.1"],
    # The proxy's addresses (or networks): only from these are X-Forwarded-Proto
    # and X-Forwarded-For believed (see proxy.py).
    "FORWARDED_ALLOW_IPS": ["127.0.0.1"],
    # Behind HTTPS (a proxy that terminates it): send Strict-Transport-Security
    # and mark the consent cookie Secure.
    "HTTPS": False,
    # Where to report a vulnerability, for /.well-known/security.txt: the
    # central government's coordinated vulnerability disclosure at the NCSC.
    "SECURITY_CONTACT": "https://www.ncsc.nl/contact/kwetsbaarheid-melden",
    # Only GET and HEAD (and the consent form's POST): OPTIONS gets a 405 too.
    "PROVIDE_AUTOMATIC_OPTIONS": False,
    # Requests with a larger body get a 413: the one form sends a few hundred bytes.
    "MAX_CONTENT_LENGTH": 16 * 1024,
    # Seconds a request body may take to arrive, in all (rsgi.py): then a 408.
    "BODY_TIMEOUT": 10,
    # Matomo analytics, off unless both are set: an https:// address and a site id.
    "MATOMO_URL": None,
    "MATOMO_SITE_ID": None,
}


def settings(test_config: dict[str, Any] | None = None) -> Config:
    """DEFAULTS, then BZKSITE_<NAME> environment variables (JSON values, e.g.
    BZKSITE_TRUSTED_HOSTS='["example.nl"]'), then test_config. The site and
    the translators' tools (scripts/i18n.py) read the same settings."""
    config = Config(str(PROJECT))
    config.from_mapping(DEFAULTS)
    config.from_prefixed_env("BZKSITE")
    if test_config is not None:
        config.update(test_config)
    return config


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """The site, with settings(test_config)."""
    # Static files get content-hashed names: see static_files.py.
    app = Flask(__name__, static_folder=None)
    app.config.update(settings(test_config))

    site_address.init_app(app)
    db.init_app(app)
    i18n.init_app(app)
    description.init_app(app)
    contact_links.init_app(app)
    site_name.init_app(app)
    analytics.init_app(app)
    cookies.init_app(app)
    security.init_app(app)
    body.init_app(app)
    static_files.init_app(app)
    caching.init_app(app)
    errors.init_app(app)
    app.register_blueprint(root.bp)
    app.register_blueprint(views.blueprint(app.config["LANGUAGES"]))
    api.init_app(app)
    hosts.init_app(app)  # in front of the page cache: no kept page goes to a strange host
    proxy.init_app(app)  # outermost: the scheme and address it sets reach every layer
    return app
