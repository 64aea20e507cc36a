"""Labels of the app in Vietnamese (default) and English."""

from __future__ import annotations

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
    "page_scenarios": {"vi": "Kịch bản", "en": "Scenarios"},
    "page_proposals": {"vi": "Đề xuất", "en": "Proposals"},
    "page_export": {"vi": "Xuất", "en": "Export"},
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
    "personal_in_clear": {"vi": "Hiện dữ liệu cá nhân (họ tên, số CCCD, số điện thoại…) dạng rõ",
                          "en": "Show personal data (names, ID and phone numbers…) in clear"},
    "personal_help": {"vi": "Mặc định, mọi bảng của ứng dụng (và tệp tải về từ biểu tượng tải "
                            "xuống của bảng) thay dữ liệu cá nhân bằng bí danh psn_…: cùng một "
                            "người luôn có cùng bí danh. Chỉ bật khi bạn được phép xem dữ liệu "
                            "cá nhân; áp dụng cho mọi trang trong phiên này.",
                      "en": "By default every table of the app (and the file its download icon "
                            "writes) replaces personal data with psn_… pseudonyms: the same "
                            "person always gets the same pseudonym. Turn on only if you may see "
                            "personal data; applies to every page of this session."},
    "personal_shown": {"vi": "Dữ liệu cá nhân đang hiện dạng rõ trong mọi bảng và tệp tải về "
                             "từ bảng.",
                       "en": "Personal data is shown in clear in every table and in the files "
                             "downloaded from them."},
    "personal_hidden": {"vi": "Dữ liệu cá nhân đã được thay bằng bí danh ở: {columns} (công tắc "
                              "“Hiện dữ liệu cá nhân” ở trang Dữ liệu).",
                        "en": "Personal data replaced with pseudonyms in: {columns} (the “Show "
                              "personal data” switch is on the Data page)."},
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
    "model_four_on_spot": {"vi": "4 tại chỗ", "en": "Four on the spot"},
    "model_three_on_spot": {"vi": "3 tại chỗ", "en": "Three on the spot"},
    "model_inter_agency": {"vi": "Liên thông", "en": "Inter-agency"},
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
    # waits are in-tray time: previous end → this start (mining/log/transitions.py)
    "ranking_in_tray": {"vi": "Thời gian chờ là lúc hồ sơ nằm chờ: từ khi bước trước hoàn thành "
                              "đến khi bước này bắt đầu; thời gian xử lý tính riêng.",
                        "en": "A wait is the in-tray time, from the previous step's end to this "
                              "step's start; processing is counted apart."},
    "waits_include_processing": {
        "vi": "{n} trong {total} lượt chờ gồm cả thời gian xử lý: nhật ký không có thời điểm "
              "bắt đầu xử lý của các bước đó (không có thời điểm bắt đầu, hoặc chỉ có thời "
              "điểm giao).",
        "en": "{n} of {total} waits include the step's processing: the log does not say when "
              "work on those steps started (no start times, or hand-over times only)."},
    "causes_help_in_tray": {
        "vi": "Thời gian chờ trên mỗi chuyển bước (từ khi bước trước hoàn thành đến khi bước "
              "sau bắt đầu) chia thành: ngoài giờ, chuyển theo lô, xếp hàng và phần còn lại; "
              "thời gian xử lý hiển thị riêng. Có thể mất lâu với nhật ký lớn.",
        "en": "The wait on each path (previous step's end → next step's start) split into "
              "off-hours, batching, queueing and the rest; processing is shown apart. May take "
              "a while on a large log."},
    "causes_note_no_start": {
        "vi": "{n} chuyển bước thiếu thời điểm bắt đầu xử lý: thời gian chờ của chúng gồm cả "
              "thời gian xử lý và phần xếp hàng được tính vào “Khác”.",
        "en": "{n} paths lack the time work started: their waits include processing and "
              "their queueing is counted in “Other”."},
    "col_total_processing_working_hours": {"vi": "Tổng xử lý (giờ LV)",
                                           "en": "Total processing (working hours)"},
    "col_processing_working_hours": {"vi": "Xử lý (giờ LV)",
                                     "en": "Processing (working hours)"},
    "col_wait_includes_processing": {"vi": "Chờ gồm cả xử lý",
                                     "en": "Wait includes processing"},
    "timeline_includes_processing": {
        "vi": "Các bước có “Chờ gồm cả xử lý”: nhật ký không có thời điểm bắt đầu xử lý, nên "
              "thời gian chờ trước chúng tính đến lúc hoàn thành.",
        "en": "Steps marked “Wait includes processing”: the log does not say when work on them "
              "started, so the wait before them runs to their end."},
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
    # simulation model (scenarios and proposals)
    "model_learnt": {"vi": "Mô hình mô phỏng học từ {n} hồ sơ tiếp nhận từ {start} đến {end}.",
                     "en": "Simulation model learnt from {n} dossiers received from {start} "
                           "to {end}."},
    "model_notes": {"vi": "Các giả định mà nhật ký buộc mô hình phải đặt ({n})",
                    "en": "Assumptions the log forced on the model ({n})"},
    "discovery_failed": {"vi": "Không học được mô hình mô phỏng từ nhật ký.",
                         "en": "A simulation model cannot be learnt from the log."},
    "horizon_from": {"vi": "Mô phỏng từ ngày", "en": "Simulate from"},
    "horizon_to": {"vi": "Đến hết ngày", "en": "Until (inclusive)"},
    "horizon_help": {"vi": "Mặc định: 6 tháng cuối của nhật ký, ngắn hơn với nhật ký lớn để "
                           "một lần chạy 2 lần lặp mất chưa đến nửa phút.",
                     "en": "Default: the log's last 6 months, shorter on a large log so that a "
                           "run of 2 replications takes less than half a minute."},
    "horizon_bad": {"vi": "Ngày bắt đầu phải trước ngày kết thúc.",
                    "en": "The start must come before the end."},
    "replications": {"vi": "Số lần lặp", "en": "Replications"},
    "replications_help": {"vi": "Mỗi lần lặp là một lần mô phỏng với dãy số ngẫu nhiên riêng; "
                                "khoảng tin cậy 95 % hẹp lại khi lặp nhiều hơn.",
                          "en": "Each replication is one simulation with its own random "
                                "numbers; the 95 % confidence intervals narrow with more."},
    "seed": {"vi": "Hạt giống ngẫu nhiên", "en": "Random seed"},
    "simulating": {"vi": "Đang mô phỏng… {share}", "en": "Simulating… {share}"},
    # scenarios
    "build_scenario": {"vi": "Xây dựng kịch bản", "en": "Build a scenario"},
    "scenario_name": {"vi": "Tên kịch bản", "en": "Scenario name"},
    "change_kind": {"vi": "Loại thay đổi", "en": "Kind of change"},
    "change_time_cut": {"vi": "Cắt giảm thời gian giải quyết", "en": "Cut the handling time"},
    "change_five_on_spot": {"vi": "Chuyển sang 5 tại chỗ", "en": "Move to five on the spot"},
    "change_staffing": {"vi": "Thay đổi nhân sự", "en": "Staffing"},
    "change_demand": {"vi": "Thay đổi số hồ sơ", "en": "Demand"},
    "change_channel_shift": {"vi": "Tỉ lệ nộp trực tuyến", "en": "Online share"},
    "procedures": {"vi": "Thủ tục", "en": "Procedures"},
    "all_procedures": {"vi": "mọi thủ tục", "en": "every procedure"},
    "cut_days": {"vi": "Cắt giảm (ngày làm việc)", "en": "Cut (working days)"},
    "cut_mode": {"vi": "Phần được rút ngắn", "en": "What is shortened"},
    "mode_deadline": {"vi": "Chỉ thời hạn", "en": "The deadline only"},
    "mode_deadline_and_process": {"vi": "Thời hạn và thời gian xử lý",
                                  "en": "The deadline and the work"},
    "officers": {"vi": "Cán bộ được ủy quyền thêm", "en": "More delegated officers"},
    "set_legal": {"vi": "Đặt thời hạn giải quyết mới", "en": "Set a new legal time"},
    "new_legal_days": {"vi": "Thời hạn mới (ngày làm việc)",
                       "en": "New legal time (working days)"},
    "role": {"vi": "Vai trò", "en": "Role"},
    "all_roles": {"vi": "mọi vai trò", "en": "every role"},
    "staff_change": {"vi": "Số cán bộ thêm (số âm: bớt)",
                     "en": "Officers added (negative: removed)"},
    "demand_factor": {"vi": "Hệ số nhân số hồ sơ", "en": "Demand factor"},
    "online_share_target": {"vi": "Tỉ lệ hồ sơ nộp trực tuyến (%)",
                            "en": "Share of dossiers filed online (%)"},
    "add_change": {"vi": "Thêm thay đổi", "en": "Add the change"},
    "clear_changes": {"vi": "Bỏ các thay đổi", "en": "Discard the changes"},
    "add_scenario": {"vi": "Thêm kịch bản", "en": "Add the scenario"},
    "draft_changes": {"vi": "Các thay đổi của kịch bản đang soạn",
                      "en": "Changes of the scenario being built"},
    "no_changes": {"vi": "Chưa có thay đổi nào: chọn loại thay đổi, đặt tham số rồi bấm "
                         "“Thêm thay đổi”.",
                   "en": "No change yet: choose a kind of change, set it up and press "
                         "“Add the change”."},
    "change_invalid": {"vi": "Thay đổi này không áp dụng được cho mô hình.",
                       "en": "This change does not fit the model."},
    "name_needed": {"vi": "Hãy đặt tên cho kịch bản.", "en": "Give the scenario a name."},
    "name_reserved": {"vi": "Tên “baseline” dành cho hiện trạng; hãy chọn tên khác.",
                      "en": "The name “baseline” is kept for the present state; choose another "
                            "name."},
    "changes_needed": {"vi": "Hãy thêm ít nhất một thay đổi cho kịch bản.",
                       "en": "Add at least one change to the scenario."},
    "scenario_added": {"vi": "Đã thêm kịch bản “{name}”.", "en": "Scenario “{name}” added."},
    "scenarios": {"vi": "Các kịch bản", "en": "Scenarios"},
    "no_scenarios": {"vi": "Chưa có kịch bản nào: hãy xây dựng một kịch bản hoặc mở tệp kịch "
                           "bản.",
                     "en": "No scenario yet: build one or open a scenario file."},
    "remove": {"vi": "Xóa", "en": "Remove"},
    "download_yaml": {"vi": "Tải các kịch bản (YAML)", "en": "Download the scenarios (YAML)"},
    "upload_yaml": {"vi": "Mở tệp kịch bản (YAML)", "en": "Open a scenario file (YAML)"},
    "yaml_failed": {"vi": "Không dùng được tệp kịch bản.",
                    "en": "The scenario file cannot be used."},
    "yaml_loaded": {"vi": "Đã mở {n} kịch bản từ {file}.", "en": "Opened {n} scenario(s) from "
                                                                "{file}."},
    "describe_time_cut": {"vi": "Cắt {days} ngày làm việc thời hạn của {procedures} ({mode})",
                          "en": "Cut the legal time of {procedures} by {days} working days "
                                "({mode})"},
    "describe_five_on_spot": {"vi": "Chuyển {procedures} sang 5 tại chỗ, thêm {officers} cán "
                                    "bộ được ủy quyền",
                              "en": "Move {procedures} to five on the spot, {officers} more "
                                    "delegated officers"},
    "describe_new_legal": {"vi": ", thời hạn mới {days} ngày làm việc",
                           "en": ", new legal time {days} working days"},
    "describe_staffing": {"vi": "{change} cán bộ tại {agency} ({role})",
                          "en": "{change} officers at {agency} ({role})"},
    "describe_demand": {"vi": "Số hồ sơ × {factor} ({procedures})",
                        "en": "Demand × {factor} ({procedures})"},
    "describe_channel_shift": {"vi": "Nộp trực tuyến {share} ({procedures})",
                               "en": "Filed online: {share} ({procedures})"},
    "run_settings": {"vi": "Chạy mô phỏng", "en": "Run the simulation"},
    "report_procedures": {"vi": "Báo cáo chỉ số của các thủ tục", "en": "Report the figures of"},
    "report_procedures_help": {"vi": "Mặc định: các thủ tục mà kịch bản thay đổi; để trống: "
                                     "mọi thủ tục.",
                               "en": "Default: the procedures the scenarios change; empty: "
                                     "every procedure."},
    "run_scenarios": {"vi": "Chạy các kịch bản", "en": "Run the scenarios"},
    "stop": {"vi": "Dừng", "en": "Stop"},
    "stop_note": {"vi": "Nút Dừng, hay bất kỳ thao tác nào khác trên ứng dụng, sẽ dừng lần chạy "
                        "sau lần mô phỏng đang chạy.",
                  "en": "Stop, or any other action in the app, stops the run after the "
                        "simulation under way."},
    "run_stopped": {"vi": "Lần chạy đã dừng sau {share} số lần mô phỏng nên không có kết quả. "
                          "Bấm “Chạy các kịch bản” để chạy lại.",
                    "en": "The run was stopped after {share} of its simulations, so it has no "
                          "results. Press “Run the scenarios” to run it again."},
    "run_failed": {"vi": "Không chạy được các kịch bản.", "en": "The scenarios cannot be run."},
    "results": {"vi": "Kết quả so với hiện trạng", "en": "Results against the baseline"},
    "results_caption": {"vi": "Trung bình [khoảng tin cậy 95 %] qua {n} lần lặp, mô phỏng từ "
                              "{start} đến {end}, chỉ số của {procedures}; {seconds} giây.",
                        "en": "Mean [95 % confidence interval] over {n} replications, "
                              "simulated from {start} to {end}, figures of {procedures}; "
                              "{seconds} s."},
    "baseline": {"vi": "Hiện trạng", "en": "Baseline"},
    "change_of": {"vi": "{name}: thay đổi", "en": "{name}: change"},
    "fig_dossiers_per_year": {"vi": "Hồ sơ mỗi năm", "en": "Dossiers a year"},
    "fig_lead_time_working_days_median": {"vi": "Thời gian giải quyết trung vị (ngày LV)",
                                          "en": "Median lead time (working days)"},
    "fig_lead_time_working_days_mean": {"vi": "Thời gian giải quyết TB (ngày LV)",
                                        "en": "Mean lead time (working days)"},
    "fig_lead_time_calendar_days_median": {"vi": "Thời gian giải quyết trung vị (ngày lịch)",
                                           "en": "Median lead time (calendar days)"},
    "fig_lead_time_calendar_days_mean": {"vi": "Thời gian giải quyết TB (ngày lịch)",
                                         "en": "Mean lead time (calendar days)"},
    "fig_on_time_rate": {"vi": "Tỉ lệ đúng hạn", "en": "On-time rate"},
    "fig_dossiers_per_month": {"vi": "Hồ sơ mỗi tháng", "en": "Dossiers a month"},
    "fig_lead_time_working_days_p90": {"vi": "Thời gian giải quyết, 90 % hồ sơ trong (ngày LV)",
                                       "en": "Lead time, 90 % of dossiers within (working days)"},
    # the as-is check of the model against the log
    "asis_title": {"vi": "Mô hình so với nhật ký (kiểm tra hiện trạng)",
                   "en": "The model against the log (as-is check)"},
    "asis_help": {"vi": "Mô hình chưa thay đổi, chạy {runs} lần trên cùng khoảng thời gian, so "
                        "với chính các hồ sơ của nhật ký: con số của mô hình là trung bình các "
                        "lần chạy.",
                  "en": "The unchanged model, run {runs} times over the same period, against "
                        "the log's own dossiers: the model's figures are the mean of the "
                        "runs."},
    "asis_ok": {"vi": "Mô hình tái hiện được nhật ký: thời gian giải quyết trung vị "
                      "{lead_model} ngày làm việc so với {lead_log} trong nhật ký ({lead_error}), "
                      "tỉ lệ đúng hạn lệch {time_error} (ngưỡng: {lead_tolerance}% và "
                      "{time_tolerance} điểm).",
                "en": "The model reproduces the log: median lead time {lead_model} working "
                      "days against {lead_log} in the log ({lead_error}), on-time rate off by "
                      "{time_error} (limits: {lead_tolerance}% and {time_tolerance} points)."},
    "asis_warning": {"vi": "Mô hình chưa tái hiện được nhật ký này: thời gian giải quyết trung "
                           "vị {lead_model} ngày làm việc so với {lead_log} trong nhật ký "
                           "({lead_error}), tỉ lệ đúng hạn lệch {time_error} (ngưỡng: "
                           "{lead_tolerance}% và {time_tolerance} điểm). Chỉ nên xem các dự "
                           "báo dưới đây như ước lượng thô.",
                     "en": "The model does not reproduce this log yet: median lead time "
                           "{lead_model} working days against {lead_log} in the log "
                           "({lead_error}), on-time rate off by {time_error} (limits: "
                           "{lead_tolerance}% and {time_tolerance} points). Read the "
                           "predictions below as rough estimates only."},
    "col_log": {"vi": "Nhật ký", "en": "Log"},
    "col_model": {"vi": "Mô hình", "en": "Model"},
    "points": {"vi": "điểm", "en": "points"},
    "fig_late_per_year": {"vi": "Hồ sơ trễ hạn mỗi năm", "en": "Late dossiers a year"},
    "fig_citizen_days_saved_per_year": {"vi": "Ngày chờ người dân tiết kiệm mỗi năm",
                                        "en": "Citizen-days saved a year"},
    "chart_figure": {"vi": "Chỉ số trên biểu đồ", "en": "Figure in the chart"},
    "step_waits": {"vi": "Thời gian chờ theo bước (giờ làm việc, trung bình)",
                   "en": "Waiting per step (working hours, mean)"},
    "pool_use": {"vi": "Mức sử dụng nhóm cán bộ và hàng đợi",
                 "en": "Utilisation of officer pools and queues"},
    "queue_length": {"vi": "Số hồ sơ chờ trung bình", "en": "Mean queue length"},
    "col_pool": {"vi": "Nhóm cán bộ", "en": "Officer pool"},
    "download_json": {"vi": "Tải kết quả (JSON)", "en": "Download the results (JSON)"},
    "download_csv": {"vi": "Tải bảng kết quả (CSV)", "en": "Download the results table (CSV)"},
    # proposals
    "cut_proposals": {"vi": "Đề xuất cắt giảm thời gian giải quyết",
                      "en": "Time-cut proposals"},
    "cut_proposals_help": {"vi": "Với mỗi thủ tục: mức cắt giảm lớn nhất (theo nửa ngày) mà "
                                 "mô phỏng dự báo vẫn giữ tỉ lệ đúng hạn từ mục tiêu trở lên, "
                                 "với cách làm việc hiện nay.",
                           "en": "For each procedure: the largest cut, in half days, that the "
                                 "simulation predicts keeps the on-time rate at or above the "
                                 "target with today's way of working."},
    "target_on_time": {"vi": "Tỉ lệ đúng hạn mục tiêu (%)", "en": "Target on-time rate (%)"},
    "compute_cuts": {"vi": "Tính đề xuất cắt giảm", "en": "Compute the time-cut proposals"},
    "candidates": {"vi": "Thủ tục nên chuyển sang 5 tại chỗ",
                   "en": "Candidates for five on the spot"},
    "candidates_help": {"vi": "Các thủ tục còn chuyển sở, xếp theo mức giống các thủ tục đã "
                              "làm 5 tại chỗ và số ngày chờ người dân tiết kiệm được.",
                        "en": "Procedures still handled by transfer, ranked by how much they "
                              "resemble those already on five on the spot and by the "
                              "citizen-days saved."},
    "compute_candidates": {"vi": "Xếp hạng ứng viên", "en": "Rank the candidates"},
    "candidates_fit": {"vi": "Học từ {on_spot} thủ tục 5 tại chỗ và {transfer} thủ tục chuyển "
                             "sở; độ phân biệt (AUC kiểm định chéo) {auc}.",
                       "en": "Learnt from {on_spot} procedures on five on the spot and "
                             "{transfer} handled by transfer; cross-validated AUC {auc}."},
    "features": {"vi": "Các đặc trưng của ứng viên", "en": "Features of the candidates"},
    "backtest": {"vi": "Độ tin cậy của mô phỏng: các cải cách đã qua",
                 "en": "Track record: past reforms replayed"},
    "backtest_help": {"vi": "Với mỗi cải cách tìm thấy trong dữ liệu: mô hình học từ trước "
                            "ngày hiệu lực, áp dụng cải cách, rồi so dự báo với những gì đã "
                            "xảy ra sau đó.",
                      "en": "For each reform found in the data: a model learnt before its "
                            "effective date, the reform applied, and the prediction compared "
                            "with what happened after."},
    "backtest_limit": {"vi": "Số cải cách tối đa", "en": "Reforms at most"},
    "compute_backtest": {"vi": "Chạy kiểm chứng", "en": "Run the backtest"},
    "backtest_n": {"vi": "Cải cách đã kiểm chứng", "en": "Reforms replayed"},
    "median_abs_error": {"vi": "Sai số trung vị của thời gian giải quyết dự báo",
                         "en": "Median error of the predicted lead time"},
    "mean_abs_error": {"vi": "Sai số trung bình", "en": "Mean error"},
    "unchanged_abs_error": {"vi": "Sai số nếu giả định không có cải cách",
                            "en": "Error assuming nothing changed"},
    "within_10pct": {"vi": "Dự báo lệch không quá 10 %", "en": "Predictions within 10 %"},
    "backtest_skipped": {"vi": "Cải cách không kiểm chứng được ({n})",
                         "en": "Reforms that could not be replayed ({n})"},
    "no_proposals": {"vi": "Không có thủ tục nào để đề xuất.",
                     "en": "There is no procedure to propose."},
    "proposals_failed": {"vi": "Không tính được đề xuất.",
                         "en": "The proposals cannot be computed."},
    "candidates_failed": {"vi": "Không xếp hạng được ứng viên 5 tại chỗ.",
                          "en": "The candidates for five on the spot cannot be ranked."},
    "backtest_failed": {"vi": "Không chạy được kiểm chứng.",
                        "en": "The backtest cannot be run."},
    # export
    "export_help": {"vi": "Chọn định dạng, bấm “Chuẩn bị tệp” rồi tải tệp về. Các tệp chứa "
                          "những hồ sơ được chọn bởi bộ lọc ở thanh bên.",
                    "en": "Choose a format, press “Prepare the file”, then download it. The "
                          "files hold the dossiers the sidebar filters select."},
    "export_format": {"vi": "Định dạng", "en": "Format"},
    "export_prepare": {"vi": "Chuẩn bị tệp", "en": "Prepare the file"},
    "export_preparing": {"vi": "Đang chuẩn bị tệp…", "en": "Preparing the file…"},
    "export_download": {"vi": "Tải về {file}", "en": "Download {file}"},
    "export_failed": {"vi": "Không tạo được tệp xuất.", "en": "The file cannot be exported."},
    "export_log": {"vi": "Nhật ký sự kiện", "en": "Event log"},
    "export_log_help": {"vi": "Mỗi dòng là một sự kiện kèm thông tin của hồ sơ; dossierflow và "
                              "các công cụ khai phá quy trình (pm4py, …) đọc lại được.",
                        "en": "One row per event with its dossier's attributes; dossierflow "
                              "and process-mining tools (pm4py, …) read it back."},
    "export_pseudonymise": {"vi": "Ẩn danh hóa dữ liệu cá nhân (họ tên, số định danh, số "
                                  "điện thoại, địa chỉ, e-mail)",
                            "en": "Pseudonymise personal data (names, ID and phone numbers, "
                                  "addresses, e-mails)"},
    "export_clear_warning": {"vi": "Tệp sẽ chứa dữ liệu cá nhân ở dạng rõ. Chỉ chia sẻ với "
                                   "người được phép xử lý dữ liệu cá nhân (Nghị định "
                                   "13/2023/NĐ-CP).",
                             "en": "The file will hold personal data in clear. Share it only "
                                   "with people allowed to process personal data (Decree "
                                   "13/2023/ND-CP)."},
    "export_key_env": {"vi": "Khóa ẩn danh lấy từ biến môi trường {env}: cùng một người có "
                             "cùng bí danh ở mọi lần xuất.",
                       "en": "The pseudonymisation key comes from the environment variable "
                             "{env}: the same person gets the same pseudonym in every export."},
    "export_key_random": {"vi": "Biến môi trường {env} chưa được đặt: mỗi lần xuất dùng một "
                                "khóa ngẫu nhiên riêng, nên bí danh không khớp giữa các lần "
                                "xuất.",
                          "en": "The environment variable {env} is not set: each export uses "
                                "a random key of its own, so pseudonyms do not match between "
                                "exports."},
    "export_log_done": {"vi": "Tệp chứa {cases} hồ sơ, {events} sự kiện.",
                        "en": "The file holds {cases} dossiers, {events} events."},
    "export_in_clear": {"vi": "Dữ liệu cá nhân được ghi ở dạng rõ.",
                        "en": "Personal data is written in clear."},
    "export_pseudonymised": {"vi": "Cột đã ẩn danh: {columns}.",
                             "en": "Pseudonymised columns: {columns}."},
    "export_none_found": {"vi": "không có cột nào", "en": "none found"},
    "export_scrubbed": {"vi": "{n} số điện thoại, số định danh hoặc e-mail trong văn bản đã "
                              "được thay bằng bí danh.",
                        "en": "{n} phone or ID numbers or e-mails inside text were replaced "
                              "by pseudonyms."},
    "export_neutralised": {"vi": "{n} ô mà bảng tính có thể chạy như công thức đã được bảo "
                                 "vệ.",
                           "en": "{n} cells a spreadsheet could run as formulas were "
                                 "protected."},
    "export_map_help": {"vi": "Bản đồ với lớp hiển thị và các thanh trượt đang chọn ở trang "
                              "Bản đồ quy trình.",
                        "en": "The map with the overlay and sliders set on the Process map "
                              "page."},
    "export_map_no_graphviz": {"vi": "Xuất SVG và PNG cần chương trình dot của Graphviz, "
                                     "chưa được cài trên máy chủ; tệp DOT vẫn xuất được để vẽ "
                                     "ở nơi khác.",
                               "en": "SVG and PNG need Graphviz's dot program, which is not "
                                     "installed on the server; the DOT file can still be "
                                     "exported and drawn elsewhere."},
    "export_model": {"vi": "Mô hình quy trình", "en": "Process model"},
    "export_model_help": {"vi": "Mô hình khám phá bằng thuật toán Inductive Miner từ các hồ sơ "
                                "được chọn: BPMN 2.0 cho công cụ vẽ quy trình, PNML (mạng "
                                "Petri) cho công cụ khai phá quy trình.",
                          "en": "The model the inductive miner discovers from the selected "
                                "dossiers: BPMN 2.0 for process-modelling tools, PNML (a Petri "
                                "net) for process-mining tools."},
    "export_kpis": {"vi": "Bảng chỉ số", "en": "Indicator tables"},
    "export_kpis_table": {"vi": "Bảng", "en": "Table"},
    "export_kpis_overall": {"vi": "Toàn bộ", "en": "Overall"},
    "export_kpis_month": {"vi": "Theo tháng", "en": "By month"},
    "export_kpis_agency": {"vi": "Theo cơ quan", "en": "By agency"},
    "export_kpis_help": {"vi": "Tệp Excel và JSON có thêm bảng toàn bộ và bộ chỉ số Quyết định "
                               "766.",
                         "en": "Excel and JSON files also hold the overall table and the "
                               "Decision 766 scorecard."},
    "export_scenarios": {"vi": "Kết quả kịch bản", "en": "Scenario results"},
    "export_scenarios_help": {"vi": "Kết quả lần chạy gần nhất ở trang Kịch bản (bộ lọc ở thanh "
                                    "bên không áp dụng).",
                              "en": "The results of the latest run on the Scenarios page (the "
                                    "sidebar filters do not apply)."},
    "export_no_scenarios": {"vi": "Chưa có kết quả kịch bản: hãy chạy các kịch bản ở trang Kịch "
                                  "bản.",
                            "en": "No scenario results yet: run the scenarios on the "
                                  "Scenarios page."},
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
    "col_figure": {"vi": "Chỉ số", "en": "Figure"},
    "col_legal_days": {"vi": "Thời hạn (ngày LV)", "en": "Legal time (working days)"},
    "col_proposed_cut_days": {"vi": "Đề xuất cắt (ngày LV)", "en": "Proposed cut (working days)"},
    "col_new_legal_days": {"vi": "Thời hạn mới (ngày LV)", "en": "New legal time (working days)"},
    "col_predicted_on_time_rate": {"vi": "Dự báo đúng hạn", "en": "Predicted on time"},
    "col_dossiers_per_year": {"vi": "Hồ sơ/năm", "en": "Dossiers a year"},
    "col_citizen_days_saved_per_year": {"vi": "Ngày chờ tiết kiệm/năm",
                                        "en": "Citizen-days saved a year"},
    "col_mean_steps": {"vi": "Số bước TB", "en": "Mean steps"},
    "col_rework_share": {"vi": "Tỉ lệ làm lại", "en": "Rework share"},
    "col_transfers_per_dossier": {"vi": "Lượt chuyển/hồ sơ", "en": "Transfers per dossier"},
    "col_transfer_wait_share": {"vi": "Tỉ trọng chờ quanh chuyển sở",
                                "en": "Share of waiting around transfers"},
    "col_median_lead_time_working_days": {"vi": "Thời gian trung vị (ngày LV)",
                                          "en": "Median lead time (working days)"},
    "col_on_time_rate": {"vi": "Tỉ lệ đúng hạn", "en": "On-time rate"},
    "col_online_share": {"vi": "Tỉ lệ trực tuyến", "en": "Online share"},
    "col_fee_present": {"vi": "Có phí, lệ phí", "en": "Fee charged"},
    "col_appraisal_steps": {"vi": "Bước thẩm định/hồ sơ", "en": "Appraisal steps per dossier"},
    "col_consult_share": {"vi": "Tỉ lệ xin ý kiến", "en": "Consultation share"},
    "col_site_share": {"vi": "Tỉ lệ kiểm tra thực địa", "en": "Site-inspection share"},
    "col_agency_on_spot_share": {"vi": "Tỉ lệ 5 tại chỗ của cơ quan",
                                 "en": "Agency's five-on-the-spot share"},
    "col_similarity": {"vi": "Độ tương đồng", "en": "Similarity"},
    "col_score": {"vi": "Điểm", "en": "Score"},
    "col_likelihood": {"vi": "Mức giống 5 tại chỗ", "en": "Likeness to five on the spot"},
    "col_reasons": {"vi": "Lý do", "en": "Reasons"},
    "col_kind": {"vi": "Cải cách", "en": "Reform"},
    "col_effective_date": {"vi": "Ngày hiệu lực", "en": "Effective"},
    "col_old_legal_days": {"vi": "Thời hạn cũ (ngày LV)", "en": "Old legal time (working days)"},
    "col_actual_median": {"vi": "Thực tế, trung vị (ngày LV)",
                          "en": "Actual median (working days)"},
    "col_predicted_median": {"vi": "Dự báo, trung vị (ngày LV)",
                             "en": "Predicted median (working days)"},
    "col_error": {"vi": "Sai số tương đối", "en": "Relative error"},
    "col_actual_on_time": {"vi": "Đúng hạn thực tế", "en": "Actual on time"},
    "col_predicted_on_time": {"vi": "Đúng hạn dự báo", "en": "Predicted on time"},
    # the reason codes mining gives: scorecard notes (mining.analysis.kpis.REASONS; {columns}:
    # the columns the log lacks) and why a dossier was late (late_attribution)
    "reason_not_measurable": {"vi": "không đo được từ nhật ký hồ sơ",
                              "en": "not measurable from a dossier log"},
    "reason_missing_columns": {"vi": "nhật ký không có cột {columns}", "en": "no {columns} column"},
    "reason_no_denominator": {"vi": "không có hồ sơ nào ở mẫu số",
                              "en": "no dossier in the denominator"},
    "reason_not_scored": {"vi": "chỉ để tham khảo, không tính điểm",
                          "en": "informative, not scored"},
    "reason_weight_unknown": {"vi": "chưa rõ trọng số",
                              "en": "weight unknown (docs/domain.md §8 q2)"},
    "reason_threshold_unknown": {"vi": "chưa rõ ngưỡng", "en": "threshold unknown"},
    "reason_overrun": {"vi": "vượt thời gian", "en": "overrun"},
    "reason_repeated_supplement_request": {"vi": "yêu cầu bổ sung lần thứ hai",
                                           "en": "repeated supplement request"},
}


def t(key: str, lang: str) -> str:
    """The label ``key`` in ``lang`` ('vi' or 'en')."""
    return LABELS[key][lang]


def reason_text(reason: str, lang: str, missing_columns: str = "") -> str:
    """A reason code mining gives (a scorecard's ``reason`` with its ``missing_columns``, why
    a dossier was late) in ``lang``; empty text for no reason."""
    if not reason:
        return ""
    names = (" hoặc " if lang == "vi" else " or ").join(
        f"'{n}'" for n in missing_columns.split(", ") if n)
    return t(f"reason_{reason}", lang).format(columns=names)
