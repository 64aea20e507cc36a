"""The replay of dossiers on the process map: the movements against a plain pandas walk over
consecutive events, the exported animation file self-contained (nothing fetched, no dossier
code in it), the `animate` command, and in chromium the file and the app's Replay playing
(dots move, the clock runs) in Vietnamese and English."""

from __future__ import annotations

import re
import time
from html.parser import HTMLParser
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from tests.support.cli import run
from tests.support.paths import MINI

TZ = "Asia/Ho_Chi_Minh"
START, END = pd.Timestamp("2023-10-01", tz=TZ), pd.Timestamp("2023-11-01", tz=TZ)
EXTERNAL = re.compile(r"^\s*(https?:)?//", re.I)


def _truth(workspace: Path) -> pd.DataFrame:
    """Movements by hand: per dossier whose events meet the window, ▶ → first event, each
    event → the next (from its end to the next one's work start, else the next one's end),
    last event → ■."""
    with duckdb.connect(str(workspace), read_only=True) as con:
        ev = con.sql("select case_id, event_index, activity, timestamp, start_timestamp "
                     "from events").df()
    for column in ("timestamp", "start_timestamp"):
        ev[column] = pd.to_datetime(ev[column], utc=True).dt.tz_convert(TZ)
    ev = ev.sort_values(["case_id", "timestamp", "event_index"])
    # start times that all equal the previous event's end are hand-over times, not work starts
    nxt_start = ev.groupby("case_id")["start_timestamp"].shift(-1)
    given = nxt_start.notna()
    handovers = (nxt_start[given] == ev["timestamp"][given]).mean() >= 0.95
    rows = []
    for case, events in ev.groupby("case_id"):
        if not (events["timestamp"].min() < END and events["timestamp"].max() >= START):
            continue
        records = events.to_dict("records")
        first = records[0]
        begin = first["timestamp"]
        if not handovers and pd.notna(first["start_timestamp"]):
            begin = min(first["start_timestamp"], first["timestamp"])
        rows.append((case, "▶", first["activity"], begin, begin))
        for a, b in zip(records, records[1:]):
            arrive = b["timestamp"]
            if not handovers and pd.notna(b["start_timestamp"]):
                arrive = min(max(b["start_timestamp"], a["timestamp"]), b["timestamp"])
            rows.append((case, a["activity"], b["activity"], a["timestamp"], arrive))
        last = records[-1]
        rows.append((case, last["activity"], "■", last["timestamp"], last["timestamp"]))
    return pd.DataFrame(rows, columns=["case_id", "source", "target", "start", "end"])


def _key(frame: pd.DataFrame) -> list[tuple]:
    return sorted((str(c), s, t, pd.Timestamp(a).isoformat(), pd.Timestamp(b).isoformat())
                  for c, s, t, a, b in zip(frame["case_id"], frame["source"], frame["target"],
                                           frame["start"], frame["end"]))


@pytest.fixture(scope="module")
def worked_log(tmp_path_factory) -> Path:
    """The mini log with times work started: each step taken up to 45 minutes after it was
    handed over (never after its end), so the waits end where work starts."""
    from dossierflow.mining import import_to_workspace

    folder = tmp_path_factory.mktemp("worked")
    raw = pd.read_csv(MINI, dtype=str)
    given, done = (pd.to_datetime(raw[c], format="%d/%m/%Y %H:%M")
                   for c in ("Thời gian giao", "Thời gian hoàn thành"))
    started = (given + ((done - given) / 2).clip(upper=pd.Timedelta(minutes=45))).dt.floor("min")
    raw["Thời gian giao"] = started.dt.strftime("%d/%m/%Y %H:%M")
    raw.to_csv(folder / "worked.csv", index=False)
    return import_to_workspace(folder / "worked.csv", name=str(folder / "worked.duckdb")).path


@pytest.mark.parametrize("log", ["mini_log", "worked_log"])
def test_replay_is_the_consecutive_events_of_the_window(request, log):
    from dossierflow.mining.analysis.process_map import process_map
    from dossierflow.mining.analysis.replay import replay
    from dossierflow.mining.log.open_log import open_log

    workspace = request.getfixturevalue(log)
    view = open_log(workspace)
    moves = replay(view, "2023-10-01", "2023-11-01", pmap=process_map(view))
    truth = _truth(workspace)
    assert len(truth) > 100  # the window holds dossiers with several steps
    assert _key(moves) == _key(truth)
    assert moves["on_map"].all()  # the whole map draws every edge
    assert (moves["end"] >= moves["start"]).all()
    with duckdb.connect(str(workspace), read_only=True) as con:
        cases = con.sql("select case_id, on_time_class, channel from cases").df()
    colours = moves.drop_duplicates("case_id").merge(cases, on="case_id",
                                                     suffixes=("", "_log"))
    assert (colours["on_time_class"] == colours["on_time_class_log"]).all()
    assert (colours["channel"] == colours["channel_log"]).all()


def test_replay_on_a_simplified_map_skips_left_out_steps(mini_log):
    from dossierflow.mining.analysis.process_map import process_map
    from dossierflow.mining.analysis.replay import replay
    from dossierflow.mining.log.open_log import open_log

    view = open_log(mini_log)
    pmap = process_map(view, activities=0.5, paths=0.3)
    moves = replay(view, "2023-10-01", "2023-11-01", pmap=pmap)
    shown = set(pmap.nodes["activity"]) | {"▶", "■"}
    assert set(moves["source"]) <= shown and set(moves["target"]) <= shown
    drawn = set(zip(pmap.edges["source"], pmap.edges["target"]))
    pairs = list(zip(moves["source"], moves["target"]))
    assert list(moves["on_map"]) == [p in drawn for p in pairs]
    assert not moves["on_map"].all()  # a 30 % path slider leaves some out


def test_windows_and_an_empty_period(mini_log, tmp_path):
    import datetime as dt

    from dossierflow.mining.analysis.replay import REPLAY_COLUMNS, replay, window_bounds
    from dossierflow.mining.errors import DossierflowError
    from dossierflow.mining.log.open_log import open_log

    wednesday = dt.date(2023, 10, 18)
    assert window_bounds("day", wednesday) == (pd.Timestamp("2023-10-18"),
                                               pd.Timestamp("2023-10-19"))
    assert window_bounds("week", wednesday) == (pd.Timestamp("2023-10-16"),
                                                pd.Timestamp("2023-10-23"))
    assert window_bounds("month", wednesday) == (pd.Timestamp("2023-10-01"),
                                                 pd.Timestamp("2023-11-01"))
    view = open_log(mini_log)
    empty = replay(view, "2030-01-01", "2030-01-08")
    assert empty.empty and list(empty.columns) == REPLAY_COLUMNS
    with pytest.raises(DossierflowError, match="ends before it starts"):
        replay(view, "2023-10-08", "2023-10-01")


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)


@pytest.fixture(scope="module")
def exported(mini_log, tmp_path_factory) -> dict[str, Path]:
    from dossierflow.mining.analysis.render_map import svg_available
    from dossierflow.mining.export.export_animation import export_animation
    from dossierflow.mining.log.open_log import open_log

    if not svg_available():
        pytest.skip("Graphviz's dot is not installed")
    folder = tmp_path_factory.mktemp("animation")
    view = open_log(mini_log)
    return {lang: export_animation(view, folder / f"replay_{lang}.html", "2023-10-01",
                                   "2023-11-01", lang=lang,
                                   colour="on-time" if lang == "vi" else "channel")
            for lang in ("vi", "en")}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_exported_animation_is_self_contained(exported, mini_log, lang):
    text = exported[lang].read_text(encoding="utf-8")
    parser = _Tags()
    parser.feed(text)
    names = [tag for tag, _ in parser.tags]
    assert "svg" in names and "path" in names  # the map is inline
    assert "link" not in names and "iframe" not in names and "img" not in names
    scripts = [attrs for tag, attrs in parser.tags if tag == "script"]
    assert len(scripts) == 2 and all("src" not in attrs for attrs in scripts)
    assert any("requestAnimationFrame" in s for s in parser.scripts)
    for tag, attrs in parser.tags:
        for name, value in attrs.items():
            if name in ("src", "href", "xlink:href", "action", "poster", "data"):
                assert not EXTERNAL.match(value or ""), (tag, name, value)
    assert not re.search(r"url\(|@import|https?://(?!www\.w3\.org/(2000/svg|1999/xlink))", text)
    with duckdb.connect(str(mini_log), read_only=True) as con:
        codes = con.sql("select case_id from cases").df()["case_id"]
    assert not [c for c in codes if c in text]  # dossiers numbered, never named
    words = ("Tạm dừng", "Tình trạng hạn") if lang == "vi" else ("Pause", "Channel")
    assert all(w in text for w in words)


def test_animate_command_writes_the_period_with_its_last_day(mini_log, tmp_path):
    out = tmp_path / "week.html"
    done = run("animate", mini_log, "--from", "2023-10-16", "--to", "2023-10-22", "--out", out,
               "--lang", "en", home=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "From 16 Oct 2023 to 22 Oct 2023" in out.read_text(encoding="utf-8")
    wrong = run("animate", mini_log, "--from", "2023-10-16", "--to", "2023-10-01", "--out",
                out, home=tmp_path)
    assert wrong.returncode == 2 and "ends before it starts" in wrong.stderr
    assert "Traceback" not in wrong.stderr


# in the browser: the clock text, the dots' path data and the frames drawn, twice
_SAMPLE = """() => [document.getElementById('df-clock').textContent, window.dfAnimation.dots(),
  window.dfAnimation.frames(), document.getElementById('df-play').textContent]"""


def _advances(where, page) -> tuple[list, list]:
    where.wait_for_function("() => window.dfAnimation && window.dfAnimation.frames() > 1")
    first = where.evaluate(_SAMPLE)
    page.wait_for_timeout(700)
    second = where.evaluate(_SAMPLE)
    assert second[2] > first[2] + 10, (first[2], second[2])  # frames keep coming
    assert second[0] != first[0], (first[0], second[0])  # the clock runs
    assert second[1] != first[1]  # the dots moved
    return first, second


def _player(page, timeout: float = 60.0):
    """The frame of the page that holds the player, once its script has started."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for frame in page.frames:
            try:
                if frame.evaluate("() => !!window.dfAnimation"):
                    return frame
            except Exception:  # noqa: BLE001 — a frame navigating away
                continue
        page.wait_for_timeout(100)
    raise AssertionError("no player started in the page")


@pytest.fixture(scope="module")
def chromium():
    from tests.support.browser import browser_or_skip

    return browser_or_skip()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_exported_animation_plays_in_chromium(exported, chromium, lang):
    from tests.support.browser import browser_page

    with browser_page(*chromium, timeout=30) as page:
        started = time.monotonic()
        page.goto(exported[lang].as_uri())
        _, second = _advances(page, page)
        assert second[3] == ("❚❚ Tạm dừng" if lang == "vi" else "❚❚ Pause")
        assert time.monotonic() - started < 10
        page.locator("#df-play").click()  # pause: the clock stops
        held = page.evaluate(_SAMPLE)[0]
        page.wait_for_timeout(400)
        assert page.evaluate(_SAMPLE)[0] == held


# the queue badges shown (step → number) and the header's two counts
_QUEUES = """() => [Object.fromEntries([...document.querySelectorAll('g.df-queue')]
  .filter((g) => g.style.display !== 'none').map((g) => [g.dataset.node, g.textContent])),
  document.getElementById('df-moving').textContent]"""


def test_queues_shown_are_the_dossiers_waiting_at_that_moment(worked_log, chromium, tmp_path):
    from dossierflow.mining.analysis.process_map import process_map
    from dossierflow.mining.analysis.render_map import svg_available
    from dossierflow.mining.export.export_animation import export_animation
    from dossierflow.mining.log.open_log import open_log
    from tests.support.browser import browser_page

    if not svg_available():
        pytest.skip("Graphviz's dot is not installed")
    view = open_log(worked_log)
    pmap = process_map(view)
    out = export_animation(view, tmp_path / "replay.html", START, END, pmap=pmap, lang="en")
    names = {a: f"n{i}" for i, a in enumerate(pmap.nodes["activity"])}  # Graphviz's titles
    truth = _truth(worked_log).sort_values(["case_id", "start"], kind="stable")
    following = truth.groupby("case_id")["start"].shift(-1)

    def counts(moment):
        waiting = truth[(truth["start"] <= moment) & (moment < truth["end"])
                        & (truth["target"] != "■")]
        return waiting, int(((truth["end"] <= moment) & (moment < following)).sum())

    def busy(moment) -> tuple[bool, int]:
        waiting, in_work = counts(moment)
        return len(waiting) > 0 and in_work > 0, len(waiting) + in_work

    # the busiest minute of the window with dossiers both waiting and in work, just after a
    # movement began
    starts = truth["start"][(truth["start"] >= START) & (truth["start"] < END)]
    moment = max(sorted(starts + pd.Timedelta(minutes=1)), key=busy)
    waiting, in_work = counts(moment)
    expected = waiting["target"].map(names).value_counts().astype(str).to_dict()
    assert expected and in_work  # the moment holds queues and work
    with browser_page(*chromium, timeout=30) as page:
        page.goto(out.as_uri())
        page.wait_for_function("() => window.dfAnimation && window.dfAnimation.frames() > 0")
        page.locator("#df-play").click()
        page.evaluate("""(t) => { const s = document.getElementById('df-seek'); s.value = t;
                         s.dispatchEvent(new Event('input')); }""",
                      int((moment - START).total_seconds()))
        page.wait_for_timeout(300)
        shown, header = page.evaluate(_QUEUES)
    assert shown == expected
    assert f"Waiting on the paths: {len(waiting)} dossiers" in header
    assert f"in work at the steps: {in_work}" in header


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_replay_plays_on_the_process_map_page(mini_log, chromium, tmp_path, lang):
    from tests.support.browser import browser_page, screenshot, served_app, wait_idle

    with served_app(mini_log, tmp_path, tmp_path / "streamlit.log") as url, \
            browser_page(*chromium, timeout=120) as page:
        page.goto(f"{url}/process-map?lang={lang}&replay=1")
        wait_idle(page, timeout=120)
        _advances(_player(page), page)
        label = "Tải tệp phát lại" if lang == "vi" else "Download the replay"
        assert page.get_by_role("button", name=label).count() == 1
        screenshot(page, f"replay_{lang}")
