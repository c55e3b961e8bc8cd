from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from guild.events.models import Verb

from .models import LearningRecordStore


class LearningRecordStoreForm(WagtailAdminModelForm):
    verbs = forms.MultipleChoiceField(label=_("Events to send"), choices=Verb.choices, required=False,
                                      widget=forms.CheckboxSelectMultiple,
                                      help_text=_("Leave every box empty to send every kind of event."))
    endpoint = forms.URLField(label=_("Endpoint"), max_length=500, assume_scheme="https",
                              help_text=_("The LRS's xAPI base URL, e.g. https://lrs.example.com/xAPI/"))
    # Never shown back; left empty on edit, the stored secret is kept.
    secret = forms.CharField(label=_("Secret"), required=False, max_length=200,
                             widget=forms.PasswordInput(render_value=False),
                             help_text=_("The Basic authentication password. Leave empty to keep the current one."))

    class Meta:
        model = LearningRecordStore
        fields = ["name", "endpoint", "key", "secret", "actor_format", "verbs", "is_active"]

    def clean_secret(self):
        secret = self.cleaned_data.get("secret", "")
        if not secret:
            if self.instance.pk:
                return self.instance.secret
            raise forms.ValidationError(_("Enter the LRS's secret."))
        return secret
