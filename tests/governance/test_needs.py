"""The learning needs board: post, vote once, comment, volunteer, triage, duplicates."""

import pytest
from django.urls import reverse

from governance.models import LearningNeed, NeedStatus, NeedVote
from governance.selectors.needs import need_priority
from governance.services import needs as services
from guild.skills.models import JobRole, RoleSkillRequirement
from tests.support.courses import make_skill
from tests.support.governance import make_initiative, make_need

pytestmark = pytest.mark.django_db


def test_an_employee_posts_a_need_and_it_counts_their_vote(client, learner):
    client.force_login(learner)
    response = client.post(reverse("governance:need_create"), {
        "title": "Writing SQL window functions", "why": "Our monthly reports take days.", "urgency": 3,
    })
    need = LearningNeed.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("governance:need", args=[need.pk])
    assert need.author == learner and need.team == learner.team and need.vote_count == 1
    assert "Writing SQL window functions" in client.get(reverse("governance:needs")).content.decode()


def test_a_need_without_a_title_is_rejected_with_a_message(client, learner):
    client.force_login(learner)
    response = client.post(reverse("governance:need_create"), {"title": "  the of  ", "why": "x", "urgency": 2})
    assert response.status_code == 200
    assert "Say what people need to learn" in response.content.decode()
    assert not LearningNeed.objects.exists()


@pytest.mark.parametrize("title", ["Writing SQL window functions", "writing sql window-function!", "Learn SQL window functions writing"])
def test_a_duplicate_need_is_pointed_to_the_existing_one(client, learner, other_learner, title):
    existing = make_need(learner, title="Writing SQL window functions")
    client.force_login(other_learner)
    response = client.post(reverse("governance:need_create"), {"title": title, "why": "Same here", "urgency": 2},
                           follow=True)
    assert LearningNeed.objects.count() == 1
    assert response.redirect_chain[-1][0] == reverse("governance:need", args=[existing.pk])
    assert "already on the board" in response.content.decode()
    existing.refresh_from_db()
    assert existing.vote_count == 2  # the second person's wish is counted on the existing need


def test_re_posting_a_need_you_voted_for_does_not_claim_a_new_vote(client, learner):
    existing = make_need(learner, title="Writing SQL window functions")  # the poster's own vote counts
    client.force_login(learner)
    response = client.post(reverse("governance:need_create"), {"title": "Writing SQL window functions", "why": "Again",
                                                               "urgency": 2}, follow=True)
    page = response.content.decode()
    assert "you have already voted for it" in page and "we added your vote" not in page
    existing.refresh_from_db()
    assert existing.vote_count == 1


def test_scores_read_as_whole_numbers_beside_the_vote_counts(client, learner):
    skill = make_skill("Forecasting")
    role = JobRole.objects.create(name="Planner", slug="planner")
    RoleSkillRequirement.objects.create(job_role=role, skill=skill, level=3)
    learner.job_role = role
    learner.save()
    need = make_need(learner, title="Demand forecasting", skill=skill, urgency=1)  # 1 vote + the full gap's 10.0
    assert need_priority(need).score == 11.0
    client.force_login(learner)
    board = client.get(reverse("governance:needs")).content.decode()
    detail = client.get(reverse("governance:need", args=[need.pk])).content.decode()
    assert "<strong>11</strong>" in board and "11.0" not in board
    assert "Priority score: 11<" in detail and "10.0" not in detail


def test_a_different_need_is_not_taken_for_a_duplicate(learner):
    make_need(learner, title="Writing SQL window functions")
    result = services.post_need(author=learner, title="Negotiating software renewals", why="Churn")
    assert result.created


def test_a_person_votes_once_however_often_they_click(client, learner, other_learner):
    need = make_need(learner, title="Kubernetes basics")
    client.force_login(other_learner)
    for _ in range(3):
        client.post(reverse("governance:need_vote", args=[need.pk]))
    need.refresh_from_db()
    assert need.vote_count == 2 and NeedVote.objects.filter(need=need).count() == 2
    client.post(reverse("governance:need_vote", args=[need.pk]), {"action": "remove"})
    need.refresh_from_db()
    assert need.vote_count == 1


def test_anyone_can_comment_and_an_empty_comment_changes_nothing(client, learner, other_learner):
    need = make_need(learner, title="Giving feedback to peers")
    client.force_login(other_learner)
    client.post(reverse("governance:need_comment", args=[need.pk]), {"body": "Yes <b>please</b>"})
    client.post(reverse("governance:need_comment", args=[need.pk]), {"body": "   "})
    need.refresh_from_db()
    assert need.comment_count == 1
    html = client.get(reverse("governance:need", args=[need.pk])).content.decode()
    assert "Yes &lt;b&gt;please&lt;/b&gt;" in html


def test_only_experts_volunteer_to_author(client, learner, expert):
    need = make_need(learner, title="Statistics for product managers")
    client.force_login(learner)
    assert client.post(reverse("governance:need_volunteer", args=[need.pk])).status_code == 403
    client.force_login(expert)
    client.post(reverse("governance:need_volunteer", args=[need.pk]), {"note": "I teach this"})
    client.post(reverse("governance:need_volunteer", args=[need.pk]), {"note": "again"})
    assert list(need.volunteers.values_list("expert", "note")) == [(expert.pk, "I teach this")]


def test_triage_needs_a_note_and_keeps_the_history(client, learner, ld_admin):
    need = make_need(learner, title="Incident response drills")
    client.force_login(ld_admin)
    client.post(reverse("governance:need_triage", args=[need.pk]), {"status": "exploring", "note": ""})
    need.refresh_from_db()
    assert need.status == NeedStatus.NEW
    client.post(reverse("governance:need_triage", args=[need.pk]), {"status": "exploring", "note": "Talking to SRE"})
    client.post(reverse("governance:need_triage", args=[need.pk]), {"status": "planned", "note": "Q3"})
    need.refresh_from_db()
    assert (need.status, need.status_note) == ("planned", "Q3")
    assert list(need.status_changes.values_list("status", flat=True)) == ["planned", "exploring"]
    client.force_login(learner)
    html = client.get(reverse("governance:need", args=[need.pk])).content.decode()
    assert "Talking to SRE" in html and "Q3" in html


def test_a_need_cannot_be_done_without_the_course_that_answered_it(learner, ld_admin):
    need = make_need(learner, title="Accessibility testing")
    with pytest.raises(services.NeedError):
        services.triage(need=need, by=ld_admin, status=NeedStatus.DONE, note="Done")
    need.refresh_from_db()
    assert need.status == NeedStatus.NEW


def test_triage_links_the_need_to_an_initiative(client, learner, ld_admin):
    need = make_need(learner, title="Onboarding for sales")
    initiative = make_initiative(title="Sales onboarding revamp")
    client.force_login(ld_admin)
    client.post(reverse("governance:need_triage", args=[need.pk]),
                {"status": "planned", "note": "Part of the revamp", "initiative": initiative.pk})
    assert list(initiative.needs.all()) == [need]
