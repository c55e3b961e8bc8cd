"""Who a rule would enrol, before it is saved: the people it matches, split into those it would
enrol and those already enrolled in every course it gives. Reads only; writes nothing."""

from dataclasses import dataclass, field

from courses.models import Enrolment
from guild.people.selectors import teams_managed_by

from .errors import AutomationError
from .rules import audience, can_manage_all_rules, rule_courses

SHOWN = 100  # names listed per group; the counts are always whole


@dataclass
class RulePreview:
    courses: list
    to_enrol: list = field(default_factory=list)  # people, first SHOWN by name
    already: list = field(default_factory=list)
    to_enrol_count: int = 0
    already_count: int = 0

    @property
    def matched_count(self):
        return self.to_enrol_count + self.already_count


def preview_rule(*, rule, by) -> RulePreview:
    """What `rule` (saved or not) would do if it ran now. A manager previews only their teams, as
    rules.save_rule lets them save only those: the names of other teams' people stay unseen.
    Four queries whatever the audience's size."""
    if not can_manage_all_rules(by) and (
        rule.team_id is None or not teams_managed_by(user=by).filter(pk=rule.team_id).exists()
    ):
        raise AutomationError("Choose one of the teams you manage.")
    courses = rule_courses(rule)
    people = audience(rule).distinct()
    ids = set(people.values_list("pk", flat=True))
    done = {}
    for learner_id, course_id in Enrolment.objects.filter(
            learner_id__in=ids, course__in=courses).values_list("learner_id", "course_id"):
        done.setdefault(learner_id, set()).add(course_id)
    wanted = {c.pk for c in courses}
    already_ids = {pk for pk in ids if wanted and done.get(pk, set()) >= wanted}
    to_enrol_ids = ids - already_ids if wanted else set()
    result = RulePreview(courses=courses, to_enrol_count=len(to_enrol_ids), already_count=len(already_ids))
    shown = list(people.model.objects.filter(pk__in=ids).select_related("team")
                 .order_by("first_name", "last_name", "email", "pk"))
    result.to_enrol = [p for p in shown if p.pk in to_enrol_ids][:SHOWN]
    result.already = [p for p in shown if p.pk in already_ids][:SHOWN]
    return result
