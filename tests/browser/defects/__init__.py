"""Pages with one known accessibility defect each, and one clean page, to
prove that every detector of the suite reports what it is meant to find.

Served only by the tests, at /<lang>/_fixtures/<name>/, from one template that
copies the site's structure and stylesheet; `DEFECTS` names the detector that
must report each defect, and what it must say.
"""

from flask import Blueprint, abort, render_template

# name: (detector, what it must report: an axe rule id or part of a check's message)
DEFECTS = {
    "image-without-alt": ("axe", "image-alt"),
    "low-contrast": ("axe", "color-contrast"),
    "no-html-lang": ("axe", "html-has-lang"),
    "invalid-lang": ("axe", "html-lang-valid"),
    "dutch-marked-english": ("language", "<html lang=\"en\"> on a page whose URL says 'nl'"),
    "switch-without-lang": ("language", "switch link without lang and hreflang 'en'"),
    "dutch-fallback-unmarked": ("language", "Dutch text not inside lang=nl"),
    "unlabelled-input": ("axe", "label"),
    "empty-link": ("axe", "link-name"),
    "duplicate-id": ("axe", "duplicate-id"),
    "skip-target-missing": ("keyboard", "Enter on the skip link moves focus to"),
    "outline-none": ("keyboard", "focus on the skip link is not visible"),
    "skip-link-off-screen": ("keyboard", "focus on the skip link is not visible"),
    "later-focus-invisible": ("keyboard", 'focus is not visible on <a href="/nl/privacy/"'),
    "footer-unreachable": ("keyboard", "Tab does not reach the footer"),
    "tabindex-3": ("keyboard", "tabindex above 0"),
    "user-scalable-no": ("axe", "meta-viewport"),
    "fixed-width-900": ("reflow", "too wide"),
    "tiny-button": ("target_size", "10.0 x 10.0 px"),
    "no-main": ("axe", "landmark-one-main"),
    "h1-then-h4": ("axe", "heading-order"),
    "empty-title": ("axe", "document-title"),
    "endless-animation": ("reduced_motion", "animation runs although reduced motion"),
}
# Where a defect needs a page in a language other than Dutch.
LANGUAGE = {"dutch-fallback-unmarked": "en"}
# A Dutch paragraph that, on an English page, is a fallback needing lang="nl".
FALLBACK = "Deze alinea is nog niet vertaald en staat daarom in het Nederlands op de pagina."

bp = Blueprint(
    "defects",
    __name__,
    template_folder="templates",
    static_folder="static",
    static_url_path="/_fixtures/static",
)


@bp.get("/<lang>/_fixtures/<name>/")
def fixture(lang: str, name: str) -> str:
    if lang not in ("nl", "en") or (name != "clean" and name not in DEFECTS):
        abort(404)
    return render_template("defect.html", lang=lang, defect=name, fallback=FALLBACK)


def fixture_path(name: str) -> str:
    return f"/{LANGUAGE.get(name, 'nl')}/_fixtures/{name}/"
