"""The export is streamed: a file of the real export's size is never held whole.

About 60 MB of made-up organisations (some 90,000, every 50th a large one,
every 500th related to the ministry) are written before the root, and the
file is read in a fresh Python process: its peak memory (libxml2's included,
which tracemalloc does not see) may rise above what it used before the read
by a small fraction of the file's size only. Read without clearing, the peak
rises by about 350 MiB; with cleared organisations left attached, by about
17 MiB; as written, by under 1 MiB.
"""

import itertools
import subprocess
import sys
from pathlib import Path

from bzksite.register.records import Contact, Head, RegisterUnit
from tests.conftest import ROOT
from tests.register_files import organisation, write_export
from tests.unit.register_fixtures import MINISTRY, line_of, unit

SIZE = 60_000_000
# Memory in use before the read (VmRSS) and the peak after it (VmHWM), in kB.
PROBE = """
import re, sys
from pathlib import Path
from bzksite.register.xmlexport import read_export
from tests.unit.register_fixtures import MINISTRY, without_lines

def kib(name):
    return int(re.search(name + r":\\s+(\\d+) kB", Path("/proc/self/status").read_text())[1])

before = kib("VmRSS")
export = read_export(Path(sys.argv[1]), MINISTRY.tooi)
found = export.ministry
print(kib("VmHWM") - before, found.line, without_lines(found) == MINISTRY, len(export.related))
"""


def made_up(number: int) -> RegisterUnit:
    """A made-up organisation: every 50th with ten made-up directies (8 kB), else 0.5 kB."""
    contact = Contact(visiting_address=("Proefstraat 9", "9999 ZZ Proefdorp"), phone="0999 000 000")
    head = Head("Directeur", "V. Proefpersoon", None)
    directies = tuple(
        unit(number * 100 + index, f"Directie Proefdata {index}", contact=contact, head=head)
        for index in range(1, 11 if number % 50 == 0 else 1)
    )
    related_to = MINISTRY.tooi if number % 500 == 0 else None
    return unit(
        number,
        f"Proeforganisatie {number}",
        contact=contact,
        children=directies,
        related_to=related_to,
    )


def test_memory_stays_far_below_the_size_of_the_file(tmp_path: Path):
    first = 9_100_001
    written = sum(len(organisation(made_up(first + n), "    ").encode()) for n in range(50))
    count = SIZE * 50 // written + 100  # the first fifty stand for the rest, roughly
    filler = (made_up(number) for number in range(first, first + count))
    path = write_export(tmp_path / "exportOO.xml", itertools.chain(filler, [MINISTRY]))
    size = path.stat().st_size
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(path)],
        cwd=ROOT, capture_output=True, text=True, check=False, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    growth_kib, line, same, related = result.stdout.split()
    print(f"{size / 1e6:.0f} MB read with {int(growth_kib) / 1024:.1f} MiB more at the peak")
    assert size > SIZE and same == "True"
    assert int(related) == sum(1 for n in range(first, first + count) if n % 500 == 0)
    assert int(growth_kib) * 1024 < size / 20
    assert int(line) == line_of(path, '<p:organisatie p:systeemId="900001"') > 65_535
