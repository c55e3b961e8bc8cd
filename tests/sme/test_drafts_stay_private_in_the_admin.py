"""An expert never sees the title of another author's course through any screen or API of Wagtail's
admin (issue 15 item 2); the author and L&D admins still do."""

import pytest

from tests.support.courses import make_course

pytestmark = pytest.mark.django_db
SECRET = "Zanzibar merger playbook"


@pytest.fixture
def secret_draft(catalogue, other_expert):
    return make_course(SECRET, authors=[other_expert], lessons=1, quiz=False, publish=False)


def leaks(client, url):
    response = client.get(url)
    return response.status_code == 200 and SECRET in response.content.decode()


@pytest.mark.parametrize("url", [
    "/cms/api/main/pages/?search=Zanzibar",
    "/cms/api/main/pages/{id}/",
    "/cms/api/main/pages/?child_of={id}",
    "/cms/pages/usage/courses/coursepage/",
    "/cms/reports/site-history/",
    "/cms/reports/page-types-usage/",
    "/cms/pages/{id}/",
    "/cms/pages/{id}/results/",
    "/cms/choose-page/{id}/",
    "/cms/bulk/wagtailcore/page/delete/?id={id}",
    "/cms/pages/{id}/move/{catalogue}/confirm/",
    "/cms/pages/workflow/confirm_cancellation/{id}/",
])
def test_another_authors_draft_title_never_reaches_an_expert(client, expert, secret_draft, url):
    client.force_login(expert)
    response = client.get(url.format(id=secret_draft.pk, catalogue=secret_draft.get_parent().pk), follow=True)
    assert SECRET not in response.content.decode()


@pytest.mark.parametrize("url", ["/cms/pages/{id}/", "/cms/choose-page/{id}/", "/cms/pages/{id}/edit/",
                                 "/cms/bulk/wagtailcore/page/delete/?id={id}", "/cms/api/main/pages/{id}/"])
def test_an_admin_screen_naming_another_authors_draft_is_not_found_for_an_expert(client, expert, secret_draft, url):
    client.force_login(expert)
    assert client.get(url.format(id=secret_draft.pk)).status_code == 404


def test_wagtails_reports_are_for_ld_admins(client, expert, ld_admin):
    client.force_login(expert)
    assert client.get("/cms/reports/aging-pages/").status_code == 404
    assert "/cms/reports/" not in client.get("/cms/").content.decode()
    client.force_login(ld_admin)
    assert client.get("/cms/reports/site-history/").status_code == 200


def test_a_reviewer_still_opens_the_course_they_review(client, secret_draft, other_expert):
    from datetime import timedelta

    from django.utils import timezone

    from governance.review.models import ReviewAssignment
    from tests.support.review import make_reviewer, submit_for_review

    grace = make_reviewer(email="grace.reviewer@example.com")
    client.force_login(grace)
    assert client.get(f"/cms/pages/{secret_draft.pk}/edit/").status_code == 404  # not hers to review yet
    state = submit_for_review(secret_draft, other_expert)
    ReviewAssignment.objects.get_or_create(
        task_state=state.current_task_state, reviewer=grace,
        defaults={"course": secret_draft, "due_at": timezone.now() + timedelta(days=7)},
    )
    assert client.get(f"/cms/pages/{secret_draft.pk}/edit/").status_code == 200


def test_the_author_and_ld_admins_still_find_the_draft(client, other_expert, ld_admin, secret_draft):
    for person in (other_expert, ld_admin):
        client.force_login(person)
        assert leaks(client, "/cms/api/main/pages/?search=Zanzibar")
        assert leaks(client, f"/cms/pages/{secret_draft.pk}/edit/")
