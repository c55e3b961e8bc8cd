"""The L&D maturity model: five levels over seven dimensions, in our own words,
with a concrete next step for each step up."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

LEVELS = {
    1: _("Reactive"),
    2: _("Proactive"),
    3: _("Impacting"),
    4: _("Strategic"),
    5: _("Transformative"),
}


@dataclass(frozen=True)
class Dimension:
    key: str
    name: str
    levels: tuple  # five descriptions, level 1 first
    next_steps: tuple  # four steps: from level 1 to 2, ..., from 4 to 5

    def description(self, level):
        return self.levels[level - 1]

    def next_step(self, level):
        if level >= 5:
            return _("Keep this level: review it every year and share what works with the other dimensions.")
        return self.next_steps[level - 1]


DIMENSIONS = (
    Dimension(
        "content",
        _("Learning content and use cases"),
        (
            _("No written strategy: L&D answers one request after another, usually around a single topic."),
            _("A strategy exists inside L&D and covers the basics (onboarding, compliance), but not what the business is trying to achieve."),
            _("L&D covers the essentials while business units choose learning goals for their own teams."),
            _("The learning plan is built with the business strategy, giving foundational and business-driven topics equal weight."),
            _("The plan is set at company level and is organised around skills, so people can move roles and adapt to change."),
        ),
        (
            _("Write down the three or four use cases you serve today and who asked for each."),
            _("Ask each business unit for its top learning goal and link those needs to business goals on the needs board."),
            _("Tie every initiative on the roadmap to a business goal and review the split between foundational and business topics."),
            _("Tag every course with the skills it teaches and plan next year's content from the readiness heatmap."),
        ),
    ),
    Dimension(
        "executive",
        _("Executive alignment"),
        (
            _("Leadership sees L&D as a cost and there is no regular contact."),
            _("Leadership sees L&D as a support service, not as a partner."),
            _("Some business leaders work with L&D on their teams' needs."),
            _("Every executive treats L&D as a partner and helps choose the big training initiatives."),
            _("Leadership relies on L&D to keep the company's skills ahead of its strategy and backs it accordingly."),
        ),
        (
            _("Book a first meeting with one executive sponsor and record it as a committee meeting."),
            _("Set up the Executive L&D Committee with a fixed cadence and a standing roadmap review."),
            _("Have the Governance Board validate the roadmap and budget at least twice a year."),
            _("Bring business-impact and readiness figures to every board meeting and agree targets with executives."),
        ),
    ),
    Dimension(
        "sme",
        _("SME engagement"),
        (
            _("Experts help informally and nobody knows who they are."),
            _("L&D knows a few experts and calls on them only for top-down programmes."),
            _("Experts are starting to write content, but without a steady process."),
            _("There is a clear way to find, support and recognise the experts who write courses."),
            _("Working with experts is central to L&D; they lead reskilling and upskilling."),
        ),
        (
            _("Build the expert directory: ask managers to nominate the people their teams turn to."),
            _("Invite volunteers on the needs board to co-author one course each, with a template."),
            _("Run the peer-review workflow on every new course and recognise authors publicly."),
            _("Give each critical skill an expert owner who keeps its courses current from learner feedback."),
        ),
    ),
    Dimension(
        "learners",
        _("Learner engagement"),
        (
            _("People do not know what learning is on offer and few take part."),
            _("Most people complete what they must and little else."),
            _("Learners take courses tied to their work and many come back of their own accord."),
            _("Engagement is steady, each person has a plan and learning fits into the working day."),
            _("Learning is part of the culture: people see it as central to their growth and careers."),
        ),
        (
            _("Announce the catalogue and the needs board to every team, with their manager."),
            _("Publish courses people asked for on the needs board and tell those who voted."),
            _("Give every role a learning path and let managers discuss it in their 1:1s."),
            _("Let people teach what they know: grow the share of learners who also author or answer questions."),
        ),
    ),
    Dimension(
        "needs",
        _("Learning needs discovery and prioritisation"),
        (
            _("No process: L&D delivers compliance plus whatever senior people ask for."),
            _("Needs are collected now and then from leaders and managers, plus one-off requests."),
            _("A repeatable process gathers needs from leaders, managers and employees alike."),
            _("L&D works with executives and staff to find needs, and keeps a public, ranked list of priorities."),
            _("Needs come from business goals, performance data, careers and measured skill gaps."),
        ),
        (
            _("Open the needs board to everyone and triage every new need within two weeks."),
            _("Ask managers to post their team's needs each quarter and vote on others'."),
            _("Link every open need to a business goal so the public priority score reflects the strategy."),
            _("Record people's skill levels so the priority score can weigh real skill gaps."),
        ),
    ),
    Dimension(
        "tools",
        _("Tools, automation and AI"),
        (
            _("No central system: each department trains by hand."),
            _("One external vendor delivers the same training to all; most work is manual."),
            _("One system holds training and data, but enrolments, renewals and certificates still need manual work."),
            _("Most learning runs in cohorts on one platform and most admin is automated."),
            _("One platform with skills data runs everything; almost no admin is manual."),
        ),
        (
            _("Move every course and enrolment onto the platform so the data is in one place."),
            _("Replace manual assignments with enrolment rules for onboarding and compliance."),
            _("Run programmes as cohorts and let reminders, renewals and escalations run on their own."),
            _("Use skills data to suggest courses to each person and retire what nobody needs."),
        ),
    ),
    Dimension(
        "metrics",
        _("Metrics"),
        (
            _("Only spend is tracked."),
            _("Engagement is tracked, but not relevance or business impact."),
            _("Relevance is tracked too, but there is little sight of business impact."),
            _("Business metrics sit beside learning data, but readiness is not measured."),
            _("Organisational readiness is measured at scale from skills data."),
        ),
        (
            _("Track active learners and completions next to spend."),
            _("Ask every learner whether the course was relevant to their job, and watch the rate."),
            _("Import one business KPI per initiative (e.g. sales cycle length) and show it beside the training."),
            _("Keep people's skill levels current and review the readiness heatmap with executives."),
        ),
    ),
)

DIMENSION_BY_KEY = {d.key: d for d in DIMENSIONS}
