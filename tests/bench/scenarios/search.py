"""Search over the catalogue (courses) and the lessons, with Wagtail's database search backend,
against a raw PostgreSQL full-text query over the same index rows (same corpus, same page size,
same ranking inputs). The catalogue searches courses only; lesson search uses the same Wagtail
search API over LessonPage, so the 20,000 lessons are measured too."""

from django.contrib.contenttypes.models import ContentType

from ..measure import median, ms, percentile, ratio_row, sample
from . import Skip, raw_cursor

SCENARIO = "search"
TERMS = ["security", "python", "negotiation", "data pipeline", "customer feedback", "budget forecast"]
PAGE_SIZE = 12


def metrics(size):
    return [f"{what} [{size}] {m}" for what in ("catalogue", "lessons")
            for m in ("p95", "median", "median vs per-field match")]


# How a document matches. Wagtail's database backend matches the query against the title and
# the body together ("data" in the title and "pipeline" in the body is a match); the baseline
# does the same, so both return the same rows. MATCH_EITHER (each field on its own) is timed
# too, as information: it is cheaper, and returns fewer rows.
MATCH_TOGETHER = "(e.title || e.body) @@ q"
MATCH_EITHER = "(e.title @@ q OR e.body @@ q)"


def _raw(cur, ct_id, term, match=MATCH_TOGETHER):
    cur.execute(
        f"""SELECT p.id, p.title,
                  ts_rank(e.title, q) * e.title_norm + ts_rank(e.body, q) AS rank
           FROM wagtailsearch_indexentry e
           JOIN wagtailcore_page p ON p.id = e.object_id::integer,
                plainto_tsquery(%s) AS q
           WHERE e.content_type_id = %s AND p.live AND {match}
           ORDER BY rank DESC, p.id LIMIT %s""",  # noqa: S608 - our own constants
        [term, ct_id, PAGE_SIZE],
    )
    cur.fetchall()
    cur.execute(
        f"""SELECT count(*) FROM wagtailsearch_indexentry e JOIN wagtailcore_page p ON p.id = e.object_id::integer,
                  plainto_tsquery(%s) AS q
           WHERE e.content_type_id = %s AND p.live AND {match}""",  # noqa: S608
        [term, ct_id],
    )
    cur.fetchone()


def run(ctx):
    from courses.models import CoursePage, LessonPage

    try:
        from courses import selectors
    except ImportError as exc:
        raise Skip("courses.selectors is not built yet") from exc
    if not hasattr(selectors, "catalogue"):
        raise Skip("courses.selectors.catalogue is not built yet")
    if not CoursePage.objects.live().search(TERMS[0]).count():
        raise Skip("the search index is empty")

    def catalogue(term):
        _query, page_obj, _statuses, _skills, _suggestion = selectors.catalogue(params={"q": term}, page_number=1)
        list(page_obj.object_list)
        page_obj.paginator.count  # noqa: B018 - the count the page shows

    def lessons(term):
        results = LessonPage.objects.live().defer_streamfields().search(term)
        list(results[:PAGE_SIZE])
        results.count()

    cur = raw_cursor()
    rows = []
    for what, fn, model in (("catalogue", catalogue, CoursePage), ("lessons", lessons, LessonPage)):
        ct_id = ContentType.objects.get_for_model(model).pk
        guild, raw, either = [], [], []
        for term in TERMS:
            guild += sample(lambda t=term, f=fn: f(t), runs=ctx.runs, warmup=1)
            raw += sample(lambda t=term, c=ct_id: _raw(cur, c, t), runs=ctx.runs, warmup=1)
            either += sample(lambda t=term, c=ct_id: _raw(cur, c, t, MATCH_EITHER), runs=ctx.runs, warmup=1)
        name = f"{what} [{ctx.size}]"
        rows.append(ratio_row(SCENARIO, f"{name} p95", ms(percentile(guild, 95)), ms(percentile(raw, 95)), limit=2,
                              note=f"{len(TERMS)} terms x {ctx.runs} runs; baseline: the same match by hand"))
        rows.append(ratio_row(SCENARIO, f"{name} median", ms(median(guild)), ms(median(raw))))
        rows.append(ratio_row(SCENARIO, f"{name} median vs per-field match", ms(median(guild)), ms(median(either)),
                              note="baseline matching title or body each on its own (fewer rows)"))
    cur.close()
    return rows
