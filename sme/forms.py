from django import forms
from django.utils.translation import gettext_lazy as _

from guild.people.models import User
from guild.skills.models import Skill, SkillLevel

from .models import ExpertProfile


class ProfileForm(forms.ModelForm):
    class Meta:
        model = ExpertProfile
        fields = ["bio", "open_to_author", "open_to_review", "open_to_mentor"]


class ExpertSkillForm(forms.Form):
    skill = forms.ModelChoiceField(label=_("Skill"), queryset=Skill.objects.all())
    level = forms.TypedChoiceField(label=_("Level"), choices=SkillLevel.choices, coerce=int, initial=SkillLevel.PROFICIENT)


class NominationForm(forms.Form):
    nominee = forms.ModelChoiceField(
        label=_("Who"), queryset=User.objects.filter(is_active=True),
        help_text=_("Choose yourself to volunteer: “I'd like to share what I know”."),
    )
    skill = forms.ModelChoiceField(label=_("Skill"), queryset=Skill.objects.all())
    reason = forms.CharField(
        label=_("Why"), max_length=2000, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What have they done that shows they know it well?"),
    )


class StartCourseForm(forms.Form):
    title = forms.CharField(label=_("Course title"), max_length=255, help_text=_("You can change it later."))


class AnswerForm(forms.Form):
    answer = forms.CharField(label=_("Your answer"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3}))


class CoAuthorForm(forms.Form):
    user = forms.ModelChoiceField(label=_("Expert to invite"), queryset=User.objects.filter(is_active=True, groups__name="Expert"))


MENTION_HINT = _("Type @ and a name to mention someone who can see this discussion: they get a notification.")


class _MentionsForm(forms.Form):
    """`mentions_url` turns on the @mention autocomplete of the message (static/guild/js/people-picker.js)."""

    def __init__(self, *args, mentions_url="", **kwargs):
        super().__init__(*args, **kwargs)
        if mentions_url:
            body = self.fields["body"]
            body.widget.attrs.update({"data-mentions": mentions_url, "data-list-label": _("People to mention")})
            body.help_text = MENTION_HINT


class ThreadForm(_MentionsForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    body = forms.CharField(label=_("Message"), max_length=5000, widget=forms.Textarea(attrs={"rows": 5}))


class ReplyForm(_MentionsForm):
    body = forms.CharField(label=_("Reply"), max_length=5000, widget=forms.Textarea(attrs={"rows": 4}))
