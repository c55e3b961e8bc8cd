"""An expert starts a course from a template in two clicks: a draft with the template's lessons."""

import pytest
from django.urls import reverse

from sme import services
from sme.models import CourseOrigin
from tests.support.courses import lessons_of
from tests.support.review import make_template

pytestmark = pytest.mark.django_db


def test_an_expert_starts_a_draft_course_from_a_template_and_lands_in_the_editor(client, catalogue, expert):
    template = make_template(checklist=("Accurate", "Clear", "Kind"))
    client.force_login(expert)
    assert template.name in client.get(reverse("sme:templates")).text
    response = client.post(reverse("sme:start_course", args=[template.slug]), {"title": "Pivot tables"})
    course = CourseOrigin.objects.get(template=template).course
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[course.pk])
    assert not course.live and course.owner == expert
    assert [(a.user, a.is_lead) for a in course.course_authors.all()] == [(expert, True)]
    lessons = lessons_of(course)
    assert [lesson.title for lesson in lessons] == ["Why it matters", "How to do it"]
    assert "Guidance for Why it matters" in str(lessons[0].body[0].value["text"])
    from governance.review.selectors import checklist_for

    assert checklist_for(course) == ["Accurate", "Clear", "Kind"]


def test_template_guidance_html_is_sanitised(catalogue, expert):
    from sme.models import TemplateLesson

    template = make_template()
    TemplateLesson.objects.filter(template=template).update(guidance="<p>Ok</p><script>alert(1)</script>")
    course = services.start_course_from_template(template=template, author=expert, title="Safe")
    assert "<script>" not in str(lessons_of(course)[0].body[0].value["text"])


def test_a_learner_cannot_start_a_course(client, catalogue, learner):
    template = make_template()
    client.force_login(learner)
    assert client.post(reverse("sme:start_course", args=[template.slug]), {"title": "Nope"}).status_code == 403
    assert not CourseOrigin.objects.exists()


def test_a_course_needs_a_title(client, catalogue, expert):
    template = make_template()
    client.force_login(expert)
    response = client.post(reverse("sme:start_course", args=[template.slug]), {"title": " "})
    assert response.status_code == 200 and not CourseOrigin.objects.exists()


def test_an_author_invites_a_co_author_who_can_then_edit(client, catalogue, expert, other_expert, learner):
    template = make_template()
    course = services.start_course_from_template(template=template, author=expert, title="Together")
    client.force_login(expert)
    client.post(reverse("sme:invite_co_author", args=[course.pk]), {"user": other_expert.pk})
    course.refresh_from_db()
    assert course.permissions_for_user(other_expert).can_edit()
    assert other_expert.pk in {a.user_id for a in course.get_latest_revision_as_object().course_authors.all()}
    with pytest.raises(services.ExpertError):
        services.invite_co_author(course=course, user=learner, by=expert)
    with pytest.raises(services.ExpertError):
        services.invite_co_author(course=course, user=learner, by=learner)
