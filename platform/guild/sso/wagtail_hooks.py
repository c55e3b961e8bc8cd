"""L&D admins connect identity providers under Settings > Single sign-on, without editing settings."""

from allauth.socialaccount.models import SocialApp
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from .forms import IdentityProviderForm


class SocialAppForm(IdentityProviderForm):
    class Meta(IdentityProviderForm.Meta):
        model = SocialApp


class IdentityProviderViewSet(ModelViewSet):
    name = "guild_identity_providers"
    url_prefix = "identity-providers"
    model = SocialApp
    icon = "key"
    menu_label = _("Single sign-on")
    add_to_settings_menu = True
    list_display = ["name", "provider", "provider_id"]
    search_fields = ["name"]
    form_class = SocialAppForm

    def get_form_class(self, for_update=False):
        return SocialAppForm


@hooks.register("register_admin_viewset")
def register_identity_providers():
    return IdentityProviderViewSet()
