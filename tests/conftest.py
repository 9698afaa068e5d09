"""Hypothesis profiles: "dev" (default, fast), "ci", and "deep" (HYPOTHESIS_PROFILE=deep)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "dev", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "ci", max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "deep", max_examples=2000, deadline=None, suppress_health_check=list(HealthCheck)
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))

DEMO_PACK = """
[pack]
name = "demo"
kind = "terms"

[[rules]]
id = "navo"
note = "Dutch acronym left untranslated"
find = "Navo"
replace = "NATO"
case = "exact"
"""


@pytest.fixture(scope="session")
def demo_pack_text() -> str:
    """The TOML of a one-rule terms pack (Navo -> NATO)."""
    return DEMO_PACK


@pytest.fixture
def pack(tmp_path: Path) -> str:
    """Path of the one-rule demo terms pack, written into the test's ``tmp_path``."""
    path = tmp_path / "demo.toml"
    path.write_text(DEMO_PACK, encoding="utf-8")
    return str(path)
