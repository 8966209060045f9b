"""Download the register's export into a cache folder, whole or not at all.

The body goes into a temporary file inside the cache and is renamed into
place only once complete, so the cache never holds half a file and a
failed download leaves an earlier one alone. The caller reads the file
with read_export like any other.
"""

import http.client
import os
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..sourcefiles import display_path
from .records import RegisterError

_CHUNK = 64 * 1024
_SCHEMES = ("http", "https")


def download(url: str, cache: Path, max_bytes: int, timeout: float) -> Path:
    """Fetch `url` (http or https) into cache/<its file name>; return that path.

    RegisterError for a non-2xx answer, a body over `max_bytes` (counted as it
    comes, whatever Content-Length says), a broken or refused connection, and
    a timeout: `timeout` seconds is the most any wait for the server may take
    and the most the whole download may take (checked at every read).
    """
    name = _file_name(url)
    try:
        cache.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=cache, prefix=".download-")
    except OSError as problem:
        message = f"cannot keep a download there ({problem.strerror or problem})"
        raise RegisterError(f"{display_path(cache)}: {message}") from None
    try:
        with os.fdopen(handle, "wb") as file:
            for chunk in _body(url, max_bytes, timeout):
                file.write(chunk)
        target = cache / name
        os.replace(temporary, target)
        return target
    except OSError as problem:
        message = f"cannot write the download ({problem.strerror or problem})"
        raise RegisterError(f"{display_path(cache)}: {message}") from None
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def _file_name(url: str) -> str:
    try:
        parts = urlsplit(url)
    except ValueError:
        parts = None
    if parts is None or parts.scheme not in _SCHEMES or not parts.netloc:
        raise RegisterError(f"{url}: only http and https URLs can be downloaded")
    name = unquote(parts.path.rpartition("/")[2])
    if not name or name.startswith(".") or any(bad in name for bad in "/\\\0"):
        raise RegisterError(f"{url}: the URL names no file to keep in the cache")
    return name


def _body(url: str, max_bytes: int, timeout: float) -> Iterator[bytes]:
    deadline = time.monotonic() + timeout
    opener = urllib.request.build_opener(_HttpOnlyRedirects)
    try:
        with opener.open(url, timeout=timeout) as response:
            declared = response.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise RegisterError(f"{url}: the file is over {max_bytes} bytes")
            received = 0
            # read1: one read from the socket at a time, so the deadline is
            # checked even while a server sends a byte now and then.
            while chunk := response.read1(min(_CHUNK, max_bytes + 1 - received)):
                received += len(chunk)
                if received > max_bytes:
                    raise RegisterError(f"{url}: the file is over {max_bytes} bytes")
                if time.monotonic() > deadline:
                    raise RegisterError(f"{url}: the download took longer than {timeout:g} s")
                yield chunk
            if declared.isdigit() and received < int(declared):
                message = f"the connection broke off after {received} of {declared} bytes"
                raise RegisterError(f"{url}: {message}")
    except urllib.error.HTTPError as problem:
        problem.close()
        raise RegisterError(f"{url}: the server answered {problem.code} {problem.reason}") from None
    except urllib.error.URLError as problem:
        if isinstance(problem.reason, TimeoutError):
            raise RegisterError(f"{url}: no answer within {timeout:g} s") from None
        raise RegisterError(f"{url}: cannot connect ({problem.reason})") from None
    except TimeoutError:
        raise RegisterError(f"{url}: no answer within {timeout:g} s") from None
    except (http.client.HTTPException, OSError) as problem:
        raise RegisterError(f"{url}: the connection broke off ({problem})") from None


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """urllib follows a redirect to ftp:// as well; here only http(s) is followed."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if urlsplit(newurl).scheme not in _SCHEMES:
            fp.close()
            message = f"redirected to {newurl}, which is not http or https"
            raise RegisterError(f"{req.full_url}: {message}")
        return super().redirect_request(req, fp, code, msg, headers, newurl)
