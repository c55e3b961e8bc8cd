from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courses.models import CoursePage, LearningPathPage
from guild.core.form_fields import IdModelChoiceField, IdModelMultipleChoiceField
from guild.people.models import Team
from guild.people.selectors import direct_reports

from .models import EnrolmentRule, ReminderPolicy
from .rules import can_manage_all_rules, rule_teams


class DateInput(forms.DateInput):
    input_type = "date"


class EnrolmentRuleForm(forms.ModelForm):
    """Offers a manager only the teams they manage; rules.save_rule enforces it."""

    class Meta:
        model = EnrolmentRule
        fields = ["name", "is_active", "team", "role", "joined_within_days", "lacking_required_skills",
                  "course", "path", "due_in_days", "due_on"]
        widgets = {"due_on": DateInput}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = CoursePage.objects.live().order_by("title")
        self.fields["path"].queryset = LearningPathPage.objects.live().order_by("title")
        if can_manage_all_rules(user):
            self.fields["team"].queryset = Team.objects.order_by("path")
        else:
            self.fields["team"].queryset = rule_teams(user).order_by("path")
            self.fields["team"].required = True
            self.fields["team"].help_text = _("One of your teams; the rule covers its sub-teams too.")


class ReminderPolicyForm(forms.ModelForm):
    class Meta:
        model = ReminderPolicy
        fields = [
            "before_due_days", "overdue_every_days", "overdue_max_reminders", "inactivity_days", "escalate_after_days",
            "digest_weekday", "manager_digest", "author_digest", "review_remind_hours", "review_escalate_days",
            "escalation_email", "renewal_days_before", "send_from_hour", "send_until_hour",
        ]


class AssignCourseForm(forms.Form):
    course = IdModelChoiceField(label=_("Course"), queryset=CoursePage.objects.none())
    learners = IdModelMultipleChoiceField(
        label=_("People"), queryset=None, widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one person.")},
    )
    due_date = forms.DateField(label=_("Due date"), widget=DateInput)

    def __init__(self, *args, manager, **kwargs):
        super().__init__(*args, **kwargs)
        self.manager = manager
        self.fields["course"].queryset = CoursePage.objects.live().order_by("title")
        self.fields["learners"].queryset = direct_reports(manager=manager).order_by("first_name", "last_name")
        self.fields["learners"].label_from_instance = lambda u: u.display_name

    def clean_due_date(self):
        due = self.cleaned_data["due_date"]
        if due < timezone.localdate():
            raise forms.ValidationError(_("The due date is in the past: choose today or a later date."))
        return due
