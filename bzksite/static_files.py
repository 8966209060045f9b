"""Static files under content-hashed names (/static/site.3f2c9a1b0d.css),
cached for a year as immutable: a changed file gets a new name. The plain
names still answer, with a short cache, for links from outside.
"""

import hashlib
from pathlib import Path

from flask import Flask, Response, abort, current_app, send_from_directory

YEAR = 365 * 24 * 3600
HOUR = 3600


def hashed_name(path: Path) -> str:
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:10]
    return f"{path.stem}.{digest}{path.suffix}"


class StaticNames:
    """{plain name: hashed name} of the static folder, worked out again for a
    file that changed on disk since (a pull before the reload): an old hashed
    name must never be answered with new content, for a year."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.names: dict[str, tuple[tuple[int, int], str]] = {}
        for path in folder.iterdir():
            if path.is_file():
                self.hashed(path.name)

    def hashed(self, name: str) -> str | None:
        path = self.folder / name
        if name not in self.names and not path.is_file():
            return None
        stat = path.stat()
        stamp = (stat.st_mtime_ns, stat.st_size)
        known = self.names.get(name)
        if known is None or known[0] != stamp:
            self.names[name] = (stamp, hashed_name(path))
        return self.names[name][1]

    def plain(self, hashed: str) -> str | None:
        """The file a hashed name stands for, if that is its content now."""
        parts = hashed.rsplit(".", 2)  # stem, hash, suffix
        name = f"{parts[0]}.{parts[2]}" if len(parts) == 3 else None
        return name if name in self.names and self.hashed(name) == hashed else None


def init_app(app: Flask) -> None:
    names = StaticNames(Path(app.root_path) / "static")
    app.extensions["static_names"] = names
    app.add_url_rule("/static/<path:filename>", "static", serve)

    @app.url_defaults
    def _hashed(endpoint: str, values: dict) -> None:
        if endpoint == "static" and values.get("filename") in names.names:
            values["filename"] = names.hashed(values["filename"])


def serve(filename: str) -> Response:
    names: StaticNames = current_app.extensions["static_names"]
    real = names.plain(filename)
    if real is not None:
        response = send_from_directory(names.folder, real, max_age=YEAR)
        response.cache_control.immutable = True
        response.cache_control.public = True
        return response
    if filename not in names.names:
        abort(404)
    return send_from_directory(names.folder, filename, max_age=HOUR)
