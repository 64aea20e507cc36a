"""Server mode signing in through OpenID Connect (Streamlit's ``st.login``) against a local
provider started by the test (oidc-provider-mock; no outside network): a provider user whom
the users file gives a role gets in, one it does not know is refused and audited.

Skips (with the reason) without chromium, playwright, Authlib or oidc-provider-mock."""

from __future__ import annotations

import json

import pytest

from tests.support import browser
from tests.support.browser import browser_or_skip, browser_page, served_app, tail, wait_idle

pytestmark = [pytest.mark.slow, pytest.mark.timeout(300)]

CHROMIUM, sync_api = browser_or_skip()
pytest.importorskip("authlib", reason="Authlib is not installed (pip install -e '.[oidc]')")
provider_mock = pytest.importorskip("oidc_provider_mock", reason="oidc-provider-mock is not "
                                    "installed (pip install -e '.[test]')")
expect = sync_api.expect


@pytest.fixture(scope="module")
def app_url(tmp_path_factory, mini_log):
    from dossierflow.app.users import add_user

    home = tmp_path_factory.mktemp("oidc")
    output = home / "streamlit.log"
    known = provider_mock.User(sub="an", claims={"email": "an@sotp.example.vn", "name": "An"})
    stranger = provider_mock.User(sub="x", claims={"email": "x@elsewhere.example"})
    port = browser.free_port()
    with (provider_mock.run_server_in_thread(user_claims=[known, stranger]) as provider,
          pytest.MonkeyPatch.context() as patch):
        secrets = home / ".streamlit" / "secrets.toml"  # ~/.streamlit of the server
        secrets.parent.mkdir()
        secrets.write_text(
            "[auth]\n"
            f'redirect_uri = "http://127.0.0.1:{port}/oauth2callback"\n'
            'cookie_secret = "a-test-cookie-secret-of-enough-length"\n'
            'client_id = "dossierflow"\nclient_secret = "test-secret"\n'
            f'server_metadata_url = "http://127.0.0.1:{provider.server_port}'
            '/.well-known/openid-configuration"\n', encoding="utf-8")
        patch.setenv("HOME", str(home))
        patch.setenv("DOSSIERFLOW_HOME", str(home))
        patch.setenv("DOSSIERFLOW_SIGN_IN", "1")
        patch.setattr(browser, "free_port", lambda: port)
        add_user("an@sotp.example.vn", "agency", agencies=["Sở Tư pháp"], display_name="An")
        with served_app(mini_log, home, output) as url:
            yield url, home
    print(tail(output))


def _sign_in_with_provider(page, url: str, sub: str) -> None:
    page.goto(f"{url}/overview?lang=en")
    wait_idle(page)
    page.get_by_role("button", name="Sign in with OpenID Connect").click()
    page.get_by_role("button", name=sub, exact=True).click()  # the provider's own form
    page.wait_for_url(f"{url}/**")
    wait_idle(page)


def test_a_provider_user_with_a_role_gets_in(app_url):
    url, home = app_url
    with browser_page(CHROMIUM, sync_api, timeout=60, script_errors=False) as page:
        _sign_in_with_provider(page, url, "an")
        main = page.get_by_test_id("stMain")
        expect(page.get_by_test_id("stSidebarNav")).to_be_visible()
        # the provider sends the browser back to the app's root: Vietnamese, its first page
        expect(page.get_by_text("Đã đăng nhập: An (Cơ quan chuyên môn) · Sở Tư pháp")
               ).to_be_visible()
        expect(main.get_by_role("heading", name="Sign in")).to_have_count(0)
    entries = [json.loads(line)
               for line in (home / "audit.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {"event": "sign_in", "user": "an@sotp.example.vn", "via": "oidc"}.items() <= \
        next(e for e in entries if e["event"] == "sign_in").items()


def test_a_provider_user_without_a_role_is_refused(app_url):
    url, home = app_url
    with browser_page(CHROMIUM, sync_api, timeout=60, script_errors=False) as page:
        _sign_in_with_provider(page, url, "x")
        expect(page.get_by_text("chưa được cấp vai trò trên máy chủ này")).to_be_visible()
        expect(page.get_by_test_id("stSidebarNav")).to_have_count(0)
        expect(page.get_by_test_id("stMetric")).to_have_count(0)
    entries = [json.loads(line)
               for line in (home / "audit.jsonl").read_text(encoding="utf-8").splitlines()]
    assert any(e["event"] == "sign_in_failed" and e["user"] == "x@elsewhere.example"
               and e["reason"] == "no_role" for e in entries)
