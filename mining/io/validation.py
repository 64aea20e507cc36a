"""The validation report: every row that could not be used, counted with its reason, and the
dossiers whose events are in an impossible order."""

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
    action: str = "dropped"  # "dropped" | "repaired" | "kept" | "merged" | "excluded"


@dataclass
class OrderFinding:
    """The dossiers breaking one order rule (mining/io/event_order.py), the first of them."""

    rule: str
    description: str
    dossiers: int
    examples: list[str]
    action: str = "flagged"  # "flagged" (kept) | "excluded"


@dataclass
class ValidationReport:
    """What happened to the rows of one import."""

    file: str
    rows_read: int = 0
    rows_kept: int = 0
    issues: list[Issue] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    orders: list[OrderFinding] = field(default_factory=list)

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

    @property
    def rows_excluded(self) -> int:
        """Rows of dossiers left out for an impossible order of their events."""
        return sum(i.count for i in self.issues if i.action == "excluded")

    def to_dict(self) -> dict:
        """Plain data for JSON."""
        return {**asdict(self), "rows_dropped": self.rows_dropped,
                "rows_excluded": self.rows_excluded}

    @classmethod
    def from_dict(cls, data: dict) -> ValidationReport:
        data = {k: v for k, v in data.items() if k not in ("rows_dropped", "rows_excluded")}
        data["issues"] = [Issue(**i) for i in data.get("issues", [])]
        data["orders"] = [OrderFinding(**o) for o in data.get("orders", [])]
        return cls(**data)

    def lines(self) -> list[str]:
        """The report as text lines for the terminal."""
        excluded = (f", {self.rows_excluded:,} excluded (dossiers in an impossible order)"
                    if self.rows_excluded else "")
        out = [f"Validation of {self.file}: {self.rows_read:,} rows read, "
               f"{self.rows_kept:,} used, {self.rows_dropped:,} not used{excluded}."]
        for issue in self.issues:
            where = f" [column '{issue.column}']" if issue.column else ""
            more = " …" if issue.count > len(issue.rows) else ""
            rows = ", ".join(map(str, issue.rows)) + more
            out.append(f"  {issue.action:>8}: {issue.count:,} rows — {issue.reason}{where}; "
                       f"rows {rows}")
        for order in self.orders:
            more = " …" if order.dossiers > len(order.examples) else ""
            kept = "kept" if order.action == "flagged" else "left out"
            plural = "s" if order.dossiers != 1 else ""
            out.append(f"  {order.action:>8}: {order.dossiers:,} dossier{plural} — "
                       f"{order.description} [rule {order.rule}]: "
                       f"{', '.join(order.examples)}{more} ({kept}; see the workspace's "
                       "flags table)")
        out.extend(f"  note: {n}" for n in self.notes)
        return out
