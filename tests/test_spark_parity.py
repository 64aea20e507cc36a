"""The relational core gives identical results on DuckDB and on PySpark (DESIGN.md, "Engine" 3).

One local Spark session serves the whole module; each log is loaded into it under its own
table prefix. Counts, ranks and texts must be exactly equal. Floating results (medians, means,
percentiles, shares) are compared at a relative tolerance of 1e-9: both engines use the same
exact definition of a percentile — linear interpolation between the two nearest ranks
(DuckDB's ``percentile_cont``, Spark's ``percentile``, which unlike ``approx_percentile`` is
exact), so no result is adjusted for either engine — but they add floating numbers in a
different order, which may change the last bits of a mean.
"""

from __future__ import annotations

import io
import textwrap
import time

import numpy as np
import pandas as pd
import pytest

from dossierflow.mining import import_log, prepare
from dossierflow.mining.analysis.kpis import kpis, scorecard
from dossierflow.mining.analysis.process_map import process_map
from dossierflow.mining.log.filters import (
    AttributeIn,
    TimeRange,
    VariantCoverage,
    agency_in,
    apply_filters,
)
from dossierflow.mining.log.log_view import LogView
from dossierflow.mining.log.spark_backend import spark_backend, spark_session, spark_unavailable
from dossierflow.mining.log.variants import variants
from dossierflow.mining.vocabulary import MAP_END, MAP_START

UNAVAILABLE = spark_unavailable()
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(UNAVAILABLE is not None,
                       reason=f"Spark parity not checked: {UNAVAILABLE}"),
    # PySpark 4.0 passes pandas 3 a deprecated ``copy`` keyword when reading results
    pytest.mark.filterwarnings("ignore:The copy keyword is deprecated"),
]

RTOL = 1e-9

# March–April 2024 (no Vietnamese holiday before 29/04); office hours 07:30–11:30, 13:30–17:00.
# Three agencies and five channels; supplement loops (D02 one, D03 two: late under 766 whatever
# its dates); open dossiers (D04 overdue, D06 not yet due, D13 with no due date); D09 has no due
# date and no channel; D08 logs two steps at the same minute (ordered by the file); D11 spans
# February and March; D05 and D14 are handled on the spot.
LOG = """
case_id,activity,start_timestamp,timestamp,resource,case:agency,channel,model,due_at,fee,\
paid_online,digitised,procedure_id
D01,receive,2024-03-04 07:50,2024-03-04 08:00,Hoa,DEPT_TP,Trực tuyến toàn trình,Chuyển sở,\
2024-03-08 17:00,50000,1,1,P_LLTP
D01,transfer_to_agency,2024-03-04 09:40,2024-03-04 10:00,Van thu,,,,,,,,
D01,appraise,2024-03-05 08:00,2024-03-05 09:00,Lan,,,,,,,,
D01,approve_sign,2024-03-06 13:40,2024-03-06 14:00,Minh,,,,,,,,
D01,return_to_centre,2024-03-07 08:30,2024-03-07 09:00,Van thu,,,,,,,,
D01,deliver_result,2024-03-07 09:50,2024-03-07 10:00,Hoa,,,,,,,,
D02,receive,2024-03-04 08:45,2024-03-04 09:00,Hoa,DEPT_TP,Trực tiếp,Chuyển sở,\
2024-03-11 17:00,20000,0,1,P_LLTP
D02,transfer_to_agency,2024-03-04 10:30,2024-03-04 11:00,Van thu,,,,,,,,
D02,appraise,2024-03-05 07:40,2024-03-05 08:00,Lan,,,,,,,,
D02,request_supplement,2024-03-05 09:55,2024-03-05 10:00,Lan,,,,,,,,
D02,supplement_received,2024-03-07 08:20,2024-03-07 08:30,Hoa,,,,,,,,
D02,appraise,2024-03-07 13:30,2024-03-07 14:00,Lan,,,,,,,,
D02,approve_sign,2024-03-08 08:45,2024-03-08 09:00,Minh,,,,,,,,
D02,return_to_centre,2024-03-11 09:30,2024-03-11 10:00,Van thu,,,,,,,,
D02,deliver_result,2024-03-11 14:45,2024-03-11 15:00,Hoa,,,,,,,,
D03,receive,2024-03-05 08:00,2024-03-05 08:15,Mai,DEPT_XD,Trực tuyến một phần,Chuyển sở,\
2024-03-19 17:00,100000,1,1,P_GPXD
D03,transfer_to_agency,2024-03-05 13:30,2024-03-05 14:00,Van thu,,,,,,,,
D03,appraise,2024-03-06 08:00,2024-03-06 10:00,Tuan,,,,,,,,
D03,request_supplement,2024-03-06 10:30,2024-03-06 11:00,Tuan,,,,,,,,
D03,supplement_received,2024-03-08 08:00,2024-03-08 08:10,Mai,,,,,,,,
D03,appraise,2024-03-08 13:30,2024-03-08 15:00,Tuan,,,,,,,,
D03,request_supplement,2024-03-08 15:30,2024-03-08 16:00,Tuan,,,,,,,,
D03,supplement_received,2024-03-12 09:00,2024-03-12 09:20,Mai,,,,,,,,
D03,appraise,2024-03-12 13:30,2024-03-12 16:30,Tuan,,,,,,,,
D03,approve_sign,2024-03-14 09:00,2024-03-14 09:30,Binh,,,,,,,,
D03,return_to_centre,2024-03-15 08:00,2024-03-15 08:30,Van thu,,,,,,,,
D03,deliver_result,2024-03-15 10:00,2024-03-15 10:10,Mai,,,,,,,,
D04,receive,2024-03-18 08:00,2024-03-18 08:20,Mai,DEPT_XD,Trực tiếp,Chuyển sở,\
2024-03-20 17:00,100000,0,0,P_GPXD
D04,transfer_to_agency,2024-03-18 13:30,2024-03-18 14:00,Van thu,,,,,,,,
D04,appraise,2024-03-19 08:00,2024-03-19 11:00,Tuan,,,,,,,,
D05,receive,2024-03-06 08:00,2024-03-06 08:10,Hoa,DEPT_KH,Trực tiếp,5 tại chỗ,\
2024-03-07 17:00,0,0,1,P_DKKD
D05,appraise_approve_on_spot,2024-03-06 08:10,2024-03-06 09:00,Quang,,,,,,,,
D05,deliver_result,2024-03-06 09:00,2024-03-06 09:10,Hoa,,,,,,,,
D06,receive,2024-04-08 08:00,2024-04-08 08:30,Hoa,DEPT_KH,Trực tuyến toàn trình,Chuyển sở,\
2024-04-19 17:00,30000,1,1,P_DKKD
D06,transfer_to_agency,2024-04-08 09:00,2024-04-08 09:30,Van thu,,,,,,,,
D07,receive,2024-04-01 07:40,2024-04-01 08:00,Hoa,DEPT_TP,Trực tuyến toàn trình,Chuyển sở,\
2024-04-05 17:00,50000,1,1,P_LLTP
D07,transfer_to_agency,2024-04-01 10:00,2024-04-01 10:30,Van thu,,,,,,,,
D07,appraise,2024-04-02 08:30,2024-04-02 09:30,Lan,,,,,,,,
D07,approve_sign,2024-04-03 14:00,2024-04-03 15:00,Minh,,,,,,,,
D07,return_to_centre,2024-04-04 08:00,2024-04-04 08:30,Van thu,,,,,,,,
D07,deliver_result,2024-04-04 09:00,2024-04-04 09:15,Hoa,,,,,,,,
D08,receive,2024-03-12 07:45,2024-03-12 08:00,Hoa,DEPT_TP,Trực tiếp,Chuyển sở,\
2024-03-15 17:00,50000,0,1,P_LLTP
D08,transfer_to_agency,2024-03-12 09:30,2024-03-12 10:00,Van thu,,,,,,,,
D08,appraise,2024-03-12 09:45,2024-03-12 10:00,Lan,,,,,,,,
D08,approve_sign,2024-03-14 10:30,2024-03-14 11:00,Minh,,,,,,,,
D08,return_to_centre,2024-03-15 13:30,2024-03-15 14:00,Van thu,,,,,,,,
D08,deliver_result,2024-03-18 16:30,2024-03-18 16:45,Hoa,,,,,,,,
D09,receive,2024-03-13 08:00,2024-03-13 08:30,Mai,DEPT_XD,,Chuyển sở,,,,,P_GPXD
D09,transfer_to_agency,2024-03-13 13:30,2024-03-13 14:00,Van thu,,,,,,,,
D09,appraise,2024-03-14 08:00,2024-03-14 10:00,Tuan,,,,,,,,
D09,approve_sign,2024-03-15 08:00,2024-03-15 08:30,Binh,,,,,,,,
D09,return_to_centre,2024-03-15 13:30,2024-03-15 14:00,Van thu,,,,,,,,
D09,deliver_result,2024-03-18 08:00,2024-03-18 08:10,Mai,,,,,,,,
D10,receive,2024-03-19 08:00,2024-03-19 08:30,Quang,DEPT_KH,Bưu chính công ích,Chuyển sở,\
2024-03-21 17:00,0,0,0,P_DKKD
D10,transfer_to_agency,2024-03-19 14:00,2024-03-19 15:00,Van thu,,,,,,,,
D10,appraise,2024-03-21 08:00,2024-03-21 11:00,Nam,,,,,,,,
D10,approve_sign,2024-03-25 09:00,2024-03-25 09:30,Nam,,,,,,,,
D10,return_to_centre,2024-03-26 08:00,2024-03-26 08:30,Van thu,,,,,,,,
D10,deliver_result,2024-03-26 10:00,2024-03-26 10:15,Quang,,,,,,,,
D11,receive,2024-02-27 08:00,2024-02-27 08:20,Hoa,DEPT_TP,Trực tuyến,Chuyển sở,\
2024-03-05 17:00,20000,1,1,P_LLTP
D11,transfer_to_agency,2024-02-27 10:00,2024-02-27 10:30,Van thu,,,,,,,,
D11,appraise,2024-02-29 08:00,2024-02-29 09:00,Lan,,,,,,,,
D11,request_supplement,2024-02-29 09:00,2024-02-29 09:10,Lan,,,,,,,,
D11,supplement_received,2024-03-01 14:00,2024-03-01 14:20,Hoa,,,,,,,,
D11,appraise,2024-03-04 08:00,2024-03-04 10:00,Lan,,,,,,,,
D11,approve_sign,2024-03-05 08:00,2024-03-05 08:30,Minh,,,,,,,,
D11,return_to_centre,2024-03-05 13:30,2024-03-05 14:00,Van thu,,,,,,,,
D11,deliver_result,2024-03-05 16:00,2024-03-05 16:10,Hoa,,,,,,,,
D12,receive,2024-03-20 08:00,2024-03-20 08:15,Mai,DEPT_XD,Trực tuyến một phần,Chuyển sở,\
2024-04-03 17:00,0,0,1,P_GPXD
D12,transfer_to_agency,2024-03-20 13:30,2024-03-20 14:00,Van thu,,,,,,,,
D12,appraise,2024-03-21 08:00,2024-03-21 10:00,Tuan,,,,,,,,
D12,approve_sign,2024-03-22 08:00,2024-03-22 08:30,Binh,,,,,,,,
D12,return_to_centre,2024-03-22 13:30,2024-03-22 14:00,Van thu,,,,,,,,
D12,deliver_result,2024-03-25 08:00,2024-03-25 08:10,Mai,,,,,,,,
D13,receive,2024-04-09 08:00,2024-04-09 08:30,Quang,DEPT_KH,Trực tiếp,Chuyển sở,,10000,0,0,P_DKKD
D13,transfer_to_agency,2024-04-09 13:30,2024-04-09 14:00,Van thu,,,,,,,,
D13,appraise,2024-04-10 08:00,2024-04-10 09:00,Nam,,,,,,,,
D14,receive,2024-04-02 08:00,2024-04-02 08:10,Hoa,DEPT_KH,Trực tuyến toàn trình,5 tại chỗ,\
2024-04-03 17:00,0,0,1,P_DKKD
D14,appraise_approve_on_spot,2024-04-02 08:10,2024-04-02 08:50,Quang,,,,,,,,
D14,deliver_result,2024-04-02 08:50,2024-04-02 09:00,Hoa,,,,,,,,
"""

SORT = {"nodes": ["activity"], "edges": ["source", "target"], "variants": ["variant"],
        "scorecard": ["indicator"]}
WHOLE_MAP, SLID_MAP = [(1.0, 1.0)], [(1.0, 1.0), (0.6, 0.4)]  # (activities, paths) sliders


def assert_same(duck: pd.DataFrame, spark: pd.DataFrame, keys: list[str], what: str) -> None:
    """Equal columns, rows (after sorting by ``keys``) and types; floats to RTOL."""
    assert list(spark.columns) == list(duck.columns), what
    assert len(spark) == len(duck), what
    duck = duck.sort_values(keys, ignore_index=True)
    spark = spark.sort_values(keys, ignore_index=True)
    for column in duck.columns:
        ours, theirs = duck[column], spark[column]
        if pd.api.types.is_float_dtype(ours.dtype):
            assert pd.api.types.is_float_dtype(theirs.dtype), f"{what}: {column}"
            np.testing.assert_allclose(theirs.to_numpy(float), ours.to_numpy(float),
                                       rtol=RTOL, atol=0, equal_nan=True,
                                       err_msg=f"{what}: {column}")
        else:
            pd.testing.assert_series_equal(theirs, ours, check_dtype=True,
                                           obj=f"{what}: {column}")


def assert_same_map(duck: LogView, spark: LogView, what: str, sliders=WHOLE_MAP) -> None:
    for activities, paths in sliders:
        label = f"{what}, activities={activities}, paths={paths}"
        ours = process_map(duck, activities=activities, paths=paths)
        theirs = process_map(spark, activities=activities, paths=paths)
        assert theirs.cases == ours.cases, label
        assert_same(ours.nodes, theirs.nodes, SORT["nodes"], f"nodes of {label}")
        assert_same(ours.edges, theirs.edges, SORT["edges"], f"edges of {label}")


def assert_same_kpis(duck: LogView, spark: LogView, what: str,
                     groupings=(None, "month", "agency")) -> None:
    for by in groupings:
        keys = [by] if by else ["n_received"]
        assert_same(kpis(duck, by=by), kpis(spark, by=by), keys, f"kpis by {by} of {what}")


def assert_same_core(duck: LogView, spark: LogView, what: str, groupings=(None,),
                     sliders=WHOLE_MAP) -> None:
    """Map (at the given slider settings), variants, KPIs and scorecard of two views of the
    same log."""
    assert_same_map(duck, spark, what, sliders)
    assert_same(variants(duck), variants(spark), SORT["variants"], f"variants of {what}")
    assert_same_kpis(duck, spark, what, groupings)
    assert_same(scorecard(duck), scorecard(spark), SORT["scorecard"], f"scorecard of {what}")


@pytest.fixture(scope="module")
def spark():
    """The module's one Spark backend (a local session on 2 cores), stopped at the end."""
    started = time.perf_counter()
    session = spark_session(cores=2, memory="1g", shuffle_partitions=2)
    print(f"\nSpark session ready in {time.perf_counter() - started:.1f} s")
    yield spark_backend(session)
    session.stop()


@pytest.fixture(scope="module")
def centre_log(tmp_path_factory):
    path = tmp_path_factory.mktemp("parity") / "centre.csv"
    path.write_text(textwrap.dedent(LOG).strip() + "\n", encoding="utf-8")
    return prepare(import_log(path))


@pytest.fixture(scope="module")
def centre(centre_log, spark):
    """The hand-written centre log on DuckDB and on Spark."""
    return LogView.of_log(centre_log), LogView.of_log(centre_log, spark, prefix="centre_")


@pytest.fixture(scope="module")
def loaded() -> dict:
    """Views loaded once for the module (``public_dir`` is a per-test fixture)."""
    return {}


@pytest.fixture
def receipt(public_dir, spark, loaded):
    """The public ``receipt`` log on DuckDB and on Spark."""
    path = public_dir / "receipt.xes.gz"
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    if "receipt" not in loaded:
        log = prepare(import_log(path))
        loaded["receipt"] = LogView.of_log(log), LogView.of_log(log, spark, prefix="receipt_")
    return loaded["receipt"]


def test_tables_load_alike(centre, centre_log):
    """Every column arrives on Spark with the values DuckDB holds: no untyped or junk text for
    a column that is missing in some or all rows (``on_time_class`` of D09 and D13, the
    ``channel`` of D09)."""
    duck, spark = centre
    for table in ("events", "cases"):
        ours = getattr(duck, table).to_pandas()
        theirs = getattr(spark, table).to_pandas()
        assert list(theirs.columns) == list(ours.columns)
        key = ["case_id", "event_index"] if table == "events" else ["case_id"]
        ours = ours.sort_values(key, ignore_index=True)
        theirs = theirs.sort_values(key, ignore_index=True)
        for column in ours.columns:
            if isinstance(ours[column].dtype, pd.DatetimeTZDtype):  # Spark's are tz-naive UTC
                left = ours[column].dt.tz_convert("UTC").dt.tz_localize(None).astype(
                    "datetime64[us]")
                right = theirs[column].astype("datetime64[us]")
                pd.testing.assert_series_equal(right, left, obj=f"{table}.{column}")
            elif pd.api.types.is_float_dtype(ours[column].dtype):
                np.testing.assert_allclose(theirs[column].to_numpy(float),
                                           ours[column].to_numpy(float), rtol=0,
                                           equal_nan=True, err_msg=f"{table}.{column}")
            else:
                assert theirs[column].isna().tolist() == ours[column].isna().tolist(), column
                assert theirs[column].dropna().tolist() == ours[column].dropna().tolist(), \
                    f"{table}.{column}"
    classes = spark.cases.select("case_id", "on_time_class").to_pandas().set_index("case_id")
    assert classes.loc[["D09", "D13"], "on_time_class"].isna().all()
    assert set(classes["on_time_class"].dropna()) == {"early", "on_time", "late", "open"}


def test_log_without_due_dates(tmp_path, spark):
    """Without due dates no dossier has an on-time class: Spark still types the column as
    text and reads every value as missing (it used to read pickled pandas NA objects as junk
    text), and the KPIs agree."""
    frame = pd.read_csv(io.StringIO(textwrap.dedent(LOG).strip()), dtype=str)
    path = tmp_path / "no_due.csv"
    frame.drop(columns="due_at").to_csv(path, index=False)
    log = prepare(import_log(path))
    assert log.cases["on_time_class"].isna().all()
    duck, spark = LogView.of_log(log), LogView.of_log(log, spark, prefix="no_due_")
    assert spark.cases.schema()["on_time_class"].is_string()
    assert spark.cases.on_time_class.to_pandas().isna().all()
    assert_same_kpis(duck, spark, "the log without due dates")
    assert kpis(spark).iloc[0]["n_judged"] == 0


def test_centre_log(centre):
    duck, spark = centre
    assert_same_core(duck, spark, "the centre log", groupings=(None, "month", "agency"),
                     sliders=SLID_MAP)
    edges = process_map(spark).edges  # not two empty maps
    assert {MAP_START, MAP_END} <= set(edges.source) | set(edges.target) and len(edges) > 10


@pytest.mark.parametrize("name, filters, n_cases", [
    # D01, D02, D03, D08, D09
    ("two agencies, started 1–15 March", (agency_in("DEPT_TP", "DEPT_XD"),
                                          TimeRange("2024-03-01", "2024-03-16", "started")), 5),
    # an event-level filter, so variants are rebuilt from the remaining events: transfer →
    # return (9 dossiers) covers 60 %, transfer alone (3: D04, D06, D13) is dropped
    ("transfers only, main variants", (
        AttributeIn("activity", ["transfer_to_agency", "return_to_centre"], table="events"),
        VariantCoverage(0.6)), 9),
    ("no dossier", (agency_in("no such agency"),), 0),
])
def test_centre_log_filtered(centre, name, filters, n_cases):
    duck, spark = (apply_filters(view, filters) for view in centre)
    assert duck.cases.count().to_pandas() == n_cases
    assert_same_core(duck, spark, name, groupings=(None, "agency"))


def test_event_level_variants_follow_time_order(centre):
    """Rebuilt after an event-level filter, a variant lists the activities in time order
    (then in logged order at equal times: D08's transfer before its appraisal) on both
    engines."""
    kept = AttributeIn("activity", ["receive", "transfer_to_agency", "appraise",
                                    "deliver_result"], table="events")
    for view in centre:
        listed = variants(kept.apply(view))
        assert dict(zip(listed.variant, listed.cases)) == {
            "receive → transfer_to_agency → appraise → deliver_result": 6,
            "receive → transfer_to_agency → appraise → appraise → deliver_result": 2,
            "receive → transfer_to_agency → appraise → appraise → appraise → deliver_result": 1,
            "receive → transfer_to_agency → appraise": 2,
            "receive → deliver_result": 2,
            "receive → transfer_to_agency": 1,
        }


def test_receipt(receipt):
    duck, spark = receipt
    assert_same_core(duck, spark, "receipt", groupings=(None, "month", "agency"),
                     sliders=SLID_MAP)


def test_receipt_filtered(receipt):
    duck, _ = receipt
    agencies = duck.cases.agency.value_counts().to_pandas().sort_values(
        ["agency_count", "agency"], ascending=[False, True])["agency"].dropna()
    filters = (agency_in(*agencies.iloc[:2]), TimeRange("2011-01-01", "2011-06-01",
                                                        "intersecting"))
    duck, spark = (apply_filters(view, filters) for view in receipt)
    assert duck.cases.count().to_pandas() > 0
    assert_same_core(duck, spark, "receipt, two agencies, Jan–May 2011",
                     groupings=(None, "month"))
