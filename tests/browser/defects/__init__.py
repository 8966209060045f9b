"""Pages with one known accessibility defect each, and one clean page, to
prove that every detector of the suite reports what it is meant to find.

Served only by the tests, at /<lang>/_fixtures/<name>/, from one template that
copies the site's structure and stylesheet; `DEFECTS` names the detector that
must report each defect: "axe:<rule id>" or one of the checks in checks.py.
"""

from flask import Blueprint, abort, render_template

DEFECTS = {
    "image-without-alt": "axe:image-alt",
    "low-contrast": "axe:color-contrast",
    "no-html-lang": "axe:html-has-lang",
    "invalid-lang": "axe:html-lang-valid",
    "dutch-marked-english": "language",
    "switch-without-lang": "language",
    "dutch-fallback-unmarked": "language",
    "unlabelled-input": "axe:label",
    "empty-link": "axe:link-name",
    "duplicate-id": "axe:duplicate-id",
    "skip-target-missing": "keyboard",
    "outline-none": "keyboard",
    "tabindex-3": "keyboard",
    "user-scalable-no": "axe:meta-viewport",
    "fixed-width-900": "reflow",
    "tiny-button": "target_size",
    "no-main": "axe:landmark-one-main",
    "h1-then-h4": "axe:heading-order",
    "empty-title": "axe:document-title",
    "endless-animation": "reduced_motion",
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
