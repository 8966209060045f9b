"""Load on a running site from threads that always stop, whatever the test does."""

import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

# Longer than one request may take (its timeout), so a thread can finish it.
JOIN_SECONDS = 15


@dataclass
class Load:
    answers: list[int] = field(default_factory=list)  # the status of every answer
    failures: list[str] = field(default_factory=list)
    threads: list[threading.Thread] = field(default_factory=list)


@contextmanager
def load_in_background(url: str, paths: list[str]) -> Iterator[Load]:
    """One thread per path asks for it again and again while the block runs.

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

    load.threads = [threading.Thread(target=ask, args=(path,), daemon=True) for path in paths]
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
