"""The certificate as a one-page PDF (fpdf2, core fonts only: nothing fetched)."""

from django.utils import formats
from django.utils.translation import gettext as _
from fpdf import FPDF


def _latin1(text):
    # Core PDF fonts are Latin-1; replace anything outside it rather than fail.
    return str(text).encode("latin-1", "replace").decode("latin-1")


def certificate_pdf(certificate, verify_url) -> bytes:
    pdf = FPDF(orientation="L", format="A4")
    pdf.set_title(_latin1(_("Certificate: %(course)s") % {"course": certificate.course.title}))
    pdf.add_page()
    pdf.set_draw_color(31, 78, 121)
    pdf.set_line_width(1.5)
    pdf.rect(10, 10, 277, 190)
    pdf.set_y(40)
    pdf.set_font("Helvetica", "B", 30)
    pdf.cell(0, 16, _latin1(_("Certificate of completion")), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 14)
    pdf.cell(0, 12, _latin1(_("This certifies that")), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "B", 24)
    name = certificate.learner.get_full_name() or certificate.learner.email
    pdf.cell(0, 16, _latin1(name), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 14)
    pdf.cell(0, 12, _latin1(_("completed the course")), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "B", 20)
    pdf.multi_cell(0, 12, _latin1(certificate.course.title), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    pdf.set_font("Helvetica", "", 12)
    issued = formats.date_format(certificate.issued_at, "DATE_FORMAT")
    line = _("Issued on %(date)s") % {"date": issued}
    if certificate.expires_at:
        line += " · " + _("valid until %(date)s") % {"date": formats.date_format(certificate.expires_at, "DATE_FORMAT")}
    pdf.cell(0, 8, _latin1(line), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 8, _latin1(_("Verification code: %(code)s") % {"code": certificate.code}), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 10)
    pdf.cell(0, 8, _latin1(verify_url), align="C", link=verify_url, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
