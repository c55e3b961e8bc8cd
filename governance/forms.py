from django import forms
from django.utils.translation import gettext_lazy as _

from courses.models import CoursePage
from governance.figures import KPI_SOURCES, same_name_as_a_figure
from governance.maturity import DIMENSIONS, LEVELS
from governance.models.committees import ActionItem, Committee, Decision, Meeting
from governance.models.kpis import KPIDefinition
from governance.models.needs import LearningNeed, NeedStatus
from governance.models.roadmap import BusinessGoal, Initiative
from guild.core.csv_upload import CsvUploadForm
from guild.people.models import User

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class UniqueNameCheckedBySave:
    """The create and update services check the unique name: a create first, so that the same form sent
    twice lands on the object the first one made instead of a "name already exists" error."""

    def validate_unique(self):
        pass


class NeedForm(forms.ModelForm):
    class Meta:
        model = LearningNeed
        fields = ["title", "why", "description", "goal", "team", "skill", "urgency"]
        widgets = {"why": forms.Textarea(attrs={"rows": 3}), "description": forms.Textarea(attrs={"rows": 4})}
        help_texts = {
            "title": _("A few words, e.g. “Writing SQL for our data warehouse”."),
            "why": _("What will people do better, and for whom?"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["goal"].queryset = BusinessGoal.objects.filter(is_active=True)


class CommentForm(forms.Form):
    body = forms.CharField(label=_("Comment"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))


class VolunteerForm(forms.Form):
    note = forms.CharField(label=_("What you could bring"), max_length=500, required=False)


class TriageForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=NeedStatus.choices)
    note = forms.CharField(label=_("Note for the people who voted"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))
    course = forms.ModelChoiceField(label=_("Course that answers it"), queryset=CoursePage.objects.none(), required=False)
    initiative = forms.ModelChoiceField(label=_("Add to initiative"), queryset=Initiative.objects.none(), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = CoursePage.objects.live().order_by("title")
        self.fields["initiative"].queryset = Initiative.objects.order_by("title")


class MissionForm(forms.Form):
    statement = forms.CharField(label=_("Mission statement"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))
    talent = forms.CharField(label=_("Pillar 1: talent and culture"), max_length=2000, required=False,
                             widget=forms.Textarea(attrs={"rows": 3}))
    performance = forms.CharField(label=_("Pillar 2: business performance today and tomorrow"), max_length=2000,
                                  required=False, widget=forms.Textarea(attrs={"rows": 3}))
    productivity = forms.CharField(label=_("Pillar 3: L&D productivity"), max_length=2000, required=False,
                                   widget=forms.Textarea(attrs={"rows": 3}))


class GoalForm(UniqueNameCheckedBySave, forms.ModelForm):
    class Meta:
        model = BusinessGoal
        fields = ["title", "description", "pillar", "weight", "owner", "is_active"]


class InitiativeForm(forms.ModelForm):
    class Meta:
        model = Initiative
        fields = ["title", "description", "pillar", "goal", "owner", "status", "starts_on", "ends_on",
                  "team", "budget_planned", "budget_spent", "courses", "paths", "needs", "kpis"]
        widgets = {"starts_on": DATE, "ends_on": DATE, "description": forms.Textarea(attrs={"rows": 3})}

    def _not_negative(self, name):
        value = self.cleaned_data.get(name)
        if value is not None and value < 0:
            raise forms.ValidationError(_("A budget cannot be negative: enter 0 or more."))
        return value

    def clean_budget_planned(self):
        return self._not_negative("budget_planned")

    def clean_budget_spent(self):
        return self._not_negative("budget_spent")

    def clean(self):
        data = super().clean()
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", _("The end date must be on or after the start date."))
        return data


class CommitteeForm(UniqueNameCheckedBySave, forms.ModelForm):
    class Meta:
        model = Committee
        fields = ["kind", "name", "purpose", "cadence", "chair", "members"]


class MeetingForm(forms.ModelForm):
    class Meta:
        model = Meeting
        fields = ["held_on", "agenda", "minutes"]
        widgets = {"held_on": DATE, "agenda": forms.Textarea(attrs={"rows": 4}), "minutes": forms.Textarea(attrs={"rows": 4})}


class DecisionForm(forms.ModelForm):
    class Meta:
        model = Decision
        fields = ["text", "initiative"]
        widgets = {"text": forms.Textarea(attrs={"rows": 2})}


class ActionForm(forms.ModelForm):
    class Meta:
        model = ActionItem
        fields = ["title", "owner", "due_on"]
        widgets = {"due_on": DATE}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = User.objects.filter(is_active=True)


class KPIForm(UniqueNameCheckedBySave, forms.ModelForm):
    """A KPI is either bound to a figure Guild computes (chosen from the list, nothing to type) or
    entered by hand (business data); never a hand series under the name of a computed figure."""

    source = forms.ChoiceField(
        label=_("Where its values come from"),
        choices=[(KPIDefinition.MANUAL, _("Entered by hand: business data I import (turnover, sales cycle…)")),
                 (_("Computed by Guild from the platform"), KPI_SOURCES)],
        help_text=_("A computed KPI always shows the same figure as the dashboard; only business data is typed."),
        required=False,  # left out (an older form, a script): entered by hand
    )

    class Meta:
        model = KPIDefinition
        fields = ["slug", "name", "source", "tier", "unit", "description", "target", "higher_is_better"]

    def clean_source(self):
        return self.cleaned_data.get("source") or KPIDefinition.MANUAL

    def clean(self):
        data = super().clean()
        source, name = data.get("source"), data.get("name") or ""
        if source == KPIDefinition.MANUAL:
            twin = same_name_as_a_figure(name)
            if twin is not None:
                self.add_error("source", _("Guild computes “%(figure)s” from the platform: choose it under “Computed "
                                           "by Guild” instead of entering values by hand.") % {"figure": twin.label})
        elif source and self.instance.pk and self.instance.values.exists():
            self.add_error("source", _("This KPI has values entered by hand. A computed KPI cannot keep them: "
                                       "create a new KPI for the computed figure instead."))
        return data


class KPIImportForm(CsvUploadForm):
    file = forms.FileField(label=_("CSV file"), help_text=_("Columns: metric,team,date,value. Dates as YYYY-MM-DD."))


class MaturityForm(forms.Form):
    notes = forms.CharField(label=_("Notes"), max_length=4000, required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, previous=None, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(n, f"{n} · {name}") for n, name in LEVELS.items()]
        for d in DIMENSIONS:
            initial = previous.by_dimension[d.key].level if previous and d.key in previous.by_dimension else None
            self.fields[f"level_{d.key}"] = forms.TypedChoiceField(
                label=d.name, choices=choices, coerce=int, widget=forms.RadioSelect, initial=initial,
            )
            self.fields[f"next_{d.key}"] = forms.CharField(
                label=_("Next step"), max_length=1000, required=False, widget=forms.Textarea(attrs={"rows": 2}),
                help_text=_("Leave empty to use the suggested step for this level."),
            )

    def ratings(self):
        return {d.key: (self.cleaned_data[f"level_{d.key}"], self.cleaned_data[f"next_{d.key}"]) for d in DIMENSIONS}
