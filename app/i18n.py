"""Labels of the app in Vietnamese (default) and English."""

from __future__ import annotations

LANGUAGES = {"vi": "Tiếng Việt", "en": "English"}

LABELS: dict[str, dict[str, str]] = {
    "app_title": {"vi": "dossierflow — phân tích quy trình giải quyết hồ sơ",
                  "en": "dossierflow — dossier process analysis"},
    "language": {"vi": "Ngôn ngữ", "en": "Language"},
    "page_data": {"vi": "Dữ liệu", "en": "Data"},
    "log": {"vi": "Nhật ký đang mở", "en": "Open log"},
    "cases": {"vi": "Hồ sơ", "en": "Dossiers"},
    "events": {"vi": "Sự kiện", "en": "Events"},
    "activities": {"vi": "Bước xử lý", "en": "Activities"},
    "time_span": {"vi": "Khoảng thời gian", "en": "Time span"},
    "mapping": {"vi": "Ánh xạ cột", "en": "Column mapping"},
    "validation": {"vi": "Báo cáo kiểm tra dữ liệu", "en": "Validation report"},
    "rows_read": {"vi": "Số dòng đọc", "en": "Rows read"},
    "rows_kept": {"vi": "Số dòng dùng được", "en": "Rows used"},
    "rows_dropped": {"vi": "Số dòng không dùng", "en": "Rows not used"},
    "rejected": {"vi": "Các dòng không dùng (giữ nguyên giá trị gốc)",
                 "en": "Rows not used (original values kept)"},
    "no_issues": {"vi": "Mọi dòng đều dùng được.", "en": "Every row was usable."},
    "case_table": {"vi": "Danh sách hồ sơ", "en": "Dossier table"},
    "no_log": {"vi": "Chưa có nhật ký nào được mở. Hãy chạy `make run` hoặc "
                     "`dossierflow import TỆP` trước.",
               "en": "No log is open. Run `make run` or `dossierflow import FILE` first."},
}


def t(key: str, lang: str) -> str:
    """The label ``key`` in ``lang`` ('vi' or 'en')."""
    return LABELS[key][lang]
