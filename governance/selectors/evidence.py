"""Evidence for the maturity assessment, computed from the platform's own data.

Shown beside each self-rating so a rating can be challenged with facts. A fixed number of queries."""

from datetime import timedelta

from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.models import CoursePage, Enrolment, EnrolmentSource
from governance.models.committees import LEADERSHIP_COMMITTEES, Decision, Meeting
from governance.models.kpis import KPIDefinition, KPITier
from governance.models.needs import LearningNeed, NeedStatus, NeedVolunteer
from governance.models.roadmap import Initiative
from governance.periods import period_start
from governance.selectors.rollups import active_people
from guild.people.models import User
from guild.skills.models import PersonSkill


def _pct(part, whole):
    return f"{round(100 * part / whole)}%" if whole else _("no data yet")


def maturity_evidence():
    """{dimension key: [(label, value), ...]}"""
    today = timezone.localdate()
    year_ago = today - timedelta(days=365)
    courses = CoursePage.objects.live().aggregate(
        total=Count("id", distinct=True),
        internal=Count("id", distinct=True, filter=Q(course_authors__isnull=False)),
        on_roadmap=Count("id", distinct=True, filter=Q(initiatives__goal__isnull=False)),
        with_skills=Count("id", distinct=True, filter=Q(skills__isnull=False)),
        authors=Count("course_authors__user", distinct=True),
    )
    meetings = Meeting.objects.filter(held_on__gte=year_ago, held_on__lte=today).aggregate(
        leadership=Count("id", filter=Q(committee__kind__in=LEADERSHIP_COMMITTEES)), all=Count("id"),
    )
    # The same twelve months as the meetings: a meeting scheduled ahead is not held yet.
    decisions = Decision.objects.filter(meeting__held_on__gte=year_ago, meeting__held_on__lte=today).count()
    initiatives = Initiative.objects.aggregate(total=Count("id"), with_goal=Count("id", filter=Q(goal__isnull=False)))
    # Each figure counts rows of one table: a join (volunteers, skills) would repeat a row once per
    # match, so "has one" is an EXISTS subquery, never a join under a plain count.
    needs = LearningNeed.objects.annotate(
        has_volunteer=Exists(NeedVolunteer.objects.filter(need=OuterRef("pk"))),
    ).aggregate(
        total=Count("id"), with_goal=Count("id", filter=Q(goal__isnull=False)),
        triaged=Count("id", filter=~Q(status=NeedStatus.NEW)), posters=Count("author", distinct=True),
        with_volunteers=Count("id", filter=Q(has_volunteer=True)),
        with_skill=Count("id", filter=Q(skill__isnull=False)),
    )
    enrolments = Enrolment.objects.filter(enrolled_at__date__gte=year_ago).aggregate(
        total=Count("id"), voluntary=Count("id", filter=Q(source=EnrolmentSource.SELF)),
        rule=Count("id", filter=Q(source=EnrolmentSource.RULE)), cohort=Count("id", filter=Q(source=EnrolmentSource.COHORT)),
    )
    people = User.objects.filter(is_active=True).annotate(
        has_skill=Exists(PersonSkill.objects.filter(person=OuterRef("pk"))),
    ).aggregate(total=Count("id"), with_skills=Count("id", filter=Q(has_skill=True)))
    active = active_people(start=period_start(30, today=today), end=today)["learners"]
    tiers = set(KPIDefinition.objects.filter(values__isnull=False).values_list("tier", flat=True).distinct())
    # The platform itself computes spend, engagement, relevance and (from skills) readiness: from the
    # levels of the people still here, as the heatmap counts them.
    tracked = {KPITier.SPEND, KPITier.ENGAGEMENT, KPITier.RELEVANCE} | tiers
    if people["with_skills"]:
        tracked.add(KPITier.READINESS)
    tier_names = dict(KPITier.choices)
    return {
        "content": [
            (_("Live courses"), courses["total"]),
            (_("Courses tied to a business goal through the roadmap"), _pct(courses["on_roadmap"], courses["total"])),
            (_("Courses tagged with the skills they teach"), _pct(courses["with_skills"], courses["total"])),
        ],
        "executive": [
            (_("Meetings with the Governance Board or Executive L&D Committee, last 12 months"), meetings["leadership"]),
            (_("Committee meetings of any kind, last 12 months"), meetings["all"]),
            (_("Decisions recorded, last 12 months"), decisions),
            (_("Initiatives tied to a business goal"), _pct(initiatives["with_goal"], initiatives["total"])),
        ],
        "sme": [
            (_("Live courses written by internal experts"), _pct(courses["internal"], courses["total"])),
            (_("People authoring live courses"), courses["authors"]),
            (_("Learning needs with an expert volunteer"), _pct(needs["with_volunteers"], needs["total"])),
        ],
        "learners": [
            (_("Active learners in the last 30 days"), f"{active} / {people['total']}"),
            (_("Voluntary enrolments, last 12 months"), _pct(enrolments["voluntary"], enrolments["total"])),
        ],
        "needs": [
            (_("Learning needs posted"), needs["total"]),
            (_("People who posted a need"), needs["posters"]),
            (_("Needs linked to a business goal"), _pct(needs["with_goal"], needs["total"])),
            (_("Needs triaged"), _pct(needs["triaged"], needs["total"])),
            (_("Needs linked to a skill"), _pct(needs["with_skill"], needs["total"])),
        ],
        "tools": [
            (_("Enrolments made by rules, last 12 months"), _pct(enrolments["rule"], enrolments["total"])),
            (_("Enrolments through cohorts, last 12 months"), _pct(enrolments["cohort"], enrolments["total"])),
        ],
        "metrics": [
            (_("KPI tiers tracked"), ", ".join(str(tier_names[t]) for t in KPITier.values if t in tracked)),
            (_("People with assessed skill levels"), _pct(people["with_skills"], people["total"])),
        ],
    }
