"""Where the tests find the repository and its bundled mini log."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "datasets" / "sample" / "mini_centre.csv"
