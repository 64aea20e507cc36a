"""Discovery through pm4py from the aggregated DFG, and conformance to the normative flow."""

from __future__ import annotations

import dataclasses
import math
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from dossierflow.mining import import_log, prepare
from dossierflow.mining.analysis.conformance import RULES, conformance, normative_flow
from dossierflow.mining.analysis.discovery import directly_follows, discover, quiet
from dossierflow.mining.log.log_view import LogView

ROOT = Path(__file__).resolve().parents[1]

# OK1 and SPOT follow the normative flow of their model (transfer, 5 tại chỗ); each other
# dossier breaks exactly one rule: SUP2 two supplement requests, EARLY delivered before its
# approval (after the return to the centre), NORET delivered with no return from the agency,
# LEFT a 5 tại chỗ dossier sent to an agency.
LOG = """
case_id,activity,timestamp,model
OK1,submit_online,2024-03-04 07:00,Chuyển sở
OK1,receive,2024-03-04 08:00,
OK1,request_supplement,2024-03-04 08:30,
OK1,supplement_received,2024-03-04 10:00,
OK1,transfer_to_agency,2024-03-04 11:00,
OK1,appraise,2024-03-05 09:00,
OK1,approve_sign,2024-03-05 10:00,
OK1,return_to_centre,2024-03-05 11:00,
OK1,deliver_result,2024-03-06 08:00,
SUP2,receive,2024-03-04 08:00,Chuyển sở
SUP2,request_supplement,2024-03-04 09:00,
SUP2,supplement_received,2024-03-05 08:00,
SUP2,transfer_to_agency,2024-03-05 09:00,
SUP2,appraise,2024-03-05 10:00,
SUP2,request_supplement,2024-03-05 11:00,
SUP2,supplement_received,2024-03-06 08:00,
SUP2,approve_sign,2024-03-06 09:00,
SUP2,return_to_centre,2024-03-06 10:00,
SUP2,deliver_result,2024-03-06 11:00,
EARLY,receive,2024-03-04 08:00,Chuyển sở
EARLY,transfer_to_agency,2024-03-04 09:00,
EARLY,appraise,2024-03-05 09:00,
EARLY,return_to_centre,2024-03-05 10:00,
EARLY,deliver_result,2024-03-05 11:00,
EARLY,approve_sign,2024-03-05 14:00,
NORET,receive,2024-03-04 08:00,Chuyển sở
NORET,transfer_to_agency,2024-03-04 09:00,
NORET,appraise,2024-03-05 09:00,
NORET,approve_sign,2024-03-05 10:00,
NORET,deliver_result,2024-03-05 11:00,
SPOT,receive,2024-03-04 08:00,5 tại chỗ
SPOT,appraise_approve_on_spot,2024-03-04 09:00,
SPOT,collect_fee,2024-03-04 09:30,
SPOT,deliver_result,2024-03-04 10:00,
LEFT,receive,2024-03-04 08:00,5 tại chỗ
LEFT,transfer_to_agency,2024-03-04 09:00,
LEFT,appraise_approve_on_spot,2024-03-05 09:00,
LEFT,return_to_centre,2024-03-05 10:00,
LEFT,deliver_result,2024-03-05 11:00,
"""
BROKEN = {"second_supplement_request": ("SUP2",), "delivered_before_approval": ("EARLY",),
          "transfer_without_return": ("NORET",), "five_on_spot_left_centre": ("LEFT",)}


def view_of_file(path: Path) -> LogView:
    log = prepare(import_log(path))
    # DuckDB names are case-insensitive: running-example also carries "Activity", "Resource"
    clash = [c for c in log.events if c != c.lower() and c.lower() in log.events]
    return LogView.of_log(dataclasses.replace(log, events=log.events.drop(columns=clash)))


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> LogView:
    path = tmp_path_factory.mktemp("conformance") / "log.csv"
    path.write_text(textwrap.dedent(LOG).strip() + "\n", encoding="utf-8")
    return LogView.of_log(prepare(import_log(path)))


def sound_workflow_net(net, im, fm) -> bool:
    with quiet():
        import pm4py
        from pm4py.algo.analysis.woflan import algorithm as woflan

        return pm4py.analysis.check_is_workflow_net(net) and woflan.apply(
            net, im, fm, parameters={woflan.Parameters.PRINT_DIAGNOSTICS: False,
                                     woflan.Parameters.RETURN_ASAP_WHEN_NOT_SOUND: True})


def test_directly_follows_counts_and_event_filters(small):
    dfg = directly_follows(small)
    assert dfg.cases == 6
    assert dfg.starts == {"submit_online": 1, "receive": 5}
    assert dfg.ends == {"deliver_result": 5, "approve_sign": 1}
    assert dfg.edges[("receive", "transfer_to_agency")] == 3
    assert dfg.activities["request_supplement"] == 3
    # without the appraisals the order is recomputed over the remaining events
    kept = small.with_events(small.events.filter(small.events.activity != "appraise"))
    edges = directly_follows(kept).edges
    assert ("transfer_to_agency", "appraise") not in edges
    assert edges[("transfer_to_agency", "approve_sign")] == 2
    online = small.with_events(small.events.filter(small.events.activity != "submit_online"))
    assert directly_follows(online).starts == {"receive": 6}
    assert directly_follows(small, triples=True).triples == {}


def test_imd_on_running_example_is_sound_and_fits(public_dir):
    view = view_of_file(public_dir / "running-example.xes")
    model = discover(view)
    assert model.tree is not None
    assert sound_workflow_net(model.net, model.initial_marking, model.final_marking)
    result = conformance(view, normative=model, sample=10_000)
    assert (result.sampled, result.replayed, result.complete) == (6, 6, True)
    assert result.fitness == 1.0 and result.fitting_share == 1.0 and not result.non_fitting


def test_imd_on_receipt_fits_and_exports(public_dir, tmp_path):
    view = view_of_file(public_dir / "receipt.xes.gz")
    model = discover(view)
    assert sound_workflow_net(model.net, model.initial_marking, model.final_marking)
    result = conformance(view, normative=model, sample=10_000)
    assert result.sampled == 1434 and result.complete
    assert result.fitness > 0.9
    pnml = model.write_pnml(tmp_path / "receipt.pnml")
    bpmn = model.write_bpmn(tmp_path / "receipt.bpmn")
    with quiet():
        import pm4py

        net, im, fm = pm4py.read_pnml(str(pnml))
        diagram = pm4py.read_bpmn(str(bpmn))
    assert sorted(filter(None, (t.label for t in net.transitions))) == sorted(
        filter(None, (t.label for t in model.net.transitions)))
    assert len(im) == len(fm) == 1
    tasks = {n.get_name() for n in diagram.get_nodes()
             if isinstance(n, diagram.Task)}
    assert tasks == set(model.dfg.activities)


def test_noise_drops_rare_edges_but_keeps_every_activity(public_dir):
    view = view_of_file(public_dir / "receipt.xes.gz")
    full, filtered = directly_follows(view), directly_follows(view).filtered(0.3)
    assert len(filtered.edges) < len(full.edges)
    model = discover(view, noise=0.3)
    labels = {t.label for t in model.net.transitions if t.label}
    assert labels == set(full.activities)
    assert sound_workflow_net(model.net, model.initial_marking, model.final_marking)


def test_heuristics_from_the_dfg_equals_pm4py_on_the_log(public_dir):
    view = view_of_file(public_dir / "receipt.xes.gz")
    model = discover(view, algorithm="heuristics")
    assert model.tree is None and model.bpmn is not None
    events = view.events.select("case_id", "activity", "timestamp").to_pandas()
    with quiet():
        import pm4py

        net, _, _ = pm4py.discover_petri_net_heuristics(
            events, case_id_key="case_id", activity_key="activity", timestamp_key="timestamp")
    assert sorted(t.label or "" for t in model.net.transitions) == sorted(
        t.label or "" for t in net.transitions)
    assert (len(model.net.places), len(model.net.arcs)) == (len(net.places), len(net.arcs))


def test_normative_flows_are_sound():
    trees, default = normative_flow()
    assert default == "transfer" and set(trees) == {"transfer", "five_on_spot"}
    with quiet():
        import pm4py

        for tree in trees.values():
            assert sound_workflow_net(*pm4py.convert_to_petri_net(tree))


def test_conformance_flags_each_rule_breaker(small):
    result = conformance(small)
    assert result.complete and (result.sampled, result.replayed) == (6, 6)
    assert {check.rule: check.cases for check in result.rules} == BROKEN
    assert all(check.statement == RULES[check.rule] for check in result.rules)
    assert sorted(result.non_fitting) == ["EARLY", "LEFT", "NORET", "SUP2"]
    fitness = result.dossiers.set_index("case_id")["fitness"]
    assert fitness["OK1"] == fitness["SPOT"] == 1.0
    assert all(fitness[case] < 1 for case in ("EARLY", "NORET", "SUP2"))
    # activities outside the model make a dossier unfit, not its tokens (pm4py's convention)
    left = result.variants.loc[result.variants["variant"].str.contains("transfer_to_agency")
                               & result.variants["normative"].eq("five_on_spot")].iloc[0]
    assert left["not_in_model"] == ("return_to_centre", "transfer_to_agency")
    assert 0.9 < result.fitness < 1 and result.fitting_share == pytest.approx(2 / 6)
    assert result.variants["cases"].sum() == 6


def test_sample_is_seeded(small):
    first = conformance(small, sample=3, seed=7)
    assert first.sampled == 3
    assert first.dossiers["case_id"].tolist() == conformance(
        small, sample=3, seed=7).dossiers["case_id"].tolist()
    assert first.rule("second_supplement_request").cases == ("SUP2",)  # the whole view


def test_time_limit_gives_a_partial_result(small):
    result = conformance(small, time_limit=0.0)
    assert not result.complete
    assert result.replayed < result.sampled == 6
    assert math.isnan(result.fitness)
    assert result.dossiers["fits"].isna().all()
    assert {check.rule: check.cases for check in result.rules} == BROKEN


def test_no_pm4py_output(small, capfd):
    discover(small)
    discover(small, algorithm="heuristics")
    conformance(small)
    out, err = capfd.readouterr()
    assert out == "" and err == ""


def test_no_pm4py_banner_in_a_fresh_process(tmp_path):
    path = tmp_path / "log.csv"
    path.write_text(textwrap.dedent(LOG).strip() + "\n", encoding="utf-8")
    code = textwrap.dedent(f"""
        from dossierflow.mining import import_log, prepare
        from dossierflow.mining.analysis.conformance import conformance
        from dossierflow.mining.analysis.discovery import discover, quiet
        from dossierflow.mining.log.log_view import LogView
        with quiet():
            import pm4py  # from __main__: pm4py would print its banner here
        view = LogView.of_log(prepare(import_log({str(path)!r})))
        discover(view).write_bpmn({str(tmp_path / "m.bpmn")!r})
        print(conformance(view).fitness > 0.9)
    """)
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "True\n"
    assert "PM4Py" not in done.stderr and "AGPL" not in done.stderr
