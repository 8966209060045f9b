"""The site, for granian (granian.env: its RSGI interface, see bzksite/rsgi.py)
and for `flask --app app run`."""

from bzksite import create_app
from bzksite.rsgi import serve_over_rsgi

app = serve_over_rsgi(create_app())
