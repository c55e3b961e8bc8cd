import uuid

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from guild.skills.models import Skill

from .models import Period, Track


class KudosForm(forms.Form):
    recipient = forms.EmailField(
        label=_("Colleague's email address"), max_length=254,
        help_text=_("Who are you thanking? You cannot thank yourself."),
    )
    message = forms.CharField(
        label=_("Your message"), max_length=500, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What did they do that helped you? Up to 500 characters."),
    )
    skill = forms.ModelChoiceField(
        label=_("Skill (optional)"), queryset=Skill.objects.all(), required=False, empty_label=_("No particular skill"),
    )
    submission_key = forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4)

    def clean_recipient(self):
        email = self.cleaned_data["recipient"].strip().lower()
        person = get_user_model().objects.filter(email__iexact=email, is_active=True).first()
        if person is None:
            raise forms.ValidationError(_("Nobody in Guild has this email address. Check the spelling."))
        return person


class LeaderboardForm(forms.Form):
    track = forms.ChoiceField(label=_("Who"), choices=[(Track.LEARNER, _("Learners")), (Track.CONTRIBUTOR, _("Contributors"))], required=False)
    period = forms.ChoiceField(label=_("When"), choices=Period.choices, required=False)
    team = forms.IntegerField(label=_("Team"), required=False, widget=forms.Select)

    def __init__(self, *args, teams=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].widget.choices = [("", _("Everyone"))] + [(t.pk, t.name) for t in teams]


class LeaderboardPreferenceForm(forms.Form):
    show_on_leaderboards = forms.BooleanField(label=_("Show me on leaderboards"), required=False)
