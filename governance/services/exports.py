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


def _clean_text(value):
    """People's text without the control characters a spreadsheet cell cannot hold."""
    if not isinstance(value, str):
        return value
    return "".join(ch for ch in value if ch in "\t\n" or not (ord(ch) < 32 or ord(ch) == 127))


def _csv(rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in rows:
        cells = [_clean_text(c) for c in row]
        # A leading = + - @ (or tab, CR) would start a formula when the file is opened: make it text.
        writer.writerow([f"'{c}" if isinstance(c, str) and c[:1] in ("=", "+", "-", "@", "\t", "\r") else c
                         for c in cells])
    return buffer.getvalue()


def _xlsx(rows):
    from openpyxl import Workbook  # imported on use: it adds about half a second to start-up

    wb = Workbook()
    ws = wb.active
    ws.title = "Guild L&D KPIs"
    for row in rows:
        cells = [float(c) if not isinstance(c, (str, int, float)) else _clean_text(c) for c in row]
        ws.append(cells)
        for cell in ws[ws.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # always text: openpyxl would otherwise store "=…" as a formula
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
