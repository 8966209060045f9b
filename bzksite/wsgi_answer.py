"""A WSGI app's whole answer as one value, for the layers that keep it (the
page cache) or hand it on in one piece (the RSGI bridge)."""

from collections.abc import Callable


def whole_answer(app: Callable, environ: dict) -> tuple[str, list[tuple[str, str]], bytes]:
    """The status line, headers and body `app` gives for `environ`."""
    answer: list = []

    def start_response(status: str, headers: list, exc_info: object = None) -> None:
        answer[:] = [status, headers]

    chunks = app(environ, start_response)
    try:
        body = b"".join(chunks)
    finally:
        if hasattr(chunks, "close"):
            chunks.close()
    return answer[0], answer[1], body
