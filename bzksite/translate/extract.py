"""The two templates translators work from: messages.pot (interface text,
from the code and templates, by babel.cfg) and content.pot (every paragraph
of db/content/: the Dutch text is the msgid, msgctxt names where it lives).
"""

import contextlib
import io
import os
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import write_po

from ..content.sources import read_sources

PROJECT = {"project": "bzksite", "version": "1", "copyright_holder": "bzksite"}


def extract(root: Path, output: Path) -> list[Path]:
    """Write messages.pot and content.pot of the checkout in `root` into `output`."""
    messages = output.resolve() / "messages.pot"
    _pybabel(
        root,
        "extract", "--sort-output", "--add-comments=TRANSLATORS:", "-k", "_l",
        "--project", PROJECT["project"], "--version", PROJECT["version"],
        "--copyright-holder", PROJECT["copyright_holder"],
        "-F", "babel.cfg", "-o", str(messages), ".",
    )  # fmt: skip
    content = output.resolve() / "content.pot"
    template = content_template(root / "db" / "content", root)
    with content.open("wb") as file:
        write_po(file, template)
    return [messages, content]


def _pybabel(root: Path, *arguments: str) -> None:
    """Run a pybabel command in `root`: it writes paths relative to where it runs."""
    log = io.StringIO()
    before = Path.cwd()
    os.chdir(root)
    try:
        with contextlib.redirect_stdout(log), contextlib.redirect_stderr(log):
            CommandLineInterface().run(["pybabel", *arguments])
    except SystemExit as stop:
        if stop.code:
            raise RuntimeError(f"pybabel {arguments[0]} failed:\n{log.getvalue()}") from None
    finally:
        os.chdir(before)


def content_template(content_dir: Path, root: Path) -> Catalog:
    catalog = Catalog(**PROJECT, charset="utf-8")
    for text in read_sources(content_dir).texts:
        location = (text.path.relative_to(root).as_posix(), text.line)
        catalog.add(text.text, locations=[location], context=text.context)
    return catalog
