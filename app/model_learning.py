"""The simulation model of each workspace, learnt once in a background process shared by the
server's sessions: the pages show its progress with an estimate of the time left, and a model
learnt before (``stored_models``, beside the workspace file) is read at once.

One learning process runs at a time per server (``LEARNERS``); the others wait in line. The
worker reports its share done in a small file that the pages read.
"""

from __future__ import annotations

import json
import multiprocessing
import tempfile
import threading
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

import streamlit as st

from dossierflow.mining.errors import DossierflowError
from dossierflow.simulation.discovery.discover_model import Discovery
from dossierflow.simulation.discovery.stored_models import read_discovery, stored_model

LEARNERS = 1   # learning processes at once per server (the others queue)
_LOCK = threading.Lock()


@dataclass
class Learning:
    """Where the learning of a workspace's model stands: ``found`` once done, ``error``
    (what is wrong, how to fix it, or a fault's report) if it failed, else ``share`` done,
    ``elapsed`` seconds and an estimate of the seconds ``left`` (None before it can tell)."""

    found: Discovery | None = None
    error: dict | None = None
    share: float = 0.0
    elapsed: float = 0.0
    left: float | None = None
    queued: bool = False


@dataclass
class _Job:
    folder: Path | None
    process: multiprocessing.process.BaseProcess | None = None
    began: float = field(default_factory=time.monotonic)
    found: Discovery | None = None


@st.cache_resource(show_spinner=False)
def _jobs() -> dict[str, _Job]:
    """Per workspace key, its learning job (shared by every session)."""
    return {}


def learning(key: str) -> Learning:
    """Where the model of the workspace of ``key`` stands; starts learning it in the
    background when it is neither stored nor under way."""
    path = Path(key.rsplit("|", 1)[0])
    with _LOCK:
        jobs = _jobs()
        job = jobs.get(key)
        if job is None:
            found = stored_model(path)
            if found is not None:
                jobs[key] = _Job(folder=None, found=found)
                return Learning(found=found, share=1.0)
            job = jobs[key] = _Job(folder=Path(tempfile.mkdtemp(prefix="dossierflow-learn-")))
        _start_waiting(jobs)
    return _state(job)


def learnt(key: str, poll: float = 0.5) -> Discovery:
    """The model of the workspace of ``key``, waiting for its learning to finish; a
    ``DossierflowError`` saying what went wrong when it failed."""
    while True:
        state = learning(key)
        if state.found is not None:
            return state.found
        if state.error is not None:
            forget(key)
            raise failure(state.error)
        time.sleep(poll)


def failure(error: dict) -> DossierflowError:
    """The error a failed learning reported, as the exception the pages show."""
    if "fault" in error:
        report = error.get("report")
        return DossierflowError(f"learning the model failed unexpectedly ({error['fault']})"
                                + (f"; details were written to {report}." if report else "."),
                                fix="this is a fault in dossierflow, not in the log: please "
                                    "report it with that file.")
    return DossierflowError(error["what"], file=error.get("where") or None,
                            fix=error.get("fix"))


def _start_waiting(jobs: dict[str, _Job]) -> None:
    """Start the oldest waiting jobs while fewer than ``LEARNERS`` run."""
    running = sum(1 for j in jobs.values() if j.process is not None and j.process.is_alive())
    for key, job in sorted(jobs.items(), key=lambda kv: kv[1].began):
        if running >= LEARNERS:
            return
        if job.process is None and job.found is None:
            context = multiprocessing.get_context("spawn")
            job.process = context.Process(target=_learn, daemon=True, name="dossierflow-learn",
                                          args=(key.rsplit("|", 1)[0], str(job.folder)))
            job.process.start()
            job.began = time.monotonic()
            running += 1


def _state(job: _Job) -> Learning:
    """The job's state from the files its worker writes."""
    if job.found is not None:
        return Learning(found=job.found, share=1.0)
    if job.process is None or job.folder is None:
        return Learning(queued=True)
    result = job.folder / "model.json"
    failure = job.folder / "error.json"
    if failure.is_file():
        return Learning(error=json.loads(failure.read_text(encoding="utf-8")))
    if result.is_file():
        job.found = read_discovery(result)
        if job.found is not None:
            return Learning(found=job.found, share=1.0)
    if not job.process.is_alive():
        return Learning(error={"fault": "the learning process stopped unexpectedly "
                                        f"(exit code {job.process.exitcode})."})
    try:
        share = float(json.loads((job.folder / "progress.json").read_text())["share"])
    except (OSError, ValueError, KeyError):
        share = 0.0
    share = min(share, 0.99)  # done only once the model is read
    elapsed = time.monotonic() - job.began
    left = elapsed * (1.0 - share) / share if share >= 0.05 else None
    return Learning(share=share, elapsed=elapsed, left=left)


def forget(key: str) -> None:
    """Drop the finished or failed job of ``key`` (a failed one is tried again next time)."""
    with _LOCK:
        job = _jobs().get(key)
        if job is not None and (job.process is None or not job.process.is_alive()):
            del _jobs()[key]


def _learn(workspace_file: str, folder: str) -> None:
    """The worker: learn (or read) the workspace's model, reporting progress; the result,
    or what went wrong, written to ``folder``."""
    from dossierflow.app.errors import write_crash_report
    from dossierflow.mining.log.workspace import open_workspace
    from dossierflow.simulation.discovery.stored_models import learnt_model, write_discovery

    out = Path(folder)
    last = [0.0]

    def moved(share: float) -> None:
        now = time.monotonic()
        if now - last[0] >= 0.5 or share >= 1.0:
            last[0] = now
            tmp = out / "progress.tmp"
            tmp.write_text(json.dumps({"share": share}))
            tmp.replace(out / "progress.json")

    try:
        workspace = open_workspace(workspace_file)
        try:
            log = workspace.to_analysis_log()
        finally:
            workspace.close()
        write_discovery(learnt_model(workspace_file, log, progress=moved), out / "model.json")
    except DossierflowError as exc:
        _write_error(out, {"what": exc.what, "where": exc.where, "fix": exc.fix})
    except Exception:  # noqa: BLE001 — reported to the page, details to a file
        report = write_crash_report(traceback.format_exc())
        _write_error(out, {"fault": traceback.format_exc(limit=0).strip(),
                           "report": str(report) if report else ""})


def _write_error(out: Path, error: dict) -> None:
    tmp = out / "error.tmp"
    tmp.write_text(json.dumps(error, ensure_ascii=False), encoding="utf-8")
    tmp.replace(out / "error.json")
