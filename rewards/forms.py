import uuid

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from guild.people.selectors import person_choice, search_people
from guild.skills.models import Skill

from .models import Period, Track


class KudosForm(forms.Form):
    """The recipient is found by name (or email): picked from the suggestions (static/guild/js/people-picker.js
    fills `recipient_id`), or, without JavaScript, searched when the form is sent; several matches
    are offered as choices in the form that comes back."""

    recipient = forms.CharField(
        label=_("Colleague"), max_length=254,
        help_text=_("Type part of their name (or their email address) and pick them. You cannot thank yourself."),
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off", "data-picked-field": "recipient_id",
                                      "data-list-label": _("People matching your search")}),
    )
    recipient_id = forms.IntegerField(label=_("Which colleague did you mean?"), required=False, min_value=1,
                                      max_value=2**31 - 1, widget=forms.HiddenInput)
    message = forms.CharField(
        label=_("Your message"), max_length=500, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What did they do that helped you? Up to 500 characters."),
    )
    skill = forms.ModelChoiceField(
        label=_("Skill (optional)"), queryset=Skill.objects.all(), required=False, empty_label=_("No particular skill"),
    )
    submission_key = forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4)

    def __init__(self, *args, search_url="", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["recipient"].widget.attrs["data-people-picker"] = search_url

    def clean(self):
        cleaned = super().clean()
        query = (cleaned.get("recipient") or "").strip()
        if not query:
            return cleaned
        people = get_user_model().objects.filter(is_active=True)
        picked = cleaned.get("recipient_id")
        if picked:
            # The picked id counts only while the name typed still matches it (a stale id is ignored).
            match = search_people(query=query, among=people.filter(pk=picked), limit=1)
            if match:
                cleaned["recipient"] = match[0]
                return cleaned
        exact = people.filter(email__iexact=query).first()
        matches = [exact] if exact else search_people(query=query, limit=MAX_CHOICES + 1)
        if len(matches) > 1:
            same_name = [p for p in matches if p.display_name.casefold() == query.casefold()]
            matches = same_name if len(same_name) == 1 else matches
        if not matches:
            self.add_error("recipient", _("Nobody in Guild matches “%(q)s”. Check the spelling, or type part of the name.") % {"q": query})
        elif len(matches) > 1:
            field = self.fields["recipient_id"]
            field.widget = forms.RadioSelect(choices=[
                (p.pk, " · ".join(filter(None, [p.display_name, person_choice(p)["detail"]]))) for p in matches[:MAX_CHOICES]
            ])
            self.add_error("recipient", _("Several people match “%(q)s”: choose one below, or type more of the name.") % {"q": query})
        else:
            cleaned["recipient"] = matches[0]
        return cleaned


MAX_CHOICES = 10


class LeaderboardForm(forms.Form):
    track = forms.ChoiceField(label=_("Who"), choices=[(Track.LEARNER, _("Learners")), (Track.CONTRIBUTOR, _("Contributors"))], required=False)
    period = forms.ChoiceField(label=_("When"), choices=Period.choices, required=False)
    team = forms.IntegerField(label=_("Team"), required=False, widget=forms.Select)

    def __init__(self, *args, teams=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].widget.choices = [("", _("Everyone"))] + [(t.pk, t.name) for t in teams]


class LeaderboardPreferenceForm(forms.Form):
    show_on_leaderboards = forms.BooleanField(label=_("Show me on leaderboards"), required=False)
