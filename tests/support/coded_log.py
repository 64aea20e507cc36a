"""The mini log as one-stop exports name things: catalogue codes for its procedures and
agencies, and no names (one procedure swapped for a land procedure, for searches of "đất")."""

from __future__ import annotations

import pandas as pd

from tests.support.paths import MINI

CODES = {"Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam": "1.004703",
         "Cấp bản sao văn bằng, chứng chỉ từ sổ gốc": "1.011252",
         "Cấp chứng chỉ hành nghề khám bệnh, chữa bệnh": "1.006565",
         "Cấp giấy phép xây dựng mới đối với công trình cấp II, cấp III": "1.002300",
         "Cấp phù hiệu xe ô tô kinh doanh vận tải": "1.002675",
         "Đăng ký thành lập doanh nghiệp tư nhân": "1.009904"}  # a land procedure instead
AGENCIES = {"Sở Giao thông vận tải": "DEPT_TRANSPORT", "Sở Giáo dục và Đào tạo": "DEPT_EDUCATION",
            "Sở Kế hoạch và Đầu tư": "DEPT_NATRES", "Sở Tư pháp": "DEPT_JUSTICE",
            "Sở Xây dựng": "DEPT_CONSTRUCTION", "Sở Y tế": "DEPT_HEALTH"}
# the land procedure as the app names it
LAND = {"vi": "Đăng ký đất đai, tài sản gắn liền với đất lần đầu (1.009904)",
        "en": "First registration of land and land-attached assets (1.009904)"}


def coded_mini() -> pd.DataFrame:
    """The mini log's rows with codes for its procedures and agencies, and no names."""
    raw = pd.read_csv(MINI, dtype=str)
    raw.insert(5, "Mã thủ tục", raw.pop("Tên thủ tục hành chính").map(CODES))
    raw["Cơ quan giải quyết"] = raw["Cơ quan giải quyết"].map(AGENCIES)
    return raw
