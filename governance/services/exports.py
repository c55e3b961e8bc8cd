"""The dashboard's figures as a CSV or XLSX file, with the same rows as the reporting API."""

import csv
import io
from dataclasses import dataclass

from django.utils import timezone

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@dataclass(frozen=True)
class ExportFile:
    content: str | bytes
    content_type: str
    filename: str


def export_dashboard(*, dash, fmt):
    """`fmt`: one of CONTENT_TYPES."""
    rows = [("section", "metric", "value"), *dash.export_rows()]
    content = _csv(rows) if fmt == "csv" else _xlsx(rows)
    return ExportFile(content, CONTENT_TYPES[fmt], f"guild-kpis-{timezone.localdate().isoformat()}.{fmt}")


def _csv(rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in rows:
        # Neutralise spreadsheet formulas in text cells.
        writer.writerow([f"'{c}" if isinstance(c, str) and c[:1] in "=+-@" else c for c in row])
    return buffer.getvalue()


def _xlsx(rows):
    from openpyxl import Workbook  # imported on use: it adds about half a second to start-up

    wb = Workbook()
    ws = wb.active
    ws.title = "Guild L&D KPIs"
    for row in rows:
        ws.append([float(c) if not isinstance(c, (str, int, float)) else c for c in row])
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
