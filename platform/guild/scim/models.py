"""What Guild keeps of an identity provider's SCIM resources beside its own people and teams.

A person's Guild fields (email, names, job title, employee id, active) are the truth; the rest of the
User resource the provider sent (phone numbers, addresses, display name...) is kept as it was sent,
so that the provider reads back what it wrote. Teams are SCIM groups; only their externalId lives here."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _


class ScimUser(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="scim")
    user_name = models.CharField(_("SCIM userName"), max_length=254)
    external_id = models.CharField(_("external id"), max_length=255, blank=True, db_index=True)
    document = models.JSONField(_("attributes as provisioned"), default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # DELETE deactivates the person and hides them from SCIM; their history stays. A new POST of the
    # same userName brings them back.
    deleted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("SCIM-provisioned person")
        verbose_name_plural = _("SCIM-provisioned people")
        constraints = [models.UniqueConstraint(Lower("user_name"), name="scim_unique_user_name")]

    def __str__(self):
        return self.user_name


class ScimGroup(models.Model):
    team = models.OneToOneField("people.Team", on_delete=models.CASCADE, related_name="scim")
    external_id = models.CharField(_("external id"), max_length=255, blank=True, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("SCIM-provisioned team")
        verbose_name_plural = _("SCIM-provisioned teams")

    def __str__(self):
        return str(self.team)
