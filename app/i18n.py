"""Labels of the app in Vietnamese (default) and English."""

from __future__ import annotations

import re

LANGUAGES = {"vi": "Tiếng Việt", "en": "English"}

LABELS: dict[str, dict[str, str]] = {
    # app and pages
    "app_title": {"vi": "dossierflow — phân tích quy trình giải quyết hồ sơ",
                  "en": "dossierflow — dossier process analysis"},
    "language": {"vi": "Ngôn ngữ", "en": "Language"},
    "page_data": {"vi": "Dữ liệu", "en": "Data"},
    "page_overview": {"vi": "Tổng quan", "en": "Overview"},
    "page_process_map": {"vi": "Bản đồ quy trình", "en": "Process map"},
    "page_bottlenecks": {"vi": "Điểm nghẽn", "en": "Bottlenecks"},
    "page_compare": {"vi": "So sánh", "en": "Compare"},
    "computing": {"vi": "Đang tính…", "en": "Computing…"},
    "days": {"vi": "ngày", "en": "days"},
    # messages
    "no_log": {"vi": "Chưa có nhật ký nào được mở. Hãy tải lên tệp xuất của trung tâm ở trang "
                     "Dữ liệu, hoặc chạy `make run` hay `dossierflow import TỆP` trước.",
               "en": "No log is open. Upload your centre's export on the Data page, or run "
                     "`make run` or `dossierflow import FILE` first."},
    "open_failed": {"vi": "Không mở được nhật ký.", "en": "The log cannot be opened."},
    "upload_failed": {"vi": "Không dùng được tệp đã tải lên.",
                      "en": "The uploaded file cannot be used."},
    "mapping_failed": {"vi": "Không nhập lại được với ánh xạ cột này.",
                       "en": "The log cannot be imported again with this column mapping."},
    "mapping_source_missing": {"vi": "Không đọc được tệp gốc để sửa ánh xạ cột; hãy tải tệp "
                                     "lên lại.",
                               "en": "The source file cannot be read to edit the mapping; "
                                     "upload the file again."},
    "how_to_fix": {"vi": "Cách khắc phục:", "en": "How to fix:"},
    "fault": {"vi": "Lỗi không mong muốn: {error}. Đây là lỗi của dossierflow, không phải của "
                    "dữ liệu; chi tiết đã được ghi vào {report}.",
              "en": "Unexpected error: {error}. This is a fault in dossierflow, not in your "
                    "data; details were written to {report}."},
    "empty_selection": {"vi": "Không có hồ sơ nào thỏa mãn các bộ lọc. Hãy nới rộng khoảng "
                              "thời gian hoặc bỏ bớt lựa chọn ở thanh bên (nút “Bỏ mọi bộ "
                              "lọc”).",
                        "en": "No dossier matches the filters. Widen the time range or remove "
                              "some choices in the sidebar (the “Clear all filters” button)."},
    "rows_shown": {"vi": "Hiển thị {shown} dòng đầu trong {total} dòng.",
                   "en": "Showing the first {shown} of {total} rows."},
    "n_selected": {"vi": "{n} hồ sơ được chọn", "en": "{n} dossiers selected"},
    # data page
    "log": {"vi": "Nhật ký đang mở", "en": "Open log"},
    "cases": {"vi": "Hồ sơ", "en": "Dossiers"},
    "events": {"vi": "Sự kiện", "en": "Events"},
    "activities": {"vi": "Bước xử lý", "en": "Activities"},
    "time_span": {"vi": "Khoảng thời gian", "en": "Time span"},
    "upload": {"vi": "Tải lên dữ liệu của trung tâm", "en": "Upload your centre's data"},
    "upload_file": {"vi": "Tệp xuất (CSV, Excel .xlsx, Parquet, XES, .xes.gz)",
                    "en": "Export file (CSV, Excel .xlsx, Parquet, XES, .xes.gz)"},
    "upload_help": {"vi": "Nhật ký sự kiện, Phiếu kiểm soát quá trình hoặc danh sách hồ sơ "
                          "xuất từ hệ thống một cửa. Tối đa 200 MB.",
                    "en": "An event log, a process-control sheet or a dossier list exported "
                          "from the one-stop system. At most 200 MB."},
    "upload_import": {"vi": "Nhập và mở", "en": "Import and open"},
    "upload_done": {"vi": "Đã nhập và mở nhật ký.", "en": "The log was imported and opened."},
    "importing": {"vi": "Đang nhập…", "en": "Importing…"},
    "mapping": {"vi": "Ánh xạ cột", "en": "Column mapping"},
    "mapping_edit": {"vi": "Sửa ánh xạ cột", "en": "Edit the column mapping"},
    "mapping_edit_help": {"vi": "Chọn trường chuẩn cho từng cột của tệp (để trống: giữ làm "
                                "thuộc tính), rồi nhập lại.",
                          "en": "Choose the canonical field of each column of the file (empty: "
                                "kept as an attribute), then import again."},
    "mapping_column": {"vi": "Cột của tệp", "en": "Column of the file"},
    "mapping_field": {"vi": "Trường chuẩn", "en": "Canonical field"},
    "mapping_apply": {"vi": "Áp dụng và nhập lại", "en": "Apply and import again"},
    "validation": {"vi": "Báo cáo kiểm tra dữ liệu", "en": "Validation report"},
    "rows_read": {"vi": "Số dòng đọc", "en": "Rows read"},
    "rows_kept": {"vi": "Số dòng dùng được", "en": "Rows used"},
    "rows_dropped": {"vi": "Số dòng không dùng", "en": "Rows not used"},
    "rejected": {"vi": "Các dòng không dùng (giữ nguyên giá trị gốc)",
                 "en": "Rows not used (original values kept)"},
    "no_issues": {"vi": "Mọi dòng đều dùng được.", "en": "Every row was usable."},
    "case_table": {"vi": "Danh sách hồ sơ", "en": "Dossier table"},
    # sidebar filters
    "filters": {"vi": "Bộ lọc", "en": "Filters"},
    "all": {"vi": "Tất cả", "en": "All"},
    "filter_from": {"vi": "Tiếp nhận từ ngày", "en": "Received from"},
    "filter_to": {"vi": "Đến ngày", "en": "Received until"},
    "filter_agency": {"vi": "Cơ quan giải quyết", "en": "Agency"},
    "filter_procedure": {"vi": "Thủ tục hành chính", "en": "Procedure"},
    "filter_channel": {"vi": "Hình thức nộp", "en": "Channel"},
    "filter_model": {"vi": "Mô hình", "en": "Model"},
    "filter_on_time": {"vi": "Tình trạng hạn", "en": "On-time class"},
    "filter_coverage": {"vi": "Độ phủ biến thể", "en": "Variant coverage"},
    "filter_coverage_help": {"vi": "Chỉ giữ hồ sơ của các biến thể phổ biến nhất chiếm tỉ lệ "
                                   "này (1 = mọi hồ sơ).",
                             "en": "Keep the dossiers of the most frequent variants covering "
                                   "this share (1 = every dossier)."},
    "filter_reset": {"vi": "Bỏ mọi bộ lọc", "en": "Clear all filters"},
    # values
    "channel_in_person": {"vi": "Trực tiếp", "en": "In person"},
    "channel_online_full": {"vi": "Trực tuyến toàn trình", "en": "Fully online"},
    "channel_online_partial": {"vi": "Trực tuyến một phần", "en": "Partly online"},
    "channel_online": {"vi": "Trực tuyến", "en": "Online"},
    "channel_public_postal": {"vi": "Bưu chính công ích", "en": "Public postal service"},
    "model_transfer": {"vi": "Chuyển sở", "en": "Transfer to department"},
    "model_five_on_spot": {"vi": "5 tại chỗ", "en": "Five on the spot"},
    "on_time_early": {"vi": "Trước hạn", "en": "Early"},
    "on_time_on_time": {"vi": "Đúng hạn", "en": "On time"},
    "on_time_late": {"vi": "Trễ hạn", "en": "Late"},
    "on_time_open": {"vi": "Đang giải quyết, chưa đến hạn", "en": "Open, not yet due"},
    # overview
    "n_received": {"vi": "Hồ sơ tiếp nhận", "en": "Dossiers received"},
    "on_time_pct": {"vi": "Tỉ lệ đúng hạn", "en": "On-time rate"},
    "n_late": {"vi": "Hồ sơ trễ hạn", "en": "Late dossiers"},
    "mean_handling": {"vi": "Thời gian giải quyết TB (ngày làm việc)",
                      "en": "Mean handling time (working days)"},
    "online_pct": {"vi": "Tỉ lệ nộp trực tuyến", "en": "Online share"},
    "scorecard": {"vi": "Bộ chỉ số Quyết định 766", "en": "Decision 766 scorecard"},
    "scorecard_points": {"vi": "Điểm đo được từ nhật ký: {points} / {top}",
                         "en": "Points measurable from the log: {points} / {top}"},
    "trends": {"vi": "Diễn biến theo tháng tiếp nhận", "en": "Trends by month of receipt"},
    "league": {"vi": "Xếp hạng cơ quan", "en": "Agency league table"},
    "no_agency": {"vi": "Nhật ký không có cột cơ quan giải quyết.",
                  "en": "The log has no agency column."},
    # process map
    "overlay": {"vi": "Lớp hiển thị", "en": "Overlay"},
    "overlay_frequency": {"vi": "Tần suất", "en": "Frequency"},
    "overlay_performance": {"vi": "Thời gian", "en": "Performance"},
    "measure": {"vi": "Đo theo", "en": "Measure"},
    "measure_absolute": {"vi": "Số lượt", "en": "Absolute"},
    "measure_cases": {"vi": "Số hồ sơ", "en": "Dossiers"},
    "measure_case_share": {"vi": "Tỉ lệ hồ sơ", "en": "Share of dossiers"},
    "stat": {"vi": "Thống kê", "en": "Statistic"},
    "stat_median": {"vi": "Trung vị", "en": "Median"},
    "stat_mean": {"vi": "Trung bình", "en": "Mean"},
    "stat_p90": {"vi": "Phân vị 90", "en": "90th percentile"},
    "unit": {"vi": "Đơn vị", "en": "Unit"},
    "unit_working_hours": {"vi": "Giờ làm việc", "en": "Working hours"},
    "unit_working_days": {"vi": "Ngày làm việc", "en": "Working days"},
    "unit_hours": {"vi": "Giờ (thời gian thực)", "en": "Hours (wall clock)"},
    "unit_days": {"vi": "Ngày (lịch)", "en": "Calendar days"},
    "slider_activities": {"vi": "Bước xử lý", "en": "Activities"},
    "slider_activities_help": {"vi": "Tỉ lệ bước xử lý được giữ, phổ biến nhất trước.",
                               "en": "Share of activities kept, most frequent first."},
    "slider_paths": {"vi": "Đường đi", "en": "Paths"},
    "slider_paths_help": {"vi": "Tỉ lệ đường đi được giữ, phổ biến nhất trước; mỗi bước vẫn "
                                "nằm trên một đường từ đầu đến cuối.",
                          "en": "Share of paths kept, most frequent first; every activity "
                                "stays on a path from start to end."},
    "download_dot": {"vi": "Tải bản đồ (DOT)", "en": "Download the map (DOT)"},
    "variants": {"vi": "Biến thể quy trình", "en": "Variants"},
    "n_variants": {"vi": "{n} biến thể", "en": "{n} variants"},
    "variant_pick": {"vi": "Xem các hồ sơ của biến thể", "en": "Dossiers of the variant"},
    "variant_none": {"vi": "Chọn một biến thể", "en": "Choose a variant"},
    "variant_label": {"vi": "Biến thể {rank}: {cases} hồ sơ ({share})",
                      "en": "Variant {rank}: {cases} dossiers ({share})"},
    "case_pick": {"vi": "Dòng thời gian của hồ sơ", "en": "Timeline of the dossier"},
    "case_none": {"vi": "Chọn một hồ sơ", "en": "Choose a dossier"},
    # bottlenecks
    "ranking": {"vi": "Xếp hạng thời gian chờ", "en": "Waiting-time ranking"},
    "level": {"vi": "Theo", "en": "By"},
    "level_edge": {"vi": "Chuyển bước", "en": "Path"},
    "level_activity": {"vi": "Bước chờ", "en": "Activity waited for"},
    "level_agency": {"vi": "Cơ quan", "en": "Agency"},
    "level_resource": {"vi": "Cán bộ", "en": "Officer"},
    "no_waits": {"vi": "Không có thời gian chờ nào trong các hồ sơ được chọn.",
                 "en": "The selected dossiers have no waiting time."},
    "causes": {"vi": "Nguyên nhân chờ", "en": "Waiting causes"},
    "causes_help": {"vi": "Thời gian chờ trên mỗi chuyển bước chia thành: ngoài giờ, chờ "
                          "chuyển theo lô, xếp hàng, xử lý và phần còn lại. Có thể mất lâu "
                          "với nhật ký lớn.",
                    "en": "The wait on each path split into off-hours, batching, queueing, "
                          "processing and the rest. May take a while on a large log."},
    "causes_run": {"vi": "Phân tích nguyên nhân chờ", "en": "Analyse waiting causes"},
    "cause_share": {"vi": "Tỉ lệ thời gian chờ", "en": "Share of the wait"},
    "cause_off_hours": {"vi": "Ngoài giờ", "en": "Off hours"},
    "cause_batching": {"vi": "Chuyển theo lô", "en": "Batching"},
    "cause_queueing": {"vi": "Xếp hàng", "en": "Queueing"},
    "cause_processing": {"vi": "Xử lý", "en": "Processing"},
    "cause_other": {"vi": "Khác", "en": "Other"},
    "causes_note": {"vi": "{n} chuyển bước thiếu thời điểm bắt đầu: phần xếp hàng và xử lý "
                          "của chúng được tính vào “Khác”.",
                    "en": "{n} paths lack start times: their queueing and processing are "
                          "counted in “Other”."},
    "late": {"vi": "Hồ sơ trễ hạn: bước, cơ quan và cán bộ chịu trách nhiệm",
             "en": "Late dossiers: the step, agency and officer responsible"},
    "late_help": {"vi": "{n} hồ sơ trễ hạn; mỗi hồ sơ nêu bước vượt thời gian thông thường "
                        "nhiều nhất (rõ việc, rõ người, rõ trách nhiệm).",
                  "en": "{n} late dossiers; each names the step that overran its usual time "
                        "the most (clear task, clear person, clear responsibility)."},
    "no_late": {"vi": "Không có hồ sơ trễ hạn.", "en": "No dossier is late."},
    "pending_step": {"vi": "(đang chờ)", "en": "(pending)"},
    "apologies": {"vi": "Thư xin lỗi", "en": "Apology letters"},
    "no_apologies": {"vi": "Không hồ sơ nào cần thư xin lỗi.",
                     "en": "No dossier needed an apology letter."},
    "apology_needed": {"vi": "Hồ sơ cần thư xin lỗi", "en": "Dossiers needing a letter"},
    "apology_logged": {"vi": "Đã có thư xin lỗi", "en": "Letter logged"},
    "apology_in_time": {"vi": "Gửi trước hạn", "en": "Sent before the due date"},
    # compare
    "compare_by": {"vi": "So sánh theo", "en": "Compare by"},
    "group_a": {"vi": "Nhóm A", "en": "Group A"},
    "group_b": {"vi": "Nhóm B", "en": "Group B"},
    "compare_measure": {"vi": "Chênh lệch về", "en": "Difference in"},
    "compare_share": {"vi": "Tỉ lệ hồ sơ", "en": "Share of dossiers"},
    "compare_waiting": {"vi": "Thời gian chờ", "en": "Waiting time"},
    "compare_same": {"vi": "Hãy chọn hai giá trị khác nhau cho nhóm A và nhóm B.",
                     "en": "Choose two different values for group A and group B."},
    "compare_empty": {"vi": "Không có hồ sơ nào của “{group}” trong các bộ lọc hiện tại.",
                      "en": "No dossier of “{group}” is within the current filters."},
    "compare_nothing": {"vi": "Nhật ký không có cột nào có từ hai giá trị để so sánh.",
                        "en": "The log has no column with two values to compare."},
    "cases_in": {"vi": "Hồ sơ của {group}", "en": "Dossiers of {group}"},
    "significant_paths": {"vi": "Đường đi khác biệt có ý nghĩa",
                          "en": "Paths that differ significantly"},
    "heatmap": {"vi": "Thời gian chờ theo cơ quan và bước", "en": "Waiting by agency and step"},
    "heatmap_help": {"vi": "Trung vị thời gian chờ trước mỗi bước so với toàn bộ hồ sơ được "
                           "chọn (1 = như nhau; đỏ: chờ lâu hơn).",
                     "en": "Median wait before each step against all selected dossiers "
                           "(1 = the same; red: longer)."},
    "heatmap_ratio": {"vi": "Tỉ số so với chung", "en": "Ratio to overall"},
    # table columns
    "col_indicator": {"vi": "Chỉ số", "en": "Indicator"},
    "col_name": {"vi": "Tên", "en": "Name"},
    "col_value": {"vi": "Giá trị", "en": "Value"},
    "col_threshold_pct": {"vi": "Ngưỡng đạt điểm tối đa", "en": "Full marks at"},
    "col_max_points": {"vi": "Điểm tối đa", "en": "Max points"},
    "col_points": {"vi": "Điểm", "en": "Points"},
    "col_reason": {"vi": "Ghi chú", "en": "Note"},
    "col_rank": {"vi": "Hạng", "en": "Rank"},
    "col_agency": {"vi": "Cơ quan", "en": "Agency"},
    "col_channel": {"vi": "Hình thức nộp", "en": "Channel"},
    "col_model": {"vi": "Mô hình", "en": "Model"},
    "col_procedure_id": {"vi": "Mã thủ tục", "en": "Procedure"},
    "col_procedure_name": {"vi": "Tên thủ tục", "en": "Procedure name"},
    "col_field": {"vi": "Lĩnh vực", "en": "Field"},
    "col_n_received": {"vi": "Tiếp nhận", "en": "Received"},
    "col_on_time_pct": {"vi": "Đúng hạn", "en": "On time"},
    "col_n_late": {"vi": "Trễ hạn", "en": "Late"},
    "col_mean_handling_working_days": {"vi": "Giải quyết TB (ngày LV)",
                                       "en": "Mean handling (working days)"},
    "col_online_pct": {"vi": "Trực tuyến", "en": "Online"},
    "col_digitised_pct": {"vi": "Số hóa", "en": "Digitised"},
    "col_variant_rank": {"vi": "Biến thể", "en": "Variant"},
    "col_cases": {"vi": "Hồ sơ", "en": "Dossiers"},
    "col_share": {"vi": "Tỉ lệ", "en": "Share"},
    "col_cumulative_share": {"vi": "Tỉ lệ cộng dồn", "en": "Cumulative share"},
    "col_length": {"vi": "Số sự kiện", "en": "Events"},
    "col_lead_time_working_days_median": {"vi": "Thời gian trung vị (ngày LV)",
                                          "en": "Median lead time (working days)"},
    "col_variant": {"vi": "Trình tự bước", "en": "Sequence"},
    "col_position": {"vi": "STT", "en": "#"},
    "col_activity": {"vi": "Bước", "en": "Activity"},
    "col_start_timestamp": {"vi": "Bắt đầu", "en": "Started"},
    "col_timestamp": {"vi": "Hoàn thành", "en": "Completed"},
    "col_resource": {"vi": "Cán bộ", "en": "Officer"},
    "col_wait_before_working_hours": {"vi": "Chờ trước (giờ LV)",
                                      "en": "Wait before (working hours)"},
    "col_wait_before_hours": {"vi": "Chờ trước (giờ)", "en": "Wait before (hours)"},
    "col_rank_total": {"vi": "Hạng (tổng)", "en": "Rank (total)"},
    "col_rank_median": {"vi": "Hạng (trung vị)", "en": "Rank (median)"},
    "col_label": {"vi": "Đối tượng", "en": "Item"},
    "col_n_dossiers": {"vi": "Hồ sơ", "en": "Dossiers"},
    "col_n_transitions": {"vi": "Lượt chờ", "en": "Waits"},
    "col_n_batched": {"vi": "Lượt chuyển theo lô", "en": "Batched"},
    "col_wait_hours": {"vi": "Tổng chờ (giờ)", "en": "Total wait (hours)"},
    "col_total_wait_working_days": {"vi": "Tổng chờ (ngày LV)",
                                    "en": "Total wait (working days)"},
    "col_median_wait_working_days": {"vi": "Chờ trung vị (ngày LV)",
                                     "en": "Median wait (working days)"},
    "col_mean_wait_working_days": {"vi": "Chờ TB (ngày LV)", "en": "Mean wait (working days)"},
    "col_share_of_total": {"vi": "Tỉ trọng", "en": "Share of all waiting"},
    "col_case_id": {"vi": "Mã hồ sơ", "en": "Dossier"},
    "col_due_at": {"vi": "Hạn trả", "en": "Due"},
    "col_finished_at": {"vi": "Có kết quả", "en": "Result ready"},
    "col_lateness_working_hours": {"vi": "Trễ (giờ LV)", "en": "Late by (working hours)"},
    "col_previous_activity": {"vi": "Từ bước", "en": "From"},
    "col_step": {"vi": "Bước chịu trách nhiệm", "en": "Step responsible"},
    "col_step_working_days": {"vi": "Thời gian bước (ngày LV)",
                              "en": "Step time (working days)"},
    "col_expected_working_days": {"vi": "Thông thường (ngày LV)",
                                  "en": "Usual (working days)"},
    "col_excess_working_days": {"vi": "Vượt (ngày LV)", "en": "Excess (working days)"},
    "col_on_time_class": {"vi": "Tình trạng hạn", "en": "On-time class"},
    "col_apology_logged": {"vi": "Có thư xin lỗi", "en": "Letter logged"},
    "col_apology_at": {"vi": "Ngày gửi thư", "en": "Letter sent"},
    "col_apology_resource": {"vi": "Cán bộ gửi", "en": "Sent by"},
    "col_apology_before_due": {"vi": "Trước hạn", "en": "Before due"},
    "col_source": {"vi": "Từ bước", "en": "From"},
    "col_target": {"vi": "Đến bước", "en": "To"},
    "col_cases_a": {"vi": "Hồ sơ {a}", "en": "Dossiers {a}"},
    "col_cases_b": {"vi": "Hồ sơ {b}", "en": "Dossiers {b}"},
    "col_share_a": {"vi": "Tỉ lệ {a}", "en": "Share {a}"},
    "col_share_b": {"vi": "Tỉ lệ {b}", "en": "Share {b}"},
    "col_share_diff": {"vi": "Chênh lệch (điểm %)", "en": "Difference (pp)"},
    "col_q_share": {"vi": "q (tỉ lệ)", "en": "q (share)"},
    "col_wait_working_hours_median_a": {"vi": "Chờ trung vị {a} (giờ LV)",
                                        "en": "Median wait {a} (working h)"},
    "col_wait_working_hours_median_b": {"vi": "Chờ trung vị {b} (giờ LV)",
                                        "en": "Median wait {b} (working h)"},
    "col_wait_working_hours_diff": {"vi": "Chênh lệch chờ (giờ LV)",
                                    "en": "Wait difference (working h)"},
    "col_q_wait": {"vi": "q (thời gian chờ)", "en": "q (wait)"},
    "col_significant": {"vi": "Có ý nghĩa", "en": "Significant"},
}

# reasons written by mining (English) and their Vietnamese
REASONS = {
    "not measurable from a dossier log": "không đo được từ nhật ký hồ sơ",
    "no dossier in the denominator": "không có hồ sơ nào ở mẫu số",
    "informative, not scored": "chỉ để tham khảo, không tính điểm",
    "weight unknown (DOMAIN.md §8 q2)": "chưa rõ trọng số",
    "threshold unknown": "chưa rõ ngưỡng",
    "overrun": "vượt thời gian",
    "repeated supplement request": "yêu cầu bổ sung lần thứ hai",
}


def t(key: str, lang: str) -> str:
    """The label ``key`` in ``lang`` ('vi' or 'en')."""
    return LABELS[key][lang]


def reason_text(reason: str, lang: str) -> str:
    """A reason mining gives (scorecard notes, why a dossier was late) in ``lang``."""
    if lang == "en" or not reason:
        return reason
    missing = re.fullmatch(r"no (.+) column", reason)
    if missing:
        return f"nhật ký không có cột {missing.group(1).replace(' or ', ' hoặc ')}"
    return REASONS.get(reason, reason)
