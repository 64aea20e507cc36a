"""The one exception family of dossierflow.

Every error a user can meet says what is wrong, where (file, row, column) and how to fix it.
"""

from __future__ import annotations


class DossierflowError(Exception):
    """Base of all errors dossierflow raises on purpose.

    ``row`` is 1-based as the user sees it in the source (the line of a CSV file, the row of
    an Excel sheet, the event number of an XES log).
    """

    def __init__(
        self,
        what: str,
        *,
        file: str | None = None,
        row: int | None = None,
        column: str | None = None,
        fix: str | None = None,
    ) -> None:
        self.what = what
        self.file = file
        self.row = row
        self.column = column
        self.fix = fix
        super().__init__(self.message)

    @property
    def where(self) -> str:
        parts = []
        if self.file:
            parts.append(str(self.file))
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column is not None:
            parts.append(f"column '{self.column}'")
        return ", ".join(parts)

    @property
    def message(self) -> str:
        text = f"{self.where}: {self.what}" if self.where else self.what
        if self.fix:
            text += f" How to fix: {self.fix}"
        return text


class InputFileError(DossierflowError):
    """The file cannot be read: format, encoding, size, structure."""


class UnsafeInputError(InputFileError):
    """The file tries something dangerous (XML entities, decompression bombs)."""


class ColumnMappingError(DossierflowError):
    """Required columns are missing or the mapping file is wrong."""


class TimestampError(DossierflowError):
    """A timestamp column cannot be parsed or its day/month order is ambiguous."""


class CalendarError(DossierflowError):
    """The working-time calendar is misconfigured or asked about dates it does not cover."""


class WorkspaceError(DossierflowError):
    """An imported workspace is missing or unreadable."""


class FieldError(DossierflowError):
    """A structured file (a model, a scenario) has a wrong value: ``field`` is the path of the
    offending field, e.g. ``processes[0].steps[3].pool``."""

    def __init__(self, what: str, *, field: str | None = None, file: str | None = None,
                 fix: str | None = None) -> None:
        self.field = field
        super().__init__(what, file=file, fix=fix)

    @property
    def where(self) -> str:
        parts = [str(self.file)] if self.file else []
        if self.field:
            parts.append(f"field '{self.field}'")
        return ", ".join(parts)
