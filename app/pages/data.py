"""Dữ liệu / Data: upload a centre's export; the open log, its column mapping (editable,
then imported again) and its validation report."""

from pathlib import Path

import pandas as pd
import streamlit as st

from dossierflow.app import cached_mining as cm
from dossierflow.app.errors import show_error
from dossierflow.app.filters_sidebar import open_log
from dossierflow.app.formats import fmt_date, fmt_number
from dossierflow.app.i18n import t
from dossierflow.app.state import language, note_import, open_log_name, set_open_log
from dossierflow.app.tables import personal_switch, show_table
from dossierflow.app.upload import (
    FIELDS,
    MAX_MB,
    TYPES,
    import_upload,
    issue_table,
    mapping_rows,
    mapping_table,
    reimport,
    show_notes,
    source_columns,
    uploader_texts,
)

lang = language()
st.title(t("page_data", lang))

uploader_texts(lang)
with st.expander(t("upload", lang), expanded=not open_log_name()):
    upload = st.file_uploader(t("upload_file", lang), key="upload", max_upload_size=MAX_MB,
                              type=[s.lstrip(".") for s in TYPES] + ["gz"],
                              help=t("upload_help", lang))
    st.caption(t("upload_limit", lang).format(mb=MAX_MB))
    if st.button(t("upload_import", lang), disabled=upload is None):
        try:
            with st.spinner(t("importing", lang)):
                stored = import_upload(upload.getvalue(), upload.name)
        except Exception as exc:  # noqa: BLE001 — shown as a message, never a traceback
            show_error(exc, lang, "upload_failed")
        else:
            note_import(stored.path)
            set_open_log(stored.path.stem)
            st.session_state["imported"] = stored.path.stem
            st.rerun()
if st.session_state.pop("imported", None):
    st.success(t("upload_done", lang))

key = open_log(lang)
personal_switch(st.sidebar, lang)
meta = cm.meta(key)
summary = meta["summary"]
st.caption(f"{t('log', lang)}: {', '.join(Path(s).name for s in meta['sources'])}")
c1, c2, c3, c4 = st.columns(4)
c1.metric(t("cases", lang), fmt_number(summary["cases"], lang))
c2.metric(t("events", lang), fmt_number(summary["events"], lang))
c3.metric(t("activities", lang), fmt_number(summary["activities"], lang))
c4.metric(t("time_span", lang),
          f"{fmt_date(summary['first_event'], lang)} → {fmt_date(summary['last_event'], lang)}")

st.subheader(t("mapping", lang))
for source, lines in meta["mapping"].items():
    st.markdown(f"**{Path(source).name}**")
    show_table(mapping_table(lines, lang), lang)
if st.toggle(t("mapping_edit", lang), key="edit_mapping"):
    source = meta["sources"][0]
    try:
        rows = mapping_rows(source_columns(source), meta["mapping"][source])
    except Exception as exc:  # noqa: BLE001 — e.g. the source file was moved
        show_error(exc, lang, "mapping_source_missing")
    else:
        st.caption(t("mapping_edit_help", lang))
        edited = st.data_editor(rows, hide_index=True, disabled=["column"], key="mapping_rows",
                                column_config={
                                    "column": st.column_config.TextColumn(
                                        t("mapping_column", lang)),
                                    "field": st.column_config.SelectboxColumn(
                                        t("mapping_field", lang), options=["", *FIELDS])})
        if st.button(t("mapping_apply", lang)):
            try:
                with st.spinner(t("importing", lang)):
                    stored = reimport(edited, meta["sources"], open_log_name())
            except Exception as exc:  # noqa: BLE001
                show_error(exc, lang, "mapping_failed")
            else:
                note_import(stored.path)
                st.session_state["imported"] = True
                st.rerun()

st.subheader(t("validation", lang))
for report in cm.workspace(key).reports:
    st.markdown(f"**{Path(report.file).name}**")
    c1, c2, c3 = st.columns(3)
    c1.metric(t("rows_read", lang), fmt_number(report.rows_read, lang))
    c2.metric(t("rows_kept", lang), fmt_number(report.rows_kept, lang))
    c3.metric(t("rows_dropped", lang), fmt_number(report.rows_dropped, lang))
    if report.issues:
        show_table(issue_table(report.issues, lang), lang)
    elif not report.orders:
        st.success(t("no_issues", lang))
    if report.orders:  # dossiers in an impossible order (mining/io/event_order.py)
        show_table(pd.DataFrame([vars(o) for o in report.orders]), lang)
    show_notes(report.notes, lang)
rejected = cm.rejected(key)
if len(rejected):
    with st.expander(t("rejected", lang)):
        show_table(rejected, lang)

st.subheader(t("case_table", lang))
show_table(cm.case_sample(key), lang)
