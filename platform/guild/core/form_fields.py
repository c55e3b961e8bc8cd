"""Model choice fields that refuse an id the table cannot hold with the field's own "not a valid
choice" error. Django's look the value up first, and PostgreSQL answers a too-large integer with an
error (a 500) instead of "no such row"."""

from django import forms

from .safe_input import parse_id


def _check_ids(field, values):
    for value in values:
        if value not in field.empty_values and parse_id(value) is None:
            raise forms.ValidationError(
                field.error_messages["invalid_choice"], code="invalid_choice", params={"value": value}
            )


class IdModelChoiceField(forms.ModelChoiceField):
    def to_python(self, value):
        _check_ids(self, [value])
        return super().to_python(value)


class IdModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    def _check_values(self, value):
        _check_ids(self, value)
        return super()._check_values(value)
