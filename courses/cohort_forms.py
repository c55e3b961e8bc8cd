from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from guild.core.form_fields import IdModelChoiceField

from .models.pages import CoursePage, LearningPathPage


class DateInput(forms.DateInput):
    input_type = "date"


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def format_value(self, value):
        return value.strftime("%Y-%m-%dT%H:%M") if hasattr(value, "strftime") else value


class CohortForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=150)
    course = IdModelChoiceField(label=_("Course"), queryset=CoursePage.objects.none(), required=False)
    path = IdModelChoiceField(label=_("…or learning path"), queryset=LearningPathPage.objects.none(), required=False)
    starts_on = forms.DateField(label=_("First day"), widget=DateInput)
    ends_on = forms.DateField(label=_("Last day"), widget=DateInput)
    facilitator = IdModelChoiceField(label=_("Facilitator"), queryset=get_user_model().objects.none(), required=False)

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = CoursePage.objects.live().order_by("title")
        self.fields["path"].queryset = LearningPathPage.objects.live().order_by("title")
        self.fields["facilitator"].queryset = people.order_by("first_name", "last_name", "pk")


class SessionForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=150)
    starts_at = forms.DateTimeField(label=_("Date and time"), widget=DateTimeInput,
                                    input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"])
    duration_minutes = forms.IntegerField(label=_("Duration (minutes)"), min_value=5, max_value=600, initial=60)
    location = forms.CharField(label=_("Place"), max_length=200, required=False)
    video_url = forms.CharField(label=_("Video link"), max_length=500, required=False,
                                widget=forms.URLInput, help_text=_("A place, a video link, or both."))
