"""Interface text (the `messages` domain): translated by Flask-Babel and
formatted so that no translation can take a page down.

Every interface text is a format string. Jinja's i18n formats each template
string with `%`, with or without variables, and gettext() here does the same
for the code's, so one rule holds for translators ("100%%" for 100%) and the
build can refuse what gettext cannot format (translate/domains.py). Should a
translation that cannot be formatted still reach the site, through a check
gettext lacks or a catalog compiled by hand, the page shows the English text
and the log names the translation, instead of an error page.
"""

from typing import Any

from flask import Flask, current_app
from flask_babel import LazyString, get_locale, get_translations
from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup


def init_app(app: Flask) -> None:
    """Put these in the place of Flask-Babel's template functions (after Babel(app))."""
    app.jinja_env.globals.update(
        gettext=_template_gettext, ngettext=_template_ngettext, pgettext=_template_pgettext
    )


def gettext(string: str, **variables: Any) -> str:
    return _formatted(string, get_translations().ugettext(string), variables)


def lazy_gettext(string: str, **variables: Any) -> LazyString:
    return LazyString(gettext, string, **variables)


def ngettext(singular: str, plural: str, num: int, **variables: Any) -> str:
    variables.setdefault("num", num)
    translated = get_translations().ungettext(singular, plural, num)
    return _formatted(singular if num == 1 else plural, translated, variables)


@pass_context
def _template_gettext(context: Context, string: str, **variables: Any) -> str:
    translated = get_translations().ugettext(string)
    return _formatted(string, translated, variables, context.eval_ctx.autoescape)


@pass_context
def _template_ngettext(
    context: Context, singular: str, plural: str, num: int, **variables: Any
) -> str:
    variables.setdefault("num", num)
    translated = get_translations().ungettext(singular, plural, num)
    english = singular if num == 1 else plural
    return _formatted(english, translated, variables, context.eval_ctx.autoescape)


@pass_context
def _template_pgettext(context: Context, where: str, string: str, **variables: Any) -> str:
    translated = get_translations().upgettext(where, string)
    return _formatted(string, translated, variables, context.eval_ctx.autoescape)


def _formatted(english: str, translated: str, variables: dict, markup: bool = False) -> str:
    kind = Markup if markup else str  # Markup escapes the variables it formats in
    try:
        return kind(translated) % variables
    except (KeyError, ValueError, TypeError) as error:
        current_app.logger.error(
            "The %s translation of %r cannot be formatted (%s); it is shown in English."
            " Fix it in its messages.po.",
            get_locale(),
            english,
            error,
        )
        return kind(english) % variables
