"""The forms of the approve / request-changes modal that Wagtail's workflow menu opens."""

from django import forms
from django.utils.translation import gettext_lazy as _


class ReviewActionForm(forms.Form):
    """The form of the approve / request-changes modal in the Wagtail editor.

    The checklist boxes are rendered by our modal template from the course's template;
    the service checks them against the real checklist again."""

    comment = forms.CharField(label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 4}), max_length=5000)
    checklist = forms.MultipleChoiceField(label=_("Checklist"), required=False, choices=[(str(i), str(i)) for i in range(50)])
    checklist_size = forms.IntegerField(required=False, widget=forms.HiddenInput, min_value=0, max_value=50)


class ApproveForm(ReviewActionForm):
    def clean(self):
        data = super().clean()
        size = data.get("checklist_size") or 0
        if len(set(data.get("checklist") or [])) < size:
            raise forms.ValidationError(_("Tick every item of the review checklist before approving."))
        return data


class RequestChangesForm(ReviewActionForm):
    comment = forms.CharField(
        label=_("What should the author change?"), widget=forms.Textarea(attrs={"rows": 5}), max_length=5000
    )
