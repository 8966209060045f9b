"""A text without a current English translation is shown in Dutch, marked
lang="nl", with a notice in English saying why; the rest stays English."""

import pytest
from babel.messages.pofile import read_po, write_po

from bzksite import create_app
from bzksite.content.sources import read_sources
from bzksite.description import shorten
from tests.conftest import CONTENT, TRANSLATIONS, build_site
from tests.pagecheck import check_page, text_of

KIEM_SECOND = "De directie Kennis, Internationaal, Europa en Macro-economie (KIEM) is een compacte"
KIEM_THIRD = "Behalve strategievorming houdt de afdeling zich ook bezig"
MISSING = "This text is not yet available in English; it is shown in Dutch."
FUZZY = "The English translation of this text is being updated; it is shown in Dutch."


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    """The site built with paragraphs untranslated and fuzzy (BA's only description
    paragraph fuzzy, the cookie page's body missing), a title and a name too."""
    folder = tmp_path_factory.mktemp("fallback")
    translations = folder / "edited"
    po = "en/LC_MESSAGES/content.po"
    (translations / po).parent.mkdir(parents=True)
    with (TRANSLATIONS / po).open("rb") as file:
        catalog = read_po(file)
    for message in catalog:
        if message.id.startswith(KIEM_SECOND) or message.context in (
            "page:privacy:title",
            "unit:kiem:director_role",
            "page:cookies:body",
        ):
            message.string = ""
        if message.id.startswith(KIEM_THIRD) or message.context in (
            "unit:com:name",
            "unit:ba:description",
        ):
            message.flags.add("fuzzy")
    with (translations / po).open("wb") as file:
        write_po(file, catalog)
    (translations / "nl").symlink_to(TRANSLATIONS / "nl", target_is_directory=True)
    return create_app(build_site(folder, translations=translations)).test_client()


def paragraphs(page):
    return [(p.get("lang"), p.get("class"), text_of(p)) for p in page.one("main").iter("p")]


def test_missing_and_fuzzy_paragraphs_are_dutch_with_a_notice(client):
    page = check_page(client, "/en/organisation/kiem/", "en")
    shown = paragraphs(page)
    assert shown[0] == (None, None, shown[0][2])
    assert shown[0][2].startswith("In the fields of Knowledge")
    assert shown[1] == (None, "notice", MISSING)
    assert shown[2][:2] == ("nl", None) and shown[2][2].startswith(KIEM_SECOND)
    assert shown[3] == (None, "notice", FUZZY)
    assert shown[4][:2] == ("nl", None) and shown[4][2].startswith(KIEM_THIRD)
    assert len(shown) == 5
    assert page.h1 == "Knowledge, International Affairs, Europe and Macroeconomics Department"


def test_the_dutch_page_is_untouched(client):
    page = check_page(client, "/nl/organisatie/kiem/", "nl")
    assert not page.all("p", **{"class": "notice"})
    assert not [e for e in page.one("main").iter() if e.get("lang")]


def test_a_missing_title_is_dutch_in_the_heading_and_breadcrumb(client):
    page = check_page(client, "/en/privacy/", "en")
    heading = page.one("h1")
    assert [(span.get("lang"), text_of(span)) for span in heading.iter("span")] == [
        ("nl", "Privacy en Cookies")
    ]
    notice = page.one("p", **{"class": "notice"})
    assert text_of(notice) == MISSING
    current = page.one("li", **{"aria-current": "page"})
    assert [span.get("lang") for span in current.iter("span")] == ["nl"]
    assert page.root.get("lang") == "en"


def test_a_fuzzy_name_is_dutch_in_links_with_a_short_notice(client):
    page = check_page(client, "/en/", "en")
    trees = page.all("div", **{"class": "tree"})
    names = [
        span for tree in trees for span in tree.iter("span") if span.get("class") != "subunits"
    ]
    dutch = [(span.get("lang"), text_of(span)) for span in names]
    assert dutch == [("nl", "Directie Communicatie")]
    notices = [text_of(small) for tree in trees for small in tree.iter("small")]
    assert notices == [FUZZY]


def test_a_missing_role_is_dutch_with_its_notice_beside_the_name(client):
    page = check_page(client, "/en/organisation/kiem/", "en")
    facts = page.one("dl", **{"class": "facts"})
    pairs = [
        (element.tag, element.get("lang"), text_of(element)) for group in facts for element in group
    ]
    role = [pair for pair in pairs if "Directeur KIEM" in pair[2]]
    assert role == [("dt", None, "Directeur KIEM")]
    assert [span.get("lang") for span in facts.iter("span")] == ["nl"]
    index = pairs.index(role[0])
    assert pairs[index + 1] == ("dd", "nl", "Dhr. drs. B.F. Steur (Boudewijn)")
    assert pairs[index + 2] == ("dd", None, MISSING)


def dutch(context: str) -> str:
    """The first Dutch paragraph with this msgctxt."""
    return next(text.text for text in read_sources(CONTENT).texts if text.context == context)


@pytest.mark.parametrize(
    ("path", "context"),
    [("/en/organisation/ba/", "unit:ba:description"), ("/en/cookies/", "page:cookies:body")],
    ids=["fuzzy", "missing"],
)
def test_an_untranslated_first_paragraph_makes_a_dutch_description(client, path, context):
    meta = check_page(client, path, "en").one("meta", name="description")
    assert meta.get("lang") == "nl"
    assert meta.get("content") == shorten(dutch(context))


def test_a_translated_first_paragraph_makes_an_english_description(client):
    meta = check_page(client, "/en/organisation/kiem/", "en").one("meta", name="description")
    assert meta.get("lang") is None
    assert meta.get("content").startswith("In the fields of Knowledge")
