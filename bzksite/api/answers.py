"""How the API answers: JSON bodies, JSON errors for every address under
/api/ (unknown ones included), and CORS.

Any site may read what GET and HEAD answer (Access-Control-Allow-Origin: *);
nothing else is opened: no other CORS header, and OPTIONS, like every method
but GET and HEAD, gets a 405, so a request that needs a preflight fails.
"""

import json

from flask import Response, request
from werkzeug.exceptions import HTTPException, InternalServerError
from werkzeug.http import HTTP_STATUS_CODES

PREFIX = "/api"
JSON_TYPE = "application/json; charset=utf-8"
ALLOW_ANY_ORIGIN = ("Access-Control-Allow-Origin", "*")
# Messages for developers, in English like HTTP's own; others get HTTP's name of the status.
MESSAGES = {
    404: "There is no document at this address.",
    405: "Only GET and HEAD are allowed here.",
    500: "An error on our side prevented this answer. Please try again later.",
    503: "The data cannot be read at the moment. Please try again later.",
}


def is_api_path(path: str) -> bool:
    return path == PREFIX or path.startswith(PREFIX + "/")


def json_response(document: dict, status: int = 200, headers: list | None = None) -> Response:
    """The document as compact UTF-8 JSON: the same document, the same bytes."""
    return Response(json_bytes(document), status, headers, content_type=JSON_TYPE)


def json_bytes(document: dict) -> bytes:
    return (json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n").encode()


def error_response(error: HTTPException) -> Response:
    """{"error": {"status": 404, "message": "..."}}, with the error's own headers
    (the Allow of a 405)."""
    status = error.code or InternalServerError.code
    headers = [(name, value) for name, value in error.get_headers() if name != "Content-Type"]
    return Response(error_body(status), status, headers, content_type=JSON_TYPE)


def error_body(status: int) -> bytes:
    message = MESSAGES.get(status, HTTP_STATUS_CODES.get(status, "Error"))
    return json_bytes({"error": {"status": status, "message": message}})


def allow_any_origin(response: Response) -> Response:
    if is_api_path(request.path) and request.method in ("GET", "HEAD"):
        response.headers.set(*ALLOW_ANY_ORIGIN)
    return response
