"""The local users of server mode: Argon2 hashes, lock-out after wrong passwords, the users
and audit commands, and `dossierflow serve` refusing a public address without sign-in."""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
import subprocess
import sys
from zoneinfo import ZoneInfo

import pytest
from argon2 import PasswordHasher

from dossierflow.app import audit, users
from dossierflow.app.session_limits import SessionLimits
from tests.support.paths import ROOT

PASSWORD = "đúng-mật-khẩu-1"
HCM = ZoneInfo("Asia/Ho_Chi_Minh")


def run(*args, home, input: str | None = None) -> subprocess.CompletedProcess:
    """``dossierflow ARGS`` as a user runs it, its home ``home``, ``input`` on its stdin."""
    env = {**os.environ, "DOSSIERFLOW_HOME": str(home)}
    return subprocess.run([sys.executable, "-m", "dossierflow.app.cli", *args], cwd=ROOT,
                          input=input, capture_output=True, text=True, env=env, timeout=120)


@pytest.fixture
def clock(monkeypatch):
    """users.now() under the test's control: a list whose one item is the current time."""
    current = [dt.datetime(2026, 12, 8, 9, 0, tzinfo=HCM)]
    monkeypatch.setattr(users, "now", lambda: current[0])
    return current


def test_the_password_is_kept_only_as_its_argon2_hash(tmp_path):
    users.add_user("Lan", "planner", password=PASSWORD)
    text = users.users_file().read_text(encoding="utf-8")
    stored = json.loads(text)["users"]["lan"]["password_hash"]
    assert PASSWORD not in text
    assert stored.startswith("$argon2id$")
    assert PasswordHasher().verify(stored, PASSWORD)  # argon2-cffi's own check, not ours
    assert stat.S_IMODE(os.stat(users.users_file()).st_mode) == 0o600


def test_five_wrong_passwords_lock_the_account_until_unlocked_or_time_passes(clock):
    users.add_user("lan", "leadership", password=PASSWORD)
    outcomes = [users.check_password("lan", f"wrong-{i}")[0] for i in range(5)]
    assert outcomes == ["wrong"] * 4 + ["just_locked"]
    assert users.check_password("lan", PASSWORD) == ("locked", None)  # even the right one
    [(_, locked_until)] = users.list_users()
    assert locked_until == clock[0] + dt.timedelta(minutes=15)

    users.unlock_user("lan")
    outcome, user = users.check_password("Lan ", PASSWORD)
    assert outcome == "signed_in" and user.name == "lan" and user.role == "leadership"

    for i in range(5):
        users.check_password("lan", f"wrong-{i}")
    clock[0] += dt.timedelta(minutes=14)
    assert users.check_password("lan", PASSWORD)[0] == "locked"
    clock[0] += dt.timedelta(minutes=2)  # 16 minutes after the lock
    assert users.check_password("lan", PASSWORD)[0] == "signed_in"


def test_wrong_passwords_spread_over_more_than_15_minutes_do_not_lock(clock):
    users.add_user("lan", "planner", password=PASSWORD)
    for i in range(4):
        assert users.check_password("lan", f"wrong-{i}")[0] == "wrong"
    clock[0] += dt.timedelta(minutes=16)
    assert users.check_password("lan", "wrong-again")[0] == "wrong"
    assert users.check_password("lan", PASSWORD)[0] == "signed_in"


def test_unknown_users_and_oidc_users_cannot_sign_in_with_a_password():
    users.add_user("an@so-tp.gov.vn", "agency", agencies=["Sở Tư pháp"])
    assert users.check_password("nobody", PASSWORD) == ("wrong", None)
    assert users.check_password("an@so-tp.gov.vn", "") == ("wrong", None)
    assert not users.has_password_users()


@pytest.mark.parametrize("signed_in,last_seen,expected", [
    (0, 50, None), (0, 20, "idle"), (-500, 55, "absolute"), (-419, 59, None)])
def test_a_session_ends_when_idle_or_too_old(signed_in, last_seen, expected):
    limits = SessionLimits(idle=dt.timedelta(minutes=30), absolute=dt.timedelta(hours=8))
    at = dt.datetime(2026, 12, 8, 10, 0, tzinfo=HCM)
    assert limits.expired(at + dt.timedelta(minutes=signed_in),
                          at + dt.timedelta(minutes=last_seen),
                          at + dt.timedelta(minutes=60)) == expected


def test_users_command_round_trip(tmp_path):
    home = tmp_path / "home"
    added = run("users", "add", "Mai", "--role", "agency", "--agency", "Sở Tư pháp",
                "--agency", "Sở Y tế", "--display-name", "Trần Thị Mai", "--password-stdin",
                home=home, input=PASSWORD + "\n")
    assert added.returncode == 0, added.stderr
    listed = run("users", "list", home=home)
    assert "mai" in listed.stdout and "Sở Tư pháp, Sở Y tế" in listed.stdout
    assert "Trần Thị Mai" in listed.stdout and "agency" in listed.stdout

    stored = json.loads((home / "users.json").read_text(encoding="utf-8"))["users"]["mai"]
    assert PasswordHasher().verify(stored["password_hash"], PASSWORD)
    assert stored["agencies"] == ["Sở Tư pháp", "Sở Y tế"]

    assert run("users", "unlock", "mai", home=home).returncode == 0
    assert run("users", "remove", "mai", home=home).returncode == 0
    assert "mai" not in run("users", "list", home=home).stdout
    again = run("users", "remove", "mai", home=home)
    assert again.returncode == 2 and "there is no user 'mai'" in again.stderr


@pytest.mark.parametrize("args,stdin,message", [
    (("--role", "agency"), PASSWORD, "give --agency"),
    (("--role", "boss"), PASSWORD, "leadership, agency, planner, researcher, admin"),
    (("--role", "planner"), "short", "shorter than 8 characters"),
])
def test_users_add_says_what_is_wrong(tmp_path, args, stdin, message):
    done = run("users", "add", "mai", *args, "--password-stdin", home=tmp_path, input=stdin)
    assert done.returncode == 2
    assert message in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "users.json").exists()


@pytest.mark.parametrize("address", ["0.0.0.0", "192.168.1.20", "::"])
def test_serve_refuses_a_public_address_without_sign_in(tmp_path, address):
    done = run("serve", "--address", address, "--port", "8699", home=tmp_path)
    assert done.returncode == 2
    assert "no sign-in is configured" in done.stderr
    assert "dossierflow users add" in done.stderr and "[auth]" in done.stderr
    assert "Traceback" not in done.stderr + done.stdout


def test_audit_command_filters_by_user_and_day(tmp_path, monkeypatch):
    home = tmp_path / "home"
    monkeypatch.setenv("DOSSIERFLOW_HOME", str(home))
    audit.record("sign_in", "lan", via="password")
    audit.record("workspace_viewed", "lan", workspace="bac-ninh")
    audit.record("sign_in_failed", "mai", reason="wrong")
    audit.record_export("lan", "event_log", "bac-ninh", {"agency": ["Sở Y tế"]}, "log.csv")
    lines = (home / "audit.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["event"] for line in lines] == [
        "sign_in", "workspace_viewed", "sign_in_failed", "export"]
    stamp = dt.datetime.fromisoformat(json.loads(lines[0])["time"])
    assert stamp.utcoffset() == dt.timedelta(hours=7)

    shown = run("audit", "--user", "Lan", home=home)
    assert shown.returncode == 0, shown.stderr
    assert len(shown.stdout.splitlines()) == 3 and "mai" not in shown.stdout
    assert 'workspace="bac-ninh"' in shown.stdout and "Sở Y tế" in shown.stdout
    tomorrow = (dt.datetime.now(HCM) + dt.timedelta(days=1)).date().isoformat()
    assert run("audit", "--since", tomorrow, home=home).stdout == ""
    wrong = run("audit", "--since", "hôm qua", home=home)
    assert wrong.returncode == 2 and "YYYY-MM-DD" in wrong.stderr
