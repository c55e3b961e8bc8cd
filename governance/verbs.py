"""What counts as learning, authoring and reviewing activity (the dashboards' "active" people)."""

from guild.events.models import Verb

LEARNING_VERBS = (Verb.REGISTERED, Verb.EXPERIENCED, Verb.COMPLETED, Verb.ATTEMPTED, Verb.PASSED, Verb.FAILED,
                  Verb.REACTED, Verb.RATED, Verb.COMMENTED, Verb.ASKED, Verb.ANSWERED, Verb.CERTIFIED)
AUTHOR_VERBS = (Verb.AUTHORED, Verb.PUBLISHED)
REVIEW_VERBS = (Verb.REVIEWED,)

# The rollups keep a course's completion apart from a lesson's (both are the xAPI verb "completed"):
# DailyActivity rows for course completions carry this key instead of the verb.
COURSE_COMPLETION = "completed-course"
