"""Query-parameter filters for the API (django-filter), strict about what they accept: a value the
schema does not allow is a 400 naming the parameter, never silently ignored, and never a database
error. Each filter documents its exact type in the OpenAPI schema."""

import datetime as dt
import re

import django_filters
from django import forms
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field

MAX_ID = 2**63 - 1  # a bigint id (guild.core.safe_input says the same; the platform's core imports people, not back)
NO_NUL = "^[^\\x00]*$"  # PostgreSQL text cannot hold NUL characters
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class _NoNulCharField(forms.CharField):
    def clean(self, value):
        if value and "\x00" in value:
            raise forms.ValidationError(_("This value contains a NUL character."), code="invalid")
        return super().clean(value)


@extend_schema_field({"type": "string", "pattern": NO_NUL})
class TextFilter(django_filters.CharFilter):
    field_class = _NoNulCharField


class _StrictBooleanField(forms.Field):
    def to_python(self, value):
        if value in (None, ""):
            return None
        if value in ("true", "True", "1"):
            return True
        if value in ("false", "False", "0"):
            return False
        raise forms.ValidationError(_("Give true or false."), code="invalid")


@extend_schema_field({"type": "boolean"})
class BooleanFilter(django_filters.BooleanFilter):
    field_class = _StrictBooleanField


class _DateTimeField(forms.Field):
    def to_python(self, value):
        if value in (None, ""):
            return None
        parsed = parse_datetime(value) if RFC3339.match(value) else None
        if parsed is None:
            raise forms.ValidationError(_("Give a date and time with its offset, e.g. 2026-01-31T09:00:00Z."), code="invalid")
        # In UTC: PostgreSQL refuses offsets beyond ±15:59 that RFC 3339 allows. An instant before
        # year 1 or after 9999 in UTC compares like the first or last one Python can hold.
        try:
            return parsed.astimezone(dt.UTC)
        except OverflowError:
            edge = dt.datetime.min if parsed.year == 1 else dt.datetime.max
            return edge.replace(tzinfo=dt.UTC)


@extend_schema_field({"type": "string", "format": "date-time"})
class DateTimeFilter(django_filters.Filter):
    field_class = _DateTimeField


class _DateField(forms.DateField):
    def to_python(self, value):
        if value not in (None, "") and not ISO_DATE.match(str(value)):
            raise forms.ValidationError(_("Give a date as YYYY-MM-DD."), code="invalid")
        return super().to_python(value)


@extend_schema_field({"type": "string", "format": "date"})
class DateFilter(django_filters.DateFilter):
    field_class = _DateField


def id_filter(field_name, *, maximum=MAX_ID, **kwargs):
    """A filter on an id column: a whole number the column can hold."""

    @extend_schema_field({"type": "integer", "minimum": 1, "maximum": maximum})
    class IdFilter(django_filters.NumberFilter):
        field_class = forms.IntegerField

    return IdFilter(field_name=field_name, min_value=1, max_value=maximum, **kwargs)


class GuildFilterSet(django_filters.FilterSet):
    """A parameter given with an empty value is refused unless it is free text: `?status=` is a
    mistake, not a request for everything."""

    def is_valid(self):
        super().is_valid()
        for name, flt in self.filters.items():
            if name in self.data and self.data.get(name) == "" and not isinstance(flt, django_filters.CharFilter):
                self.form.add_error(name, forms.ValidationError(_("Give a value, or leave the parameter out."), code="required"))
        return self.form.is_valid()
