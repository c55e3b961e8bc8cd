"""Recording a maturity assessment, with the evidence the platform measured at that moment."""

from django.db import transaction
from django.utils import timezone

from governance.maturity import DIMENSION_BY_KEY, DIMENSIONS
from governance.models.maturity import MaturityAssessment, MaturityRating
from governance.permissions import require_ld_admin
from governance.selectors.evidence import maturity_evidence


@transaction.atomic
def record_assessment(*, by, ratings, notes="", assessed_on=None):
    """`ratings`: {dimension key: (level, next step)} for all seven dimensions."""
    require_ld_admin(by)
    missing = [d.key for d in DIMENSIONS if d.key not in ratings]
    if missing:
        raise ValueError(f"Every dimension needs a level; missing: {', '.join(missing)}")
    latest = MaturityAssessment.objects.filter(assessed_by=by, created_at__date=timezone.localdate()).first()
    if latest and not assessed_on and {r.dimension: r.level for r in latest.ratings.all()} == {
        key: int(level) for key, (level, _step) in ratings.items()
    }:
        return latest  # the same ratings sent twice today: a double submit
    evidence = maturity_evidence()
    assessment = MaturityAssessment(assessed_by=by, notes=notes)
    if assessed_on:
        assessment.assessed_on = assessed_on
    assessment.save()
    MaturityRating.objects.bulk_create(
        MaturityRating(
            assessment=assessment, dimension=key, level=int(level),
            next_step=(next_step or "").strip() or str(DIMENSION_BY_KEY[key].next_step(int(level))),
            evidence=[[str(label), str(value)] for label, value in evidence.get(key, [])],
        )
        for key, (level, next_step) in ratings.items()
    )
    return assessment
