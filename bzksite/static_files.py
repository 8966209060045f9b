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


def init_app(app: Flask) -> None:
    folder = Path(app.root_path) / "static"
    names = {path.name: hashed_name(path) for path in folder.iterdir() if path.is_file()}
    app.extensions["static_names"] = names
    app.extensions["static_files"] = {hashed: name for name, hashed in names.items()}
    app.add_url_rule("/static/<path:filename>", "static", serve)

    @app.url_defaults
    def _hashed(endpoint: str, values: dict) -> None:
        if endpoint == "static" and values.get("filename") in names:
            values["filename"] = names[values["filename"]]


def serve(filename: str) -> Response:
    folder = Path(current_app.root_path) / "static"
    real = current_app.extensions["static_files"].get(filename)
    if real is not None:
        response = send_from_directory(folder, real, max_age=YEAR)
        response.cache_control.immutable = True
        response.cache_control.public = True
        return response
    if filename not in current_app.extensions["static_names"]:
        abort(404)
    return send_from_directory(folder, filename, max_age=HOUR)
