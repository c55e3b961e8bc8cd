"""The skill levels each job role requires: the grid L&D edits in one form, and its CSV import and export.

Both writes are all or nothing: a bad cell or a bad line leaves every requirement as it was."""

import csv
import io
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from guild.core.exports import to_csv
from guild.people.roles import Role
from guild.skills.models import JobRole, RoleSkillRequirement, Skill, SkillLevel

COLUMNS = ["job_role", "skill", "level"]
MAX_ROWS = 20_000
MAX_CELL_CHARS = 200
NO_LEVEL = ("", "0", "-", "–", "none")  # a cell that says "not required"


def require_ld_admin(user):
    if not (user and user.is_authenticated and user.has_role(Role.LD_ADMIN)):
        raise PermissionDenied("Only L&D admins set the levels job roles require.")


@dataclass
class GridChange:
    created: int = 0
    updated: int = 0
    removed: int = 0

    @property
    def total(self):
        return self.created + self.updated + self.removed


def current_levels() -> dict[tuple[int, int], int]:
    """{(job role id, skill id): required level}. One query."""
    return {(r, s): level for r, s, level in RoleSkillRequirement.objects.values_list("job_role_id", "skill_id", "level")}


@transaction.atomic
def save_levels(*, by, levels: dict[tuple[int, int], int | None]) -> GridChange:
    """Set the required level of each (job role id, skill id) in `levels`; None removes the requirement.
    Pairs not in `levels` stay as they are. Three writes at most, whatever the size of the grid."""
    require_ld_admin(by)
    current = current_levels()
    change = GridChange()
    to_create, to_update, to_remove = [], [], []
    for (role_id, skill_id), level in levels.items():
        held = current.get((role_id, skill_id))
        if level is None and held is not None:
            to_remove.append((role_id, skill_id))
        elif level is not None and held is None:
            to_create.append(RoleSkillRequirement(job_role_id=role_id, skill_id=skill_id, level=level))
        elif level is not None and level != held:
            to_update.append((role_id, skill_id, level))
    if to_remove:
        by_role = {}
        for role_id, skill_id in to_remove:
            by_role.setdefault(role_id, []).append(skill_id)
        for role_id, skill_ids in by_role.items():
            RoleSkillRequirement.objects.filter(job_role_id=role_id, skill_id__in=skill_ids).delete()
    if to_create:
        RoleSkillRequirement.objects.bulk_create(to_create)
    if to_update:
        rows = {(r.job_role_id, r.skill_id): r for r in RoleSkillRequirement.objects.filter(
            job_role_id__in={u[0] for u in to_update}, skill_id__in={u[1] for u in to_update})}
        changed = []
        for role_id, skill_id, level in to_update:
            row = rows[(role_id, skill_id)]
            row.level = level
            changed.append(row)
        RoleSkillRequirement.objects.bulk_update(changed, ["level"])
    change.created, change.updated, change.removed = len(to_create), len(to_update), len(to_remove)
    return change


def parse_level(text: str) -> int | None:
    """A level from "3", "Proficient" or "proficient"; None for an empty cell, "0", "-" or "none".
    Raises ValueError for anything else."""
    text = (text or "").strip()
    if text.lower() in NO_LEVEL:
        return None
    if text.isdigit() and int(text) in SkillLevel.values:
        return int(text)
    for value, label in SkillLevel.choices:
        if text.lower() in (str(label).lower(), SkillLevel(value).name.lower()):
            return value
    raise ValueError(text)


# CSV ----------------------------------------------------------------------------------------------

@dataclass
class ImportResult:
    change: GridChange = field(default_factory=GridChange)
    errors: list = field(default_factory=list)  # [(line, reason)]

    @property
    def ok(self):
        return not self.errors


def name_or_slug_ids(model):
    """{slug or lower-case name: id} for a model with unique names and slugs. One query."""
    out = {}
    for pk, slug, name in model.objects.values_list("pk", "slug", "name"):
        out[slug.lower()] = pk
        out[name.strip().lower()] = pk
    return out


def data_lines(reader, errors, *, width, wrong_width):
    """(line number, [cell, ...] stripped) of each line of `reader` after its header, skipping blank ones;
    a line that cannot be read, has not `width` values (`wrong_width(n)` says so) or holds an overlong
    value is added to `errors` as (line, reason) instead. Shared by the CSV imports of this app."""
    line = 1
    while True:
        line += 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error:
            errors.append((line, _("This line cannot be read as CSV (a value is too long, or a quote is not closed).")))
            return
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != width:
            errors.append((line, wrong_width(len(row))))
            continue
        if any(len(cell) > MAX_CELL_CHARS for cell in row):
            errors.append((line, _("A value on this line is too long (at most %(n)s characters).") % {"n": MAX_CELL_CHARS}))
            continue
        yield line, [cell.strip() for cell in row]


def _parse(text):
    """({(role id, skill id): level or None}, errors). Nothing is written here."""
    errors, levels, seen = [], {}, {}
    reader = csv.reader(io.StringIO(text))
    try:
        header = next(reader, None)
    except csv.Error:
        header = None
    if header is None or [h.strip().lower() for h in header] != COLUMNS:
        return {}, [(1, _("The first line must be exactly: %(cols)s.") % {"cols": ",".join(COLUMNS)})]
    roles, skills = name_or_slug_ids(JobRole), name_or_slug_ids(Skill)
    wrong = _("Expected 3 values (job role, skill, level), found %(n)s.")
    for line, row in data_lines(reader, errors, width=len(COLUMNS), wrong_width=lambda n: wrong % {"n": n}):
        role_ref, skill_ref, level_ref = row
        problems = []
        role_id = roles.get(role_ref.lower())
        if role_id is None:
            problems.append(_("Unknown job role “%(value)s”: use a job role's name or slug.") % {"value": role_ref})
        skill_id = skills.get(skill_ref.lower())
        if skill_id is None:
            problems.append(_("Unknown skill “%(value)s”: use a skill's name or slug.") % {"value": skill_ref})
        try:
            level = parse_level(level_ref)
        except ValueError:
            level = None
            problems.append(_("“%(value)s” is not a level: write 1 to 5 (or its name, e.g. Proficient), "
                              "or leave it empty for “not required”.") % {"value": level_ref})
        if not problems and (role_id, skill_id) in seen:
            problems.append(_("This job role and skill are already on line %(line)s.") % {"line": seen[(role_id, skill_id)]})
        if problems:
            errors.append((line, " ".join(problems)))
            continue
        seen[(role_id, skill_id)] = line
        levels[(role_id, skill_id)] = level
        if len(levels) > MAX_ROWS:
            errors.append((line, _("Too many rows: import at most %(n)s at a time.") % {"n": MAX_ROWS}))
            break
    if not levels and not errors:
        errors.append((2, _("The file has no data rows.")))
    return levels, errors


def import_csv(*, by, text) -> ImportResult:
    """Set required levels from CSV lines `job_role,skill,level` (names or slugs; an empty level removes
    the requirement). All or nothing: any bad line rejects the whole file, each problem with its line."""
    require_ld_admin(by)
    levels, errors = _parse(text)
    if errors:
        return ImportResult(errors=errors)
    return ImportResult(change=save_levels(by=by, levels=levels))


def export_csv() -> str:
    """Every requirement as `job_role,skill,level` lines, in the format import_csv reads. One query."""
    rows = (RoleSkillRequirement.objects.order_by("job_role__name", "skill__name")
            .values_list("job_role__name", "skill__name", "level"))
    return to_csv([COLUMNS, *rows])
