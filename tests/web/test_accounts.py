"""Sign up, log in and out, password change, preferences."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db


def test_signup_creates_editor_and_logs_in(client):
    """Signing up creates an editor account and logs it in."""
    response = client.post(
        "/-/signup",
        {
            "username": "newbie",
            "password": "a long passphrase 42",
            "password2": "a long passphrase 42",
        },
    )
    assert response.status_code == 302
    user = get_user_model().objects.get(username="newbie")
    assert user.profile.role == "editor"
    assert client.get("/-/account").status_code == 200


def test_signup_rejects_weak_password_and_taken_name(client, editor):
    """Weak passwords and taken names are refused with a message."""
    weak = client.post("/-/signup", {"username": "x1", "password": "123", "password2": "123"})
    assert weak.status_code == 400 and "too short" in weak.content.decode()
    taken = client.post(
        "/-/signup",
        {
            "username": editor.username,
            "password": "a long passphrase 42",
            "password2": "a long passphrase 42",
        },
    )
    assert taken.status_code == 400 and "taken" in taken.content.decode()


def test_signup_can_be_closed(client, settings):
    """With sign-ups closed, the form is refused."""
    settings.TROPEWIKI_SIGNUP = False
    assert client.get("/-/signup").status_code == 403


def test_login_logout(client, editor):
    """The right password logs in; a wrong one says so; logging out ends the session."""
    bad = client.post("/-/login", {"username": editor.username, "password": "wrong"})
    assert bad.status_code == 400 and "correct" in bad.content.decode()
    good = client.post(
        "/-/login",
        {"username": editor.username, "password": "correct horse battery 7", "next": "/Main/Foo"},
    )
    assert good["Location"] == "/Main/Foo"
    assert client.get("/-/account").status_code == 200
    client.post("/-/logout")
    assert client.get("/-/account").status_code == 302


def test_login_refuses_offsite_next(client, editor):
    """The next= parameter cannot send people to another site."""
    response = client.post(
        "/-/login",
        {
            "username": editor.username,
            "password": "correct horse battery 7",
            "next": "https://evil.example/",
        },
    )
    assert response["Location"] == "/"


def test_password_change(editor_client, editor):
    """A logged-in user changes their password and stays logged in."""
    response = editor_client.post(
        "/-/password",
        {
            "old_password": "correct horse battery 7",
            "new_password1": "another fine phrase 9",
            "new_password2": "another fine phrase 9",
        },
    )
    assert response.status_code == 302
    editor.refresh_from_db()
    assert editor.check_password("another fine phrase 9")
    assert editor_client.get("/-/account").status_code == 200


def test_preferences_saved(editor_client, editor):
    """Spoiler and theme preferences are saved and applied to pages."""
    editor_client.post("/-/account", {"show_spoilers": "1", "theme": "dark"})
    editor.profile.refresh_from_db()
    assert editor.profile.show_spoilers and editor.profile.theme == "dark"
    html = editor_client.get("/").content.decode()
    assert 'data-theme="dark"' in html and 'class="show-spoilers"' in html
