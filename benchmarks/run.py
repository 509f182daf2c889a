"""Benchmarks of policydiff: load, compare (align + diff) and the CLI at 1k / 10k / 50k
targets, and start-up time.

    cd /work/main && .venv/bin/python benchmarks/run.py [--sizes 1000,10000,50000]
        [--cache benchmarks/.cache] [--seed 2030] [--timeout 300] [--startup-runs 15]
        [--skip-startup] [--json results.json]

Every measurement runs in a fresh subprocess (this script with --child, or the installed
`policydiff` console script), so imports, caches and the heap start cold each time.
Peak memory is the child's ru_maxrss. Results are printed as Markdown.

policydiff's on-disk memo (POLICYDIFF_CACHE_DIR / POLICYDIFF_NO_CACHE, since 0bd0fb5) is
turned off for every size measurement, so the work is measured; the CLI is then timed once
more with a warm memo. Start-up is measured both ways.

The loader refuses files over MAX_FILE_BYTES (5 MB), and before 0bd0fb5 also files of more
than MAX_NODES (200 000) YAML nodes; generated files of 50k (before: 10k) targets exceed
them. The stock `policydiff validate` / `compare` are run as shipped (to record that
refusal); the library measurements and, where the stock CLI refused, a second CLI run lift
the limits in the child process (policydiff's files are not touched). Rows say which applies.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import json
import os
import platform
import re
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PYTHON = sys.executable
CLI = str(Path(sys.executable).parent / "policydiff")
YEAR = 2030

# Lifts the loader's size limits wherever this version of policydiff keeps them.
LIFT = """
import importlib
for _name in ("policydiff.load.files", "policydiff.load.check", "policydiff.load.yamlnodes", "policydiff.load.loader"):
    try:
        _module = importlib.import_module(_name)
    except ImportError:
        continue
    for _attr, _value in (("MAX_FILE_BYTES", 10**10), ("MAX_NODES", 10**9)):
        if hasattr(_module, _attr):
            setattr(_module, _attr, _value)
"""
# The CLI with the limits lifted, entered like the console script (policydiff.cli.app:run).
LIFTED_CLI = LIFT + """
import sys
from policydiff.cli import app as cli
sys.argv[0] = "policydiff"
cli.run() if hasattr(cli, "run") else sys.exit(cli.main())
"""
NO_CACHE = {"POLICYDIFF_NO_CACHE": "1"}


def environment(**extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items()
           if key not in ("POLICYDIFF_DATA", "POLICYDIFF_NO_CACHE", "POLICYDIFF_CACHE_DIR")}
    env.update(extra)
    return env


# -- running children ---------------------------------------------------------------------

def run_child(argv: list[str], timeout: float, cwd: Path | None = None, capture: bool = True,
              env: dict[str, str] | None = None) -> dict[str, Any]:
    """Run argv to completion or `timeout`; wall time, exit code, the child's own peak RSS, output."""
    out = tempfile.TemporaryFile() if capture else subprocess.DEVNULL
    err = tempfile.TemporaryFile() if capture else subprocess.DEVNULL
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=out, stderr=err, stdin=subprocess.DEVNULL, cwd=cwd,
                               env=env, start_new_session=True)
    timed_out = threading.Event()

    def stop() -> None:
        timed_out.set()
        try:
            os.killpg(process.pid, signal.SIGKILL)  # the session this call started, by its id
        except ProcessLookupError:
            pass

    timer = threading.Timer(timeout, stop)
    timer.start()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    timer.cancel()
    process.returncode = os.waitstatus_to_exitcode(status)
    result: dict[str, Any] = {"wall": wall, "rc": process.returncode, "maxrss_mb": usage.ru_maxrss / 1024,
                              "timed_out": timed_out.is_set()}
    if capture:
        for name, handle in (("stdout", out), ("stderr", err)):
            handle.seek(0)  # type: ignore[union-attr]
            result[name] = handle.read().decode("utf-8", "replace")  # type: ignore[union-attr]
            handle.close()  # type: ignore[union-attr]
    return result


def child_records(result: dict[str, Any]) -> dict[str, Any]:
    """The JSON lines a --child process printed, merged (later keys win)."""
    merged: dict[str, Any] = {}
    for line in result.get("stdout", "").splitlines():
        if line.startswith("{"):
            merged.update(json.loads(line))
    return merged


# -- the measuring child ------------------------------------------------------------------

def _emit(**record: Any) -> None:
    print(json.dumps(record), flush=True)


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child_compare(directory: Path, gc_off: bool) -> None:
    """Load both years, then policydiff.comparison.pipeline.compare_sets (align + outcomes + diff), timing each stage."""
    if gc_off:
        gc.disable()
    start = time.perf_counter()
    exec(LIFT, {})
    from policydiff.comparison import align as align_module
    from policydiff.comparison import pipeline as api
    from policydiff.comparison.links import load_links
    from policydiff.load.loader import load_file

    _emit(import_s=time.perf_counter() - start)
    timings: dict[str, float] = {}

    def timed(name: str, function: Any) -> Any:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            began = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                timings[name] = timings.get(name, 0.0) + time.perf_counter() - began
        return wrapper

    # Stage timers: wrap the module-level functions compare_sets reaches, so the benchmark
    # follows its code (diff is imported inside compare_sets in newer versions).
    from policydiff.comparison import diff as diff_module

    for module, attribute, name in ((api, "align_sets", "align"), (align_module, "candidates", "candidates"),
                                    (api, "outcomes", "outcomes"), (diff_module, "build_report", "diff"),
                                    (api, "build_report", "diff")):
        if hasattr(module, attribute):
            setattr(module, attribute, timed(name, getattr(module, attribute)))

    began = time.perf_counter()
    first = load_file(directory / f"targets_{YEAR}.yaml")
    middle = time.perf_counter()
    second = load_file(directory / f"targets_{YEAR + 1}.yaml")
    loaded = time.perf_counter()
    _emit(load_first_s=middle - began, load_second_s=loaded - middle, load_s=loaded - began,
          targets=[len(first.targets), len(second.targets)], rss_after_load_mb=_rss_mb())
    links = load_links(directory)
    began = time.perf_counter()
    report = api.compare_sets(first, second, links)
    compared = time.perf_counter() - began
    changes = report.changes
    pairs = [(c.before.id, c.after.id) for c in changes if c.before is not None and c.after is not None]
    kept = len({t.id for t in first.targets} & {t.id for t in second.targets})
    correct = sum(a == b for a, b in pairs)
    _emit(compare_s=compared, align_s=timings.get("align"), candidates_s=timings.get("candidates"),
          outcomes_s=timings.get("outcomes"), diff_s=timings.get("diff"), summary=report.summary(),
          pairs=len(pairs), kept=kept, correct=correct, wrong=len(pairs) - correct,
          maxrss_mb=_rss_mb(), total_s=time.perf_counter() - start)


# -- data ---------------------------------------------------------------------------------

def dataset(cache: Path, size: int, seed: int) -> Path:
    """Generated files for `size`, reused from the cache while the generator is unchanged.

    Generation runs in a subprocess: a parent grown by building 50k targets would otherwise
    lend its memory high-water mark to the ru_maxrss of the children forked afterwards."""
    stamp = hashlib.sha256((HERE / "generate.py").read_bytes()).hexdigest()[:16] + f"-{size}-{seed}"
    directory = cache / f"size-{size}-seed-{seed}"
    stamp_file = directory / ".stamp"
    if stamp_file.is_file() and stamp_file.read_text() == stamp:
        return directory
    if directory.exists():
        shutil.rmtree(directory)
    subprocess.run([PYTHON, str(HERE / "generate.py"), "--size", str(size), "--out", str(directory),
                    "--seed", str(seed), "--year", str(YEAR)], check=True, stdout=subprocess.DEVNULL)
    stamp_file.write_text(stamp)
    return directory


# -- measurements -------------------------------------------------------------------------

def first_line(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip() and not line.endswith(": ok")]
    line = lines[0] if lines else ""
    line = re.sub(r"^\S*targets_\d{4}\.yaml(:\d+:\d+)?: ", "", line)
    return line[:110]


def measure_size(size: int, cache: Path, seed: int, timeout: float) -> dict[str, Any]:
    directory = dataset(cache, size, seed)
    files = [directory / f"targets_{YEAR}.yaml", directory / f"targets_{YEAR + 1}.yaml"]
    row: dict[str, Any] = {"size": size, "dir": str(directory),
                           "bytes": [p.stat().st_size for p in files]}
    print(f"[{size}] data in {directory} ({sum(row['bytes']) / 1e6:.1f} MB)", file=sys.stderr, flush=True)

    cold = environment(**NO_CACHE)
    validate = run_child([CLI, "validate", *map(str, files)], timeout, env=cold)
    row["validate"] = {"rc": validate["rc"], "wall": validate["wall"], "timed_out": validate["timed_out"],
                       "message": first_line(validate["stdout"] + validate["stderr"])}
    print(f"[{size}] stock validate: rc={validate['rc']} {validate['wall']:.1f}s", file=sys.stderr, flush=True)

    for key, gc_off in (("compare", False), ("compare_gc_off", True)):
        result = run_child([PYTHON, str(HERE / "run.py"), "--child", "compare", str(directory)]
                           + (["--gc-off"] if gc_off else []), timeout, env=cold)
        record = child_records(result)
        record.update(rc=result["rc"], wall=result["wall"], timed_out=result["timed_out"],
                      child_maxrss_mb=result["maxrss_mb"])
        if result["rc"] != 0 and not result["timed_out"]:
            record["error"] = result["stderr"].strip().splitlines()[-1:] or ["?"]
        row[key] = record
        print(f"[{size}] child {key}: rc={result['rc']} {result['wall']:.1f}s"
              + (" (stopped at the time limit)" if result["timed_out"] else ""), file=sys.stderr, flush=True)

    def cli_run(argv: list[str], env: dict[str, str], key: str, label: str) -> dict[str, Any]:
        result = run_child(argv, timeout, env=env)
        row[key] = {"wall": result["wall"], "rc": result["rc"], "maxrss_mb": result["maxrss_mb"],
                    "timed_out": result["timed_out"],
                    "message": first_line(result["stderr"].replace(f"wrote {os.devnull}", ""))}
        print(f"[{size}] {label}: rc={result['rc']} {result['wall']:.1f}s", file=sys.stderr, flush=True)
        return result

    arguments = ["compare", str(YEAR), str(YEAR + 1), "--data-dir", str(directory), "--format", "json",
                 "--output", os.devnull]
    stock = cli_run([CLI, *arguments], cold, "cli", "stock CLI, no memo")
    runnable = [CLI, *arguments]
    if stock["rc"] != 0 and not stock["timed_out"]:
        runnable = [PYTHON, "-c", LIFTED_CLI, *arguments]
        cli_run(runnable, cold, "cli_lifted", "CLI, limits lifted, no memo")
    with tempfile.TemporaryDirectory() as memo:
        cli_run(runnable, environment(POLICYDIFF_CACHE_DIR=memo), "cli_first", "CLI, empty memo")
        cli_run(runnable, environment(POLICYDIFF_CACHE_DIR=memo), "cli_warm", "CLI, warm memo")
    return row


def measure_startup(runs: int, timeout: float) -> dict[str, Any]:
    """Median wall time of the CLI on the bundled data and of the bare imports it cannot avoid."""
    compare = [CLI, "compare", "2024", "2025", "--format", "json"]
    with tempfile.TemporaryDirectory() as scratch, tempfile.TemporaryDirectory() as memo:
        warm, cold = environment(POLICYDIFF_CACHE_DIR=memo), environment(**NO_CACHE)
        commands: dict[str, tuple[list[str], dict[str, str]]] = {
            "cli": (compare, warm),
            "cli_no_memo": (compare, cold),
            "imports": ([PYTHON, "-c", "import typer, rich.table, yaml, rapidfuzz.process"], cold),
            "python": ([PYTHON, "-c", "pass"], cold),
            "version": ([CLI, "--version"], cold),
            "import_cli": ([PYTHON, "-c", "import policydiff.cli.app"], cold),
            "api_only": ([PYTHON, "-c", "import policydiff; policydiff.compare(2024, 2025)"], cold),
        }
        # scratch has no ./data, so the bundled data is used; the first round warms the page
        # cache, the .pyc files and the memo
        for argv, env in commands.values():
            run_child(argv, timeout, cwd=Path(scratch), capture=False, env=env)
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(runs):  # interleaved, so drift affects every command alike
            for name, (argv, env) in commands.items():
                result = run_child(argv, timeout, cwd=Path(scratch), capture=False, env=env)
                if result["rc"] != 0:
                    raise SystemExit(f"startup: {' '.join(argv)} exited {result['rc']}")
                times[name].append(result["wall"])
    medians = {name: statistics.median(values) for name, values in times.items()}
    return {"runs": runs, "median_s": medians, "min_s": {n: min(v) for n, v in times.items()},
            "ratio": medians["cli"] / medians["imports"],
            "ratio_no_memo": medians["cli_no_memo"] / medians["imports"]}


def import_times(argv: list[str], top: int = 15) -> list[dict[str, Any]]:
    """The `top` imports by cumulative time from python -X importtime (memo off)."""
    with tempfile.TemporaryDirectory() as scratch:
        result = subprocess.run([PYTHON, "-X", "importtime", *argv], capture_output=True, text=True, cwd=scratch,
                                env=environment(**NO_CACHE))
    rows = []
    for line in result.stderr.splitlines():
        match = re.match(r"import time:\s+(\d+) \|\s+(\d+) \| (\s*)(\S+)", line)
        if match:
            rows.append({"self_ms": int(match.group(1)) / 1000, "cumulative_ms": int(match.group(2)) / 1000,
                         "depth": len(match.group(3)) // 2, "module": match.group(4)})
    rows.sort(key=lambda r: -r["cumulative_ms"])
    return rows[:top]


# -- report -------------------------------------------------------------------------------

def machine() -> dict[str, Any]:
    def version(module: str) -> str:
        script = (f"import importlib.metadata as m, sys\ntry: print(m.version({module!r}))\n"
                  "except Exception: print('not installed')")
        return subprocess.run([PYTHON, "-c", script], capture_output=True, text=True).stdout.strip()

    def git(*args: str) -> str:
        try:
            return subprocess.run(["git", *args], capture_output=True, text=True, cwd=ROOT).stdout.strip()
        except OSError:
            return ""

    libyaml = subprocess.run([PYTHON, "-c", "import yaml; print(yaml.__with_libyaml__)"], capture_output=True,
                             text=True).stdout.strip()
    cpu = ""
    if Path("/proc/cpuinfo").is_file():
        cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                    if line.startswith("model name")), "")
    return {
        "nproc": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "cpu": cpu, "python": platform.python_version(), "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "memory_gb": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1),
        "policydiff": version("policydiff"),
        "commit": git("rev-parse", "--short", "HEAD") + (" (dirty)" if git("status", "--porcelain", "--", "policydiff") else ""),
        "packages": {name: version(name) for name in ("pyyaml", "rapidfuzz", "numpy", "typer", "pydantic", "rich", "opencc")},
        "libyaml": libyaml,
    }


def _s(value: Any, digits: int = 2) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def markdown(results: dict[str, Any]) -> str:
    info = results["machine"]
    lines = [f"## policydiff benchmarks ({time.strftime('%Y-%m-%d', time.localtime(results['started']))})", "",
             f"Machine: {info['nproc']} CPUs ({info['cpu'] or 'unknown CPU'}), {info['memory_gb']} GB, "
             f"{info['platform']}; {info['implementation']} {info['python']}; policydiff {info['policydiff']} "
             f"at {info['commit']}; " + ", ".join(f"{k} {v}" for k, v in info["packages"].items())
             + f"; libyaml: {info['libyaml']}.", ""]
    if results["sizes"]:
        limit = f"{results['timeout']:.0f}"

        def wall(run: dict[str, Any] | None) -> str:
            if run is None:
                return "(not needed)"
            if run.get("timed_out"):
                return f"stopped at {limit}"
            return f"{run['wall']:.2f}" if run["rc"] == 0 else f"exit {run['rc']} after {run['wall']:.1f}"

        def stage(record: dict[str, Any], key: str) -> str:
            if record.get(key) is not None:
                return _s(record[key])
            return f"stopped at {limit}" if record.get("timed_out") else "—"

        def targets(row: dict[str, Any]) -> str:
            counts = row["compare"].get("targets") or [row["size"], "?"]
            return f"{counts[0]:,} × {counts[1]:,}"

        lines += ["### As shipped (memo off unless stated)", "", "| targets A × B | files MB | `policydiff validate A B` | "
                  "`policydiff compare … --format json --output /dev/null` (s) | peak MB | same, first run with an empty memo "
                  "| same, warm memo |",
                  "| --- | --- | --- | --- | --- | --- | --- |"]
        for row in results["sizes"]:
            validate, cli = row["validate"], row["cli"]
            message = "ok" if validate["rc"] == 0 else f"exit {validate['rc']}: {validate['message']}"
            if validate.get("timed_out"):
                message = f"stopped at {limit} s"
            lifted = " (limits lifted)" if "cli_lifted" in row else ""
            first, warm = row.get("cli_first"), row.get("cli_warm")
            lines.append(f"| {targets(row)} | {sum(row['bytes']) / 1e6:.1f} | {message} | {wall(cli)} "
                         f"| {cli['maxrss_mb']:.0f} | {wall(first)}{lifted if first else ''} "
                         f"| {wall(warm)}{lifted if warm else ''} |")
        lines += ["", "### Library path, limits lifted, memo off (seconds; peak MB is the child's ru_maxrss)", "",
                  "| targets A × B | load both | align (of which scoring) | outcomes + diff | `compare_sets` total "
                  "| peak MB | CLI `compare` (limits lifted if refused) | CLI peak MB | pairs right / kept (wrong) |",
                  "| " + " | ".join(["---"] * 9) + " |"]
        for row in results["sizes"]:
            compare = row["compare"]
            align_text = stage(compare, "align_s")
            if compare.get("candidates_s") is not None:
                align_text += f" ({compare['candidates_s']:.2f})"
            diff = (None if compare.get("diff_s") is None
                    else compare["diff_s"] + (compare.get("outcomes_s") or 0))
            accuracy = (f"{compare['correct']:,} / {compare['kept']:,} ({compare['wrong']:,})"
                        if "correct" in compare else "—")
            cli = row.get("cli_lifted") or row["cli"]
            lines.append(f"| {targets(row)} | {stage(compare, 'load_s')} | {align_text} | {_s(diff)} "
                         f"| {stage(compare, 'compare_s')} | {compare.get('maxrss_mb', compare['child_maxrss_mb']):.0f} "
                         f"| {wall(cli)} | {cli['maxrss_mb']:.0f} | {accuracy} |")
        lines += ["", "### Library path with the garbage collector disabled (gc.disable() first thing in the child)", "",
                  "| targets A × B | load both | align | `compare_sets` total | peak MB |",
                  "| --- | --- | --- | --- | --- |"]
        for row in results["sizes"]:
            compare = row["compare_gc_off"]
            lines.append(f"| {targets(row)} | {stage(compare, 'load_s')} | {stage(compare, 'align_s')} "
                         f"| {stage(compare, 'compare_s')} | {compare.get('maxrss_mb', compare['child_maxrss_mb']):.0f} |")
        lines.append("")
        if results["machine"].get("commit") != results.get("commit_after"):
            lines += [f"**Warning:** policydiff changed during the run ({results['machine'].get('commit')} → "
                      f"{results.get('commit_after')}); the rows may mix versions.", ""]
    startup = results.get("startup")
    if startup:
        median = startup["median_s"]
        lines += [f"### Start-up (median of {startup['runs']} runs, wall seconds)", "",
                  "| command | median | min |", "| --- | --- | --- |"]
        labels = {"cli": "`policydiff compare 2024 2025 --format json` (bundled data, warm memo)",
                  "cli_no_memo": "the same with `POLICYDIFF_NO_CACHE=1`",
                  "imports": "`python -c \"import typer, rich.table, yaml, rapidfuzz.process\"`",
                  "python": "`python -c pass`", "version": "`policydiff --version`",
                  "import_cli": "`python -c \"import policydiff.cli.app\"`",
                  "api_only": "`python -c \"import policydiff; policydiff.compare(2024, 2025)\"`"}
        for name, label in labels.items():
            lines.append(f"| {label} | {median[name]:.3f} | {startup['min_s'][name]:.3f} |")
        lines.append("")
        for key, label in (("ratio", "warm memo"), ("ratio_no_memo", "memo off")):
            if key in startup:
                verdict = "meets" if startup[key] <= 1.25 else "misses"
                lines.append(f"Ratio CLI / bare imports, {label}: **{startup[key]:.2f}×** ({verdict} the ≤ 1.25× goal).  ")
        lines.append("")
    for key, title in (("importtime_cli", "`python -X importtime -c \"import policydiff.cli.app\"`"),
                       ("importtime_compare", "`python -X importtime -m policydiff compare 2024 2025 --format json` (memo off)")):
        if results.get(key):
            lines += [f"### Top 15 imports by cumulative time: {title}", "",
                      "| cumulative ms | self ms | module |", "| --- | --- | --- |"]
            lines += [f"| {r['cumulative_ms']:.1f} | {r['self_ms']:.1f} | {'· ' * r['depth']}{r['module']} |"
                      for r in results[key]]
            lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,50000", help="comma-separated target counts")
    parser.add_argument("--cache", type=Path, default=HERE / ".cache", help="where generated files are kept")
    parser.add_argument("--seed", type=int, default=2030)
    parser.add_argument("--timeout", type=float, default=300, help="seconds before a measuring child is stopped")
    parser.add_argument("--startup-runs", type=int, default=15)
    parser.add_argument("--skip-startup", action="store_true", help="only the size benchmarks")
    parser.add_argument("--json", type=Path, help="also write the raw results here")
    parser.add_argument("--child", choices=("compare",), help=argparse.SUPPRESS)
    parser.add_argument("--gc-off", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("directory", nargs="?", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.child:
        child_compare(args.directory, args.gc_off)
        return 0

    sizes = [int(part) for part in args.sizes.split(",") if part.strip()] if args.sizes else []
    results: dict[str, Any] = {"started": time.time(), "timeout": args.timeout, "machine": machine(), "sizes": []}
    args.cache.mkdir(parents=True, exist_ok=True)
    for size in sizes:
        results["sizes"].append(measure_size(size, args.cache, args.seed, args.timeout))
    if not args.skip_startup:
        print("startup …", file=sys.stderr, flush=True)
        results["startup"] = measure_startup(args.startup_runs, args.timeout)
        results["importtime_cli"] = import_times(["-c", "import policydiff.cli.app"])
        results["importtime_compare"] = import_times(["-m", "policydiff", "compare", "2024", "2025", "--format",
                                                      "json", "--output", os.devnull])
    results["commit_after"] = machine()["commit"]
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(markdown(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
