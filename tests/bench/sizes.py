"""Data sizes for the scale seeder. L is the size the issue names; the others keep its
proportions (50 enrolments per person, 10 lessons per course, 500 events per person)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Size:
    name: str
    people: int
    courses: int
    lessons: int
    enrolments: int
    events: int
    teams: int

    @property
    def key(self):
        """What the seed marker records: a database seeded with other numbers is seeded again."""
        return (f"{self.name} {self.people}/{self.courses}/{self.lessons}/{self.enrolments}/{self.events}/"
                f"{self.teams}")

    @property
    def enrolments_per_person(self):
        return min(self.enrolments // self.people, self.courses)


# The course with exactly BIG_COURSE_LESSONS lessons (the course-page scenario) is one of `courses`.
BIG_COURSE_LESSONS = 100

SIZES = {
    # T: the smoke tests' size (a second or two); T2 doubles it, to compare query counts.
    "T": Size("T", people=30, courses=6, lessons=150, enrolments=120, events=3_000, teams=3),
    "T2": Size("T2", people=60, courses=12, lessons=210, enrolments=240, events=6_000, teams=6),
    # S keeps more courses than a person's 50 enrolments, as L does, so "not enrolled yet" lists are not empty.
    "S": Size("S", people=500, courses=100, lessons=1_000, enrolments=25_000, events=250_000, teams=10),
    "M": Size("M", people=2_000, courses=200, lessons=2_000, enrolments=100_000, events=1_000_000, teams=40),
    "L": Size("L", people=20_000, courses=2_000, lessons=20_000, enrolments=1_000_000, events=10_000_000, teams=200),
}
