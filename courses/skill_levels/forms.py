from django import forms
from django.utils.translation import gettext_lazy as _

from guild.core.csv_upload import CsvUploadForm
from guild.skills.models import Skill, SkillLevel


class OwnLevelForm(forms.Form):
    skill = forms.ModelChoiceField(label=_("Skill"), queryset=Skill.objects.order_by("name"))
    level = forms.TypedChoiceField(label=_("Your level"), choices=SkillLevel.choices, coerce=int)


class ReviewLevelForm(forms.Form):
    level = forms.TypedChoiceField(label=_("Level"), choices=SkillLevel.choices, coerce=int)


class RequirementsImportForm(CsvUploadForm):
    file = forms.FileField(label=_("CSV file"), help_text=_("Columns: job_role,skill,level."))

    MAX_BYTES = 2 * 1024 * 1024


class HeldLevelsImportForm(CsvUploadForm):
    file = forms.FileField(label=_("CSV file"), help_text=_("Columns: email,skill,level, then optionally date and "
                                                            "lower_validated."))

    MAX_BYTES = 2 * 1024 * 1024
    filename = ""

    def clean_file(self):
        self.filename = getattr(self.cleaned_data.get("file"), "name", "")  # kept as the levels' source detail
        return super().clean_file()


def grid_levels(data, *, role_ids, skill_ids):
    """({(role id, skill id): level or None}, errors) from the grid's `level-<role>-<skill>` fields.
    Only cells of known roles and skills count; a cell not sent stays as it is."""
    levels, errors = {}, []
    for key, value in data.items():
        if not key.startswith("level-"):
            continue
        parts = key.split("-")
        if len(parts) != 3 or not (parts[1].isdigit() and parts[2].isdigit()):
            continue
        role_id, skill_id = int(parts[1]), int(parts[2])
        if role_id not in role_ids or skill_id not in skill_ids:
            errors.append((role_id, skill_id, value))
            continue
        value = value.strip()
        if value == "":
            levels[(role_id, skill_id)] = None
        elif value.isdigit() and int(value) in SkillLevel.values:
            levels[(role_id, skill_id)] = int(value)
        else:
            errors.append((role_id, skill_id, value))
    return levels, errors
