"""The validation report: every row that could not be used, counted with its reason."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

import numpy as np

SAMPLE_ROWS = 10


@dataclass
class Issue:
    """One reason, how many rows it concerned and the first of them (1-based source rows)."""

    reason: str
    count: int
    rows: list[int]
    column: str | None = None
    action: str = "dropped"  # "dropped" | "repaired" | "kept"


@dataclass
class ValidationReport:
    """What happened to the rows of one import."""

    file: str
    rows_read: int = 0
    rows_kept: int = 0
    issues: list[Issue] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add(self, reason: str, mask: np.ndarray, row_numbers: np.ndarray, *,
            column: str | None = None, action: str = "dropped") -> None:
        """Record the rows selected by ``mask`` under ``reason`` (nothing if none)."""
        mask = np.asarray(mask, dtype=bool)
        count = int(mask.sum())
        if count:
            rows = [int(r) for r in np.asarray(row_numbers)[mask][:SAMPLE_ROWS]]
            self.issues.append(Issue(reason, count, rows, column, action))

    @property
    def rows_dropped(self) -> int:
        return sum(i.count for i in self.issues if i.action == "dropped")

    def to_dict(self) -> dict:
        """Plain data for JSON."""
        return {**asdict(self), "rows_dropped": self.rows_dropped}

    @classmethod
    def from_dict(cls, data: dict) -> ValidationReport:
        data = {k: v for k, v in data.items() if k != "rows_dropped"}
        data["issues"] = [Issue(**i) for i in data.get("issues", [])]
        return cls(**data)

    def lines(self) -> list[str]:
        """The report as text lines for the terminal."""
        out = [f"Validation of {self.file}: {self.rows_read:,} rows read, "
               f"{self.rows_kept:,} used, {self.rows_dropped:,} not used."]
        for issue in self.issues:
            where = f" [column '{issue.column}']" if issue.column else ""
            more = " …" if issue.count > len(issue.rows) else ""
            rows = ", ".join(map(str, issue.rows)) + more
            out.append(f"  {issue.action:>8}: {issue.count:,} rows — {issue.reason}{where}; "
                       f"rows {rows}")
        out.extend(f"  note: {n}" for n in self.notes)
        return out
