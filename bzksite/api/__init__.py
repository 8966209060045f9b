"""The open data: a read-only JSON API under /api/v1/, and the organisation as
files to download (the organisation document as JSON, and as CSV) at the
same addresses. Documented in docs/api.md, each document with a JSON Schema
in docs/api/.

  views.py      the addresses (a blueprint), and the files the overview offers
  documents.py  the JSON documents, built from queries/export.py
  table.py      the CSV file, from the organisation document
  answers.py    JSON bodies, JSON errors for every address under /api/, CORS

The page cache (caching.py) keeps these answers like pages: ETag, 304s and
one kept not-found answer, JSON here.
"""

from flask import Flask

from . import answers, views


def init_app(app: Flask) -> None:
    app.register_blueprint(views.bp)
    app.after_request(answers.allow_any_origin)
    app.jinja_env.filters["file_size"] = views.file_size
