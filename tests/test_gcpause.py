"""The collector is paused only for the duration of a stage, and restored on errors too."""

from __future__ import annotations

import gc

import pytest

from policydiff.load.gcpause import gc_paused


@pytest.mark.parametrize("enabled", [pytest.param(True, id="was-on"), pytest.param(False, id="was-off")])
def test_state_is_restored(enabled: bool) -> None:
    (gc.enable if enabled else gc.disable)()
    try:
        with pytest.raises(RuntimeError):
            with gc_paused():
                assert not gc.isenabled()
                raise RuntimeError("stage failed")
        assert gc.isenabled() is enabled
    finally:
        gc.enable()
