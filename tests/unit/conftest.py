import shutil
from pathlib import Path

import pytest

from tests.conftest import CONTENT
from tests.languages import copy_translations


@pytest.fixture
def sources(tmp_path: Path) -> tuple[Path, Path]:
    """A copy of the real content and translations to spoil."""
    content, translations = tmp_path / "content", tmp_path / "translations"
    shutil.copytree(CONTENT, content)
    copy_translations(translations)
    return content, translations
