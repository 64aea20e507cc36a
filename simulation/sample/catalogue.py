"""Synthetic procedure catalogue of the Bắc Ninh provincial centre, 2017–2023.

Three tables under ``datasets/catalogue``: the agencies (the 21 of 2017–2023 plus the bodies
that succeeded them on 1/3/2025), 1,481 procedures (TTHC) and the reforms that cut their legal
handling times between 2018 and 2023. A seeded builder writes them
(``python -m dossierflow.simulation.sample.catalogue --out datasets/catalogue``); the loaders read them back.

The procedures of DOMAIN.md §7 keep their real names and legal times (table ``REAL_PROCEDURES``,
with DOMAIN's source markers); every other row is synthetic, built from the usual verbs and
objects of each field. Procedure codes have the national format but are synthetic.
"""

from __future__ import annotations

import argparse
import csv
import math
import random
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

import holidays
import numpy as np
import pandas as pd

from dossierflow.mining.vocabulary import DATASETS_DIR
from dossierflow.mining.errors import DossierflowError

SEED = 20170517
CATALOGUE_DIR = DATASETS_DIR / "catalogue"
TZ = "Asia/Ho_Chi_Minh"
YEARLY_DOSSIERS = 92_000  # the article's 552,000 dossiers spread over about six years
TARGET_CUT_PROCEDURES = 880  # the article: "over 850" procedures shortened since 2018
FIVE_ON_SPOT_MOVES = 365

# --------------------------------------------------------------------------------------------
# Agencies
# --------------------------------------------------------------------------------------------
# agency_id, code, name_vi, name_en, type, valid_from, valid_to, successor_id,
# other_successor_ids, in_centre_2017_2023, note
AGENCIES: tuple[tuple[str, ...], ...] = (
    ("DEPT_HOME", "SNV", "Sở Nội vụ", "Department of Home Affairs", "provincial_department",
     "2017-05-17", "", "", "", "1",
     "from 1/3/2025 also labour, employment and foreign work permits of the former DEPT_LABOUR"),
    ("DEPT_JUSTICE", "STP", "Sở Tư pháp", "Department of Justice", "provincial_department",
     "2017-05-17", "", "", "", "1", ""),
    ("DEPT_PLAN_INVEST", "SKHDT", "Sở Kế hoạch và Đầu tư", "Department of Planning and Investment",
     "provincial_department", "2017-05-17", "2025-02-28", "DEPT_FINANCE", "", "1",
     "merged into Sở Tài chính on 1/3/2025 (DOMAIN §5)"),
    ("DEPT_FINANCE", "STC", "Sở Tài chính", "Department of Finance", "provincial_department",
     "2017-05-17", "", "", "", "1",
     "from 1/3/2025 also business and investment registration"),
    ("DEPT_INDUSTRY_TRADE", "SCT", "Sở Công Thương", "Department of Industry and Trade",
     "provincial_department", "2017-05-17", "", "", "", "1", ""),
    ("DEPT_AGRI_RURAL", "SNNPTNT", "Sở Nông nghiệp và Phát triển nông thôn",
     "Department of Agriculture and Rural Development", "provincial_department", "2017-05-17",
     "2025-02-28", "DEPT_AGRI_ENV", "", "1",
     "merged with Sở Tài nguyên và Môi trường on 1/3/2025 (DOMAIN §5)"),
    ("DEPT_TRANSPORT", "SGTVT", "Sở Giao thông vận tải", "Department of Transport",
     "provincial_department", "2017-05-17", "2025-02-28", "DEPT_CONSTRUCTION", "VERT_POLICE",
     "1", "merged into Sở Xây dựng on 1/3/2025; driving licences to Công an tỉnh (DOMAIN §5)"),
    ("DEPT_CONSTRUCTION", "SXD", "Sở Xây dựng", "Department of Construction",
     "provincial_department", "2017-05-17", "", "", "", "1", "from 1/3/2025 also transport"),
    ("DEPT_NATRES", "STNMT", "Sở Tài nguyên và Môi trường",
     "Department of Natural Resources and Environment", "provincial_department", "2017-05-17",
     "2025-02-28", "DEPT_AGRI_ENV", "", "1",
     "merged with Sở Nông nghiệp và PTNT on 1/3/2025 (DOMAIN §5)"),
    ("DEPT_INFO_COMM", "STTTT", "Sở Thông tin và Truyền thông",
     "Department of Information and Communications", "provincial_department", "2017-05-17",
     "2025-02-28", "DEPT_SCI_TECH", "DEPT_CULTURE", "1",
     "merged into Sở Khoa học và Công nghệ on 1/3/2025; press to Sở VHTTDL (DOMAIN §5)"),
    ("DEPT_LABOUR", "SLDTBXH", "Sở Lao động - Thương binh và Xã hội",
     "Department of Labour, War Invalids and Social Affairs", "provincial_department",
     "2017-05-17", "2025-02-28", "DEPT_HOME", "DEPT_HEALTH;DEPT_EDUCATION", "1",
     "split on 1/3/2025: labour and employment to Sở Nội vụ, social protection to Sở Y tế, "
     "vocational training to Sở GD&ĐT (DOMAIN §5)"),
    ("DEPT_CULTURE", "SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch",
     "Department of Culture, Sports and Tourism", "provincial_department", "2017-05-17", "", "",
     "", "1", "from 1/3/2025 also press"),
    ("DEPT_SCI_TECH", "SKHCN", "Sở Khoa học và Công nghệ", "Department of Science and Technology",
     "provincial_department", "2017-05-17", "", "", "", "1",
     "from 1/3/2025 also information and communications"),
    ("DEPT_EDUCATION", "SGDDT", "Sở Giáo dục và Đào tạo", "Department of Education and Training",
     "provincial_department", "2017-05-17", "", "", "", "1",
     "from 1/3/2025 also vocational training"),
    ("DEPT_HEALTH", "SYT", "Sở Y tế", "Department of Health", "provincial_department",
     "2017-05-17", "", "", "", "1", "from 1/3/2025 also social protection"),
    ("IZ_BOARD", "BQLKCN", "Ban Quản lý các khu công nghiệp", "Industrial Zones Board",
     "provincial_board", "2017-05-17", "", "", "", "1",
     "in the 17 provincial bodies per DOMAIN §5 item 2 (likely, unverified)"),
    ("DEPT_FOREIGN", "SNGV", "Sở Ngoại vụ", "Department of Foreign Affairs",
     "provincial_department", "2017-05-17", "", "", "", "1",
     "17th provincial body by inference: an FDI-heavy province with few ethnic minorities "
     "(Ban Dân tộc is set up where minorities are numerous); its 2025 fate is not verified"),
    ("VERT_POLICE", "CA", "Công an tỉnh", "Provincial Police", "central_vertical", "2017-05-17",
     "", "", "", "1", "vertical agency per DOMAIN §5 item 2 (likely, unverified)"),
    ("VERT_SOCIAL_INS", "BHXH", "Bảo hiểm xã hội tỉnh", "Provincial Social Insurance",
     "central_vertical", "2017-05-17", "", "", "", "1",
     "vertical agency per DOMAIN §5 item 2 (likely, unverified)"),
    ("VERT_TAX", "CT", "Cục Thuế tỉnh", "Provincial Tax Department", "central_vertical",
     "2017-05-17", "", "", "", "1", "vertical agency per DOMAIN §5 item 2 (likely, unverified)"),
    ("VERT_TREASURY", "KBNN", "Kho bạc Nhà nước tỉnh", "Provincial State Treasury",
     "central_vertical", "2017-05-17", "", "", "", "1",
     "vertical agency per DOMAIN §5 item 2 (likely, unverified)"),
    ("DEPT_AGRI_ENV", "SNNMT", "Sở Nông nghiệp và Môi trường",
     "Department of Agriculture and Environment", "provincial_department", "2025-03-01", "", "",
     "", "0", "formed on 1/3/2025 from DEPT_AGRI_RURAL and DEPT_NATRES (DOMAIN §5)"),
)
AGENCY_COLUMNS = ("agency_id", "code", "name_vi", "name_en", "type", "valid_from", "valid_to",
                  "successor_id", "other_successor_ids", "in_centre_2017_2023", "note")

# Procedures per agency in 2017-2023: 1,454 of the 17 provincial bodies, 27 of the 4 vertical
# ones (the article's 1,481 of 21 agencies). Synthetic split, sized on typical provincial lists.
PROCEDURE_COUNTS: dict[str, int] = {
    "DEPT_HEALTH": 140, "DEPT_JUSTICE": 133, "DEPT_PLAN_INVEST": 126,
    "DEPT_CULTURE": 122, "DEPT_INDUSTRY_TRADE": 116, "DEPT_AGRI_RURAL": 108,
    "DEPT_NATRES": 105, "DEPT_TRANSPORT": 101, "DEPT_LABOUR": 100, "DEPT_EDUCATION": 88,
    "DEPT_HOME": 69, "DEPT_CONSTRUCTION": 66, "DEPT_SCI_TECH": 50, "IZ_BOARD": 46,
    "DEPT_INFO_COMM": 42, "DEPT_FINANCE": 35, "DEPT_FOREIGN": 7,
    "VERT_POLICE": 10, "VERT_SOCIAL_INS": 7, "VERT_TAX": 6, "VERT_TREASURY": 4,
}

# --------------------------------------------------------------------------------------------
# Real procedures (DOMAIN.md §7), adapted to the pre-2025 agency
# --------------------------------------------------------------------------------------------
# ref, agency_id, field_vi, field_en, name_vi, name_en, legal_days, online_level, fee (VND),
# result_type, five_on_spot_eligible, needs_site_inspection, inter_agency, yearly dossiers,
# source marker. Fees and volumes are typical values for the synthetic data, not facts.
F_ENTERPRISE = ("Thành lập và hoạt động của doanh nghiệp",
                "Establishment and operation of enterprises")
F_INVEST = ("Đầu tư tại Việt Nam", "Investment in Vietnam")
F_BUILD = ("Hoạt động xây dựng", "Construction activities")
F_LAND = ("Đất đai", "Land")
F_RECORD = ("Lý lịch tư pháp", "Criminal records")
F_ROAD = ("Đường bộ", "Road transport")
F_FOOD = ("An toàn thực phẩm", "Food safety")
REAL_PROCEDURES: tuple[tuple, ...] = (
    ("§7 #1", "DEPT_PLAN_INVEST", *F_ENTERPRISE, "Đăng ký thành lập doanh nghiệp tư nhân",
     "Registration of the establishment of a private enterprise",
     3, "full", 50_000, "certificate", 0, 0, 0, 700, "V:S35"),
    ("§7 #1", "DEPT_PLAN_INVEST", *F_ENTERPRISE,
     "Đăng ký thành lập công ty trách nhiệm hữu hạn một thành viên",
     "Registration of the establishment of a single-member limited liability company",
     3, "full", 50_000, "certificate", 0, 0, 0, 1_300, "V:S35"),
    ("§7 #1", "DEPT_PLAN_INVEST", *F_ENTERPRISE,
     "Đăng ký thành lập công ty trách nhiệm hữu hạn hai thành viên trở lên",
     "Registration of the establishment of a limited liability company with two or more members",
     3, "full", 50_000, "certificate", 0, 0, 0, 650, "V:S35"),
    ("§7 #1", "DEPT_PLAN_INVEST", *F_ENTERPRISE, "Đăng ký thành lập công ty cổ phần",
     "Registration of the establishment of a joint-stock company",
     3, "full", 50_000, "certificate", 0, 0, 0, 450, "V:S35"),
    ("§7 #1", "DEPT_PLAN_INVEST", *F_ENTERPRISE, "Đăng ký thành lập công ty hợp danh",
     "Registration of the establishment of a partnership",
     3, "full", 50_000, "certificate", 0, 0, 0, 5, "V:S35"),
    ("§7 #2", "DEPT_PLAN_INVEST", *F_ENTERPRISE,
     "Đăng ký thay đổi địa chỉ trụ sở chính của doanh nghiệp",
     "Registration of a change of an enterprise's head office address",
     3, "full", 50_000, "certificate", 1, 0, 0, 1_500, "GK"),
    ("§7 #2", "DEPT_PLAN_INVEST", *F_ENTERPRISE, "Đăng ký đổi tên doanh nghiệp",
     "Registration of a change of an enterprise's name",
     3, "full", 50_000, "certificate", 1, 0, 0, 600, "GK"),
    ("§7 #2", "DEPT_PLAN_INVEST", *F_ENTERPRISE,
     "Đăng ký thay đổi người đại diện theo pháp luật của công ty trách nhiệm hữu hạn, công ty cổ phần",
     "Registration of a change of the legal representative of a limited liability or joint-stock company",
     3, "full", 50_000, "certificate", 1, 0, 0, 1_400, "GK"),
    ("§7 #2", "DEPT_PLAN_INVEST", *F_ENTERPRISE,
     "Đăng ký thay đổi vốn điều lệ, thay đổi tỷ lệ vốn góp",
     "Registration of a change of charter capital or of capital contribution ratios",
     3, "full", 50_000, "certificate", 1, 0, 0, 1_300, "GK"),
    ("§7 #2", "DEPT_PLAN_INVEST", *F_ENTERPRISE, "Thông báo thay đổi ngành, nghề kinh doanh",
     "Notification of a change of business lines",
     3, "full", 0, "notice", 1, 0, 0, 2_000, "GK"),
    ("§7 #3", "DEPT_PLAN_INVEST", *F_INVEST,
     "Cấp Giấy chứng nhận đăng ký đầu tư đối với dự án không thuộc diện chấp thuận chủ trương đầu tư",
     "Issuance of an investment registration certificate for a project not subject to investment policy approval",
     15, "partial", 0, "certificate", 0, 0, 1, 60, "GK"),
    ("§7 #3", "IZ_BOARD", *F_INVEST,
     "Cấp Giấy chứng nhận đăng ký đầu tư đối với dự án không thuộc diện chấp thuận chủ trương đầu tư",
     "Issuance of an investment registration certificate for a project not subject to investment policy approval",
     15, "partial", 0, "certificate", 0, 0, 1, 120, "GK"),
    ("§7 #4", "DEPT_CONSTRUCTION", *F_BUILD,
     "Cấp giấy phép xây dựng mới đối với công trình cấp II, cấp III",
     "Issuance of a new construction permit for grade II and grade III works",
     20, "partial", 150_000, "licence", 0, 1, 1, 300, "V:S36"),
    ("§7 #4", "IZ_BOARD", *F_BUILD,
     "Cấp giấy phép xây dựng mới đối với công trình trong khu công nghiệp",
     "Issuance of a new construction permit for works in an industrial zone",
     20, "partial", 150_000, "licence", 0, 1, 1, 250, "V:S36"),
    ("§7 #6", "DEPT_NATRES", *F_LAND, "Đăng ký đất đai, tài sản gắn liền với đất lần đầu",
     "First registration of land and land-attached assets",
     20, "partial", 100_000, "certificate", 0, 1, 1, 900, "V:S37"),
    ("§7 #6", "DEPT_NATRES", *F_LAND,
     "Cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất lần đầu",
     "First issuance of a certificate of land-use rights and ownership of land-attached assets",
     3, "partial", 100_000, "certificate", 0, 0, 0, 900, "V:S37"),
    ("§7 #7", "DEPT_NATRES", *F_LAND,
     "Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất do chuyển nhượng, tặng cho, thừa kế",
     "Registration of changes in land-use rights and ownership of land-attached assets by transfer, donation or inheritance",
     10, "partial", 50_000, "certificate", 0, 0, 1, 9_000, "GK"),
    ("§7 #8", "DEPT_JUSTICE", *F_RECORD, "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam",
     "Issuance of a criminal record certificate to a Vietnamese citizen",
     10, "full", 200_000, "record_slip", 0, 0, 1, 11_000, "V:S33,S34"),
    ("§7 #8", "DEPT_JUSTICE", *F_RECORD,
     "Cấp Phiếu lý lịch tư pháp cho người nước ngoài đang cư trú tại Việt Nam",
     "Issuance of a criminal record certificate to a foreigner residing in Vietnam",
     15, "full", 200_000, "record_slip", 0, 0, 1, 900, "V:S33,S34"),
    ("§7 #9", "DEPT_TRANSPORT", *F_ROAD, "Đổi giấy phép lái xe do ngành Giao thông vận tải cấp",
     "Exchange of a driving licence issued by the transport sector",
     5, "full", 135_000, "licence", 1, 0, 0, 16_000, "V:S38,S39"),
    ("§7 #10", "DEPT_LABOUR", "Việc làm", "Employment",
     "Cấp giấy phép lao động cho người lao động nước ngoài làm việc tại Việt Nam",
     "Issuance of a work permit to a foreign employee working in Vietnam",
     5, "full", 600_000, "licence", 0, 0, 0, 3_500, "GK"),
    ("§7 #11", "DEPT_TRANSPORT", *F_ROAD, "Cấp Giấy phép kinh doanh vận tải bằng xe ô tô",
     "Issuance of a licence for road transport business by car",
     5, "full", 200_000, "licence", 1, 0, 0, 900, "GK"),
    ("§7 #12", "DEPT_TRANSPORT", *F_ROAD, "Cấp phù hiệu xe ô tô kinh doanh vận tải",
     "Issuance of a badge for a commercial transport vehicle",
     2, "full", 0, "licence", 1, 0, 0, 6_000, "GK"),
    ("§7 #13", "DEPT_HEALTH", *F_FOOD,
     "Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm đối với cơ sở sản xuất thực phẩm, kinh doanh dịch vụ ăn uống",
     "Issuance of a food safety eligibility certificate to a food producer or catering business",
     20, "partial", 1_000_000, "certificate", 0, 1, 0, 450, "GK"),
    ("§7 #13", "DEPT_AGRI_RURAL", "Quản lý chất lượng nông lâm thủy sản",
     "Quality of agricultural, forestry and fishery products",
     "Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm đối với cơ sở sản xuất, kinh doanh nông lâm thủy sản",
     "Issuance of a food safety eligibility certificate to a producer or trader of agricultural, forestry and fishery products",
     20, "partial", 700_000, "certificate", 0, 1, 0, 250, "GK"),
    ("§7 #13", "DEPT_INDUSTRY_TRADE", *F_FOOD,
     "Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm đối với cơ sở sản xuất, kinh doanh thực phẩm thuộc ngành Công Thương",
     "Issuance of a food safety eligibility certificate to a food producer or trader of the industry and trade sector",
     20, "partial", 1_000_000, "certificate", 0, 1, 0, 200, "GK"),
    ("§7 #14", "DEPT_INDUSTRY_TRADE", "Thương mại quốc tế", "International trade",
     "Cấp Giấy phép thành lập Văn phòng đại diện của thương nhân nước ngoài tại Việt Nam",
     "Issuance of a licence to establish a representative office of a foreign trader in Vietnam",
     5, "full", 3_000_000, "licence", 1, 0, 0, 40, "GK"),
    ("§7 #15", "DEPT_CULTURE", "Du lịch", "Tourism",
     "Cấp giấy phép kinh doanh dịch vụ lữ hành nội địa",
     "Issuance of a domestic travel agency licence",
     10, "full", 3_000_000, "licence", 0, 0, 0, 30, "GK"),
    ("§7 #16", "DEPT_EDUCATION", "Văn bằng, chứng chỉ", "Diplomas and certificates",
     "Cấp bản sao văn bằng, chứng chỉ từ sổ gốc",
     "Issuance of a copy of a diploma or certificate from the master register",
     1, "full", 0, "copy", 1, 0, 0, 1_500, "GK"),
    ("§7 #17", "VERT_POLICE", "Xuất nhập cảnh", "Immigration",
     "Cấp hộ chiếu phổ thông ở trong nước",
     "Issuance of an ordinary passport in Vietnam",
     8, "partial", 200_000, "certificate", 0, 0, 0, 3_000, "GK"),
)

# The 23 procedures of the vertical agencies besides the passport (§7 #17): realistic names,
# synthetic legal times. name_vi, name_en, field_vi, field_en, legal_days, online_level, fee,
# result_type, yearly dossiers.
VERTICAL_PROCEDURES: dict[str, tuple[tuple, ...]] = {
    "VERT_POLICE": (
        ("Cấp lại hộ chiếu phổ thông bị mất", "Re-issuance of a lost ordinary passport",
         "Xuất nhập cảnh", "Immigration", 8, "partial", 400_000, "certificate", 300),
        ("Cấp thị thực cho người nước ngoài tại Việt Nam",
         "Issuance of a visa to a foreigner in Vietnam",
         "Xuất nhập cảnh", "Immigration", 5, "full", 600_000, "certificate", 400),
        ("Gia hạn tạm trú cho người nước ngoài tại Việt Nam",
         "Extension of temporary residence of a foreigner in Vietnam",
         "Xuất nhập cảnh", "Immigration", 5, "full", 300_000, "approval_letter", 1_500),
        ("Cấp thẻ tạm trú cho người nước ngoài tại Việt Nam",
         "Issuance of a temporary residence card to a foreigner in Vietnam",
         "Xuất nhập cảnh", "Immigration", 5, "partial", 2_000_000, "certificate", 2_500),
        ("Cấp giấy chứng nhận đủ điều kiện về an ninh, trật tự để làm ngành, nghề đầu tư kinh doanh có điều kiện",
         "Issuance of a certificate of security and order eligibility for a conditional business line",
         "Quản lý ngành, nghề kinh doanh có điều kiện", "Conditional business lines",
         5, "full", 300_000, "certificate", 300),
        ("Thẩm duyệt thiết kế về phòng cháy và chữa cháy",
         "Appraisal of fire prevention and fighting designs",
         "Phòng cháy, chữa cháy", "Fire prevention and fighting", 10, "partial", 0,
         "approval_letter", 250),
        ("Nghiệm thu về phòng cháy và chữa cháy",
         "Acceptance inspection for fire prevention and fighting",
         "Phòng cháy, chữa cháy", "Fire prevention and fighting", 10, "partial", 0,
         "approval_letter", 200),
        ("Đăng ký mẫu con dấu mới", "Registration of a new seal specimen",
         "Quản lý con dấu", "Seal management", 3, "partial", 50_000, "certificate", 500),
        ("Cấp giấy phép vận chuyển vật liệu nổ công nghiệp, tiền chất thuốc nổ",
         "Issuance of a permit to transport industrial explosives and explosive precursors",
         "Vật liệu nổ công nghiệp", "Industrial explosives", 3, "partial", 0, "licence", 30),
    ),
    "VERT_SOCIAL_INS": (
        ("Đăng ký tham gia bảo hiểm xã hội bắt buộc, bảo hiểm y tế, bảo hiểm thất nghiệp, bảo hiểm tai nạn lao động, bệnh nghề nghiệp",
         "Registration for compulsory social insurance, health insurance, unemployment insurance and occupational accident and disease insurance",
         "Thu bảo hiểm xã hội, bảo hiểm y tế", "Social and health insurance contributions",
         5, "full", 0, "certificate", 3_000),
        ("Cấp lại, đổi, điều chỉnh thông tin trên sổ bảo hiểm xã hội, thẻ bảo hiểm y tế",
         "Re-issuance, exchange or correction of a social insurance book or health insurance card",
         "Cấp sổ, thẻ", "Books and cards", 5, "full", 0, "certificate", 2_000),
        ("Giải quyết hưởng bảo hiểm xã hội một lần", "Settlement of a lump-sum social insurance benefit",
         "Thực hiện chính sách bảo hiểm xã hội", "Social insurance benefits", 5, "full", 0,
         "decision", 4_000),
        ("Giải quyết hưởng lương hưu", "Settlement of a retirement pension",
         "Thực hiện chính sách bảo hiểm xã hội", "Social insurance benefits", 20, "partial", 0,
         "decision", 600),
        ("Giải quyết hưởng chế độ tử tuất", "Settlement of survivorship benefits",
         "Thực hiện chính sách bảo hiểm xã hội", "Social insurance benefits", 10, "partial", 0,
         "decision", 300),
        ("Giải quyết hưởng trợ cấp ốm đau, thai sản, dưỡng sức phục hồi sức khỏe",
         "Settlement of sickness, maternity and convalescence allowances",
         "Thực hiện chính sách bảo hiểm xã hội", "Social insurance benefits", 5, "full", 0,
         "decision", 1_500),
        ("Đăng ký đóng, cấp thẻ bảo hiểm y tế đối với người chỉ tham gia bảo hiểm y tế",
         "Registration and health insurance card for a person insured for health care only",
         "Thu bảo hiểm xã hội, bảo hiểm y tế", "Social and health insurance contributions",
         5, "full", 0, "certificate", 800),
    ),
    "VERT_TAX": (
        ("Đăng ký thuế lần đầu đối với tổ chức kinh doanh",
         "First tax registration of a business organisation",
         "Đăng ký thuế", "Tax registration", 3, "full", 0, "certificate", 200),
        ("Thay đổi thông tin đăng ký thuế", "Change of tax registration information",
         "Đăng ký thuế", "Tax registration", 2, "full", 0, "notice", 600),
        ("Khai lệ phí trước bạ nhà, đất", "Declaration of registration fees on houses and land",
         "Lệ phí trước bạ", "Registration fees", 3, "partial", 0, "notice", 3_000),
        ("Hoàn thuế giá trị gia tăng", "Value-added tax refund",
         "Hoàn thuế", "Tax refunds", 6, "full", 0, "decision", 400),
        ("Xác nhận việc thực hiện nghĩa vụ thuế", "Confirmation of the fulfilment of tax obligations",
         "Quản lý thuế", "Tax administration", 5, "full", 0, "approval_letter", 500),
        ("Đăng ký sử dụng hóa đơn điện tử", "Registration for the use of electronic invoices",
         "Hóa đơn", "Invoices", 1, "full", 0, "notice", 800),
    ),
    "VERT_TREASURY": (
        ("Đăng ký và sử dụng tài khoản tại Kho bạc Nhà nước",
         "Registration and use of an account at the State Treasury",
         "Tài khoản", "Accounts", 2, "full", 0, "notice", 100),
        ("Kiểm soát thanh toán vốn đầu tư công", "Payment control of public investment capital",
         "Kiểm soát chi", "Expenditure control", 4, "full", 0, "approval_letter", 500),
        ("Kiểm soát chi thường xuyên ngân sách nhà nước",
         "Control of recurrent state budget expenditure",
         "Kiểm soát chi", "Expenditure control", 2, "full", 0, "approval_letter", 800),
        ("Xác nhận số dư tài khoản tiền gửi tại Kho bạc Nhà nước",
         "Confirmation of a deposit account balance at the State Treasury",
         "Tài khoản", "Accounts", 1, "full", 0, "approval_letter", 100),
    ),
}

# --------------------------------------------------------------------------------------------
# Synthetic procedures: verbs x objects of each field
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Verb:
    """How a verb turns an object into a procedure name and shapes its attributes."""

    vi: str
    en: str
    days: float  # share of the object's first-issue legal time
    simple: bool  # a low-discretion document check (a 5 tại chỗ candidate)
    first: bool  # a first issue: site inspection and consultation apply
    demand: float  # share of the object's first-issue demand
    result: str = ""  # overrides the object's result type


VERBS: dict[str, Verb] = {
    "cap": Verb("Cấp {}", "Issuance of {}", 1.0, False, True, 1.0),
    "caplai": Verb("Cấp lại {}", "Re-issuance of {}", 0.5, True, False, 0.3),
    "capdoi": Verb("Cấp đổi {}", "Exchange of {}", 0.4, True, False, 0.3),
    "dieuchinh": Verb("Điều chỉnh {}", "Amendment of {}", 0.6, True, False, 0.25),
    "suadoi": Verb("Cấp sửa đổi, bổ sung {}", "Amendment and supplementation of {}", 0.7, False,
                   False, 0.2),
    "giahan": Verb("Gia hạn {}", "Extension of {}", 0.5, True, False, 0.3),
    "dangky": Verb("Đăng ký {}", "Registration of {}", 1.0, False, True, 1.0),
    "thaydoi": Verb("Thay đổi nội dung đăng ký {}", "Change of the registered details of {}",
                    0.6, True, False, 0.4),
    "xacnhan": Verb("Xác nhận {}", "Confirmation of {}", 0.5, True, False, 0.6, "approval_letter"),
    "thamdinh": Verb("Thẩm định {}", "Appraisal of {}", 1.0, False, True, 0.6, "approval_letter"),
    "pheduyet": Verb("Phê duyệt {}", "Approval of {}", 1.0, False, True, 0.5, "decision"),
    "congnhan": Verb("Công nhận {}", "Recognition of {}", 1.0, False, True, 0.5, "decision"),
    "congnhanlai": Verb("Công nhận lại {}", "Re-recognition of {}", 0.8, False, True, 0.3,
                        "decision"),
    "thuhoi": Verb("Thu hồi {}", "Revocation of {}", 0.5, False, False, 0.05, "decision"),
    "thanhlap": Verb("Thành lập {}", "Establishment of {}", 1.0, False, True, 0.3, "decision"),
    "chophep": Verb("Cho phép thành lập {}", "Permission to establish {}", 1.0, False, True, 0.3,
                    "decision"),
    "hoatdong": Verb("Cho phép {} hoạt động giáo dục", "Permission for {} to operate", 1.0, False, True,
                     0.3, "decision"),
    "giaithe": Verb("Giải thể {}", "Dissolution of {}", 0.6, False, False, 0.05, "decision"),
    "sapnhap": Verb("Sáp nhập, chia, tách {}", "Merger, division or separation of {}", 0.8,
                    False, False, 0.05, "decision"),
    "chapthuan": Verb("Chấp thuận {}", "Consent to {}", 0.8, False, True, 0.5, "approval_letter"),
    "thongbao": Verb("Thông báo {}", "Notification of {}", 0.4, True, False, 0.5, "notice"),
    "chamdut": Verb("Chấm dứt hoạt động {}", "Termination of the operation of {}", 0.5, False,
                    False, 0.05, "decision"),
    "-": Verb("{}", "{}", 1.0, False, True, 1.0),
}

# Families named in object lines as {NAME}: (vi, en) pairs.
FAMILIES: dict[str, tuple[tuple[str, str], ...]] = {
    "LAWORG": (("văn phòng luật sư", "a law office"), ("công ty luật", "a law firm"),
               ("chi nhánh của tổ chức hành nghề luật sư", "a branch of a law-practising organisation"),
               ("chi nhánh, công ty luật nước ngoài", "a branch or subsidiary of a foreign law firm")),
    "CLINIC": (("bệnh viện", "a hospital"), ("phòng khám đa khoa", "a general clinic"),
               ("phòng khám chuyên khoa", "a specialised clinic"),
               ("phòng khám bác sĩ gia đình", "a family doctor clinic"),
               ("phòng khám chuyên khoa phẫu thuật thẩm mỹ", "a cosmetic surgery clinic"),
               ("phòng chẩn trị y học cổ truyền", "a traditional medicine clinic"),
               ("cơ sở dịch vụ xét nghiệm", "a laboratory testing service"),
               ("cơ sở dịch vụ chẩn đoán hình ảnh", "a diagnostic imaging service"),
               ("cơ sở dịch vụ điều dưỡng, phục hồi chức năng", "a nursing and rehabilitation service")),
    "CLINIC_SMALL": (("nhà hộ sinh", "a maternity home"),
                     ("cơ sở dịch vụ tiêm (chích), thay băng, đếm mạch, đo nhiệt độ, đo huyết áp",
                      "an injection, dressing, pulse, temperature and blood-pressure service"),
                     ("cơ sở dịch vụ chăm sóc sức khỏe tại nhà", "a home health care service"),
                     ("cơ sở dịch vụ cấp cứu, hỗ trợ vận chuyển người bệnh",
                      "an emergency and patient transport service"),
                     ("cơ sở dịch vụ làm răng giả", "a dental prosthesis service"),
                     ("cơ sở dịch vụ kính thuốc", "an optician's service"),
                     ("trạm y tế cấp xã", "a commune health station"),
                     ("phòng khám, điều trị bệnh nghề nghiệp", "an occupational disease clinic")),
    "DRUGSHOP": (("nhà thuốc", "a pharmacy"), ("quầy thuốc", "a drug counter"),
                 ("cơ sở bán buôn thuốc", "a drug wholesaler"),
                 ("cơ sở bán lẻ thuốc dược liệu, thuốc cổ truyền",
                  "a retailer of herbal and traditional medicines"),
                 ("cơ sở kinh doanh dược liệu", "a trader in medicinal herbs"),
                 ("tủ thuốc trạm y tế xã", "a commune health station medicine cabinet")),
    "SCHOOL": (("trường trung học phổ thông", "an upper secondary school"),
               ("trường phổ thông có nhiều cấp học có cấp học cao nhất là trung học phổ thông",
                "a multi-level school whose highest level is upper secondary"),
               ("trung tâm giáo dục thường xuyên", "a continuing education centre"),
               ("trường trung học phổ thông chuyên", "a specialised upper secondary school"),
               ("trung tâm hỗ trợ phát triển giáo dục hòa nhập",
                "a centre for the development of inclusive education")),
    "STANDARD": (("trường mầm non", "a preschool"), ("trường tiểu học", "a primary school"),
                 ("trường trung học cơ sở", "a lower secondary school"),
                 ("trường trung học phổ thông", "an upper secondary school"),
                 ("trường phổ thông có nhiều cấp học", "a multi-level school")),
    "SPORT": tuple((f"môn {vi}", f"{en}") for vi, en in (
        ("bơi, lặn", "swimming and diving"), ("thể dục thẩm mỹ", "aesthetic gymnastics"),
        ("yoga", "yoga"), ("golf", "golf"), ("khiêu vũ thể thao", "dancesport"),
        ("võ cổ truyền, vovinam", "traditional martial arts and vovinam"),
        ("taekwondo", "taekwondo"), ("karate", "karate"), ("judo", "judo"),
        ("quần vợt", "tennis"), ("bóng đá", "football"), ("billiards và snooker", "billiards and snooker"),
        ("bóng bàn", "table tennis"), ("cầu lông", "badminton"),
        ("thể dục thể hình và fitness", "bodybuilding and fitness"), ("patin", "roller skating"),
        ("bắn súng thể thao", "sport shooting"), ("lân sư rồng", "lion and dragon dance"),
        ("quyền anh", "boxing"), ("wushu", "wushu"), ("bóng rổ", "basketball"),
        ("đấu kiếm thể thao", "fencing"), ("leo núi thể thao", "sport climbing"),
        ("bóng chuyền", "volleyball"), ("cờ vua", "chess"), ("đá cầu", "shuttlecock"),
        ("bắn cung", "archery"), ("kickboxing", "kickboxing"), ("muay", "muay"),
        ("aerobic", "aerobics"), ("jujitsu", "jujitsu"), ("bóng ném", "handball"),
        ("cầu mây", "sepak takraw"), ("pencak silat", "pencak silat"), ("bi sắt", "petanque"),
        ("cử tạ", "weightlifting"), ("vật", "wrestling"))),
    "HOTEL": (("khách sạn", "a hotel"), ("biệt thự du lịch", "a tourist villa"),
              ("căn hộ du lịch", "a tourist apartment")),
    "TOURSVC": (("cơ sở kinh doanh dịch vụ ăn uống", "a catering business"),
                ("cơ sở kinh doanh dịch vụ mua sắm", "a shopping business"),
                ("cơ sở kinh doanh dịch vụ thể thao", "a sports business"),
                ("cơ sở kinh doanh dịch vụ vui chơi, giải trí", "an entertainment business"),
                ("cơ sở kinh doanh dịch vụ chăm sóc sức khỏe", "a health care business")),
    "POWER": (("phân phối điện", "power distribution"), ("bán lẻ điện", "power retail"),
              ("phát điện đối với nhà máy có quy mô dưới 3 MW", "generation at plants below 3 MW"),
              ("tư vấn thiết kế công trình đường dây và trạm biến áp",
               "design consultancy for power lines and substations"),
              ("tư vấn giám sát thi công công trình đường dây và trạm biến áp",
               "construction supervision consultancy for power lines and substations")),
    "FUEL": (("cửa hàng đủ điều kiện bán lẻ xăng dầu", "eligibility of a petrol retail station"),
             ("cửa hàng đủ điều kiện bán lẻ LPG chai", "eligibility of a bottled LPG retail shop"),
             ("trạm nạp LPG vào chai đủ điều kiện", "eligibility of an LPG bottling station"),
             ("trạm nạp LPG vào phương tiện vận tải đủ điều kiện",
              "eligibility of an LPG vehicle filling station"),
             ("trạm cấp LPG đủ điều kiện", "eligibility of an LPG supply station")),
    "WATER": (("nước mặt", "surface water"), ("nước dưới đất", "groundwater")),
    "IRRIG": (("xây dựng công trình mới trong phạm vi bảo vệ công trình thủy lợi",
               "building new works within the protection zone of irrigation works"),
              ("nuôi trồng thủy sản trong phạm vi bảo vệ công trình thủy lợi",
               "aquaculture within the protection zone of irrigation works"),
              ("xả nước thải vào công trình thủy lợi", "discharging wastewater into irrigation works"),
              ("lập bến, bãi tập kết nguyên liệu trong phạm vi bảo vệ công trình thủy lợi",
               "material yards within the protection zone of irrigation works"),
              ("khoan, đào khảo sát địa chất trong phạm vi bảo vệ công trình thủy lợi",
               "geological drilling within the protection zone of irrigation works"),
              ("hoạt động của phương tiện thủy nội địa, phương tiện cơ giới trong phạm vi bảo vệ công trình thủy lợi",
               "motor and inland waterway vehicles within the protection zone of irrigation works")),
    "PUBLICVET": (("trường trung cấp công lập", "a public intermediate vocational school"),
                  ("trung tâm giáo dục nghề nghiệp công lập", "a public vocational training centre")),
    "PRIVATEVET": (("trường trung cấp tư thục", "a private intermediate vocational school"),
                   ("trung tâm giáo dục nghề nghiệp tư thục", "a private vocational training centre")),
    "PUBASSET": (("giao", "assignment"), ("mua sắm", "purchase"), ("thuê", "lease"),
                 ("điều chuyển", "transfer"),
                 ("bán", "sale"), ("thanh lý", "liquidation"), ("tiêu hủy", "destruction"),
                 ("thu hồi", "recovery")),
}

# Fields and objects of each provincial body. A line "@ field_vi | field_en | dossiers/year |
# fee (thousand VND)" opens a field; an object line is "object_vi | object_en | verbs |
# first-issue legal days | result type | flags | dossiers/year | fee" (the last two optional,
# defaulting to the field's). Verb "-" means the object text is the whole procedure name.
# Flags: s = site inspection at first issue, i = inter-agency at first issue,
# e = simple document check even at first issue.
FIELDS: dict[str, str] = {}

FIELDS["DEPT_HEALTH"] = """
@ Khám bệnh, chữa bệnh | Medical examination and treatment | 25 | 0
chứng chỉ hành nghề khám bệnh, chữa bệnh | a medical practising certificate | cap caplai dieuchinh thuhoi | 20 | practice_cert | | 350 | 360
chứng chỉ hành nghề khám bệnh, chữa bệnh đối với người nước ngoài | a medical practising certificate for a foreigner | cap caplai | 20 | practice_cert | | 20 | 360
giấy phép hoạt động đối với {CLINIC} | the operating licence of {CLINIC} | cap caplai dieuchinh | 30 | licence | s | 20 | 5700
giấy phép hoạt động đối với {CLINIC_SMALL} | the operating licence of {CLINIC_SMALL} | cap caplai | 30 | licence | s | 8 | 3100
giấy xác nhận quá trình thực hành khám bệnh, chữa bệnh | a certificate of clinical practice | cap caplai | 10 | approval_letter | e | 120
Cấp giấy phép hoạt động đối với cơ sở khám bệnh, chữa bệnh khi thay đổi địa điểm | Issuance of an operating licence to a medical establishment upon change of location | - | 30 | licence | s | 10 | 4300
Cấp giấy phép hoạt động đối với cơ sở khám bệnh, chữa bệnh khi thay đổi hình thức tổ chức | Issuance of an operating licence to a medical establishment upon change of organisational form | - | 30 | licence | s | 3 | 4300
Cấp giấy phép hoạt động đối với cơ sở khám bệnh, chữa bệnh khi chia tách, hợp nhất, sáp nhập | Issuance of an operating licence to a medical establishment upon division, consolidation or merger | - | 30 | licence | s | 1 | 4300
Điều chỉnh giấy phép hoạt động đối với cơ sở khám bệnh, chữa bệnh khi thay đổi phạm vi hoạt động chuyên môn | Amendment of the operating licence of a medical establishment upon change of professional scope | - | 30 | licence | s | 12 | 4300
Thay đổi người chịu trách nhiệm chuyên môn của cơ sở khám bệnh, chữa bệnh | Change of the person in charge of professional matters of a medical establishment | - | 10 | approval_letter | e | 40
Thay đổi quy mô giường bệnh hoặc cơ cấu tổ chức của cơ sở khám bệnh, chữa bệnh | Change of bed capacity or organisational structure of a medical establishment | - | 30 | decision | s | 3
Phê duyệt danh mục kỹ thuật của cơ sở khám bệnh, chữa bệnh | Approval of the list of techniques of a medical establishment | - | 30 | decision | s | 30
Cho phép áp dụng kỹ thuật mới, phương pháp mới trong khám bệnh, chữa bệnh | Permission to apply a new technique or method in medical examination and treatment | - | 30 | approval_letter | si | 4
Xếp cấp chuyên môn kỹ thuật đối với cơ sở khám bệnh, chữa bệnh | Grading of the technical level of a medical establishment | - | 30 | decision | s | 5
Công bố cơ sở đủ điều kiện thực hiện khám sức khỏe | Announcement of an establishment qualified to perform health check-ups | - | 10 | notice | | 8
Cấp phép hoạt động khám bệnh, chữa bệnh nhân đạo | Licensing of humanitarian medical examination and treatment | - | 20 | licence | | 2
Cấp giấy phép cho người nước ngoài vào khám bệnh, chữa bệnh nhân đạo theo đợt | Licensing of foreign practitioners for a humanitarian medical campaign | - | 10 | licence | | 2
Xác nhận nội dung quảng cáo dịch vụ khám bệnh, chữa bệnh | Confirmation of the advertising content of medical services | - | 10 | approval_letter | e | 30
Cấp lại chứng chỉ hành nghề khám bệnh, chữa bệnh bị thu hồi | Re-issuance of a revoked medical practising certificate | - | 20 | practice_cert | | 2
Xét tặng danh hiệu Thầy thuốc Nhân dân, Thầy thuốc Ưu tú | Consideration for the titles of People's Physician and Meritorious Physician | - | 30 | decision | i | 15
@ Dược phẩm | Pharmaceuticals | 30 | 500
chứng chỉ hành nghề dược | a pharmacy practising certificate | cap caplai dieuchinh thuhoi | 20 | practice_cert | | 300
giấy chứng nhận đủ điều kiện kinh doanh dược đối với {DRUGSHOP} | the certificate of eligibility for pharmaceutical business of {DRUGSHOP} | cap caplai dieuchinh | 20 | certificate | s | 60 | 1000
giấy xác nhận nội dung quảng cáo thuốc | a certificate of the content of a medicine advertisement | cap caplai | 10 | approval_letter | e | 15 | 1600
Cấp giấy xác nhận nội dung thông tin thuốc theo hình thức hội thảo giới thiệu thuốc | Issuance of a certificate of drug information content for a drug-introduction seminar | - | 10 | approval_letter | e | 30 | 1600
Duyệt dự trù mua thuốc gây nghiện, thuốc hướng tâm thần và tiền chất dùng làm thuốc | Approval of purchase estimates for narcotic and psychotropic drugs and drug precursors | - | 10 | approval_letter | e | 40 | 0
Duyệt hồ sơ hủy thuốc gây nghiện, thuốc hướng tâm thần và tiền chất dùng làm thuốc | Approval of the destruction of narcotic and psychotropic drugs and drug precursors | - | 7 | approval_letter | | 8 | 0
Đánh giá đáp ứng thực hành tốt phân phối thuốc | Assessment of compliance with good distribution practice for medicines | - | 30 | certificate | s | 6 | 4000
Đánh giá duy trì đáp ứng thực hành tốt phân phối thuốc | Assessment of continued compliance with good distribution practice | - | 30 | certificate | s | 4 | 4000
Đánh giá đáp ứng thực hành tốt cơ sở bán lẻ thuốc | Assessment of compliance with good pharmacy practice | - | 20 | certificate | s | 80 | 1000
Đánh giá duy trì đáp ứng thực hành tốt cơ sở bán lẻ thuốc | Assessment of continued compliance with good pharmacy practice | - | 20 | certificate | s | 60 | 1000
Kiểm soát thay đổi của cơ sở bán lẻ thuốc đạt thực hành tốt | Change control of a pharmacy certified for good pharmacy practice | - | 15 | approval_letter | | 40
Cho phép bán lẻ thuốc thuộc danh mục thuốc hạn chế bán lẻ | Permission to retail medicines on the restricted retail list | - | 15 | approval_letter | s | 10
Công bố cơ sở kinh doanh có tổ chức kệ thuốc | Announcement of a business with a medicine shelf | - | 5 | notice | e | 10 | 0
Cấp chứng chỉ hành nghề dược theo hình thức thi | Issuance of a pharmacy practising certificate by examination | - | 20 | practice_cert | | 10
@ Mỹ phẩm | Cosmetics | 20 | 500
Cấp số tiếp nhận Phiếu công bố sản phẩm mỹ phẩm sản xuất trong nước | Issuance of the receipt number of a notification of domestically produced cosmetics | - | 3 | record_slip | e | 60
Thu hồi số tiếp nhận Phiếu công bố sản phẩm mỹ phẩm | Revocation of the receipt number of a cosmetic product notification | - | 5 | decision | | 2 | 0
giấy chứng nhận đủ điều kiện sản xuất mỹ phẩm | the certificate of eligibility for cosmetics manufacturing | cap caplai dieuchinh | 30 | certificate | s | 3 | 6000
Cấp giấy chứng nhận lưu hành tự do đối với mỹ phẩm sản xuất trong nước để xuất khẩu | Issuance of a certificate of free sale for domestically produced cosmetics for export | - | 3 | certificate | e | 8
Tiếp nhận hồ sơ đăng ký quảng cáo mỹ phẩm | Receipt of a cosmetics advertising registration | - | 10 | notice | | 10
@ An toàn thực phẩm và dinh dưỡng | Food safety and nutrition | 40 | 500
giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm đối với cơ sở sản xuất thực phẩm, kinh doanh dịch vụ ăn uống | the food safety eligibility certificate of a food producer or catering business | caplai | 20 | certificate | | 60 | 1000
Đăng ký bản công bố sản phẩm nhập khẩu đối với thực phẩm dinh dưỡng y học, thực phẩm dùng cho chế độ ăn đặc biệt | Registration of the product declaration of imported medical nutrition foods and foods for special diets | - | 7 | certificate | | 30 | 1500
Đăng ký bản công bố sản phẩm sản xuất trong nước đối với thực phẩm dinh dưỡng y học, thực phẩm dùng cho chế độ ăn đặc biệt | Registration of the product declaration of domestic medical nutrition foods and foods for special diets | - | 7 | certificate | | 20 | 1500
giấy xác nhận nội dung quảng cáo thực phẩm | a certificate of the content of a food advertisement | cap | 10 | approval_letter | e | 40 | 1100
Cấp giấy chứng nhận lưu hành tự do đối với thực phẩm xuất khẩu | Issuance of a certificate of free sale for exported food | - | 5 | certificate | e | 10 | 150
Cấp giấy chứng nhận y tế đối với thực phẩm xuất khẩu | Issuance of a health certificate for exported food | - | 5 | certificate | e | 10 | 150
Xác nhận kiến thức về an toàn thực phẩm | Certification of food safety knowledge | - | 5 | approval_letter | e | 250 | 30
@ Y tế dự phòng | Preventive medicine | 10 | 0
Công bố cơ sở xét nghiệm đạt tiêu chuẩn an toàn sinh học cấp I, cấp II | Announcement of a biosafety level I or II laboratory | - | 10 | notice | s | 10
Công bố đủ điều kiện thực hiện hoạt động quan trắc môi trường lao động | Announcement of eligibility for occupational environment monitoring | - | 10 | notice | | 4
Công bố cơ sở đủ điều kiện tiêm chủng | Announcement of an establishment eligible for vaccination | - | 10 | notice | | 20
Cấp giấy chứng nhận đủ điều kiện cung cấp dịch vụ diệt côn trùng, diệt khuẩn bằng chế phẩm | Issuance of a certificate of eligibility for insecticidal and germicidal services | - | 20 | certificate | s | 3
Công bố đủ điều kiện điều trị nghiện chất dạng thuốc phiện bằng thuốc thay thế | Announcement of eligibility for opioid substitution treatment | - | 15 | notice | s | 1
Công bố cơ sở đủ điều kiện xét nghiệm khẳng định các trường hợp HIV dương tính | Announcement of an establishment eligible for confirmatory HIV testing | - | 20 | notice | s | 1
thẻ nhân viên tiếp cận cộng đồng | a community outreach worker card | cap caplai | 5 | certificate | e | 10
@ Trang thiết bị và công trình y tế | Medical equipment and facilities | 30 | 0
Công bố đủ điều kiện sản xuất trang thiết bị y tế | Announcement of eligibility to manufacture medical devices | - | 5 | notice | e | 4
Công bố tiêu chuẩn áp dụng đối với trang thiết bị y tế loại A | Announcement of the standards applied to class A medical devices | - | 3 | notice | e | 40
Công bố đủ điều kiện mua bán trang thiết bị y tế thuộc loại B, C, D | Announcement of eligibility to trade class B, C and D medical devices | - | 3 | notice | e | 60
giấy xác nhận nội dung quảng cáo trang thiết bị y tế | a certificate of the content of a medical device advertisement | cap caplai | 10 | approval_letter | e | 10 | 1100
@ Giám định y khoa | Medical assessment | 40 | 0
Khám giám định thương tật lần đầu do tai nạn lao động | First assessment of injury caused by an occupational accident | - | 30 | certificate | | 60
Khám giám định lần đầu do bệnh nghề nghiệp | First assessment of an occupational disease | - | 30 | certificate | | 30
Khám giám định lại bệnh nghề nghiệp tái phát | Re-assessment of a recurrent occupational disease | - | 30 | certificate | | 5
Khám giám định để thực hiện chế độ hưu trí đối với người lao động | Medical assessment for an employee's pension entitlement | - | 30 | certificate | | 40
Khám giám định mức độ khuyết tật | Assessment of the degree of disability | - | 30 | certificate | | 20
Khám giám định tổng hợp | Combined medical assessment | - | 30 | certificate | | 10
Khám giám định đối với trường hợp bổ sung vết thương | Assessment of additional war wounds | - | 30 | certificate | | 5
@ Y dược cổ truyền | Traditional medicine | 5 | 0
giấy chứng nhận là lương y | a traditional healer certificate | cap caplai | 30 | certificate | | 5
giấy chứng nhận người có bài thuốc gia truyền | a certificate of holding a hereditary remedy | cap caplai | 30 | certificate | | 2
"""

FIELDS["DEPT_JUSTICE"] = """
@ Luật sư | Lawyers | 15 | 100
hoạt động của {LAWORG} | the operation of {LAWORG} | dangky thaydoi | 10 | certificate | | 15
giấy đăng ký hoạt động của {LAWORG} | the operation registration of {LAWORG} | caplai | 5 | certificate | | 3
Hợp nhất công ty luật | Consolidation of law firms | - | 10 | certificate | | 1
Sáp nhập công ty luật | Merger of law firms | - | 10 | certificate | | 1
Chuyển đổi văn phòng luật sư thành công ty luật | Conversion of a law office into a law firm | - | 10 | certificate | | 2
Đăng ký hành nghề luật sư với tư cách cá nhân | Registration of individual law practice | - | 7 | certificate | | 8
Thay đổi nội dung đăng ký hành nghề luật sư với tư cách cá nhân | Change of the registered details of individual law practice | - | 7 | certificate | | 2
Thay đổi người đại diện theo pháp luật của văn phòng luật sư, công ty luật trách nhiệm hữu hạn một thành viên | Change of the legal representative of a law office or single-member law firm | - | 7 | certificate | | 3
Đăng ký hoạt động của công ty luật Việt Nam chuyển đổi từ công ty luật nước ngoài | Registration of the operation of a Vietnamese law firm converted from a foreign law firm | - | 10 | certificate | | 1
Hợp nhất, sáp nhập chi nhánh, công ty luật nước ngoài | Consolidation or merger of branches and subsidiaries of foreign law firms | - | 10 | certificate | | 1
Thành lập văn phòng giao dịch của văn phòng luật sư, công ty luật | Establishment of a transaction office of a law office or law firm | - | 7 | certificate | | 2
@ Công chứng | Notarisation | 10 | 0
Thành lập văn phòng công chứng | Establishment of a notary office | - | 20 | decision | s | 4 | 1000
Đăng ký hoạt động văn phòng công chứng | Registration of the operation of a notary office | - | 10 | certificate | | 4 | 1000
Thay đổi nội dung đăng ký hoạt động của văn phòng công chứng | Change of the registered details of a notary office | - | 10 | certificate | | 6 | 500
Cấp lại giấy đăng ký hoạt động của văn phòng công chứng | Re-issuance of the operation registration of a notary office | - | 5 | certificate | e | 1 | 500
Hợp nhất văn phòng công chứng | Consolidation of notary offices | - | 20 | decision | | 1
Sáp nhập văn phòng công chứng | Merger of notary offices | - | 20 | decision | | 1
Chuyển nhượng văn phòng công chứng | Transfer of a notary office | - | 20 | decision | | 1
Đăng ký hoạt động văn phòng công chứng hợp nhất | Registration of the operation of a notary office formed by consolidation | - | 10 | certificate | | 1
Đăng ký hoạt động văn phòng công chứng nhận sáp nhập | Registration of the operation of a notary office after a merger | - | 10 | certificate | | 1
Đăng ký hoạt động văn phòng công chứng nhận chuyển nhượng | Registration of the operation of a transferred notary office | - | 10 | certificate | | 1
Thu hồi quyết định cho phép thành lập văn phòng công chứng | Revocation of the decision permitting a notary office | - | 10 | decision | | 1
Chấm dứt hoạt động văn phòng công chứng | Termination of the operation of a notary office | - | 10 | decision | | 1
Đăng ký hành nghề và cấp Thẻ công chứng viên | Registration of practice and issuance of a notary's card | - | 10 | certificate | | 10
Cấp lại Thẻ công chứng viên | Re-issuance of a notary's card | - | 5 | certificate | e | 2
Thay đổi thông tin đăng ký hành nghề của công chứng viên | Change of a notary's practice registration details | - | 5 | certificate | e | 4
Xóa đăng ký hành nghề và thu hồi Thẻ công chứng viên | Deregistration of practice and revocation of a notary's card | - | 10 | decision | | 2
Đăng ký tập sự hành nghề công chứng | Registration of notarial apprenticeship | - | 5 | notice | e | 10
Thay đổi nơi tập sự hành nghề công chứng | Change of the place of notarial apprenticeship | - | 5 | notice | e | 2
Chấm dứt tập sự hành nghề công chứng | Termination of notarial apprenticeship | - | 5 | notice | | 1
Đăng ký tham gia kiểm tra kết quả tập sự hành nghề công chứng | Registration for the notarial apprenticeship assessment | - | 10 | notice | | 8
@ Thừa phát lại | Bailiffs | 3 | 0
Thành lập văn phòng thừa phát lại | Establishment of a bailiff office | - | 20 | decision | s | 2 | 1000
Đăng ký hoạt động văn phòng thừa phát lại | Registration of the operation of a bailiff office | - | 10 | certificate | | 2 | 1000
Thay đổi nội dung đăng ký hoạt động văn phòng thừa phát lại | Change of the registered details of a bailiff office | - | 10 | certificate | | 2 | 500
Chuyển nhượng văn phòng thừa phát lại | Transfer of a bailiff office | - | 20 | decision | | 1
Hợp nhất, sáp nhập văn phòng thừa phát lại | Consolidation or merger of bailiff offices | - | 20 | decision | | 1
Đăng ký hành nghề và cấp Thẻ thừa phát lại | Registration of practice and issuance of a bailiff's card | - | 10 | certificate | | 3
Cấp lại Thẻ thừa phát lại | Re-issuance of a bailiff's card | - | 5 | certificate | e | 1
Đăng ký tập sự hành nghề thừa phát lại | Registration of bailiff apprenticeship | - | 5 | notice | e | 3
Thay đổi nơi tập sự hành nghề thừa phát lại | Change of the place of bailiff apprenticeship | - | 5 | notice | e | 1
Đề nghị miễn nhiệm thừa phát lại | Request for the dismissal of a bailiff | - | 10 | decision | | 1
@ Giám định tư pháp | Judicial expertise | 3 | 0
Bổ nhiệm giám định viên tư pháp | Appointment of a judicial expert | - | 20 | decision | i | 6
Miễn nhiệm giám định viên tư pháp | Dismissal of a judicial expert | - | 20 | decision | | 2
thẻ giám định viên tư pháp | a judicial expert's card | cap caplai | 5 | certificate | e | 5
Cấp phép thành lập văn phòng giám định tư pháp | Licensing of the establishment of a judicial expertise office | - | 30 | decision | si | 1
Đăng ký hoạt động văn phòng giám định tư pháp | Registration of the operation of a judicial expertise office | - | 10 | certificate | | 1
Thay đổi, bổ sung lĩnh vực giám định của văn phòng giám định tư pháp | Change or addition of the expertise fields of a judicial expertise office | - | 10 | certificate | | 1
Thay đổi tên gọi, địa chỉ trụ sở, người đại diện theo pháp luật của văn phòng giám định tư pháp | Change of the name, address or legal representative of a judicial expertise office | - | 10 | certificate | | 1
Chuyển đổi loại hình văn phòng giám định tư pháp | Conversion of the type of a judicial expertise office | - | 10 | certificate | | 1
Cấp lại giấy đăng ký hoạt động của văn phòng giám định tư pháp | Re-issuance of the operation registration of a judicial expertise office | - | 5 | certificate | e | 1
Chấm dứt hoạt động văn phòng giám định tư pháp | Termination of the operation of a judicial expertise office | - | 10 | decision | | 1
Lập danh sách người giám định tư pháp theo vụ việc, tổ chức giám định tư pháp theo vụ việc | Listing of ad hoc judicial experts and ad hoc expertise organisations | - | 15 | decision | i | 2
@ Trọng tài thương mại | Commercial arbitration | 1 | 0
Đăng ký hoạt động của trung tâm trọng tài | Registration of the operation of an arbitration centre | - | 15 | certificate | | 1
Đăng ký hoạt động của chi nhánh trung tâm trọng tài | Registration of the operation of a branch of an arbitration centre | - | 15 | certificate | | 1
Thay đổi nội dung giấy đăng ký hoạt động của trung tâm trọng tài | Change of the operation registration of an arbitration centre | - | 7 | certificate | | 1
Thay đổi nội dung giấy đăng ký hoạt động của chi nhánh trung tâm trọng tài | Change of the operation registration of a branch of an arbitration centre | - | 7 | certificate | | 1
Đăng ký hoạt động chi nhánh của tổ chức trọng tài nước ngoài tại Việt Nam | Registration of the operation of a branch of a foreign arbitration institution | - | 15 | certificate | | 1
Đăng ký hoạt động văn phòng đại diện của tổ chức trọng tài nước ngoài tại Việt Nam | Registration of the representative office of a foreign arbitration institution | - | 15 | certificate | | 1
Cấp lại giấy đăng ký hoạt động của trung tâm trọng tài, chi nhánh trung tâm trọng tài | Re-issuance of the operation registration of an arbitration centre or branch | - | 5 | certificate | e | 1
Chấm dứt hoạt động của trung tâm trọng tài | Termination of the operation of an arbitration centre | - | 7 | decision | | 1
@ Hòa giải thương mại | Commercial mediation | 2 | 0
Đăng ký làm hòa giải viên thương mại vụ việc | Registration as an ad hoc commercial mediator | - | 5 | notice | e | 3
Đăng ký hoạt động của trung tâm hòa giải thương mại | Registration of the operation of a commercial mediation centre | - | 15 | certificate | | 1
Đăng ký hoạt động của chi nhánh trung tâm hòa giải thương mại | Registration of the operation of a branch of a commercial mediation centre | - | 15 | certificate | | 1
Thay đổi tên gọi trong giấy đăng ký hoạt động của trung tâm hòa giải thương mại | Change of name in the operation registration of a commercial mediation centre | - | 7 | certificate | | 1
Cấp lại giấy đăng ký hoạt động của trung tâm hòa giải thương mại | Re-issuance of the operation registration of a commercial mediation centre | - | 5 | certificate | e | 1
Đăng ký hoạt động của trung tâm hòa giải thương mại sau khi hợp nhất, sáp nhập | Registration of a commercial mediation centre after consolidation or merger | - | 15 | certificate | | 1
Chấm dứt hoạt động trung tâm hòa giải thương mại | Termination of the operation of a commercial mediation centre | - | 7 | decision | | 1
@ Quản tài viên | Insolvency administrators | 2 | 0
Đăng ký hành nghề quản lý, thanh lý tài sản với tư cách cá nhân | Registration of asset management and liquidation practice as an individual | - | 5 | certificate | e | 3
Đăng ký hành nghề quản lý, thanh lý tài sản đối với doanh nghiệp quản lý, thanh lý tài sản | Registration of practice of an asset management and liquidation enterprise | - | 5 | certificate | | 1
Thay đổi thông tin đăng ký hành nghề của quản tài viên | Change of an insolvency administrator's practice registration | - | 5 | certificate | e | 1
Chấm dứt hành nghề quản lý, thanh lý tài sản | Termination of asset management and liquidation practice | - | 5 | notice | | 1
@ Đấu giá tài sản | Asset auctions | 4 | 0
Đăng ký hoạt động của doanh nghiệp đấu giá tài sản | Registration of the operation of an asset auction enterprise | - | 7 | certificate | | 3 | 1000
Thay đổi nội dung đăng ký hoạt động của doanh nghiệp đấu giá tài sản | Change of the registered details of an asset auction enterprise | - | 5 | certificate | | 3 | 500
Cấp lại giấy đăng ký hoạt động của doanh nghiệp đấu giá tài sản | Re-issuance of the operation registration of an asset auction enterprise | - | 5 | certificate | e | 1 | 500
Đăng ký hoạt động của chi nhánh doanh nghiệp đấu giá tài sản | Registration of the operation of a branch of an asset auction enterprise | - | 7 | certificate | | 2
Thay đổi nội dung đăng ký hoạt động của chi nhánh doanh nghiệp đấu giá tài sản | Change of the registered details of a branch of an asset auction enterprise | - | 5 | certificate | | 1
Đăng ký hoạt động sau khi chuyển đổi loại hình doanh nghiệp đấu giá tài sản | Registration of an asset auction enterprise after conversion of its type | - | 7 | certificate | | 1
Đăng ký hoạt động của doanh nghiệp đấu giá tài sản sau khi hợp nhất, sáp nhập | Registration of an asset auction enterprise after consolidation or merger | - | 7 | certificate | | 1
Đăng ký tập sự hành nghề đấu giá | Registration of auction apprenticeship | - | 5 | notice | e | 3
Đăng ký tham dự kiểm tra kết quả tập sự hành nghề đấu giá | Registration for the auction apprenticeship assessment | - | 10 | notice | | 2
thẻ đấu giá viên | an auctioneer's card | cap caplai | 5 | certificate | e | 5
Phê duyệt đủ điều kiện thực hiện hình thức đấu giá trực tuyến | Approval of eligibility to hold online auctions | - | 20 | decision | s | 1
@ Tư vấn pháp luật | Legal consultancy | 2 | 0
Đăng ký hoạt động của trung tâm tư vấn pháp luật | Registration of the operation of a legal consultancy centre | - | 5 | certificate | | 2
Thay đổi nội dung đăng ký hoạt động của trung tâm tư vấn pháp luật | Change of the registered details of a legal consultancy centre | - | 5 | certificate | | 1
Đăng ký hoạt động của chi nhánh trung tâm tư vấn pháp luật | Registration of the operation of a branch of a legal consultancy centre | - | 5 | certificate | | 1
thẻ tư vấn viên pháp luật | a legal consultant's card | cap caplai thuhoi | 5 | certificate | e | 4
Thu hồi giấy đăng ký hoạt động của trung tâm tư vấn pháp luật | Revocation of the operation registration of a legal consultancy centre | - | 5 | decision | | 1
Chấm dứt hoạt động của trung tâm tư vấn pháp luật | Termination of the operation of a legal consultancy centre | - | 5 | decision | | 1
@ Trợ giúp pháp lý | Legal aid | 10 | 0
Yêu cầu trợ giúp pháp lý | Request for legal aid | - | 2 | notice | e | 300
Lựa chọn, ký hợp đồng với tổ chức hành nghề luật sư thực hiện trợ giúp pháp lý | Selection of and contracting with law-practising organisations for legal aid | - | 20 | decision | | 2
Đăng ký tham gia trợ giúp pháp lý | Registration to participate in legal aid | - | 5 | certificate | | 4
Thay đổi nội dung đăng ký tham gia trợ giúp pháp lý | Change of the registration to participate in legal aid | - | 5 | certificate | e | 2
Chấm dứt tham gia trợ giúp pháp lý | Termination of participation in legal aid | - | 5 | notice | | 1
thẻ cộng tác viên trợ giúp pháp lý | a legal aid collaborator's card | cap caplai | 5 | certificate | e | 5
Thay đổi người thực hiện trợ giúp pháp lý | Change of the legal aid provider | - | 3 | notice | e | 10
Giải quyết khiếu nại về trợ giúp pháp lý | Settlement of a complaint about legal aid | - | 10 | decision | | 2
@ Quốc tịch | Nationality | 10 | 0
Nhập quốc tịch Việt Nam | Naturalisation as a Vietnamese citizen | - | 45 | decision | i | 5 | 3000
Trở lại quốc tịch Việt Nam ở trong nước | Restoration of Vietnamese nationality in Vietnam | - | 45 | decision | i | 3 | 2500
Thôi quốc tịch Việt Nam ở trong nước | Renunciation of Vietnamese nationality in Vietnam | - | 45 | decision | i | 40 | 2500
Cấp Giấy xác nhận có quốc tịch Việt Nam ở trong nước | Issuance of a confirmation of Vietnamese nationality in Vietnam | - | 5 | approval_letter | i | 10 | 100
Cấp Giấy xác nhận là người gốc Việt Nam ở trong nước | Issuance of a confirmation of Vietnamese origin in Vietnam | - | 20 | approval_letter | i | 2 | 100
Cấp bản sao giấy tờ về quốc tịch Việt Nam | Issuance of copies of Vietnamese nationality papers | - | 3 | copy | e | 5
@ Hộ tịch | Civil status | 200 | 0
Cấp bản sao trích lục hộ tịch | Issuance of a copy of a civil status extract | - | 1 | copy | e | 300 | 8
@ Nuôi con nuôi | Adoption | 3 | 0
Giải quyết việc người nước ngoài thường trú ở Việt Nam nhận trẻ em Việt Nam làm con nuôi | Adoption of a Vietnamese child by a foreigner residing permanently in Vietnam | - | 30 | decision | i | 2 | 9000
Giải quyết việc nuôi con nuôi có yếu tố nước ngoài đối với trẻ em được giới thiệu làm con nuôi | Intercountry adoption of a child referred for adoption | - | 60 | decision | i | 5 | 9000
Giải quyết việc nuôi con nuôi có yếu tố nước ngoài đối với trường hợp cha dượng, mẹ kế nhận con riêng của vợ hoặc chồng | Intercountry adoption of a stepchild | - | 30 | decision | i | 3 | 4500
Đăng ký lại việc nuôi con nuôi có yếu tố nước ngoài | Re-registration of an intercountry adoption | - | 5 | certificate | | 1
Ghi chú việc nuôi con nuôi đã được giải quyết tại cơ quan có thẩm quyền của nước ngoài | Recording of an adoption granted by a competent foreign authority | - | 5 | certificate | | 2
@ Bồi thường nhà nước | State compensation | 2 | 0
Giải quyết yêu cầu bồi thường tại cơ quan trực tiếp quản lý người thi hành công vụ gây thiệt hại | Settlement of a compensation claim by the agency managing the official who caused damage | - | 60 | decision | i | 2
Giải quyết yêu cầu bồi thường tại cơ quan giải quyết bồi thường | Settlement of a compensation claim by the compensating agency | - | 60 | decision | i | 1
Phục hồi danh dự | Restoration of honour | - | 20 | decision | | 1
@ Phổ biến, giáo dục pháp luật | Legal dissemination and education | 3 | 0
Công nhận báo cáo viên pháp luật | Recognition of a legal rapporteur | - | 10 | decision | | 5
Miễn nhiệm báo cáo viên pháp luật | Dismissal of a legal rapporteur | - | 10 | decision | | 1
@ Lý lịch tư pháp | Criminal records | 100 | 0
Cấp Phiếu lý lịch tư pháp cho cơ quan nhà nước, tổ chức chính trị, tổ chức chính trị - xã hội | Issuance of a criminal record certificate to a state agency or socio-political organisation | - | 10 | record_slip | i | 300
@ Công chứng | Notarisation | 10 | 0
Đăng ký hoạt động văn phòng công chứng được chuyển đổi từ văn phòng công chứng do một công chứng viên thành lập | Registration of a notary office converted from a single-notary office | - | 10 | certificate | | 1
Thông báo thay đổi danh sách công chứng viên hợp danh của văn phòng công chứng | Notification of a change of partner notaries of a notary office | - | 5 | notice | e | 3
@ Thừa phát lại | Bailiffs | 3 | 0
Đăng ký hoạt động văn phòng thừa phát lại được thành lập trên cơ sở hợp nhất, sáp nhập | Registration of a bailiff office formed by consolidation or merger | - | 10 | certificate | | 1
"""

FIELDS["DEPT_PLAN_INVEST"] = """
@ Thành lập và hoạt động của doanh nghiệp | Establishment and operation of enterprises | 150 | 50
Đăng ký thay đổi chủ doanh nghiệp tư nhân | Registration of a change of the owner of a private enterprise | - | 3 | certificate | e | 60
Đăng ký thay đổi chủ sở hữu công ty trách nhiệm hữu hạn một thành viên | Registration of a change of the owner of a single-member limited liability company | - | 3 | certificate | e | 250
Đăng ký thay đổi thành viên công ty trách nhiệm hữu hạn hai thành viên trở lên | Registration of a change of members of a limited liability company with two or more members | - | 3 | certificate | e | 400
Đăng ký thay đổi thành viên hợp danh | Registration of a change of general partners | - | 3 | certificate | e | 1
Đăng ký thay đổi vốn đầu tư của chủ doanh nghiệp tư nhân | Registration of a change of the investment capital of a private enterprise owner | - | 3 | certificate | e | 40
Thông báo thay đổi thông tin cổ đông sáng lập công ty cổ phần | Notification of a change of founding shareholders of a joint-stock company | - | 3 | notice | e | 80 | 0
Thông báo thay đổi thông tin của cổ đông là nhà đầu tư nước ngoài trong công ty cổ phần chưa niêm yết | Notification of a change of foreign-investor shareholders of an unlisted joint-stock company | - | 3 | notice | e | 10 | 0
Thông báo thay đổi thông tin người quản lý doanh nghiệp, thông tin người đại diện theo ủy quyền | Notification of a change of an enterprise's managers or authorised representatives | - | 3 | notice | e | 120 | 0
Thông báo thay đổi nội dung đăng ký thuế | Notification of a change of tax registration details | - | 3 | notice | e | 300 | 0
Thông báo sử dụng, thay đổi, hủy mẫu con dấu | Notification of the use, change or cancellation of a seal specimen | - | 3 | notice | e | 100 | 0
Đăng ký thay đổi nội dung đăng ký doanh nghiệp đối với doanh nghiệp hoạt động theo Giấy phép đầu tư, Giấy chứng nhận đầu tư | Registration of changes for an enterprise operating under an investment licence or certificate | - | 3 | certificate | | 30
Cập nhật, bổ sung thông tin trong hồ sơ đăng ký doanh nghiệp | Update of information in an enterprise registration file | - | 3 | notice | e | 200 | 0
Hiệu đính thông tin đăng ký doanh nghiệp | Correction of enterprise registration information | - | 3 | certificate | e | 60 | 0
Cấp lại Giấy chứng nhận đăng ký doanh nghiệp | Re-issuance of an enterprise registration certificate | - | 3 | certificate | e | 30
Cấp đổi Giấy chứng nhận đăng ký kinh doanh sang Giấy chứng nhận đăng ký doanh nghiệp | Exchange of a business registration certificate for an enterprise registration certificate | - | 3 | certificate | e | 15
Đăng ký hoạt động chi nhánh, văn phòng đại diện | Registration of the operation of a branch or representative office | - | 3 | certificate | | 400
Thông báo lập địa điểm kinh doanh | Notification of the opening of a business location | - | 3 | notice | e | 500 | 0
Đăng ký thay đổi nội dung đăng ký hoạt động chi nhánh, văn phòng đại diện, địa điểm kinh doanh | Registration of changes to a branch, representative office or business location | - | 3 | certificate | e | 250
Chấm dứt hoạt động chi nhánh, văn phòng đại diện, địa điểm kinh doanh | Termination of the operation of a branch, representative office or business location | - | 3 | notice | | 200 | 0
Thông báo tạm ngừng kinh doanh | Notification of a temporary suspension of business | - | 3 | notice | e | 900 | 0
Thông báo tiếp tục kinh doanh trước thời hạn đã thông báo | Notification of resumption of business before the notified date | - | 3 | notice | e | 150 | 0
Giải thể doanh nghiệp | Dissolution of an enterprise | - | 5 | notice | | 400 | 0
Giải thể doanh nghiệp trong trường hợp bị thu hồi Giấy chứng nhận đăng ký doanh nghiệp | Dissolution of an enterprise whose registration certificate was revoked | - | 5 | notice | | 30 | 0
Chuyển đổi doanh nghiệp tư nhân thành công ty trách nhiệm hữu hạn, công ty cổ phần, công ty hợp danh | Conversion of a private enterprise into a limited liability, joint-stock or partnership company | - | 3 | certificate | | 20
Chuyển đổi công ty trách nhiệm hữu hạn một thành viên thành công ty cổ phần | Conversion of a single-member limited liability company into a joint-stock company | - | 3 | certificate | | 20
Chuyển đổi công ty cổ phần thành công ty trách nhiệm hữu hạn một thành viên | Conversion of a joint-stock company into a single-member limited liability company | - | 3 | certificate | | 15
Chuyển đổi công ty cổ phần thành công ty trách nhiệm hữu hạn hai thành viên trở lên | Conversion of a joint-stock company into a limited liability company with two or more members | - | 3 | certificate | | 15
Chuyển đổi công ty trách nhiệm hữu hạn hai thành viên trở lên thành công ty trách nhiệm hữu hạn một thành viên | Conversion of a multi-member into a single-member limited liability company | - | 3 | certificate | | 60
Chuyển đổi công ty trách nhiệm hữu hạn một thành viên thành công ty trách nhiệm hữu hạn hai thành viên trở lên | Conversion of a single-member into a multi-member limited liability company | - | 3 | certificate | | 80
Chuyển đổi hộ kinh doanh thành doanh nghiệp | Conversion of a household business into an enterprise | - | 3 | certificate | | 40
Đăng ký doanh nghiệp đối với các công ty được thành lập trên cơ sở chia công ty | Registration of companies formed by dividing a company | - | 3 | certificate | | 1
Đăng ký doanh nghiệp đối với các công ty được thành lập trên cơ sở tách công ty | Registration of companies formed by separation from a company | - | 3 | certificate | | 1
Hợp nhất doanh nghiệp | Consolidation of enterprises | - | 3 | certificate | | 1
Sáp nhập doanh nghiệp | Merger of enterprises | - | 3 | certificate | | 2
Đăng ký thành lập công ty trách nhiệm hữu hạn một thành viên từ việc chia, tách, hợp nhất doanh nghiệp | Registration of a single-member limited liability company formed by division, separation or consolidation | - | 3 | certificate | | 1
Đăng ký thay đổi nội dung đăng ký doanh nghiệp trong trường hợp tặng cho, thừa kế phần vốn góp | Registration of changes after a gift or inheritance of a capital contribution | - | 3 | certificate | e | 10
Đăng ký thay đổi nội dung đăng ký doanh nghiệp khi bán, tặng cho doanh nghiệp tư nhân | Registration of changes after the sale or gift of a private enterprise | - | 3 | certificate | e | 10
Thông báo cho thuê doanh nghiệp tư nhân | Notification of the lease of a private enterprise | - | 3 | notice | e | 1 | 0
Đăng ký thay đổi thông tin người được ủy quyền công bố thông tin | Registration of a change of the person authorised to disclose information | - | 3 | notice | e | 5 | 0
Cung cấp thông tin về nội dung đăng ký doanh nghiệp | Provision of information on enterprise registration | - | 1 | copy | e | 150
Khôi phục tình trạng pháp lý của doanh nghiệp sau khi bị thu hồi Giấy chứng nhận đăng ký doanh nghiệp | Restoration of the legal status of an enterprise after revocation of its registration certificate | - | 5 | certificate | | 10
@ Doanh nghiệp xã hội | Social enterprises | 1 | 0
Thông báo Cam kết thực hiện mục tiêu xã hội, môi trường | Notification of a commitment to social and environmental objectives | - | 3 | notice | e | 1
Thông báo thay đổi nội dung Cam kết thực hiện mục tiêu xã hội, môi trường | Notification of a change of a commitment to social and environmental objectives | - | 3 | notice | e | 1
Thông báo chấm dứt Cam kết thực hiện mục tiêu xã hội, môi trường | Notification of the end of a commitment to social and environmental objectives | - | 3 | notice | e | 1
Thông báo tiếp nhận viện trợ, tài trợ của doanh nghiệp xã hội | Notification of aid or sponsorship received by a social enterprise | - | 3 | notice | e | 1
@ Hợp tác xã | Cooperatives | 2 | 100
Đăng ký thành lập liên hiệp hợp tác xã | Registration of the establishment of a union of cooperatives | - | 5 | certificate | | 2
Đăng ký thay đổi tên, địa chỉ trụ sở chính, vốn điều lệ, người đại diện theo pháp luật của liên hiệp hợp tác xã | Registration of a change of name, address, capital or legal representative of a union of cooperatives | - | 5 | certificate | e | 2
Thông báo thay đổi nội dung đăng ký liên hiệp hợp tác xã | Notification of a change of the registration of a union of cooperatives | - | 3 | notice | e | 1
Đăng ký khi liên hiệp hợp tác xã chia, tách, hợp nhất, sáp nhập | Registration upon division, separation, consolidation or merger of a union of cooperatives | - | 5 | certificate | | 1
Giải thể tự nguyện liên hiệp hợp tác xã | Voluntary dissolution of a union of cooperatives | - | 5 | notice | | 1
Cấp lại giấy chứng nhận đăng ký liên hiệp hợp tác xã | Re-issuance of the registration certificate of a union of cooperatives | - | 3 | certificate | e | 1
Đăng ký thành lập chi nhánh, văn phòng đại diện, địa điểm kinh doanh của liên hiệp hợp tác xã | Registration of a branch, representative office or business location of a union of cooperatives | - | 3 | certificate | | 1
Tạm ngừng hoạt động của liên hiệp hợp tác xã | Temporary suspension of a union of cooperatives | - | 3 | notice | e | 1 | 0
Chấm dứt hoạt động của chi nhánh, văn phòng đại diện, địa điểm kinh doanh của liên hiệp hợp tác xã | Termination of a branch, representative office or business location of a union of cooperatives | - | 3 | notice | | 1 | 0
@ Đầu tư tại Việt Nam | Investment in Vietnam | 20 | 0
Chấp thuận chủ trương đầu tư của Ủy ban nhân dân cấp tỉnh | Investment policy approval by the provincial People's Committee | - | 35 | decision | si | 40
Cấp Giấy chứng nhận đăng ký đầu tư đối với dự án thuộc diện chấp thuận chủ trương đầu tư | Issuance of an investment registration certificate for a project with investment policy approval | - | 5 | certificate | | 30
Điều chỉnh Giấy chứng nhận đăng ký đầu tư | Amendment of an investment registration certificate | - | 10 | certificate | i | 80
Điều chỉnh chủ trương đầu tư của Ủy ban nhân dân cấp tỉnh | Amendment of the investment policy approval of the provincial People's Committee | - | 25 | decision | i | 25
Điều chỉnh tên dự án đầu tư, tên và địa chỉ nhà đầu tư trong Giấy chứng nhận đăng ký đầu tư | Amendment of a project's name or the investor's name and address in an investment registration certificate | - | 3 | certificate | e | 30
Điều chỉnh dự án đầu tư trong trường hợp chia, tách, sáp nhập, hợp nhất tổ chức kinh tế | Adjustment of an investment project upon division, separation, merger or consolidation of the investor | - | 15 | certificate | i | 3
Điều chỉnh dự án đầu tư theo bản án, quyết định của tòa án, trọng tài | Adjustment of an investment project under a court or arbitral ruling | - | 15 | certificate | i | 1
Chuyển nhượng dự án đầu tư | Transfer of an investment project | - | 15 | certificate | i | 10
Giãn tiến độ thực hiện dự án đầu tư | Extension of an investment project's schedule | - | 15 | approval_letter | i | 20
Tạm ngừng, ngừng hoạt động của dự án đầu tư | Suspension or cessation of an investment project | - | 15 | notice | | 5 | 0
Chấm dứt hoạt động của dự án đầu tư | Termination of an investment project | - | 15 | decision | | 8
Cấp lại Giấy chứng nhận đăng ký đầu tư | Re-issuance of an investment registration certificate | - | 5 | certificate | e | 4
Hiệu đính thông tin trên Giấy chứng nhận đăng ký đầu tư | Correction of information in an investment registration certificate | - | 3 | certificate | e | 4
Đổi Giấy chứng nhận đăng ký đầu tư cho dự án hoạt động theo Giấy phép đầu tư, Giấy chứng nhận đầu tư | Exchange of an investment licence or certificate for an investment registration certificate | - | 3 | certificate | e | 5
Góp vốn, mua cổ phần, mua phần vốn góp của nhà đầu tư nước ngoài vào tổ chức kinh tế | Capital contribution or share purchase by a foreign investor in an economic organisation | - | 15 | approval_letter | i | 80
Thành lập văn phòng điều hành của nhà đầu tư nước ngoài trong hợp đồng BCC | Establishment of an executive office of a foreign investor in a BCC contract | - | 15 | certificate | | 2
Chấm dứt hoạt động văn phòng điều hành của nhà đầu tư nước ngoài trong hợp đồng BCC | Termination of an executive office of a foreign investor in a BCC contract | - | 15 | notice | | 1
Cung cấp thông tin về dự án đầu tư | Provision of information on an investment project | - | 5 | copy | e | 10
Bảo đảm đầu tư trong trường hợp không được tiếp tục áp dụng ưu đãi đầu tư | Investment guarantee when incentives can no longer be applied | - | 30 | decision | i | 1
Lựa chọn nhà đầu tư thực hiện dự án có sử dụng đất | Selection of investors for projects using land | - | 30 | decision | i | 5
@ Đầu tư bằng vốn hỗ trợ phát triển chính thức và viện trợ | Official development assistance and aid | 2 | 0
Thẩm định, phê duyệt văn kiện dự án hỗ trợ kỹ thuật sử dụng vốn ODA và vốn vay ưu đãi | Appraisal and approval of a technical assistance project document using ODA and concessional loans | - | 20 | decision | i | 3
Phê duyệt khoản viện trợ phi chính phủ nước ngoài không thuộc hỗ trợ phát triển chính thức | Approval of foreign non-governmental aid outside official development assistance | - | 20 | decision | i | 8
Phê duyệt khoản viện trợ phi dự án | Approval of non-project aid | - | 15 | decision | i | 3
Điều chỉnh khoản viện trợ phi chính phủ nước ngoài | Amendment of foreign non-governmental aid | - | 15 | decision | i | 2
Tiếp nhận khoản viện trợ khắc phục hậu quả thiên tai | Receipt of aid for natural disaster relief | - | 5 | approval_letter | | 1
@ Đấu thầu | Procurement | 10 | 0
Thẩm định kế hoạch lựa chọn nhà thầu | Appraisal of a contractor selection plan | - | 20 | approval_letter | | 40
Thẩm định kế hoạch lựa chọn nhà thầu điều chỉnh | Appraisal of an amended contractor selection plan | - | 15 | approval_letter | | 15
Thẩm định kết quả lựa chọn nhà đầu tư | Appraisal of an investor selection result | - | 20 | approval_letter | i | 3
Thẩm định hồ sơ mời sơ tuyển dự án đầu tư có sử dụng đất | Appraisal of pre-qualification documents for land-using investment projects | - | 20 | approval_letter | | 2
@ Đầu tư theo phương thức đối tác công tư | Public-private partnership investment | 1 | 0
Thẩm định báo cáo nghiên cứu tiền khả thi dự án đầu tư theo phương thức đối tác công tư | Appraisal of a pre-feasibility study of a PPP project | - | 30 | approval_letter | i | 1
Phê duyệt dự án đầu tư theo phương thức đối tác công tư | Approval of a PPP project | - | 30 | decision | i | 1
Điều chỉnh dự án đầu tư theo phương thức đối tác công tư | Amendment of a PPP project | - | 30 | decision | i | 1
Thẩm định nội dung điều chỉnh hợp đồng dự án đối tác công tư | Appraisal of an amendment to a PPP project contract | - | 20 | approval_letter | i | 1
@ Đầu tư công | Public investment | 5 | 0
Thẩm định chủ trương đầu tư dự án nhóm B, nhóm C sử dụng vốn đầu tư công | Appraisal of the investment policy of group B and C public investment projects | - | 20 | approval_letter | i | 30
Thẩm định điều chỉnh chủ trương đầu tư dự án sử dụng vốn đầu tư công | Appraisal of an amended investment policy of a public investment project | - | 15 | approval_letter | i | 10
Thẩm định báo cáo đề xuất chủ trương đầu tư chương trình đầu tư công | Appraisal of a proposed investment policy of a public investment programme | - | 30 | approval_letter | i | 2
@ Thành lập và hoạt động của doanh nghiệp | Establishment and operation of enterprises | 150 | 50
Đăng ký doanh nghiệp đối với công ty nhận sáp nhập | Enterprise registration of an acquiring company in a merger | - | 3 | certificate | | 2
Đăng ký thành lập công ty cổ phần từ việc chia, tách, hợp nhất doanh nghiệp | Registration of a joint-stock company formed by division, separation or consolidation | - | 3 | certificate | | 1
Đăng ký thành lập công ty trách nhiệm hữu hạn hai thành viên trở lên từ việc chia, tách, hợp nhất doanh nghiệp | Registration of a multi-member limited liability company formed by division, separation or consolidation | - | 3 | certificate | | 1
Thông báo tạm ngừng hoạt động chi nhánh, văn phòng đại diện, địa điểm kinh doanh | Notification of the temporary suspension of a branch, representative office or business location | - | 3 | notice | e | 150 | 0
Thông báo chào bán cổ phần riêng lẻ của công ty cổ phần không phải là công ty đại chúng | Notification of a private share offering by a non-public joint-stock company | - | 3 | notice | e | 20 | 0
Thông báo cập nhật thông tin cổ đông là cá nhân nước ngoài, người đại diện theo ủy quyền của cổ đông là tổ chức nước ngoài | Notification of updated details of foreign individual shareholders or representatives of foreign corporate shareholders | - | 3 | notice | e | 10 | 0
Đề nghị dừng thực hiện thủ tục đăng ký doanh nghiệp | Request to stop an enterprise registration procedure | - | 3 | notice | e | 20 | 0
Cấp Giấy xác nhận về việc thay đổi nội dung đăng ký doanh nghiệp | Issuance of a confirmation of changes to enterprise registration | - | 3 | approval_letter | e | 40
Đăng ký thay đổi chủ sở hữu công ty trách nhiệm hữu hạn một thành viên trong trường hợp thừa kế | Registration of a change of owner of a single-member limited liability company by inheritance | - | 3 | certificate | e | 10
Cấp lại Giấy chứng nhận đăng ký hoạt động chi nhánh, văn phòng đại diện | Re-issuance of the operation registration of a branch or representative office | - | 3 | certificate | e | 10
Hiệu đính thông tin đăng ký hoạt động chi nhánh, văn phòng đại diện, địa điểm kinh doanh | Correction of the registration of a branch, representative office or business location | - | 3 | certificate | e | 10 | 0
Thông báo hủy bỏ nghị quyết, quyết định giải thể doanh nghiệp | Notification of the cancellation of a resolution to dissolve an enterprise | - | 3 | notice | e | 3 | 0
Thông báo thay đổi thông tin của chủ sở hữu là tổ chức của công ty trách nhiệm hữu hạn một thành viên | Notification of changes to the corporate owner of a single-member limited liability company | - | 3 | notice | e | 20 | 0
@ Đầu tư tại Việt Nam | Investment in Vietnam | 20 | 0
Điều chỉnh dự án đầu tư trong trường hợp nhà đầu tư nhận chuyển nhượng dự án đầu tư là tài sản bảo đảm | Adjustment of an investment project taken over as collateral | - | 15 | certificate | i | 1
Điều chỉnh dự án đầu tư trong trường hợp sử dụng quyền sử dụng đất, tài sản gắn liền với đất thuộc dự án để góp vốn | Adjustment of an investment project when its land is contributed as capital | - | 15 | certificate | i | 2
Xác nhận ưu đãi đầu tư đối với dự án đầu tư | Confirmation of investment incentives for a project | - | 15 | approval_letter | | 10
Thực hiện thủ tục ngừng hoạt động của dự án đầu tư theo quyết định của cơ quan nhà nước có thẩm quyền | Cessation of an investment project by decision of a competent authority | - | 15 | decision | | 2
@ Đấu thầu | Procurement | 10 | 0
Thẩm định hồ sơ mời thầu lựa chọn nhà đầu tư thực hiện dự án có sử dụng đất | Appraisal of bidding documents to select investors for land-using projects | - | 20 | approval_letter | i | 3
Thẩm định kết quả sơ tuyển nhà đầu tư | Appraisal of the pre-qualification result of investors | - | 20 | approval_letter | | 2
Giải quyết kiến nghị về kết quả lựa chọn nhà thầu | Settlement of a petition on a contractor selection result | - | 10 | decision | | 5
@ Đầu tư công | Public investment | 5 | 0
Thẩm định nguồn vốn và khả năng cân đối vốn dự án đầu tư công | Appraisal of the funding sources and balance of a public investment project | - | 15 | approval_letter | i | 20
@ Đầu tư bằng vốn hỗ trợ phát triển chính thức và viện trợ | Official development assistance and aid | 2 | 0
Xác nhận chuyên gia nước ngoài thực hiện chương trình, dự án sử dụng vốn ODA | Confirmation of foreign experts working on an ODA programme or project | - | 5 | approval_letter | e | 5
Thẩm định đề xuất chương trình, dự án sử dụng vốn vay ưu đãi của nhà tài trợ nước ngoài | Appraisal of a proposal for a programme or project using foreign concessional loans | - | 20 | approval_letter | i | 2
@ Hợp tác xã | Cooperatives | 2 | 100
Đăng ký thay đổi ngành, nghề sản xuất kinh doanh của liên hiệp hợp tác xã | Registration of a change of business lines of a union of cooperatives | - | 5 | certificate | e | 1
Thu hồi giấy chứng nhận đăng ký liên hiệp hợp tác xã | Revocation of the registration certificate of a union of cooperatives | - | 5 | decision | | 1 | 0
"""

FIELDS["DEPT_INDUSTRY_TRADE"] = """
@ Lưu thông hàng hóa trong nước | Domestic trade | 10 | 1200
Giấy chứng nhận {FUEL} | the certificate of {FUEL} | cap caplai dieuchinh | 15 | certificate | s | 25
Giấy xác nhận đủ điều kiện làm tổng đại lý kinh doanh xăng dầu | a certificate of eligibility as a petrol general agent | cap caplai dieuchinh | 20 | certificate | s | 3
Giấy xác nhận đủ điều kiện làm đại lý bán lẻ xăng dầu | a certificate of eligibility as a petrol retail agent | cap caplai dieuchinh | 20 | certificate | s | 5
Giấy phép bán buôn sản phẩm rượu | a liquor wholesale licence | cap caplai suadoi | 15 | licence | s | 8
Giấy phép sản xuất rượu công nghiệp quy mô dưới 3 triệu lít/năm | a licence for industrial liquor production below 3 million litres a year | cap caplai suadoi | 15 | licence | s | 2
Giấy phép bán buôn sản phẩm thuốc lá | a tobacco wholesale licence | cap caplai suadoi | 15 | licence | s | 3
Giấy chứng nhận đủ điều kiện đầu tư trồng cây thuốc lá | a certificate of eligibility to grow tobacco | cap caplai | 15 | certificate | s | 1
Giấy chứng nhận đủ điều kiện kinh doanh khí | a certificate of eligibility for gas trading | cap caplai | 15 | certificate | s | 4
@ Thương mại quốc tế | International trade | 20 | 3000
Giấy phép thành lập Văn phòng đại diện của thương nhân nước ngoài tại Việt Nam | the licence of a representative office of a foreign trader in Vietnam | caplai dieuchinh giahan | 5 | licence | | 20
Chấm dứt hoạt động của Văn phòng đại diện của thương nhân nước ngoài tại Việt Nam | Termination of a representative office of a foreign trader | - | 5 | notice | | 5 | 0
Giấy phép kinh doanh cho tổ chức kinh tế có vốn đầu tư nước ngoài | a business licence for a foreign-invested economic organisation | cap caplai dieuchinh | 10 | licence | i | 15 | 2000
Giấy phép lập cơ sở bán lẻ | a licence to open a retail outlet | cap caplai dieuchinh giahan | 10 | licence | si | 8 | 2000
Cấp giấy phép lập cơ sở bán lẻ được miễn thực hiện thủ tục kiểm tra nhu cầu kinh tế | Issuance of a licence for a retail outlet exempt from the economic needs test | - | 10 | licence | | 6 | 2000
Cấp giấy phép kinh doanh đồng thời với giấy phép lập cơ sở bán lẻ | Issuance of a business licence together with a retail outlet licence | - | 15 | licence | i | 2 | 2000
Cấp giấy phép lập cơ sở bán lẻ ngoài cơ sở bán lẻ thứ nhất | Issuance of a licence for retail outlets beyond the first | - | 15 | licence | si | 3 | 2000
Chấm dứt hoạt động cơ sở bán lẻ | Termination of a retail outlet | - | 5 | notice | | 2 | 0
Cấp giấy chứng nhận xuất xứ hàng hóa ưu đãi | Issuance of a preferential certificate of origin | - | 1 | certificate | e | 300 | 0
@ Xúc tiến thương mại | Trade promotion | 40 | 0
Đăng ký thực hiện khuyến mại theo hình thức mang tính may rủi | Registration of a promotion by lucky draw | - | 5 | approval_letter | e | 150
Đăng ký sửa đổi, bổ sung nội dung chương trình khuyến mại theo hình thức mang tính may rủi | Registration of changes to a lucky-draw promotion | - | 5 | approval_letter | e | 30
Thông báo thực hiện khuyến mại | Notification of a promotion | - | 1 | notice | e | 900
Đăng ký tổ chức hội chợ, triển lãm thương mại tại Việt Nam | Registration of a trade fair or exhibition in Vietnam | - | 7 | approval_letter | | 15
Đăng ký sửa đổi, bổ sung nội dung tổ chức hội chợ, triển lãm thương mại | Registration of changes to a trade fair or exhibition | - | 5 | approval_letter | e | 4
@ Kinh doanh bán hàng đa cấp | Multi-level marketing | 4 | 0
Đăng ký hoạt động bán hàng đa cấp tại địa phương | Local registration of multi-level marketing | - | 10 | approval_letter | | 3
Đăng ký sửa đổi, bổ sung nội dung hoạt động bán hàng đa cấp tại địa phương | Registration of changes to local multi-level marketing | - | 7 | approval_letter | e | 2
Thông báo tổ chức hội nghị, hội thảo, đào tạo về bán hàng đa cấp | Notification of a multi-level marketing conference, seminar or training | - | 3 | notice | e | 20
Chấm dứt hoạt động bán hàng đa cấp tại địa phương | Termination of local multi-level marketing | - | 5 | notice | | 1
@ Hóa chất | Chemicals | 6 | 1200
Giấy chứng nhận đủ điều kiện sản xuất hóa chất sản xuất, kinh doanh có điều kiện trong lĩnh vực công nghiệp | a certificate of eligibility to produce conditional industrial chemicals | cap caplai dieuchinh | 12 | certificate | s | 3
Giấy chứng nhận đủ điều kiện kinh doanh hóa chất sản xuất, kinh doanh có điều kiện trong lĩnh vực công nghiệp | a certificate of eligibility to trade conditional industrial chemicals | cap caplai dieuchinh | 12 | certificate | s | 12
Giấy chứng nhận đủ điều kiện sản xuất, kinh doanh hóa chất sản xuất, kinh doanh có điều kiện trong lĩnh vực công nghiệp | a certificate of eligibility to produce and trade conditional industrial chemicals | cap | 12 | certificate | s | 3
Xác nhận biện pháp phòng ngừa, ứng phó sự cố hóa chất | Confirmation of chemical incident prevention and response measures | - | 15 | approval_letter | s | 20
Thẩm định kế hoạch phòng ngừa, ứng phó sự cố hóa chất | Appraisal of a chemical incident prevention and response plan | - | 20 | approval_letter | i | 5
@ Vật liệu nổ công nghiệp | Industrial explosives | 3 | 0
Giấy phép sử dụng vật liệu nổ công nghiệp | a licence to use industrial explosives | cap caplai | 10 | licence | si | 3
Thu hồi giấy phép sử dụng vật liệu nổ công nghiệp | Revocation of a licence to use industrial explosives | - | 5 | decision | | 1
Giấy chứng nhận huấn luyện kỹ thuật an toàn vật liệu nổ công nghiệp | a certificate of safety training for industrial explosives | cap caplai | 5 | certificate | e | 10
Giấy phép sử dụng tiền chất thuốc nổ | a licence to use explosive precursors | cap caplai | 10 | licence | s | 1
@ Điện | Electricity | 5 | 1100
Giấy phép hoạt động điện lực trong lĩnh vực {POWER} | the electricity activity licence for {POWER} | cap suadoi | 15 | licence | s | 4
Thẻ kiểm tra viên điện lực | an electricity inspector card | cap caplai | 5 | certificate | e | 15
Cấp lại giấy phép hoạt động điện lực do hết hạn | Re-issuance of an expired electricity activity licence | - | 10 | licence | | 4
Cấp lại giấy phép hoạt động điện lực do bị mất hoặc bị hỏng | Re-issuance of a lost or damaged electricity activity licence | - | 5 | licence | e | 1
Huấn luyện và cấp thẻ an toàn điện | Training and issuance of an electrical safety card | - | 5 | certificate | e | 40
Phê duyệt phương án ứng phó thiên tai cho công trình vùng hạ du đập thủy điện | Approval of a disaster response plan for areas downstream of a hydropower dam | - | 20 | decision | i | 1
Phê duyệt phương án ứng phó với tình huống khẩn cấp hồ chứa thủy điện | Approval of an emergency response plan for a hydropower reservoir | - | 20 | decision | i | 1
@ An toàn thực phẩm | Food safety | 20 | 1000
Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm đối với cơ sở sản xuất, kinh doanh thực phẩm thuộc ngành Công Thương | the food safety eligibility certificate of a food producer or trader of the industry and trade sector | caplai | 20 | certificate | | 40
Cấp Giấy xác nhận kiến thức về an toàn thực phẩm cho tổ chức, cá nhân sản xuất, kinh doanh thực phẩm thuộc ngành Công Thương | Issuance of a food safety knowledge certificate to food producers and traders of the industry and trade sector | - | 5 | approval_letter | e | 150 | 30
Cấp Giấy chứng nhận lưu hành tự do đối với sản phẩm thực phẩm xuất khẩu thuộc ngành Công Thương | Issuance of a certificate of free sale for exported food of the industry and trade sector | - | 3 | certificate | e | 8
@ Công nghiệp địa phương | Local industry | 5 | 0
Đăng ký tham gia bình chọn sản phẩm công nghiệp nông thôn tiêu biểu cấp tỉnh | Registration for the provincial selection of model rural industrial products | - | 20 | decision | | 30
Hỗ trợ kinh phí khuyến công địa phương | Local industrial extension funding | - | 20 | decision | i | 15
Thẩm định đề án thành lập cụm công nghiệp | Appraisal of a proposal to establish an industrial cluster | - | 30 | approval_letter | si | 2
Thẩm định đề án mở rộng cụm công nghiệp | Appraisal of a proposal to expand an industrial cluster | - | 30 | approval_letter | si | 1
Thẩm định hồ sơ đề nghị chủ đầu tư xây dựng hạ tầng kỹ thuật cụm công nghiệp | Appraisal of the developer of an industrial cluster's infrastructure | - | 30 | approval_letter | i | 2
@ Quản lý cạnh tranh | Competition management | 3 | 0
Đăng ký hợp đồng theo mẫu, điều kiện giao dịch chung | Registration of a standard-form contract or general trading conditions | - | 20 | approval_letter | | 5
Đăng ký lại hợp đồng theo mẫu, điều kiện giao dịch chung | Re-registration of a standard-form contract or general trading conditions | - | 15 | approval_letter | e | 2
@ Kinh doanh khí | Gas business | 4 | 1200
Giấy chứng nhận đủ điều kiện thương nhân kinh doanh mua bán LNG | a certificate of eligibility for an LNG trading business | cap caplai | 15 | certificate | s | 1
Giấy chứng nhận đủ điều kiện thương nhân kinh doanh mua bán CNG | a certificate of eligibility for a CNG trading business | cap caplai | 15 | certificate | s | 1
@ Điện | Electricity | 5 | 1100
Huấn luyện và cấp lại thẻ an toàn điện | Training and re-issuance of an electrical safety card | - | 3 | certificate | e | 15
@ Kinh doanh khí | Gas business | 4 | 1200
Giấy chứng nhận đủ điều kiện thương nhân kinh doanh mua bán LPG | a certificate of eligibility for an LPG trading business | cap caplai dieuchinh | 15 | certificate | s | 3
@ Quản lý cạnh tranh | Competition management | 3 | 0
Thông báo tổ chức hoạt động bán hàng không tại chỗ | Notification of off-premises sales activities | - | 3 | notice | e | 10
@ Công nghiệp địa phương | Local industry | 5 | 0
Cấp Giấy xác nhận ưu đãi dự án sản xuất sản phẩm công nghiệp hỗ trợ thuộc Danh mục ưu tiên phát triển | Issuance of a confirmation of incentives for a priority supporting-industry project | - | 15 | approval_letter | i | 5
@ Hóa chất | Chemicals | 6 | 1200
Cấp giấy phép vận chuyển hàng nguy hiểm là các chất ôxy hóa, hợp chất hữu cơ và chất ăn mòn bằng phương tiện giao thông cơ giới đường bộ | Issuance of a permit to transport oxidising, organic and corrosive dangerous goods by road | - | 5 | licence | e | 30 | 0
Cấp giấy phép vận chuyển hàng nguy hiểm là hàng công nghiệp bằng đường thủy nội địa | Issuance of a permit to transport industrial dangerous goods by inland waterway | - | 5 | licence | e | 3 | 0
Kiểm tra, cấp giấy chứng nhận huấn luyện an toàn hóa chất | Examination and certification of chemical safety training | - | 5 | certificate | e | 20 | 0
"""

FIELDS["DEPT_CULTURE"] = """
@ Thể dục thể thao | Sport | 8 | 0
Giấy chứng nhận đủ điều kiện kinh doanh hoạt động thể thao đối với {SPORT} | the certificate of eligibility for sports business in {SPORT} | cap | 7 | certificate | s | 8
Cấp lại giấy chứng nhận đủ điều kiện kinh doanh hoạt động thể thao | Re-issuance of a certificate of eligibility for sports business | - | 5 | certificate | e | 4
Cấp giấy chứng nhận đủ điều kiện kinh doanh hoạt động thể thao trong trường hợp thay đổi nội dung | Issuance of a certificate of eligibility for sports business after a change of its content | - | 5 | certificate | | 4
Đăng cai tổ chức giải thi đấu vô địch từng môn thể thao của tỉnh | Hosting of a provincial championship in a sport | - | 10 | approval_letter | | 10
Công nhận câu lạc bộ thể thao chuyên nghiệp | Recognition of a professional sports club | - | 15 | decision | | 1
Xét tặng danh hiệu vận động viên, huấn luyện viên xuất sắc | Award of the title of outstanding athlete or coach | - | 20 | decision | | 5
@ Du lịch | Tourism | 15 | 0
Giấy phép kinh doanh dịch vụ lữ hành nội địa | a domestic travel agency licence | caplai capdoi | 10 | licence | | 5 | 750
Thu hồi giấy phép kinh doanh dịch vụ lữ hành nội địa trong trường hợp doanh nghiệp chấm dứt hoạt động | Revocation of a domestic travel agency licence when the enterprise ceases trading | - | 10 | decision | | 2
Thẻ hướng dẫn viên du lịch nội địa | a domestic tour guide card | cap caplai capdoi | 10 | certificate | | 40 | 650
Thẻ hướng dẫn viên du lịch quốc tế | an international tour guide card | cap caplai capdoi | 10 | certificate | | 20 | 650
Thẻ hướng dẫn viên du lịch tại điểm | an on-site tour guide card | cap caplai | 10 | certificate | | 15 | 200
Công nhận hạng cơ sở lưu trú du lịch 1 sao, 2 sao, 3 sao đối với {HOTEL} | Recognition of a 1- to 3-star grade for {HOTEL} | - | 30 | decision | s | 10 | 2000
Công nhận {TOURSVC} đạt tiêu chuẩn phục vụ khách du lịch | Recognition of {TOURSVC} as meeting tourist service standards | - | 15 | decision | s | 3
Công nhận điểm du lịch | Recognition of a tourist attraction | - | 30 | decision | si | 2
Công nhận khu du lịch cấp tỉnh | Recognition of a provincial tourist area | - | 45 | decision | si | 1
Giấy phép thành lập văn phòng đại diện tại Việt Nam của cơ quan du lịch nước ngoài, tổ chức du lịch quốc tế và khu vực | the licence of a representative office of a foreign or international tourism body | cap caplai dieuchinh giahan | 10 | licence | | 1
Chấm dứt hoạt động văn phòng đại diện tại Việt Nam của cơ quan du lịch nước ngoài | Termination of a representative office of a foreign tourism body | - | 10 | notice | | 1
@ Văn hóa cơ sở | Grassroots culture | 10 | 0
Cấp giấy phép kinh doanh dịch vụ vũ trường | Issuance of a dance hall business licence | - | 5 | licence | s | 2 | 10000
Cấp giấy phép điều chỉnh giấy phép kinh doanh dịch vụ vũ trường | Issuance of an amended dance hall business licence | - | 5 | licence | | 1 | 2000
Thông báo tổ chức lễ hội cấp tỉnh | Notification of a provincial festival | - | 7 | notice | | 10
Đăng ký tổ chức lễ hội cấp tỉnh | Registration of a provincial festival | - | 15 | approval_letter | i | 5
Tiếp nhận thông báo sản phẩm quảng cáo trên bảng quảng cáo, băng-rôn | Receipt of a notification of advertising products on billboards and banners | - | 5 | notice | e | 200
Cấp giấy phép thành lập văn phòng đại diện của doanh nghiệp quảng cáo nước ngoài tại Việt Nam | Issuance of a licence for a representative office of a foreign advertising company | - | 10 | licence | | 1 | 3000
Sửa đổi, bổ sung giấy phép thành lập văn phòng đại diện của doanh nghiệp quảng cáo nước ngoài tại Việt Nam | Amendment of the licence of a representative office of a foreign advertising company | - | 10 | licence | | 1 | 1500
@ Nghệ thuật biểu diễn | Performing arts | 20 | 0
Tổ chức biểu diễn nghệ thuật trên địa bàn tỉnh | Organisation of an art performance in the province | - | 5 | approval_letter | | 60
Tổ chức cuộc thi, liên hoan trên địa bàn quản lý | Organisation of a performing arts competition or festival | - | 5 | approval_letter | | 5
Tổ chức cuộc thi người đẹp, người mẫu | Organisation of a beauty or model contest | - | 15 | approval_letter | | 2
Phê duyệt nội dung tác phẩm nghệ thuật biểu diễn | Approval of the content of a performing arts work | - | 5 | approval_letter | e | 20
Thông báo tổ chức biểu diễn nghệ thuật trên địa bàn quản lý | Notification of an art performance | - | 5 | notice | e | 40
@ Mỹ thuật, nhiếp ảnh và triển lãm | Fine arts, photography and exhibitions | 10 | 0
Cấp giấy phép triển lãm mỹ thuật | Issuance of a fine arts exhibition licence | - | 7 | licence | | 8
Cấp giấy phép sao chép tác phẩm mỹ thuật về danh nhân văn hóa, anh hùng dân tộc, lãnh tụ | Issuance of a licence to copy artworks of cultural figures, national heroes or leaders | - | 10 | licence | | 2
Cấp giấy phép xây dựng tượng đài, tranh hoành tráng | Issuance of a licence to build a monument or monumental painting | - | 20 | licence | i | 1
Cấp giấy phép tổ chức trại sáng tác điêu khắc | Issuance of a licence for a sculpture camp | - | 10 | licence | | 1
Cấp giấy phép triển lãm tác phẩm nhiếp ảnh tại Việt Nam | Issuance of a licence for a photography exhibition in Vietnam | - | 7 | licence | | 4
Cấp giấy phép đưa tác phẩm nhiếp ảnh từ Việt Nam ra nước ngoài triển lãm | Issuance of a licence to exhibit photographs abroad | - | 7 | licence | | 1
Thông báo tổ chức triển lãm do tổ chức, cá nhân tại địa phương đưa ra nước ngoài | Notification of an exhibition taken abroad by a local organisation or person | - | 5 | notice | e | 1
Cấp giấy phép tổ chức triển lãm do tổ chức, cá nhân nước ngoài tổ chức tại địa phương | Issuance of a licence for an exhibition held locally by a foreign organisation | - | 10 | licence | | 1
@ Di sản văn hóa | Cultural heritage | 3 | 0
Chứng chỉ hành nghề tu bổ di tích | a practising certificate in relic restoration | cap caplai | 15 | practice_cert | | 3 | 500
Cấp giấy chứng nhận đủ điều kiện hành nghề tu bổ di tích | Issuance of a certificate of eligibility for relic restoration services | - | 15 | certificate | | 1
Cấp giấy chứng nhận đủ điều kiện kinh doanh giám định cổ vật | Issuance of a certificate of eligibility for antique appraisal services | - | 15 | certificate | s | 1
Xác nhận đủ điều kiện cấp giấy phép hoạt động bảo tàng ngoài công lập | Confirmation of eligibility for a private museum operating licence | - | 30 | approval_letter | s | 1
Cấp giấy phép hoạt động bảo tàng ngoài công lập | Issuance of an operating licence to a private museum | - | 30 | licence | si | 1
Đăng ký di vật, cổ vật, bảo vật quốc gia | Registration of relics, antiques and national treasures | - | 15 | certificate | s | 5
Cấp phép cho người nước ngoài tiến hành nghiên cứu sưu tầm di sản văn hóa phi vật thể | Licensing of foreigners to research and collect intangible cultural heritage | - | 15 | licence | | 2
Cấp giấy phép khai quật khẩn cấp | Issuance of an emergency excavation licence | - | 5 | licence | s | 1
Cho phép làm bản sao di vật, cổ vật, bảo vật quốc gia | Permission to reproduce relics, antiques and national treasures | - | 10 | approval_letter | | 1
Thẩm định dự án tu bổ, phục hồi di tích cấp tỉnh | Appraisal of a restoration project for a provincial relic | - | 30 | approval_letter | si | 8
Thẩm định thiết kế bản vẽ thi công tu bổ di tích | Appraisal of detailed designs for relic restoration | - | 20 | approval_letter | s | 6
Công nhận bảo vật quốc gia đối với bảo tàng ngoài công lập | Recognition of a national treasure held by a private museum | - | 45 | decision | si | 1
@ Thư viện | Libraries | 1 | 0
Thông báo thành lập thư viện chuyên ngành ở cấp tỉnh | Notification of the establishment of a provincial specialised library | - | 15 | notice | | 1
Thông báo sáp nhập, hợp nhất, chia, tách thư viện chuyên ngành | Notification of the merger or division of a specialised library | - | 15 | notice | | 1
Thông báo chấm dứt hoạt động thư viện chuyên ngành | Notification of the closure of a specialised library | - | 15 | notice | | 1
@ Gia đình | Family | 2 | 0
Giấy chứng nhận đăng ký hoạt động của cơ sở hỗ trợ nạn nhân bạo lực gia đình | the operation registration of a support centre for victims of domestic violence | cap caplai capdoi | 20 | certificate | s | 1
Giấy chứng nhận đăng ký hoạt động của cơ sở tư vấn về phòng, chống bạo lực gia đình | the operation registration of a domestic violence counselling centre | cap caplai capdoi | 20 | certificate | s | 1
Giấy chứng nhận nghiệp vụ chăm sóc nạn nhân bạo lực gia đình | a certificate of competence in caring for victims of domestic violence | cap caplai capdoi | 10 | certificate | | 2
Giấy chứng nhận nghiệp vụ tư vấn về phòng, chống bạo lực gia đình | a certificate of competence in domestic violence counselling | cap caplai capdoi | 10 | certificate | | 2
@ Điện ảnh | Cinema | 3 | 0
Cấp giấy phép phổ biến phim | Issuance of a film distribution licence | - | 15 | licence | | 3
Thông báo tổ chức chiếu phim tại địa phương | Notification of a film screening | - | 5 | notice | e | 3
@ Văn hóa cơ sở | Grassroots culture | 10 | 0
Cấp giấy phép nhập khẩu văn hóa phẩm không nhằm mục đích kinh doanh | Issuance of a licence to import non-commercial cultural products | - | 5 | licence | e | 15
Giám định văn hóa phẩm xuất khẩu không nhằm mục đích kinh doanh | Assessment of non-commercial cultural products for export | - | 5 | approval_letter | | 5
@ Di sản văn hóa | Cultural heritage | 3 | 0
Cấp chứng chỉ hành nghề mua bán di vật, cổ vật, bảo vật quốc gia | Issuance of a practising certificate for trading relics, antiques and national treasures | - | 15 | practice_cert | | 1
@ Nghệ thuật biểu diễn | Performing arts | 20 | 0
Cấp giấy phép cho tổ chức, cá nhân nước ngoài biểu diễn nghệ thuật tại địa phương | Licensing of foreign organisations or artists to perform locally | - | 7 | licence | | 5
"""

FIELDS["DEPT_TRANSPORT"] = """
@ Đường bộ | Road transport | 60 | 0
Cấp lại giấy phép lái xe | Re-issuance of a driving licence | - | 10 | licence | | 1500 | 135
Đổi giấy phép lái xe do ngành Công an cấp | Exchange of a driving licence issued by the police | - | 5 | licence | e | 80 | 135
Đổi giấy phép lái xe quân sự do Bộ Quốc phòng cấp | Exchange of a military driving licence | - | 5 | licence | e | 150 | 135
Đổi giấy phép lái xe hoặc bằng lái xe của nước ngoài cấp | Exchange of a foreign driving licence | - | 5 | licence | e | 300 | 135
Đổi giấy phép lái xe hoặc bằng lái xe của nước ngoài cấp cho khách du lịch nước ngoài lái xe vào Việt Nam | Exchange of a foreign driving licence for a tourist driving into Vietnam | - | 5 | licence | e | 2 | 135
Cấp giấy phép lái xe quốc tế | Issuance of an international driving permit | - | 5 | licence | e | 900 | 135
Giấy phép xe tập lái | a learner vehicle permit | cap caplai | 2 | licence | e | 100
Giấy phép đào tạo lái xe ô tô | a car driver training licence | cap caplai | 20 | licence | s | 2 | 2000
Giấy phép đào tạo lái xe các hạng A1, A2, A3, A4 | a licence for motorcycle driver training | cap caplai | 15 | licence | s | 3 | 1000
Giấy chứng nhận giáo viên dạy thực hành lái xe | a certificate of a practical driving instructor | cap caplai | 5 | certificate | | 60
Cấp giấy chứng nhận trung tâm sát hạch lái xe loại 3 đủ điều kiện hoạt động | Issuance of a certificate of eligibility to a class 3 driving test centre | - | 15 | certificate | s | 1
Cấp lại Giấy phép kinh doanh vận tải bằng xe ô tô khi thay đổi nội dung giấy phép | Re-issuance of a road transport business licence after a change of its content | - | 5 | licence | e | 300 | 200
Cấp lại Giấy phép kinh doanh vận tải bằng xe ô tô do hết hạn | Re-issuance of an expired road transport business licence | - | 5 | licence | e | 150 | 200
Cấp lại phù hiệu xe ô tô kinh doanh vận tải | Re-issuance of a commercial transport vehicle badge | - | 2 | licence | e | 2500
Biển hiệu xe ô tô vận chuyển khách du lịch | a tourist transport vehicle sign | cap caplai | 2 | licence | e | 150
Đăng ký khai thác tuyến vận tải hành khách cố định bằng xe ô tô | Registration to operate a fixed coach route | - | 10 | approval_letter | i | 100
Điều chỉnh tần suất chạy xe trên tuyến vận tải hành khách cố định | Adjustment of service frequency on a fixed coach route | - | 5 | approval_letter | e | 40
Ngừng khai thác tuyến vận tải hành khách cố định | Cessation of a fixed coach route | - | 5 | notice | e | 20
Công bố đưa bến xe khách vào khai thác | Announcement of the opening of a coach station | - | 15 | decision | s | 1
Công bố lại đưa bến xe khách vào khai thác | Re-announcement of a coach station's operation | - | 10 | decision | s | 1
Công bố đưa trạm dừng nghỉ vào khai thác | Announcement of the opening of a rest stop | - | 15 | decision | s | 1
Cấp giấy phép liên vận giữa Việt Nam và Lào | Issuance of a Vietnam-Laos cross-border transport permit | - | 2 | licence | e | 20
Cấp giấy phép liên vận giữa Việt Nam và Campuchia | Issuance of a Vietnam-Cambodia cross-border transport permit | - | 2 | licence | e | 10
Cấp giấy phép liên vận ASEAN | Issuance of an ASEAN cross-border transport permit | - | 2 | licence | e | 2
Gia hạn giấy phép liên vận và thời gian lưu hành tại Việt Nam cho phương tiện của Lào | Extension of the cross-border permit and stay of a Lao vehicle | - | 2 | licence | e | 1
Cấp giấy phép lưu hành xe quá tải trọng, xe quá khổ giới hạn, xe bánh xích trên đường bộ | Issuance of a permit for overweight, oversized or tracked vehicles on roads | - | 2 | licence | e | 300
Cấp giấy phép lưu hành xe vận chuyển hàng siêu trường, siêu trọng | Issuance of a permit for vehicles carrying oversized or super-heavy cargo | - | 2 | licence | | 20
Cấp phép thi công công trình đường bộ trên đường tỉnh đang khai thác | Permit for road works on an operating provincial road | - | 7 | licence | s | 60
Cấp phép thi công xây dựng công trình thiết yếu trong phạm vi bảo vệ kết cấu hạ tầng giao thông đường bộ | Permit to build essential works within the protection zone of road infrastructure | - | 7 | licence | s | 80
Chấp thuận xây dựng công trình thiết yếu trong phạm vi bảo vệ kết cấu hạ tầng giao thông đường bộ | Consent to build essential works within the protection zone of road infrastructure | - | 7 | approval_letter | i | 80
Gia hạn chấp thuận xây dựng công trình thiết yếu trong phạm vi bảo vệ kết cấu hạ tầng giao thông đường bộ | Extension of consent for essential works within the protection zone of road infrastructure | - | 3 | approval_letter | e | 10
Chấp thuận thiết kế kỹ thuật và phương án tổ chức thi công nút giao đấu nối vào đường tỉnh | Consent to the technical design and construction plan of a junction with a provincial road | - | 10 | approval_letter | si | 15
Chấp thuận xây dựng biển quảng cáo tạm thời trong phạm vi hành lang an toàn đường bộ | Consent to a temporary billboard within the road safety corridor | - | 7 | approval_letter | s | 15
Cấp giấy chứng nhận thẩm định thiết kế xe cơ giới cải tạo | Issuance of a design appraisal certificate for a modified motor vehicle | - | 5 | certificate | | 200 | 300
Cấp giấy chứng nhận chất lượng an toàn kỹ thuật và bảo vệ môi trường xe cơ giới cải tạo | Issuance of a technical safety and environmental certificate for a modified motor vehicle | - | 3 | certificate | s | 200 | 100
@ Xe máy chuyên dùng | Special-use vehicles | 40 | 200
Đăng ký, cấp biển số xe máy chuyên dùng lần đầu | First registration and number plate of a special-use vehicle | - | 3 | certificate | | 250
Đăng ký tạm thời xe máy chuyên dùng | Temporary registration of a special-use vehicle | - | 1 | certificate | e | 20 | 70
Cấp lại giấy chứng nhận đăng ký, biển số xe máy chuyên dùng | Re-issuance of the registration or number plate of a special-use vehicle | - | 3 | certificate | e | 20
Đăng ký sang tên chủ sở hữu xe máy chuyên dùng trong cùng một tỉnh | Registration of a change of owner of a special-use vehicle within the province | - | 3 | certificate | e | 60
Di chuyển đăng ký xe máy chuyên dùng ở khác tỉnh | Transfer of a special-use vehicle's registration to another province | - | 3 | certificate | e | 20
Đăng ký xe máy chuyên dùng từ tỉnh khác chuyển đến | Registration of a special-use vehicle moved from another province | - | 3 | certificate | | 20
Xóa sổ đăng ký xe máy chuyên dùng | Deregistration of a special-use vehicle | - | 3 | notice | e | 10 | 0
Đổi giấy chứng nhận đăng ký, biển số xe máy chuyên dùng | Exchange of the registration or number plate of a special-use vehicle | - | 3 | certificate | e | 10
@ Đường thủy nội địa | Inland waterways | 15 | 70
Đăng ký phương tiện thủy nội địa lần đầu | First registration of an inland waterway vessel | - | 3 | certificate | | 40
Đăng ký lại phương tiện thủy nội địa | Re-registration of an inland waterway vessel | - | 3 | certificate | e | 15
Cấp lại giấy chứng nhận đăng ký phương tiện thủy nội địa | Re-issuance of the registration certificate of an inland waterway vessel | - | 3 | certificate | e | 5
Đăng ký thay đổi thông tin của phương tiện thủy nội địa | Registration of changes to an inland waterway vessel | - | 3 | certificate | e | 10
Xóa giấy chứng nhận đăng ký phương tiện thủy nội địa | Deregistration of an inland waterway vessel | - | 3 | notice | e | 5 | 0
Chấp thuận chủ trương xây dựng cảng thủy nội địa | Consent in principle to build an inland port | - | 10 | approval_letter | si | 2 | 0
Công bố hoạt động cảng thủy nội địa | Announcement of the operation of an inland port | - | 5 | decision | s | 2 | 0
Công bố hoạt động bến thủy nội địa | Announcement of the operation of an inland wharf | - | 5 | decision | s | 15 | 0
Công bố lại hoạt động bến thủy nội địa | Re-announcement of the operation of an inland wharf | - | 5 | decision | | 5 | 0
Thỏa thuận thông số kỹ thuật xây dựng bến thủy nội địa | Agreement on the technical parameters of an inland wharf | - | 5 | approval_letter | s | 10 | 0
Thỏa thuận thiết lập báo hiệu đường thủy nội địa | Agreement on the installation of inland waterway signs | - | 5 | approval_letter | | 5 | 0
Chấp thuận phương án bảo đảm an toàn giao thông khi thi công công trình trên đường thủy nội địa | Consent to a traffic safety plan for works on an inland waterway | - | 5 | approval_letter | | 8 | 0
Cấp giấy phép hoạt động bến khách ngang sông | Issuance of an operating licence for a river ferry landing | - | 5 | licence | s | 3 | 0
Cấp, cấp lại chứng chỉ chuyên môn phương tiện thủy nội địa | Issuance or re-issuance of an inland waterway professional certificate | - | 10 | certificate | | 60 | 50
Cấp lại giấy chứng nhận khả năng chuyên môn thuyền trưởng, máy trưởng | Re-issuance of a master's or chief engineer's certificate of competence | - | 5 | certificate | e | 20 | 50
Chuyển đổi giấy chứng nhận khả năng chuyên môn thuyền trưởng, máy trưởng | Conversion of a master's or chief engineer's certificate of competence | - | 5 | certificate | e | 15 | 50
@ Đường sắt | Railways | 1 | 0
Chấp thuận chủ trương xây dựng đường ngang | Consent in principle to a level crossing | - | 10 | approval_letter | si | 1
Cấp giấy phép xây dựng, cải tạo, nâng cấp đường ngang | Permit to build or upgrade a level crossing | - | 10 | licence | s | 1
@ Đường bộ | Road transport | 60 | 0
Cấp mới giấy phép lái xe | Issuance of a new driving licence | - | 10 | licence | | 5000 | 135
Sát hạch lại để cấp lại giấy phép lái xe quá hạn sử dụng | Re-testing for the re-issuance of an expired driving licence | - | 10 | licence | | 300 | 135
Cấp giấy phép đào tạo lái xe ô tô khi điều chỉnh hạng xe đào tạo, lưu lượng đào tạo | Issuance of a driver training licence after a change of vehicle classes or capacity | - | 10 | licence | s | 2 | 1000
Chấp thuận chủ trương xây dựng cơ sở đào tạo lái xe ô tô | Consent in principle to build a car driver training centre | - | 10 | approval_letter | i | 1
Chấp thuận chủ trương xây dựng trung tâm sát hạch lái xe | Consent in principle to build a driving test centre | - | 10 | approval_letter | i | 1
Cấp giấy chứng nhận bồi dưỡng kiến thức pháp luật về giao thông đường bộ cho người điều khiển xe máy chuyên dùng | Issuance of a road traffic law certificate to special-use vehicle operators | - | 5 | certificate | e | 60
Phù hiệu xe nội bộ | an internal-transport vehicle badge | cap caplai | 2 | licence | e | 300
Phù hiệu xe trung chuyển | a shuttle vehicle badge | cap caplai | 2 | licence | e | 30
Cấp giấy phép vận tải đường bộ quốc tế giữa Việt Nam và Trung Quốc | Issuance of a Vietnam-China international road transport permit | - | 2 | licence | e | 60
Cấp giấy phép vận tải qua biên giới Campuchia - Lào - Việt Nam | Issuance of a Cambodia-Laos-Vietnam cross-border transport permit | - | 2 | licence | e | 2
Chấp thuận khai thác tuyến vận tải hành khách bằng xe buýt | Consent to operate a bus route | - | 10 | approval_letter | i | 5
Đăng ký khai thác tuyến vận tải hành khách cố định liên vận quốc tế | Registration to operate an international fixed coach route | - | 5 | approval_letter | | 3
Gia hạn giấy phép liên vận giữa Việt Nam và Campuchia | Extension of a Vietnam-Cambodia cross-border transport permit | - | 2 | licence | e | 1
Bổ sung, thay thế phương tiện khai thác tuyến vận tải hành khách cố định | Addition or replacement of vehicles on a fixed coach route | - | 3 | approval_letter | e | 150
Chấp thuận vị trí đấu nối tạm có thời hạn vào đường tỉnh | Consent to a temporary connection to a provincial road | - | 7 | approval_letter | s | 10
Cấp phép thi công công trình đường bộ trên quốc lộ được ủy thác quản lý | Permit for road works on a national road under delegated management | - | 7 | licence | s | 20
Chấp thuận khai thác tạm thời trên đất hành lang an toàn đường bộ | Consent to temporary use of land in the road safety corridor | - | 7 | approval_letter | s | 5
Phê duyệt phương án tổ chức giao thông trên đường tỉnh | Approval of a traffic organisation plan on a provincial road | - | 10 | decision | i | 5
Cấp phép thi công nút giao đấu nối vào đường tỉnh | Permit for the construction of a junction with a provincial road | - | 7 | licence | s | 10
Cấp giấy chứng nhận đăng ký, biển số xe máy chuyên dùng có thời hạn | Issuance of a time-limited registration and number plate of a special-use vehicle | - | 3 | certificate | e | 10
@ Đường thủy nội địa | Inland waterways | 15 | 70
Đăng ký phương tiện thủy nội địa chuyển quyền sở hữu | Registration of an inland waterway vessel after a change of ownership | - | 3 | certificate | e | 20
Đăng ký lại phương tiện thủy nội địa khi chuyển quyền sở hữu đồng thời thay đổi cơ quan đăng ký | Re-registration of a vessel after a change of owner and registry | - | 3 | certificate | e | 5
Phê duyệt phương án vận tải hàng hóa siêu trường, siêu trọng trên đường thủy nội địa | Approval of a plan to carry oversized or super-heavy cargo on inland waterways | - | 5 | decision | | 2 | 0
Công bố mở luồng chuyên dùng nối với luồng đường thủy nội địa địa phương | Announcement of the opening of a dedicated channel joining a local waterway | - | 10 | decision | s | 1 | 0
Công bố đóng luồng đường thủy nội địa khi không có nhu cầu khai thác | Announcement of the closure of an unused inland waterway channel | - | 10 | decision | | 1 | 0
Công bố hạn chế giao thông đường thủy nội địa | Announcement of traffic restrictions on an inland waterway | - | 3 | decision | | 5 | 0
Chấp thuận vận tải hành khách theo tuyến cố định trên đường thủy nội địa | Consent to a fixed passenger route on inland waterways | - | 5 | approval_letter | | 2 | 0
Công bố đóng cảng, bến thủy nội địa | Announcement of the closure of an inland port or wharf | - | 5 | decision | | 3 | 0
Cấp chứng chỉ bồi dưỡng kiến thức pháp luật về giao thông đường thủy nội địa | Issuance of an inland waterway traffic law certificate | - | 5 | certificate | e | 80 | 50
@ Đường sắt | Railways | 1 | 0
Gia hạn sử dụng đường ngang tạm thời | Extension of the use of a temporary level crossing | - | 5 | approval_letter | e | 1
Bãi bỏ đường ngang | Abolition of a level crossing | - | 10 | decision | | 1
"""

FIELDS["DEPT_AGRI_RURAL"] = """
@ Thú y | Veterinary medicine | 25 | 0
Giấy chứng nhận cơ sở an toàn dịch bệnh động vật | a certificate of an animal-disease-free establishment | cap caplai | 15 | certificate | s | 20 | 300
Giấy chứng nhận cơ sở an toàn dịch bệnh động vật thủy sản | a certificate of an aquatic-animal-disease-free establishment | cap caplai | 15 | certificate | s | 3 | 300
Chứng chỉ hành nghề thú y | a veterinary practising certificate | cap caplai giahan | 5 | practice_cert | | 60 | 0
Giấy chứng nhận đủ điều kiện buôn bán thuốc thú y | a certificate of eligibility to sell veterinary drugs | cap caplai | 10 | certificate | s | 30 | 230
Giấy chứng nhận đủ điều kiện vệ sinh thú y đối với cơ sở giết mổ động vật | a veterinary hygiene certificate for a slaughterhouse | cap caplai | 10 | certificate | s | 15 | 300
Giấy chứng nhận đủ điều kiện vệ sinh thú y đối với cơ sở kinh doanh sản phẩm động vật | a veterinary hygiene certificate for an animal product business | cap caplai | 10 | certificate | s | 10 | 300
Cấp giấy chứng nhận kiểm dịch động vật, sản phẩm động vật vận chuyển ra khỏi địa bàn cấp tỉnh | Issuance of a quarantine certificate for animals or animal products leaving the province | - | 1 | certificate | e | 1500 | 0
Cấp giấy chứng nhận kiểm dịch động vật, sản phẩm động vật thủy sản vận chuyển ra khỏi địa bàn cấp tỉnh | Issuance of a quarantine certificate for aquatic animals or products leaving the province | - | 1 | certificate | e | 200 | 0
Cấp giấy xác nhận nội dung quảng cáo thuốc thú y | Issuance of a certificate of the content of a veterinary drug advertisement | - | 10 | approval_letter | e | 3 | 0
Cấp giấy phép vận chuyển động vật hoang dã | Issuance of a permit to transport wild animals | - | 5 | licence | | 2 | 0
@ Chăn nuôi | Animal husbandry | 10 | 0
Giấy chứng nhận đủ điều kiện chăn nuôi đối với chăn nuôi trang trại quy mô lớn | a certificate of eligibility for large-scale livestock farming | cap caplai | 20 | certificate | s | 15 | 0
Giấy chứng nhận đủ điều kiện sản xuất thức ăn chăn nuôi thương mại, thức ăn chăn nuôi theo đặt hàng | a certificate of eligibility to produce commercial or custom feed | cap caplai | 20 | certificate | s | 4 | 0
Giấy chứng nhận đủ điều kiện sản xuất thức ăn thủy sản, sản phẩm xử lý môi trường nuôi trồng thủy sản | a certificate of eligibility to produce aquafeed or aquaculture environment treatment products | cap caplai | 20 | certificate | s | 1 | 0
Xác nhận nội dung quảng cáo thức ăn chăn nuôi | Confirmation of the content of an animal feed advertisement | - | 10 | approval_letter | e | 2 | 0
@ Trồng trọt và bảo vệ thực vật | Crops and plant protection | 20 | 0
Giấy chứng nhận đủ điều kiện buôn bán thuốc bảo vệ thực vật | a certificate of eligibility to sell pesticides | cap caplai | 15 | certificate | s | 40 | 500
Giấy chứng nhận đủ điều kiện buôn bán phân bón | a certificate of eligibility to sell fertilisers | cap caplai dieuchinh | 15 | certificate | s | 40 | 500
Giấy chứng nhận đủ điều kiện sản xuất phân bón | a certificate of eligibility to produce fertilisers | cap caplai dieuchinh | 20 | certificate | s | 2 | 1000
Xác nhận nội dung quảng cáo thuốc bảo vệ thực vật | Confirmation of the content of a pesticide advertisement | - | 10 | approval_letter | e | 5 | 0
Cấp giấy xác nhận nội dung quảng cáo phân bón | Issuance of a certificate of the content of a fertiliser advertisement | - | 10 | approval_letter | e | 5 | 0
Cấp giấy chứng nhận kiểm dịch thực vật nội địa | Issuance of a domestic plant quarantine certificate | - | 1 | certificate | e | 30 | 0
Cấp mã số vùng trồng | Issuance of a growing-area code | - | 20 | certificate | s | 20 | 0
Công nhận cây đầu dòng, vườn cây đầu dòng | Recognition of mother trees and mother-tree orchards | - | 20 | decision | s | 3 | 0
Công nhận lại cây đầu dòng, vườn cây đầu dòng | Re-recognition of mother trees and mother-tree orchards | - | 15 | decision | s | 1 | 0
Cấp giấy chứng nhận đủ điều kiện sản xuất thuốc bảo vệ thực vật | Issuance of a certificate of eligibility to produce pesticides | - | 20 | certificate | s | 1 | 1000
Chuyển đổi cơ cấu cây trồng trên đất trồng lúa | Change of crops on rice land | - | 5 | approval_letter | e | 20 | 0
@ Thủy sản | Fisheries | 5 | 0
Giấy chứng nhận cơ sở đủ điều kiện sản xuất, ương dưỡng giống thủy sản | a certificate of eligibility to produce and nurse aquatic seed | cap caplai | 15 | certificate | s | 6 | 500
Giấy chứng nhận cơ sở đủ điều kiện sản xuất thức ăn thủy sản | a certificate of eligibility to produce aquafeed | cap caplai | 15 | certificate | s | 1 | 500
Cấp giấy xác nhận đăng ký nuôi trồng thủy sản lồng bè, đối tượng thủy sản nuôi chủ lực | Issuance of a registration of cage aquaculture or main farmed species | - | 5 | approval_letter | e | 10 | 0
Cấp phép khai thác thủy sản trong khu bảo tồn | Licence for fishing in a protected area | - | 10 | licence | | 1 | 0
@ Lâm nghiệp | Forestry | 3 | 0
Cấp mã số cơ sở nuôi, trồng các loài động vật, thực vật hoang dã nguy cấp, quý, hiếm | Issuance of a registration code to a farm of endangered, precious or rare wild species | - | 15 | certificate | s | 5 | 0
Xác nhận bảng kê lâm sản | Certification of a forest product list | - | 3 | approval_letter | e | 30 | 0
Phê duyệt phương án trồng rừng thay thế | Approval of a replacement afforestation plan | - | 20 | decision | i | 2 | 0
Chuyển loại rừng đối với khu rừng do Ủy ban nhân dân cấp tỉnh xác lập | Reclassification of a forest established by the provincial People's Committee | - | 30 | decision | si | 1 | 0
@ Thủy lợi | Irrigation | 8 | 0
Giấy phép {IRRIG} | the permit for {IRRIG} | cap giahan dieuchinh | 20 | licence | s | 4
Cấp lại giấy phép cho các hoạt động trong phạm vi bảo vệ công trình thủy lợi | Re-issuance of a permit for activities within the protection zone of irrigation works | - | 7 | licence | e | 3
Phê duyệt phương án cắm mốc chỉ giới phạm vi bảo vệ công trình thủy lợi | Approval of the boundary-marking plan of an irrigation works protection zone | - | 15 | decision | | 2
Phê duyệt quy trình vận hành hồ chứa nước | Approval of a reservoir operation procedure | - | 20 | decision | i | 1
@ Đê điều và phòng, chống thiên tai | Dikes and disaster prevention | 5 | 0
Cấp giấy phép cho các hoạt động liên quan đến đê điều | Issuance of a permit for dike-related activities | - | 15 | licence | si | 15
Cấp giấy phép sử dụng bãi sông nơi chưa có công trình xây dựng | Issuance of a permit to use a riverbank area without works | - | 15 | licence | s | 8
Cấp giấy phép xây dựng công trình, nhà ở riêng lẻ ở bãi sông | Issuance of a permit for works or houses on a riverbank | - | 15 | licence | si | 6
Gia hạn giấy phép cho các hoạt động liên quan đến đê điều | Extension of a permit for dike-related activities | - | 7 | licence | e | 4
Chấp thuận phương án khai thác đất, đá, cát trong phạm vi bảo vệ đê điều | Consent to extracting soil, rock or sand within a dike protection zone | - | 15 | approval_letter | si | 2
@ Phát triển nông thôn | Rural development | 5 | 0
Công nhận nghề truyền thống | Recognition of a traditional craft | - | 30 | decision | si | 3
Công nhận làng nghề | Recognition of a craft village | - | 30 | decision | si | 4
Công nhận làng nghề truyền thống | Recognition of a traditional craft village | - | 30 | decision | si | 3
Hỗ trợ dự án liên kết sản xuất gắn với tiêu thụ sản phẩm | Support for a production-and-sales linkage project | - | 20 | decision | i | 15
Đánh giá, phân hạng sản phẩm OCOP cấp tỉnh | Evaluation and rating of a provincial OCOP product | - | 30 | decision | s | 40
Hỗ trợ đầu tư cơ sở giết mổ, chăn nuôi tập trung theo chính sách của tỉnh | Provincial investment support for slaughterhouses and concentrated livestock farms | - | 30 | decision | si | 5
@ Quản lý chất lượng nông lâm thủy sản | Quality of agricultural, forestry and fishery products | 30 | 0
Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm đối với cơ sở sản xuất, kinh doanh nông lâm thủy sản | the food safety eligibility certificate of a producer or trader of agricultural, forestry and fishery products | caplai | 20 | certificate | | 30 | 350
Xác nhận kiến thức về an toàn thực phẩm cho chủ cơ sở và người trực tiếp sản xuất, kinh doanh nông lâm thủy sản | Certification of food safety knowledge for owners and workers of agricultural, forestry and fishery businesses | - | 5 | approval_letter | e | 80 | 30
Cấp giấy xác nhận nguồn gốc nông sản cho sản phẩm sơ chế | Issuance of a certificate of origin for pre-processed farm products | - | 5 | approval_letter | e | 10 | 0
Chứng nhận sản phẩm nông nghiệp hữu cơ | Certification of an organic agricultural product | - | 30 | certificate | s | 2 | 0
@ Kinh tế hợp tác và phát triển nông thôn | Cooperative economy | 5 | 0
Hỗ trợ hợp tác xã nông nghiệp đầu tư kết cấu hạ tầng | Infrastructure investment support for an agricultural cooperative | - | 20 | decision | si | 8
Hỗ trợ bảo hiểm nông nghiệp | Agricultural insurance support | - | 10 | decision | | 20
Hỗ trợ kinh phí chuyển đổi từ đất trồng lúa sang trồng cây hằng năm, cây lâu năm | Funding to convert rice land to annual or perennial crops | - | 15 | decision | s | 15
@ Thú y | Veterinary medicine | 25 | 0
Cấp giấy chứng nhận vùng an toàn dịch bệnh động vật cấp xã | Issuance of a certificate of a commune free of animal disease | - | 15 | certificate | s | 3 | 0
Giấy chứng nhận đủ điều kiện vệ sinh thú y đối với cơ sở sơ chế, chế biến sản phẩm động vật | a veterinary hygiene certificate for an animal product processor | cap caplai | 10 | certificate | s | 10 | 300
@ Chăn nuôi | Animal husbandry | 10 | 0
Giấy chứng nhận đủ điều kiện sản xuất, mua bán con giống vật nuôi | a certificate of eligibility to produce and trade livestock breeds | cap caplai | 15 | certificate | s | 5 | 0
@ Trồng trọt và bảo vệ thực vật | Crops and plant protection | 20 | 0
Cấp giấy chứng nhận cơ sở sản xuất, kinh doanh giống cây trồng đủ điều kiện | Issuance of a certificate of eligibility to produce and trade plant varieties | - | 15 | certificate | s | 5 | 0
Cấp giấy xác nhận nội dung quảng cáo giống cây trồng | Issuance of a certificate of the content of a plant variety advertisement | - | 10 | approval_letter | e | 2 | 0
Cấp mã số cơ sở đóng gói | Issuance of a packing-house code | - | 20 | certificate | s | 5 | 0
Cấp quyết định công nhận tiến bộ kỹ thuật trong nông nghiệp | Recognition of an agricultural technical advance | - | 30 | decision | s | 3 | 0
Phê duyệt phương án cải tạo đất trồng lúa | Approval of a rice land improvement plan | - | 15 | decision | | 5 | 0
@ Thủy sản | Fisheries | 5 | 0
Công nhận và giao quyền quản lý cho tổ chức cộng đồng trong bảo vệ nguồn lợi thủy sản | Recognition of and delegation to a community organisation for fisheries protection | - | 30 | decision | si | 1 | 0
@ Lâm nghiệp | Forestry | 3 | 0
Phê duyệt phương án khai thác thực vật rừng thông thường | Approval of a plan to harvest common forest plants | - | 15 | decision | | 3 | 0
Đăng ký mã số cơ sở nuôi, trồng động vật, thực vật rừng thông thường | Registration of a farm of common forest animals or plants | - | 5 | certificate | e | 5 | 0
@ Thủy lợi | Irrigation | 8 | 0
Giấy phép trồng cây lâu năm trong phạm vi bảo vệ công trình thủy lợi | the permit for perennial planting within the protection zone of irrigation works | cap giahan dieuchinh | 20 | licence | s | 2
Phê duyệt phương án bảo vệ công trình thủy lợi | Approval of a protection plan for irrigation works | - | 20 | decision | i | 3
@ Phát triển nông thôn | Rural development | 5 | 0
Hỗ trợ mua máy móc, thiết bị cơ giới hóa nông nghiệp | Support for buying agricultural machinery | - | 15 | decision | | 40
@ Kinh tế hợp tác và phát triển nông thôn | Cooperative economy | 5 | 0
Hỗ trợ thành lập mới hợp tác xã nông nghiệp | Support for establishing a new agricultural cooperative | - | 15 | decision | | 10
"""

FIELDS["DEPT_NATRES"] = """
@ Đất đai | Land | 150 | 0
Giao đất, cho thuê đất không thông qua hình thức đấu giá quyền sử dụng đất | Allocation or lease of land without auction | - | 20 | decision | si | 40
Giao đất, cho thuê đất thông qua hình thức đấu giá quyền sử dụng đất | Allocation or lease of land by auction | - | 15 | decision | i | 10
Chuyển mục đích sử dụng đất phải được phép của cơ quan nhà nước có thẩm quyền | Change of land use requiring permission | - | 15 | decision | si | 30
Gia hạn sử dụng đất ngoài khu công nghệ cao, khu kinh tế | Extension of land use outside high-tech and economic zones | - | 7 | decision | i | 15
Điều chỉnh quyết định thu hồi đất, giao đất, cho thuê đất | Amendment of a decision on land recovery, allocation or lease | - | 15 | decision | i | 10
Thẩm định nhu cầu sử dụng đất để xem xét giao đất, cho thuê đất không đấu giá | Appraisal of land-use needs before allocation or lease without auction | - | 20 | approval_letter | si | 20
Thẩm định phương án sử dụng đất của công ty nông, lâm nghiệp | Appraisal of the land-use plan of an agricultural or forestry company | - | 30 | approval_letter | si | 1
Đăng ký biến động do chuyển từ hình thức thuê đất trả tiền hằng năm sang thuê đất trả tiền một lần | Registration of a change from annual to one-off land rent | - | 15 | certificate | i | 8
Đăng ký bổ sung tài sản gắn liền với đất vào Giấy chứng nhận đã cấp | Registration of additional land-attached assets on an issued certificate | - | 10 | certificate | s | 150 | 100
Cấp đổi Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất | Exchange of a certificate of land-use rights and land-attached assets | - | 7 | certificate | e | 700 | 50
Cấp lại Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất do bị mất | Re-issuance of a lost certificate of land-use rights and land-attached assets | - | 10 | certificate | | 150 | 50
Đính chính Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất đã cấp | Correction of an issued certificate of land-use rights and land-attached assets | - | 10 | certificate | e | 200 | 0
Thu hồi Giấy chứng nhận đã cấp không đúng quy định của pháp luật đất đai | Revocation of a certificate issued in breach of land law | - | 15 | decision | | 10 | 0
Tách thửa hoặc hợp thửa đất | Subdivision or merger of land plots | - | 15 | certificate | s | 2500 | 50
Đăng ký xác lập quyền sử dụng hạn chế thửa đất liền kề | Registration of an easement over an adjacent plot | - | 10 | certificate | | 20 | 50
Đăng ký thế chấp quyền sử dụng đất, tài sản gắn liền với đất | Registration of a mortgage of land-use rights and land-attached assets | - | 1 | certificate | e | 4000 | 80
Đăng ký thay đổi nội dung thế chấp quyền sử dụng đất, tài sản gắn liền với đất đã đăng ký | Registration of changes to a registered land mortgage | - | 1 | certificate | e | 300 | 60
Xóa đăng ký thế chấp quyền sử dụng đất, tài sản gắn liền với đất | Deregistration of a land mortgage | - | 1 | certificate | e | 3500 | 20
Đăng ký thế chấp tài sản gắn liền với đất hình thành trong tương lai | Registration of a mortgage of future land-attached assets | - | 1 | certificate | e | 300 | 80
Cung cấp dữ liệu đất đai | Provision of land data | - | 2 | copy | e | 3000 | 30
Đăng ký biến động do đổi tên, thay đổi thông tin về người sử dụng đất, chủ sở hữu tài sản | Registration of a change of the name or details of a land user or asset owner | - | 10 | certificate | e | 400 | 30
Đăng ký biến động do thay đổi hạn chế quyền, nghĩa vụ tài chính hoặc diện tích xây dựng | Registration of changes to restrictions, financial obligations or built area | - | 10 | certificate | | 150 | 30
Đăng ký chuyển mục đích sử dụng đất không phải xin phép cơ quan nhà nước có thẩm quyền | Registration of a change of land use not requiring permission | - | 10 | certificate | | 80 | 30
Đăng ký biến động quyền sử dụng đất trong trường hợp giải quyết tranh chấp, khiếu nại, tố cáo, bản án | Registration of changes in land-use rights after a dispute, complaint or judgment | - | 10 | certificate | i | 120 | 30
Cấp Giấy chứng nhận cho người nhận chuyển nhượng quyền sử dụng đất, mua nhà ở, công trình xây dựng trong dự án phát triển nhà ở | Issuance of a certificate to buyers of land, houses or works in a housing development project | - | 15 | certificate | i | 3000 | 100
Đăng ký, cấp Giấy chứng nhận lần đầu đối với tài sản gắn liền với đất mà chủ sở hữu không đồng thời là người sử dụng đất | First registration and certificate of land-attached assets owned by someone other than the land user | - | 20 | certificate | si | 20 | 100
Bán hoặc góp vốn bằng tài sản gắn liền với đất thuê của Nhà nước theo hình thức thuê đất trả tiền hằng năm | Sale or contribution of assets on state land leased with annual rent | - | 15 | decision | i | 10
Xóa ghi nợ tiền sử dụng đất | Clearance of deferred land-use fees | - | 5 | certificate | e | 300 | 0
Xác nhận tiếp tục sử dụng đất nông nghiệp khi hết hạn sử dụng đất | Confirmation of continued agricultural land use after the term expires | - | 7 | approval_letter | e | 60 | 0
Đăng ký đất đai đối với trường hợp được Nhà nước giao đất để quản lý | Land registration for land allocated by the State for management | - | 15 | certificate | | 5 | 0
Chuyển nhượng vốn đầu tư là giá trị quyền sử dụng đất | Transfer of investment capital consisting of land-use rights | - | 15 | certificate | i | 5
Đăng ký văn bản thông báo về việc xử lý tài sản thế chấp | Registration of a notice on the enforcement of mortgaged assets | - | 1 | certificate | e | 30 | 30
@ Môi trường | Environment | 15 | 0
Thẩm định báo cáo đánh giá tác động môi trường | Appraisal of an environmental impact assessment report | - | 30 | decision | si | 60 | 15000
Giấy phép môi trường | an environmental permit | cap caplai dieuchinh capdoi | 30 | licence | si | 60 | 20000
Đăng ký kế hoạch bảo vệ môi trường | Registration of an environmental protection plan | - | 10 | approval_letter | | 80
Kiểm tra, xác nhận hoàn thành công trình bảo vệ môi trường | Inspection and confirmation of completed environmental protection works | - | 15 | approval_letter | s | 20
Sổ đăng ký chủ nguồn thải chất thải nguy hại | a hazardous waste generator register | cap caplai | 15 | certificate | | 120
Giấy phép xử lý chất thải nguy hại | a hazardous waste treatment permit | cap dieuchinh | 45 | licence | si | 2 | 20000
Thẩm định phương án cải tạo, phục hồi môi trường trong khai thác khoáng sản | Appraisal of an environmental rehabilitation plan for mining | - | 30 | decision | si | 2
Xác nhận đủ điều kiện về bảo vệ môi trường trong nhập khẩu phế liệu làm nguyên liệu sản xuất | Confirmation of environmental eligibility to import scrap as production material | - | 15 | approval_letter | s | 5
Chấp thuận tách đấu nối xả nước thải ra ngoài hệ thống thu gom, xử lý nước thải tập trung | Consent to disconnect a wastewater discharge from a central treatment system | - | 20 | approval_letter | s | 1
Đăng ký mã số quản lý chất thải nguy hại | Registration of a hazardous waste management code | - | 15 | certificate | | 10
@ Tài nguyên nước | Water resources | 6 | 0
Giấy phép khai thác, sử dụng {WATER} | the permit to abstract {WATER} | cap giahan dieuchinh caplai | 30 | licence | s | 8 | 1500
Giấy phép thăm dò nước dưới đất | a groundwater exploration permit | cap giahan dieuchinh | 30 | licence | s | 3 | 1500
Giấy phép xả nước thải vào nguồn nước | a permit to discharge wastewater into water sources | cap giahan dieuchinh caplai | 30 | licence | si | 10 | 2000
Giấy phép hành nghề khoan nước dưới đất quy mô vừa và nhỏ | a licence for small and medium groundwater drilling | cap giahan dieuchinh caplai | 10 | licence | | 3 | 700
Lấy ý kiến Ủy ban nhân dân cấp tỉnh đối với các dự án đầu tư có chuyển nước từ nguồn nước nội tỉnh | Provincial consultation on projects transferring water from an intra-provincial source | - | 30 | approval_letter | i | 1
Tính tiền cấp quyền khai thác tài nguyên nước | Calculation of the fee for water abstraction rights | - | 20 | decision | | 5
@ Khoáng sản | Minerals | 2 | 0
Giấy phép thăm dò khoáng sản | a mineral exploration licence | cap giahan | 45 | licence | si | 2 | 10000
Giấy phép khai thác khoáng sản | a mining licence | cap giahan dieuchinh | 45 | licence | si | 2 | 15000
Chuyển nhượng quyền khai thác khoáng sản | Transfer of mining rights | - | 30 | licence | i | 1
Trả lại giấy phép khai thác khoáng sản | Surrender of a mining licence | - | 30 | decision | | 1
Đóng cửa mỏ khoáng sản | Closure of a mine | - | 45 | decision | si | 1
Phê duyệt trữ lượng khoáng sản | Approval of mineral reserves | - | 45 | decision | i | 1
Tính tiền cấp quyền khai thác khoáng sản | Calculation of the fee for mining rights | - | 20 | decision | | 2
Cấp giấy phép khai thác khoáng sản làm vật liệu xây dựng thông thường trong diện tích dự án xây dựng công trình | Licence to extract common construction minerals within a works project site | - | 30 | licence | s | 2
@ Đo đạc và bản đồ | Surveying and mapping | 10 | 0
Chứng chỉ hành nghề đo đạc và bản đồ hạng II | a class II surveying and mapping practising certificate | cap caplai | 10 | practice_cert | | 10 | 300
Cung cấp thông tin, dữ liệu, sản phẩm đo đạc và bản đồ | Provision of surveying and mapping data | - | 2 | copy | e | 80
Thẩm định thiết kế kỹ thuật - dự toán công trình đo đạc và bản đồ | Appraisal of the technical design and estimate of surveying works | - | 20 | approval_letter | | 3
@ Khí tượng thủy văn | Hydrometeorology | 1 | 0
Giấy phép hoạt động dự báo, cảnh báo khí tượng thủy văn | a licence for hydrometeorological forecasting | cap suadoi giahan caplai | 15 | licence | | 1
Cung cấp thông tin, dữ liệu khí tượng thủy văn | Provision of hydrometeorological data | - | 3 | copy | e | 5
@ Đất đai | Land | 150 | 0
Thu hồi đất do chấm dứt việc sử dụng đất theo pháp luật, tự nguyện trả lại đất | Recovery of land after lawful termination of use or voluntary surrender | - | 15 | decision | i | 10
Giao đất, cho thuê đất cho cơ sở tôn giáo | Allocation or lease of land to a religious establishment | - | 20 | decision | si | 2
Điều chỉnh thời hạn sử dụng đất của dự án đầu tư | Adjustment of the land-use term of an investment project | - | 15 | decision | i | 10
Đăng ký biến động đất đai trong trường hợp chia, tách, hợp nhất, sáp nhập tổ chức | Registration of land changes after the division, separation, consolidation or merger of an organisation | - | 10 | certificate | | 10
Xác định lại diện tích đất ở | Redetermination of residential land area | - | 15 | certificate | s | 50
Đăng ký biến động do thay đổi số hiệu, diện tích thửa đất sau đo đạc | Registration of changes in plot number or area after a survey | - | 10 | certificate | s | 80
Cung cấp trích lục bản đồ địa chính | Provision of a cadastral map extract | - | 2 | copy | e | 1500 | 30
@ Môi trường | Environment | 15 | 0
Chấp thuận thay đổi nội dung báo cáo đánh giá tác động môi trường | Consent to changes in an environmental impact assessment report | - | 20 | approval_letter | i | 10
@ Tài nguyên nước | Water resources | 6 | 0
Trả lại giấy phép tài nguyên nước | Surrender of a water resources permit | - | 10 | decision | | 1
Chuyển nhượng quyền khai thác tài nguyên nước | Transfer of water abstraction rights | - | 15 | licence | | 1
Đăng ký khai thác nước dưới đất | Registration of groundwater abstraction | - | 10 | certificate | e | 20
@ Khoáng sản | Minerals | 2 | 0
Giấy phép khai thác tận thu khoáng sản | a licence for residual mineral recovery | cap giahan | 30 | licence | s | 1 | 5000
Đăng ký khu vực, công suất, khối lượng, phương pháp, thiết bị và kế hoạch khai thác khoáng sản | Registration of the area, capacity, volume, method, equipment and plan of mineral extraction | - | 15 | approval_letter | | 3
Đấu giá quyền khai thác khoáng sản | Auction of mining rights | - | 45 | decision | i | 1
"""

FIELDS["DEPT_LABOUR"] = """
@ Việc làm | Employment | 60 | 0
Cấp lại giấy phép lao động cho người lao động nước ngoài làm việc tại Việt Nam | Re-issuance of a work permit to a foreign employee | - | 3 | licence | e | 400 | 450
Gia hạn giấy phép lao động cho người lao động nước ngoài làm việc tại Việt Nam | Extension of a work permit of a foreign employee | - | 5 | licence | e | 1200 | 450
Xác nhận người lao động nước ngoài không thuộc diện cấp giấy phép lao động | Confirmation that a foreign employee is exempt from a work permit | - | 3 | approval_letter | e | 800 | 0
Thu hồi giấy phép lao động | Revocation of a work permit | - | 3 | decision | | 60 | 0
Chấp thuận nhu cầu sử dụng người lao động nước ngoài | Approval of the need to employ foreign workers | - | 10 | approval_letter | | 1500 | 0
Chấp thuận thay đổi nhu cầu sử dụng người lao động nước ngoài | Approval of a change in the need to employ foreign workers | - | 10 | approval_letter | e | 400 | 0
Giấy phép hoạt động dịch vụ việc làm | an employment services licence | cap caplai giahan | 7 | licence | | 2 | 1000
Thu hồi giấy phép hoạt động dịch vụ việc làm | Revocation of an employment services licence | - | 7 | decision | | 1 | 0
Giải quyết hưởng trợ cấp thất nghiệp | Settlement of unemployment benefits | - | 20 | decision | | 6000 | 0
Tạm dừng hưởng trợ cấp thất nghiệp | Suspension of unemployment benefits | - | 3 | decision | e | 600 | 0
Tiếp tục hưởng trợ cấp thất nghiệp | Resumption of unemployment benefits | - | 3 | decision | e | 300 | 0
Chấm dứt hưởng trợ cấp thất nghiệp | Termination of unemployment benefits | - | 3 | decision | e | 1200 | 0
Chuyển nơi hưởng trợ cấp thất nghiệp (chuyển đi) | Transfer of unemployment benefits to another province (outgoing) | - | 3 | notice | e | 300 | 0
Chuyển nơi hưởng trợ cấp thất nghiệp (chuyển đến) | Transfer of unemployment benefits from another province (incoming) | - | 3 | notice | e | 200 | 0
Hỗ trợ học nghề cho người lao động đang hưởng trợ cấp thất nghiệp | Vocational training support for a person receiving unemployment benefits | - | 20 | decision | | 300 | 0
Hỗ trợ kinh phí đào tạo, bồi dưỡng, nâng cao trình độ kỹ năng nghề để duy trì việc làm cho người lao động | Funding to train employees to keep their jobs | - | 15 | decision | i | 5 | 0
Cho vay vốn từ Quỹ quốc gia về việc làm | Loan from the National Employment Fund | - | 15 | decision | i | 100 | 0
@ Quản lý lao động ngoài nước | Overseas employment | 10 | 0
Đăng ký hợp đồng nhận lao động thực tập dưới 90 ngày | Registration of an internship contract for workers abroad under 90 days | - | 5 | approval_letter | e | 5 | 0
Đăng ký hợp đồng lao động trực tiếp giao kết | Registration of a directly signed overseas employment contract | - | 5 | approval_letter | e | 40 | 0
Hỗ trợ người lao động thuộc đối tượng chính sách đi làm việc ở nước ngoài theo hợp đồng | Support to eligible workers going abroad under contract | - | 15 | decision | | 20 | 0
@ Lao động, tiền lương | Labour and wages | 30 | 0
Đăng ký nội quy lao động của doanh nghiệp | Registration of an enterprise's labour regulations | - | 7 | approval_letter | e | 300 | 0
Giấy phép hoạt động cho thuê lại lao động | a labour outsourcing licence | cap caplai giahan | 20 | licence | s | 3 | 2000
Thu hồi giấy phép hoạt động cho thuê lại lao động | Revocation of a labour outsourcing licence | - | 7 | decision | | 1 | 0
Xếp hạng công ty trách nhiệm hữu hạn một thành viên do Ủy ban nhân dân cấp tỉnh làm chủ sở hữu | Ranking of a single-member company owned by the provincial People's Committee | - | 15 | decision | i | 1 | 0
Đăng ký thỏa ước lao động tập thể doanh nghiệp | Registration of an enterprise collective labour agreement | - | 5 | notice | e | 60 | 0
@ An toàn, vệ sinh lao động | Occupational safety and health | 30 | 0
Giấy chứng nhận đủ điều kiện hoạt động huấn luyện an toàn, vệ sinh lao động hạng A | a certificate of eligibility for class A occupational safety training | cap giahan caplai suadoi | 25 | certificate | s | 2 | 0
Khai báo với Sở Lao động - Thương binh và Xã hội khi đưa vào sử dụng các loại máy, thiết bị, vật tư có yêu cầu nghiêm ngặt về an toàn lao động | Declaration of machinery, equipment and materials with strict safety requirements put into use | - | 5 | notice | e | 2000 | 0
Báo cáo tai nạn lao động nghiêm trọng, sự cố kỹ thuật gây mất an toàn lao động | Report of a serious occupational accident or safety incident | - | 5 | notice | | 30 | 0
Hỗ trợ chuyển đổi nghề nghiệp cho người bị tai nạn lao động | Retraining support for occupational accident victims | - | 15 | decision | | 10 | 0
@ Giáo dục nghề nghiệp | Vocational training | 3 | 0
{PUBLICVET} | {PUBLICVET} | thanhlap giaithe sapnhap | 20 | decision | i | 1
{PRIVATEVET} | {PRIVATEVET} | chophep giaithe sapnhap | 20 | decision | s | 1
Giấy chứng nhận đăng ký hoạt động giáo dục nghề nghiệp đối với trường trung cấp, trung tâm giáo dục nghề nghiệp | the registration certificate of vocational training of an intermediate school or training centre | cap | 10 | certificate | s | 10 | 0
Cấp giấy chứng nhận đăng ký bổ sung hoạt động giáo dục nghề nghiệp | Issuance of a supplementary vocational training registration | - | 10 | certificate | s | 10 | 0
Cấp giấy chứng nhận đăng ký hoạt động liên kết đào tạo với nước ngoài | Issuance of a registration of joint training with a foreign partner | - | 15 | certificate | i | 1 | 0
Công nhận hội đồng quản trị trường trung cấp tư thục | Recognition of the board of a private intermediate school | - | 10 | decision | | 1 | 0
Đổi tên trường trung cấp | Renaming of an intermediate school | - | 10 | decision | | 1 | 0
Cho phép thành lập phân hiệu của trường trung cấp | Permission to establish a campus of an intermediate school | - | 20 | decision | si | 1 | 0
Chỉnh sửa nội dung văn bằng, chứng chỉ giáo dục nghề nghiệp | Correction of a vocational diploma or certificate | - | 5 | certificate | e | 5 | 0
@ Người có công | People with meritorious services | 40 | 0
Giải quyết chế độ trợ cấp một lần đối với thân nhân người hoạt động kháng chiến được tặng huân chương, huy chương | Lump-sum allowance for relatives of decorated resistance fighters | - | 20 | decision | i | 20 | 0
Giải quyết chế độ người hoạt động kháng chiến bị nhiễm chất độc hóa học | Benefits for resistance fighters exposed to toxic chemicals | - | 30 | decision | i | 10 | 0
Giải quyết chế độ ưu đãi đối với Bà mẹ Việt Nam anh hùng | Preferential benefits for Vietnamese Heroic Mothers | - | 15 | decision | | 1 | 0
Công nhận và giải quyết chế độ ưu đãi người có công giúp đỡ cách mạng | Recognition and benefits for people who helped the revolution | - | 20 | decision | i | 2 | 0
Giải quyết chế độ trợ cấp thờ cúng liệt sĩ | Allowance for the worship of a fallen soldier | - | 10 | decision | e | 80 | 0
Cấp giấy giới thiệu thăm viếng mộ liệt sĩ và hỗ trợ thăm viếng mộ liệt sĩ | Referral letter and support for visiting a fallen soldier's grave | - | 3 | approval_letter | e | 800 | 0
Di chuyển hài cốt liệt sĩ đang an táng ngoài nghĩa trang liệt sĩ về an táng tại nghĩa trang liệt sĩ | Relocation of a fallen soldier's remains to a martyrs' cemetery | - | 10 | approval_letter | i | 15 | 0
Di chuyển hồ sơ khi người hưởng trợ cấp ưu đãi thay đổi nơi thường trú | Transfer of a beneficiary's file after a change of residence | - | 5 | notice | e | 60 | 0
Sửa đổi, bổ sung thông tin cá nhân trong hồ sơ người có công | Correction of personal details in a meritorious person's file | - | 10 | decision | e | 40 | 0
Giám định lại thương tật do vết thương cũ tái phát | Re-assessment of a recurrent war injury | - | 30 | decision | i | 10 | 0
Hưởng trợ cấp khi người có công đang hưởng trợ cấp ưu đãi từ trần | Allowance upon the death of a beneficiary | - | 10 | decision | e | 300 | 0
Cấp trích lục hoặc sao hồ sơ người có công với cách mạng | Issuance of an extract or copy of a meritorious person's file | - | 5 | copy | e | 50 | 0
Cấp giấy xác nhận thân nhân của người có công | Issuance of a confirmation of kinship with a meritorious person | - | 5 | approval_letter | e | 60 | 0
Giải quyết chế độ ưu đãi đối với thương binh, người hưởng chính sách như thương binh | Preferential benefits for war invalids and equivalents | - | 30 | decision | i | 5 | 0
Giải quyết chế độ đối với thân nhân liệt sĩ | Benefits for relatives of fallen soldiers | - | 20 | decision | | 30 | 0
Cấp đổi, cấp lại Bằng Tổ quốc ghi công | Exchange or re-issuance of a Fatherland's Gratitude certificate | - | 20 | certificate | | 5 | 0
@ Bảo trợ xã hội | Social protection | 5 | 0
Thành lập cơ sở trợ giúp xã hội công lập | Establishment of a public social assistance facility | - | 20 | decision | i | 1 | 0
Giấy phép hoạt động đối với cơ sở trợ giúp xã hội | the operating licence of a social assistance facility | cap caplai dieuchinh | 15 | licence | s | 2 | 0
Đăng ký thành lập cơ sở trợ giúp xã hội ngoài công lập | Registration of a private social assistance facility | - | 5 | certificate | | 2 | 0
Đăng ký thay đổi nội dung giấy chứng nhận đăng ký thành lập cơ sở trợ giúp xã hội ngoài công lập | Registration of changes to a private social assistance facility | - | 5 | certificate | e | 1 | 0
Giải thể cơ sở trợ giúp xã hội ngoài công lập | Dissolution of a private social assistance facility | - | 10 | decision | | 1 | 0
Tiếp nhận đối tượng bảo trợ xã hội có hoàn cảnh đặc biệt khó khăn vào cơ sở trợ giúp xã hội cấp tỉnh | Admission of a person in special hardship to a provincial social assistance facility | - | 10 | decision | i | 20 | 0
Dừng trợ giúp xã hội tại cơ sở trợ giúp xã hội cấp tỉnh | End of social assistance at a provincial facility | - | 5 | decision | | 5 | 0
@ Phòng, chống tệ nạn xã hội | Social evils prevention | 2 | 0
Giấy phép hoạt động cai nghiện ma túy tự nguyện | a licence for voluntary drug rehabilitation | cap caplai suadoi | 20 | licence | s | 1 | 0
Công bố cơ sở cai nghiện ma túy đủ điều kiện cung cấp dịch vụ cai nghiện ma túy tự nguyện | Announcement of a rehabilitation facility eligible for voluntary treatment | - | 20 | notice | s | 1 | 0
Hỗ trợ học văn hóa, học nghề, trợ cấp khó khăn ban đầu cho nạn nhân bị mua bán | Schooling, training and initial hardship support for trafficking victims | - | 10 | decision | | 1 | 0
@ Trẻ em | Children | 2 | 0
Chấp thuận cho trẻ em dưới 13 tuổi làm việc | Approval for a child under 13 to work | - | 10 | approval_letter | | 1 | 0
Đăng ký nhận chăm sóc thay thế cho trẻ em tại cơ sở trợ giúp xã hội | Registration of substitute care for a child at a social assistance facility | - | 15 | decision | i | 2 | 0
@ Việc làm | Employment | 60 | 0
Hỗ trợ người sử dụng lao động tạo việc làm cho người lao động là người khuyết tật | Support for employers creating jobs for people with disabilities | - | 15 | decision | | 5 | 0
Hỗ trợ người lao động tạm hoãn thực hiện hợp đồng lao động, nghỉ việc không hưởng lương | Support for employees with suspended contracts or unpaid leave | - | 5 | decision | i | 500 | 0
Hỗ trợ người lao động ngừng việc | Support for employees whose work was stopped | - | 5 | decision | i | 200 | 0
Hỗ trợ đào tạo nghề cho lao động nông thôn | Vocational training support for rural workers | - | 15 | decision | | 100 | 0
@ Giáo dục nghề nghiệp | Vocational training | 3 | 0
Đăng ký hoạt động giáo dục nghề nghiệp đối với doanh nghiệp | Registration of vocational training by an enterprise | - | 10 | certificate | s | 5 | 0
Cấp giấy chứng nhận đăng ký hoạt động giáo dục nghề nghiệp trình độ sơ cấp | Issuance of a registration of elementary vocational training | - | 10 | certificate | s | 10 | 0
@ Người có công | People with meritorious services | 40 | 0
Giải quyết chế độ trợ cấp đối với vợ hoặc chồng liệt sĩ lấy chồng hoặc vợ khác | Allowance for the remarried spouse of a fallen soldier | - | 15 | decision | | 5 | 0
Giải quyết chế độ ưu đãi đối với Anh hùng Lực lượng vũ trang nhân dân, Anh hùng Lao động trong thời kỳ kháng chiến | Preferential benefits for Heroes of the People's Armed Forces and Heroes of Labour of the resistance | - | 15 | decision | | 1 | 0
Giải quyết chế độ mai táng phí đối với cựu chiến binh | Funeral allowance for a veteran | - | 5 | decision | e | 200 | 0
Giải quyết trợ cấp một lần đối với người có thành tích tham gia kháng chiến đã được tặng Bằng khen | Lump-sum allowance for a resistance participant awarded a certificate of merit | - | 15 | decision | | 20 | 0
@ An toàn, vệ sinh lao động | Occupational safety and health | 30 | 0
Giấy chứng nhận đủ điều kiện hoạt động huấn luyện an toàn, vệ sinh lao động hạng B | a certificate of eligibility for class B occupational safety training | cap giahan caplai | 25 | certificate | s | 4 | 0
"""

FIELDS["DEPT_EDUCATION"] = """
@ Giáo dục trung học | Secondary education | 3 | 0
{SCHOOL} | {SCHOOL} | thanhlap hoatdong sapnhap giaithe | 20 | decision | si | 1
Cho phép thành lập trường trung học phổ thông tư thục | Permission to establish a private upper secondary school | - | 20 | decision | si | 1
Cho phép trường trung học phổ thông tư thục hoạt động giáo dục | Permission for a private upper secondary school to operate | - | 20 | decision | s | 1
Cho phép hoạt động giáo dục trở lại đối với trường trung học phổ thông | Permission for an upper secondary school to resume operation | - | 15 | decision | s | 1
Chuyển trường đối với học sinh trung học phổ thông | Transfer of an upper secondary student to another school | - | 3 | approval_letter | e | 900
Xin học lại tại trường khác đối với học sinh trung học | Readmission of a secondary student at another school | - | 3 | approval_letter | e | 80
Tiếp nhận học sinh Việt Nam về nước học trung học phổ thông | Admission of a returning Vietnamese student to upper secondary school | - | 5 | approval_letter | e | 20
Tiếp nhận học sinh người nước ngoài học trung học phổ thông | Admission of a foreign student to upper secondary school | - | 5 | approval_letter | e | 30
Xét đặc cách tốt nghiệp trung học phổ thông | Special consideration for upper secondary graduation | - | 10 | decision | | 10
Phúc khảo bài thi tốt nghiệp trung học phổ thông | Review of an upper secondary graduation exam paper | - | 10 | notice | | 600
Đăng ký dự thi cấp chứng chỉ ứng dụng công nghệ thông tin, ngoại ngữ tại trung tâm giáo dục thường xuyên | Registration for IT or foreign-language certificate exams at a continuing education centre | - | 5 | notice | e | 200
@ Văn bằng, chứng chỉ | Diplomas and certificates | 30 | 0
Chỉnh sửa nội dung văn bằng, chứng chỉ | Correction of a diploma or certificate | - | 5 | certificate | e | 300
Công nhận văn bằng tốt nghiệp các cấp học phổ thông do cơ sở giáo dục nước ngoài cấp | Recognition of a general-education diploma awarded abroad | - | 20 | approval_letter | | 40
Cấp lại giấy chứng nhận tốt nghiệp trung học phổ thông tạm thời | Re-issuance of a provisional upper secondary graduation certificate | - | 3 | certificate | e | 100
Cấp bản sao bằng tốt nghiệp trung học cơ sở từ sổ gốc | Issuance of a copy of a lower secondary diploma from the master register | - | 1 | copy | e | 400
Xác nhận văn bằng, chứng chỉ theo đề nghị của cơ quan, tổ chức | Verification of a diploma or certificate at the request of an organisation | - | 5 | approval_letter | e | 300
Cấp giấy chứng nhận hoàn thành chương trình giáo dục phổ thông | Issuance of a certificate of completion of general education | - | 5 | certificate | e | 50
@ Giáo dục và đào tạo thuộc hệ thống giáo dục quốc dân | National education system | 10 | 0
Thành lập trung tâm ngoại ngữ, tin học | Establishment of a foreign-language and IT centre | - | 15 | decision | s | 10
Cho phép trung tâm ngoại ngữ, tin học hoạt động giáo dục | Permission for a foreign-language and IT centre to operate | - | 15 | decision | s | 10
Cho phép trung tâm ngoại ngữ, tin học hoạt động giáo dục trở lại | Permission for a foreign-language and IT centre to resume operation | - | 10 | decision | | 2
Giải thể trung tâm ngoại ngữ, tin học | Dissolution of a foreign-language and IT centre | - | 10 | decision | | 2
Cấp giấy phép tổ chức hoạt động giáo dục kỹ năng sống và hoạt động giáo dục ngoài giờ chính khóa | Licence for life-skills and extracurricular education | - | 15 | licence | s | 15
Điều chỉnh giấy phép tổ chức hoạt động giáo dục kỹ năng sống | Amendment of a life-skills education licence | - | 10 | licence | e | 3
Giấy chứng nhận đăng ký hoạt động dịch vụ tư vấn du học | the registration certificate of a study-abroad consultancy | cap caplai dieuchinh | 20 | certificate | | 5
Cấp giấy phép tổ chức hoạt động dạy thêm, học thêm đối với cấp trung học phổ thông | Licence for extra classes at upper secondary level | - | 10 | licence | | 40
Gia hạn giấy phép tổ chức hoạt động dạy thêm, học thêm | Extension of a licence for extra classes | - | 5 | licence | e | 15
Phê duyệt liên kết giáo dục với nước ngoài | Approval of a joint education programme with a foreign partner | - | 30 | decision | i | 2
Gia hạn, điều chỉnh hoạt động liên kết giáo dục | Extension or amendment of a joint education programme | - | 20 | decision | | 1
Cho phép thành lập văn phòng đại diện giáo dục nước ngoài tại tỉnh | Permission to establish a local representative office of a foreign education institution | - | 20 | decision | | 1
Cho phép hoạt động giáo dục đối với cơ sở giáo dục mầm non có vốn đầu tư nước ngoài | Permission for a foreign-invested preschool to operate | - | 20 | decision | si | 2
Cho phép thành lập cơ sở giáo dục mầm non có vốn đầu tư nước ngoài | Permission to establish a foreign-invested preschool | - | 20 | decision | si | 2
Thành lập trường trung cấp sư phạm | Establishment of a pedagogical intermediate school | - | 20 | decision | si | 1
@ Kiểm định chất lượng giáo dục | Quality accreditation | 5 | 0
{STANDARD} đạt chuẩn quốc gia | {STANDARD} meeting national standards | congnhan congnhanlai | 20 | decision | s | 20
Công nhận đạt chuẩn phổ cập giáo dục, xóa mù chữ đối với đơn vị cấp huyện | Recognition of a district's universal education and literacy standards | - | 20 | decision | s | 2
Đánh giá ngoài cơ sở giáo dục phổ thông | External evaluation of a general education institution | - | 30 | certificate | s | 10
@ Thi đua, khen thưởng ngành giáo dục | Education awards | 5 | 0
Xét tặng danh hiệu Nhà giáo Nhân dân, Nhà giáo Ưu tú | Consideration for the titles of People's Teacher and Meritorious Teacher | - | 30 | decision | i | 10
Xét, công nhận sáng kiến cấp tỉnh trong ngành giáo dục | Recognition of a provincial education innovation | - | 20 | decision | | 60
@ Chế độ, chính sách | Allowances and policies | 20 | 0
Hỗ trợ học tập đối với học sinh trung học phổ thông thuộc hộ nghèo, cận nghèo | Study support for upper secondary students from poor households | - | 10 | decision | | 40
Hỗ trợ chi phí học tập cho học sinh khuyết tật | Tuition support for students with disabilities | - | 10 | decision | | 10
Trợ cấp đối với trẻ em mầm non là con công nhân làm việc tại khu công nghiệp | Allowance for preschool children of industrial zone workers | - | 15 | decision | | 100
Hỗ trợ giáo viên mầm non dạy tại cơ sở giáo dục mầm non độc lập ở khu công nghiệp | Support for preschool teachers at independent preschools in industrial zones | - | 15 | decision | | 20
@ Giáo dục trung học | Secondary education | 3 | 0
Chuyển đổi trường phổ thông tư thục sang trường tư thục hoạt động không vì lợi nhuận | Conversion of a private school into a non-profit private school | - | 20 | decision | | 1
Đăng ký dự thi tốt nghiệp trung học phổ thông đối với thí sinh tự do | Registration of an independent candidate for the upper secondary graduation exam | - | 3 | notice | e | 300
Đăng ký dự tuyển vào lớp 10 trường trung học phổ thông chuyên | Application for grade 10 of a specialised upper secondary school | - | 5 | notice | e | 800
Phúc khảo bài thi tuyển sinh vào lớp 10 | Review of a grade 10 entrance exam paper | - | 10 | notice | | 1200
Cấp giấy chứng nhận kết quả thi tốt nghiệp trung học phổ thông | Issuance of a certificate of upper secondary graduation exam results | - | 3 | certificate | e | 200
Tiếp nhận đối tượng học bổ túc trung học phổ thông | Admission to continuing upper secondary education | - | 5 | approval_letter | e | 60
Phê duyệt việc dạy và học bằng tiếng nước ngoài | Approval of teaching and learning in a foreign language | - | 20 | decision | | 3
Cấp giấy chứng nhận hoàn thành chương trình xóa mù chữ | Issuance of a certificate of completion of a literacy programme | - | 5 | certificate | e | 10
@ Giáo dục và đào tạo thuộc hệ thống giáo dục quốc dân | National education system | 10 | 0
Cho phép hoạt động giáo dục kỹ năng sống trở lại | Permission to resume life-skills education | - | 10 | decision | | 1
Sáp nhập, chia, tách trung tâm ngoại ngữ, tin học | Merger or division of foreign-language and IT centres | - | 15 | decision | | 1
Đề nghị được kinh doanh dịch vụ tư vấn du học trở lại | Request to resume study-abroad consultancy | - | 10 | decision | | 1
Phê duyệt cho phép tổ chức thi cấp chứng chỉ ngoại ngữ, tin học | Approval to hold foreign-language or IT certificate exams | - | 15 | decision | | 5
@ Kiểm định chất lượng giáo dục | Quality accreditation | 5 | 0
{STANDARD} đạt kiểm định chất lượng giáo dục | {STANDARD} as accredited for education quality | congnhan | 20 | decision | s | 20
@ Chế độ, chính sách | Allowances and policies | 20 | 0
Xét, cấp học bổng chính sách cho học sinh trường trung học phổ thông chuyên | Award of policy scholarships to specialised upper secondary students | - | 10 | decision | | 30
Miễn, giảm học phí đối với học sinh trung học phổ thông | Tuition exemption or reduction for upper secondary students | - | 10 | decision | | 100
"""

FIELDS["DEPT_HOME"] = """
@ Tổ chức hành chính, đơn vị sự nghiệp công lập | Administrative and public service units | 3 | 0
Thẩm định thành lập đơn vị sự nghiệp công lập | Appraisal of the establishment of a public service unit | - | 15 | approval_letter | i | 3
Thẩm định tổ chức lại đơn vị sự nghiệp công lập | Appraisal of the reorganisation of a public service unit | - | 15 | approval_letter | i | 4
Thẩm định giải thể đơn vị sự nghiệp công lập | Appraisal of the dissolution of a public service unit | - | 15 | approval_letter | i | 2
Thẩm định thành lập tổ chức hành chính | Appraisal of the establishment of an administrative body | - | 15 | approval_letter | i | 1
Thẩm định tổ chức lại tổ chức hành chính | Appraisal of the reorganisation of an administrative body | - | 15 | approval_letter | i | 2
@ Công chức, viên chức | Civil servants and public employees | 10 | 0
Thi tuyển công chức | Civil service competitive recruitment | - | 45 | decision | | 100
Xét tuyển công chức | Civil service recruitment by selection | - | 30 | decision | | 30
Tiếp nhận vào làm công chức | Appointment to the civil service without examination | - | 20 | decision | i | 20
Thi nâng ngạch công chức | Examination for promotion to a higher civil service grade | - | 45 | decision | | 60
Xét nâng ngạch công chức | Promotion to a higher civil service grade by selection | - | 30 | decision | | 20
Thi tuyển viên chức | Public employee competitive recruitment | - | 45 | decision | | 150
Xét tuyển viên chức | Public employee recruitment by selection | - | 30 | decision | | 100
Thăng hạng chức danh nghề nghiệp viên chức | Promotion of a public employee's professional title | - | 30 | decision | | 150
Xét chuyển cán bộ, công chức cấp xã thành công chức từ cấp huyện trở lên | Transfer of commune officials to district-level or higher civil service | - | 20 | decision | i | 10
Tiếp nhận viên chức | Admission of a public employee | - | 15 | decision | | 20
@ Tổ chức phi chính phủ | Associations | 5 | 0
Công nhận ban vận động thành lập hội | Recognition of the founding committee of an association | - | 15 | decision | | 4
Thành lập hội | Establishment of an association | - | 30 | decision | i | 3
Phê duyệt điều lệ hội | Approval of an association's charter | - | 20 | decision | | 10
Chia, tách, sáp nhập, hợp nhất hội | Division, separation, merger or consolidation of associations | - | 30 | decision | i | 1
Đổi tên hội | Renaming of an association | - | 20 | decision | | 2
Hội tự giải thể | Voluntary dissolution of an association | - | 15 | decision | | 1
Báo cáo tổ chức đại hội nhiệm kỳ, đại hội bất thường của hội | Report on an association's term or extraordinary congress | - | 15 | approval_letter | | 15
Cho phép hội đặt văn phòng đại diện | Permission for an association to open a representative office | - | 15 | decision | | 1
@ Quỹ xã hội, quỹ từ thiện | Social and charity funds | 2 | 0
Thành lập quỹ cấp tỉnh | Establishment of a provincial fund | - | 30 | decision | i | 1
Công nhận quỹ đủ điều kiện hoạt động và công nhận thành viên hội đồng quản lý quỹ | Recognition of a fund as eligible to operate and of its management board | - | 15 | decision | | 1
Công nhận thay đổi, bổ sung thành viên hội đồng quản lý quỹ | Recognition of changes to a fund's management board | - | 15 | decision | e | 2
Thay đổi giấy phép thành lập và công nhận điều lệ sửa đổi, bổ sung của quỹ | Amendment of a fund's establishment licence and approval of its amended charter | - | 15 | decision | | 1
Hợp nhất, sáp nhập, chia, tách quỹ | Consolidation, merger, division or separation of funds | - | 20 | decision | | 1
Đổi tên quỹ | Renaming of a fund | - | 15 | decision | | 1
Cấp lại giấy phép thành lập và công nhận điều lệ quỹ | Re-issuance of a fund's establishment licence and charter approval | - | 15 | decision | e | 1
Quỹ tự giải thể | Voluntary dissolution of a fund | - | 15 | decision | | 1
Cho phép quỹ hoạt động trở lại sau khi bị đình chỉ | Permission for a fund to resume operation after suspension | - | 15 | decision | | 1
@ Tôn giáo | Religion | 5 | 0
Đề nghị công nhận tổ chức tôn giáo có địa bàn hoạt động ở một tỉnh | Request for recognition of a religious organisation active in one province | - | 60 | decision | i | 1
Đề nghị thành lập, chia, tách, sáp nhập, hợp nhất tổ chức tôn giáo trực thuộc | Request to establish, divide, separate, merge or consolidate an affiliated religious organisation | - | 60 | decision | i | 2
Đăng ký người được bổ nhiệm, bầu cử, suy cử làm chức việc | Registration of a person appointed or elected to a religious office | - | 20 | approval_letter | | 20
Thông báo người được phong phẩm hoặc suy cử làm chức sắc | Notification of a person ordained or elected as a dignitary | - | 5 | notice | e | 10
Thông báo về việc thuyên chuyển chức sắc, chức việc, nhà tu hành | Notification of the transfer of dignitaries, officials or monks | - | 5 | notice | e | 15
Đề nghị tổ chức đại hội của tổ chức tôn giáo | Request to hold the congress of a religious organisation | - | 30 | approval_letter | | 3
Đề nghị tổ chức cuộc lễ ngoài cơ sở tôn giáo | Request to hold a religious ceremony outside a place of worship | - | 15 | approval_letter | | 20
Đề nghị giảng đạo ngoài địa bàn phụ trách | Request to preach outside one's area | - | 20 | approval_letter | | 5
Đăng ký mở lớp bồi dưỡng về tôn giáo | Registration of a religious training class | - | 20 | approval_letter | | 10
Đề nghị thay đổi trụ sở của tổ chức tôn giáo | Request to move the seat of a religious organisation | - | 30 | approval_letter | | 1
Đề nghị sinh hoạt tôn giáo tập trung của người nước ngoài cư trú hợp pháp tại Việt Nam | Request for group religious activities of foreigners residing in Vietnam | - | 30 | approval_letter | i | 3
Đăng ký sửa đổi hiến chương của tổ chức tôn giáo | Registration of an amended charter of a religious organisation | - | 30 | approval_letter | | 1
Đề nghị cấp đăng ký pháp nhân phi thương mại cho tổ chức tôn giáo trực thuộc | Request for non-commercial legal-entity registration of an affiliated religious organisation | - | 30 | decision | | 2
@ Thi đua, khen thưởng | Emulation and commendation | 30 | 0
Tặng Bằng khen của Chủ tịch Ủy ban nhân dân cấp tỉnh | Award of a certificate of merit by the Chairman of the provincial People's Committee | - | 20 | decision | | 600
Tặng Cờ thi đua của Ủy ban nhân dân cấp tỉnh | Award of the emulation flag of the provincial People's Committee | - | 20 | decision | | 40
Tặng danh hiệu Chiến sĩ thi đua cấp tỉnh | Award of the title of provincial emulation soldier | - | 20 | decision | | 150
Tặng danh hiệu Tập thể lao động xuất sắc | Award of the title of excellent labour collective | - | 20 | decision | | 200
Tặng Bằng khen của Chủ tịch Ủy ban nhân dân cấp tỉnh theo đợt hoặc chuyên đề | Award of a thematic certificate of merit by the provincial chairman | - | 15 | decision | | 150
Tặng Bằng khen của Chủ tịch Ủy ban nhân dân cấp tỉnh đột xuất | Award of an ad hoc certificate of merit by the provincial chairman | - | 10 | decision | | 40
Tặng Bằng khen của Chủ tịch Ủy ban nhân dân cấp tỉnh cho gia đình | Award of a certificate of merit to a family by the provincial chairman | - | 15 | decision | | 20
Tặng danh hiệu Chiến sĩ thi đua cơ sở | Award of the title of grassroots emulation soldier | - | 15 | decision | | 30
@ Văn thư và lưu trữ nhà nước | Records and archives | 20 | 0
Chứng chỉ hành nghề lưu trữ | an archive practising certificate | cap caplai | 10 | practice_cert | | 10 | 0
Phục vụ việc sử dụng tài liệu của độc giả tại phòng đọc | Use of archival documents in the reading room | - | 1 | copy | e | 200
Cấp bản sao và chứng thực tài liệu lưu trữ | Issuance of certified copies of archival documents | - | 2 | copy | e | 300
@ Chính quyền địa phương | Local government | 2 | 0
Thành lập thôn mới, tổ dân phố mới | Establishment of a new hamlet or residential group | - | 30 | decision | i | 3
Phân loại đơn vị hành chính cấp xã | Classification of a commune-level administrative unit | - | 30 | decision | i | 5
@ Công tác thanh niên | Youth affairs | 1 | 0
Thành lập tổ chức thanh niên xung phong cấp tỉnh | Establishment of a provincial youth volunteer organisation | - | 30 | decision | i | 1
Giải thể tổ chức thanh niên xung phong cấp tỉnh | Dissolution of a provincial youth volunteer organisation | - | 15 | decision | | 1
Sáp nhập, chia, tách tổ chức thanh niên xung phong cấp tỉnh | Merger or division of a provincial youth volunteer organisation | - | 20 | decision | | 1
@ Tôn giáo | Religion | 5 | 0
Thông báo danh mục hoạt động tôn giáo đối với tổ chức có địa bàn hoạt động tôn giáo ở một tỉnh | Notification of the programme of religious activities of an organisation active in one province | - | 20 | notice | | 10
Thông báo danh mục hoạt động tôn giáo bổ sung | Notification of additional religious activities | - | 20 | notice | e | 5
Thông báo tổ chức quyên góp ngoài địa bàn một xã nhưng trong địa bàn một tỉnh | Notification of a collection beyond one commune within the province | - | 10 | notice | e | 5
Đề nghị mời tổ chức, cá nhân nước ngoài vào Việt Nam thực hiện hoạt động tôn giáo | Request to invite foreign religious organisations or persons | - | 30 | approval_letter | i | 2
Đề nghị tổ chức hội nghị thường niên của tổ chức tôn giáo | Request to hold the annual conference of a religious organisation | - | 20 | approval_letter | | 3
@ Công chức, viên chức | Civil servants and public employees | 10 | 0
Chuyển ngạch công chức | Transfer of a civil servant to another grade | - | 20 | decision | | 20
@ Thi đua, khen thưởng | Emulation and commendation | 30 | 0
Tặng Cờ thi đua của Ủy ban nhân dân cấp tỉnh theo chuyên đề | Award of a thematic emulation flag of the provincial People's Committee | - | 15 | decision | | 20
@ Chính quyền địa phương | Local government | 2 | 0
Đổi tên thôn, tổ dân phố | Renaming of a hamlet or residential group | - | 20 | decision | | 2
Sáp nhập thôn, tổ dân phố | Merger of hamlets or residential groups | - | 30 | decision | i | 3
"""

FIELDS["DEPT_CONSTRUCTION"] = """
@ Hoạt động xây dựng | Construction activities | 20 | 0
Cấp giấy phép xây dựng mới đối với công trình theo tuyến trong đô thị | Issuance of a new construction permit for a linear works in an urban area | - | 20 | licence | si | 15 | 150
Cấp giấy phép xây dựng mới đối với công trình tín ngưỡng, tôn giáo | Issuance of a new construction permit for a religious or belief works | - | 20 | licence | si | 10 | 150
Cấp giấy phép xây dựng mới đối với công trình tượng đài, tranh hoành tráng | Issuance of a new construction permit for a monument or monumental painting | - | 20 | licence | si | 1 | 150
Cấp giấy phép xây dựng theo giai đoạn | Issuance of a phased construction permit | - | 20 | licence | si | 5 | 150
Cấp giấy phép xây dựng cho dự án | Issuance of a construction permit for a project | - | 20 | licence | si | 15 | 150
Cấp giấy phép xây dựng có thời hạn | Issuance of a temporary construction permit | - | 20 | licence | s | 10 | 150
Cấp giấy phép sửa chữa, cải tạo công trình | Issuance of a permit to repair or renovate works | - | 20 | licence | s | 40 | 150
Cấp giấy phép di dời công trình | Issuance of a permit to relocate works | - | 20 | licence | s | 1 | 150
Điều chỉnh giấy phép xây dựng | Amendment of a construction permit | - | 10 | licence | | 60 | 150
Gia hạn giấy phép xây dựng | Extension of a construction permit | - | 5 | licence | e | 30 | 0
Cấp lại giấy phép xây dựng | Re-issuance of a construction permit | - | 5 | licence | e | 5 | 0
Thẩm định báo cáo nghiên cứu khả thi đầu tư xây dựng | Appraisal of a construction investment feasibility study | - | 30 | approval_letter | i | 80
Thẩm định báo cáo nghiên cứu khả thi đầu tư xây dựng điều chỉnh | Appraisal of an amended construction investment feasibility study | - | 20 | approval_letter | i | 30
Thẩm định thiết kế xây dựng triển khai sau thiết kế cơ sở | Appraisal of the detailed design following the basic design | - | 30 | approval_letter | i | 100
Thẩm định thiết kế xây dựng triển khai sau thiết kế cơ sở điều chỉnh | Appraisal of an amended detailed design | - | 20 | approval_letter | | 30
Thẩm định báo cáo kinh tế - kỹ thuật đầu tư xây dựng | Appraisal of an economic-technical construction report | - | 20 | approval_letter | | 60
Kiểm tra công tác nghiệm thu hoàn thành công trình | Inspection of the completion acceptance of works | - | 20 | approval_letter | s | 100
Chứng chỉ hành nghề hoạt động xây dựng hạng II, hạng III | a construction practising certificate of class II or III | cap caplai dieuchinh giahan | 20 | practice_cert | | 600 | 300
Cấp chuyển đổi chứng chỉ hành nghề hoạt động xây dựng của cá nhân người nước ngoài | Conversion of a construction practising certificate of a foreign individual | - | 20 | practice_cert | | 5 | 300
Chứng chỉ năng lực hoạt động xây dựng hạng II, hạng III | a construction capacity certificate of class II or III | cap caplai dieuchinh | 20 | certificate | | 150 | 1000
Giấy phép hoạt động xây dựng cho nhà thầu nước ngoài | a construction contractor licence for a foreign contractor | cap dieuchinh | 20 | licence | | 15 | 2000
@ Quy hoạch xây dựng, kiến trúc | Construction planning and architecture | 20 | 0
Thẩm định nhiệm vụ quy hoạch chi tiết xây dựng | Appraisal of the brief of a detailed construction plan | - | 20 | approval_letter | i | 30
Thẩm định đồ án quy hoạch chi tiết xây dựng | Appraisal of a detailed construction plan | - | 25 | approval_letter | i | 30
Thẩm định điều chỉnh cục bộ quy hoạch chi tiết xây dựng | Appraisal of a local amendment of a detailed construction plan | - | 15 | approval_letter | i | 20
Cấp giấy phép quy hoạch dự án đầu tư xây dựng | Issuance of a planning permit for a construction investment project | - | 30 | licence | si | 5
Cung cấp thông tin về quy hoạch xây dựng | Provision of construction planning information | - | 5 | copy | e | 150
Chứng chỉ hành nghề kiến trúc | an architecture practising certificate | cap caplai giahan | 20 | practice_cert | | 20 | 300
Thẩm định quy chế quản lý kiến trúc | Appraisal of architecture management regulations | - | 20 | approval_letter | i | 2
@ Nhà ở | Housing | 20 | 0
Thông báo nhà ở hình thành trong tương lai đủ điều kiện được bán, cho thuê mua | Notification that future housing is eligible for sale or lease-purchase | - | 15 | notice | s | 30
Thẩm định giá bán, thuê mua, thuê nhà ở xã hội | Appraisal of the sale, lease-purchase or rent price of social housing | - | 30 | approval_letter | | 5
Cho thuê nhà ở công vụ | Lease of official housing | - | 30 | decision | | 5
Bán nhà ở cũ thuộc sở hữu nhà nước | Sale of old state-owned housing | - | 45 | decision | i | 5
Xác nhận đối tượng được mua, thuê mua nhà ở xã hội | Confirmation of eligibility to buy or lease-purchase social housing | - | 7 | approval_letter | e | 300
Công nhận chủ đầu tư dự án nhà ở thương mại | Recognition of the developer of a commercial housing project | - | 30 | decision | i | 3
@ Kinh doanh bất động sản | Real estate business | 15 | 0
Chứng chỉ hành nghề môi giới bất động sản | a real estate brokerage practising certificate | cap caplai | 10 | practice_cert | | 80 | 200
Chuyển nhượng toàn bộ hoặc một phần dự án bất động sản | Transfer of all or part of a real estate project | - | 30 | decision | i | 3
@ Vật liệu xây dựng | Construction materials | 100 | 0
Tiếp nhận bản công bố hợp quy sản phẩm, hàng hóa vật liệu xây dựng | Receipt of a declaration of conformity of construction materials | - | 5 | notice | e | 200 | 150
Xác nhận đăng ký công bố sản phẩm vật liệu xây dựng sản xuất trong nước | Confirmation of a declaration of domestically produced construction materials | - | 5 | approval_letter | e | 40 | 150
@ Hạ tầng kỹ thuật | Technical infrastructure | 10 | 0
Cấp giấy phép chặt hạ, dịch chuyển cây xanh | Issuance of a permit to fell or move urban trees | - | 10 | licence | s | 10
Thỏa thuận đấu nối hạ tầng kỹ thuật | Agreement on technical infrastructure connection | - | 10 | approval_letter | s | 15
Chấp thuận sử dụng tạm thời một phần vỉa hè ngoài mục đích giao thông | Consent to the temporary use of pavement for non-traffic purposes | - | 5 | approval_letter | s | 10
@ Giám định tư pháp xây dựng | Construction judicial expertise | 2 | 0
Bổ nhiệm giám định viên tư pháp xây dựng | Appointment of a construction judicial expert | - | 20 | decision | i | 2
Đăng ký công bố thông tin người giám định tư pháp xây dựng theo vụ việc | Registration of ad hoc construction judicial experts | - | 10 | notice | e | 2
Đăng ký công bố thông tin văn phòng giám định tư pháp xây dựng | Registration of a construction judicial expertise office | - | 10 | notice | e | 1
@ Hoạt động xây dựng | Construction activities | 20 | 0
Cấp giấy phép xây dựng công trình quảng cáo | Issuance of a construction permit for an advertising structure | - | 15 | licence | s | 20 | 150
Cấp giấy phép xây dựng theo giai đoạn cho công trình theo tuyến trong đô thị | Issuance of a phased construction permit for a linear works in an urban area | - | 20 | licence | si | 2 | 150
Cấp lại chứng chỉ hành nghề hoạt động xây dựng bị ghi sai thông tin | Re-issuance of a construction practising certificate with wrong details | - | 5 | practice_cert | e | 10 | 0
Cấp chuyển đổi chứng chỉ năng lực hoạt động xây dựng của tổ chức nước ngoài | Conversion of a construction capacity certificate of a foreign organisation | - | 20 | certificate | | 2 | 1000
Thẩm định thiết kế xây dựng sửa chữa, cải tạo công trình | Appraisal of repair or renovation designs | - | 20 | approval_letter | | 20
@ Kinh doanh bất động sản | Real estate business | 15 | 0
Cấp chứng chỉ hành nghề môi giới bất động sản theo hình thức thi sát hạch | Issuance of a real estate brokerage certificate by examination | - | 10 | practice_cert | | 40 | 200
@ Nhà ở | Housing | 20 | 0
Cho thuê, cho thuê mua nhà ở xã hội thuộc sở hữu nhà nước | Lease or lease-purchase of state-owned social housing | - | 30 | decision | | 5
Giải quyết bán phần diện tích nhà đất sử dụng chung | Sale of the shared area of a state-owned house and land | - | 30 | decision | i | 3
Cho thuê nhà ở cũ thuộc sở hữu nhà nước | Lease of old state-owned housing | - | 30 | decision | | 3
@ Quy hoạch xây dựng, kiến trúc | Construction planning and architecture | 20 | 0
Thẩm định nhiệm vụ quy hoạch phân khu xây dựng | Appraisal of the brief of a zoning plan | - | 20 | approval_letter | i | 5
Thẩm định đồ án quy hoạch phân khu xây dựng | Appraisal of a zoning plan | - | 25 | approval_letter | i | 5
Có ý kiến thỏa thuận về tổng mặt bằng, phương án kiến trúc công trình | Opinion on the site plan and architectural design of works | - | 15 | approval_letter | | 40
Thẩm định điều chỉnh nhiệm vụ quy hoạch chi tiết xây dựng | Appraisal of an amended detailed planning brief | - | 15 | approval_letter | i | 5
@ Hạ tầng kỹ thuật | Technical infrastructure | 10 | 0
Cấp giấy phép thi công công trình hạ tầng kỹ thuật ngầm trong đô thị | Issuance of a permit for underground utility works in an urban area | - | 10 | licence | s | 10
"""

FIELDS["DEPT_SCI_TECH"] = """
@ Hoạt động khoa học và công nghệ | Science and technology activities | 3 | 0
Đăng ký thành lập tổ chức khoa học và công nghệ | Registration of a science and technology organisation | - | 15 | certificate | | 5
Thay đổi, bổ sung nội dung giấy chứng nhận đăng ký hoạt động của tổ chức khoa học và công nghệ | Change of the registration of a science and technology organisation | - | 10 | certificate | e | 3
Cấp lại giấy chứng nhận đăng ký hoạt động của tổ chức khoa học và công nghệ | Re-issuance of the registration of a science and technology organisation | - | 5 | certificate | e | 1
Đăng ký hoạt động của văn phòng đại diện, chi nhánh của tổ chức khoa học và công nghệ | Registration of a representative office or branch of a science and technology organisation | - | 15 | certificate | | 1
Giấy chứng nhận doanh nghiệp khoa học và công nghệ | a science and technology enterprise certificate | cap caplai | 15 | certificate | i | 2
Thay đổi, bổ sung nội dung giấy chứng nhận doanh nghiệp khoa học và công nghệ | Change of a science and technology enterprise certificate | - | 7 | certificate | e | 1
Đăng ký kết quả thực hiện nhiệm vụ khoa học và công nghệ | Registration of the results of a science and technology task | - | 5 | certificate | e | 40
Giao quyền sở hữu, quyền sử dụng kết quả nghiên cứu khoa học và phát triển công nghệ sử dụng ngân sách nhà nước | Assignment of ownership or use rights of state-funded research results | - | 15 | decision | | 2
Xét tiếp nhận hồ sơ đề xuất nhiệm vụ khoa học và công nghệ cấp tỉnh | Admission of a proposal for a provincial science and technology task | - | 30 | decision | i | 60
Hỗ trợ doanh nghiệp đổi mới công nghệ, nâng cao năng suất chất lượng | Support for enterprises' technology renewal and productivity improvement | - | 30 | decision | i | 20
@ Tiêu chuẩn, đo lường, chất lượng | Standards, metrology and quality | 40 | 0
Đăng ký công bố hợp chuẩn dựa trên kết quả tự đánh giá của tổ chức, cá nhân sản xuất, kinh doanh | Registration of a declaration of conformity to standards based on self-assessment | - | 5 | notice | e | 40 | 150
Đăng ký công bố hợp chuẩn dựa trên kết quả chứng nhận của tổ chức chứng nhận | Registration of a declaration of conformity to standards based on certification | - | 5 | notice | e | 30 | 150
Đăng ký công bố hợp quy đối với sản phẩm, hàng hóa nhóm 2 | Registration of a declaration of conformity to technical regulations for group 2 goods | - | 5 | notice | e | 60 | 150
Đăng ký kiểm tra nhà nước về chất lượng hàng hóa nhập khẩu | Registration for state quality inspection of imported goods | - | 1 | notice | e | 400 | 0
Miễn giảm kiểm tra chất lượng hàng hóa nhập khẩu | Exemption from quality inspection of imported goods | - | 5 | approval_letter | e | 20 | 0
Chứng nhận chuẩn đo lường để kiểm định, hiệu chuẩn, thử nghiệm phương tiện đo | Certification of measurement standards for verifying, calibrating and testing instruments | - | 15 | certificate | s | 3 | 0
Điều chỉnh nội dung chứng chỉ chứng nhận chuẩn đo lường | Amendment of a measurement standard certificate | - | 10 | certificate | e | 1 | 0
Chứng nhận kiểm định viên đo lường | Certification of a metrology verifier | - | 10 | certificate | | 5 | 0
Đăng ký tham dự sơ tuyển, xét tặng giải thưởng chất lượng quốc gia | Registration for the National Quality Award | - | 20 | notice | | 3 | 0
Kiểm tra nhà nước về đo lường đối với phương tiện đo, lượng của hàng đóng gói sẵn nhập khẩu | State metrology inspection of imported measuring instruments and prepackaged goods | - | 5 | notice | | 10 | 0
@ An toàn bức xạ và hạt nhân | Radiation and nuclear safety | 15 | 0
Giấy phép tiến hành công việc bức xạ sử dụng thiết bị X-quang chẩn đoán trong y tế | a licence to conduct radiation work with medical diagnostic X-ray equipment | cap giahan suadoi caplai | 15 | licence | s | 15 | 2000
Chứng chỉ nhân viên bức xạ cho người phụ trách an toàn cơ sở X-quang chẩn đoán trong y tế | a radiation worker certificate for the safety officer of a diagnostic X-ray facility | cap caplai | 10 | certificate | | 15 | 200
Khai báo thiết bị X-quang chẩn đoán trong y tế | Declaration of medical diagnostic X-ray equipment | - | 5 | notice | e | 20 | 0
Phê duyệt kế hoạch ứng phó sự cố bức xạ cấp cơ sở | Approval of a facility radiation emergency plan | - | 15 | decision | | 5 | 0
@ Sở hữu trí tuệ | Intellectual property | 3 | 0
Giấy chứng nhận tổ chức đủ điều kiện hoạt động giám định sở hữu công nghiệp | a certificate of eligibility for industrial property assessment | cap caplai | 15 | certificate | | 1 | 0
Cho phép tổ chức, cá nhân sử dụng chỉ dẫn địa lý, nhãn hiệu tập thể, nhãn hiệu chứng nhận của địa phương | Permission to use a local geographical indication, collective or certification mark | - | 20 | decision | s | 10 | 0
Hỗ trợ đăng ký bảo hộ quyền sở hữu trí tuệ | Support for registering intellectual property rights | - | 20 | decision | | 20 | 0
@ Chuyển giao công nghệ | Technology transfer | 5 | 0
Giấy chứng nhận đăng ký chuyển giao công nghệ | a technology transfer registration certificate | cap suadoi | 15 | certificate | i | 5 | 0
Có ý kiến về công nghệ của dự án đầu tư | Opinion on the technology of an investment project | - | 15 | approval_letter | i | 30 | 0
Thẩm định công nghệ dự án đầu tư | Technology appraisal of an investment project | - | 20 | approval_letter | i | 10 | 0
Cấp giấy chứng nhận đăng ký gia hạn chuyển giao công nghệ | Issuance of a certificate of extended technology transfer | - | 10 | certificate | e | 1 | 0
@ Tiêu chuẩn, đo lường, chất lượng | Standards, metrology and quality | 40 | 0
Công bố sử dụng dấu định lượng trên nhãn hàng đóng gói sẵn | Declaration of the use of the quantity mark on prepackaged goods | - | 5 | notice | e | 5 | 0
Điều chỉnh nội dung bản công bố sử dụng dấu định lượng | Amendment of a declaration of the use of the quantity mark | - | 5 | notice | e | 1 | 0
@ Hoạt động khoa học và công nghệ | Science and technology activities | 3 | 0
Thay đổi, bổ sung nội dung giấy chứng nhận hoạt động văn phòng đại diện, chi nhánh của tổ chức khoa học và công nghệ | Change of the registration of a representative office or branch of a science and technology organisation | - | 10 | certificate | e | 1
Cấp lại giấy chứng nhận hoạt động văn phòng đại diện, chi nhánh của tổ chức khoa học và công nghệ | Re-issuance of the registration of a representative office or branch of a science and technology organisation | - | 5 | certificate | e | 1
Đánh giá đồng thời thẩm định kết quả thực hiện nhiệm vụ khoa học và công nghệ không sử dụng ngân sách nhà nước | Evaluation and appraisal of the results of a science and technology task without state funds | - | 30 | decision | | 2
Mua sáng chế, sáng kiến | Purchase of a patent or initiative | - | 30 | decision | i | 1
Công nhận kết quả nghiên cứu khoa học và phát triển công nghệ do tổ chức, cá nhân tự đầu tư nghiên cứu | Recognition of self-funded research and development results | - | 30 | decision | | 2
Xét tặng giải thưởng khoa học và công nghệ cấp tỉnh | Provincial science and technology award | - | 30 | decision | | 20
Công nhận sáng kiến cấp tỉnh | Recognition of a provincial initiative | - | 30 | decision | | 80
Xác nhận hàng hóa sử dụng trực tiếp cho phát triển hoạt động ươm tạo công nghệ | Confirmation of goods used directly for technology incubation | - | 10 | approval_letter | | 1
Hỗ trợ doanh nghiệp khởi nghiệp đổi mới sáng tạo | Support for innovative start-ups | - | 30 | decision | i | 10
Thẩm định kinh phí nhiệm vụ khoa học và công nghệ cấp tỉnh | Appraisal of the budget of a provincial science and technology task | - | 20 | approval_letter | | 30
Đăng ký thông tin kết quả nhiệm vụ khoa học và công nghệ không sử dụng ngân sách nhà nước | Registration of the results of a science and technology task without state funds | - | 5 | certificate | e | 5
Thẩm định hồ sơ tài trợ, hỗ trợ từ Quỹ phát triển khoa học và công nghệ tỉnh | Appraisal of an application for funding from the provincial science and technology fund | - | 30 | approval_letter | | 10
"""

FIELDS["IZ_BOARD"] = """
@ Đầu tư tại Việt Nam | Investment in Vietnam | 40 | 0
Cấp Giấy chứng nhận đăng ký đầu tư đối với dự án thuộc diện chấp thuận chủ trương đầu tư | Issuance of an investment registration certificate for a project with investment policy approval | - | 5 | certificate | | 20
Điều chỉnh Giấy chứng nhận đăng ký đầu tư | Amendment of an investment registration certificate | - | 10 | certificate | i | 300
Điều chỉnh tên dự án đầu tư, tên và địa chỉ nhà đầu tư trong Giấy chứng nhận đăng ký đầu tư | Amendment of a project's name or the investor's name and address in an investment registration certificate | - | 3 | certificate | e | 60
Chấp thuận chủ trương đầu tư dự án trong khu công nghiệp | Investment policy approval for a project in an industrial zone | - | 35 | decision | si | 20
Chuyển nhượng dự án đầu tư | Transfer of an investment project | - | 15 | certificate | i | 15
Giãn tiến độ thực hiện dự án đầu tư | Extension of an investment project's schedule | - | 15 | approval_letter | i | 20
Tạm ngừng, ngừng hoạt động của dự án đầu tư | Suspension or cessation of an investment project | - | 15 | notice | | 5
Chấm dứt hoạt động của dự án đầu tư | Termination of an investment project | - | 15 | decision | | 10
Cấp lại Giấy chứng nhận đăng ký đầu tư | Re-issuance of an investment registration certificate | - | 5 | certificate | e | 5
Hiệu đính thông tin trên Giấy chứng nhận đăng ký đầu tư | Correction of information in an investment registration certificate | - | 3 | certificate | e | 10
Góp vốn, mua cổ phần, mua phần vốn góp của nhà đầu tư nước ngoài vào tổ chức kinh tế | Capital contribution or share purchase by a foreign investor in an economic organisation | - | 15 | approval_letter | i | 40
Cung cấp thông tin về dự án đầu tư | Provision of information on an investment project | - | 5 | copy | e | 10
Xác nhận ưu đãi đầu tư đối với dự án trong khu công nghiệp | Confirmation of investment incentives for a project in an industrial zone | - | 15 | approval_letter | | 20
Cấp giấy phép kinh doanh cho doanh nghiệp chế xuất thực hiện quyền xuất khẩu, nhập khẩu | Business licence for an export-processing enterprise to import and export | - | 10 | licence | | 15 | 2000
@ Lao động | Labour | 100 | 0
Cấp giấy phép lao động cho người lao động nước ngoài làm việc tại doanh nghiệp trong khu công nghiệp | Issuance of a work permit to a foreign employee of an industrial zone enterprise | - | 5 | licence | | 2500 | 600
Gia hạn giấy phép lao động cho người lao động nước ngoài làm việc tại doanh nghiệp trong khu công nghiệp | Extension of a work permit of a foreign employee of an industrial zone enterprise | - | 5 | licence | e | 900 | 450
Cấp lại giấy phép lao động cho người lao động nước ngoài làm việc tại doanh nghiệp trong khu công nghiệp | Re-issuance of a work permit of a foreign employee of an industrial zone enterprise | - | 3 | licence | e | 300 | 450
Xác nhận người lao động nước ngoài làm việc trong khu công nghiệp không thuộc diện cấp giấy phép lao động | Confirmation that a foreign employee in an industrial zone is exempt from a work permit | - | 3 | approval_letter | e | 600 | 0
Chấp thuận nhu cầu sử dụng người lao động nước ngoài của doanh nghiệp trong khu công nghiệp | Approval of an industrial zone enterprise's need for foreign workers | - | 10 | approval_letter | | 1200
Đăng ký nội quy lao động của doanh nghiệp trong khu công nghiệp | Registration of the labour regulations of an industrial zone enterprise | - | 7 | approval_letter | e | 200
Đăng ký thỏa ước lao động tập thể của doanh nghiệp trong khu công nghiệp | Registration of the collective labour agreement of an industrial zone enterprise | - | 5 | notice | e | 60
@ Hoạt động xây dựng | Construction activities | 30 | 150
Điều chỉnh giấy phép xây dựng công trình trong khu công nghiệp | Amendment of a construction permit in an industrial zone | - | 10 | licence | | 60
Gia hạn giấy phép xây dựng công trình trong khu công nghiệp | Extension of a construction permit in an industrial zone | - | 5 | licence | e | 20 | 0
Cấp lại giấy phép xây dựng công trình trong khu công nghiệp | Re-issuance of a construction permit in an industrial zone | - | 5 | licence | e | 3 | 0
Cấp giấy phép sửa chữa, cải tạo công trình trong khu công nghiệp | Issuance of a permit to repair or renovate works in an industrial zone | - | 20 | licence | s | 40
Thẩm định thiết kế xây dựng triển khai sau thiết kế cơ sở đối với công trình trong khu công nghiệp | Appraisal of detailed designs of works in an industrial zone | - | 30 | approval_letter | i | 60 | 0
Thẩm định báo cáo nghiên cứu khả thi đầu tư xây dựng công trình trong khu công nghiệp | Appraisal of a feasibility study for works in an industrial zone | - | 30 | approval_letter | i | 30 | 0
Kiểm tra công tác nghiệm thu hoàn thành công trình trong khu công nghiệp | Inspection of completion acceptance of works in an industrial zone | - | 20 | approval_letter | s | 60 | 0
Thẩm định điều chỉnh cục bộ quy hoạch chi tiết khu công nghiệp | Appraisal of a local amendment of an industrial zone detailed plan | - | 15 | approval_letter | i | 5 | 0
Cung cấp thông tin về quy hoạch xây dựng trong khu công nghiệp | Provision of planning information in an industrial zone | - | 5 | copy | e | 30 | 0
@ Thương mại | Trade | 20 | 0
Cấp giấy chứng nhận xuất xứ hàng hóa ưu đãi cho doanh nghiệp trong khu công nghiệp | Issuance of a preferential certificate of origin to an industrial zone enterprise | - | 1 | certificate | e | 500
Cấp giấy phép thành lập văn phòng đại diện của thương nhân nước ngoài trong khu công nghiệp | Licence for a representative office of a foreign trader in an industrial zone | - | 5 | licence | e | 3 | 3000
Xác nhận hợp đồng gia công, sản xuất xuất khẩu của doanh nghiệp chế xuất | Confirmation of an export processing contract of an export-processing enterprise | - | 5 | approval_letter | e | 30
@ Môi trường | Environment | 15 | 0
Đăng ký kế hoạch bảo vệ môi trường đối với dự án trong khu công nghiệp | Registration of an environmental protection plan for a project in an industrial zone | - | 10 | approval_letter | | 40
Kiểm tra, xác nhận hoàn thành công trình bảo vệ môi trường trong khu công nghiệp | Confirmation of completed environmental protection works in an industrial zone | - | 15 | approval_letter | s | 10
@ Đầu tư tại Việt Nam | Investment in Vietnam | 40 | 0
Điều chỉnh chủ trương đầu tư dự án trong khu công nghiệp | Amendment of the investment policy of a project in an industrial zone | - | 25 | decision | i | 10
Đổi Giấy chứng nhận đăng ký đầu tư cho dự án hoạt động theo Giấy phép đầu tư, Giấy chứng nhận đầu tư | Exchange of an investment licence or certificate for an investment registration certificate | - | 3 | certificate | e | 10
Thành lập văn phòng điều hành của nhà đầu tư nước ngoài trong hợp đồng BCC | Establishment of an executive office of a foreign investor in a BCC contract | - | 15 | certificate | | 2
Điều chỉnh dự án đầu tư trong trường hợp chia, tách, sáp nhập, hợp nhất tổ chức kinh tế | Adjustment of an investment project upon division, separation, merger or consolidation of the investor | - | 15 | certificate | i | 3
@ Lao động | Labour | 100 | 0
Thu hồi giấy phép lao động của người lao động nước ngoài làm việc trong khu công nghiệp | Revocation of a work permit of a foreign employee in an industrial zone | - | 3 | decision | | 40 | 0
Chấp thuận thay đổi nhu cầu sử dụng người lao động nước ngoài của doanh nghiệp trong khu công nghiệp | Approval of a change in an industrial zone enterprise's need for foreign workers | - | 10 | approval_letter | e | 300 | 0
@ Thương mại | Trade | 20 | 0
Điều chỉnh giấy phép kinh doanh của doanh nghiệp chế xuất | Amendment of the business licence of an export-processing enterprise | - | 7 | licence | e | 5 | 1000
Gia hạn giấy phép thành lập văn phòng đại diện của thương nhân nước ngoài trong khu công nghiệp | Extension of the licence of a representative office of a foreign trader in an industrial zone | - | 5 | licence | e | 1 | 1500
Cấp lại giấy phép thành lập văn phòng đại diện của thương nhân nước ngoài trong khu công nghiệp | Re-issuance of the licence of a representative office of a foreign trader in an industrial zone | - | 5 | licence | e | 1 | 1500
@ Hoạt động xây dựng | Construction activities | 30 | 150
Cấp giấy phép di dời công trình trong khu công nghiệp | Issuance of a permit to relocate works in an industrial zone | - | 20 | licence | s | 1
Thẩm định báo cáo kinh tế - kỹ thuật đầu tư xây dựng công trình trong khu công nghiệp | Appraisal of an economic-technical report for works in an industrial zone | - | 20 | approval_letter | | 20 | 0
"""

FIELDS["DEPT_INFO_COMM"] = """
@ Báo chí | Press | 5 | 0
Cho phép họp báo trong nước | Permission for a domestic press conference | - | 2 | approval_letter | e | 15
Cho phép họp báo của tổ chức, cá nhân nước ngoài | Permission for a press conference of a foreign organisation or person | - | 2 | approval_letter | | 2
Giấy phép xuất bản bản tin trong nước | a domestic newsletter publication licence | cap | 15 | licence | | 10
Văn bản chấp thuận thay đổi nội dung ghi trong giấy phép xuất bản bản tin | Approval of changes to a newsletter publication licence | - | 7 | approval_letter | e | 4
Cấp giấy phép xuất bản bản tin của cơ quan, tổ chức nước ngoài | Issuance of a newsletter licence to a foreign organisation | - | 15 | licence | | 1
Trưng bày tranh, ảnh và các hình thức thông tin khác bên ngoài trụ sở cơ quan đại diện nước ngoài, tổ chức nước ngoài | Display of pictures and other information outside the premises of a foreign mission or organisation | - | 7 | approval_letter | | 1
Giấy phép thiết lập trang thông tin điện tử tổng hợp | a general news website licence | cap suadoi giahan caplai | 15 | licence | | 4
@ Xuất bản, in và phát hành | Publishing, printing and distribution | 10 | 0
Cấp giấy phép xuất bản tài liệu không kinh doanh | Issuance of a licence to publish non-commercial documents | - | 10 | licence | | 30
Giấy phép hoạt động in | a printing licence | cap caplai capdoi | 7 | licence | s | 3
Đăng ký hoạt động cơ sở in | Registration of a printing establishment | - | 5 | certificate | | 10
Thay đổi thông tin đăng ký hoạt động cơ sở in | Change of the registration of a printing establishment | - | 5 | certificate | e | 5
Giấy xác nhận đăng ký hoạt động phát hành xuất bản phẩm | a registration of publication distribution | cap caplai capdoi | 7 | certificate | | 4
Cấp giấy phép nhập khẩu xuất bản phẩm không kinh doanh | Issuance of a licence to import non-commercial publications | - | 5 | licence | e | 10
Cấp giấy phép tổ chức triển lãm, hội chợ xuất bản phẩm | Issuance of a licence for a publication exhibition or fair | - | 10 | licence | | 2
Cấp giấy phép nhập khẩu thiết bị in | Issuance of a licence to import printing equipment | - | 5 | licence | e | 10
Đăng ký sử dụng máy photocopy màu, máy in có chức năng photocopy màu | Registration of a colour photocopier or printer with colour copying | - | 3 | certificate | e | 15
Chuyển nhượng máy photocopy màu, máy in có chức năng photocopy màu | Transfer of a colour photocopier or printer with colour copying | - | 3 | certificate | e | 2
@ Bưu chính | Postal services | 5 | 0
Giấy phép bưu chính | a postal licence | cap suadoi caplai | 20 | licence | | 3 | 300
Văn bản xác nhận thông báo hoạt động bưu chính | a confirmation of a postal activity notification | cap caplai | 7 | approval_letter | | 6
@ Phát thanh, truyền hình và thông tin điện tử | Broadcasting and electronic information | 2 | 0
Giấy phép thu tín hiệu truyền hình nước ngoài trực tiếp từ vệ tinh | a licence to receive foreign satellite television | cap suadoi giahan | 10 | licence | | 3
Cấp đăng ký thu tín hiệu truyền hình nước ngoài trực tiếp từ vệ tinh | Registration to receive foreign satellite television | - | 5 | certificate | e | 3
Thông báo cung cấp dịch vụ trò chơi điện tử G2, G3, G4 trên mạng | Notification of provision of online game services G2 to G4 | - | 10 | notice | | 1
Giấy chứng nhận đủ điều kiện hoạt động điểm cung cấp dịch vụ trò chơi điện tử công cộng | a certificate of eligibility for a public online game venue | cap suadoi caplai giahan | 5 | certificate | s | 10
@ Công nghệ thông tin | Information technology | 2 | 0
Xác nhận ưu đãi dự án sản xuất sản phẩm công nghệ thông tin | Confirmation of incentives for an IT product manufacturing project | - | 20 | approval_letter | | 1
Thẩm định kế hoạch thuê dịch vụ công nghệ thông tin | Appraisal of a plan to rent IT services | - | 20 | approval_letter | | 10
Thẩm định thiết kế cơ sở dự án ứng dụng công nghệ thông tin | Appraisal of the basic design of an IT application project | - | 20 | approval_letter | | 10
@ Xuất bản, in và phát hành | Publishing, printing and distribution | 10 | 0
Cấp giấy phép in gia công xuất bản phẩm cho nước ngoài | Issuance of a licence to print publications for foreign customers | - | 5 | licence | | 3
Thu hồi giấy phép hoạt động in | Revocation of a printing licence | - | 5 | decision | | 1
"""

FIELDS["DEPT_FINANCE"] = """
@ Quản lý công sản | Public assets | 10 | 0
Quyết định {PUBASSET} tài sản công | Decision on the {PUBASSET} of public assets | - | 15 | decision | i | 15
Quyết định xử lý tài sản công trong trường hợp bị mất, bị hủy hoại | Decision on the handling of lost or destroyed public assets | - | 15 | decision | i | 3
Phê duyệt đề án sử dụng tài sản công vào mục đích kinh doanh, cho thuê | Approval of a scheme to use public assets for business or lease | - | 30 | decision | i | 5
Phê duyệt đề án sử dụng tài sản công vào mục đích liên doanh, liên kết | Approval of a scheme to use public assets for joint ventures | - | 30 | decision | i | 2
Xác lập quyền sở hữu toàn dân đối với tài sản | Establishment of public ownership of assets | - | 15 | decision | i | 5
Sắp xếp lại, xử lý nhà, đất của cơ quan, tổ chức, đơn vị | Rearrangement and handling of the premises of public bodies | - | 30 | decision | si | 10
Chuyển giao tài sản công sang địa phương quản lý | Hand-over of public assets to local management | - | 15 | decision | i | 2
Giao quyền sử dụng tài sản kết cấu hạ tầng | Assignment of rights to use infrastructure assets | - | 20 | decision | i | 3
@ Quản lý giá | Prices | 15 | 0
Đăng ký giá của doanh nghiệp | Price registration of an enterprise | - | 5 | notice | e | 40
Kê khai giá hàng hóa, dịch vụ | Declaration of the prices of goods and services | - | 5 | notice | e | 200
Hiệp thương giá | Price negotiation | - | 15 | decision | | 2
Quyết định giá thuộc thẩm quyền của Ủy ban nhân dân cấp tỉnh | Price setting by the provincial People's Committee | - | 15 | decision | i | 10
Thẩm định phương án giá đất cụ thể | Appraisal of a specific land price plan | - | 20 | approval_letter | i | 40
@ Tài chính ngân sách | Public budget | 30 | 0
Cấp mã số đơn vị có quan hệ với ngân sách | Issuance of a budget-relation unit code | - | 2 | certificate | e | 300
Thay đổi thông tin mã số đơn vị có quan hệ với ngân sách | Change of a budget-relation unit code's information | - | 2 | certificate | e | 60
Thẩm tra quyết toán dự án hoàn thành sử dụng vốn nhà nước | Verification of the final account of a completed state-funded project | - | 60 | approval_letter | i | 150
Thẩm định quyết toán kinh phí sự nghiệp có tính chất đầu tư | Appraisal of the final account of investment-type recurrent funds | - | 30 | approval_letter | | 30
Cấp phát kinh phí hỗ trợ từ ngân sách tỉnh | Disbursement of provincial budget support | - | 10 | decision | | 20
@ Tài chính doanh nghiệp | Corporate finance | 2 | 0
Xếp loại doanh nghiệp nhà nước do Ủy ban nhân dân cấp tỉnh làm chủ sở hữu | Rating of a state enterprise owned by the provincial People's Committee | - | 20 | decision | | 2
Phê duyệt quỹ tiền lương, thù lao của doanh nghiệp nhà nước | Approval of the payroll fund of a state enterprise | - | 20 | decision | | 2
Đăng ký hoạt động của doanh nghiệp kinh doanh dịch vụ xổ số | Registration of a lottery service business | - | 15 | certificate | | 1
@ Tin học, thống kê | Finance IT and statistics | 5 | 0
Cấp chứng thư số cho đơn vị sử dụng ngân sách | Issuance of a digital certificate to a budget-using unit | - | 3 | certificate | e | 20
@ Quản lý công sản | Public assets | 10 | 0
Quyết định chuyển đổi công năng sử dụng tài sản công | Decision to change the function of public assets | - | 15 | decision | i | 3
Thanh toán chi phí liên quan đến bán tài sản công | Payment of costs related to the sale of public assets | - | 10 | decision | | 5
Quyết định xử lý tài sản phục vụ hoạt động của dự án sử dụng vốn nhà nước | Decision on the handling of assets of a state-funded project | - | 15 | decision | i | 5
Phê duyệt phương án xử lý tài sản được xác lập quyền sở hữu toàn dân | Approval of a plan to handle assets brought under public ownership | - | 15 | decision | i | 8
Đăng ký danh mục mua sắm tập trung cấp tỉnh | Registration for the provincial centralised procurement list | - | 10 | notice | | 20
@ Tài chính ngân sách | Public budget | 30 | 0
Cấp mã số đơn vị có quan hệ với ngân sách cho dự án đầu tư | Issuance of a budget-relation code to an investment project | - | 2 | certificate | e | 200
@ Quản lý giá | Prices | 15 | 0
Thẩm định phương án giá hàng hóa, dịch vụ do Nhà nước định giá | Appraisal of a price plan for state-priced goods and services | - | 15 | approval_letter | i | 10
"""

FIELDS["DEPT_FOREIGN"] = """
@ Lễ tân đối ngoại và lãnh sự | Protocol and consular affairs | 20 | 0
Cho phép sử dụng thẻ đi lại của doanh nhân APEC | Permission to use the APEC Business Travel Card | - | 10 | approval_letter | i | 40
Cho phép tổ chức hội nghị, hội thảo quốc tế | Permission to hold an international conference or seminar | - | 15 | approval_letter | i | 20
Cho phép đón đoàn khách nước ngoài vào làm việc tại tỉnh | Permission to receive a foreign delegation in the province | - | 5 | approval_letter | | 30
Cấp công hàm đề nghị cơ quan đại diện nước ngoài cấp thị thực | Issuance of a diplomatic note requesting a visa from a foreign mission | - | 3 | approval_letter | e | 60
Xác nhận nhân sự đề nghị cấp hộ chiếu ngoại giao, hộ chiếu công vụ | Confirmation of staff applying for diplomatic or official passports | - | 3 | approval_letter | e | 80
Tiếp nhận hồ sơ đề nghị chứng nhận lãnh sự, hợp pháp hóa lãnh sự | Receipt of applications for consular certification and legalisation | - | 1 | notice | e | 200
Cho phép tổ chức, cá nhân nước ngoài thực hiện chương trình, dự án phi chính phủ tại tỉnh | Permission for a foreign non-governmental programme or project in the province | - | 20 | approval_letter | i | 3
Cho phép phóng viên nước ngoài hoạt động báo chí tại tỉnh | Permission for foreign journalists to report in the province | - | 3 | approval_letter | | 5
"""

# --------------------------------------------------------------------------------------------
# Builder
# --------------------------------------------------------------------------------------------
LEGAL_GRID = (0.5, 1, 2, 3, 4, 5, 7, 10, 12, 15, 20, 25, 30, 35, 45, 60)
FEE_SHARE = {"cap": 1.0, "dangky": 1.0, "-": 1.0, "caplai": 0.5, "capdoi": 0.5,
             "dieuchinh": 0.5, "suadoi": 0.5, "giahan": 0.5, "thaydoi": 0.5}
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


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _snap(days: float) -> float:
    """The legal time on the usual grid nearest (by ratio) to ``days``."""
    return min(LEGAL_GRID, key=lambda g: abs(math.log(g / days)))


def _expand(vi: str, en: str) -> list[tuple[str, str]]:
    """Expand a {FAMILY} placeholder into one (vi, en) object per family member."""
    match = [name for name in FAMILIES if "{" + name + "}" in vi]
    if not match:
        return [(vi, en)]
    key = "{" + match[0] + "}"
    return [(vi.replace(key, v), en.replace(key, e)) for v, e in FAMILIES[match[0]]]


def _pool(agency_id: str) -> list[Procedure]:
    """All synthetic procedures the field table of an agency can name."""
    pool: list[Procedure] = []
    field: tuple[str, str, float, int] | None = None
    for line in FIELDS[agency_id].strip().splitlines():
        parts = [p.strip() for p in line.split("|")]
        if line.startswith("@"):
            field = (parts[0][1:].strip(), parts[1], float(parts[2]), int(parts[3]) * 1000)
            continue
        assert field is not None, f"{agency_id}: object before any field: {line}"
        vi, en, verbs, days, result, flags, *rest = parts
        volume = float(rest[0]) if rest and rest[0] else field[2]
        fee = int(rest[1]) * 1000 if len(rest) > 1 else field[3]
        for obj_vi, obj_en in _expand(vi, en):
            for code in verbs.split():
                verb = VERBS[code]
                name_vi = verb.vi.format(obj_vi)
                pool.append(Procedure(
                    agency_id=agency_id, field_vi=field[0], field_en=field[1],
                    name_vi=name_vi[0].upper() + name_vi[1:],
                    name_en=verb.en.format(obj_en),
                    legal_days=_snap(float(days) * verb.days), result_type=verb.result or result,
                    simple=verb.simple or "e" in flags, site=verb.first and "s" in flags,
                    inter=verb.first and "i" in flags, volume=volume * verb.demand,
                    spread=0.35 if rest and rest[0] else 0.8,
                    fee=int(round(fee * FEE_SHARE.get(code, 0.0), -3)), first=verb.first))
    return pool


def _real(agency_id: str) -> list[Procedure]:
    rows = []
    for (ref, agency, field_vi, field_en, name_vi, name_en, days, online, fee, result, eligible,
         site, inter, volume, marker) in REAL_PROCEDURES:
        if agency == agency_id:
            rows.append(Procedure(
                agency_id, field_vi, field_en, name_vi, name_en, float(days), result,
                bool(eligible), bool(site), bool(inter), float(volume), 0.0, fee, True, online,
                bool(eligible), f"DOMAIN §7 {ref.split()[-1]} [{marker}]"))
    return rows


def _vertical(agency_id: str) -> list[Procedure]:
    return [Procedure(agency_id, field_vi, field_en, name_vi, name_en, float(days), result,
                      False, False, False, float(volume), 0.0, fee, True, online)
            for name_vi, name_en, field_vi, field_en, days, online, fee, result, volume
            in VERTICAL_PROCEDURES[agency_id]]


def _agency_procedures(agency_id: str, rng: random.Random) -> list[Procedure]:
    """The agency's real procedures plus synthetic ones up to its count, grouped by field."""
    fixed = _real(agency_id)
    if agency_id in VERTICAL_PROCEDURES:
        fixed += _vertical(agency_id)
    need = PROCEDURE_COUNTS[agency_id] - len(fixed)
    taken = {p.name_vi for p in fixed}
    pool = [p for p in _pool(agency_id) if p.name_vi not in taken] if need else []
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
    weights = [w for y, w in zip(CUT_YEARS, YEAR_WEIGHTS[kind]) if after < y < before]
    return rng.choices(years, weights)[0]


def _plan_reforms(procs: list[Procedure], rng: random.Random) -> list[list[tuple[str, float]]]:
    """Per procedure, its chain of (kind, new legal days), oldest first."""
    plans: list[list[tuple[str, float]]] = [[] for _ in procs]
    open_ = [i for i, p in enumerate(procs)
             if p.source == "synthetic" and p.agency_id not in VERTICAL_PROCEDURES
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


def build(seed: int = SEED) -> tuple[list[dict], list[dict], list[dict]]:
    """The agency, procedure and reform rows, from ``seed``."""
    rng = random.Random(seed)
    procs = [p for agency in PROCEDURE_COUNTS for p in _agency_procedures(agency, rng)]
    procs = [p if p.online_level else replace(p, online_level=_online_level(p, rng))
             for p in procs]
    ids = _procedure_ids(len(procs), rng)
    plans = _plan_reforms(procs, rng)
    reform_rows = _reform_rows(procs, ids, plans, rng)
    volumes = [p.volume * rng.lognormvariate(0, p.spread) for p in procs]
    scale = YEARLY_DOSSIERS / sum(volumes)
    procedure_rows = []
    for p, pid, plan, volume in zip(procs, ids, plans, volumes):
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
    agency_rows = [dict(zip(AGENCY_COLUMNS, row)) for row in AGENCIES]
    return agency_rows, procedure_rows, reform_rows


def _check_names(rows: list[dict]) -> None:
    for column in ("name_vi", "name_en"):
        seen: set[tuple[str, str]] = set()
        for row in rows:
            key = (row["agency_id"], row[column])
            if key in seen:
                raise ValueError(f"duplicate {column} in {key[0]}: {key[1]}")
            seen.add(key)


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
    agency_rows, procedure_rows, reform_rows = build(seed)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    _write(out / "agencies.csv", AGENCY_COLUMNS, agency_rows)
    _write(out / "procedures.csv", PROCEDURE_COLUMNS, procedure_rows)
    _write(out / "reforms.csv", REFORM_COLUMNS, reform_rows)


# --------------------------------------------------------------------------------------------
# Loaders
# --------------------------------------------------------------------------------------------
def _read(directory: Path | str, name: str) -> pd.DataFrame:
    path = Path(directory) / name
    if not path.is_file():
        raise DossierflowError(
            f"{path} is missing.",
            fix="regenerate the catalogue: python -m dossierflow.simulation.sample.catalogue --out datasets/catalogue")
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")


def agencies(directory: Path | str = CATALOGUE_DIR) -> pd.DataFrame:
    """Agencies: ids, names, type, validity dates (NaT when open), successors."""
    frame = _read(directory, "agencies.csv")
    for column in ("valid_from", "valid_to"):
        frame[column] = pd.to_datetime(frame[column].replace("", None))
    frame["in_centre_2017_2023"] = frame["in_centre_2017_2023"] == "1"
    text = ["agency_id", "code", "name_vi", "name_en", "type", "successor_id",
            "other_successor_ids", "note"]
    frame[text] = frame[text].replace("", None).astype("string")
    return frame


def procedures(directory: Path | str = CATALOGUE_DIR) -> pd.DataFrame:
    """Procedures with their current legal time (working days) and attributes."""
    frame = _read(directory, "procedures.csv")
    frame["legal_days"] = frame["legal_days"].astype(float)
    frame["fee"] = frame["fee"].astype("int64")
    frame["demand_weight"] = frame["demand_weight"].astype(float)
    for column in ("five_on_spot_eligible", "needs_site_inspection", "inter_agency"):
        frame[column] = frame[column] == "1"
    text = ["procedure_id", "name_vi", "name_en", "agency_id", "field_vi", "field_en",
            "online_level", "result_type", "source"]
    frame[text] = frame[text].astype("string")
    return frame


def reforms(directory: Path | str = CATALOGUE_DIR) -> pd.DataFrame:
    """Legal-time cuts, one row per procedure and decision, oldest first."""
    frame = _read(directory, "reforms.csv")
    frame["effective_date"] = pd.to_datetime(frame["effective_date"])
    for column in ("old_legal_days", "new_legal_days", "cut_days"):
        frame[column] = frame[column].astype(float)
    text = ["procedure_id", "decision", "kind"]
    frame[text] = frame[text].astype("string")
    return frame


def _local_days(when: object, n: int) -> pd.Series:
    """Local calendar days (naive midnights) of a moment or of ``n`` moments."""
    values = pd.Series([when] * n if np.ndim(when) == 0 else when).reset_index(drop=True)
    if len(values) != n:
        raise DossierflowError(f"{len(values)} dates for {n} procedures.",
                               fix="give one date, or one date per procedure.")
    stamps = pd.to_datetime(values)
    if stamps.dt.tz is not None:
        stamps = stamps.dt.tz_convert(TZ).dt.tz_localize(None)
    return stamps.dt.normalize()


def legal_days_at(procedure: str | pd.Series | pd.DataFrame, when: object,
                  directory: Path | str = CATALOGUE_DIR) -> float | pd.Series:
    """The legal time (working days) in force on the local day of ``when``.

    ``procedure`` is one procedure id (returns a float), or a Series of ids or a frame with a
    ``procedure_id`` column (returns a Series on its index, NaN for unknown ids or missing
    dates). ``when`` is a date or timestamp (aware ones are converted to Asia/Ho_Chi_Minh),
    one per procedure, or the name of a column of the frame. A reform applies from its
    effective date; before a procedure's first reform its old time applies.
    """
    if isinstance(procedure, str):
        days = legal_days_at(pd.Series([procedure]), when, directory).iloc[0]
        if pd.isna(days):
            raise DossierflowError(f"procedure {procedure!r} is not in the catalogue.",
                                   fix="use a procedure_id of datasets/catalogue/procedures.csv.")
        return float(days)
    if isinstance(procedure, pd.DataFrame):
        if isinstance(when, str) and when in procedure.columns:
            when = procedure[when]
        procedure = procedure["procedure_id"]
    query = pd.DataFrame({"procedure_id": procedure.astype("string").to_numpy(),
                          "day": _local_days(when, len(procedure)).to_numpy(),
                          "row": np.arange(len(procedure))}).astype(
        {"procedure_id": "string", "day": "datetime64[ns]"})
    current = procedures(directory).set_index("procedure_id")["legal_days"]
    out = pd.Series(current.reindex(query["procedure_id"]).to_numpy(), dtype=float)
    out[query["day"].isna().to_numpy()] = np.nan
    changes = reforms(directory)[["procedure_id", "effective_date", "old_legal_days"]].astype(
        {"effective_date": "datetime64[ns]"})
    found = pd.merge_asof(
        query.dropna().sort_values("day"), changes.sort_values("effective_date"),
        left_on="day", right_on="effective_date", by="procedure_id", direction="forward",
        allow_exact_matches=False).dropna(subset=["old_legal_days"])
    out.iloc[found["row"].to_numpy()] = found["old_legal_days"].to_numpy()
    out.index = procedure.index
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=CATALOGUE_DIR,
                        help="folder for agencies.csv, procedures.csv and reforms.csv")
    args = parser.parse_args(argv)
    write_catalogue(args.out)
    print(f"catalogue written to {args.out}")


if __name__ == "__main__":
    main()
