"""The certificate PDF prints names in any Latin, Greek or Cyrillic script. Issue 20, found 11."""

import re
import zlib

import pytest

from tests.support.courses import complete_course_for, make_course

pytestmark = pytest.mark.django_db


def unicode_in_pdf(pdf: bytes) -> set[str]:
    """Every character the PDF's fonts map back to Unicode (their ToUnicode CMaps): what a reader
    copies out of it, and what its glyphs show."""
    chars = set()
    for raw in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            text = zlib.decompress(raw)
        except zlib.error:
            text = raw
        if b"begincmap" not in text:
            continue
        for block in re.findall(rb"beginbfchar(.*?)endbfchar", text, re.S):
            for _src, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
                chars.add(bytes.fromhex(dst.decode()).decode("utf-16-be"))
        for block in re.findall(rb"beginbfrange(.*?)endbfrange", text, re.S):
            for lo, hi, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
                start = int(dst, 16)
                chars.update(chr(start + i) for i in range(int(hi, 16) - int(lo, 16) + 1))
    return chars


@pytest.mark.parametrize("first, last", [
    ("Łukasz", "Żółćkiewicz"),        # Polish
    ("Αλέξανδρος", "Παπαδόπουλος"),   # Greek
    ("Дмитрий", "Шостакович"),        # Cyrillic
])
def test_the_name_prints_in_its_own_script(client, user_factory, first, last):
    person = user_factory(first_name=first, last_name=last)
    certificate = complete_course_for(person, make_course("Безопасность данных", lessons=1))
    client.force_login(person)
    response = client.get(f"/learning/certificates/{certificate.pk}/pdf/")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    pdf = response.content
    assert b"DejaVuSans" in pdf  # the shipped font is embedded
    printed = unicode_in_pdf(pdf)
    assert set(first + last + "Безопасность") <= printed
    assert "?" not in printed  # nothing was replaced
