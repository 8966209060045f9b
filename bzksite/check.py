"""Whether the site can start, before granian starts it: `python -m bzksite.check`.

granian loads the site in each worker, never in its main process. A worker
whose site fails to load (no database, an unreadable catalog, a bad setting)
exits, and with GRANIAN_RESPAWN_FAILED_WORKERS granian starts it again.
granian 2.8 stops only when a worker it restarted fails again within 5.5 s,
and it forgets the workers it restarted each time it restarts one, so
workers that fail in turn go on being restarted (in trials up to 144 times,
for 25 s). Run first, this builds the site once with the same settings and
stops with the one line that create_app refuses it with.
"""

import sys

from . import create_app


def main() -> int:
    """0 when create_app() succeeds; else 1, with its reason on standard error."""
    try:
        create_app()
    # create_app refuses a missing build with RuntimeError and a bad setting
    # with ValueError; anything else is a bug and keeps its traceback.
    except (RuntimeError, ValueError) as error:
        print(f"bzksite cannot start: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
