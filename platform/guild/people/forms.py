import zoneinfo

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import User


class ProfileSettingsForm(forms.ModelForm):
    timezone = forms.ChoiceField(label=_("Time zone"), choices=[(z, z) for z in sorted(zoneinfo.available_timezones())])

    class Meta:
        model = User
        fields = ["first_name", "last_name", "job_title", "timezone"]
