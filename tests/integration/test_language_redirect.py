"""/ sends the visitor to the language their browser asks for; Dutch by default."""

import pytest

from tests.languages import unserved

OTHER, ANOTHER = unserved()[:2]


@pytest.mark.parametrize(
    ("accept_language", "target"),
    [
        (None, "/nl/"),
        ("en", "/en/"),
        ("en-GB,en;q=0.9", "/en/"),
        ("nl-NL,nl;q=0.9,en;q=0.8", "/nl/"),
        ("nl;q=0.2, en;q=0.9", "/en/"),
        (f"{OTHER}-XX,{OTHER};q=0.9", "/nl/"),
        (f"{ANOTHER}, en;q=0.5", "/en/"),
        ("*", "/nl/"),
        ("en;q=0", "/nl/"),
        # Odd but readable: a valid English range is honoured.
        ("nl;q=-1, en", "/en/"),
        ("en;q=0.5;q=0.9", "/en/"),
    ],
)
def test_redirect_by_accept_language(client, accept_language, target):
    headers = {"Accept-Language": accept_language} if accept_language else {}
    response = client.get("/", headers=headers)
    assert response.status_code == 302
    assert response.headers["Location"] == target
    assert "Accept-Language" in response.headers["Vary"]


@pytest.mark.parametrize(
    "garbage",
    [
        "",
        ";;;",
        "en;q=abc",
        "en;q=2",
        "q=0.5",
        ",,,,",
        "x" * 8000,
        "\u00e9\u00e8",
        "\x00en",
        "en;q=1e400",
    ],
)
def test_malformed_accept_language_falls_back_to_dutch(client, garbage):
    response = client.get("/", headers={"Accept-Language": garbage})
    assert response.status_code == 302
    assert response.headers["Location"] == "/nl/"
