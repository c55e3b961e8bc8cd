"""Serializer fields the people API's bodies use (guild.people.api)."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers


class SlugReference(serializers.SlugRelatedField):
    """A record named by its slug or email address in a request body. A name that no row can hold (one
    with a NUL character, which PostgreSQL cannot store) names nothing: "does not exist", a 400,
    never a database error. "None" is null, as the schema says: DRF would take "" for null too, which
    the schema (a slug, or null) does not allow, so "" is refused with a hint."""

    default_error_messages = {"blank": _("Send null for none, not an empty string.")}

    def run_validation(self, data=serializers.empty):
        if data == "":
            self.fail("blank")
        return super().run_validation(data)

    def to_internal_value(self, data):
        if isinstance(data, str) and "\x00" in data:
            self.fail("does_not_exist", slug_name=self.slug_field, value=data.replace("\x00", "\\0"))
        return super().to_internal_value(data)


class BlankAsNull(serializers.CharField):
    """A read-only text given as null when empty: an employee id HR has not given yet is stored as ""
    (the unique constraint skips it) but has no value, so the API says null, never ""."""

    def __init__(self, **kwargs):
        super().__init__(allow_null=True, read_only=True, **kwargs)

    def to_representation(self, value):
        return value or None
