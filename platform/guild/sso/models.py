from django.db import models
from django.utils.translation import gettext_lazy as _


class UsedAssertion(models.Model):
    """A SAML response Guild has already accepted once: the same one again is a replay.
    In the database, not the cache, so the rule holds while Redis is away."""

    key = models.CharField(_("response and assertion ids"), max_length=64, unique=True)
    seen_at = models.DateTimeField(_("seen at"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("used SAML assertion")
        verbose_name_plural = _("used SAML assertions")

    def __str__(self):
        return self.key
