"""API tokens in the Wagtail admin (Settings > API tokens): Wagtail's own token screens (list, revoke,
rename, shown once at creation), with Guild's scopes chosen at creation. An L&D admin makes the
identity provider's SCIM token here, or an HR system's read/write/admin token, without a shell;
`manage.py api_token` does the same from one. Both go through guild.people.tokens.create_token."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.log_actions import log
from wagtail.users.utils import user_can_manage_token
from wagtail.users.views import api_tokens as wagtail_tokens

from .models import ApiScope
from .tokens import TokenError, create_token, scopes_of

SCOPE_HELP = _("read: GET; write: create and change; admin: the person's L&D admin powers "
               "(everyone's records, people and teams); scim: provisioning at /scim/v2/ only.")


class ScopedAPITokenForm(wagtail_tokens.APITokenForm):
    scopes = forms.MultipleChoiceField(
        label=_("Scopes"), choices=ApiScope.choices, widget=forms.CheckboxSelectMultiple, help_text=SCOPE_HELP,
    )


class CreateView(wagtail_tokens.CreateView):
    def form_valid(self, form):
        owner = form.cleaned_data["user"]
        if not user_can_manage_token(self.request.user, owner, "wagtailcore.add_apitoken"):
            raise PermissionDenied
        try:
            self.object, plaintext = create_token(
                user=owner, name=form.cleaned_data["name"], scopes=",".join(form.cleaned_data["scopes"]))
        except TokenError as exc:
            form.add_error(None, exc.message)
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)
        log(self.object, "wagtail.apitoken.create", user=self.request.user)
        return TemplateResponse(self.request, "wagtailusers/api_tokens/created.html",
                                self.get_created_context(plaintext))


class IndexView(wagtail_tokens.IndexView):
    @cached_property
    def columns(self):
        return [*super().columns[:2], Column("scopes", label=_("Scopes"), accessor=lambda token: ", ".join(scopes_of(token))), *super().columns[2:]]

    def get_queryset(self):
        return super().get_queryset().select_related("guild_scopes")


class APITokenViewSet(wagtail_tokens.APITokenViewSet):
    # Wagtail's templates link to these names; Wagtail registers its own only with wagtail.api.v3 installed.
    name = "wagtailusers_api_tokens"
    url_prefix = "api-tokens"
    add_view_class = CreateView
    index_view_class = IndexView

    def get_form_class(self, for_update=False):
        if for_update:
            return super().get_form_class(for_update=True)
        return ScopedAPITokenForm
