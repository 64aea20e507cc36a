"""Which procedures to move to "5 tại chỗ" next, learnt from those already moved.

A procedure on 5 tại chỗ (docs/domain.md §2) is received, appraised, approved, paid and returned at
the centre by delegated officers; its dossiers never travel to the department. Its own log has
no transfers by construction, the move sets a new legal time of a day or two, and incomplete
dossiers are refused with guidance instead of going round a supplement loop. A classifier fed
transfers, lead times, legal times or rework would only learn the handling ("no transfers ⇒ on
the spot"), so it sees only what describes the procedure whatever its handling
(``LEARNT_FROM``): demand, the kinds of appraisal step, consultation and site inspection, the
online share, the fee, its agency's use of 5 tại chỗ and the similarity of its dossiers'
activity profile to the procedures already moved. The other features are reported; the waits
around transfers are the gain, and a short legal time is named among the reasons.
"""
from __future__ import annotations

from collections.abc import Iterable

import ibis
import ibis.expr.types as ir
import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from dossierflow.mining.errors import DossierflowError
from dossierflow.mining.log.log_view import LogView
from dossierflow.mining.vocabulary import FIVE_ON_SPOT, ONLINE_CHANNELS

TRANSFER, RETURN = "transfer_to_agency", "return_to_centre"
ON_SPOT_STEP = "appraise_approve_on_spot"
APPRAISAL = ("appraise", ON_SPOT_STEP, "consult_agency", "site_inspection", "submit_ppc")
# steps that only say how a dossier is handled (transfer plumbing, lateness, the supplement loop
# that 5 tại chỗ replaces with guidance at intake), left out of the activity profile; the
# on-the-spot step counts as an appraisal
HANDLING_STEPS = (TRANSFER, "assign_handler", "review_division", "approve_sign",
                  "issue_result", RETURN, "apology_reschedule", "request_supplement",
                  "supplement_received", "withdraw")
LEARNT_FROM = ("dossiers_per_year", "appraisal_steps", "consult_share", "site_share",
               "online_share", "fee_present", "agency_on_spot_share", "similarity")
FEATURES = ("legal_days", "dossiers_per_year", "mean_steps", "rework_share",
            "transfers_per_dossier", "transfer_wait_share", "median_lead_time_working_days",
            "on_time_rate", "online_share", "fee_present", "appraisal_steps", "consult_share",
            "site_share", "agency_on_spot_share", "similarity")
MIN_PER_CLASS = 3
FOLDS = 5
RANDOM_STATE = 0
MAX_REASONS = 3

# feature → (text when it is high, text when it is low), per language
REASONS = {
    "vi": {
        "dossiers_per_year": ("nhiều hồ sơ ({dossiers_per_year:,.0f} hồ sơ/năm)",
                              "ít hồ sơ ({dossiers_per_year:,.0f} hồ sơ/năm)"),
        "appraisal_steps": ("nhiều bước thẩm định ({appraisal_steps:.1f}/hồ sơ)",
                            "thẩm định đơn giản ({appraisal_steps:.1f} bước/hồ sơ)"),
        "consult_share": ("có xin ý kiến cơ quan khác ({consult_share:.0%} hồ sơ)",
                          "không cần xin ý kiến cơ quan khác"),
        "site_share": ("có kiểm tra thực địa ({site_share:.0%} hồ sơ)",
                       "không cần kiểm tra thực địa"),
        "online_share": ("{online_share:.0%} hồ sơ nộp trực tuyến",
                         "chủ yếu nộp trực tiếp ({online_share:.0%} trực tuyến)"),
        "fee_present": ("có thu phí, lệ phí (thu ngay tại quầy)", "không thu phí, lệ phí"),
        "agency_on_spot_share": ("cơ quan đã thực hiện 5 tại chỗ {agency_on_spot_share:.0%} "
                                 "thủ tục khác",
                                 "cơ quan ít thực hiện 5 tại chỗ"),
        "similarity": ("giống các thủ tục đã thực hiện 5 tại chỗ{same_agency_vi}",
                       "khác các thủ tục đã thực hiện 5 tại chỗ"),
        "legal_days": "thời hạn giải quyết ngắn ({legal_days:g} ngày)",
        "wait": "{transfer_wait_share:.0%} thời gian chờ luân chuyển hồ sơ",
        "gain": "tiết kiệm khoảng {citizen_days_saved_per_year:,.0f} ngày chờ/năm cho người dân",
        "same_agency": " của cùng cơ quan",
    },
    "en": {
        "dossiers_per_year": ("high demand ({dossiers_per_year:,.0f} dossiers a year)",
                              "low demand ({dossiers_per_year:,.0f} dossiers a year)"),
        "appraisal_steps": ("several appraisal steps ({appraisal_steps:.1f} per dossier)",
                            "simple appraisal ({appraisal_steps:.1f} step per dossier)"),
        "consult_share": ("other agencies consulted ({consult_share:.0%} of dossiers)",
                          "no other agency consulted"),
        "site_share": ("site inspections ({site_share:.0%} of dossiers)",
                       "no site inspection"),
        "online_share": ("{online_share:.0%} of dossiers submitted online",
                         "mostly submitted in person ({online_share:.0%} online)"),
        "fee_present": ("fee collected (payable at the counter)", "no fee"),
        "agency_on_spot_share": ("its agency already runs {agency_on_spot_share:.0%} of its "
                                 "other procedures on 5 tại chỗ",
                                 "its agency rarely uses 5 tại chỗ"),
        "similarity": ("similar to the procedures already on 5 tại chỗ{same_agency_en}",
                       "unlike the procedures already on 5 tại chỗ"),
        "legal_days": "short legal time ({legal_days:g} working days)",
        "wait": "{transfer_wait_share:.0%} of the lead time spent waiting around transfers",
        "gain": "about {citizen_days_saved_per_year:,.0f} citizen working days saved a year",
        "same_agency": " of the same agency",
    },
}


class CandidatesError(DossierflowError):
    """The log cannot rank procedures for 5 tại chỗ."""


def five_on_spot_candidates(view: LogView, *, lang: str = "vi", top: int | None = None,
                            on_spot: Iterable[str] | None = None) -> pd.DataFrame:
    """Procedures still handled by transfer, ranked as candidates for 5 tại chỗ.

    The procedures already on 5 tại chỗ are those named in ``on_spot``, else those whose
    latest dossier has ``model = five_on_spot``, else (logs without a ``model`` column) those
    whose dossiers never have a ``transfer_to_agency`` or ``return_to_centre`` event.

    A logistic regression (standardised, balanced classes) learns from ``LEARNT_FROM`` which
    procedures look like those already moved; ``likelihood`` is its out-of-fold probability
    (stratified 5-fold, fixed seed), so no procedure is judged by a model that saw it.
    ``citizen_days_saved_per_year`` = working days dossiers wait around transfers (into and
    out of ``transfer_to_agency``, into ``return_to_centre``) per dossier × dossiers a year.
    ``score`` = likelihood × the candidate's percentile of that gain; ``rank`` 1 is the best.
    ``reasons`` (``lang`` "vi" or "en") name the features that push the likelihood up
    (coefficient × standardised value), the short legal time and the waiting removed.

    Columns: ``procedure_id``, ``agency``, ``procedure_name`` (when the log has it), ``score``,
    ``rank``, ``likelihood``, ``citizen_days_saved_per_year``, the ``FEATURES``, ``reasons``.
    ``attrs``: ``cv_auc`` (out-of-fold ROC AUC), ``n_on_spot``, ``n_candidates``,
    ``label_source``, ``learnt_from``, ``coefficients`` (per standardised feature).
    """
    if lang not in REASONS:
        raise CandidatesError(f"language '{lang}' is not available.", fix="pass lang='vi' or "
                                                                          "lang='en'.")
    if "procedure_id" not in view.cases.columns:
        raise CandidatesError(
            "the log has no procedure column, so procedures cannot be compared.",
            column="procedure_id",
            fix="import the dossier list with its procedure code (MaThuTuc, Mã thủ tục).")
    table, label_source = _procedure_table(view, on_spot)
    n_on_spot, n_transfer = int(table["on_spot"].sum()), int((~table["on_spot"]).sum())
    if n_on_spot == 0:
        raise CandidatesError(
            "no procedure of the log is on 5 tại chỗ, so there is nothing to learn from.",
            column="model", fix="import a log whose dossier list has the handling model "
                                "(Mô hình: '5 tại chỗ' / 'Chuyển sở'), or name the procedures "
                                "on 5 tại chỗ with on_spot=[...].")
    if n_on_spot < MIN_PER_CLASS or n_transfer < MIN_PER_CLASS:
        raise CandidatesError(
            f"too few procedures to learn from: {n_on_spot} on 5 tại chỗ and {n_transfer} "
            f"handled by transfer (at least {MIN_PER_CLASS} of each are needed).",
            fix="use a longer period or more agencies, or name more procedures on "
                "5 tại chỗ with on_spot=[...].")

    x = table[list(LEARNT_FROM)].to_numpy(dtype=float)
    y = table["on_spot"].to_numpy()
    pipeline = make_pipeline(StandardScaler(), LogisticRegression(
        class_weight="balanced", max_iter=1000, random_state=RANDOM_STATE))
    folds = StratifiedKFold(n_splits=min(FOLDS, n_on_spot, n_transfer), shuffle=True,
                            random_state=RANDOM_STATE)
    table["likelihood"] = cross_val_predict(pipeline, x, y, cv=folds,
                                            method="predict_proba")[:, 1]
    auc = float(roc_auc_score(y, table["likelihood"]))
    pipeline.fit(x, y)
    scaler, logistic = pipeline[0], pipeline[-1]
    contributions = scaler.transform(x) * logistic.coef_[0]

    out = table.loc[~table["on_spot"]].copy()
    gain_pct = out["citizen_days_saved_per_year"].rank(pct=True, method="average")
    out["score"] = out["likelihood"] * gain_pct.where(
        out["citizen_days_saved_per_year"] > 0, 0.0)
    means = table[list(LEARNT_FROM)].mean()
    short_legal = out["legal_days"].quantile(0.25)
    out["reasons"] = [_reasons(row, contributions[i], means, short_legal, lang)
                      for i, row in zip(np.flatnonzero(~y), out.to_dict("records"))]
    out = out.sort_values(["score", "likelihood", "procedure_id"],
                          ascending=[False, False, True]).reset_index(drop=True)
    out["rank"] = np.arange(1, len(out) + 1)
    head = ["procedure_id", "agency"] + (["procedure_name"] if "procedure_name" in out else [])
    out = out[head + ["score", "rank", "likelihood", "citizen_days_saved_per_year",
                      *FEATURES, "reasons"]]
    if top is not None:
        out = out.head(top)
    out.attrs.update(cv_auc=auc, n_on_spot=n_on_spot, n_candidates=n_transfer,
                     label_source=label_source, learnt_from=list(LEARNT_FROM),
                     coefficients=dict(zip(LEARNT_FROM, map(float, logistic.coef_[0]))))
    return out


def _procedure_table(view: LogView, on_spot: Iterable[str] | None) -> tuple[pd.DataFrame, str]:
    """Per procedure: the features, the label ``on_spot`` and the gain; and where the labels
    came from."""
    ev = view.events
    dossiers = _dossiers(view)
    grouped = _per_procedure(dossiers.join(_steps_per_dossier(ev), "case_id"),
                             view.minutes_per_day)
    span = dossiers.aggregate(first=dossiers.received_at.min(),
                              last=dossiers.received_at.max())
    profile = ev.join(dossiers.select("case_id", "procedure_id"), "case_id")
    profile = profile.filter(~profile.activity.isin(HANDLING_STEPS)).mutate(
        activity=ibis.ifelse(profile.activity == ON_SPOT_STEP, "appraise", profile.activity))
    profile = profile.group_by(["procedure_id", "activity"]).aggregate(
        n=profile.case_id.nunique())

    table = grouped.to_pandas().sort_values("procedure_id").reset_index(drop=True)
    first_last = span.to_pandas().iloc[0]
    years = max((first_last["last"] - first_last["first"]).total_seconds() / 86400, 1.0) / 365.25
    table["dossiers_per_year"] = table["n"] / years
    table["transfer_wait_share"] = (table["finished_wait"] / table["lead_minutes"]
                                    .where(table["lead_minutes"] > 0)).fillna(0.0).clip(0, 1)
    table["citizen_days_saved_per_year"] = (table["wait_minutes"] / view.minutes_per_day
                                            * table["dossiers_per_year"])
    table["fee_present"] = table["fee_present"].astype(float)
    table["on_spot"], label_source = _labels(table, on_spot)
    table["agency_on_spot_share"] = _agency_share(table)
    table["similarity"], table["same_agency"] = _similarity(table, profile.to_pandas())
    return table, label_source


def _steps_per_dossier(ev: ir.Table) -> ir.Table:
    """Per dossier: its steps, rework, transfers and the waits around them."""
    act = ev.activity
    around_transfer = (act == TRANSFER) | ev.next_activity.isin([TRANSFER, RETURN])
    per_case = ev.group_by("case_id").aggregate(
        n_steps=ev.count(),
        repeated=ev.count() > act.nunique(),
        transfers=(act == TRANSFER).sum(),
        plumbing=act.isin([TRANSFER, RETURN]).sum(),
        wait_minutes=around_transfer.ifelse(ev.wait_working_minutes.fill_null(0.0), 0.0).sum(),
        appraisal=act.nunique(where=act.isin(APPRAISAL)),
        consult=(act == "consult_agency").any(),
        site=(act == "site_inspection").any(),
        supplement=(act == "request_supplement").any(),
    )
    return per_case


def _dossiers(view: LogView) -> ir.Table:
    """The dossiers with a procedure, with the case attributes the features use."""
    cases = view.cases
    columns = cases.columns
    text = ibis.null().cast("string")
    dossiers = cases.select(
        "case_id", "received_at", "lead_time_working_days", "on_time_class",
        procedure_id=cases.procedure_id.cast("string"),
        agency=cases.agency.cast("string") if "agency" in columns else text,
        model=cases.model.cast("string") if "model" in columns else text,
        online=cases.channel.isin(ONLINE_CHANNELS).fill_null(False) if "channel" in columns
        else ibis.literal(False),
        fee=cases.fee.cast("float64") if "fee" in columns else ibis.null().cast("float64"),
        legal_days=cases.legal_days.cast("float64") if "legal_days" in columns
        else ibis.null().cast("float64"),
        **({"procedure_name": cases.procedure_name.cast("string")}
           if "procedure_name" in columns else {}),
    ).filter(lambda t: t.procedure_id.notnull())
    return dossiers


def _per_procedure(d: ir.Table, minutes_per_day: float) -> ir.Table:
    """The features of each procedure from its dossiers ``d``."""
    finished = d.lead_time_working_days.notnull()
    judged = d.on_time_class.isin(["early", "on_time", "late"])
    return d.group_by("procedure_id").aggregate(
        agency=d.agency.mode(),
        **({"procedure_name": d.procedure_name.mode()} if "procedure_name" in d.columns
           else {}),
        latest_model=d.model.argmax(d.received_at),
        n=d.count(),
        legal_days=d.legal_days.median(),
        mean_steps=d.n_steps.mean(),
        rework_share=(d.repeated | d.supplement).mean(),
        transfers_per_dossier=d.transfers.mean(),
        plumbing=d.plumbing.sum(),
        wait_minutes=d.wait_minutes.mean(),
        finished_wait=finished.ifelse(d.wait_minutes, 0.0).sum(),
        lead_minutes=d.lead_time_working_days.sum() * minutes_per_day,
        median_lead_time_working_days=d.lead_time_working_days.median(),
        on_time_rate=judged.ifelse(d.on_time_class != "late", ibis.null().cast("bool"))
        .mean(),
        online_share=d.online.mean(),
        fee_present=(d.fee.max() > 0).fill_null(False),
        appraisal_steps=d.appraisal.mean(),
        consult_share=d.consult.mean(),
        site_share=d.site.mean(),
    )


def _labels(table: pd.DataFrame, on_spot: Iterable[str] | None) -> tuple[pd.Series, str]:
    """Which procedures are on 5 tại chỗ, and where that label came from."""
    if on_spot is not None:
        return table["procedure_id"].isin({str(p) for p in on_spot}), "named by the caller"
    if table["latest_model"].notna().any():
        return (table["latest_model"].eq(FIVE_ON_SPOT),
                "the handling model of each procedure's latest dossier")
    return table["plumbing"].eq(0), (
        "inferred: the log has no handling model, so procedures whose dossiers never have "
        "transfer_to_agency or return_to_centre are taken as on 5 tại chỗ")


def _agency_share(table: pd.DataFrame) -> pd.Series:
    """Share of the agency's other procedures already on 5 tại chỗ (the procedure itself left
    out, so a label never feeds its own feature)."""
    agency = table["agency"].fillna("")
    on = table["on_spot"].astype(float)
    total = on.groupby(agency).transform("sum") - on
    count = agency.map(agency.value_counts()) - 1
    return (total / count.where(count > 0)).fillna(0.0)


def _similarity(table: pd.DataFrame, profile: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """Cosine similarity of each procedure's activity profile (share of its dossiers with each
    step that does not depend on the handling) to the mean profile of the procedures on 5 tại chỗ of
    its agency, else of all; a procedure on 5 tại chỗ is left out of its own mean. Also
    whether the agency's procedures were the reference."""
    counts = profile.pivot_table(index="procedure_id", columns="activity", values="n",
                                 aggfunc="sum", fill_value=0)
    counts = counts.reindex(table["procedure_id"], fill_value=0).to_numpy(dtype=float)
    counts = counts / table["n"].to_numpy(dtype=float)[:, None]
    norms = np.linalg.norm(counts, axis=1, keepdims=True)
    unit = counts / np.where(norms > 0, norms, 1.0)
    on = table["on_spot"].to_numpy()
    agency = table["agency"].fillna("").to_numpy()
    similarity = np.zeros(len(table))
    same = np.zeros(len(table), dtype=bool)
    for i in range(len(table)):
        others = on.copy()
        others[i] = False
        local = others & (agency == agency[i])
        reference = local if local.any() else others
        if reference.any():
            centroid = unit[reference].mean(axis=0)
            norm = np.linalg.norm(centroid)
            similarity[i] = unit[i] @ centroid / norm if norm > 0 else 0.0
            same[i] = local.any()
    return pd.Series(similarity, index=table.index), pd.Series(same, index=table.index)


def _reasons(row: dict, contribution: np.ndarray, means: pd.Series, short_legal: float,
             lang: str) -> str:
    """The candidate's reasons in ``lang``: the features pushing its likelihood up (above or
    below the mean of all procedures), strongest first, then a legal time in the shortest
    quarter of the candidates' (``short_legal`` or less) and the waiting 5 tại chỗ would
    remove."""
    words = REASONS[lang]
    values = {**row, "same_agency_vi": REASONS["vi"]["same_agency"] if row["same_agency"]
              else "", "same_agency_en": REASONS["en"]["same_agency"] if row["same_agency"]
              else ""}
    found = []
    for j in np.argsort(-contribution)[:MAX_REASONS]:
        if contribution[j] <= 0:
            break
        feature = LEARNT_FROM[j]
        high, low = words[feature]
        found.append((high if row[feature] >= means[feature] else low).format(**values))
    if pd.notna(row["legal_days"]) and row["legal_days"] <= short_legal:
        found.append(words["legal_days"].format(**values))
    if row["transfer_wait_share"] > 0:
        found.append(words["wait"].format(**values))
    if row["citizen_days_saved_per_year"] >= 1:
        found.append(words["gain"].format(**values))
    return "; ".join(found)
