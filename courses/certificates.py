"""The certificate as a one-page PDF (fpdf2 with DejaVu Sans, shipped in courses/fonts: nothing
fetched). DejaVu Sans covers Latin, Greek and Cyrillic, so "Łukasz", "Αλέξανδρος" and "Дмитрий"
print as written; the core PDF fonts know only Latin-1."""

from pathlib import Path

from django.utils import formats
from django.utils.translation import gettext as _
from fpdf import FPDF

FONTS = Path(__file__).resolve().parent / "fonts"
FAMILY = "DejaVuSans"


def _new_pdf() -> FPDF:
    pdf = FPDF(orientation="L", format="A4")
    pdf.add_font(FAMILY, "", str(FONTS / "DejaVuSans.ttf"))
    pdf.add_font(FAMILY, "B", str(FONTS / "DejaVuSans-Bold.ttf"))
    return pdf


def certificate_pdf(certificate, verify_url) -> bytes:
    pdf = _new_pdf()
    pdf.set_title(_("Certificate: %(course)s") % {"course": certificate.course.title})
    pdf.add_page()
    pdf.set_draw_color(31, 78, 121)
    pdf.set_line_width(1.5)
    pdf.rect(10, 10, 277, 190)
    pdf.set_y(40)
    pdf.set_font(FAMILY, "B", 30)
    pdf.cell(0, 16, _("Certificate of completion"), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FAMILY, "", 14)
    pdf.cell(0, 12, _("This certifies that"), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FAMILY, "B", 24)
    name = certificate.learner.get_full_name() or certificate.learner.email
    pdf.cell(0, 16, name, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FAMILY, "", 14)
    pdf.cell(0, 12, _("completed the course"), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FAMILY, "B", 20)
    pdf.multi_cell(0, 12, certificate.course.title, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    pdf.set_font(FAMILY, "", 12)
    issued = formats.date_format(certificate.issued_at, "DATE_FORMAT")
    line = _("Issued on %(date)s") % {"date": issued}
    if certificate.expires_at:
        line += " · " + _("valid until %(date)s") % {"date": formats.date_format(certificate.expires_at, "DATE_FORMAT")}
    pdf.cell(0, 8, line, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 8, _("Verification code: %(code)s") % {"code": certificate.code}, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FAMILY, "", 10)
    pdf.cell(0, 8, verify_url, align="C", link=verify_url, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
