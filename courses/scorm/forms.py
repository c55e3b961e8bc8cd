from django import forms
from django.utils.translation import gettext_lazy as _

from courses.models.pages import CoursePage
from guild.people.roles import Role


class ImportForm(forms.Form):
    package = forms.FileField(
        label=_("SCORM package (.zip)"),
        help_text=_("A SCORM 1.2 or SCORM 2004 zip with imsmanifest.xml at its top level."),
        widget=forms.ClearableFileInput(attrs={"accept": ".zip,application/zip"}),
    )
    course = forms.ModelChoiceField(
        label=_("Add to course"), required=False, queryset=CoursePage.objects.none(),
        empty_label=_("A new draft course"),
        help_text=_("Leave empty to start a new draft course from the package."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        courses = CoursePage.objects.order_by("title")
        if not user.has_role(Role.LD_ADMIN) and not user.is_superuser:
            courses = courses.filter(course_authors__user=user)
        self.fields["course"].queryset = courses.only("id", "title")
