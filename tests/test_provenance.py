"""Every evidence quote in data/ is copied from its source's text and states the recorded value
and qualifier: `policydiff.curation.verify` run over the bundled data.

The source texts live outside the repository (a `shared/` folder above the checkout:
shared/seeds for Baotou, shared/sources/china for China); without them these tests skip.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from policydiff.curation.verify import shared_dirs, verify_file

ROOT = Path(__file__).resolve().parent.parent
SHARED = next(iter(shared_dirs(ROOT / "data")), ROOT.parent / "shared")
REGIONS = [
    pytest.param(ROOT / "data", SHARED / "seeds", id="baotou"),
    pytest.param(ROOT / "data" / "china", SHARED / "sources" / "china", id="china"),
]


@pytest.mark.parametrize(("directory", "sources"), REGIONS)
def test_every_quote_is_in_its_source_and_states_the_value(directory: Path, sources: Path) -> None:
    files = sorted(directory.glob("targets_*.yaml"))
    if not files:
        pytest.skip(f"no data files in {directory}")
    if not sources.is_dir():
        pytest.skip(f"no source texts at {sources} (the shared/ folder beside the repository)")
    problems = [str(problem) for path in files for problem in verify_file(path, sources).problems
                if problem.is_error]
    assert not problems, "\n".join(problems)


def test_the_bundled_data_cites_files_for_its_quotes() -> None:
    """Without `file`, verify can only warn: every bundled source names its text."""
    from policydiff.load.loader import load_file

    for path in sorted((ROOT / "data").glob("targets_*.yaml")):
        assert all(source.file for source in load_file(path).sources), path.name
