"""Sign-in of server mode, before any page: a form for the local users of the users file, or
the identity provider's sign-in (OpenID Connect through ``st.login``) when
``.streamlit/secrets.toml`` has an [auth] section. Sessions end when idle or too old; every
sign-in, sign-out, lock-out and workspace viewed goes to the audit log.

Off (``dossierflow app``, ``make run``): nothing is asked and ``current_user()`` is None."""

from __future__ import annotations

import os

import streamlit as st

from dossierflow.app import audit
from dossierflow.app.i18n import t
from dossierflow.app.server_mode import SIGN_IN_ENV, oidc_providers
from dossierflow.app.session_limits import session_limits
from dossierflow.app.state import open_log_name
from dossierflow.app.users import (
    LOCK_MINUTES,
    MAX_FAILURES,
    User,
    check_password,
    find_user,
    has_password_users,
    now,
)

_SESSION = "_signed_in"  # {"name", "via", "signed_in_at", "last_seen"}
_VIEWED = "_workspaces_viewed"
_ENDED = "_session_ended"  # why the last session ended: 'idle', 'absolute' or 'removed'


def sign_in_on() -> bool:
    """Whether the pages ask to sign in (server mode with a sign-in configured)."""
    return os.environ.get(SIGN_IN_ENV) == "1"


def current_user() -> User | None:
    """The signed-in user (name, display name, role, agencies) as the users file has it now;
    None when sign-in is off (the one person at this machine) or nobody is signed in."""
    session = st.session_state.get(_SESSION)
    return find_user(session["name"]) if sign_in_on() and session else None


def require_sign_in(lang: str, pages: list[st.Page]) -> None:
    """Show the sign-in and stop the run until a user is signed in (when sign-in is on):
    ``pages`` are known but hidden and not run, so that the page the link asked for opens
    once signed in. Then show who is signed in and the sign-out button in the sidebar, and
    record the workspace viewed."""
    if not sign_in_on():
        return
    user = _session_user()
    if user is None:
        st.navigation(pages, position="hidden")
        _sign_in_page(lang)
        st.stop()
    _sidebar(user, lang)
    _record_viewing(user)


def _session_user() -> User | None:
    """The user of this session while its session lasts; ends it when idle, too old or the
    user was removed."""
    session = st.session_state.get(_SESSION)
    if session is None:
        return None
    current = now()
    ended = session_limits().expired(session["signed_in_at"], session["last_seen"], current)
    user = find_user(session["name"])
    if ended or user is None:
        _end_session(session["name"], "session_expired" if ended else "sign_out",
                     reason=ended or "removed")
        return None
    session["last_seen"] = current
    return user


def _end_session(name: str, event: audit.Event, reason: str | None = None) -> None:
    session = st.session_state.pop(_SESSION, None) or {}
    st.session_state.pop(_VIEWED, None)
    audit.record(event, name, **({"reason": reason} if reason else {}))
    if reason:
        st.session_state[_ENDED] = reason
    if session.get("via") == "oidc":
        st.logout()


def _start_session(user: User, via: str) -> None:
    current = now()
    st.session_state[_SESSION] = {"name": user.name, "via": via, "signed_in_at": current,
                                  "last_seen": current}
    st.session_state.pop(_ENDED, None)
    audit.record("sign_in", user.name, via=via)


def _sign_in_page(lang: str) -> None:
    st.title(t("sign_in_title", lang))
    ended = st.session_state.get(_ENDED)
    if ended:
        st.info(t(f"sign_in_ended_{ended}", lang))
    providers = oidc_providers()
    if providers:
        _oidc_sign_in(providers, lang)
    if has_password_users() or not providers:
        _password_form(lang)


def _password_form(lang: str) -> None:
    with st.form("sign_in_form"):
        name = st.text_input(t("sign_in_user", lang), key="sign_in_user")
        password = st.text_input(t("sign_in_password", lang), type="password",
                                 key="sign_in_password")
        sent = st.form_submit_button(t("sign_in_button", lang), type="primary")
    if not sent:
        return
    outcome, user = check_password(name, password)
    if user is not None:
        _start_session(user, "password")
        st.rerun()
    typed = name.strip()[:100]
    audit.record("locked_out" if outcome == "just_locked" else "sign_in_failed", typed,
                 **({"reason": outcome} if outcome != "just_locked" else {}))
    if outcome == "wrong":
        st.error(t("sign_in_wrong", lang))
    else:
        st.error(t("sign_in_locked", lang).format(failures=MAX_FAILURES, minutes=LOCK_MINUTES))


def _oidc_sign_in(providers: list[str | None], lang: str) -> None:
    """The identity provider's sign-in; a provider's user is let in only when the users
    file gives its e-mail a role."""
    if not st.user.is_logged_in:
        for provider in providers:
            label = t("sign_in_with", lang).format(provider=provider or "OpenID Connect")
            if st.button(label, type="primary", key=f"oidc_{provider}"):
                st.login(provider)
        return
    email = str(st.user.get("email") or "")
    user = find_user(email) if email else None
    if user is None:
        if not st.session_state.get("_no_role_recorded"):
            st.session_state["_no_role_recorded"] = True
            audit.record("sign_in_failed", email, reason="no_role", via="oidc")
        st.error(t("sign_in_no_role", lang).format(email=email or "?"))
        if st.button(t("sign_out", lang)):
            st.logout()
        return
    _start_session(user, "oidc")
    st.rerun()


def _sidebar(user: User, lang: str) -> None:
    role = t(f"role_{user.role}", lang)
    agencies = f" · {', '.join(user.agencies)}" if user.agencies else ""
    st.sidebar.caption(t("signed_in_as", lang).format(name=user.display_name, role=role)
                       + agencies)
    if st.sidebar.button(t("sign_out", lang), key="sign_out"):
        _end_session(user.name, "sign_out")
        st.rerun()


def _record_viewing(user: User) -> None:
    """Record the open workspace as viewed, once per session and workspace."""
    workspace = open_log_name()
    viewed = st.session_state.setdefault(_VIEWED, set())
    if workspace and workspace not in viewed:
        viewed.add(workspace)
        audit.record("workspace_viewed", user.name, workspace=workspace)
