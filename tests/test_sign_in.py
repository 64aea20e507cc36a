"""Sign-in of server mode in the app: no page before signing in, in Vietnamese and English;
wrong passwords refused and locking; sessions that expire; sign-out; the audit of sign-ins
and workspaces viewed. Local mode (no sign-in) shows the pages as before."""

from __future__ import annotations

import json
import time

import pytest
from streamlit.testing.v1 import AppTest

from dossierflow.app import users
from tests.support.app_pages import LANGS
from tests.support.paths import ROOT

PASSWORD = "mật-khẩu-dài"
FORM_TITLE = {"vi": "Đăng nhập", "en": "Sign in"}
OVERVIEW = {"vi": "Tổng quan", "en": "Overview"}
WRONG = {"vi": "mật khẩu không đúng", "en": "Wrong user name or password"}
LOCKED = {"vi": "đang tạm khoá", "en": "is locked"}
ENDED = {"vi": "không hoạt động quá lâu", "en": "too long without activity"}


@pytest.fixture
def server(monkeypatch, mini_log):
    """Server mode with sign-in on, the mini log open and one agency user."""
    monkeypatch.setenv("DOSSIERFLOW_LOG", str(mini_log))
    monkeypatch.setenv("DOSSIERFLOW_SIGN_IN", "1")
    users.add_user("lan", "agency", password=PASSWORD, agencies=["Sở Tư pháp"],
                   display_name="Nguyễn Thị Lan")


def _open(lang: str, page: str | None = None) -> AppTest:
    app = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)
    app.query_params["lang"] = lang
    app.run()
    if page:
        app.switch_page(f"app/pages/{page}.py").run()
    return app


def _sign_in(app: AppTest, name: str, password: str) -> AppTest:
    app.text_input(key="sign_in_user").input(name)
    app.text_input(key="sign_in_password").input(password)
    [submit] = [b for b in app.button if b.label in FORM_TITLE.values()]
    return submit.click().run()


def _shows_sign_in(app: AppTest, lang: str) -> bool:
    return [x.value for x in app.title] == [FORM_TITLE[lang]] and not app.metric


def _audit() -> list[dict]:
    path = users.users_file().with_name("audit.jsonl")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", [None, "overview", "export"])
def test_no_page_is_reachable_without_signing_in(server, lang, page):
    app = _open(lang, page)
    assert not app.exception, [e.message for e in app.exception]
    assert _shows_sign_in(app, lang)
    assert not app.dataframe and not app.get("graphviz_chart")
    assert not any(b.label in ("Đăng xuất", "Sign out") for b in app.button)


@pytest.mark.parametrize("lang", LANGS)
def test_signing_in_opens_the_asked_page_and_is_audited(server, lang):
    app = _sign_in(_open(lang, "overview"), "Lan", PASSWORD)
    assert not app.exception, [e.message for e in app.exception]
    assert app.title[0].value == OVERVIEW[lang]
    assert app.metric[0].value == "131"  # the mini log's dossiers
    caption = " ".join(c.value for c in app.sidebar.caption)
    assert "Nguyễn Thị Lan" in caption and "Sở Tư pháp" in caption
    app.run()  # another interaction: the workspace is recorded viewed once only
    entries = _audit()
    assert [(e["event"], e["user"]) for e in entries] == [
        ("sign_in", "lan"), ("workspace_viewed", "lan")]
    assert entries[1]["workspace"].endswith("mini.duckdb")
    assert entries[0]["time"].endswith("+07:00")


@pytest.mark.parametrize("lang", LANGS)
def test_wrong_passwords_are_refused_then_lock_the_account(server, lang):
    app = _open(lang)
    for _ in range(4):
        app = _sign_in(app, "lan", "sai-mật-khẩu")
        assert _shows_sign_in(app, lang)
        assert WRONG[lang] in app.error[0].value
    app = _sign_in(app, "lan", "sai-mật-khẩu")
    assert LOCKED[lang] in app.error[0].value
    app = _sign_in(app, "lan", PASSWORD)  # the right password, too late
    assert _shows_sign_in(app, lang) and LOCKED[lang] in app.error[0].value
    events = [e["event"] for e in _audit()]
    assert events == ["sign_in_failed"] * 4 + ["locked_out", "sign_in_failed"]


def test_an_expired_session_is_signed_out(server, monkeypatch):
    monkeypatch.setenv("DOSSIERFLOW_SESSION_IDLE_MINUTES", "0.03")  # 1.8 s
    app = _sign_in(_open("en"), "lan", PASSWORD)
    assert app.title[0].value == "Data"
    time.sleep(2.5)
    app.run()
    assert _shows_sign_in(app, "en")
    assert ENDED["en"] in app.info[0].value
    assert [e["event"] for e in _audit()][-1] == "session_expired"


def test_interactions_keep_a_session_alive_past_its_idle_limit(server, monkeypatch):
    monkeypatch.setenv("DOSSIERFLOW_SESSION_IDLE_MINUTES", "0.05")  # 3 s
    app = _sign_in(_open("en"), "lan", PASSWORD)
    for _ in range(4):  # 4.8 s in all, never 3 s without an interaction
        time.sleep(1.2)
        app.run()
        assert app.title[0].value == "Data"
    time.sleep(3.5)
    assert _shows_sign_in(app.run(), "en")


def test_signing_out_returns_to_the_sign_in(server):
    app = _sign_in(_open("vi"), "lan", PASSWORD)
    [sign_out] = [b for b in app.sidebar.button if b.label == "Đăng xuất"]
    app = sign_out.click().run()
    assert _shows_sign_in(app, "vi")
    assert [e["event"] for e in _audit()][-1] == "sign_out"


def test_a_removed_user_is_signed_out_at_the_next_interaction(server):
    app = _sign_in(_open("en"), "lan", PASSWORD)
    users.remove_user("lan")
    app.run()
    assert _shows_sign_in(app, "en") and "removed" in app.info[0].value


def test_local_mode_asks_nothing(monkeypatch, mini_log):
    monkeypatch.setenv("DOSSIERFLOW_LOG", str(mini_log))
    monkeypatch.delenv("DOSSIERFLOW_SIGN_IN", raising=False)
    users.add_user("lan", "admin", password=PASSWORD)  # a users file changes nothing locally
    app = _open("en", "overview")
    assert app.title[0].value == "Overview" and app.metric[0].value == "131"
    assert not users.users_file().with_name("audit.jsonl").exists()
