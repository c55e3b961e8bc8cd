"""The exports and the reporting API carry what the dashboard shows beside each figure: its value for
the previous period of the same length and the change; a figure of how things stand now says "as of
today" and has no previous value, never a made-up one."""

import csv
import io
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from governance.models.kpis import KPIValue
from governance.services.rollups import refresh_rollups
from tests.support.governance import make_events, make_kpi
from tests.support.people import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def three_now_five_before(team):
    """3 active learners in the last 30 days, 5 in the 30 days before them."""
    make_events([make_user(team=team) for _ in range(3)], 6, verbs=("experienced",), days=10)
    make_events([make_user(team=team) for _ in range(5)], 10, verbs=("experienced",), days=10,
                ago=timedelta(days=40))
    refresh_rollups()


def _previous_window():
    today = timezone.localdate()
    return today - timedelta(days=59), today - timedelta(days=30)


def test_the_csv_export_carries_the_previous_period_and_the_change(client, ld_admin, three_now_five_before):
    client.force_login(ld_admin)
    text = client.get(reverse("governance:export", args=["csv"]), {"period": 30}).content.decode()
    rows = {row[1]: row for row in csv.reader(io.StringIO(text))}
    start, end = _previous_window()
    assert rows["metric"] == ["section", "metric", "value", "previous", "change", "compared_with"]
    assert rows["Active learners"] == ["engagement", "Active learners", "3", "5", "-2",
                                       f"previous 30 days ({start.isoformat()} to {end.isoformat()})"]
    # The headcount is how things stand now: no previous value, no change, and the file says why.
    assert rows["People"][3:] == ["", "", "as of today"]
    # A share's change is in percentage points, rounded as the page rounds.
    share = rows["Active learners (%)"]
    assert share[4] == str(round(Decimal(share[2]) - Decimal(share[3]), 1)).rstrip("0").rstrip(".")


def test_the_xlsx_export_keeps_numbers_in_the_new_columns(client, ld_admin, three_now_five_before):
    client.force_login(ld_admin)
    xlsx = client.get(reverse("governance:export", args=["xlsx"]), {"period": 30})
    rows = {row[1]: row for row in load_workbook(io.BytesIO(xlsx.content)).active.iter_rows(values_only=True)}
    assert rows["Active learners"][2:5] == (3, 5, -2)
    assert rows["Live courses"][3:] == (None, None, "as of today")


def test_the_api_gives_each_figure_its_previous_value_and_change(client, executive, three_now_five_before):
    client.force_login(executive)
    body = client.get("/api/governance/dashboard/", {"period": 30}).json()
    start, end = _previous_window()
    assert (body["previous_period_start"], body["previous_period_end"]) == (start.isoformat(), end.isoformat())
    assert body["period_end"] == timezone.localdate().isoformat()
    figures = {f["key"]: f for f in body["figures"] if f["key"]}
    assert figures["active_learners"] | {"metric": "?"} == {
        "key": "active_learners", "section": "engagement", "metric": "?", "value": "3", "previous": "5",
        "change": "-2", "as_of_today": False}
    assert figures["people"]["as_of_today"] is True and figures["people"]["previous"] is None
    assert figures["people"]["change"] is None
    # No enrolments in either period: a rate with nothing to divide is null in both, and so is its change.
    assert (figures["completion_rate_pct"]["value"], figures["completion_rate_pct"]["change"]) == (None, None)


def test_the_kpi_api_and_table_carry_the_previous_value_and_the_change(client, executive, three_now_five_before):
    bound = make_kpi("active-learners", name="Learners who learn", tier="engagement", source="active_learners")
    make_kpi("headcount", name="Headcount", tier="engagement", source="people")
    turnover = make_kpi("turnover", name="First-year turnover", unit="%", target=Decimal("10"),
                        higher_is_better=False)
    today = timezone.localdate()
    KPIValue.objects.create(kpi=turnover, date=today - timedelta(days=45), value=Decimal("12.5"))
    KPIValue.objects.create(kpi=turnover, date=today - timedelta(days=5), value=Decimal("11"))
    client.force_login(executive)

    kpis = {k["slug"]: k for k in client.get("/api/governance/kpis/", {"period": 30}).json()["results"]}
    assert kpis["active-learners"]["source"] == "active_learners" and kpis["active-learners"]["values"] == []
    current = kpis["active-learners"]["current"]
    assert (current["value"], current["previous"], current["change"], current["as_of_today"]) == ("3", "5", "-2", False)
    assert current["previous_date"] == (today - timedelta(days=30)).isoformat()
    assert kpis["headcount"]["current"]["as_of_today"] is True and kpis["headcount"]["current"]["previous"] is None
    # A hand-entered KPI: its latest value, and the latest one dated before the period (as it stood then).
    manual = kpis["turnover"]["current"]
    assert (manual["value"], manual["previous"], manual["change"], manual["on_track"]) == ("11", "12.5", "-1.5", False)
    assert manual["previous_date"] == (today - timedelta(days=45)).isoformat()
    one = client.get(f"/api/governance/kpis/{bound.slug}/", {"period": 30}).json()
    assert one["current"]["value"] == "3"
    assert client.get("/api/governance/kpis/", {"period": "7"}).status_code == 400
    assert client.get("/api/governance/kpis/", {"team": "nobody"}).status_code == 404

    html = client.get(reverse("governance:dashboard"), {"period": 30}).content.decode()
    row = html.split(f'data-kpi="{bound.slug}"', 1)[1].split("</tr>", 1)[0]
    assert "−2 vs previous 30 days (3)" not in row and "−2 vs previous 30 days (5)" in row
    assert "as of today" in html.split('data-kpi="headcount"', 1)[1].split("</tr>", 1)[0]
    turnover_row = html.split('data-kpi="turnover"', 1)[1].split("</tr>", 1)[0]
    assert "−1.5 pts since" in turnover_row and "(12.5 %)" in turnover_row


def test_a_kpi_with_no_earlier_value_has_no_change(client, ld_admin):
    kpi = make_kpi("sales-cycle-days", name="Sales cycle", unit="days")
    KPIValue.objects.create(kpi=kpi, date=date.today(), value=Decimal("41"))
    client.force_login(ld_admin)
    current = client.get("/api/governance/kpis/sales-cycle-days/").json()["current"]
    assert (current["value"], current["previous"], current["change"]) == ("41", None, None)
