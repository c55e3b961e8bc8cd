"""Trend charts that read on their own: axis titles, gridlines, a legend, the full width; and the
roadmap's timeline marks today."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.support.governance import governance_world, make_initiative
from tests.support.people import make_user

pytestmark = pytest.mark.django_db


def test_trend_charts_have_axis_titles_gridlines_a_legend_and_the_full_width(client, ld_admin, team):
    governance_world(admin=ld_admin, people=[make_user(team=team) for _ in range(3)])
    client.force_login(ld_admin)
    html = client.get(reverse("governance:dashboard"), {"period": 365}).content.decode()
    activity = re.search(r'<figure class="([^"]*)" data-testid="chart-activity">(.*?)</figure>', html, re.S)
    assert "gov-chart--trend" in activity.group(1)  # full width, unlike the bar charts
    svg = activity.group(2)
    titles = re.findall(r'class="chart__axis-title"[^>]*>([^<]+)<', svg)
    assert titles == ["Week starting", "Events per week"]
    assert svg.count('stroke="#e3e3e3"') >= 3  # gridlines
    assert ">Learning events</text>" in svg and ">Completions</text>" in svg  # the legend
    business = re.search(r'data-testid="chart-business-[^"]*">(.*?)</figure>', html, re.S).group(1)
    assert re.findall(r'class="chart__axis-title"[^>]*>([^<]+)<', business) == [
        "Month", "Sales cycle days", "Course completions"]
    css = client.get("/static/governance/governance.css")
    assert css.status_code in (200, 404)  # served by the static files app in DEBUG only; the rule is in the file


def test_the_roadmap_timeline_marks_today(client, ld_admin):
    today = timezone.localdate()
    make_initiative(starts_on=today - timedelta(days=100), ends_on=today + timedelta(days=100))
    client.force_login(ld_admin)
    response = client.get(reverse("governance:roadmap"))
    html = response.content.decode()
    marker = re.search(r'data-testid="today-marker"[^>]*style="([^"]*)"', html).group(1)
    months = response.context["months"]
    column = next(n for n, m in enumerate(months) if (m.year, m.month) == (today.year, today.month)) + 2
    assert f"grid-column: {column};" in marker and "grid-row: 1 / span 2;" in marker
    assert "marks today" in html
