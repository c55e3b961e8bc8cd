"""Which language a person sees: the footer's switcher (Django's set_language, with CSRF), a signed-in
person's saved preference, and French dates and numbers."""

import datetime

import pytest
from django.test import Client
from django.utils import formats, translation

from tests.support.people import make_user


def switch(client, language, next_url="/me/"):
    return client.post("/me/language/", {"language": language, "next": next_url})


@pytest.mark.django_db
def test_the_switcher_saves_a_signed_in_persons_choice_and_the_next_page_is_french(learner):
    client = Client()
    client.force_login(learner)
    page = client.get("/me/").content.decode()
    assert 'action="/me/language/"' in page and 'name="csrfmiddlewaretoken"' in page
    assert '<option value="fr" lang="fr">Français</option>' in page

    response = switch(client, "fr")
    assert response.status_code == 302 and response["Location"] == "/me/"
    learner.refresh_from_db()
    assert learner.language == "fr"
    page = client.get("/me/").content.decode()
    assert '<html lang="fr">' in page and "Vos paramètres" in page


@pytest.mark.django_db
def test_the_saved_preference_wins_over_the_browser_and_the_cookie(learner):
    learner.language = "fr"
    learner.save()
    client = Client(HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    client.cookies["django_language"] = "en"
    client.force_login(learner)
    assert "Vos paramètres" in client.get("/me/").content.decode()


@pytest.mark.django_db
def test_without_a_preference_the_browser_decides(learner):
    client = Client(HTTP_ACCEPT_LANGUAGE="fr-FR,fr;q=0.9")
    client.force_login(learner)
    assert "Vos paramètres" in client.get("/me/").content.decode()
    client = Client(HTTP_ACCEPT_LANGUAGE="en-GB")
    client.force_login(learner)
    assert "Your settings" in client.get("/me/").content.decode()


@pytest.mark.django_db
def test_signed_out_the_switcher_sets_only_the_cookie():
    client = Client()
    response = switch(client, "fr", next_url="/accounts/login/")
    assert response.cookies["django_language"].value == "fr"
    assert 'lang="fr"' in client.get("/accounts/login/").content.decode()


@pytest.mark.django_db
def test_an_unknown_language_or_a_foreign_next_changes_nothing(learner):
    client = Client()
    client.force_login(learner)
    response = switch(client, "xx", next_url="https://evil.example.com/")
    assert response.status_code == 302 and "evil" not in response["Location"]
    learner.refresh_from_db()
    assert learner.language == ""
    assert client.get("/me/language/").status_code == 405  # a GET never changes anything


@pytest.mark.django_db
def test_the_switcher_refuses_a_post_without_csrf(learner):
    client = Client(enforce_csrf_checks=True)
    client.force_login(learner)
    assert switch(client, "fr").status_code == 403
    learner.refresh_from_db()
    assert learner.language == ""


@pytest.mark.django_db
def test_the_settings_page_sets_the_language_too():
    person = make_user(first_name="Ana", last_name="Lima")
    client = Client()
    client.force_login(person)
    response = client.post("/me/", {
        "first_name": "Ana", "last_name": "Lima", "job_title": "", "timezone": "Europe/Paris", "language": "fr",
    })
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.language == "fr"
    assert "Vos paramètres sont enregistrés." in client.get("/me/").content.decode()


def test_dates_and_numbers_follow_the_language():
    day = datetime.date(2026, 11, 27)
    with translation.override("en"):
        assert formats.date_format(day) == "27 Nov 2026"
        assert formats.number_format(1234.5, 1, force_grouping=True) == "1,234.5"
    with translation.override("fr"):
        assert formats.date_format(day) == "27 nov. 2026"
        assert formats.number_format(1234.5, 1, force_grouping=True) == "1\u202f234,5"
