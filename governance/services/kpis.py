"""KPI definitions, and the CSV import of business metric series (metric, team, date, value)."""

import csv
import io
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from governance.figures import FIGURES, same_name_as_a_figure
from governance.models.kpis import KPIDefinition, KPITier, KPIValue
from governance.permissions import require_ld_admin
from governance.services.double_submit import create_once, update
from guild.people.models import Team


def _kpi_fields(slug, name, tier, unit, description, target, higher_is_better, source):
    if source != KPIDefinition.MANUAL and source not in FIGURES:
        raise ValidationError(_("Choose a figure Guild computes, or “entered by hand”."))
    return {"slug": slug, "name": name, "tier": tier, "unit": unit, "description": description, "target": target,
            "higher_is_better": higher_is_better, "source": source}


def create_kpi(*, by, slug, name, tier, unit="", description="", target=None, higher_is_better=True,
               source=KPIDefinition.MANUAL):
    """A new KPI definition; sent twice, it is created once (its key is unique). `source`: MANUAL or the
    key of the governance.figures figure it is computed from."""
    require_ld_admin(by)
    return create_once(by=by, model=KPIDefinition,
                       fields=_kpi_fields(slug, name, tier, unit, description, target, higher_is_better, source),
                       candidates=lambda: KPIDefinition.objects.filter(slug=slug)[:1], unique_name="slug")


def update_kpi(*, by, kpi, slug, name, tier, unit="", description="", target=None, higher_is_better=True,
               source=KPIDefinition.MANUAL):
    require_ld_admin(by)
    return update(kpi, fields=_kpi_fields(slug, name, tier, unit, description, target, higher_is_better, source))


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


_SPACES = (" ", "\u00a0", "\u202f", "'")  # thousands separators no one reads as a decimal point


class AmbiguousNumber(ValueError):
    """A number that reads two ways, e.g. "1,234" (one thousand two hundred… or one point two three four)."""


def _grouped(whole):
    """True when `whole` ("1", "12", "1,234", "12.345.678" without the separator) is digits grouped by three."""
    head, *groups = whole
    return bool(groups) and 1 <= len(head) <= 3 and head.isdigit() and all(len(g) == 3 and g.isdigit() for g in groups)


def _normalise(text):
    """The number in `text` with "." as its decimal point and no thousands separator. A decimal comma
    ("12,5") and either thousands separator ("1,234.5", "1.234,5", "1 234,5") are understood; "1,234"
    alone is ambiguous and refused."""
    for space in _SPACES:
        text = text.replace(space, "")
    sign = ""
    if text[:1] in "+-":
        sign, text = text[0], text[1:]
    commas, dots = text.count(","), text.count(".")
    if commas and dots:
        decimal_mark = "," if text.rfind(",") > text.rfind(".") else "."
        thousands = "." if decimal_mark == "," else ","
        whole, _mark, fraction = text.rpartition(decimal_mark)
        if thousands in fraction or not _grouped(whole.split(thousands)):
            raise ValueError(text)
        return sign + whole.replace(thousands, "") + "." + fraction
    for mark, count in ((",", commas), (".", dots)):
        if count > 1:  # "1,234,567" or "1.234.567": only thousands separators
            if not _grouped(text.split(mark)):
                raise ValueError(text)
            return sign + text.replace(mark, "")
    if commas == 1:
        whole, fraction = text.split(",")
        if len(fraction) == 3 and whole and whole != "0":
            raise AmbiguousNumber(text)
        return sign + whole + "." + fraction
    return sign + text


def parse_value(text: str) -> Decimal:
    """A KPI value as stored (rounded to cents); ValueError when it is not a number the column holds,
    AmbiguousNumber when it could be read two ways."""
    try:
        value = Decimal(_normalise(text.strip())).quantize(CENTS, rounding=ROUND_HALF_UP)
    except AmbiguousNumber:
        raise
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
        except AmbiguousNumber:
            result.errors.append((line, _("“%(value)s” can be read two ways. Write it without a thousands "
                                          "separator: %(whole)s, or %(decimal)s with a decimal point.")
                                  % {"value": value[:40], "whole": value.replace(",", ""),
                                     "decimal": value.replace(",", ".")}))
            continue
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


def _refuse_computed(result, rows):
    """Values for a KPI Guild computes, or under the name of a figure it computes, are refused: a hand
    series must never sit beside a computed figure of the same name."""
    computed = {k.slug: k for k in KPIDefinition.objects.exclude(source=KPIDefinition.MANUAL)}
    manual = set(KPIDefinition.objects.filter(source=KPIDefinition.MANUAL).values_list("slug", flat=True))
    for line, metric, _team, _day, _value in rows:
        slug = slugify(metric)[:80]
        if slug in computed:
            result.errors.append((line, _("“%(kpi)s” is computed by Guild from the platform: it takes no imported "
                                          "values.") % {"kpi": computed[slug].name}))
        elif slug not in manual and (twin := same_name_as_a_figure(metric)) is not None:
            result.errors.append((line, _("“%(metric)s” is a figure Guild computes (%(figure)s): bind a KPI to it "
                                          "instead of importing values.") % {"metric": metric[:80], "figure": twin.label}))


def import_kpi_csv(*, by, text):
    """Import business KPI values. All or nothing: any bad line rejects the whole file."""
    require_ld_admin(by)
    result, rows = _parse(text)
    if not result.errors:
        _refuse_computed(result, rows)
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
