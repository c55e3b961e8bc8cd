"""Rows as a CSV or XLSX file, safe to open in a spreadsheet (features' exports share this)."""

import csv
import io

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def clean_text(value):
    """People's text without the control characters a spreadsheet cell cannot hold."""
    if not isinstance(value, str):
        return value
    return "".join(ch for ch in value if ch in "\t\n" or not (ord(ch) < 32 or ord(ch) == 127))


def to_csv(rows) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in rows:
        cells = [clean_text(c) for c in row]
        # A leading = + - @ (or tab, CR) would start a formula when the file is opened: make it text.
        writer.writerow([f"'{c}" if isinstance(c, str) and c[:1] in ("=", "+", "-", "@", "\t", "\r") else c
                         for c in cells])
    return buffer.getvalue()


def to_xlsx(rows, *, title="Guild") -> bytes:
    from openpyxl import Workbook  # imported on use: it adds about half a second to start-up

    wb = Workbook()
    ws = wb.active
    ws.title = title[:31]  # the format's limit
    for row in rows:
        cells = [float(c) if not isinstance(c, (str, int, float, type(None))) else clean_text(c) for c in row]
        ws.append(cells)
        for cell in ws[ws.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # always text: openpyxl would otherwise store "=…" as a formula
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
