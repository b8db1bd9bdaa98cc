from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED_DATA = Path(os.environ.get("CLEANER_SHARED_DATA", REPO.parent / "shared" / "data"))


def shared(path: str) -> Path:
    """A file under ../shared/data, or skip the test saying what is missing."""
    p = SHARED_DATA / path
    if not p.exists():
        pytest.skip(f"{p} is absent: shared data is not beside this checkout")
    return p


@pytest.fixture(scope="session")
def cleaner():
    from cleaner import Cleaner

    return Cleaner()
