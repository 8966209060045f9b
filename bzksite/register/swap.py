"""Replace db/content/units/ as a whole: a kill at any moment leaves the old
units or the new ones, never a mix.

The new folder is written beside the old one as .units.import (every file,
changed or not), flushed to disk, and the two folders are exchanged in one
step: renameat2(RENAME_EXCHANGE), Linux's atomic swap of two names. Where
the file system cannot exchange, three renames do it (units/ to .units.old,
.units.import to units/, .units.old to .units.import), and the next import
completes them after a kill (finish_swap). Either way .units.import then
holds the old units. It is removed only once the import is done, translation
steps included, so while it exists an import did not finish: make db refuses
to build, and the next import finishes the work.
"""

import ctypes
import errno
import os
import shutil
from pathlib import Path

STAGING = ".units.import"
_ASIDE = ".units.old"
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
_CANNOT_EXCHANGE = {errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP}
try:
    _renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
except (AttributeError, OSError):
    _renameat2 = None  # glibc before 2.28, or no C library to ask


def unfinished(content: Path) -> Path | None:
    """What an import that did not finish left in `content`, if anything."""
    marks = [content / STAGING, content / _ASIDE, *sorted((content / "units").glob(".*.import"))]
    return next((mark for mark in marks if mark.exists()), None)


def finish_swap(content: Path) -> None:
    """Complete the renames of a swap a kill interrupted; remove what older imports left."""
    units, staging, aside = content / "units", content / STAGING, content / _ASIDE
    if aside.exists():
        if not units.exists():
            os.rename(staging, units)
        os.rename(aside, staging)
        _sync(content)
    for stray in units.glob(".*.import"):  # files of imports before the swap
        stray.unlink()


def replace_units(content: Path, files: dict[Path, str]) -> None:
    """Make units/ hold `files` (the new text of each changed file), the rest as it was."""
    units, staging = content / "units", content / STAGING
    pending = staging.exists()  # an earlier import's mark, kept until this one is done
    try:
        _empty(staging)
        shutil.copytree(units, staging, dirs_exist_ok=True)
        for path, text in files.items():
            (staging / path.relative_to(units)).write_text(text, encoding="utf-8")
        for folder, _, names in os.walk(staging):
            for name in names:
                _sync(Path(folder) / name)
            _sync(Path(folder))
    except BaseException:
        if not pending:
            shutil.rmtree(staging, ignore_errors=True)
        raise
    _exchange(staging, units)
    _sync(content)


def done(content: Path) -> None:
    """The import finished: remove the old units."""
    shutil.rmtree(content / STAGING, ignore_errors=True)


def _exchange(staging: Path, units: Path) -> None:
    if _renameat2 is not None:
        names = (_AT_FDCWD, os.fsencode(staging), _AT_FDCWD, os.fsencode(units))
        if _renameat2(*names, _RENAME_EXCHANGE) == 0:
            return
        number = ctypes.get_errno()
        if number not in _CANNOT_EXCHANGE:
            raise OSError(number, os.strerror(number), str(units))
    aside = units.parent / _ASIDE
    for old, new in ((units, aside), (staging, units), (aside, staging)):
        os.rename(old, new)
        _sync(units.parent)


def _sync(path: Path) -> None:
    handle = os.open(path, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def _empty(folder: Path) -> None:
    folder.mkdir(exist_ok=True)
    for entry in folder.iterdir():
        if entry.is_dir():
            shutil.rmtree(entry)
        else:
            entry.unlink()
