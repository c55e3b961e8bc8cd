"""L&D admins register receiving systems' endpoints in the Wagtail admin (Settings › Webhooks)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from . import events
from .models import WebhookEndpoint


class WebhookEndpointForm(forms.ModelForm):
    url = forms.URLField(label=_("URL"), max_length=500, assume_scheme="https",
                         help_text=_("Guild POSTs each event here as JSON."))
    events = forms.MultipleChoiceField(label=_("Events"), choices=events.choices, widget=forms.CheckboxSelectMultiple,
                                       help_text=_("What the receiving system is told about."))

    class Meta:
        model = WebhookEndpoint
        fields = ["name", "url", "secret", "events", "is_active"]


class WebhookEndpointViewSet(ModelViewSet):
    name = "guild_webhooks"
    url_prefix = "webhooks"
    model = WebhookEndpoint
    icon = "link-external"
    menu_label = _("Webhooks")
    add_to_settings_menu = True
    list_display = ["name", "url", "is_active"]
    form_fields = ["name", "url", "secret", "events", "is_active"]

    def get_form_class(self, for_update=False):
        return WebhookEndpointForm


@hooks.register("register_admin_viewset")
def register_webhook_endpoints():
    return WebhookEndpointViewSet()
