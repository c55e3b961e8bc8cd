"""KPI definitions, and the CSV import of business metric series (metric, team, date, value)."""

import csv
import io
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from governance.models.kpis import KPIDefinition, KPITier, KPIValue
from governance.permissions import require_ld_admin
from governance.services.double_submit import create_once, update
from guild.people.models import Team


def _kpi_fields(slug, name, tier, unit, description, target, higher_is_better):
    return {"slug": slug, "name": name, "tier": tier, "unit": unit, "description": description, "target": target,
            "higher_is_better": higher_is_better}


def create_kpi(*, by, slug, name, tier, unit="", description="", target=None, higher_is_better=True):
    """A new KPI definition; sent twice, it is created once (its key is unique)."""
    require_ld_admin(by)
    return create_once(by=by, model=KPIDefinition,
                       fields=_kpi_fields(slug, name, tier, unit, description, target, higher_is_better),
                       candidates=lambda: KPIDefinition.objects.filter(slug=slug)[:1], unique_name="slug")


def update_kpi(*, by, kpi, slug, name, tier, unit="", description="", target=None, higher_is_better=True):
    require_ld_admin(by)
    return update(kpi, fields=_kpi_fields(slug, name, tier, unit, description, target, higher_is_better))


COLUMNS = ["metric", "team", "date", "value"]
MAX_ROWS = 50_000


@dataclass
class ImportResult:
    imported: int = 0
    created_kpis: list = field(default_factory=list)
    errors: list = field(default_factory=list)  # [(line, reason)]

    @property
    def ok(self):
        return not self.errors


# The value column is numeric(14, 2): at most 12 digits before the decimal point.
VALUE_LIMIT = Decimal("1e12")
CENTS = Decimal("0.01")
MAX_CELL_CHARS = 1000


def parse_value(text: str) -> Decimal:
    """A KPI value as stored (rounded to cents); ValueError when it is not a number the column holds."""
    try:
        value = Decimal(text.replace(",", "")).quantize(CENTS, rounding=ROUND_HALF_UP)
    except (InvalidOperation, ValueError):
        raise ValueError(text) from None
    if not value.is_finite() or abs(value) >= VALUE_LIMIT:
        raise ValueError(text)
    return value


def _has_control_characters(text: str) -> bool:
    return any(ord(ch) < 32 or ord(ch) == 127 for ch in text)


def _rows(text):
    """(line, cells) for each CSV line; a line the csv module cannot read is (line, None)."""
    reader = csv.reader(io.StringIO(text))
    line = 0
    while True:
        line += 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error:  # e.g. a field longer than the csv module's limit (128 KB)
            yield line, None
            return
        yield line, row


def _parse(text):
    """Yield (line, metric, team, date, value) or collect errors. Nothing is written here."""
    result = ImportResult()
    rows = []
    lines = _rows(text)
    header = next(lines, (1, None))[1]
    if header is None or [h.strip().lower() for h in header] != COLUMNS:
        result.errors.append((1, _("The first line must be exactly: %(cols)s.") % {"cols": ",".join(COLUMNS)}))
        return result, rows
    teams = {t.slug: t for t in Team.objects.all()}
    teams_by_name = {t.name.lower(): t for t in teams.values()}
    for line, row in lines:
        if row is None or any(len(cell) > MAX_CELL_CHARS for cell in row):
            result.errors.append((line, _("A value on this line is too long (at most %(n)s characters).")
                                  % {"n": MAX_CELL_CHARS}))
            break
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != 4:
            result.errors.append((line, _("Expected 4 values, found %(n)s.") % {"n": len(row)}))
            continue
        if any(_has_control_characters(cell) for cell in row):
            result.errors.append((line, _("This line contains a control character (such as a NUL byte): "
                                          "remove it and import again.")))
            continue
        metric, team_ref, day, value = (cell.strip() for cell in row)
        if not slugify(metric):
            result.errors.append((line, _("The metric is empty.")))
            continue
        team = None
        if team_ref:
            team = teams.get(team_ref) or teams_by_name.get(team_ref.lower())
            if team is None:
                result.errors.append((line, _("Unknown team “%(team)s”: use a team's slug or name.") % {"team": team_ref}))
                continue
        try:
            parsed_day = date.fromisoformat(day)
        except ValueError:
            result.errors.append((line, _("“%(date)s” is not a date; write it as YYYY-MM-DD.") % {"date": day}))
            continue
        try:
            parsed_value = parse_value(value)
        except ValueError:
            result.errors.append((line, _("“%(value)s” is not a number Guild can store: use at most 12 digits "
                                          "before the decimal point.") % {"value": value[:40]}))
            continue
        rows.append((line, metric, team, parsed_day, parsed_value))
        if len(rows) > MAX_ROWS:
            result.errors.append((line, _("Too many rows: import at most %(n)s at a time.") % {"n": MAX_ROWS}))
            break
    if not rows and not result.errors:
        result.errors.append((2, _("The file has no data rows.")))
    return result, rows


def import_kpi_csv(*, by, text):
    """Import business KPI values. All or nothing: any bad line rejects the whole file."""
    require_ld_admin(by)
    result, rows = _parse(text)
    if result.errors:
        return result
    with transaction.atomic():
        kpis = {k.slug: k for k in KPIDefinition.objects.all()}
        for _line, metric, team, day, value in rows:
            slug = slugify(metric)[:80]
            kpi = kpis.get(slug)
            if kpi is None:
                kpi = kpis[slug] = KPIDefinition.objects.create(slug=slug, name=metric[:150], tier=KPITier.BUSINESS)
                result.created_kpis.append(kpi)
            KPIValue.objects.update_or_create(kpi=kpi, team=team, date=day, defaults={"value": value})
            result.imported += 1
    return result
