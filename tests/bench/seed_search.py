"""The search index of the seeded pages, written in SQL the way Wagtail's database backend indexes them."""

from modelsearch.backends.database.postgres.weights import get_weight


def seed_search_index(cur, pages):
    """Index entries as the database search backend writes them: title (boosted), autocomplete
    ('simple' config), body (every other SearchField), plain texts, and title_norm."""
    title_w, body_w = get_weight(2), get_weight(None)
    ct = pages["ct"]
    common = f"""content_type_id, object_id, title, autocomplete, body, title_norm, title_text, body_text)
        SELECT %s, p.id::text, setweight(to_tsvector(p.title), '{title_w}'),
               setweight(to_tsvector('simple', p.title), 'D'),
               setweight(to_tsvector({{body}}), '{body_w}'), 1.0, p.title, {{body}}"""
    insert = "INSERT INTO wagtailsearch_indexentry (" + common
    cur.execute(
        insert.format(body="c.summary || ' ' || c.audience")
        + " FROM wagtailcore_page p JOIN courses_coursepage c ON c.page_ptr_id = p.id WHERE p.id >= %s",
        [ct["CoursePage"], pages["course_first"]],
    )
    lesson_text = (
        "l.summary || ' ' || regexp_replace(l.body->0->>'value', '<[^>]+>', ' ', 'g') || ' ' || "
        "regexp_replace(l.body->1->'value'->>'text', '<[^>]+>', ' ', 'g')"
    )
    cur.execute(
        insert.format(body=lesson_text)
        + " FROM wagtailcore_page p JOIN courses_lessonpage l ON l.page_ptr_id = p.id WHERE p.id >= %s",
        [ct["LessonPage"], pages["lesson_first"]],
    )
    cur.execute(
        insert.format(body="c.intro")
        + " FROM wagtailcore_page p JOIN courses_cataloguepage c ON c.page_ptr_id = p.id WHERE p.id = %s"
        " ON CONFLICT (content_type_id, object_id) DO NOTHING",  # post_save may have indexed it already
        [ct["CataloguePage"], pages["catalogue"]],
    )
    cur.execute(
        """UPDATE wagtailsearch_indexentry SET title_norm = (
               SELECT AVG(length(title)) FROM wagtailsearch_indexentry WHERE length(title) > 0) / length(title)
           WHERE length(title) > 0"""
    )
