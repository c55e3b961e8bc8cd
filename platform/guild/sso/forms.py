"""The form an L&D admin fills in to connect an identity provider (allauth's SocialApp).

The provider's details and Guild's claim mapping are kept in SocialApp.settings, in the shape
allauth's openid_connect and saml providers read, plus Guild's own "guild" mapping (services.py)."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from guild.people.roles import Role

OIDC, SAML = "openid_connect", "saml"
PROVIDERS = [(OIDC, _("OpenID Connect")), (SAML, _("SAML 2.0"))]
# Where each form field lives in SocialApp.settings.
SETTING_PATHS = {
    "server_url": ("server_url",),
    "idp_entity_id": ("idp", "entity_id"),
    "idp_sso_url": ("idp", "sso_url"),
    "idp_slo_url": ("idp", "slo_url"),
    "idp_x509cert": ("idp", "x509cert"),
    "email_attribute": ("attribute_mapping", "email"),
    "first_name_attribute": ("attribute_mapping", "first_name"),
    "last_name_attribute": ("attribute_mapping", "last_name"),
    "team_claim": ("guild", "team"),
    "job_role_claim": ("guild", "job_role"),
    "manager_claim": ("guild", "manager"),
    "roles_claim": ("guild", "roles"),
}


def _dig(data, path):
    for key in path:
        data = data.get(key) if isinstance(data, dict) else None
    return data


class IdentityProviderForm(WagtailAdminModelForm):
    provider = forms.ChoiceField(label=_("Protocol"), choices=PROVIDERS)
    slug = forms.SlugField(
        label=_("Short name"), max_length=60,
        help_text=_("Used in the sign-in addresses, e.g. “okta” gives /accounts/oidc/okta/login/. Cannot change later."),
    )
    # OpenID Connect
    server_url = forms.URLField(
        label=_("Issuer URL (OpenID Connect)"), required=False, assume_scheme="https",
        help_text=_("The issuer; Guild reads /.well-known/openid-configuration under it."),
    )
    # SAML 2.0
    idp_entity_id = forms.CharField(label=_("IdP entity ID (SAML)"), required=False, max_length=500)
    idp_sso_url = forms.URLField(label=_("IdP single sign-on URL (SAML)"), required=False, assume_scheme="https")
    idp_slo_url = forms.URLField(label=_("IdP single logout URL (SAML, optional)"), required=False, assume_scheme="https")
    idp_x509cert = forms.CharField(
        label=_("IdP signing certificate (SAML)"), required=False, widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("The X.509 certificate in PEM or base64. Assertions must be signed with its key."),
    )
    allow_idp_initiated = forms.BooleanField(
        label=_("Allow sign-in started from the identity provider (SAML)"), required=False,
        help_text=_("People may open Guild from their company portal's app tile."),
    )
    email_attribute = forms.CharField(label=_("Email attribute (SAML)"), required=False, max_length=300)
    first_name_attribute = forms.CharField(label=_("First name attribute (SAML)"), required=False, max_length=300)
    last_name_attribute = forms.CharField(label=_("Last name attribute (SAML)"), required=False, max_length=300)
    # Guild's mapping (both protocols)
    team_claim = forms.CharField(label=_("Team claim or attribute"), required=False, max_length=300,
                                 help_text=_("Its value names a team (name or slug)."))
    job_role_claim = forms.CharField(label=_("Job role claim or attribute"), required=False, max_length=300)
    manager_claim = forms.CharField(label=_("Manager claim or attribute"), required=False, max_length=300,
                                    help_text=_("Its value is the manager's email address."))
    roles_claim = forms.CharField(label=_("Groups claim or attribute"), required=False, max_length=300)
    role_values = forms.CharField(
        label=_("Groups to Guild roles"), required=False, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One per line: group value = Guild role, e.g. “lnd-team = L&D admin”. Roles named here follow the provider."),
    )
    email_domains = forms.CharField(
        label=_("Email domains allowed"), required=False, max_length=500,
        help_text=_("Comma-separated, e.g. acme.com. Empty: the sign-up domains, or any."),
    )

    class Meta:
        model = None  # set in viewset (allauth's SocialApp)
        fields = ["provider", "name", "client_id", "secret"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        app = self.instance
        self.fields["client_id"].required = False
        self.fields["client_id"].label = _("Client ID (OpenID Connect)")
        self.fields["secret"].required = False
        self.fields["secret"].label = _("Client secret (OpenID Connect)")
        if app.pk:
            data = app.settings or {}
            self.initial["slug"] = app.provider_id or app.client_id
            self.fields["slug"].disabled = True
            self.fields["provider"].disabled = True
            for name, path in SETTING_PATHS.items():
                value = _dig(data, path)
                self.initial[name] = value[0] if isinstance(value, list) and value else (value or "")
            self.initial["allow_idp_initiated"] = _dig(data, ("advanced", "reject_idp_initiated_sso")) not in (None, True)
            self.initial["role_values"] = "\n".join(f"{k} = {v}" for k, v in (_dig(data, ("guild", "role_values")) or {}).items())
            self.initial["email_domains"] = ", ".join(_dig(data, ("guild", "email_domains")) or [])

    def clean_slug(self):
        slug = slugify(self.cleaned_data["slug"])
        model = type(self.instance)
        taken = model.objects.filter(provider_id=slug).exclude(pk=self.instance.pk)
        if not self.instance.pk and taken.exists():
            raise ValidationError(_("Another identity provider already uses this short name."))
        return slug

    def clean_role_values(self):
        pairs = {}
        for number, line in enumerate(self.cleaned_data["role_values"].splitlines(), start=1):
            if not line.strip():
                continue
            value, sep, role = line.partition("=")
            if not sep or not value.strip() or role.strip() not in Role.values:
                raise ValidationError(
                    _("Line %(n)s: write “group value = role”, the role one of: %(roles)s.")
                    % {"n": number, "roles": ", ".join(Role.values)}
                )
            pairs[value.strip()] = role.strip()
        return pairs

    def clean_email_domains(self):
        return [d.strip().lower().lstrip("@") for d in self.cleaned_data["email_domains"].split(",") if d.strip()]

    def clean(self):
        data = super().clean()
        required = (
            {"server_url": _("the issuer URL"), "client_id": _("the client ID")}
            if data.get("provider") == OIDC
            else {"idp_entity_id": _("the IdP entity ID"), "idp_sso_url": _("the IdP single sign-on URL"),
                  "idp_x509cert": _("the IdP signing certificate")}
        )
        for field, label in required.items():
            if not data.get(field):
                self.add_error(field, _("Enter %(what)s.") % {"what": label})
        return data

    def save(self, commit=True):
        app = super().save(commit=False)
        data = self.cleaned_data
        slug = data["slug"]
        app.provider_id = slug
        settings = {"guild": {
            "team": data["team_claim"], "job_role": data["job_role_claim"], "manager": data["manager_claim"],
            "roles": data["roles_claim"], "role_values": data["role_values"], "email_domains": data["email_domains"],
        }}
        if app.provider == OIDC:
            settings["server_url"] = data["server_url"]
        else:
            app.client_id = slug  # allauth's SAML URLs name the app by its client id
            app.secret = ""
            settings["idp"] = {k: data[f"idp_{k}"] for k in ("entity_id", "sso_url", "x509cert")}
            if data["idp_slo_url"]:
                settings["idp"]["slo_url"] = data["idp_slo_url"]
            settings["attribute_mapping"] = {
                key: data[f"{key}_attribute"] for key in ("email", "first_name", "last_name") if data[f"{key}_attribute"]
            }
            settings["advanced"] = {
                "want_assertion_signed": True,
                "reject_idp_initiated_sso": not data["allow_idp_initiated"],
                "logout_request_signed": False,
            }
            if not settings["attribute_mapping"]:
                del settings["attribute_mapping"]
        app.settings = settings
        if commit:
            app.save()
        return app
