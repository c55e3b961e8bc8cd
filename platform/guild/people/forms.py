import zoneinfo

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .models import User


def language_choices():
    return [("", _("The browser's language")), *settings.LANGUAGES]


class ProfileSettingsForm(forms.ModelForm):
    timezone = forms.ChoiceField(label=_("Time zone"), choices=[(z, z) for z in sorted(zoneinfo.available_timezones())])
    language = forms.ChoiceField(label=_("Language"), choices=language_choices, required=False)

    class Meta:
        model = User
        fields = ["first_name", "last_name", "job_title", "timezone", "language"]
