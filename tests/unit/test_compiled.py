"""A compiled catalog is read as Flask-Babel reads it: whatever its bytes, it
reads or it is refused with one line saying why, never another exception."""

import io

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bzksite.compiled import UnreadableCatalog, read_compiled


def compiled(**header: str) -> bytes:
    catalog = Catalog(locale="nl", **header)
    catalog.add("Skip to content", "Naar de inhoud")
    catalog.add(("%(num)d unit", "%(num)d units"), ("%(num)d eenheid", "%(num)d eenheden"))
    file = io.BytesIO()
    write_mo(file, catalog)
    return file.getvalue()


GOOD = compiled()


def test_a_good_catalog_reads_as_the_site_reads_it(tmp_path):
    mo = tmp_path / "messages.mo"
    mo.write_bytes(GOOD)
    translations = read_compiled(mo)
    assert translations.gettext("Skip to content") == "Naar de inhoud"
    assert translations.ngettext("%(num)d unit", "%(num)d units", 2) == "%(num)d eenheden"


def test_a_garbled_plural_formula_is_refused(tmp_path):
    """gettext turns the formula into Python: one it cannot parse is a
    ValueError, one it passes but Python cannot is a SyntaxError."""
    mo = tmp_path / "messages.mo"
    for formula, error in [(b"(n !! 1)", "ValueError"), (b"(n !=!1)", "SyntaxError")]:
        mo.write_bytes(GOOD.replace(b"plural=(n != 1)", b"plural=" + formula))
        with pytest.raises(UnreadableCatalog, match=rf"is not a compiled catalog \({error}: "):
            read_compiled(mo)


@settings(
    max_examples=300,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(st.data())
def test_any_damage_reads_or_is_refused_in_one_line(tmp_path, data):
    damaged = bytearray(GOOD)
    for _ in range(data.draw(st.integers(1, 8))):
        damaged[data.draw(st.integers(0, len(GOOD) - 1))] = data.draw(st.integers(0, 255))
    cut = data.draw(st.integers(0, len(GOOD)))
    mo = tmp_path / "messages.mo"
    mo.write_bytes(bytes(damaged[:cut]))
    try:
        read_compiled(mo)
    except UnreadableCatalog as error:
        assert str(error).startswith(f"{mo} ") and "\n" not in str(error)
