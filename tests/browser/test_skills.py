"""In Chromium: an L&D admin edits the required-levels grid with the keyboard and saves it; builds an
enrolment rule for new hires and previews who it would enrol before saving it; reads the readiness
heatmap on a phone (text of at least 12 px) and opens the people behind a cell."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from courses.automation.models import EnrolmentRule
from courses.models import Enrolment
from guild.people.models import Team
from guild.people.roles import Role
from guild.skills.models import JobRole, PersonSkill, RoleSkillRequirement
from tests.support.browser import sign_in
from tests.support.courses import enrol, make_course, make_skill
from tests.support.people import PASSWORD, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_ld_admin_edits_the_grid_and_saves_it_at_once(page):
    make_user(Role.LD_ADMIN, email="admin@example.com", first_name="Priya")
    analyst = JobRole.objects.create(name="Data analyst", slug="data-analyst")
    JobRole.objects.create(name="Engineer", slug="engineer")
    sql, python = make_skill("SQL"), make_skill("Python")
    RoleSkillRequirement.objects.create(job_role=analyst, skill=python, level=2)

    sign_in(page, "admin@example.com", PASSWORD)
    page.goto("/skills/requirements/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Required skill levels")
    page.get_by_label("Data analyst: SQL").select_option("3")
    page.get_by_label("Engineer: Python").select_option("4")
    page.get_by_label("Data analyst: Python").select_option("")
    page.get_by_role("button", name="Save required levels").click()

    expect(page.locator(".messages")).to_contain_text("2 added, 0 changed, 1 removed")
    expect(page.get_by_label("Data analyst: SQL")).to_have_value("3")
    expect(page.get_by_label("Data analyst: Python")).to_have_value("")
    assert set(RoleSkillRequirement.objects.values_list("job_role__slug", "skill__name", "level")) == {
        ("data-analyst", "SQL", 3), ("engineer", "Python", 4)}
    assert sql.pk  # the grid lists every skill


def test_an_ld_admin_previews_who_a_new_hire_rule_enrols_before_saving_it(page):
    make_user(Role.LD_ADMIN, email="admin@example.com", first_name="Priya")
    team = Team.add_root(name="Sales", slug="sales")
    today = timezone.localdate()
    make_user(team=team, first_name="Ana", hire_date=today - timedelta(days=4))
    ben = make_user(team=team, first_name="Ben", hire_date=today - timedelta(days=20))
    make_user(team=team, first_name="Olga", hire_date=today - timedelta(days=900))
    course = make_course("Welcome to sales", authors=[make_user(Role.EXPERT)], lessons=1, quiz=False)
    enrol(ben, course)

    sign_in(page, "admin@example.com", PASSWORD)
    page.goto("/automation/rules/new/")
    page.get_by_label("Name").fill("Sales new hires")
    page.get_by_label("Team (and its sub-teams)").select_option(label="Sales")
    page.get_by_label("Hired within (days)").fill("30")
    page.get_by_label("Course").select_option(label="Welcome to sales")
    page.get_by_role("button", name="Preview who it enrols").click()

    preview = page.get_by_test_id("rule-preview")
    expect(preview.get_by_role("status")).to_contain_text("2 people match: 1 would be enrolled, 1 already enrolled.")
    expect(preview.get_by_role("row").filter(has_text="Ana Test")).to_contain_text("Would be enrolled")
    expect(preview.get_by_role("row").filter(has_text="Ben Test")).to_contain_text("Already enrolled")
    expect(preview).not_to_contain_text("Olga")
    assert not EnrolmentRule.objects.exists() and Enrolment.objects.count() == 1

    expect(page.get_by_label("Name")).to_have_value("Sales new hires")  # the form keeps what was typed
    page.get_by_role("button", name="Save the rule").click()
    expect(page.locator(".messages")).to_contain_text("The rule is saved.")
    assert EnrolmentRule.objects.get().joined_within_days == 30


def test_the_heatmap_reads_on_a_phone_and_a_cell_opens_its_people(page):
    make_user(Role.LD_ADMIN, email="admin@example.com", first_name="Priya")
    team = Team.add_root(name="Analytics", slug="analytics")
    role = JobRole.objects.create(name="Analyst", slug="analyst")
    sql = make_skill("SQL")
    RoleSkillRequirement.objects.create(job_role=role, skill=sql, level=3)
    ana = make_user(team=team, job_role=role, first_name="Ana")
    make_user(team=team, job_role=role, first_name="Ben")
    PersonSkill.objects.create(person=ana, skill=sql, level=4, source=PersonSkill.Source.MANAGER)

    page.set_viewport_size({"width": 375, "height": 800})
    sign_in(page, "admin@example.com", PASSWORD)
    page.goto("/governance/")
    heatmap = page.get_by_test_id("chart-readiness")
    cell = heatmap.get_by_role("link", name="50% 1 of 2 people: see who")
    expect(cell).to_be_visible()
    assert float(cell.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")) >= 12
    expect(heatmap.locator(".heatmap-legend")).to_contain_text("80% or more")
    cell.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("SQL in Analytics")
    expect(page.get_by_role("row").filter(has_text="Ben Test")).to_contain_text("Below the level")
    expect(page.get_by_role("row").filter(has_text="Ana Test")).to_contain_text("Manager")
