"""Matomo: only when configured, only after a yes, never with DNT or GPC; the
CSP allows its origin and nothing else; the cookie pages list what is set."""

import re
from pathlib import Path

import pytest

from bzksite import create_app
from bzksite.analytics import Matomo
from bzksite.cookies import CONSENT, CONSENT_COOKIE, matomo_cookies
from bzksite.security import content_security_policy
from tests.pagecheck import check_page, text_of

MATOMO = {"MATOMO_URL": "https://stats.example.nl/piwik", "MATOMO_SITE_ID": 3}
ORIGIN = "https://stats.example.nl"
ANALYTICS_JS = Path(__file__).parents[2] / "bzksite" / "static" / "analytics.js"


@pytest.fixture
def matomo_app(site_config):
    return create_app({**site_config, **MATOMO})


def tracker_scripts(client, path="/nl/"):
    page = check_page(client, path, path[1:3])
    scripts = [s for s in page.all("script") if s.get("type") != "application/ld+json"]
    return [(s.get("src"), dict(s.attrib)) for s in scripts]


def directives(response) -> dict[str, list[str]]:
    policy = response.headers["Content-Security-Policy"]
    return {name: sources for name, *sources in (p.split() for p in policy.split(";"))}


@pytest.mark.parametrize("choice", [None, "no", "yes"])
def test_without_matomo_no_page_has_a_script(client, choice):
    if choice:
        client.set_cookie(CONSENT_COOKIE, choice)
    for path in ("/nl/", "/en/organisation/kiem/", "/en/cookies/"):
        assert tracker_scripts(client, path) == [], path


@pytest.mark.parametrize("choice", [None, "no", "maybe"])
def test_with_matomo_no_tracker_until_the_visitor_accepts(matomo_app, choice):
    client = matomo_app.test_client()
    if choice:
        client.set_cookie(CONSENT_COOKIE, choice)
    assert tracker_scripts(client) == []


def test_with_matomo_and_a_yes_the_tracker_loads_from_our_static_files(matomo_app):
    client = matomo_app.test_client()
    client.set_cookie(CONSENT_COOKIE, "yes")
    [(src, attributes)] = tracker_scripts(client, "/en/organisation/kiem/")
    assert re.fullmatch(r"/static/analytics\.[0-9a-f]{10}\.js", src) and "defer" in attributes
    assert attributes["data-matomo-url"] == "https://stats.example.nl/piwik/"
    assert attributes["data-site-id"] == "3"
    lifetimes = {
        name: int(value) for name, value in attributes.items() if name.endswith("-seconds")
    }
    site = matomo_app.extensions["matomo"]
    assert lifetimes == {f"data-{c.setting}": c.seconds for c in matomo_cookies(site)}
    assert client.get(src).status_code == 200


@pytest.mark.parametrize(
    ("headers", "tracked"),
    [
        ({"DNT": "1"}, False),
        ({"Sec-GPC": "1"}, False),
        ({"DNT": "1", "Sec-GPC": "1"}, False),
        ({"DNT": "0"}, True),
        ({"Sec-GPC": "0"}, True),
        ({"DNT": "yes please"}, True),
    ],
    ids=repr,
)
def test_do_not_track_and_global_privacy_control_mean_no_tracker(matomo_app, headers, tracked):
    client = matomo_app.test_client()
    client.set_cookie(CONSENT_COOKIE, "yes")
    html = client.get("/nl/", headers=headers).get_data(as_text=True)
    assert ("/static/analytics." in html) is tracked


def test_the_settings_page_says_when_the_browser_asks_not_to_be_tracked(matomo_app):
    client = matomo_app.test_client()
    client.set_cookie(CONSENT_COOKIE, "yes")
    main = text_of(check_page(client, "/en/cookies/", "en").one("main"))
    assert "Your browser asks websites not to track you" not in main
    client.environ_base["HTTP_SEC_GPC"] = "1"
    main = text_of(check_page(client, "/en/cookies/", "en").one("main"))
    assert "Your browser asks websites not to track you" in main


def test_the_tracker_script_reads_exactly_the_attributes_the_server_writes(matomo_app):
    client = matomo_app.test_client()
    client.set_cookie(CONSENT_COOKIE, "yes")
    [(_, attributes)] = tracker_scripts(client)
    written = {name.removeprefix("data-") for name in attributes if name.startswith("data-")}
    read = {
        re.sub(r"[A-Z]", lambda m: "-" + m[0].lower(), name)
        for name in re.findall(r"settings\.(\w+)", ANALYTICS_JS.read_text())
    }
    assert read == written


def test_without_matomo_the_policy_allows_no_script_and_no_connection(client):
    found = directives(client.get("/nl/"))
    assert "script-src" not in found and "connect-src" not in found
    assert found["default-src"] == ["'none'"] and found["img-src"] == ["'self'"]


def test_with_matomo_the_policy_allows_its_origin_and_nothing_else(matomo_app):
    client = matomo_app.test_client()
    for path in ("/nl/", "/nl/bestaat-niet/", "/static/site.css"):
        found = directives(client.get(path))
        assert found["script-src"] == ["'self'", ORIGIN]
        assert found["img-src"] == ["'self'", ORIGIN]
        assert found["connect-src"] == [ORIGIN]
        others = {s for sources in found.values() for s in sources} - {ORIGIN}
        assert all(not s.startswith(("http", "*", "data:", "blob:")) for s in others), others
        assert found["default-src"] == ["'none'"]


def test_the_policy_names_only_the_origin_never_a_path():
    origin = Matomo("https://stats.example.nl:8443/piwik/", 3).origin
    policy = content_security_policy(origin)
    assert "script-src 'self' https://stats.example.nl:8443;" in policy


def test_with_matomo_pages_vary_by_dnt_and_gpc(matomo_app):
    vary = matomo_app.test_client().get("/nl/").headers["Vary"]
    assert {"Cookie", "DNT", "Sec-GPC"} <= {v.strip() for v in vary.split(",")}


def listed_cookies(client, path) -> dict[str, dict[str, str]]:
    """The cookies a page lists: {name: {label: value}}."""
    page = check_page(client, path, path[1:3])
    main = page.one("main")
    names = [text_of(h3) for h3 in main.iter("h3")]
    facts = [
        {text_of(dt): text_of(dd) for dt, dd in zip(dl.iter("dt"), dl.iter("dd"), strict=True)}
        for dl in main.iter("dl")
    ]
    return dict(zip(names, facts, strict=True))


def test_without_matomo_the_pages_list_only_the_consent_cookie_and_say_so(client):
    for path in ("/en/cookies/", "/en/privacy/"):
        assert listed_cookies(client, path) == {
            CONSENT_COOKIE: {
                "Purpose": str(CONSENT.purpose),
                "Kept for": "1 year",
                "Needs your consent": "No",
            }
        }
        main = text_of(check_page(client, path, "en").one("main"))
        assert "This website does not measure its visitors at the moment" in main


def test_with_matomo_the_pages_list_its_cookies_as_the_tracker_sets_them(matomo_app):
    client = matomo_app.test_client()
    for path in ("/nl/cookies/", "/nl/privacy/"):
        listed = listed_cookies(client, path)
        assert listed == listed_cookies(client, "/nl/cookies/"), "privacy and settings agree"
        assert {name: facts["Bewaartermijn"] for name, facts in listed.items()} == {
            CONSENT_COOKIE: "1 jaar",
            "_pk_id.3.…": "12 maanden",
            "_pk_ses.3.…": "30 minuten",
            "_pk_ref.3.…": "6 maanden",
        }
        consent = {name: facts["Toestemming nodig"] for name, facts in listed.items()}
        assert consent == {name: "Nee" if name == CONSENT_COOKIE else "Ja" for name in listed}
        main = text_of(check_page(client, path, "nl").one("main"))
        assert "meet op dit moment geen bezoekersgedrag" not in main
        assert "Een naam die eindigt op \u2018…\u2019 gaat verder met een code" in main


def test_the_listed_lifetimes_are_the_ones_set():
    assert CONSENT.seconds == 365 * 24 * 3600
    cookies = matomo_cookies(Matomo("https://stats.example.nl/", 3))
    by_name = {cookie.name.split(".")[0]: cookie for cookie in cookies}
    assert by_name["_pk_ses"].seconds == 30 * 60
    assert by_name["_pk_id"].seconds == CONSENT.seconds, "12 months: no longer than the consent"
    assert all(cookie.seconds <= CONSENT.seconds for cookie in cookies)


MATOMO_COOKIES = ("_pk_id.3.a1b2", "_pk_ses.3.a1b2", "_pk_ref.3.a1b2")


@pytest.mark.parametrize(
    ("consent", "headers", "configured"),
    [
        (None, {}, True),
        ("bogus", {}, True),
        ("no", {}, True),
        ("yes", {"DNT": "1"}, True),
        ("yes", {"Sec-GPC": "1"}, True),
        ("yes", {}, False),
    ],
    ids=["no choice", "not our value", "no", "yes with DNT", "yes with GPC", "Matomo off"],
)
def test_without_a_tracker_the_analytics_cookies_left_behind_expire(
    site_config, consent, headers, configured
):
    app = create_app({**site_config, **(MATOMO if configured else {})})
    client = app.test_client()
    for name in (*MATOMO_COOKIES, "_pk_id.not-matomo's", "unrelated"):
        client.set_cookie(name, "x")
    if consent:
        client.set_cookie(CONSENT_COOKIE, consent)
    response = client.get("/nl/", headers=headers)
    expired = [h for h in response.headers.getlist("Set-Cookie") if "Max-Age=0" in h]
    assert sorted(h.split("=")[0] for h in expired) == sorted(MATOMO_COOKIES)
    assert len(expired) == len(response.headers.getlist("Set-Cookie")), "nothing else is set"


def test_with_a_tracker_the_analytics_cookies_stay(matomo_app):
    client = matomo_app.test_client()
    for name in (*MATOMO_COOKIES, CONSENT_COOKIE):
        client.set_cookie(name, "yes")
    assert "Set-Cookie" not in client.get("/nl/").headers
