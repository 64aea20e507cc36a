"""The hand-calibrated model of Bắc Ninh's provincial one-stop centre, 17/5/2017 – 31/8/2023.

``centre_model(seed=…, scale=1.0)`` builds a :class:`~dossierflow.simulation.model.Model` from the
synthetic catalogue (``dossierflow.simulation.sample.catalogue``: 21 agencies, 1,481 procedures,
their reforms) whose run reproduces the article's figures (docs/domain.md header and §3);
``sample_period(full)`` gives the sample's horizon. The synthetic Bắc Ninh sample is a run of the
engine on this model.

**Structure.**

* *Procedures and their reforms.* Every catalogue procedure is one :class:`Procedure`, or one
  per legal version when reforms.csv cuts it (``<id>-v1``, ``-v2`` …, sharing ``log_id`` = the
  catalogue id, each valid from its reform's effective date to the day before the next). A
  dossier gets the version in force on its intake day (the day its legal clock starts), so its
  ``legal_days`` is ``catalogue.legal_days_at(procedure, received_at)``; a procedure moved to
  5 tại chỗ switches from the transfer process to the on-the-spot one on the reform date.
* *Transfer model* (one process per agency and kind: site inspection, consultation, fee,
  express): receive [counter] → digitise (digitised paper dossiers) → transfer_to_agency
  (paper: the courier's batches at 09:30 and 15:00; online or digitised: electronic, at once)
  → assign_handler [division head] → appraise [handler] → (request_supplement, once → the
  citizen's delay in calendar days, legal clock paused → supplement_received → appraise; or
  withdraw) → site_inspection [handler] / consult_agency (another agency's opinion) →
  review_division [division head] → approve_sign [leader] → issue_result [clerk] →
  return_to_centre (paper in the courier's batches; electronic for digitised or fully online
  dossiers) = the on-time reference point → collect_fee (fee-bearing, not paid online, not
  fully online) → deliver_result [counter]. Refusals at intake (reject_intake) close a dossier
  at the counter. Appraisal, inspection and consultation times are a share of the legal time
  left after a reserve for the other steps (``Procedure.duration_scales``).
* *5 tại chỗ*: receive → (digitise) → appraise_approve_on_spot by the agency's delegated
  officers at the centre → collect_fee → deliver_result, minutes to hours, nothing leaves the
  centre; incomplete dossiers are refused with guidance.
* *Apologies*: a dossier whose result will be late gets ``apology_reschedule`` half a working
  day before its due date (Phiếu xin lỗi, docs/domain.md §1.3).
* *Pools per agency*: counter officers at the centre (agencies with under half an officer's
  counter work share the centre's own counter, ``PASC_PROV``), clerks, case handlers (each
  keeping ``HANDLER_FILES`` files open), division heads, department leaders and, for agencies
  with 5 tại chỗ procedures, delegated officers. Staff are planned per half-year from the
  expected work (``dossierflow.simulation.pool_sizing``), with extra delegated officers from
  the day a procedure moves to 5 tại chỗ and every pool reinforced over the surge before Tết.
* *No weekend counters* and no out-of-hours intake by default: docs/domain.md §2's Sunday
  service and out-of-hours practices are commune-level ones of 2025, and docs/domain.md §1.2 has
  online dossiers wait as "mới đăng ký" until an officer receives them in office hours (the
  legal clock then starts). ``out_of_hours_online=True`` lets the counters receive online
  dossiers at once.
* *Dossier numbers*: ``<agency code>-<yymmdd>-<nnnn>`` (e.g. ``SGTVT-230512-0007``): the
  agency's code of agencies.csv, the day of submission, the agency's sequence that day.

**Calibrated parameters** (minutes are working minutes of the 07:30–11:30, 13:30–17:00 office
day, 450 to a legal day; [I] = our inference, [GK] = general knowledge, as in docs/domain.md):

========================  ==============================  =========================================
parameter                 value                           why
========================  ==============================  =========================================
VOLUME                    0.907 dossier a year per unit   catalogue weights add up to 92,000 a year;
                          of ``demand_weight``            with TREND this gives ~556,000 accepted
                                                          dossiers in the full run (> 552,000)
TREND                     0.88 (5/2017) → 1.14 (8/2023);  +30 % over six years as services and
                          ×0.60 1–22/4/2020;              businesses grew [I]; the April 2020
                          ×0.78 10/5–21/6/2021            nationwide distancing and the May–June
                                                          2021 Bắc Ninh outbreak [GK]
WEEKDAY                   1.20 1.05 1.00 1.00 0.85, 0 0   Monday peak, Friday lower; no weekend
                                                          counters (see above)
MONTHS                    1.05 .90 1.05 1 1 .95 .95 .95   year-end and January rushes, February
                          1 1 1.05 1.10                   (Tết) and summer lows [I]
TET_SURGE / _LULL         ×1.35 for 14 days before the    the rush to finish before Tết and the
                          break; ×0.35 in it and 5 days   quiet after it [I]
                          after
ONLINE_UPTAKE             0.04 (2017) → 0.22 (9/12/2019,  online submission grew with the national
                          DVCQG) → 0.50 (2021) → 1.0      portal (live 9/12/2019 [GK]) and COVID;
                          (2023) of each procedure's      fraction of the 2023 level
                          2023 level
ONLINE_LEVEL              full 0.638, partial 0.442,      calibrated: 3.3 = 53.62 % in the 766
                          none 0                          period
AGENCY_ONLINE             DPI 1.35, tax 1.30, social      business registration, tax and social
                          insurance 1.20, justice 1.10,   insurance run their own portals; land and
                          land 0.70, police 0.80,         transport dossiers need originals [I]
                          construction/transport 0.90
ONLINE_AFFINITY_SD        0.30 (log scale, seeded)        procedures of one level still differ [I]
FULLY_ONLINE              0 → 0.17 (2023) of the online   online_full ≈ 6.6 % of all dossiers, kept
                          dossiers of "full" procedures   apart from online_partial; Bắc Ninh was
                                                          < 10 % fully online in 2024 (docs/domain.md §3)
POSTAL                    1.5 % of paper dossiers         public post is marginal [I]
DIGITISED                 0 until 2021; 0.11 (3/2022),    digitisation at intake from ND 107/2021,
                          0.43 (1/8/2022), 0.63           the 766 index (1/8/2022), TT 01/2023
                          (5/4/2023), 0.69 (8/2023)       (5/4/2023); calibrated: 4.2 = 57.62 %
PAID_ONLINE               0 until 6/2020 → 0.24 (8/2022)  online payment through the national portal
                          → 0.36 (8/2023), fee-bearing    from 2020 [GK]; no target (3.5 ≈ 30 %)
RESERVE_DAYS              1.0 day (0.5 under 3 days)      legal time kept for courier batches,
                                                          queues, review, signature and return
SHARES                    appraise 0.30 of the rest       the handler's part of the remaining
                          (0.20 with inspection or        budget; with APPRAISE_CV calibrated to
                          consultation, 0.15 with both);  2.1 = 99.5 % on time
                          inspection 0.10 (0.08);
                          consultation 0.12 (0.10)
APPRAISE_CV               0.56 (lognormal)                the tail that makes ~0.5 % of dossiers
                                                          late
RE_APPRAISE               0.08 of the budget              checking a supplement is quicker [I]
counter steps             receive 12±7, digitise 10±5,    counter practice [I]
                          refuse 6±3, fee 5±2, deliver
                          5±3, electronic transfer 3
courier                   09:30 and 15:00 batches, trip   docs/domain.md §1.2 (paper the same day, or the
                          25–50 min; a 10–20 min runner   next morning after 15:00); short
                          for procedures under 3 days     procedures cannot wait for the courier [I]
back office               assign 6±3, review 20±12,       [I]
                          sign 15±8, issue 10±5
ON_SPOT_MINUTES           40±22                           5 tại chỗ: minutes to hours (docs/domain.md §2)
P_REJECT                  1.5 % (5 tại chỗ 0.8 %)         refusals are rare [I]
P_SUPPLEMENT              6 % (10 % with inspection or    a supplement may be asked once only
                          consultation), at most once     (61/2018, docs/domain.md §1.5) [I for rates]
P_WITHDRAW                12 % of supplement requests     [I]
SUPPLEMENT_DAYS           5±4 calendar days (withdrawal   the citizen's delay, paused out of the
                          7±5)                            legal time (docs/domain.md §1.5)
SAME_DAY_CUTOFF           15:00                           "trong ngày" dossiers received later are
                                                          due the next working day (docs/domain.md §7 #21)
HANDLER_FILES             4 files open per handler        a handler works several files in turn [I]
UTILISATION               counter .72, clerk .70,         60–85 % busy where the work allows;
                          handler .75, division .72,      PEAK_UTILISATION .85 caps the busiest
                          leader .70, delegated .60       month; delegated officers lower for
                                                          same-day deadlines
SHARED_COUNTER_BELOW      0.5 officer                     small agencies are received by the
                                                          centre's own officers [I]
========================  ==============================  =========================================

**Measurement periods** (``dossierflow.simulation.sample.centre_calibration``): dossiers, 5 tại
chỗ dossiers and 2.1 over the dossiers accepted at intake and received 17/5/2017 – 31/8/2023
(766 rule: result ready ≤ due date, the supplement pause added to the due date); 3.3 and 4.2
over those received 1/8/2022 – 31/8/2023, the national 766 system's first period
(docs/domain.md §1.1); procedures cut: distinct procedures of reforms.csv (880; 842 of the cuts
are effective by 31/8/2023).
Utilisation can only be realistic where the work allows: single officers of small agencies
(the Foreign Affairs department receives about one dossier a day) stay less busy.
"""

from __future__ import annotations

import zlib
from pathlib import Path

import numpy as np
import pandas as pd

from dossierflow.mining.vocabulary import CHANNELS, ONLINE_CHANNELS
from dossierflow.simulation.engine import tet_breaks
from dossierflow.simulation.model import (
    ArrivalProfile,
    BatchSchedule,
    CalendarSpec,
    Deadlines,
    Duration,
    Model,
    Procedure,
    Process,
    ResourcePool,
    Step,
    Transition,
    interpolate_points,
)
from dossierflow.simulation.pool_sizing import daily_loads, period_loads
from dossierflow.simulation.sample import catalogue

SEED = 20170517

# -- periods -----------------------------------------------------------------------------------
OPENED = "2017-05-17"            # the centre opened (docs/domain.md timeline, V:S29)
CUT_OFF = "2023-09-01"           # the article's figures run to 31/8/2023 (end exclusive)
SAMPLE_START = "2022-09-01"      # the default sample: one year, 1/9/2022 – 31/8/2023
INDEX_START = "2022-08-01"       # the national 766 system went live (docs/domain.md §1.1, V:S6,S7)

# -- demand --------------------------------------------------------------------------------------
WORKING_DAYS_PER_YEAR = 248.0    # Mon–Fri minus the 11 statutory days off
VOLUME = 0.907                   # dossiers per unit of demand_weight per year (calibrated)
TREND = {                        # demand multiplier over the years
    "2017-05-17": 0.88, "2018-07-01": 0.94, "2019-07-01": 0.99,
    "2020-03-31": 1.01, "2020-04-01": 0.60, "2020-04-22": 0.60, "2020-05-06": 1.01,
    "2021-05-03": 1.04, "2021-05-10": 0.78, "2021-06-21": 0.78, "2021-07-05": 1.05,
    "2022-07-01": 1.09, "2023-08-31": 1.14,
}
WEEKDAY = [1.20, 1.05, 1.00, 1.00, 0.85, 0.0, 0.0]
MONTHS = [1.05, 0.90, 1.05, 1.00, 1.00, 0.95, 0.95, 0.95, 1.00, 1.00, 1.05, 1.10]
TET_SURGE, TET_SURGE_DAYS, TET_LULL, TET_LULL_DAYS_AFTER = 1.35, 14, 0.35, 5

# -- channels, digitisation, payment -------------------------------------------------------------
# uptake of online submission, as a fraction of each procedure's 2023 level
ONLINE_UPTAKE = {
    "2017-05-17": 0.04, "2018-01-01": 0.07, "2019-01-01": 0.13, "2019-12-09": 0.22,
    "2020-04-01": 0.35, "2021-01-01": 0.50, "2021-07-01": 0.65, "2022-01-01": 0.80,
    "2022-08-01": 0.93, "2023-01-01": 1.00, "2023-08-31": 1.06,
}
ONLINE_LEVEL = {"full": 0.638, "partial": 0.442, "none": 0.0}   # 2023 online share (calibrated)
FULLY_ONLINE = {                 # share of online dossiers of a "full" procedure done toàn trình
    "2017-05-17": 0.00, "2019-12-09": 0.03, "2020-04-01": 0.06, "2021-07-01": 0.10,
    "2022-08-01": 0.14, "2023-08-31": 0.17,
}
ONLINE_AFFINITY_SD = 0.30        # per-procedure spread of the online share (log scale)
AGENCY_ONLINE = {                # [I] agencies whose dossiers go online more or less than usual
    "DEPT_PLAN_INVEST": 1.35, "VERT_TAX": 1.30, "VERT_SOCIAL_INS": 1.20, "DEPT_JUSTICE": 1.10,
    "DEPT_NATRES": 0.70, "VERT_POLICE": 0.80, "DEPT_CONSTRUCTION": 0.90, "DEPT_TRANSPORT": 0.90,
}
MAX_ONLINE = 0.95
POSTAL = 0.015                   # share of paper dossiers sent by public post
DIGITISED = {                    # dossiers with digitised components and an e-result
    "2017-05-17": 0.0, "2021-12-31": 0.0, "2022-03-01": 0.11, "2022-08-01": 0.43,
    "2023-04-05": 0.63, "2023-08-31": 0.69,
}
PAID_ONLINE = {                  # fee-bearing dossiers paid online
    "2017-05-17": 0.0, "2020-06-30": 0.0, "2021-01-01": 0.06, "2022-01-01": 0.16,
    "2022-08-01": 0.24, "2023-08-31": 0.36,
}

# -- process timings (working minutes; 450 a legal day) -----------------------------------------
DAY = 450.0
RESERVE_DAYS = 1.0               # legal time kept for the steps around the appraisal (paper)
EXPRESS_RESERVE_DAYS = 0.5       # … for procedures under 3 days (a runner, no batches)
EXPRESS_BELOW = 3.0
SHARES = {                       # fractions of the remaining budget: appraise, site, consult
    (False, False): (0.30, 0.0, 0.0), (True, False): (0.20, 0.10, 0.0),
    (False, True): (0.20, 0.0, 0.12), (True, True): (0.15, 0.08, 0.10),
}
RE_APPRAISE = 0.08               # appraisal of the supplement, fraction of the budget
APPRAISE_CV = 0.56
P_REJECT, P_REJECT_ON_SPOT = 0.015, 0.008
P_SUPPLEMENT, P_SUPPLEMENT_COMPLEX = 0.06, 0.10
P_WITHDRAW = 0.12                # of supplement requests
SUPPLEMENT_DAYS = (5.0, 4.0)     # citizen's delay, calendar days (mean, sd)
WITHDRAW_DAYS = (7.0, 5.0)
ON_SPOT_MINUTES = (40.0, 22.0)
SAME_DAY_CUTOFF = "15:00"
PAPER_RELEASES = ["09:30", "15:00"]
HANDLER_FILES = 4                # dossiers a handler keeps open at once
PEAK_UTILISATION = 0.85         # no month busier than this
UTILISATION = {"counter": 0.72, "clerk": 0.70, "handler": 0.75, "division": 0.72,
               "leader": 0.70, "on_spot": 0.60}
ROLES = {"counter": ("counter_officer", "MC"), "clerk": ("clerk", "VT"),
         "handler": ("handler", "CV"), "division": ("division_head", "TP"),
         "leader": ("dept_leader", "GD"), "on_spot": ("handler", "UQ")}

SHARED_COUNTER_BELOW = 0.5      # counter work (officers) under which an agency uses the centre's
CENTRE, CENTRE_CODE = "PASC_PROV", "TTHCC"

ONLINE = list(ONLINE_CHANNELS)
PAPER = [c for c in CHANNELS if c not in ONLINE_CHANNELS]
NOT_FULL = [c for c in CHANNELS if c != "online_full"]


def sample_period(full: bool = False) -> tuple[pd.Timestamp, pd.Timestamp]:
    """(first day, day after the last) of the sample: 1/9/2022 – 31/8/2023, or with ``full``
    the whole history 17/5/2017 – 31/8/2023 (local dates; the end is exclusive)."""
    return pd.Timestamp(OPENED if full else SAMPLE_START), pd.Timestamp(CUT_OFF)


# -- durations -----------------------------------------------------------------------------------

def _ln(mean: float, sd: float, **kw) -> Duration:
    return Duration(kind="lognormal", mean=float(mean), sd=float(sd), **kw)


def _calendar_days(mean_days: float, sd_days: float) -> Duration:
    return Duration(kind="lognormal", mean=mean_days * 1440.0, sd=sd_days * 1440.0,
                    minimum=60.0, basis="calendar")


# -- processes -----------------------------------------------------------------------------------

def pool_name(agency: str, kind: str) -> str:
    return f"{agency}.{kind}"


def transfer_process(agency: str, *, site: bool, consult: bool, fee: bool,
                     express: bool) -> Process:
    """The transfer model of one agency: receive at the centre → digitise (digitised paper
    dossiers) → transfer_to_agency (paper in batches, electronic at once) → assign_handler →
    appraise [→ request_supplement → supplement_received | withdraw → appraise] [→
    site_inspection] [→ consult_agency] → review_division → approve_sign → issue_result →
    return_to_centre (paper in batches) → collect_fee (fee-bearing, not paid online) →
    deliver_result. Appraisal, site inspection and consultation last one *budget day* here;
    each procedure scales them (``Procedure.duration_scales``) to its legal time."""
    flags = "".join(f"-{name}" for name, on in (("site", site), ("consult", consult),
                                                ("fee", fee), ("express", express)) if on)
    return Process(id=f"{agency}.transfer{flags}",
                   steps=_transfer_steps(agency, site=site, consult=consult, express=express),
                   transitions=_transfer_transitions(site=site, consult=consult, fee=fee),
                   result_step=None)


def _after_appraisal(site: bool, consult: bool) -> str:
    return "site_inspection" if site else "consult_agency" if consult else "review_division"


def _transfer_steps(agency: str, *, site: bool, consult: bool, express: bool) -> list[Step]:
    counter, clerk, handler = (pool_name(agency, k) for k in ("counter", "clerk", "handler"))
    division, leader = pool_name(agency, "division"), pool_name(agency, "leader")
    appraise_share, site_share, consult_share = SHARES[(site, consult)]
    paper_batch = None if express else "paper_courier"
    # the scheduled courier's trip, or a runner's for procedures of under three days
    courier = (Duration(kind="uniform", low=10, high=20) if express
               else Duration(kind="uniform", low=25, high=50))
    steps = [
        Step(id="receive", duration=_ln(12, 7, minimum=2), pool=counter),
        Step(id="reject_intake", duration=_ln(6, 3, minimum=1), pool=counter),
        Step(id="digitise", duration=_ln(10, 5, minimum=2), pool=counter),
        Step(id="transfer_paper", activity="transfer_to_agency", duration=courier, pool=clerk,
             batch=paper_batch),
        Step(id="transfer_electronic", activity="transfer_to_agency",
             duration=_ln(3, 1.5, minimum=0.5), pool=counter),
        Step(id="assign_handler", duration=_ln(6, 3, minimum=1), pool=division),
        Step(id="appraise", duration=_ln(appraise_share * DAY, APPRAISE_CV * appraise_share * DAY),
             pool=handler),
        Step(id="request_supplement", duration=_ln(20, 10, minimum=3), pool=handler,
             max_visits=1),
        Step(id="supplement_received", duration=_calendar_days(*SUPPLEMENT_DAYS)),
        Step(id="withdraw", duration=_calendar_days(*WITHDRAW_DAYS), pauses_legal_clock=True),
        Step(id="appraise_supplement", activity="appraise",
             duration=_ln(RE_APPRAISE * DAY, 0.6 * RE_APPRAISE * DAY), pool=handler),
    ]
    if consult:
        steps.append(Step(id="consult_agency",
                          duration=_ln(consult_share * DAY, 0.6 * consult_share * DAY)))
    if site:
        steps.append(Step(id="site_inspection",
                          duration=_ln(site_share * DAY, 0.5 * site_share * DAY), pool=handler))
    steps += [
        Step(id="review_division", duration=_ln(20, 12, minimum=2), pool=division),
        Step(id="approve_sign", duration=_ln(15, 8, minimum=2), pool=leader),
        Step(id="issue_result", duration=_ln(10, 5, minimum=1), pool=clerk),
        Step(id="return_paper", activity="return_to_centre", duration=courier, pool=clerk,
             batch=paper_batch),
        Step(id="return_electronic", activity="return_to_centre",
             duration=_ln(3, 1.5, minimum=0.5), pool=clerk),
        Step(id="collect_fee", duration=_ln(5, 2, minimum=1), pool=counter),
        Step(id="deliver_result", duration=_ln(5, 3, minimum=1), pool=counter),
    ]
    return steps


def _transfer_transitions(*, site: bool, consult: bool, fee: bool) -> list[Transition]:
    after_appraisal = _after_appraisal(site, consult)
    p_supp = P_SUPPLEMENT_COMPLEX if (site or consult) else P_SUPPLEMENT
    keep = 1.0 - P_REJECT
    t = Transition
    transitions = [
        t(source="start", target="receive"),
        t(source="receive", target="reject_intake", probability=P_REJECT),
        t(source="receive", target="digitise", probability=keep, channels=PAPER, digitised=True),
        t(source="receive", target="transfer_paper", probability=keep, channels=PAPER,
          digitised=False),
        t(source="receive", target="transfer_electronic", probability=keep, channels=ONLINE),
        t(source="reject_intake", target="end"),
        t(source="digitise", target="transfer_electronic"),
        t(source="transfer_paper", target="assign_handler"),
        t(source="transfer_electronic", target="assign_handler"),
        t(source="assign_handler", target="appraise"),
        t(source="appraise", target="request_supplement", probability=p_supp),
        t(source="appraise", target=after_appraisal, probability=1.0 - p_supp),
        t(source="request_supplement", target="supplement_received", probability=1 - P_WITHDRAW),
        t(source="request_supplement", target="withdraw", probability=P_WITHDRAW),
        t(source="withdraw", target="end"),
        t(source="supplement_received", target="appraise_supplement"),
        t(source="appraise_supplement", target=after_appraisal),
    ]
    if site:
        transitions.append(t(source="site_inspection",
                             target="consult_agency" if consult else "review_division"))
    if consult:
        transitions.append(t(source="consult_agency", target="review_division"))
    transitions += [
        t(source="review_division", target="approve_sign"),
        t(source="approve_sign", target="issue_result"),
        # the result goes back on paper unless the dossier is digitised or fully online
        t(source="issue_result", target="return_electronic", digitised=True),
        t(source="issue_result", target="return_electronic", digitised=False,
          channels=["online_full"]),
        t(source="issue_result", target="return_paper", digitised=False, channels=NOT_FULL),
    ]
    return transitions + _fee_and_delivery(["return_paper", "return_electronic"], fee)


def _fee_and_delivery(sources: list[str], fee: bool) -> list[Transition]:
    t = Transition
    out = [t(source="collect_fee", target="deliver_result"),
           t(source="deliver_result", target="end")]
    for source in sources:
        if fee:
            out += [t(source=source, target="collect_fee", channels=NOT_FULL, paid_online=False),
                    t(source=source, target="deliver_result", channels=NOT_FULL,
                      paid_online=True),
                    t(source=source, target="deliver_result", channels=["online_full"])]
        else:
            out.append(t(source=source, target="deliver_result"))
    return out


def on_spot_process(agency: str, *, fee: bool) -> Process:
    """5 tại chỗ: receive → (digitise) → appraise_approve_on_spot by the agency's delegated
    officers at the centre → collect_fee (fee-bearing, not paid online) → deliver_result, all
    at the centre, in minutes to hours. Incomplete dossiers are refused at intake with
    guidance (no supplement loop)."""
    counter, spot = pool_name(agency, "counter"), pool_name(agency, "on_spot")
    steps = [
        Step(id="receive", duration=_ln(12, 7, minimum=2), pool=counter),
        Step(id="reject_intake", duration=_ln(6, 3, minimum=1), pool=counter),
        Step(id="digitise", duration=_ln(10, 5, minimum=2), pool=counter),
        Step(id="appraise_approve_on_spot", duration=_ln(*ON_SPOT_MINUTES, minimum=5),
             pool=spot),
        Step(id="collect_fee", duration=_ln(5, 2, minimum=1), pool=counter),
        Step(id="deliver_result", duration=_ln(5, 3, minimum=1), pool=counter),
    ]
    keep = 1.0 - P_REJECT_ON_SPOT
    t = Transition
    transitions = [
        t(source="start", target="receive"),
        t(source="receive", target="reject_intake", probability=P_REJECT_ON_SPOT),
        t(source="receive", target="digitise", probability=keep, channels=PAPER, digitised=True),
        t(source="receive", target="appraise_approve_on_spot", probability=keep, channels=PAPER,
          digitised=False),
        t(source="receive", target="appraise_approve_on_spot", probability=keep,
          channels=ONLINE),
        t(source="reject_intake", target="end"),
        t(source="digitise", target="appraise_approve_on_spot"),
    ]
    transitions += _fee_and_delivery(["appraise_approve_on_spot"], fee)
    return Process(id=f"{agency}.five_on_spot{'-fee' if fee else ''}", steps=steps,
                   transitions=transitions, result_step="appraise_approve_on_spot")


# -- procedures ----------------------------------------------------------------------------------

def _rng(seed: int, key: str) -> np.random.Generator:
    return np.random.default_rng([seed, zlib.crc32(key.encode("utf-8"))])


def _channel_points(level: str, affinity: float) -> dict[str, dict[str, float]]:
    """Channel shares at the dates of ONLINE_UPTAKE (and FULLY_ONLINE)."""
    top = min(ONLINE_LEVEL[level] * affinity, MAX_ONLINE)
    dates = sorted(set(ONLINE_UPTAKE) | set(FULLY_ONLINE))
    days = np.array(dates, dtype="datetime64[D]")
    uptake = interpolate_points(ONLINE_UPTAKE, days)
    full = interpolate_points(FULLY_ONLINE, days) if level == "full" else np.zeros(len(days))
    points = {}
    for d, u, f in zip(dates, uptake.tolist(), full.tolist()):
        online = min(top * u, MAX_ONLINE)
        paper = 1.0 - online
        shares = {"in_person": paper * (1 - POSTAL), "online_full": online * f,
                  "online_partial": online * (1 - f), "public_postal": paper * POSTAL}
        shares = {c: round(v, 6) for c, v in shares.items()}
        shares["in_person"] = round(1.0 - sum(v for c, v in shares.items() if c != "in_person"),
                                    6)
        points[d] = shares
    return points


def _versions(legal_days: float, cuts: list[tuple]) -> list[dict]:
    """The legal versions of a catalogue procedure (active_from, active_until, legal_days,
    model), oldest first; ``cuts`` are its reforms (effective_date, old_legal_days,
    new_legal_days, kind) sorted by date."""
    if not cuts:
        return [dict(active_from=None, active_until=None, legal_days=float(legal_days),
                     model="transfer")]
    out = []
    previous = None
    legal = float(cuts[0][1])
    model = "transfer"
    for start, _, new, kind in cuts:
        out.append(dict(active_from=previous, active_until=(start - pd.Timedelta(days=1)),
                        legal_days=legal, model=model))
        previous, legal = start, float(new)
        model = "five_on_spot" if kind == "five_on_spot" else model
    out.append(dict(active_from=previous, active_until=None, legal_days=legal, model=model))
    return out


def duration_scales(legal_days: float, site: bool, consult: bool) -> tuple[dict[str, float], bool]:
    express = legal_days < EXPRESS_BELOW
    reserve = EXPRESS_RESERVE_DAYS if express else RESERVE_DAYS
    budget = max(legal_days - reserve, 0.2)
    scales = {"appraise": budget, "appraise_supplement": budget}
    if site:
        scales["site_inspection"] = budget
    if consult:
        scales["consult_agency"] = budget
    return {k: round(v, 4) for k, v in scales.items()}, express


def _iso(day) -> str | None:
    return None if day is None or pd.isna(day) else pd.Timestamp(day).strftime("%Y-%m-%d")


def centre_model(*, seed: int = SEED, scale: float = 1.0,
                 catalogue_dir: str | Path = catalogue.CATALOGUE_DIR,
                 out_of_hours_online: bool = False) -> Model:
    """The hand-calibrated model of Bắc Ninh's provincial centre, 2017–2023 (see the module
    docstring for every parameter and why).

    ``seed`` draws the per-procedure spread of online use; ``scale`` multiplies all arrivals
    (pools are sized on the scaled work, at least one officer each); ``out_of_hours_online``
    lets the counters receive online dossiers at once while the office is closed (off by
    default: docs/domain.md §1.2, online dossiers wait as "mới đăng ký" until office hours).
    """
    if scale <= 0:
        raise ValueError("scale must be positive")
    agencies = catalogue.agencies(catalogue_dir)
    agencies = agencies[agencies["in_centre_2017_2023"]]
    procs = catalogue.procedures(catalogue_dir)
    cuts_of = _cuts_of(catalogue.reforms(catalogue_dir))

    processes: dict[tuple, Process] = {}
    procedures: list[Procedure] = []
    used_pools: set[tuple[str, str]] = set()
    for row in procs.itertuples(index=False):
        pid, agency = str(row.procedure_id), str(row.agency_id)
        fee = int(row.fee) > 0
        level = str(row.online_level)
        rng = _rng(seed, pid)
        affinity = AGENCY_ONLINE.get(agency, 1.0) * float(
            np.exp(rng.normal(0.0, ONLINE_AFFINITY_SD) - ONLINE_AFFINITY_SD ** 2 / 2))
        channel_points = _channel_points(level, affinity)
        arrivals = ArrivalProfile(
            per_working_day=round(float(row.demand_weight) * VOLUME * scale
                                  / WORKING_DAYS_PER_YEAR, 6),
            weekday_weights=list(WEEKDAY), month_weights=list(MONTHS),
            tet_surge=TET_SURGE, tet_surge_days=TET_SURGE_DAYS, tet_lull=TET_LULL,
            tet_lull_days_after=TET_LULL_DAYS_AFTER, trend=dict(TREND))
        versions = _versions(row.legal_days, cuts_of.get(pid, []))
        site, consult = bool(row.needs_site_inspection), bool(row.inter_agency)
        for k, v in enumerate(versions, start=1):
            process, scales = _version_process(agency, v, site=site, consult=consult, fee=fee,
                                               processes=processes, used_pools=used_pools)
            last = list(channel_points.values())[-1]
            procedures.append(Procedure(
                id=pid if len(versions) == 1 else f"{pid}-v{k}",
                log_id=None if len(versions) == 1 else pid,
                name=str(row.name_vi), agency=agency, legal_days=v["legal_days"],
                model=v["model"], process=process.id, arrivals=arrivals,
                channels=dict(last), channels_over_time=channel_points,
                p_digitised=DIGITISED[max(DIGITISED)], p_digitised_over_time=dict(DIGITISED),
                p_paid_online=PAID_ONLINE[max(PAID_ONLINE)] if fee else 0.0,
                p_paid_online_over_time=dict(PAID_ONLINE) if fee else None,
                fee=float(row.fee), active_from=_iso(v["active_from"]),
                active_until=_iso(v["active_until"]), duration_scales=scales))

    codes = dict(zip(agencies["agency_id"].astype(str), agencies["code"].astype(str)))
    pools = [ResourcePool(id=pool_name(a, kind), agency=a, role=ROLES[kind][0], capacity=1,
                          concurrency=HANDLER_FILES if kind == "handler" else 1,
                          out_of_hours=list(ONLINE) if out_of_hours_online and kind == "counter"
                          else [])
             for a in codes for kind in ROLES if (a, kind) in used_pools]
    model = Model(
        name="Bắc Ninh provincial public-administration centre 2017–2023 (hand-calibrated)",
        procedures=procedures, processes=list(processes.values()), pools=pools,
        batches=[BatchSchedule(id="paper_courier", release_times=list(PAPER_RELEASES),
                               paper_only=True)],
        calendar=CalendarSpec(),
        deadlines=Deadlines(apology=True, apology_lead_days=0.5,
                            same_day_cutoff=SAME_DAY_CUTOFF),
        agency_codes=codes)
    daily = daily_loads(model, OPENED, CUT_OFF)
    daily = _share_small_counters(model, daily)
    _size_pools(model, daily)
    return model.validate()


def _cuts_of(reforms: pd.DataFrame) -> dict[str, list[tuple]]:
    """Per procedure: its reforms (effective date, old and new legal days, kind) in order."""
    reforms = reforms.sort_values(["procedure_id", "effective_date"])
    cuts_of: dict[str, list[tuple]] = {}
    for pid, day, old, new, kind in zip(reforms["procedure_id"].astype(str),
                                        reforms["effective_date"], reforms["old_legal_days"],
                                        reforms["new_legal_days"], reforms["kind"].astype(str)):
        cuts_of.setdefault(pid, []).append((day, old, new, kind))
    return cuts_of


def _version_process(agency: str, version: dict, *, site: bool, consult: bool, fee: bool,
                     processes: dict[tuple, Process], used_pools: set[tuple[str, str]]
                     ) -> tuple[Process, dict[str, float] | None]:
    """The shared process of one version of a procedure (made on first use) and its duration
    scales; the pools it uses are added to ``used_pools``."""
    if version["model"] == "five_on_spot":
        key: tuple = (agency, "five_on_spot", fee)
        if key not in processes:
            processes[key] = on_spot_process(agency, fee=fee)
        used_pools.update({(agency, "counter"), (agency, "on_spot")})
        return processes[key], None
    scales, express = duration_scales(version["legal_days"], site, consult)
    key = (agency, "transfer", site, consult, fee, express)
    if key not in processes:
        processes[key] = transfer_process(agency, site=site, consult=consult, fee=fee,
                                          express=express)
    used_pools.update((agency, kind) for kind in
                      ("counter", "clerk", "handler", "division", "leader"))
    return processes[key], scales


def _share_small_counters(model: Model, daily: pd.DataFrame) -> pd.DataFrame:
    """Agencies with too little counter work for one officer of their own are served by the
    centre's own counter officers (pool ``PASC_PROV.counter``); returns the daily loads with
    their counter columns merged into it."""
    working = (daily.index.day_of_week < 5).sum()
    small = [p for p in model.pools if p.id.endswith(".counter")
             and daily[p.id].sum() / working < SHARED_COUNTER_BELOW * DAY * UTILISATION["counter"]]
    if not small:
        return daily
    shared = ResourcePool(id=pool_name(CENTRE, "counter"), agency=CENTRE, role="counter_officer",
                          capacity=1, out_of_hours=list(small[0].out_of_hours))
    moved = {p.id for p in small}
    for process in model.processes:
        for step in process.steps:
            if step.pool in moved:
                step.pool = shared.id
    model.pools = [p for p in model.pools if p.id not in moved] + [shared]
    model.agency_codes.setdefault(CENTRE, CENTRE_CODE)
    daily = daily.assign(**{shared.id: daily[sorted(moved)].sum(axis=1)})
    return daily.drop(columns=sorted(moved))


def staffing_plan(model: Model, daily: pd.DataFrame | None = None) -> dict[str, pd.DataFrame]:
    """Servers of each pool over periods: half-years (the first from the opening), and for the
    5 tại chỗ officers also each date on which one of the agency's procedures moves to the
    centre. Per period: nearest to UTILISATION over the period's mean work per working day,
    but enough to keep its busiest month at or below PEAK_UTILISATION, and at least one.
    Returns per pool a frame indexed by period start with ``mean``, ``peak``, ``servers``."""
    if daily is None:
        daily = daily_loads(model, OPENED, CUT_OFF)
    halves = [pd.Timestamp(OPENED)] + list(pd.date_range("2017-07-01", CUT_OFF, freq="6MS"))
    moves: dict[str, set] = {}
    for p in model.procedures:
        if p.model == "five_on_spot" and p.active_from:
            moves.setdefault(p.agency, set()).add(pd.Timestamp(p.active_from))
    plan = {}
    for pool in model.pools:
        kind = pool.id.rsplit(".", 1)[1]
        breaks = halves + sorted(d for d in moves.get(pool.agency, ())
                                 if kind == "on_spot" and d < pd.Timestamp(CUT_OFF))
        loads = period_loads(daily[pool.id], breaks)
        per_server = DAY * pool.concurrency
        nearest = np.round(loads["mean"] / (per_server * UTILISATION[kind]))
        needed = np.ceil(loads["peak"] / (per_server * PEAK_UTILISATION) - 1e-9)
        loads["servers"] = np.maximum(1, np.maximum(nearest, needed)).astype(int)
        plan[pool.id] = loads
    return plan


def _size_pools(model: Model, daily: pd.DataFrame) -> None:
    """Capacities and half-yearly staffing changes from :func:`staffing_plan` (the first
    half-year starts when the centre opened), with every pool reinforced by TET_SURGE over
    the surge before each Tết break."""
    plan = staffing_plan(model, daily)
    breaks = [(first - pd.Timedelta(days=TET_SURGE_DAYS), first)
              for first, _ in tet_breaks(model, 2017, 2023)
              if pd.Timestamp(OPENED) <= first - pd.Timedelta(days=TET_SURGE_DAYS)]
    for pool in model.pools:
        starts = list(plan[pool.id].index)
        servers = plan[pool.id]["servers"].tolist()
        staff = dict(zip(starts, servers))
        for surge, tet in breaks:
            normal = servers[int(np.searchsorted(starts, surge, side="right")) - 1]
            staff[surge] = int(np.ceil(normal * TET_SURGE))
            staff[tet] = normal
        days = sorted(staff)
        pool.capacity = staff[days[0]]
        changes = {f"{d:%Y-%m-%d}": staff[d] for d, before in zip(days[1:], days[:-1])
                   if staff[d] != staff[before]}
        pool.capacity_changes = changes or None
        code = model.agency_codes.get(pool.agency, pool.agency)
        kind = pool.id.rsplit(".", 1)[1]
        pool.names = [f"{code}-{ROLES[kind][1]}-{k + 1:02d}" for k in range(pool.max_capacity)]
