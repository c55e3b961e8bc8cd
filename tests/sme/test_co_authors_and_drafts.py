"""Co-authors on drafts (invited, told, listed, removable; existing authors not offered again), and
authors deleting their own never-published drafts (issue 19, found 6 and 8)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from courses.models import CourseAuthor, CoursePage, LessonPage
from guild.notifications.models import Notification
from guild.people.roles import Role
from tests.support.courses import lessons_of, make_course
from tests.support.editor import course_edit_form
from tests.support.people import make_user
from tests.support.review import submit_for_review

pytestmark = pytest.mark.django_db


def test_a_draft_offers_an_invite_without_people_who_already_write_it(client, catalogue, expert, other_expert):
    third = make_user(Role.EXPERT, first_name="Third")
    draft = make_course("My draft", authors=[expert], co_authors=[other_expert], publish=False)
    client.force_login(expert)
    html = client.get(reverse("sme:workspace")).text
    assert reverse("sme:invite_co_author", args=[draft.pk]) in html
    select = html.split(f'id="co-{draft.pk}"')[1].split("</select>")[0]
    assert f'value="{third.pk}"' in select
    assert f'value="{other_expert.pk}"' not in select and f'value="{expert.pk}"' not in select
    listed = html.split(f'data-testid="co-authors-{draft.pk}"')[1].split("</ul>")[0]
    assert other_expert.display_name in listed


def test_inviting_on_a_draft_tells_the_co_author(client, catalogue, expert, other_expert,
                                                 django_capture_on_commit_callbacks):
    draft = make_course("My draft", authors=[expert], publish=False)
    client.force_login(expert)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("sme:invite_co_author", args=[draft.pk]), {"user": other_expert.pk})
    assert CourseAuthor.objects.filter(course=draft, user=other_expert).exists()
    assert Notification.objects.filter(recipient=other_expert, kind="course.co_author").exists()


def test_a_co_author_added_in_the_editor_is_told(client, catalogue, expert, other_expert,
                                                 django_capture_on_commit_callbacks):
    draft = make_course("My draft", authors=[expert], publish=False)
    data = course_edit_form(draft)
    n = int(data["course_authors-TOTAL_FORMS"])
    data.update({"course_authors-TOTAL_FORMS": str(n + 1), f"course_authors-{n}-user": str(other_expert.pk),
                 f"course_authors-{n}-is_lead": "", f"course_authors-{n}-ORDER": str(n + 1),
                 f"course_authors-{n}-DELETE": "", f"course_authors-{n}-id": ""})
    client.force_login(expert)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("wagtailadmin_pages:edit", args=[draft.pk]), data)
    assert response.status_code == 302
    assert Notification.objects.filter(recipient=other_expert, kind="course.co_author").count() == 1


def test_an_author_removes_a_co_author_who_can_no_longer_edit(client, catalogue, expert, other_expert):
    draft = make_course("My draft", authors=[expert], co_authors=[other_expert], publish=False)
    client.force_login(expert)
    client.post(reverse("sme:remove_co_author", args=[draft.pk, other_expert.pk]))
    assert not CourseAuthor.objects.filter(course=draft, user=other_expert).exists()
    draft.refresh_from_db()
    assert other_expert.pk not in {a.user_id for a in draft.get_latest_revision_as_object().course_authors.all()}
    client.force_login(other_expert)
    # No longer an author: the course is hidden from them in the admin (sme.admin_scope).
    assert client.get(reverse("wagtailadmin_pages:edit", args=[draft.pk])).status_code == 404


def test_a_stranger_cannot_remove_a_co_author(client, catalogue, expert, other_expert):
    stranger = make_user(Role.EXPERT)
    draft = make_course("My draft", authors=[expert], co_authors=[other_expert], publish=False)
    client.force_login(stranger)
    client.post(reverse("sme:remove_co_author", args=[draft.pk, other_expert.pk]))
    assert CourseAuthor.objects.filter(course=draft, user=other_expert).exists()


def test_the_workspace_query_count_stays_flat_with_more_co_authored_drafts(client, catalogue, expert, other_expert):
    make_course("Draft 1", authors=[expert], co_authors=[other_expert], publish=False, lessons=0)
    client.force_login(expert)
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("sme:workspace"))
    for n in range(2, 6):
        make_course(f"Draft {n}", authors=[expert], co_authors=[other_expert], publish=False, lessons=0)
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("sme:workspace"))
    assert len(many) == len(few)


def test_an_author_deletes_their_own_draft_with_its_lessons(client, catalogue, expert, other_expert):
    draft = make_course("Abandoned idea", authors=[expert], co_authors=[other_expert], publish=False, lessons=2)
    lesson_ids = [lesson.pk for lesson in lessons_of(draft)]
    client.force_login(expert)
    url = reverse("wagtailadmin_pages:delete", args=[draft.pk])
    assert client.get(url).status_code == 200
    client.post(url)
    assert not CoursePage.objects.filter(pk=draft.pk).exists()
    assert not LessonPage.objects.filter(pk__in=lesson_ids).exists()


def test_a_published_course_or_one_in_review_cannot_be_deleted_by_its_author(client, catalogue, expert):
    from tests.support.review import make_reviewer

    make_reviewer("SQL"), make_reviewer("SQL")
    live = make_course("Live", authors=[expert])
    in_review = make_course("In review", authors=[expert], skills=["SQL"], publish=False)
    submit_for_review(in_review, expert)
    client.force_login(expert)
    for course in (live, in_review):
        client.post(reverse("wagtailadmin_pages:delete", args=[course.pk]))
        assert CoursePage.objects.filter(pk=course.pk).exists()


def test_someone_elses_draft_cannot_be_deleted(client, catalogue, expert, other_expert):
    draft = make_course("Not mine", authors=[other_expert], publish=False)
    client.force_login(expert)
    client.post(reverse("wagtailadmin_pages:delete", args=[draft.pk]))
    assert CoursePage.objects.filter(pk=draft.pk).exists()
