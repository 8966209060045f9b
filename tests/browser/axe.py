"""axe-core, the version package-lock.json pins, run through axe-selenium-python.

The PyPI package bundles axe-core 3.1.1 and passes options as a Python repr
(`True` is no JavaScript). This wrapper injects the pinned engine, passes
options as JSON, gives axe time to finish, turns a rejected promise into an
error, and refuses results that prove nothing: another engine version, or no
passing rule at all (an injection that silently did nothing).
"""

import json
from pathlib import Path
from typing import Any

from axe_selenium_python import Axe

ROOT = Path(__file__).resolve().parents[2]
AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCRIPT_TIMEOUT = 90  # seconds; axe on a long page in a slow CI runner takes a while

# WCAG 2.0, 2.1 and 2.2 at levels A and AA, and Deque's best practices.
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
OPTIONS: dict[str, Any] = {
    "runOnly": {"type": "tag", "values": TAGS},
    # Off by default since axe 4; duplicate ids still break label and ARIA references.
    "rules": {"duplicate-id": {"enabled": True}},
    "resultTypes": ["violations", "incomplete", "passes"],
}

_RUN = """
const [options, done] = arguments;
if (typeof axe === "undefined") { done({error: "axe is not defined after injection"}); return; }
axe.run(document, options)
  .then(results => done({version: axe.version, results: results}))
  .catch(error => done({error: String(error && error.stack || error)}));
"""


class AxeError(RuntimeError):
    """axe did not run as pinned: the page was not checked."""


def pinned_version() -> str:
    lock = json.loads((ROOT / "package-lock.json").read_text())
    return lock["packages"]["node_modules/axe-core"]["version"]


class PinnedAxe(Axe):
    def __init__(self, driver, script: Path = AXE_SCRIPT, version: str | None = None) -> None:
        if not script.is_file():
            raise AxeError(f"{script} is missing: run `make axe` (make test does)")
        super().__init__(driver, str(script))
        self.version = version or pinned_version()

    def run(self, context: Any = None, options: dict | None = None) -> dict:
        """Inject axe into the current page and return its results."""
        self.inject()
        self.selenium.set_script_timeout(SCRIPT_TIMEOUT)
        outcome = self.selenium.execute_async_script(_RUN, options or OPTIONS)
        if outcome.get("error"):
            raise AxeError(f"axe failed on {self.selenium.current_url}: {outcome['error']}")
        if outcome["version"] != self.version:
            raise AxeError(f"axe-core {outcome['version']} ran; {self.version} is pinned")
        results = outcome["results"]
        if not results.get("passes"):
            raise AxeError(f"axe reported no passing rule on {self.selenium.current_url}")
        return results


def describe(url: str, results: list[dict], what: str = "violates") -> list[str]:
    """One line per element: page, rule, element and where to read more."""
    return [
        f"{url}: {what} {rule['id']} ({rule['help']}) at {node['target']}"
        f" {node['html'][:100]} — {rule['helpUrl']}"
        for rule in results
        for node in rule["nodes"]
    ]
