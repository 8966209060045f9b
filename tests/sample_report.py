"""A small accessibility report in the suite's format, for the tests of the statement.

Three pages: image-alt fails on two of them (critical on one, serious on the
other), region on one; one result needs manual review; one own check found
a problem.
"""

import copy
import json
from pathlib import Path

BASE = "http://127.0.0.1:43117"


def _violation(rule: str, impact: str, help: str, tags: list[str], nodes: int = 1) -> dict:
    return {
        "id": rule,
        "impact": impact,
        "help": help,
        "helpUrl": f"https://dequeuniversity.com/rules/axe/4.14/{rule}",
        "tags": tags,
        "nodes": [{"target": f"#n{n}", "html": "<img>", "summary": "Fix it"} for n in range(nodes)],
    }


IMAGE_ALT = "Images must have alternative text"
REGION = "All page content should be contained by landmarks"

SAMPLE = {
    "generated": "2026-11-23T15:40:00+00:00",
    "base_url": BASE,
    "axe_version": "4.14.1",
    "tags": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    "languages": ["nl", "en"],
    "pages": [
        {
            "url": f"{BASE}/nl/",
            "lang": "nl",
            "time": "2026-11-23T15:40:02+00:00",
            "axe_version": "4.14.1",
            "violations": [
                _violation("image-alt", "serious", IMAGE_ALT, ["wcag2a", "wcag111", "EN-9.1.1.1"]),
                _violation("region", "moderate", REGION, ["cat.keyboard", "best-practice"], 3),
            ],
            "incomplete": [_violation("color-contrast", "serious", "Contrast", ["wcag143"])],
            "checks": [{"check": "keyboard", "problems": ["focus is not visible on a.site-name"]}],
        },
        {
            "url": f"{BASE}/en/",
            "lang": "en",
            "time": "2026-11-23T15:40:03+00:00",
            "axe_version": "4.14.1",
            "violations": [
                _violation("image-alt", "critical", IMAGE_ALT, ["wcag2a", "wcag111"], 2),
            ],
            "incomplete": [],
            "checks": [{"check": "keyboard", "problems": []}],
        },
        {
            "url": f"{BASE}/en/privacy/",
            "lang": "en",
            "time": "2026-11-23T15:40:04+00:00",
            "axe_version": "4.14.1",
            "violations": [],
            "incomplete": [],
            "checks": [],
        },
    ],
}


def sample() -> dict:
    return copy.deepcopy(SAMPLE)


def write_report(folder: Path, data: dict | None = None) -> Path:
    """Write `data` (the sample by default) as accessibility.json in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "accessibility.json"
    path.write_text(json.dumps(SAMPLE if data is None else data, indent=1) + "\n")
    return path
