"""Experts see and edit only the courses they author or co-author, in the admin and by URL."""

import pytest
from django.urls import reverse

from tests.support.courses import lessons_of, make_course
from tests.support.people import make_user
from tests.support.review import make_reviewer, submit_for_review

pytestmark = pytest.mark.django_db


@pytest.fixture
def own(catalogue, expert):
    return make_course("Mine", authors=[expert], skills=["SQL"], lessons=1, publish=False)


@pytest.fixture
def theirs(catalogue, other_expert):
    return make_course("Theirs", authors=[other_expert], skills=["SQL"], lessons=1, publish=False)


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def refused(response):
    """Wagtail's admin answers PermissionDenied with a redirect to its home and an error message;
    a screen naming a course the person may not see is not found (sme.admin_scope's guard)."""
    from django.contrib.messages import get_messages

    if response.status_code in (403, 404):
        return True
    texts = [str(m) for m in get_messages(response.wsgi_request)]
    return (
        response.status_code == 302
        and response["Location"] == reverse("wagtailadmin_home")
        and any("permission" in t for t in texts)
    )


def test_an_expert_opens_the_editor_of_their_own_course_and_its_lessons(client, expert, own):
    client.force_login(expert)
    assert client.get(edit_url(own)).status_code == 200
    assert client.get(edit_url(lessons_of(own)[0])).status_code == 200


def test_an_expert_cannot_open_another_experts_course_by_direct_url(client, expert, theirs):
    client.force_login(expert)
    assert refused(client.get(edit_url(theirs)))
    assert refused(client.get(edit_url(lessons_of(theirs)[0])))
    assert refused(client.get(reverse("wagtailadmin_pages:preview_on_edit", args=[theirs.pk])))


def test_an_expert_cannot_change_another_experts_course_by_posting(client, expert, theirs):
    client.force_login(expert)
    response = client.post(edit_url(theirs), {"title": "Hijacked", "slug": theirs.slug, "summary": "x"})
    assert refused(response)
    theirs.refresh_from_db()
    assert theirs.title == "Theirs" and theirs.get_latest_revision_as_object().title == "Theirs"


def test_an_expert_cannot_add_a_lesson_to_another_experts_course(client, expert, theirs, own):
    client.force_login(expert)
    add = "wagtailadmin_pages:add"
    assert refused(client.get(reverse(add, args=["courses", "lessonpage", theirs.pk])))
    assert client.get(reverse(add, args=["courses", "lessonpage", own.pk])).status_code == 200


def test_a_co_author_edits_the_course(client, catalogue, expert, other_expert):
    course = make_course("Shared", authors=[other_expert], co_authors=[expert], publish=False)
    client.force_login(expert)
    assert client.get(edit_url(course)).status_code == 200


def test_the_page_explorer_lists_only_the_experts_own_courses(client, catalogue, expert, own, theirs):
    client.force_login(expert)
    response = client.get(reverse("wagtailadmin_explore", args=[catalogue.pk]))
    assert response.status_code == 200
    assert "Mine" in response.text and "Theirs" not in response.text


def test_an_expert_cannot_publish_their_own_course_without_review(client, expert, own):
    from wagtail.models import Page

    client.force_login(expert)
    perms = Page.objects.get(pk=own.pk).specific.permissions_for_user(expert)
    assert perms.can_edit() and not perms.can_publish()
    client.post(edit_url(own), {"title": "Mine", "slug": own.slug, "summary": "s", "action-publish": "1",
                                "level": "beginner", "estimated_minutes": 30, "max_quiz_attempts": 3})
    own.refresh_from_db()
    assert not own.live


def test_lessons_are_reviewed_with_their_course_never_submitted_alone(expert, own):
    lesson = lessons_of(own)[0]
    assert not lesson.permissions_for_user(expert).can_submit_for_moderation()
    assert own.permissions_for_user(expert).can_submit_for_moderation()


def test_an_assigned_reviewer_can_open_the_course_under_review_and_others_cannot(client, expert, own):
    reviewer = make_reviewer("SQL")
    bystander = make_user()
    submit_for_review(own, expert)
    client.force_login(reviewer)
    assert client.get(edit_url(own)).status_code == 200
    client.force_login(make_reviewer("Negotiation"))
    assert refused(client.get(edit_url(own)))
    client.force_login(bystander)
    assert client.get(edit_url(own)).status_code in (302, 403)


def test_a_learner_cannot_reach_the_admin(client, learner, own):
    client.force_login(learner)
    response = client.get("/cms/")
    assert response.status_code in (302, 403)
    assert client.get(edit_url(own)).status_code in (302, 403)


def test_an_ld_admin_edits_and_publishes_any_course(client, ld_admin, theirs):
    perms = theirs.permissions_for_user(ld_admin)
    assert perms.can_edit() and perms.can_publish()


def test_lessons_are_locked_while_their_course_is_in_review_and_open_again_after_changes_are_requested(
    client, expert, own
):
    from governance.review import services
    from tests.support.review import current_round

    reviewer = make_reviewer("SQL")
    lesson = lessons_of(own)[0]
    submit_for_review(own, expert)
    assert not lesson.permissions_for_user(expert).can_edit()
    services.request_changes(task_state=current_round(own), reviewer=reviewer, comment="Fix lesson 1.")
    lesson = lessons_of(own)[0]
    assert lesson.permissions_for_user(expert).can_edit()
