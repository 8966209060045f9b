"""What `make bench` prints: one table of request rates as ratios, then the
figures measured once, each beside its goal."""

import statistics

from .load import Run

# name: (what it is compared with, the goal for the ratio)
GOALS = {
    "trivial app": ("nginx static", None),
    "site: unit page": ("nginx static", 0.5),
    "site: overview": ("nginx static", None),
    "site: 404, every path new": ("site: unit page", 0.5),
    "1,000 units: one unit page": ("site: unit page", None),
    "1,000 units: random unit pages": ("1,000 units: one unit page", 0.8),
}
LIMITS = {"render": 1.5, "build": 5.0, "memory": 64.0, "overview": 14 * 1024, "weight": 14 * 1024}


def verdict(ok: bool) -> str:
    return "meets the goal" if ok else "MISSES the goal"


def print_table(runs: dict[str, list[Run]], rounds: int) -> None:
    medians = {name: statistics.median(run.rps for run in each) for name, each in runs.items()}
    print(f"{'':<31} {'req/s':>7} {'spread':>7} {'ratio':>6}  {'of':<27} {'p99 ms':>6}")
    for name, each in runs.items():
        rates = [run.rps for run in each]
        spread = (max(rates) - min(rates)) / medians[name] if medians[name] else 0
        p99 = statistics.median(run.p99 for run in each)
        base, goal = GOALS.get(name, (None, None))
        ratio = f"{medians[name] / medians[base]:>6.3f}" if base else f"{'1':>6}"
        line = (
            f"{name:<31} {medians[name]:>7.0f} {spread:>6.0%} {ratio}  {base or '':<27} {p99:>6.2f}"
        )
        if goal is not None:
            line += f"  {verdict(medians[name] / medians[base] >= goal)}: >= {goal}"
        print(line)
        problems = sorted({run.errors for run in each if run.errors})
        if "404" not in name and any(run.unexpected for run in each):
            problems.append("answers that are not 2xx or 3xx")
        if problems:
            print(f"  {name} had: {'; '.join(problems)}")
    print(f"(medians of {rounds} runs; spread: (max - min) / median of the req/s)\n")


def print_figures(
    first: tuple[int, float],
    build_seconds: float,
    renders: dict,
    memory: tuple,
    overview: int,
    start: float,
) -> None:
    pages, first_reads = first
    render_ratio = renders["large"] / renders["committed"]
    print(
        f"uncached unit page, 1,000 units: {renders['large']:.2f} ms against"
        f" {renders['committed']:.2f} ms committed, {render_ratio:.2f} x"
        f" ({verdict(render_ratio <= LIMITS['render'])}: <= 1.5)"
    )
    print(
        f"first read of every unit page, 1,000 units: {pages} pages in {first_reads:.2f} s,"
        " one at a time (each is rendered once per worker, then kept)"
    )
    print(
        f"make db, 1,000 units: {build_seconds:.2f} s"
        f" ({verdict(build_seconds <= LIMITS['build'])}: <= 5 s)"
    )
    (site_peak, site_private), (large_peak, large_private) = memory
    print(
        f"memory per worker, private (what a worker adds): {site_private:.1f} MB committed,"
        f" {large_private:.1f} MB with 1,000 units and all {pages} unit pages kept"
        f" ({verdict(large_private <= LIMITS['memory'])}: <= 64 MB);"
        f" peak resident, with what it shares with the other processes:"
        f" {site_peak:.1f} and {large_peak:.1f} MB"
    )
    print(
        f"overview with 1,000 units, HTML + CSS gzipped: {overview / 1024:.1f} KB"
        f" ({verdict(overview <= LIMITS['overview'])}: <= 14 KB)"
    )
    print(f"start to first response: {start:.2f} s")


def print_weights(weights: list[tuple[str, int]]) -> None:
    heaviest = max(weights, key=lambda item: item[1])
    over = [path for path, weight in weights if weight > LIMITS["weight"]]
    print(
        f"page weight, HTML + CSS gzipped: {len(weights)} pages, the heaviest {heaviest[0]}"
        f" {heaviest[1] / 1024:.1f} KB ({verdict(not over)}: <= 14 KB each); no JavaScript"
    )
    for path, weight in sorted(weights, key=lambda item: -item[1]):
        print(f"  {weight / 1024:5.1f} KB  {path}")
