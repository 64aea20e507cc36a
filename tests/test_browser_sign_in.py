"""Server mode's sign-in in a real browser, in Vietnamese and in English: a deep link shows
the sign-in and no page (not even the menu), opens the page it named once signed in, and
signing out closes it again.

Screenshots go to artefacts/browser/. Skips (with the reason) only when no chromium is
installed: set $DOSSIERFLOW_CHROMIUM to use another binary."""

from __future__ import annotations

import json

import pytest

from tests.support.browser import (
    browser_or_skip,
    browser_page,
    screenshot,
    served_app,
    tail,
    wait_idle,
)

pytestmark = [pytest.mark.slow, pytest.mark.timeout(300)]

CHROMIUM, sync_api = browser_or_skip()
expect = sync_api.expect
PASSWORD = "mật-khẩu-dài"
TEXTS = {  # sign-in title, user name, password, page title, sign out
    "vi": ("Đăng nhập", "Tên đăng nhập", "Mật khẩu", "Tổng quan", "Đăng xuất"),
    "en": ("Sign in", "User name", "Password", "Overview", "Sign out"),
}


@pytest.fixture(scope="module")
def app_url(tmp_path_factory, mini_log):
    from dossierflow.app.users import add_user

    home = tmp_path_factory.mktemp("server")
    output = home / "streamlit.log"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DOSSIERFLOW_HOME", str(home))
        patch.setenv("DOSSIERFLOW_SIGN_IN", "1")
        add_user("lan", "leadership", password=PASSWORD, display_name="Nguyễn Thị Lan")
        with served_app(mini_log, home, output) as url:
            yield url, home
    print(tail(output))


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_deep_link_asks_to_sign_in_first(app_url, lang):
    url, home = app_url
    title, user, password, page_title, sign_out = TEXTS[lang]
    with browser_page(CHROMIUM, sync_api, timeout=60) as page:
        page.goto(f"{url}/overview?lang={lang}")
        wait_idle(page)
        main = page.get_by_test_id("stMain")
        expect(main.get_by_role("heading", name=title)).to_be_visible()
        expect(page.get_by_test_id("stSidebarNav")).to_have_count(0)
        expect(page.get_by_test_id("stMetric")).to_have_count(0)
        screenshot(page, f"sign_in_{lang}")

        page.get_by_role("textbox", name=user).fill("lan")
        page.get_by_role("textbox", name=password).fill(PASSWORD)
        page.get_by_role("button", name=title).click()
        wait_idle(page)
        expect(main.get_by_role("heading", name=page_title)).to_be_visible()
        assert "/overview" in page.url
        expect(page.get_by_test_id("stSidebarNav")).to_be_visible()
        expect(page.get_by_text("Nguyễn Thị Lan")).to_be_visible()

        page.get_by_role("button", name=sign_out).click()
        wait_idle(page)
        expect(main.get_by_role("heading", name=title)).to_be_visible()
        expect(page.get_by_test_id("stMetric")).to_have_count(0)
    events = [json.loads(line)["event"]
              for line in (home / "audit.jsonl").read_text(encoding="utf-8").splitlines()]
    assert events[-3:] == ["sign_in", "workspace_viewed", "sign_out"]
