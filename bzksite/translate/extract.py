"""The two templates translators work from: messages.pot (interface text,
from the code and templates, by babel.cfg) and content.pot (every paragraph
of db/content/: the Dutch text is the msgid, msgctxt names where it lives).

A template whose messages did not change is left as it is, date included,
so that extracting twice changes no file.
"""

import contextlib
import io
import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po

from ..content.sources import read_sources
from .domains import mark_formats
from .header import read_header
from .writer import render, replace_if_changed, write_catalog

PROJECT = {"project": "bzksite", "version": "1", "copyright_holder": "bzksite"}


def extract(root: Path, output: Path, content: Path | None = None) -> list[tuple[Path, bool]]:
    """Write messages.pot and content.pot of the checkout in `root` into
    `output`; each path with whether it changed. `content` is the content
    folder, by default the checkout's db/content."""
    content = content or root / "db" / "content"
    templates = {
        "messages": interface_template(root),
        "content": content_template(content, content.parent.parent),
    }
    written = []
    for domain, template in templates.items():
        path = output.resolve() / f"{domain}.pot"
        written.append((path, write_template(path, mark_formats(template, domain))))
    return written


def write_template(path: Path, template: Catalog) -> bool:
    """Write `template` unless the file says the same; a new date only when it changes."""
    header = read_header(path.read_text(encoding="utf-8")) if path.exists() else None
    if header is None:
        return write_catalog(path, template)
    if path.read_text(encoding="utf-8") == render(path, template, header):
        return False
    header.set("POT-Creation-Date", datetime.now(UTC).strftime("%Y-%m-%d %H:%M%z"))
    return replace_if_changed(path, render(path, template, header))


def interface_template(root: Path) -> Catalog:
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "messages.pot"
        _pybabel(
            root,
            "extract", "--sort-output", "--add-comments=TRANSLATORS:", "-k", "_l",
            "--project", PROJECT["project"], "--version", PROJECT["version"],
            "--copyright-holder", PROJECT["copyright_holder"],
            "-F", "babel.cfg", "-o", str(target), ".",
        )  # fmt: skip
        with target.open("rb") as file:
            return read_po(file)


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
    return mark_formats(catalog, "content")
