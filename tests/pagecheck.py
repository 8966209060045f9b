"""The checks every page of the site must pass, used by every page test.

After GOV.UK Notify's admin tests: each GET of a page runs the same checks.
"""

import json
import re
from dataclasses import dataclass
from urllib.parse import urlsplit
from xml.etree.ElementTree import Element

import html5lib
from babel.support import Translations
from flask import Flask

from bzksite.description import ELLIPSIS, LIMIT
from bzksite.views import path_segments

SITE_NAME = {"nl": "Organogram BZK", "en": "BZK organisation chart"}
SITE_NAME_MSGID = "%(ministry)s organisation chart"
SKIP_LINK = {"nl": "Naar de inhoud", "en": "Skip to content"}
BREADCRUMB_LABEL = {"nl": "U bevindt zich hier:", "en": "You are here:"}
# The footer of every page links to these pages (by path segment), in the page's language.
FOOTER_LINKS = {
    "organisation-chart": {"nl": "Organogram", "en": "Organisation chart"},
    "changes": {"nl": "Wijzigingen", "en": "Changes"},
    "privacy": {"nl": "Privacy en cookies", "en": "Privacy and cookies"},
    "cookies": {"nl": "Cookie-instellingen", "en": "Cookie settings"},
    "accessibility": {"nl": "Toegankelijkheid", "en": "Accessibility"},
}


def in_language(
    texts: dict[str, str], lang: str, app: Flask | None = None, msgid: str | None = None, **values
) -> str:
    """The interface text in `lang`: as written here for Dutch and English; in
    another language, what its compiled catalog in `app` says for `msgid`
    (by default the English text) filled with `values` (the English while it
    has no translation)."""
    if lang in texts or app is None:
        return texts.get(lang, texts["en"])
    catalog = Translations.load(app.config["TRANSLATIONS"], [lang], "messages")
    return catalog.ugettext(msgid or texts["en"]) % values


def text_of(element: Element) -> str:
    return re.sub(r"\s+", " ", "".join(element.itertext())).strip()


@dataclass
class Page:
    url: str
    html: str
    root: Element

    def all(self, tag: str, **attributes: str) -> list[Element]:
        return [
            element
            for element in self.root.iter(tag)
            if all(element.get(name) == value for name, value in attributes.items())
        ]

    def one(self, tag: str, **attributes: str) -> Element:
        found = self.all(tag, **attributes)
        assert len(found) == 1, f"{self.url}: {len(found)} <{tag} {attributes}>, expected 1"
        return found[0]

    @property
    def h1(self) -> str:
        return text_of(self.one("h1"))


# Open Graph names a language with its country; English pages are British.
OPEN_GRAPH_LOCALES = {"nl": "nl_NL", "en": "en_GB"}


def parse(url: str, html: str) -> Page:
    """Parse strictly: any HTML5 parse error fails."""
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    return Page(url, html, parser.parse(html))


def check_page(client, url: str, lang: str, status: int = 200, twin: bool = True) -> Page:
    """GET `url` and check what every page must have; return the parsed page."""
    response = client.get(url)
    assert response.status_code == status, f"{url}: {response.status_code}"
    assert response.mimetype == "text/html"
    page = parse(url, response.get_data(as_text=True))

    assert page.root.get("lang") == lang, f"{url}: <html lang={page.root.get('lang')!r}>"
    title = page.one("title").text.strip()
    app = client.application
    site_name = in_language(SITE_NAME, lang, app, SITE_NAME_MSGID, ministry="BZK")
    assert title == f"{page.h1} – {site_name}", f"{url}: title {title!r}, h1 {page.h1!r}"
    ids = [element.get("id") for element in page.root.iter() if element.get("id")]
    assert len(ids) == len(set(ids)), f"{url}: duplicate ids"
    # A JSON-LD block is data, not script: the CSP does not run it.
    data_blocks = page.all("script", type="application/ld+json")
    code = [e for e in page.all("script") if e not in data_blocks]
    inline = [e for e in code if not e.get("src") or (e.text or "").strip()]
    assert not inline and not page.all("style"), f"{url}: inline script or style"
    scripts = [e.get("src") for e in code]
    assert all(src.startswith("/static/") for src in scripts), f"{url}: scripts {scripts}"
    assert not [e for e in page.root.iter() if e.get("style")], f"{url}: style attribute"
    assert all(img.get("alt") is not None for img in page.all("img")), f"{url}: img without alt"
    _check_description(page, url, lang)

    body = page.one("body")
    # The cookie banner, when shown, comes first; the first link after it is the skip link.
    banners = page.all("section", **{"class": "cookie-banner"})
    assert not banners or body[0] is banners[0], f"{url}: the cookie banner is not first"
    in_banner = set(banners[0].iter()) if banners else set()
    skip_link = next(a for a in body.iter("a") if a not in in_banner)
    assert skip_link.get("href") == "#content", f"{url}: the first link is no skip link"
    assert text_of(skip_link) == in_language(SKIP_LINK, lang, app)
    page.one("main", id="content")
    order = [element.tag for element in body if element.tag in ("header", "nav", "main", "footer")]
    assert order == ["header", "nav", "main", "footer"], f"{url}: landmarks {order}"
    assert text_of(page.one("p", id="breadcrumb-label")) == in_language(BREADCRUMB_LABEL, lang, app)
    footer_links = [
        (urlsplit(a.get("href")).path, text_of(a)) for a in page.one("footer").iter("a")
    ]
    segments = path_segments(app.config["LANGUAGES"][lang])
    expected = [
        (f"/{lang}/{segments[name]}/", in_language(labels, lang, app))
        for name, labels in FOOTER_LINKS.items()
    ]
    assert footer_links == expected, f"{url}: footer links {footer_links}"

    switch = page.one("nav", **{"class": "language-switch"})
    current = [e for e in switch.iter() if e.get("aria-current")]
    assert [e.get("lang") for e in current] == [lang]
    switch_urls = {lang: url}
    for link in switch.iter("a"):
        other = link.get("lang")
        assert other and other != lang and link.get("hreflang") == other
        # Only a twin of this page is an alternate; an error page's switch is not.
        assert link.get("rel") == ("alternate" if twin else None), f"{url}: rel on switch"
        switch_urls[other] = link.get("href")
        if twin:
            _check_twin(client, url, link.get("href"), other)

    if twin:
        languages = list(client.application.config["LANGUAGES"])
        assert set(switch_urls) == set(languages), f"{url}: switch offers {set(switch_urls)}"
        _check_head_links(page, url, switch_urls, default=languages[0])
    _check_search_form(page, url, lang, app)
    _check_open_graph(page, url, lang, switch_urls if twin else {lang: url})
    _check_structured_data(page, url, data_blocks, indexed=twin)
    return page


def _check_search_form(page: Page, url: str, lang: str, app: Flask) -> None:
    """Every page's header has the search form: a labelled GET to the language's search page."""
    form = page.one("form", role="search")
    assert form in set(page.one("header").iter()), f"{url}: the search form is not in the header"
    segment = path_segments(app.config["LANGUAGES"][lang])["search"]
    assert (form.get("method"), form.get("action")) == ("get", f"/{lang}/{segment}/")
    field = form.find(".//input")
    label = page.one("label", **{"for": field.get("id")})
    assert field.get("name") == "q" and text_of(label), f"{url}: the search field has no label"


def _check_structured_data(page: Page, url: str, blocks: list, indexed: bool) -> None:
    """A page for search engines has one JSON-LD block, naming it as its h1 does."""
    if not indexed:
        assert not blocks, f"{url}: structured data on a page that is not indexed"
        return
    assert len(blocks) == 1, f"{url}: {len(blocks)} JSON-LD blocks"
    data = json.loads(blocks[0].text)
    assert data["@context"] == "https://schema.org", f"{url}: @context {data['@context']!r}"
    assert data["name"] == page.h1, f"{url}: JSON-LD name {data['name']!r}, h1 {page.h1!r}"
    assert urlsplit(data["url"]).path == urlsplit(url).path, f"{url}: JSON-LD url {data['url']}"


def _check_open_graph(page: Page, url: str, lang: str, twins: dict[str, str]) -> None:
    """Title as the h1, the meta description, the language with its country
    and the twins' languages; the canonical URL on a page that has one."""
    meta = {}
    for element in page.all("meta"):
        if (element.get("property") or "").startswith("og:"):
            meta.setdefault(element.get("property"), []).append(element.get("content"))
    assert meta["og:title"] == [page.h1], f"{url}: og:title {meta['og:title']}"
    assert meta["og:description"] == [page.one("meta", name="description").get("content")]
    locale = OPEN_GRAPH_LOCALES.get(lang)
    assert meta["og:locale"] == [locale or meta["og:locale"][0]], f"{url}: og:locale"
    assert meta["og:locale"][0].startswith(f"{lang}_") or meta["og:locale"] == [lang]
    others = [code for code in twins if code != lang]
    assert len(meta.get("og:locale:alternate", [])) == len(others), f"{url}: og:locale:alternate"
    for code in others:
        expected = OPEN_GRAPH_LOCALES.get(code, code)
        assert any(alt.startswith(expected) for alt in meta["og:locale:alternate"]), code
    if len(twins) > 1:
        assert [urlsplit(u).path for u in meta["og:url"]] == [urlsplit(url).path]


def _check_description(page: Page, url: str, lang: str) -> None:
    """One meta description of at most LIMIT characters: the page's first
    paragraph of content (not a notice, a note that the unit ended, or a
    source), whole or cut with "…", and marked with that paragraph's language
    where it is not the page's. A page without one (a unit with a head but no
    description) is described by a sentence of its own."""
    meta = page.one("meta", name="description")
    description = meta.get("content") or ""
    assert description.strip(), f"{url}: empty meta description"
    assert len(description) <= LIMIT, f"{url}: meta description of {len(description)} characters"
    first = next((p for p in page.one("main").iter("p") if not p.get("class")), None)
    if first is None:
        return
    paragraph = text_of(first)
    if description != paragraph:
        cut = description.removesuffix(ELLIPSIS)
        assert cut != description and paragraph.startswith(cut) and cut != paragraph, (
            f"{url}: meta description {description!r} is not the start of {paragraph!r}"
        )
        assert not paragraph[len(cut)].isalnum(), f"{url}: meta description cut inside a word"
    text_lang = first.get("lang", lang)
    expected = None if text_lang == lang else text_lang
    assert meta.get("lang") == expected, f"{url}: meta description lang {meta.get('lang')!r}"


def _check_twin(client, url: str, twin_url: str, twin_lang: str) -> None:
    """The other language's page exists and its switch links back to this one."""
    response = client.get(twin_url)
    assert response.status_code == 200, (
        f"{url}: switch leads to {twin_url} ({response.status_code})"
    )
    twin = parse(twin_url, response.get_data(as_text=True))
    assert twin.root.get("lang") == twin_lang
    back = [
        urlsplit(a.get("href")).path
        for a in twin.one("nav", **{"class": "language-switch"}).iter("a")
    ]
    assert urlsplit(url).path in back, f"{twin_url} does not link back to {url}"


def _check_head_links(page: Page, url: str, twins: dict[str, str], default: str) -> None:
    """Canonical is this page; each hreflang alternate is the twin the switch
    leads to; x-default is the default language's twin."""
    links = list(page.one("head").iter("link"))
    canonical = [link.get("href") for link in links if link.get("rel") == "canonical"]
    assert [urlsplit(href).path for href in canonical] == [urlsplit(url).path]
    alternates = {
        link.get("hreflang"): urlsplit(link.get("href")).path
        for link in links
        if link.get("rel") == "alternate" and link.get("type") is None
    }
    expected = {code: urlsplit(href).path for code, href in twins.items()}
    expected["x-default"] = expected[default]
    assert alternates == expected, f"{url}: hreflang alternates {alternates}"
