"""Start-up needs a built database and compiled catalogs; a rebuild reaches a
running site at once, and a failed rebuild leaves it serving the old one."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bzksite import create_app
from bzksite.db import DatabaseNotBuilt
from bzksite.i18n import CatalogNotCompiled
from tests.conftest import CONTENT, ROOT, build_site
from tests.sample_report import write_report


def test_missing_database_stops_start_up_naming_make_db(site_config, tmp_path):
    with pytest.raises(DatabaseNotBuilt, match="run `make db`"):
        create_app({**site_config, "DATABASE": str(tmp_path / "site.db")})


def test_a_file_that_is_not_a_site_database_stops_start_up(site_config, tmp_path):
    (tmp_path / "site.db").write_text("not a database")
    with pytest.raises(DatabaseNotBuilt, match="make db"):
        create_app({**site_config, "DATABASE": str(tmp_path / "site.db")})


# How the compiled catalog is spoiled, and the reason start-up gives.
SPOILED_CATALOGS = {
    "missing": (Path.unlink, "is missing"),
    "garbage": (lambda mo: mo.write_bytes(b"garbage"), "is not a compiled catalog (Bad magic"),
    "one byte short": (
        lambda mo: mo.write_bytes(mo.read_bytes()[:-1]),
        "is not a compiled catalog (File is corrupt)",
    ),
    "cut in half": (
        lambda mo: mo.write_bytes(mo.read_bytes()[: mo.stat().st_size // 2]),
        "is not a compiled catalog",
    ),
    "empty": (lambda mo: mo.write_bytes(b""), "is empty"),
    "a folder in its place": (
        lambda mo: (mo.unlink(), mo.mkdir()),
        "cannot be read (Is a directory)",
    ),
}


@pytest.mark.parametrize("case", SPOILED_CATALOGS, ids=list(SPOILED_CATALOGS))
def test_an_unreadable_interface_catalog_stops_start_up(site_config, tmp_path, case):
    """Before the first page, not as a 500 on every Dutch page."""
    spoil, reason = SPOILED_CATALOGS[case]
    translations = tmp_path / "translations"
    shutil.copytree(site_config["TRANSLATIONS"], translations)
    mo = translations / "nl/LC_MESSAGES/messages.mo"
    spoil(mo)
    with pytest.raises(CatalogNotCompiled) as raised:
        create_app({**site_config, "TRANSLATIONS": str(translations)})
    assert str(raised.value).startswith(f"{mo} {reason}")
    assert str(raised.value).endswith(": run `make db` to compile it.")
    assert "\n" not in str(raised.value)


def run_build(content, translations, output, report=None):
    report_option = [] if report is None else ["--accessibility-report", str(report)]
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts/build.py"), "--content", str(content),
         "--translations", str(translations), "--output", str(output), *report_option],
        capture_output=True, text=True, check=False,
    )  # fmt: skip


@pytest.fixture
def running(tmp_path):
    """A site built from a copy of the sources, and its test client."""
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    config = build_site(tmp_path, content=content)
    return content, config, create_app(config).test_client()


def test_rebuild_is_served_without_restart(running):
    content, config, client = running
    kiem = content / "units/kiem.toml"
    kiem.write_text(kiem.read_text().replace("Dhr. drs. B.F. Steur", "Mr B.F. Steur"))
    result = run_build(content, config["TRANSLATIONS"], config["DATABASE"])
    assert result.returncode == 0, result.stderr
    assert "Mr B.F. Steur" in client.get("/nl/organisatie/kiem/").get_data(as_text=True)


def test_failed_rebuild_names_file_and_line_and_keeps_serving(running):
    content, config, client = running
    before = client.get("/en/organisation/kiem/").get_data(as_text=True)
    kiem = content / "units/kiem.toml"
    kiem.write_text(kiem.read_text().replace('kind = "department"', 'kind = "department'))
    result = run_build(content, config["TRANSLATIONS"], config["DATABASE"])
    assert result.returncode == 1
    assert "units/kiem.toml:4: TOML syntax error" in result.stderr
    assert "is unchanged" in result.stderr
    assert "Traceback" not in result.stderr
    assert client.get("/en/organisation/kiem/").get_data(as_text=True) == before


def test_a_new_report_reaches_the_statement_and_a_missing_one_is_a_notice(running, tmp_path):
    content, config, client = running
    result = run_build(content, config["TRANSLATIONS"], config["DATABASE"], tmp_path / "none.json")
    assert result.returncode == 0, result.stderr
    notice = [line for line in result.stdout.splitlines() if line.startswith("Notice:")]
    assert notice == [f"Notice: no {os.path.relpath(tmp_path / 'none.json')}: the accessibility"
                      " statement shows no results."]  # fmt: skip
    assert "axe-core 4.14.1" not in client.get("/en/accessibility/").get_data(as_text=True)
    report = write_report(tmp_path / "reports")
    result = run_build(content, config["TRANSLATIONS"], config["DATABASE"], report)
    assert result.returncode == 0, result.stderr
    assert "Notice" not in result.stdout
    assert "axe-core 4.14.1" in client.get("/en/accessibility/").get_data(as_text=True)


def test_a_broken_report_fails_the_build_naming_file_and_line(running, tmp_path):
    content, config, client = running
    before = client.get("/nl/toegankelijkheid/").get_data(as_text=True)
    report = tmp_path / "accessibility.json"
    report.write_text('{\n "generated": "2026-11-23T15:40:00+00:00"\n "axe_version": "4.14.1"\n}\n')
    result = run_build(content, config["TRANSLATIONS"], config["DATABASE"], report)
    assert result.returncode == 1
    assert f"{os.path.relpath(report)}:3: not valid JSON: Expecting ',' delimiter" in result.stderr
    assert "is unchanged" in result.stderr and "Traceback" not in result.stderr
    assert client.get("/nl/toegankelijkheid/").get_data(as_text=True) == before


def test_broken_interface_catalog_fails_the_build_before_writing(running, tmp_path):
    content, config, _ = running
    po = tmp_path / "translations/nl/LC_MESSAGES/messages.po"
    mo = po.with_suffix(".mo")
    compiled = mo.read_bytes()
    po.write_text(po.read_text().replace('msgstr "Afkorting"', 'msgstr "Afkorting'))
    result = run_build(content, config["TRANSLATIONS"], config["DATABASE"])
    assert result.returncode == 1
    assert "nl/LC_MESSAGES/messages.po:" in result.stderr
    assert mo.read_bytes() == compiled


@pytest.mark.parametrize("script", sorted((ROOT / "scripts").glob("*.py")), ids=lambda p: p.name)
def test_every_script_has_help(script):
    result = subprocess.run(
        [sys.executable, str(script), "--help"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    assert result.stdout.startswith("usage:")
    assert len(result.stdout.splitlines()) > 3


@pytest.mark.parametrize("value", ["[organisatie.example.nl]", "organisatie.example.nl", "[1]"])
def test_trusted_hosts_that_are_no_json_list_stop_start_up(site_config, monkeypatch, value):
    monkeypatch.setenv("BZKSITE_TRUSTED_HOSTS", value)
    with pytest.raises(ValueError, match="TRUSTED_HOSTS must be a JSON list"):
        create_app(site_config)


def test_a_bad_site_url_in_the_environment_stops_start_up(site_config, monkeypatch):
    monkeypatch.setenv("BZKSITE_SITE_URL", "organisatie.example.nl")
    config = {key: value for key, value in site_config.items() if key != "SITE_URL"}
    with pytest.raises(ValueError, match=r"SITE_URL: 'organisatie\.example\.nl' is not an http"):
        create_app(config)
