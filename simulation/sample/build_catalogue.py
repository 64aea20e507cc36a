"""Seeded builder of the synthetic procedure catalogue of the Bắc Ninh centre, 2017–2023.

Reads the hand-written source (:mod:`dossierflow.simulation.sample.catalogue_source`: the
tables under ``datasets/catalogue/source`` and ``datasets/catalogue/agencies.csv``) and writes
``agencies.csv``, ``procedures.csv`` and ``reforms.csv``; with the default seed it reproduces
the committed files byte for byte::

    python -m dossierflow.simulation.sample.build_catalogue --out datasets/catalogue

The procedures of docs/domain.md §7 keep their real names and legal times; every other row is
synthetic, built from the usual verbs and objects of each field. Procedure codes have the
national format but are synthetic. :mod:`dossierflow.simulation.sample.catalogue` reads the
written files back.
"""

from __future__ import annotations

import argparse
import csv
import math
import random
import unicodedata
from collections.abc import Iterable
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import holidays

from dossierflow.simulation.sample.catalogue import CATALOGUE_DIR
from dossierflow.simulation.sample.catalogue_source import Procedure, Source, read_source

SEED = 20170517
YEARLY_DOSSIERS = 92_000  # the article's 552,000 dossiers spread over about six years
TARGET_CUT_PROCEDURES = 880  # the article: "over 850" procedures shortened since 2018
FIVE_ON_SPOT_MOVES = 365
LEGAL_GRID = (0.5, 1, 2, 3, 4, 5, 7, 10, 12, 15, 20, 25, 30, 35, 45, 60)
ONLINE_WEIGHTS = {"site": (0.15, 0.65, 0.20), "simple": (0.65, 0.30, 0.05),
                  "inter": (0.30, 0.55, 0.15), "other": (0.45, 0.40, 0.15)}
CUT_YEARS = (2018, 2019, 2020, 2021, 2022, 2023)
CUT_UNTIL = date(2023, 8, 31)  # the published figures run to the end of August 2023
YEAR_WEIGHTS = {"time_cut": (0.14, 0.22, 0.22, 0.20, 0.12, 0.10),
                "five_on_spot": (0.04, 0.20, 0.28, 0.26, 0.13, 0.09)}
ON_SPOT_DAYS = {0: 2, 0.5: 3, 1: 3, 2: 1}  # legal time after a move to 5 tại chỗ: weights
MAX_DECISION_SIZE = 40

PROCEDURE_COLUMNS = ("procedure_id", "name_vi", "name_en", "agency_id", "field_vi", "field_en",
                     "legal_days", "online_level", "fee", "result_type",
                     "five_on_spot_eligible", "needs_site_inspection", "inter_agency",
                     "demand_weight", "source")
REFORM_COLUMNS = ("procedure_id", "decision", "effective_date", "old_legal_days",
                  "new_legal_days", "cut_days", "kind")


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _snap(days: float) -> float:
    """The legal time on the usual grid nearest (by ratio) to ``days``."""
    return min(LEGAL_GRID, key=lambda g: abs(math.log(g / days)))


def _expand(vi: str, en: str, source: Source) -> list[tuple[str, str]]:
    """Expand a {FAMILY} placeholder into one (vi, en) object per family member."""
    match = [name for name in source.families if "{" + name + "}" in vi]
    if not match:
        return [(vi, en)]
    key = "{" + match[0] + "}"
    return [(vi.replace(key, v), en.replace(key, e)) for v, e in source.families[match[0]]]


def _pool(agency_id: str, source: Source) -> list[Procedure]:
    """All synthetic procedures the field table of an agency can name."""
    pool: list[Procedure] = []
    for obj in source.objects[agency_id]:
        field = source.fields[agency_id, obj.field_vi]
        volume = field.volume if obj.volume is None else obj.volume
        fee = field.fee if obj.fee is None else obj.fee
        for obj_vi, obj_en in _expand(obj.vi, obj.en, source):
            for code in obj.verbs:
                verb = source.verbs[code]
                name_vi = verb.vi.format(obj_vi)
                pool.append(Procedure(
                    agency_id=agency_id, field_vi=field.vi, field_en=field.en,
                    name_vi=name_vi[0].upper() + name_vi[1:],
                    name_en=verb.en.format(obj_en),
                    legal_days=_snap(obj.legal_days * verb.days),
                    result_type=verb.result or obj.result_type,
                    simple=verb.simple or obj.simple, site=verb.first and obj.site,
                    inter=verb.first and obj.inter, volume=volume * verb.demand,
                    spread=0.8 if obj.volume is None else 0.35,
                    fee=int(round(fee * verb.fee, -3)), first=verb.first))
    return pool


def _agency_procedures(agency_id: str, source: Source, rng: random.Random) -> list[Procedure]:
    """The agency's real procedures plus synthetic ones up to its count, grouped by field."""
    fixed = [p for p in source.real if p.agency_id == agency_id]
    fixed += source.vertical.get(agency_id, ())
    need = source.procedure_counts[agency_id] - len(fixed)
    taken = {p.name_vi for p in fixed}
    pool = [p for p in _pool(agency_id, source) if p.name_vi not in taken] if need else []
    if len(pool) < need:
        raise ValueError(f"{agency_id}: {len(pool)} synthetic names for {need} procedures")
    primary = [i for i, p in enumerate(pool) if p.first]
    secondary = [i for i, p in enumerate(pool) if not p.first]
    if len(primary) >= need:
        chosen = set(rng.sample(primary, need))
    else:
        chosen = set(primary + rng.sample(secondary, need - len(primary)))
    rows = fixed + [p for i, p in enumerate(pool) if i in chosen]
    fields = list(dict.fromkeys(p.field_vi for p in rows))
    return sorted(rows, key=lambda p: fields.index(p.field_vi))
def _online_level(p: Procedure, rng: random.Random) -> str:
    kind = ("site" if p.site else "simple" if p.simple else "inter" if p.inter else "other")
    return rng.choices(("full", "partial", "none"), ONLINE_WEIGHTS[kind])[0]


def _procedure_ids(n: int, rng: random.Random) -> list[str]:
    """Unique codes in the national format (1.0xxxxx, 2.00xxxx, 3.000xxx), synthetic."""
    ids: set[str] = set()
    out = []
    while len(out) < n:
        u = rng.random()
        code = (f"1.{rng.randint(1, 12_999):06d}" if u < 0.55 else
                f"2.{rng.randint(1, 2_699):06d}" if u < 0.95 else
                f"3.{rng.randint(1, 399):06d}")
        if code not in ids:
            ids.add(code)
            out.append(code)
    return out


def _time_cut(old: float, rng: random.Random) -> float:
    """A cut of 0.5 to 10 working days (0.5 steps) that leaves at least half a day."""
    if rng.random() < 0.15:
        cut = 0.5
    else:
        cut = old * rng.uniform(0.2, 0.45)
        cut = round(cut) if old >= 4 else round(cut * 2) / 2
    return min(max(cut, 0.5), 10.0, old - 0.5)


def _on_spot_days(old: float, rng: random.Random) -> float:
    options = [d for d in ON_SPOT_DAYS if d < old and old - d <= 10]
    return rng.choices(options, [ON_SPOT_DAYS[d] for d in options])[0]


def _year(kind: str, rng: random.Random, after: int = 0, before: int = 9999) -> int:
    years = [y for y in CUT_YEARS if after < y < before]
    weights = [w for y, w in zip(CUT_YEARS, YEAR_WEIGHTS[kind], strict=True) if after < y < before]
    return rng.choices(years, weights)[0]


def _plan_reforms(procs: list[Procedure], vertical: Iterable[str],
                  rng: random.Random) -> list[list[tuple[str, float]]]:
    """Per procedure, its chain of (kind, new legal days), oldest first; no reform touches a
    real row or an agency in ``vertical``."""
    untouched = set(vertical)
    plans: list[list[tuple[str, float]]] = [[] for _ in procs]
    open_ = [i for i, p in enumerate(procs)
             if p.source == "synthetic" and p.agency_id not in untouched
             and p.legal_days >= 0.5]
    movable = [i for i in open_ if procs[i].simple and not procs[i].site
               and not procs[i].inter and procs[i].legal_days <= 12]
    moved = rng.sample(movable, FIVE_ON_SPOT_MOVES)
    for i in moved:
        old = procs[i].legal_days
        if old >= 3 and rng.random() < 0.25:
            old -= _time_cut(old, rng)
            plans[i].append(("time_cut", old))
        plans[i].append(("five_on_spot", _on_spot_days(old, rng)))
    moved_set = set(moved)
    rest = [i for i in open_ if i not in moved_set and procs[i].legal_days >= 1]
    for i in rng.sample(rest, TARGET_CUT_PROCEDURES - FIVE_ON_SPOT_MOVES):
        new = procs[i].legal_days - _time_cut(procs[i].legal_days, rng)
        plans[i].append(("time_cut", new))
        if new >= 2 and rng.random() < 0.12:
            plans[i].append(("time_cut", new - _time_cut(new, rng)))
    return plans


def _working_day(year: int, rng: random.Random, days_off: holidays.HolidayBase) -> date:
    span = min(365, (CUT_UNTIL - date(year, 1, 1)).days + 1)
    while True:
        day = date(year, 1, 1) + timedelta(days=rng.randrange(span))
        if day.weekday() < 5 and day not in days_off:
            return day


def _reform_rows(procs: list[Procedure], ids: list[str], plans: list,
                 rng: random.Random) -> list[dict]:
    """Dated reform rows grouped into provincial decisions (QĐ .../QĐ-UBND)."""
    steps = []  # (year, agency, kind, procedure index, step number)
    for i, plan in enumerate(plans):
        year = 0
        for n, (kind, _) in enumerate(plan):
            later = len(plan) - n - 1
            year = _year(kind, rng, after=year, before=2024 - later)
            steps.append((year, procs[i].agency_id, kind, i, n))
    days_off = holidays.country_holidays("VN", years=CUT_YEARS)
    groups: dict[tuple, list] = {}
    for step in sorted(steps):
        groups.setdefault(step[:3], []).append(step)
    used_numbers: dict[int, set[int]] = {y: set() for y in CUT_YEARS}
    rows = []
    for (year, _, _), members in groups.items():
        n_decisions = math.ceil(len(members) / MAX_DECISION_SIZE)
        for chunk in range(n_decisions):
            day = _working_day(year, rng, days_off)
            number = int((day.timetuple().tm_yday / 366) * 2300) + rng.randint(1, 30)
            while number in used_numbers[year]:
                number += 1
            used_numbers[year].add(number)
            for _, _, kind, i, n in members[chunk::n_decisions]:
                old = procs[i].legal_days if n == 0 else plans[i][n - 1][1]
                new = plans[i][n][1]
                rows.append({"procedure_id": ids[i], "decision": f"QĐ {number}/QĐ-UBND",
                             "effective_date": day.isoformat(), "old_legal_days": old,
                             "new_legal_days": new, "cut_days": old - new, "kind": kind})
    return sorted(rows, key=lambda r: (r["effective_date"], r["decision"], r["procedure_id"]))


def build(seed: int = SEED, source: Source | None = None
          ) -> tuple[list[dict], list[dict], list[dict]]:
    """The agency, procedure and reform rows, from ``seed`` and ``source`` (default: the
    committed source, :func:`read_source`)."""
    source = read_source() if source is None else source
    rng = random.Random(seed)
    procs = [p for agency in source.procedure_counts
             for p in _agency_procedures(agency, source, rng)]
    procs = [p if p.online_level else replace(p, online_level=_online_level(p, rng))
             for p in procs]
    ids = _procedure_ids(len(procs), rng)
    plans = _plan_reforms(procs, source.vertical, rng)
    reform_rows = _reform_rows(procs, ids, plans, rng)
    volumes = [p.volume * rng.lognormvariate(0, p.spread) for p in procs]
    scale = YEARLY_DOSSIERS / sum(volumes)
    procedure_rows = []
    for p, pid, plan, volume in zip(procs, ids, plans, volumes, strict=True):
        current = plan[-1][1] if plan else p.legal_days
        eligible = p.eligible if p.source != "synthetic" else (
            p.simple and not p.site and not p.inter and current <= 5)
        procedure_rows.append({
            "procedure_id": pid, "name_vi": p.name_vi, "name_en": p.name_en,
            "agency_id": p.agency_id, "field_vi": p.field_vi, "field_en": p.field_en,
            "legal_days": current, "online_level": p.online_level, "fee": p.fee,
            "result_type": p.result_type, "five_on_spot_eligible": int(eligible),
            "needs_site_inspection": int(p.site), "inter_agency": int(p.inter),
            "demand_weight": max(0.1, round(volume * scale, 1)), "source": p.source})
    _check_names(procedure_rows)
    agency_rows = [dict(zip(source.agency_columns, row, strict=True)) for row in source.agencies]
    _check_agencies(agency_rows, source.procedure_counts)
    return agency_rows, procedure_rows, reform_rows


def _check_names(rows: list[dict]) -> None:
    for column in ("name_vi", "name_en"):
        seen: set[tuple[str, str]] = set()
        for row in rows:
            key = (row["agency_id"], row[column])
            if key in seen:
                raise ValueError(f"duplicate {column} in {key[0]}: {key[1]}")
            seen.add(key)


def _check_agencies(rows: list[dict], counts: dict[str, int]) -> None:
    """Every agency with procedures is an agency of the centre in agencies.csv."""
    centre = {row["agency_id"] for row in rows if row["in_centre_2017_2023"] == "1"}
    missing = set(counts) - centre
    if missing:
        raise ValueError(f"procedure_counts.tsv names agencies not in the centre: "
                         f"{sorted(missing)}")


def _cell(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.1f}".rstrip("0").rstrip(".") if value != int(value) else str(int(value))
    return _nfc(str(value))


def _write(path: Path, columns: Iterable[str], rows: list[dict]) -> None:
    columns = list(columns)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([_cell(row[c]) for c in columns] for row in rows)


def write_catalogue(out: Path = CATALOGUE_DIR, seed: int = SEED) -> None:
    """Write agencies.csv, procedures.csv and reforms.csv into ``out``."""
    source = read_source()
    agency_rows, procedure_rows, reform_rows = build(seed, source)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    _write(out / "agencies.csv", source.agency_columns, agency_rows)
    _write(out / "procedures.csv", PROCEDURE_COLUMNS, procedure_rows)
    _write(out / "reforms.csv", REFORM_COLUMNS, reform_rows)


def main(argv: list[str] | None = None) -> None:
    """Command line: ``python -m dossierflow.simulation.sample.build_catalogue [--out DIR]``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=CATALOGUE_DIR,
                        help="folder for agencies.csv, procedures.csv and reforms.csv")
    args = parser.parse_args(argv)
    write_catalogue(args.out)
    print(f"catalogue written to {args.out}")


if __name__ == "__main__":
    main()
