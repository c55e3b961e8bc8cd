"""My learning: assigned (overdue highlighted), in progress, completed, certificates, paths, recommendations."""

import datetime

import pytest

from courses.models import EnrolmentSource
from guild.skills.models import JobRole, PersonSkill, RoleSkillRequirement
from tests.support.courses import complete_course_for, enrol, make_course, make_path, make_skill
from tests.support.people import make_user

pytestmark = pytest.mark.django_db


def section(html, anchor):
    start = html.index(f'id="{anchor}"')
    return html[start: html.index("</section>", start)]


def test_it_sorts_my_courses_into_assigned_in_progress_and_completed(client, learner, manager):
    overdue = make_course("Security awareness", lessons=1)
    later = make_course("Data privacy", lessons=1)
    chosen = make_course("Negotiation", lessons=1)
    done = make_course("SQL for analysts", lessons=1, certificate_validity_months=12)
    today = datetime.date.today()
    enrol(learner, overdue, source=EnrolmentSource.ASSIGNED, assigned_by=manager, due_date=today - datetime.timedelta(days=3))
    enrol(learner, later, source=EnrolmentSource.ASSIGNED, assigned_by=manager, due_date=today + datetime.timedelta(days=9))
    enrol(learner, chosen)
    complete_course_for(learner, done)
    client.force_login(learner)
    html = client.get("/learning/").content.decode()
    assigned = section(html, "assigned")
    assert assigned.index("Security awareness") < assigned.index("Data privacy")
    assert "Overdue" in assigned and "1 overdue" in assigned
    assert "Negotiation" in section(html, "in-progress")
    assert "SQL for analysts" in section(html, "completed")
    assert "SQL for analysts" in section(html, "certificates") and "Valid" in section(html, "certificates")


def test_it_recommends_courses_for_the_skills_my_role_needs_that_i_lack(client, learner):
    role = JobRole.objects.create(name="Data analyst", slug="data-analyst")
    sql, privacy = make_skill("SQL"), make_skill("Data privacy")
    RoleSkillRequirement.objects.create(job_role=role, skill=sql, level=3)
    RoleSkillRequirement.objects.create(job_role=role, skill=privacy, level=2)
    PersonSkill.objects.create(person=learner, skill=privacy, level=3)  # already good enough
    learner.job_role = role
    learner.save()
    make_course("SQL for analysts", skills=[sql], lessons=0)
    make_course("Data privacy in practice", skills=[privacy], lessons=0)
    make_course("Draft SQL", skills=[sql], lessons=0, publish=False)
    client.force_login(learner)
    recommended = section(client.get("/learning/").content.decode(), "recommended")
    assert "SQL for analysts" in recommended
    assert "Data privacy in practice" not in recommended and "Draft SQL" not in recommended


def test_it_shows_what_my_team_takes(client, learner, other_learner):
    popular = make_course("Team favourite", lessons=0)
    enrol(other_learner, popular)
    outside = make_course("Elsewhere", lessons=0)
    enrol(make_user(), outside)
    client.force_login(learner)
    team = section(client.get("/learning/").content.decode(), "team-popular")
    assert "Team favourite" in team and "Elsewhere" not in team


def test_it_shows_my_paths_with_progress(client, learner):
    first, second = make_course("Step one", lessons=1), make_course("Step two", lessons=1)
    make_path("Analyst path", courses=[first, second])
    complete_course_for(learner, first)
    client.force_login(learner)
    paths = section(client.get("/learning/").content.decode(), "paths")
    assert "Analyst path" in paths and "1 of 2 courses" in paths
    listing = client.get("/learning/paths/").content.decode()
    assert "Analyst path" in listing and "Step two" in listing


def test_enrolling_in_a_path_enrols_in_each_live_course(client, learner):
    first, second = make_course("Step one", lessons=1), make_course("Step two", lessons=1)
    path = make_path("Analyst path", courses=[first, second])
    client.force_login(learner)
    assert "Step two" in client.get(path.url).content.decode()
    client.post(f"/learning/paths/{path.pk}/enrol/")
    assert sorted(learner.enrolments.values_list("source", flat=True)) == ["path", "path"]


def test_the_home_page_has_a_my_learning_panel_with_an_empty_state(client, learner):
    client.force_login(learner)
    html = client.get("/").content.decode()
    assert "You are not taking a course right now." in html and 'href="/learning/"' in html
