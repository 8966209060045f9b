"""The units a built database holds, for tests that pick a unit by what it is
(one without a page, one without contact data) rather than by its id, so that
they hold whatever the committed content is."""

import sqlite3


def _read(app, query: str, values) -> list[tuple]:
    with sqlite3.connect(f"file:{app.config['DATABASE']}?mode=ro", uri=True) as db:
        return db.execute(query, values).fetchall()


def unit_ids(app, where: str, *values) -> list[str]:
    """The ids of the units of `app`'s database that match `where`, in order of id.

    `where` is a condition the test writes; values go in as parameters."""
    query = "SELECT id FROM units WHERE " + where + " ORDER BY id"  # noqa: S608 (the test's own)
    return [row[0] for row in _read(app, query, values)]


def a_unit(app, where: str, *values) -> str:
    """The first unit that matches `where`; there must be one."""
    found = unit_ids(app, where, *values)
    assert found, f"the content has no unit where {where}"
    return found[0]


def dutch_name(app, unit_id: str) -> str:
    query = "SELECT text FROM texts WHERE owner = ? AND field = 'name' AND lang = 'nl'"
    return _read(app, query, [f"unit:{unit_id}"])[0][0]
