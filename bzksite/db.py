"""The site database: built by `make db`, opened read-only, one connection per request.

At start-up a missing or unbuilt database stops the site. Once running, a
database that cannot be read (deleted, cut short, overwritten) makes every
answer that needs it a 503 with the error page, which says to come back
later; kept pages and static files are still served, the problem is logged
once, and the next good database that `make db` swaps in is used at once.
"""

import logging
import sqlite3
import threading
from pathlib import Path

from flask import Flask, current_app, g
from sqlite_utils import Database
from werkzeug.exceptions import ServiceUnavailable

log = logging.getLogger(__name__)
RETRY_AFTER = 60  # seconds: about as long as `make db` takes to be run and finish


class DatabaseNotBuilt(RuntimeError):
    pass


def connect(path: str | Path) -> Database:
    """Open the database read-only: the site never writes to it."""
    uri = Path(path).resolve().as_uri() + "?mode=ro"
    return Database(sqlite3.connect(uri, uri=True))


def get_db() -> Database:
    if "db" not in g:
        g.db = connect(current_app.config["DATABASE"])
    return g.db


def close_db(exception: BaseException | None = None) -> None:
    db = g.pop("db", None)
    if db is not None:
        db.close()


class Health:
    """Whether the database can be read, logged when that changes: the first
    problem once, not once per request, and the recovery."""

    def __init__(self, path: str | Path) -> None:
        self.path = path
        self.problem: str | None = None
        self.lock = threading.Lock()

    def failed(self, error: BaseException) -> None:
        with self.lock:
            if self.problem is not None:
                return
            self.problem = str(error) or type(error).__name__
        log.error(
            "%s cannot be read (%s): pages are answered with 503 until `make db` builds it again.",
            self.path, self.problem,
        )  # fmt: skip

    def recovered(self) -> None:
        with self.lock:
            if self.problem is None:
                return
            self.problem = None
        log.warning("%s can be read again.", self.path)


def init_app(app: Flask) -> None:
    check_database(app.config["DATABASE"])
    app.extensions["database_health"] = Health(app.config["DATABASE"])
    app.teardown_appcontext(close_db)


def unavailable(error: sqlite3.Error) -> ServiceUnavailable:
    """The 503 for a request that could not read the database; logged once."""
    current_app.extensions["database_health"].failed(error)
    return ServiceUnavailable(retry_after=RETRY_AFTER)


def check_database(path: str | Path) -> None:
    """Stop start-up, rather than fail every request, when there is no usable database."""
    if not Path(path).is_file():
        raise DatabaseNotBuilt(f"No database at {path}: run `make db` to build it.")
    try:
        db = connect(path)
        try:
            next(db.query("SELECT value FROM meta WHERE key = 'build_id'"))
        finally:
            db.close()
    except (sqlite3.Error, StopIteration) as error:
        raise DatabaseNotBuilt(
            f"{path} is not a site database ({error}): run `make db` to rebuild it."
        ) from None
