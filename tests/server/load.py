"""Load on a running site from threads that always stop, whatever the test does."""

import http.client
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import urlsplit

# Longer than one request may take (its timeout), so a thread can finish it.
JOIN_SECONDS = 15


@dataclass
class Load:
    answers: list[int] = field(default_factory=list)  # the status of every answer
    failures: list[str] = field(default_factory=list)
    threads: list[threading.Thread] = field(default_factory=list)
    resent: int = 0  # requests sent again after a kept connection closed unanswered


@contextmanager
def load_in_background(url: str, paths: list[str], keep_alive: bool = False) -> Iterator[Load]:
    """One thread per path asks for it again and again while the block runs.

    Without keep_alive every request has a connection of its own. With it,
    each thread keeps its connection open between requests, as a browser or
    a proxy does, and like them sends the request once more, on a new
    connection, when a connection it had used before is closed without an
    answer: a server may close an idle connection at any moment (RFC 9112,
    9.3.1), and a GET may be sent again. A new connection that fails is a
    failure.

    On leaving the block, by its end or by an exception, the threads are told
    to stop and joined. They are daemons as well, so that none can keep the
    test run alive."""
    load = Load()
    stop = threading.Event()

    def ask(path: str) -> None:
        while not stop.is_set():
            try:
                with urllib.request.urlopen(url + path, timeout=10) as response:
                    response.read()
                    load.answers.append(response.status)
            except Exception as error:  # any failure at all, not only the network's
                load.failures.append(f"{path}: {error!r}")

    def ask_keeping(path: str) -> None:
        address = urlsplit(url)
        connection: http.client.HTTPConnection | None = None
        used = False
        while not stop.is_set():
            if connection is None:
                connection = http.client.HTTPConnection(address.hostname, address.port, timeout=10)
                used = False
            try:
                connection.request("GET", path)
                response = connection.getresponse()
                response.read()
            except Exception as error:  # any failure at all, not only the network's
                connection.close()
                connection = None
                closed = isinstance(error, (ConnectionResetError, BrokenPipeError))
                if used and closed:  # RemoteDisconnected is a ConnectionResetError
                    load.resent += 1
                else:
                    load.failures.append(f"{path}: {error!r}")
                continue
            load.answers.append(response.status)
            used = True
            if response.will_close:
                connection.close()
                connection = None
        if connection is not None:
            connection.close()

    target = ask_keeping if keep_alive else ask
    load.threads = [threading.Thread(target=target, args=(path,), daemon=True) for path in paths]
    for thread in load.threads:
        thread.start()
    try:
        yield load
    finally:
        stop.set()
        deadline = time.monotonic() + JOIN_SECONDS
        for thread in load.threads:
            thread.join(timeout=max(0, deadline - time.monotonic()))
    running = sum(thread.is_alive() for thread in load.threads)
    assert not running, f"{running} load threads still run {JOIN_SECONDS} s after the stop"
