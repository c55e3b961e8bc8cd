"""Business KPIs arrive by CSV: all or nothing, and each bad line is named with its reason."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from governance.models import KPIDefinition, KPIValue
from tests.support.governance import make_kpi

pytestmark = pytest.mark.django_db


def upload(client, text, name="kpis.csv"):
    return client.post(reverse("governance:kpi_import"), {"file": SimpleUploadedFile(name, text.encode(), "text/csv")})


def test_an_ld_admin_imports_business_kpis(client, ld_admin, team):
    client.force_login(ld_admin)
    response = upload(client, f"metric,team,date,value\nSales cycle (days),{team.slug},2026-01-31,42\n"
                              f"Sales cycle (days),{team.name},2026-02-28,39.5\nVoluntary turnover %,,2026-02-28,\"1,200.00\"\n")
    assert response.status_code == 302
    kpi = KPIDefinition.objects.get(slug="sales-cycle-days")
    assert kpi.tier == "business"
    assert [(v.team, str(v.value)) for v in kpi.values.order_by("date")] == [(team, "42.00"), (team, "39.50")]
    assert KPIValue.objects.get(kpi__slug="voluntary-turnover").value == 1200


def test_importing_the_same_file_twice_keeps_one_value_per_date(client, ld_admin, team):
    client.force_login(ld_admin)
    text = f"metric,team,date,value\nsales-cycle-days,{team.slug},2026-01-31,42\n"
    upload(client, text)
    upload(client, text.replace(",42", ",40"))
    assert list(KPIValue.objects.values_list("value", flat=True)) == [40]


@pytest.mark.parametrize("text, line, reason", [
    ("kpi,team,when,value\nx,,2026-01-01,1\n", 1, "The first line must be exactly: metric,team,date,value"),
    ("metric,team,date,value\nsales,,2026-01-01,1\nsales,,31/01/2026,2\n", 3, "is not a date"),
    ("metric,team,date,value\nsales,,2026-01-01,1\nsales,,2026-02-01,about ten\n", 3, "“about ten” is not a number"),
    ("metric,team,date,value\nsales,nowhere,2026-01-01,1\n", 2, "Unknown team “nowhere”"),
    ("metric,team,date,value\nsales,,2026-01-01\n", 2, "Expected 4 values, found 3"),
    ("metric,team,date,value\n", 2, "no data rows"),
])
def test_a_bad_file_imports_nothing_and_names_the_line(client, ld_admin, text, line, reason):
    make_kpi("sales", tier="business")
    client.force_login(ld_admin)
    response = upload(client, text)
    html = response.content.decode()
    assert response.status_code == 200
    assert f"Line {line}: " in html and reason in html
    assert not KPIValue.objects.exists()  # the good lines before the bad one are not kept either


def test_a_file_that_is_not_csv_is_refused(client, ld_admin):
    client.force_login(ld_admin)
    response = upload(client, "metric,team,date,value\n", name="kpis.exe")
    assert "Upload a .csv file." in response.content.decode()
