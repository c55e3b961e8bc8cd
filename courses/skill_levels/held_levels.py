"""People's held levels from a CSV file (an HR assessment, a certification list), and back out to one.

The file's lines are `email,skill,level`, with an optional `date` (the day the level was assessed) and
an optional `lower_validated` column. All or nothing, like the required-levels import: any bad line
rejects the whole file, each problem listed with its line, and nothing is written.

What a line does to the level the person holds:
- none held: the level is added;
- the same level: nothing changes, unless the level held still awaits validation (self-assessed or
  proposed by a course): then the file confirms it;
- a higher level: it replaces the one held;
- a lower level: it replaces a level that awaits validation; a level that stands validated (by a
  manager or an L&D admin, a course that proves it, a confirmed expert, or an earlier import) is never
  lowered silently: the line is refused unless its `lower_validated` column says "yes".

An imported level's source is "import" (its detail: the file's name); the L&D admin who imports it
vouches for it, so it is recorded as validated by them, and it counts at once like every held level.
Nobody is notified: an import is L&D's bulk update, often of hundreds of people."""

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.db import transaction
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from guild.core.exports import to_csv
from guild.people.models import User
from guild.skills.models import PersonSkill, Skill, SkillLevel

from .requirements import data_lines, name_or_slug_ids, parse_level, require_ld_admin

COLUMNS = ["email", "skill", "level", "date", "lower_validated"]
REQUIRED_COLUMNS = 3  # email, skill, level; date and lower_validated may be left out (in that order)
MAX_ROWS = 20_000
YES, NO = ("yes", "y", "true", "1", "x"), ("", "no", "n", "false", "0")
BATCH = 1000


def stands_validated(held: PersonSkill) -> bool:
    """A level someone vouched for: validated (by a manager, an L&D admin, an import, or a course that
    proves it) or set by a manager or as a confirmed expert. An import never lowers one silently."""
    return held.validated_at is not None or held.source in (PersonSkill.Source.MANAGER, PersonSkill.Source.EXPERT)


@dataclass
class HeldChange:
    added: int = 0
    raised: int = 0
    lowered: int = 0
    confirmed: int = 0
    unchanged: int = 0


@dataclass
class HeldImportResult:
    change: HeldChange = field(default_factory=HeldChange)
    errors: list = field(default_factory=list)  # [(line, reason)]

    @property
    def ok(self):
        return not self.errors


@dataclass(frozen=True)
class _Line:
    number: int
    person_id: int
    skill_id: int
    level: int
    assessed_on: date | None
    lower_validated: bool


def _header(reader):
    """The file's columns (the first 3, 4 or 5 of COLUMNS), or None when its first line is not one of them."""
    try:
        header = next(reader, None)
    except csv.Error:
        return None
    names = [h.strip().lower() for h in header or []]
    return names if REQUIRED_COLUMNS <= len(names) <= len(COLUMNS) and names == COLUMNS[:len(names)] else None


def _people_by_email(emails):
    """{lower-case email: (id, is_active)} of the people with these emails. One query."""
    rows = User.objects.annotate(email_lower=Lower("email")).filter(email_lower__in=emails)
    return {email: (pk, active) for pk, email, active in rows.values_list("pk", "email_lower", "is_active")}


def _parse_date(text, today):
    """A date from "YYYY-MM-DD"; None for an empty cell. Raises ValueError otherwise, or for a future day."""
    if not text:
        return None
    day = date.fromisoformat(text) if len(text) == 10 else None
    if day is None or day > today:
        raise ValueError(text)
    return day


def _parse(text):
    """([_Line, ...], errors). Reads the database (people, skills) but writes nothing."""
    reader = csv.reader(io.StringIO(text))
    columns = _header(reader)
    if columns is None:
        return [], [(1, _("The first line must be %(required)s, optionally followed by %(optional)s.") % {
            "required": ",".join(COLUMNS[:REQUIRED_COLUMNS]), "optional": ",".join(COLUMNS[REQUIRED_COLUMNS:])})]
    raw, errors = [], []
    wrong = _("Expected %(n)s values (%(columns)s), found %(found)s.")
    for line, row in data_lines(reader, errors, width=len(columns), wrong_width=lambda found: wrong % {
            "n": len(columns), "columns": ", ".join(columns), "found": found}):
        raw.append((line, dict(zip(columns, row, strict=True))))
        if len(raw) > MAX_ROWS:
            errors.append((line, _("Too many rows: import at most %(n)s at a time.") % {"n": MAX_ROWS}))
            return [], errors
    people = _people_by_email({cells["email"].lower() for _line, cells in raw})
    skills = name_or_slug_ids(Skill)
    today = timezone.localdate()
    lines, seen = [], {}
    for number, cells in raw:
        problems = []
        person = people.get(cells["email"].lower())
        if person is None:
            problems.append(_("Nobody has the email address “%(value)s”.") % {"value": cells["email"]})
        elif not person[1]:
            problems.append(_("The account of “%(value)s” is deactivated: remove this line.") % {"value": cells["email"]})
        skill_id = skills.get(cells["skill"].lower())
        if skill_id is None:
            problems.append(_("Unknown skill “%(value)s”: use a skill's name or slug.") % {"value": cells["skill"]})
        try:
            level = parse_level(cells["level"])
        except ValueError:
            level = None
        if level is None:
            problems.append(_("“%(value)s” is not a level: write 1 to 5, or its name (e.g. Proficient).")
                            % {"value": cells["level"]})
        try:
            assessed_on = _parse_date(cells.get("date", ""), today)
        except ValueError:
            assessed_on = None
            problems.append(_("“%(value)s” is not a date: write it as YYYY-MM-DD, today or earlier, or leave it empty "
                              "for today.") % {"value": cells["date"]})
        flag = cells.get("lower_validated", "").lower()
        if flag not in YES + NO:
            problems.append(_("“%(value)s” in lower_validated: write yes, or leave it empty.") % {"value": cells["lower_validated"]})
        if not problems and (person[0], skill_id) in seen:
            problems.append(_("This person and skill are already on line %(line)s.") % {"line": seen[(person[0], skill_id)]})
        if problems:
            errors.append((number, " ".join(problems)))
            continue
        seen[(person[0], skill_id)] = number
        lines.append(_Line(number, person[0], skill_id, level, assessed_on, flag in YES))
    if not lines and not errors:
        errors.append((2, _("The file has no data rows.")))
    return lines, errors


def _refused_lowering(line, held, email, skill):
    values = {"person": email, "skill": skill, "held": held.level, "level": line.level,
              "since": date_format(timezone.localtime(held.validated_at or held.assessed_at))}
    return (line.number, _("%(person)s holds %(skill)s at level %(held)s, validated (%(since)s); the file says "
                           "%(level)s. An import never lowers a validated level silently: write yes in the "
                           "lower_validated column to lower it, or remove this line.") % values)


def _assessed_at(day, now):
    # Noon on the day given: the same calendar day in every time zone a page shows it in.
    return timezone.make_aware(datetime.combine(day, time(12))) if day else now


@transaction.atomic
def import_held_levels(*, by, text, filename="") -> HeldImportResult:
    """Set people's held levels from CSV (see the module's docstring). All or nothing: any bad line, or
    a validated level the file would lower without saying so, rejects the whole file. A fixed number of
    queries whatever the file's length (but one write per thousand lines)."""
    require_ld_admin(by)
    lines, errors = _parse(text)
    # The good lines are checked against the levels held even when others are bad: every problem at once.
    # Locked: a manager validating a level meanwhile cannot slip between the check and the write.
    held = {(h.person_id, h.skill_id): h for h in PersonSkill.objects.select_for_update().filter(
        person_id__in={line.person_id for line in lines}, skill_id__in={line.skill_id for line in lines})
        .select_related("person", "skill")}
    now, detail = timezone.now(), filename[:255]
    change, to_add, to_update = HeldChange(), [], []
    for line in lines:
        current = held.get((line.person_id, line.skill_id))
        if current is None:
            change.added += 1
            to_add.append(PersonSkill(person_id=line.person_id, skill_id=line.skill_id, level=line.level))
            row = to_add[-1]
        elif line.level == current.level and not current.awaits_validation:
            change.unchanged += 1
            continue
        elif line.level < current.level and stands_validated(current) and not line.lower_validated:
            errors.append(_refused_lowering(line, current, current.person.email, current.skill.name))
            continue
        else:
            if line.level > current.level:
                change.raised += 1
            elif line.level < current.level:
                change.lowered += 1
            else:
                change.confirmed += 1
            row = current
            to_update.append(row)
        row.level, row.source, row.source_detail = line.level, PersonSkill.Source.IMPORT, detail
        row.validated_by, row.validated_at = by, now
        row.assessed_at = _assessed_at(line.assessed_on, now)
    if errors:
        return HeldImportResult(errors=sorted(errors, key=lambda error: error[0]))
    # bulk_create stamps assessed_at with now (auto_now): the dates are written by the update after it.
    PersonSkill.objects.bulk_create(to_add, batch_size=BATCH)
    PersonSkill.objects.bulk_update(
        to_add + to_update, ["level", "source", "source_detail", "validated_by", "validated_at", "assessed_at"],
        batch_size=BATCH)
    return HeldImportResult(change=change)


def export_held_levels() -> str:
    """Every held level of active people as lines import_held_levels reads (`lower_validated` empty), so a
    file round-trips: importing it unchanged changes nothing. One query."""
    rows = (PersonSkill.objects.filter(person__is_active=True).order_by("person__email", "skill__name")
            .values_list("person__email", "skill__name", "level", "assessed_at"))
    return to_csv([COLUMNS, *((email, skill, level, timezone.localdate(when).isoformat(), "")
                              for email, skill, level, when in rows.iterator())])


def sample_csv() -> str:
    """A small file in the import's format, for people who start from nothing."""
    return to_csv([COLUMNS, ["ana@example.com", "SQL", 3, "2026-01-15", ""],
                   ["ana@example.com", "python", str(SkillLevel.PROFICIENT.label), "", ""],
                   ["lee@example.com", "SQL", 2, "", "yes"]])
