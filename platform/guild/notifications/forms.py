from django import forms

from . import kinds
from .models import Channel


class PreferencesForm(forms.Form):
    """One choice per kind of message meant for one of the person's roles: email and in-app, in-app
    only, or nothing."""

    def __init__(self, *args, user, current=None, **kwargs):
        super().__init__(*args, **kwargs)
        current = current or {}
        for kind in kinds.all_kinds():
            if not kind.optional or not kind.is_for(user):
                continue
            self.fields[kind.name] = forms.ChoiceField(
                label=kind.label, help_text=kind.description, choices=Channel.choices,
                initial=current.get(kind.name, Channel.ALL), widget=forms.RadioSelect, required=False,
            )

    def changed_choices(self):
        return {name: value for name, value in self.cleaned_data.items() if value and name in self.changed_data}

