"""One bad value never stops an import: it is left out with a warning that
names the file, the line of its element and the unit.

Every unit and value here is made up (Directie Proefcontact, systeemId 900701).
"""

from pathlib import Path

import pytest

from bzksite.register.records import Contact
from bzksite.register.xmlexport import read_register
from bzksite.sourcefiles import display_path
from tests.register_files import write_export
from tests.unit.register_fixtures import DIRECTIE, MINISTRY, line_of, read_organisatie

UNIT = "organisatie systeemId 900701 (Directie Proefcontact)"


def contact(block: str, entry: str, value_element: str, value: str) -> str:
    return f"<p:contact><p:{block}><p:{entry}><p:{value_element}>{value}</p:{value_element}>" \
        f"</p:{entry}></p:{block}></p:contact>"  # fmt: skip


@pytest.mark.parametrize(
    ("block", "entry", "element", "value", "what"),
    [
        ("emailadressen", "emailadres", "email", "http://www.proefdata.invalid/",
         "email 'http://www.proefdata.invalid/' is not an e-mail address"),
        ("emailadressen", "emailadres", "email", "info@proefdata.invalid (algemeen)",
         "email 'info@proefdata.invalid (algemeen)' is not an e-mail address"),
        ("internetadressen", "internetadres", "url", "www.proefdata.invalid",
         "website 'www.proefdata.invalid' is not a web address (https://…)"),
        ("contactformulieren", "contactformulier", "url", "proefdata.invalid/contact",
         "contact_form 'proefdata.invalid/contact' is not a web address (https://…)"),
        ("internetadressen", "internetadres", "url",
         "https://www.rijksoverheid.nl/onderwerpen/proefdata",
         "website 'https://www.rijksoverheid.nl/onderwerpen/proefdata' is a page on a topic, "
         "not the unit's own site"),
    ],
)  # fmt: skip
def test_a_value_the_content_would_refuse_is_left_out_with_a_warning(
    tmp_path: Path, block: str, entry: str, element: str, value: str, what: str
):
    found, path = read_organisatie(tmp_path, contact(block, entry, element, value))
    line = line_of(path, f"<p:{element}>{value}")
    assert found.contact == Contact()
    assert found.warnings == (f"{display_path(path)}:{line}: {UNIT}: {what}; left out",)


def test_a_good_value_after_a_bad_one_is_taken(tmp_path: Path):
    inner = """<p:contact><p:emailadressen>
      <p:emailadres><p:email>http://www.proefdata.invalid/</p:email></p:emailadres>
      <p:emailadres><p:email>info@proefdata.invalid</p:email></p:emailadres>
    </p:emailadressen></p:contact>"""
    found, _ = read_organisatie(tmp_path, inner)
    assert found.contact.email == "info@proefdata.invalid" and len(found.warnings) == 1


def test_warnings_of_a_nested_unit_stay_with_it(tmp_path: Path):
    nested = """<p:organisaties><p:organisatie p:systeemId="900702">
        <p:naam>Bureau Proefcontact</p:naam><p:eindDatum>gisteren</p:eindDatum>
      </p:organisatie></p:organisaties>"""
    found, _ = read_organisatie(
        tmp_path, nested + contact("emailadressen", "emailadres", "email", "x")
    )
    assert [w.split(": ", 1)[1] for w in found.warnings] == [
        f"{UNIT}: email 'x' is not an e-mail address; left out"
    ]
    (child,) = found.children
    assert child.warnings[0].endswith(
        "(Bureau Proefcontact): eindDatum 'gisteren' is not a date (YYYY-MM-DD); left out"
    )


@pytest.mark.parametrize("value", ["31-12-2024", "2024-02-30", "2024-12-31T00:00:00", "eind 2024"])
def test_an_einddatum_that_is_no_iso_date_is_left_out_with_a_warning(tmp_path: Path, value: str):
    export = write_export(tmp_path / "exportOO.xml", [MINISTRY])
    export.write_text(
        export.read_text().replace("<p:eindDatum>2024-12-31<", f"<p:eindDatum>{value}<")
    )
    ended = read_register(export, MINISTRY.tooi).children[0].children[1]
    unit = "organisatie systeemId 900004 (Directie Oude Proefdata)"
    line = line_of(export, "<p:eindDatum>")
    what = f"eindDatum {value!r} is not a date (YYYY-MM-DD); left out"
    assert (ended.end_date, ended.warnings) == (
        None,
        (f"{display_path(export)}:{line}: {unit}: {what}",),
    )


def test_a_heads_startdatum_that_is_no_iso_date_is_left_out_with_a_warning(tmp_path: Path):
    export = write_export(tmp_path / "exportOO.xml", [DIRECTIE])
    text = export.read_text().replace(
        "<p:startDatum>2022-09-01<", "<p:startDatum>1 september 2022<"
    )
    export.write_text(text)
    found = read_register(export, DIRECTIE.tooi)
    line = line_of(export, "<p:startDatum>1 september 2022")
    unit = "organisatie systeemId 900003 (Directie Proefdata), Directeur D. Proefpersoon"
    what = "startDatum '1 september 2022' is not a date (YYYY-MM-DD); left out"
    assert found.head.since is None and found.head.name == "D. Proefpersoon"
    assert found.warnings == (f"{display_path(export)}:{line}: {unit}: {what}",)
