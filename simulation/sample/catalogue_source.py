"""The hand-written source of the synthetic catalogue, read from ``datasets/catalogue/source``.

One tab-separated table per file (UTF-8, NFC, one header row; ``datasets/README.md`` describes
each column), plus the hand-written ``datasets/catalogue/agencies.csv``, which the builder
(:mod:`dossierflow.simulation.sample.build_catalogue`) copies through unchanged.
:func:`read_source` reads them all into the typed rows the builder combines.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from dossierflow.mining.errors import DossierflowError
from dossierflow.simulation.sample.catalogue import CATALOGUE_DIR

SOURCE_DIR = CATALOGUE_DIR / "source"
AGENCIES_FILE = CATALOGUE_DIR / "agencies.csv"


@dataclass(frozen=True)
class Verb:
    """How a verb turns an object into a procedure name and shapes its attributes."""

    vi: str  # name template, "{}" standing for the object
    en: str
    days: float  # share of the object's first-issue legal time
    simple: bool  # a low-discretion document check (a 5 tại chỗ candidate)
    first: bool  # a first issue: site inspection and consultation apply
    demand: float  # share of the object's first-issue demand
    fee: float  # share of the object's first-issue fee
    result: str  # overrides the object's result type when not empty


@dataclass(frozen=True)
class Field:
    """A field (lĩnh vực) of an agency and the defaults of its objects."""

    vi: str
    en: str
    volume: float  # yearly dossiers of an object that names none
    fee: int  # VND, first-issue fee of an object that names none


@dataclass(frozen=True)
class FieldObject:
    """An object of a field; each of its verbs makes one candidate procedure."""

    agency_id: str
    field_vi: str
    vi: str  # may name a family as {FAMILY}: one object per member
    en: str
    verbs: tuple[str, ...]
    legal_days: float  # at first issue
    result_type: str
    site: bool  # site inspection at first issue
    inter: bool  # another agency's opinion at first issue
    simple: bool  # a simple document check even at first issue
    volume: float | None  # yearly dossiers at first issue, None for the field's default
    fee: int | None  # VND at first issue, None for the field's default


@dataclass(frozen=True)
class Procedure:
    """A catalogue entry while it is being built."""

    agency_id: str
    field_vi: str
    field_en: str
    name_vi: str
    name_en: str
    legal_days: float  # before any reform
    result_type: str
    simple: bool
    site: bool
    inter: bool
    volume: float  # dossiers a year, before noise and scaling
    spread: float  # lognormal sigma of the volume: small when the field table names it
    fee: int
    first: bool  # a first issue (kept before re-issues when an agency's pool is trimmed)
    online_level: str = ""
    eligible: bool = False
    source: str = "synthetic"


@dataclass(frozen=True)
class Source:
    """Everything the builder reads, in file order."""

    agency_columns: tuple[str, ...]
    agencies: tuple[tuple[str, ...], ...]  # rows of agencies.csv, as text
    procedure_counts: dict[str, int]  # also the order in which agencies are built
    real: tuple[Procedure, ...]
    vertical: dict[str, tuple[Procedure, ...]]
    verbs: dict[str, Verb]
    families: dict[str, tuple[tuple[str, str], ...]]
    fields: dict[tuple[str, str], Field]  # by (agency_id, field_vi)
    objects: dict[str, tuple[FieldObject, ...]]  # by agency_id


def _rows(path: Path, **dialect: object) -> tuple[tuple[str, ...], list[tuple[str, ...]]]:
    """The header and the rows of a hand-written table, each row as long as the header."""
    if not path.is_file():
        raise DossierflowError(f"{path} is missing.",
                               fix="restore it from version control: it is hand-written.")
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [tuple(row) for row in csv.reader(handle, **dialect)]
    header, body = rows[0], rows[1:]
    for number, row in enumerate(body, start=2):
        if len(row) != len(header):
            raise DossierflowError(f"{path}, line {number}: {len(row)} cells for "
                                   f"{len(header)} columns.", fix="one value per column.")
    return header, body


def read_table(name: str, directory: Path = SOURCE_DIR) -> list[dict[str, str]]:
    """The rows of ``directory/name`` (tab-separated, one header row) as text dicts."""
    header, body = _rows(Path(directory) / name, delimiter="\t", quoting=csv.QUOTE_NONE)
    return [dict(zip(header, row, strict=True)) for row in body]


def _fixed(row: dict[str, str]) -> Procedure:
    """A procedure listed in full (real or vertical), before its online level is drawn."""
    eligible = row.get("five_on_spot_eligible") == "1"
    source = "synthetic"
    if "domain_ref" in row:
        source = f"docs/domain.md §7 {row['domain_ref'].split()[-1]} [{row['source_marker']}]"
    return Procedure(
        row["agency_id"], row["field_vi"], row["field_en"], row["name_vi"], row["name_en"],
        float(row["legal_days"]), row["result_type"], eligible,
        row.get("needs_site_inspection") == "1", row.get("inter_agency") == "1",
        float(row["yearly_dossiers"]), 0.0, int(row["fee_vnd"]), True, row["online_level"],
        eligible, source)


def _verb(row: dict[str, str]) -> Verb:
    return Verb(row["name_vi"], row["name_en"], float(row["legal_days_share"]),
                row["simple_check"] == "1", row["first_issue"] == "1",
                float(row["demand_share"]), float(row["fee_share"]), row["result_type"])


def _object(row: dict[str, str]) -> FieldObject:
    return FieldObject(
        row["agency_id"], row["field_vi"], row["object_vi"], row["object_en"],
        tuple(row["verbs"].split()), float(row["legal_days"]), row["result_type"],
        row["site_inspection"] == "1", row["inter_agency"] == "1", row["simple_check"] == "1",
        float(row["yearly_dossiers"]) if row["yearly_dossiers"] else None,
        int(row["fee_vnd"]) if row["fee_vnd"] else None)


def _grouped(items: list, key: str) -> dict[str, tuple]:
    groups: dict[str, list] = {}
    for item in items:
        groups.setdefault(getattr(item, key), []).append(item)
    return {name: tuple(members) for name, members in groups.items()}


def read_source(directory: Path = SOURCE_DIR, agencies_file: Path = AGENCIES_FILE) -> Source:
    """Read the source tables of ``directory`` and the agencies of ``agencies_file``."""
    agency_columns, agencies = _rows(Path(agencies_file))
    families: dict[str, list[tuple[str, str]]] = {}
    for row in read_table("families.tsv", directory):
        families.setdefault(row["family"], []).append((row["object_vi"], row["object_en"]))
    fields = {(row["agency_id"], row["field_vi"]): Field(
        row["field_vi"], row["field_en"], float(row["yearly_dossiers"]), int(row["fee_vnd"]))
        for row in read_table("fields.tsv", directory)}
    objects = [_object(row) for row in read_table("field_objects.tsv", directory)]
    unknown = {(o.agency_id, o.field_vi) for o in objects} - set(fields)
    if unknown:
        raise DossierflowError(f"field_objects.tsv names fields not in fields.tsv: "
                               f"{sorted(unknown)}", fix="add them to fields.tsv.")
    return Source(
        agency_columns=agency_columns, agencies=tuple(agencies),
        procedure_counts={row["agency_id"]: int(row["procedures"])
                          for row in read_table("procedure_counts.tsv", directory)},
        real=tuple(_fixed(row) for row in read_table("real_procedures.tsv", directory)),
        vertical=_grouped([_fixed(row) for row in read_table("vertical_procedures.tsv",
                                                             directory)], "agency_id"),
        verbs={row["verb"]: _verb(row) for row in read_table("verbs.tsv", directory)},
        families={name: tuple(members) for name, members in families.items()},
        fields=fields, objects=_grouped(objects, "agency_id"))
