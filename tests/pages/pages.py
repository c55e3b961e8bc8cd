"""The most used pages of each role, by the role that uses them (ids come from build_org)."""

# (role, path or a function of the organisation, a short name for reports)
PAGES = [
    ("anon", "/accounts/login/", "sign-in"),
    ("learner", "/", "home"),
    ("learner", "/courses/", "catalogue"),
    ("learner", lambda o: o["course_url"], "course"),
    ("learner", lambda o: o["lesson_url"], "lesson"),
    ("learner", "/learning/", "my learning"),
    ("learner", "/learning/paths/", "learning paths"),
    ("learner", lambda o: f"/learning/courses/{o['course']}/discussion/", "course discussion"),
    ("learner", lambda o: f"/learning/certificates/{o['learner_certificate']}/", "certificate"),
    ("learner", "/certificates/verify/", "verify a certificate"),
    ("learner", "/rewards/", "rewards"),
    ("learner", "/rewards/points/", "points"),
    ("learner", "/rewards/leaderboards/", "leaderboards"),
    ("learner", "/rewards/badges/", "badges"),
    ("learner", "/kudos/new/", "give kudos"),
    ("learner", "/notifications/", "notifications"),
    ("learner", "/notifications/preferences/", "notification preferences"),
    ("learner", "/me/", "settings"),
    ("learner", "/needs/", "needs"),
    ("learner", "/needs/new/", "post a need"),
    ("learner", lambda o: f"/needs/{o['need']}/", "a need"),
    ("learner", "/experts/", "experts"),
    ("expert", "/sme/", "SME workspace"),
    ("expert", "/sme/templates/", "course templates"),
    ("expert", "/sme/community/", "authors' community"),
    ("expert", "/experts/me/", "expert profile"),
    ("expert", "/cms/", "Wagtail admin home"),
    ("expert", lambda o: f"/cms/pages/{o['own_draft']}/edit/", "Wagtail editor, a course"),
    ("reviewer", "/reviews/", "review queue"),
    ("reviewer", lambda o: f"/reviews/{o['review_assignment']}/", "a review"),
    ("manager", "/team/", "team"),
    ("manager", "/automation/rules/", "enrolment rules"),
    ("ld_admin", "/governance/", "governance dashboard"),
    ("ld_admin", "/governance/roadmap/", "roadmap"),
    ("ld_admin", "/governance/kpis/", "KPIs"),
    ("ld_admin", "/governance/committees/", "committees"),
    ("ld_admin", "/governance/maturity/", "maturity"),
    ("ld_admin", "/automation/outbox/", "outbox"),
    ("ld_admin", "/learning/attempt-requests/", "attempt requests"),
    ("executive", "/governance/summary/", "executive summary"),
    ("executive", "/governance/mission/", "mission"),
]


def path_of(page, org):
    path = page[1]
    return path(org) if callable(path) else path
