# gunicorn settings shared by `make run` and production; override with
# GUNICORN_CMD_ARGS, e.g. GUNICORN_CMD_ARGS="--bind 0.0.0.0:8000 --workers 4".
bind = "127.0.0.1:8000"
workers = 2
accesslog = "-"
# Take no SCRIPT_NAME or PATH_INFO from request headers (gunicorn's default
# trusts them from 127.0.0.1): the site is served at the root, always.
forwarder_headers = ""
