"""The WSGI environ rsgi.py builds from granian's RSGI scope (the server tests
send the same requests over sockets)."""

from types import SimpleNamespace

from bzksite.rsgi import _environ


class Headers(list):
    def items(self) -> list[tuple[str, str]]:
        return list(self)


def scope(headers: list[tuple[str, str]], **fields: str) -> SimpleNamespace:
    defaults = {
        "method": "GET", "path": "/nl/", "query_string": "", "http_version": "1.1",
        "server": "127.0.0.1:8000", "client": "127.0.0.1:41234", "scheme": "http",
    }  # fmt: skip
    return SimpleNamespace(**{**defaults, **fields}, headers=Headers(headers))


def test_the_request_as_pep_3333_has_it():
    environ = _environ(scope([("host", "127.0.0.1:8000"), ("content-length", "12")],
                             method="POST", path="/nl/café/", query_string="q=%20x"))  # fmt: skip
    assert environ["REQUEST_METHOD"] == "POST"
    assert environ["PATH_INFO"] == "/nl/café/".encode().decode("latin-1")
    assert environ["QUERY_STRING"] == "q=%20x"
    assert (environ["SERVER_NAME"], environ["SERVER_PORT"]) == ("127.0.0.1", "8000")
    assert environ["REMOTE_ADDR"] == "127.0.0.1"
    assert environ["HTTP_HOST"] == "127.0.0.1:8000" and environ["CONTENT_LENGTH"] == "12"
    assert environ["SCRIPT_NAME"] == "" and environ["wsgi.url_scheme"] == "http"


def test_ipv6_addresses_and_http_1_0():
    environ = _environ(scope([], server="[::1]:8000", client="[::1]:5000", http_version="1"))
    assert environ["SERVER_NAME"] == "::1" and environ["REMOTE_ADDR"] == "::1"
    assert environ["SERVER_PROTOCOL"] == "HTTP/1.0" and "HTTP_HOST" not in environ


def test_a_header_sent_twice_is_one_value():
    environ = _environ(scope([("cookie", "a=1"), ("cookie", "b=2"), ("x-a", "1"), ("x-a", "2")]))
    assert environ["HTTP_COOKIE"] == "a=1; b=2" and environ["HTTP_X_A"] == "1, 2"


def test_a_header_with_an_underscore_cannot_pass_for_one_with_a_dash():
    environ = _environ(scope([("x_forwarded_for", "203.0.113.9"), ("script_name", "/x")]))
    assert "HTTP_X_FORWARDED_FOR" not in environ and environ["SCRIPT_NAME"] == ""
