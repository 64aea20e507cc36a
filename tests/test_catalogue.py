"""Tests of the synthetic procedure catalogue: its source tables (datasets/catalogue/source),
the builder (dossierflow.simulation.sample.build_catalogue) and the loaders
(dossierflow.simulation.sample.catalogue)."""

from __future__ import annotations

import re
import unicodedata

import pandas as pd
import pytest

from dossierflow.mining.errors import DossierflowError
from dossierflow.simulation.sample import build_catalogue, catalogue, catalogue_source

FILES = ("agencies.csv", "procedures.csv", "reforms.csv")

# docs/domain.md §7 rows that belong at the provincial centre: (agency before 2025, name,
# legal days).
REAL = [
    ("DEPT_PLAN_INVEST", "Đăng ký thành lập doanh nghiệp tư nhân", 3),
    ("DEPT_PLAN_INVEST", "Đăng ký thành lập công ty cổ phần", 3),
    ("DEPT_PLAN_INVEST", "Đăng ký thay đổi địa chỉ trụ sở chính của doanh nghiệp", 3),
    ("DEPT_PLAN_INVEST", "Cấp Giấy chứng nhận đăng ký đầu tư đối với dự án không thuộc diện "
                         "chấp thuận chủ trương đầu tư", 15),
    ("IZ_BOARD", "Cấp Giấy chứng nhận đăng ký đầu tư đối với dự án không thuộc diện chấp thuận "
                 "chủ trương đầu tư", 15),
    ("DEPT_CONSTRUCTION", "Cấp giấy phép xây dựng mới đối với công trình cấp II, cấp III", 20),
    ("DEPT_NATRES", "Đăng ký đất đai, tài sản gắn liền với đất lần đầu", 20),
    ("DEPT_NATRES", "Cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với "
                    "đất lần đầu", 3),
    ("DEPT_JUSTICE", "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam", 10),
    ("DEPT_JUSTICE", "Cấp Phiếu lý lịch tư pháp cho người nước ngoài đang cư trú tại Việt Nam", 15),
    ("DEPT_TRANSPORT", "Đổi giấy phép lái xe do ngành Giao thông vận tải cấp", 5),
    ("DEPT_LABOUR", "Cấp giấy phép lao động cho người lao động nước ngoài làm việc tại Việt Nam",
     5),
    ("DEPT_TRANSPORT", "Cấp Giấy phép kinh doanh vận tải bằng xe ô tô", 5),
    ("DEPT_TRANSPORT", "Cấp phù hiệu xe ô tô kinh doanh vận tải", 2),
    ("DEPT_INDUSTRY_TRADE", "Cấp Giấy phép thành lập Văn phòng đại diện của thương nhân nước "
                            "ngoài tại Việt Nam", 5),
    ("DEPT_CULTURE", "Cấp giấy phép kinh doanh dịch vụ lữ hành nội địa", 10),
    ("DEPT_EDUCATION", "Cấp bản sao văn bằng, chứng chỉ từ sổ gốc", 1),
    ("VERT_POLICE", "Cấp hộ chiếu phổ thông ở trong nước", 8),
]


@pytest.fixture(scope="module")
def agencies() -> pd.DataFrame:
    return catalogue.agencies()


@pytest.fixture(scope="module")
def procedures() -> pd.DataFrame:
    return catalogue.procedures()


@pytest.fixture(scope="module")
def reforms() -> pd.DataFrame:
    return catalogue.reforms()


def test_builder_reproduces_committed_files(tmp_path):
    build_catalogue.main(["--out", str(tmp_path)])
    for name in FILES:
        assert (tmp_path / name).read_bytes() == (catalogue.CATALOGUE_DIR / name).read_bytes(), name


def test_text_is_nfc_everywhere():
    for name in FILES:
        text = (catalogue.CATALOGUE_DIR / name).read_text(encoding="utf-8")
        assert unicodedata.is_normalized("NFC", text), name


def test_source_tables_are_tidy():
    """Every source table is NFC text with a header row, a value per column and no padding."""
    tables = sorted(catalogue_source.SOURCE_DIR.glob("*.tsv"))
    assert {t.name for t in tables} == {
        "procedure_counts.tsv", "real_procedures.tsv", "vertical_procedures.tsv", "verbs.tsv",
        "families.tsv", "fields.tsv", "field_objects.tsv"}
    for table in tables:
        assert unicodedata.is_normalized("NFC", table.read_text(encoding="utf-8")), table.name
        rows = catalogue_source.read_table(table.name)
        assert rows, table.name
        for row in rows:
            assert all(value == value.strip() for value in row.values()), (table.name, row)


def test_source_tables_fit_together():
    source = catalogue_source.read_source()
    assert sum(source.procedure_counts.values()) == 1481
    for objects in source.objects.values():
        for obj in objects:
            assert set(obj.verbs) <= set(source.verbs), obj
            families = re.findall(r"\{([A-Z_]+)\}", obj.vi)
            assert families == re.findall(r"\{([A-Z_]+)\}", obj.en), obj
            assert set(families) <= set(source.families), obj
    assert set(source.vertical) == {"VERT_POLICE", "VERT_SOCIAL_INS", "VERT_TAX",
                                    "VERT_TREASURY"}


def test_a_source_row_with_a_missing_cell_is_refused(tmp_path):
    (tmp_path / "verbs.tsv").write_text("verb\tname_vi\ncap\n", encoding="utf-8")
    with pytest.raises(DossierflowError, match="line 2: 1 cells for 2 columns"):
        catalogue_source.read_table("verbs.tsv", tmp_path)


def test_21_agencies_of_2017_2023(agencies):
    centre = agencies[agencies.in_centre_2017_2023]
    assert len(centre) == 21
    assert centre.agency_id.is_unique and centre.code.is_unique
    assert (centre.type == "central_vertical").sum() == 4
    assert centre.type.isin(["provincial_department", "provincial_board"]).sum() == 17
    assert set(centre[centre.type == "central_vertical"].agency_id) == {
        "VERT_POLICE", "VERT_SOCIAL_INS", "VERT_TAX", "VERT_TREASURY"}
    assert (centre.valid_from == pd.Timestamp("2017-05-17")).all()


def test_successors_resolve(agencies):
    ids = set(agencies.agency_id)
    merged = agencies[agencies.valid_to.notna()]
    assert (merged.valid_to == pd.Timestamp("2025-02-28")).all()
    assert merged.successor_id.notna().all()
    for _, row in agencies.iterrows():
        targets = [row.successor_id] if pd.notna(row.successor_id) else []
        if pd.notna(row.other_successor_ids):
            targets += row.other_successor_ids.split(";")
        for target in targets:
            assert target in ids, (row.agency_id, target)
            successor = agencies.set_index("agency_id").loc[target]
            assert pd.isna(successor.valid_to)
            assert successor.valid_from <= pd.Timestamp("2025-03-01")
    expected = {"DEPT_PLAN_INVEST": "DEPT_FINANCE", "DEPT_TRANSPORT": "DEPT_CONSTRUCTION",
                "DEPT_NATRES": "DEPT_AGRI_ENV", "DEPT_AGRI_RURAL": "DEPT_AGRI_ENV",
                "DEPT_INFO_COMM": "DEPT_SCI_TECH", "DEPT_LABOUR": "DEPT_HOME"}
    assert dict(zip(merged.agency_id, merged.successor_id, strict=True)) == expected


def test_1481_procedures(procedures, agencies):
    assert len(procedures) == 1481
    kinds = procedures.agency_id.map(agencies.set_index("agency_id").type)
    assert (kinds == "central_vertical").sum() == 27
    assert (kinds != "central_vertical").sum() == 1454
    centre = set(agencies[agencies.in_centre_2017_2023].agency_id)
    assert set(procedures.agency_id) == centre


def test_procedure_ids_are_unique_national_style_text(procedures):
    assert procedures.procedure_id.dtype == "string"
    assert procedures.procedure_id.is_unique
    assert procedures.procedure_id.str.fullmatch(r"[123]\.\d{6}").all()


def test_names_are_real_looking_and_unique_per_agency(procedures):
    assert not procedures.duplicated(["agency_id", "name_vi"]).any()
    assert not procedures.duplicated(["agency_id", "name_en"]).any()
    generic = re.compile(r"(?:procedure|thủ tục)\s*\d", re.IGNORECASE)
    assert not procedures.name_vi.str.contains(generic).any()
    assert not procedures.name_en.str.contains(generic).any()
    assert (procedures.name_vi.str[0] == procedures.name_vi.str[0].str.upper()).all()
    assert (procedures.field_vi.str.len() > 0).all() and (procedures.field_en.str.len() > 0).all()


def test_attribute_domains(procedures):
    assert set(procedures.online_level) <= {"full", "partial", "none"}
    assert set(procedures.result_type) <= {"certificate", "licence", "decision", "approval_letter",
                                           "practice_cert", "record_slip", "copy", "notice"}
    assert (procedures.fee >= 0).all() and (procedures.fee == 0).mean() > 0.4
    eligible = procedures[procedures.five_on_spot_eligible]
    assert not eligible.needs_site_inspection.any() and not eligible.inter_agency.any()
    assert (eligible.legal_days <= 5).all()


def test_legal_time_spread(procedures):
    days = procedures.legal_days
    assert (days >= 0).all() and ((days * 2) % 1 == 0).all()
    assert days.between(1, 20).mean() > 0.6
    assert (days == 0).any() and (days == 0.5).any() and (days >= 30).any()


def test_demand_is_heavy_tailed(procedures):
    weights = procedures.demand_weight.sort_values(ascending=False)
    assert (weights > 0).all()
    assert weights.head(10).sum() / weights.sum() > 0.25
    assert weights.median() < 10
    top = procedures.loc[weights.index[:5], "name_vi"].tolist()
    assert "Đổi giấy phép lái xe do ngành Giao thông vận tải cấp" in top


@pytest.mark.parametrize("agency_id, name, days", REAL)
def test_real_procedures_keep_their_legal_time(procedures, agency_id, name, days):
    row = procedures[(procedures.agency_id == agency_id) & (procedures.name_vi == name)]
    assert len(row) == 1, name
    assert row.legal_days.iloc[0] == days
    assert row.source.iloc[0].startswith("docs/domain.md §7")


def test_real_rows_match_the_builder_table(procedures):
    real = procedures[procedures.source != "synthetic"]
    assert len(real) == len(catalogue_source.read_source().real)
    assert real.source.str.fullmatch(r"docs/domain.md §7 #\d+ \[(V:S[\d,S]+|GK)\]").all()


def test_more_than_850_procedures_cut(reforms, procedures):
    assert reforms.procedure_id.nunique() > 850
    assert set(reforms.procedure_id) <= set(procedures.procedure_id)
    assert (reforms.new_legal_days >= 0).all()
    assert reforms.cut_days.between(0.5, 10).all()
    assert ((reforms.cut_days * 2) % 1 == 0).all()
    assert (reforms.cut_days == reforms.old_legal_days - reforms.new_legal_days).all()
    assert reforms.decision.str.fullmatch(r"QĐ \d+/QĐ-UBND").all()


def test_cut_dates_spread_over_2018_2023(reforms):
    years = reforms.effective_date.dt.year.value_counts()
    assert set(years.index) == set(range(2018, 2024))
    assert min(years[y] for y in (2019, 2020, 2021)) > max(years[y] for y in (2018, 2022, 2023))
    assert (reforms.effective_date.dt.day_of_week < 5).all()


def test_five_on_spot_share(reforms, procedures):
    assert set(reforms.kind) == {"time_cut", "five_on_spot"}
    moved = reforms[reforms.kind == "five_on_spot"]
    assert len(moved) / len(reforms) > 0.30
    assert moved.procedure_id.is_unique
    flags = procedures.set_index("procedure_id").five_on_spot_eligible
    assert flags.loc[moved.procedure_id].all()


def test_legal_time_chain_is_consistent(reforms, procedures):
    current = procedures.set_index("procedure_id").legal_days
    for pid, chain in reforms.sort_values("effective_date").groupby("procedure_id"):
        assert chain.effective_date.is_monotonic_increasing and chain.effective_date.is_unique
        assert (chain.old_legal_days.iloc[1:].to_numpy()
                == chain.new_legal_days.iloc[:-1].to_numpy()).all(), pid
        assert chain.new_legal_days.iloc[-1] == current[pid], pid
        assert len(chain) <= 2
        if (chain.kind == "five_on_spot").any():
            assert chain.kind.iloc[-1] == "five_on_spot", pid


def test_only_synthetic_provincial_procedures_were_cut(reforms, procedures, agencies):
    cut = procedures[procedures.procedure_id.isin(reforms.procedure_id)]
    assert (cut.source == "synthetic").all()
    kinds = cut.agency_id.map(agencies.set_index("agency_id").type)
    assert (kinds != "central_vertical").all()


def test_legal_days_at_one_procedure(reforms, procedures):
    chain = reforms[reforms.procedure_id.duplicated(keep=False)].sort_values("effective_date")
    pid = chain.procedure_id.iloc[0]
    first, second = chain[chain.procedure_id == pid].itertuples()
    before = first.effective_date - pd.Timedelta(days=1)
    assert catalogue.legal_days_at(pid, before) == first.old_legal_days
    assert catalogue.legal_days_at(pid, first.effective_date) == first.new_legal_days
    assert catalogue.legal_days_at(pid, second.effective_date) == second.new_legal_days
    assert catalogue.legal_days_at(pid, "2030-01-01") == procedures.set_index(
        "procedure_id").legal_days[pid]
    untouched = procedures[~procedures.procedure_id.isin(reforms.procedure_id)].iloc[0]
    assert catalogue.legal_days_at(untouched.procedure_id, "2017-06-01") == untouched.legal_days


def test_legal_days_at_a_case_table(reforms):
    row = reforms.iloc[0]
    # 23:00 local on the eve falls before the reform; 01:00 local on its day (still the eve
    # in UTC) falls after it.
    eve = (row.effective_date - pd.Timedelta(hours=1)).tz_localize("Asia/Ho_Chi_Minh")
    cases = pd.DataFrame(
        {"procedure_id": [row.procedure_id, row.procedure_id, "9.999999", row.procedure_id],
         "received_at": [eve, eve.tz_convert("UTC") + pd.Timedelta(hours=2),
                         eve, pd.NaT]},
        index=[7, 8, 9, 10])
    cases["received_at"] = pd.to_datetime(cases["received_at"], utc=True)
    days = catalogue.legal_days_at(cases, "received_at")
    assert list(days.index) == [7, 8, 9, 10]
    assert days[7] == row.old_legal_days
    assert days[8] == row.new_legal_days
    assert days[[9, 10]].isna().all()


def test_legal_days_at_unknown_procedure():
    with pytest.raises(DossierflowError, match="not in the catalogue"):
        catalogue.legal_days_at("9.999999", "2020-01-01")
