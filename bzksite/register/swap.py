"""Replace db/content/ as a whole: a kill at any moment leaves the old content
or the new, never a mix (units and organisations change together).

The new folder is written beside the old one as db/.content.import (every
file, changed or not), flushed to disk, and the two folders are exchanged in
one step: renameat2(RENAME_EXCHANGE), Linux's atomic swap of two names. Where
the file system cannot exchange, three renames do it (content/ to
.content.old, .content.import to content/, .content.old to .content.import),
and the next import completes them after a kill (finish_swap). Either way
.content.import then holds the old content. It is removed only once the
import is done, translation steps included, so while it exists an import did
not finish: make db refuses to build, and the next import finishes the work.

Imports before this one swapped db/content/units/ alone, through
.units.import and .units.old inside db/content/: what they left is finished
and removed the same way.
"""

import ctypes
import errno
import os
import shutil
from pathlib import Path

STAGING = ".content.import"
_ASIDE = ".content.old"
_UNITS_STAGING, _UNITS_ASIDE = ".units.import", ".units.old"  # of the older imports
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
_CANNOT_EXCHANGE = {errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP}
try:
    _renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
except (AttributeError, OSError):
    _renameat2 = None  # glibc before 2.28, or no C library to ask


def unfinished(content: Path) -> Path | None:
    """What an import that did not finish left beside or in `content`, if anything."""
    marks = [content.parent / STAGING, content.parent / _ASIDE]
    marks += [content / _UNITS_STAGING, content / _UNITS_ASIDE]
    marks += sorted((content / "units").glob(".*.import"))
    return next((mark for mark in marks if mark.exists()), None)


def finish_swap(content: Path) -> None:
    """Complete the renames of a swap a kill interrupted; remove what older imports left."""
    _complete(content, content.parent / STAGING, content.parent / _ASIDE)
    _complete(content / "units", content / _UNITS_STAGING, content / _UNITS_ASIDE)
    for stray in (content / "units").glob(".*.import"):  # files of imports before the swap
        stray.unlink()


def replace_content(content: Path, files: dict[Path, str]) -> None:
    """Make `content` hold `files` (the new text of each changed file), the rest as it was."""
    staging = content.parent / STAGING
    pending = staging.exists()  # an earlier import's mark, kept until this one is done
    try:
        _empty(staging)
        shutil.copytree(content, staging, dirs_exist_ok=True)
        for path, text in files.items():
            target = staging / path.relative_to(content)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        for folder, _, names in os.walk(staging):
            for name in names:
                _sync(Path(folder) / name)
            _sync(Path(folder))
    except BaseException:
        if not pending:
            shutil.rmtree(staging, ignore_errors=True)
        raise
    _exchange(staging, content)
    _sync(content.parent)


def done(content: Path) -> None:
    """The import finished: remove the old content."""
    shutil.rmtree(content.parent / STAGING, ignore_errors=True)
    shutil.rmtree(content / _UNITS_STAGING, ignore_errors=True)


def _complete(target: Path, staging: Path, aside: Path) -> None:
    if aside.exists():
        if not target.exists():
            os.rename(staging, target)
        os.rename(aside, staging)
        _sync(target.parent)


def _exchange(staging: Path, target: Path) -> None:
    if _renameat2 is not None:
        names = (_AT_FDCWD, os.fsencode(staging), _AT_FDCWD, os.fsencode(target))
        if _renameat2(*names, _RENAME_EXCHANGE) == 0:
            return
        number = ctypes.get_errno()
        if number not in _CANNOT_EXCHANGE:
            raise OSError(number, os.strerror(number), str(target))
    aside = target.parent / _ASIDE
    for old, new in ((target, aside), (staging, target), (aside, staging)):
        os.rename(old, new)
        _sync(target.parent)


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
