"""The site database: built by `make db`, opened read-only, one connection per request."""

import sqlite3
from pathlib import Path

from flask import Flask, current_app, g
from sqlite_utils import Database


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


def init_app(app: Flask) -> None:
    check_database(app.config["DATABASE"])
    app.teardown_appcontext(close_db)


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
