"""Bad input found by an attacker's probe (issue 15): each gets a clear 4xx, never a 500, and
nothing is written."""

import io
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from courses.models import QuizAttempt
from governance.models import KPIDefinition, KPIValue
from guild.notifications.services import notify
from tests.support.courses import enrol, make_course, quiz_lesson, right_answers
from tests.support.governance import make_kpi

pytestmark = pytest.mark.django_db
HUGE = "99999999999999999999999"


def upload_kpis(client, text):
    return client.post(reverse("governance:kpi_import"), {"file": SimpleUploadedFile("kpis.csv", text.encode(), "text/csv")})


# --- Redirects ---------------------------------------------------------------------------------


def test_marking_a_notification_read_never_redirects_off_site(client, learner):
    note = notify(recipient=learner, kind="test", title="Hello")
    client.force_login(learner)
    for target in ("//evil.example/x", "https://evil.example/x", "/\\evil.example"):
        response = client.post(reverse("notifications:mark_read", args=[note.pk]), {"next": target})
        assert response.status_code == 302 and response["Location"] == reverse("notifications:list"), target
    response = client.post(reverse("notifications:mark_read", args=[note.pk]), {"next": "/learning/"})
    assert response["Location"] == "/learning/"


# --- Ids too large for the table -----------------------------------------------------------------


def test_ids_too_large_for_the_table_are_not_found(client, learner):
    client.force_login(learner)
    assert client.post(f"/learning/lessons/{HUGE}/quiz/").status_code == 404
    assert client.post(f"/learning/lessons/{2**31}/quiz/").status_code == 404  # a page id is a 32-bit integer
    assert client.post(f"/notifications/{HUGE}/read/").status_code == 404
    assert client.get(f"/governance/initiatives/{HUGE}/").status_code == 404
    assert client.get(f"/api/courses/{HUGE}/").status_code == 404
    assert client.get(f"/api/courses/{2**31}/").status_code == 404


def test_an_enrolment_filter_that_is_not_an_id_is_a_clear_400(client, ld_admin):
    client.force_login(ld_admin)
    response = client.get(f"/api/enrolments/?course={HUGE}")
    assert response.status_code == 400 and [e["field"] for e in response.json()["errors"]] == ["course"]
    assert client.get("/api/enrolments/?course=abc").status_code == 400


def test_assigning_a_course_to_an_id_too_large_is_a_form_error(client, manager, learner):
    course = make_course("Negotiation", lessons=1, quiz=False)
    client.force_login(manager)
    response = client.post(reverse("automation:team"), {"course": course.pk, "learners": [HUGE],
                                                        "due_date": date.today().isoformat()})
    assert response.status_code == 200 and response.context["form"].errors["learners"]
    response = client.post(reverse("automation:team"), {"course": HUGE, "learners": [learner.pk],
                                                        "due_date": date.today().isoformat()})
    assert response.status_code == 200 and response.context["form"].errors["course"]


# --- Quiz attempts that do not exist ---------------------------------------------------------------


def test_a_quiz_attempt_number_that_does_not_exist_is_refused_and_records_nothing(client, learner):
    course = make_course("SQL", lessons=1, max_quiz_attempts=3)
    enrol(learner, course)
    lesson = quiz_lesson(course)
    client.force_login(learner)
    answers = {f"q-{k}": v for k, v in right_answers(lesson).items()}
    client.post(f"/learning/lessons/{lesson.pk}/quiz/", {"attempt": 1, **answers})
    for attempt in ("0", "-3", "x", HUGE):
        response = client.post(f"/learning/lessons/{lesson.pk}/quiz/", {"attempt": attempt, **answers})
        assert response.status_code == 400, attempt
    assert QuizAttempt.objects.count() == 1


# --- NUL bytes --------------------------------------------------------------------------------------


def test_a_nul_byte_in_a_search_is_a_clear_400(client, learner):
    client.force_login(learner)
    response = client.get("/courses/?q=%00sql")
    assert response.status_code == 400 and b"NUL" in response.content


def test_a_nul_byte_in_a_posted_form_is_a_clear_400_and_nothing_is_posted(client, learner):
    from courses.models import DiscussionThread

    catalogue_course = make_course("Discussed course")
    enrol(learner, catalogue_course)
    client.force_login(learner)
    response = client.post(f"/learning/courses/{catalogue_course.pk}/discussion/",
                           {"title": "Hello", "body": "a\x00b"})
    assert response.status_code == 400 and b"NUL" in response.content
    assert not DiscussionThread.objects.filter(course=catalogue_course).exists()


def test_a_reviewer_id_that_is_not_an_id_is_refused_with_a_message(client, ld_admin):
    from tests.support.review import make_reviewer, submit_for_review

    author = make_reviewer("SQL", email="author.sql@example.com")
    course = make_course("Review me", authors=[author], skills=["SQL"], publish=False)
    make_reviewer("SQL", email="rev.sql@example.com")
    submit_for_review(course, author)
    from governance.review.models import ReviewAssignment

    assignment = ReviewAssignment.objects.filter(course=course).first()
    assert assignment is not None
    client.force_login(ld_admin)
    for bad in ("x" * 5000, "1e309", HUGE):
        response = client.post(f"/reviews/{assignment.pk}/reassign/", {"reviewer": bad}, follow=True)
        assert response.status_code == 200 and b"Choose who should review instead" in response.content
    assert ReviewAssignment.objects.get(pk=assignment.pk).reviewer_id == assignment.reviewer_id


# --- KPI imports -------------------------------------------------------------------------------------


def test_a_kpi_file_with_a_field_over_the_csv_limit_is_refused_with_its_line(client, ld_admin):
    client.force_login(ld_admin)
    response = upload_kpis(client, "metric,team,date,value\nsales,,2026-01-01,1\n\"" + "x" * (2 * 1024 * 1024) + "\",,2026-01-02,2\n")
    assert response.status_code == 200
    assert "too long" in response.content.decode()
    assert not KPIValue.objects.exists()


@pytest.mark.parametrize("value", ["999999999999.999", "1e12", "-1000000000000", "NaN", "Infinity"])
def test_a_kpi_value_the_column_cannot_hold_is_refused_and_the_pages_keep_working(client, ld_admin, value):
    client.force_login(ld_admin)
    response = upload_kpis(client, f"metric,team,date,value\nsales,,2026-01-01,{value}\n")
    assert response.status_code == 200 and "is not a number Guild can store" in response.content.decode()
    assert not KPIValue.objects.exists()
    assert client.get("/governance/").status_code == 200


def test_the_largest_kpi_value_the_column_holds_is_kept_to_the_cent(client, ld_admin):
    client.force_login(ld_admin)
    upload_kpis(client, "metric,team,date,value\nsales,,2026-01-01,999999999999.994\n")
    assert str(KPIValue.objects.get().value) == "999999999999.99"
    for url in ("/governance/", "/governance/summary/", "/governance/export.csv", "/governance/export.xlsx",
                "/api/governance/dashboard/"):
        assert client.get(url).status_code == 200, url


def test_a_nul_byte_in_a_kpi_name_is_refused(client, ld_admin):
    client.force_login(ld_admin)
    response = upload_kpis(client, "metric,team,date,value\nsal\x00es,,2026-01-01,1\n")
    assert "control character" in response.content.decode()
    assert not KPIDefinition.objects.exists()


# --- Exports -----------------------------------------------------------------------------------------


def test_the_xlsx_export_writes_peoples_text_as_text_never_as_a_formula(client, ld_admin):
    kpi = make_kpi(slug="evil", name='=HYPERLINK("http://evil.example","click")', tier="business")
    KPIValue.objects.create(kpi=kpi, date=date(2026, 1, 31), value=3)
    client.force_login(ld_admin)
    response = client.get("/governance/export.xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    cells = [c for row in sheet.iter_rows() for c in row if isinstance(c.value, str) and "HYPERLINK" in c.value]
    assert cells and all(c.data_type == "s" for c in cells)


# --- API ------------------------------------------------------------------------------------------------


def test_the_governance_reports_answer_with_a_format_suffix(client, ld_admin):
    client.force_login(ld_admin)
    for url in ("/api/governance/dashboard.json", "/api/governance/needs.json"):
        response = client.get(url)
        assert response.status_code == 200 and response["Content-Type"].startswith("application/json"), url


def test_the_api_is_throttled_per_person(client, learner, monkeypatch):
    from rest_framework.throttling import UserRateThrottle

    monkeypatch.setattr(UserRateThrottle, "THROTTLE_RATES", {"user": "3/min", "anon": "3/min"})
    client.force_login(learner)
    statuses = [client.get("/api/courses/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]


# --- Sign-out ------------------------------------------------------------------------------------------


def test_a_get_to_the_admin_logout_signs_nobody_out(client, expert):
    from django.conf import settings

    client.force_login(expert)
    response = client.get("/cms/logout/")
    assert response.status_code == 405
    assert settings.SESSION_COOKIE_NAME not in response.cookies  # the cookie is neither deleted nor replaced
    assert client.get("/cms/").status_code == 200
    response = client.post("/cms/logout/")
    assert response.status_code == 302
    assert client.get("/cms/").status_code == 302  # signed out: to the sign-in page


# --- People in the Wagtail admin ---------------------------------------------------------------------


def test_an_ld_admin_can_neither_make_a_superuser_nor_set_a_password(client, ld_admin, executive):
    client.force_login(ld_admin)
    page = client.get(f"/cms/users/edit/{executive.pk}/")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'name="is_superuser"' not in html and 'name="password1"' not in html
    old_password = executive.password
    response = client.post(f"/cms/users/edit/{executive.pk}/", {
        "email": executive.email, "first_name": "Eve", "last_name": "Exec", "is_active": "on",
        "groups": list(executive.groups.values_list("pk", flat=True)),
        "is_superuser": "on", "password1": "taken-over-42!", "password2": "taken-over-42!",
    })
    assert response.status_code == 302  # the rest of the edit is saved
    executive.refresh_from_db()
    assert executive.first_name == "Eve"
    assert not executive.is_superuser and executive.password == old_password
    assert not executive.check_password("taken-over-42!")


# --- Page types in the Wagtail admin -------------------------------------------------------------------


def test_an_expert_cannot_create_a_learning_path_but_an_ld_admin_can(client, expert, ld_admin):
    from courses.models import LearningPathPage
    from tests.sme.test_authoring_permissions import refused
    from tests.support.courses import make_catalogue

    catalogue = make_catalogue()
    url = f"/cms/pages/add/courses/learningpathpage/{catalogue.pk}/"
    client.force_login(expert)
    assert refused(client.get(url))
    assert refused(client.post(url, {"title": "My own path", "slug": "my-own-path", "action-submit": "1"}))
    assert not LearningPathPage.objects.filter(slug="my-own-path").exists()
    assert client.get(f"/cms/pages/add/courses/coursepage/{catalogue.pk}/").status_code == 200  # courses still
    client.force_login(ld_admin)
    assert client.get(url).status_code == 200
