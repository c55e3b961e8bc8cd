"""The upload form of every CSV import: a .csv file of bounded size, read as UTF-8 text (a BOM, as
spreadsheets write it, is dropped). Subclasses set MAX_BYTES and the field's help text."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class CsvUploadForm(forms.Form):
    file = forms.FileField(label=_("CSV file"))

    MAX_BYTES = 5 * 1024 * 1024

    def clean_file(self):
        f = self.cleaned_data["file"]
        limit = min(self.MAX_BYTES, getattr(settings, "GUILD_MAX_UPLOAD_BYTES", self.MAX_BYTES))
        if f.size > limit:
            raise forms.ValidationError(_("The file is too large: import at most %(mb)s MB at a time.")
                                        % {"mb": round(limit / (1024 * 1024))})
        if not f.name.lower().endswith((".csv", ".txt")):
            raise forms.ValidationError(_("Upload a .csv file."))
        try:
            return f.read().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise forms.ValidationError(_("The file must be UTF-8 text.")) from None
