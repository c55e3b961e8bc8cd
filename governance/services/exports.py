"""The dashboard's figures as a CSV or XLSX file, with the same rows as the reporting API: each figure,
its value for the previous period of the same length and the change (Dashboard.export_rows)."""

from dataclasses import dataclass

from django.utils import timezone

from guild.core.exports import CONTENT_TYPES, to_csv, to_xlsx


@dataclass(frozen=True)
class ExportFile:
    content: str | bytes
    content_type: str
    filename: str


HEADER = ("section", "metric", "value", "previous", "change", "compared_with")


def export_dashboard(*, dash, fmt):
    """`fmt`: one of CONTENT_TYPES."""
    rows = [HEADER, *dash.export_rows()]
    content = _csv(rows) if fmt == "csv" else _xlsx(rows)
    return ExportFile(content, CONTENT_TYPES[fmt], f"guild-kpis-{timezone.localdate().isoformat()}.{fmt}")


def _csv(rows):
    return to_csv(rows)


def _xlsx(rows):
    return to_xlsx(rows, title="Guild L&D KPIs")
