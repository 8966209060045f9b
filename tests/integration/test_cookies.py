"""The cookie banner and the choice about analytics cookies, without JavaScript:
a form POST, a 303 back, the consent cookie and nothing else."""

from http.cookies import SimpleCookie
from urllib.parse import urlsplit

import pytest

from bzksite.cookies import CONSENT_COOKIE
from tests.pagecheck import check_page, parse, text_of

PAGES = {
    "nl": ["/nl/", "/nl/organisatie/kiem/", "/nl/privacy/", "/nl/toegankelijkheid/"],
    "en": ["/en/", "/en/organisation/kiem/", "/en/privacy/", "/en/accessibility/"],
}
SETTINGS = {"nl": "/nl/cookies/", "en": "/en/cookies/"}
ACCEPTED = {
    "nl": "U hebt analytische cookies geaccepteerd.",
    "en": "You have accepted analytics cookies.",
}
REJECTED = {
    "nl": "U hebt analytische cookies geweigerd.",
    "en": "You have rejected analytics cookies.",
}


def banner(client, path, lang, status=200):
    """The page's cookie banner (or None), after the shared page check."""
    page = check_page(client, path, lang, status=status, twin=status == 200)
    found = page.all("section", **{"class": "cookie-banner"})
    return found[0] if found else None


def choose(client, lang, choice, return_to, **headers):
    return client.post(
        SETTINGS[lang], data={"analytics": choice, "return": return_to}, headers=headers
    )


def set_cookies(response) -> dict[str, dict]:
    """Each Set-Cookie of a response: {name: {"value": ..., attribute: ...}}."""
    cookies = {}
    for header in response.headers.getlist("Set-Cookie"):
        morsel = next(iter(SimpleCookie(header).values()))
        flags = {part.strip().lower() for part in header.split(";")[1:] if "=" not in part}
        cookies[morsel.key] = {"value": morsel.value, **dict(morsel.items()), "flags": flags}
    return cookies


@pytest.mark.parametrize(("lang", "path"), [(lang, p) for lang in PAGES for p in PAGES[lang]])
def test_without_a_choice_every_page_asks_first(client, lang, path):
    found = banner(client, path, lang)
    assert found is not None, f"{path}: no banner"
    form = found.find(".//form")
    assert (form.get("method"), form.get("action")) == ("post", SETTINGS[lang])
    buttons = [(b.get("name"), b.get("value"), text_of(b)) for b in form.iter("button")]
    assert (
        buttons
        == {
            "nl": [("analytics", "yes", "Accepteren"), ("analytics", "no", "Weigeren")],
            "en": [("analytics", "yes", "Accept"), ("analytics", "no", "Reject")],
        }[lang]
    )
    hidden = {i.get("name"): i.get("value") for i in form.iter("input")}
    assert hidden == {"return": path}
    links = [urlsplit(a.get("href")).path for a in found.iter("a")]
    assert links == [SETTINGS[lang]]


def test_the_not_found_page_asks_too_and_returns_to_the_overview(client):
    for path in ("/nl/bestaat-niet/", "/nl/organisatie/bestaat-niet/"):
        found = banner(client, path, "nl", status=404)
        assert found.find(".//input").get("value") == "/nl/"


def test_the_settings_page_asks_in_its_own_form_not_in_a_banner(client):
    for lang, path in SETTINGS.items():
        assert banner(client, path, lang) is None
        page = check_page(client, path, lang)
        radios = {i.get("value"): i.get("checked") for i in page.all("input", type="radio")}
        assert radios == {"yes": None, "no": ""}, "no is the default"


@pytest.mark.parametrize(
    ("lang", "choice", "said"), [("nl", "yes", ACCEPTED), ("en", "no", REJECTED)]
)
def test_a_choice_returns_to_the_page_with_a_confirmation_and_no_banner_after(
    client, lang, choice, said
):
    page = PAGES[lang][1]
    response = choose(client, lang, choice, page)
    assert response.status_code == 303
    assert response.headers["Location"] == f"{page}?cookies=saved#cookie-confirmation"
    assert response.headers["Cache-Control"] == "no-store"

    location = response.headers["Location"].split("#")[0]
    html = client.get(location).get_data(as_text=True)
    confirmation = parse(location, html).one("section", id="cookie-confirmation")
    assert confirmation.get("class") == "cookie-banner", "first in the page, as the banner was"
    assert confirmation.get("tabindex") == "-1", "the fragment moves focus to it"
    message = parse(location, html).one("p", id=confirmation.get("aria-describedby"))
    assert said[lang] in text_of(message), "focus on it reads out the outcome"
    assert said[lang] in text_of(confirmation)
    assert not parse(location, html).all("form", **{"class": "cookie-buttons"})
    links = [urlsplit(a.get("href")).path for a in confirmation.iter("a")]
    assert links == [SETTINGS[lang], page], "change the settings, or hide the message"

    for other in PAGES[lang]:
        assert banner(client, other, lang) is None, f"{other}: banner after a choice"


def test_the_consent_cookie_is_first_party_http_only_lax_and_kept_a_year(client):
    cookie = set_cookies(choose(client, "nl", "yes", "/nl/"))[CONSENT_COOKIE]
    assert cookie["value"] == "yes"
    assert cookie["path"] == "/" and cookie["max-age"] == str(365 * 24 * 3600)
    assert cookie["samesite"] == "Lax" and "httponly" in cookie["flags"]
    assert "secure" not in cookie["flags"] and not cookie["domain"]


def test_over_https_the_consent_cookie_is_secure(app):
    client = app.test_client()
    response = client.post(
        "/nl/cookies/", data={"analytics": "no", "return": "/nl/"}, base_url="https://localhost"
    )
    assert "secure" in set_cookies(response)[CONSENT_COOKIE]["flags"]


def test_the_choice_can_be_changed_on_the_settings_page(client):
    choose(client, "en", "yes", "/en/")
    page = check_page(client, "/en/cookies/", "en")
    radios = {i.get("value"): i.get("checked") for i in page.all("input", type="radio")}
    assert radios == {"yes": "", "no": None}
    assert ACCEPTED["en"] in text_of(page.one("main"))

    response = choose(client, "en", "no", "/en/cookies/")
    assert response.headers["Location"] == "/en/cookies/?cookies=saved#cookie-confirmation"
    assert set_cookies(response)[CONSENT_COOKIE]["value"] == "no"
    page = check_page(client, "/en/cookies/?cookies=saved", "en")
    assert REJECTED["en"] in text_of(page.one("section", id="cookie-confirmation"))
    radios = {i.get("value"): i.get("checked") for i in page.all("input", type="radio")}
    assert radios == {"yes": None, "no": ""}


BAD_TARGETS = [
    "//evil.example",
    "//evil.example/nl/",
    "/\t/evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "https://evil.example/",
    "http:/evil.example",
    "javascript:alert(1)",
    "/nl/\r\nSet-Cookie: stolen=1",
    "/nl/\nLocation: https://evil.example/",
    "/nl/?next=//evil.example",
    "/nl/#top",
    "/nl/ spaced/",
    "nl/",
    "",
    "/" + "a" * 3000,
]


@pytest.mark.parametrize("target", BAD_TARGETS, ids=repr)
def test_a_bad_return_target_goes_to_the_home_page_of_the_language(client, target):
    response = choose(client, "en", "yes", target)
    assert response.status_code == 303
    assert response.headers["Location"] == "/en/?cookies=saved#cookie-confirmation"


def test_a_missing_return_target_goes_home_too(client):
    response = client.post("/nl/cookies/", data={"analytics": "no"})
    assert response.headers["Location"] == "/nl/?cookies=saved#cookie-confirmation"


@pytest.mark.parametrize("target", ["/en/privacy/", "/nl/%C3%A9t%C3%A9/", "/static/site.css"])
def test_a_path_of_this_site_is_kept(client, target):
    response = choose(client, "nl", "no", target)
    assert response.headers["Location"] == f"{target}?cookies=saved#cookie-confirmation"


@pytest.mark.parametrize("choice", [None, "", "YES", "maybe", "yes no"])
def test_anything_but_yes_or_no_is_a_bad_request_and_sets_nothing(client, choice):
    data = {"return": "/nl/"} if choice is None else {"analytics": choice, "return": "/nl/"}
    response = client.post("/nl/cookies/", data=data)
    assert response.status_code == 400
    assert "Set-Cookie" not in response.headers


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "https://evil.example"},
        {"Origin": "null"},
        {"Origin": "http://localhost.evil.example"},
        {"Origin": "https://localhost"},  # another scheme is another origin
        {"Sec-Fetch-Site": "cross-site"},
        {"Sec-Fetch-Site": "same-site"},
        {"Sec-Fetch-Site": "cross-site", "Origin": "http://localhost"},
        {"Origin": "http://localhost:8080"},
        {"Origin": "http://localhost:abc"},
        {"Referer": "https://evil.example/nl/"},
    ],
    ids=repr,
)
def test_a_cross_site_post_is_refused_and_changes_nothing(client, headers):
    response = choose(client, "nl", "yes", "/nl/", **headers)
    assert response.status_code == 403
    assert "Set-Cookie" not in response.headers
    assert "Verzoek geweigerd" in response.get_data(as_text=True)
    assert banner(client, "/nl/", "nl") is not None, "still no choice"


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "http://localhost", "Sec-Fetch-Site": "same-origin"},
        {"Origin": "HTTP://LOCALHOST:80"},
        {"Referer": "http://localhost/nl/organisatie/kiem/"},
        # A proxy that drops the port from Host: the browser's word decides.
        {"Origin": "http://localhost:8080", "Sec-Fetch-Site": "same-origin"},
        {},
    ],
    ids=repr,
)
def test_a_same_origin_post_is_accepted(client, headers):
    assert choose(client, "nl", "yes", "/nl/", **headers).status_code == 303


def test_a_large_post_is_refused_before_it_is_read(client):
    response = choose(client, "nl", "yes", "/" + "a" * 20_000)
    assert response.status_code == 413
    assert "Set-Cookie" not in response.headers


@pytest.mark.parametrize("value", ["", "YES", "maybe", "yes no", "1", "y%65s"])
def test_a_consent_cookie_the_site_did_not_write_counts_as_no_choice(client, value):
    client.set_cookie(CONSENT_COOKIE, value)
    assert banner(client, "/en/", "en") is not None, repr(value)


@pytest.mark.parametrize(
    "header",
    [
        f"{CONSENT_COOKIE}",
        f"{CONSENT_COOKIE}=yes=no",
        f'{CONSENT_COOKIE}="yes"',
        f'{CONSENT_COOKIE}="\\171es"',
        f"{CONSENT_COOKIE} = yes",
        f"{CONSENT_COOKIE}=bogus; {CONSENT_COOKIE}=yes",
        "=yes",
        ";;;",
        "\x7f=\x01",
        "a" * 4000,
    ],
    ids=repr,
)
def test_a_malformed_cookie_header_is_no_choice_and_no_error(app, header):
    # Without a cookie jar of its own, the test client sends the header as given.
    client = app.test_client(use_cookies=False)
    written = client.get("/nl/", headers={"Cookie": f"{CONSENT_COOKIE}=yes"})
    assert 'id="cookie-banner"' not in written.text, "the header does reach the site"
    response = client.get("/nl/", headers={"Cookie": header})
    assert response.status_code == 200
    assert 'id="cookie-banner"' in response.get_data(as_text=True), "the banner asks"


def test_no_response_sets_a_cookie_but_the_choice(client):
    paths = [
        *PAGES["nl"],
        *PAGES["en"],
        *SETTINGS.values(),
        "/",
        "/nl/bestaat-niet/",
        "/sitemap.xml",
    ]
    for state in (None, "no", "yes"):
        if state:
            client.set_cookie(CONSENT_COOKIE, state)
        for path in paths:
            assert "Set-Cookie" not in client.get(path).headers, (state, path)


def test_rejecting_expires_the_analytics_cookies_the_browser_kept(client):
    for name in ("_pk_id.3.a1b2", "_pk_ses.3.a1b2", "_pk_ref.7.c3d4", "unrelated"):
        client.set_cookie(name, "x")
    expired = {
        name: cookie
        for name, cookie in set_cookies(choose(client, "nl", "no", "/nl/")).items()
        if name != CONSENT_COOKIE
    }
    assert set(expired) == {"_pk_id.3.a1b2", "_pk_ses.3.a1b2", "_pk_ref.7.c3d4"}
    assert all(cookie["max-age"] == "0" and cookie["path"] == "/" for cookie in expired.values())
    assert set(set_cookies(choose(client, "nl", "yes", "/nl/"))) == {CONSENT_COOKIE}


def test_pages_vary_by_cookie(client):
    assert "Cookie" in client.get("/nl/").headers["Vary"]


def test_other_methods_on_the_settings_address_are_not_allowed(client):
    for method in ("PUT", "DELETE", "PATCH"):
        response = client.open("/nl/cookies/", method=method)
        assert response.status_code == 405
        assert set(response.headers["Allow"].split(", ")) >= {"GET", "HEAD", "POST"}
