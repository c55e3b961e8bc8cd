"""The seeded organisation (build_org: the demo plus the matrix's extra objects) built once per test
run and kept as a PostgreSQL template database; each module that needs it works on a copy of its own.

Seeding takes tens of seconds and three modules need it (the two halves of the authorisation matrix
and the main pages' audit). The first module to ask builds the template, under an advisory lock so
that the other xdist worker waits for it rather than seeding again; every module then gets a copy in
about a second (CREATE DATABASE ... TEMPLATE) and drops it afterwards, so no rollback or flush is
needed and a module may commit (a live server reads the data from its own thread).

The files the seeding writes (images, documents, the SCORM package) are kept beside the template and
copied into the worker's media and SCORM folders with each copy. Without PostgreSQL (SQLite), the
organisation is seeded into the test database itself, as before."""

import os
import pickle
import shutil
import uuid
import zlib
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections

# One name per test run, shared by the xdist workers of that run (xdist sets the variable in each).
RUN = os.environ.get("PYTEST_XDIST_TESTRUNUID", uuid.uuid4().hex)[:12]
_copies = 0


def _primary():
    return connections[DEFAULT_DB_ALIAS].settings_dict


def _admin_connection():
    import psycopg

    primary = _primary()
    return psycopg.connect(host=primary["HOST"] or "127.0.0.1", port=primary["PORT"] or 5432, user=primary["USER"],
                           password=primary["PASSWORD"] or None, dbname="postgres", autocommit=True)


def _base_name(primary_name: str) -> str:
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    return primary_name.removesuffix(f"_{worker}") if worker else primary_name


def _files_dir() -> Path:
    var = Path(settings.VAR_DIR)
    shared = var.parent if os.environ.get("PYTEST_XDIST_WORKER") else var
    return shared / f"seeded-{RUN}"


def _file_roots():
    return {"media": Path(settings.MEDIA_ROOT), "scorm": Path(settings.GUILD_SCORM_ROOT)}


@contextmanager
def _pointed_at(name: str):
    """The default alias on database `name` while the block runs (each thread's next connection too)."""
    from django.contrib.contenttypes.models import ContentType

    primary = _primary()
    original = primary["NAME"]
    connections.close_all()
    primary["NAME"] = settings.DATABASES[DEFAULT_DB_ALIAS]["NAME"] = name
    # Content type ids differ between the two databases: the process-wide cache must not carry them
    # across (Wagtail's log entries then refuse "content type instance with id 50").
    ContentType.objects.clear_cache()
    try:
        yield
    finally:
        connections.close_all()
        primary["NAME"] = settings.DATABASES[DEFAULT_DB_ALIAS]["NAME"] = original
        ContentType.objects.clear_cache()


def _listing(root: Path) -> set:
    return {path.relative_to(root) for path in root.rglob("*") if path.is_file()} if root.is_dir() else set()


def _drop(admin, name):
    from psycopg import sql

    admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def _copy(admin, source, target):
    from psycopg import sql

    # A connection another thread of this worker left open on the source would block the copy.
    admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
                  [source])
    _drop(admin, target)
    admin.execute(sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(sql.Identifier(target), sql.Identifier(source)))


def _ensure_template(admin, build) -> str:
    """The run's template, built by whichever worker asks first; the others wait on the lock."""
    primary_name = _primary()["NAME"]
    base = _base_name(primary_name)
    template = f"{base}_seeded_{RUN}"
    files = _files_dir()
    admin.execute("SELECT pg_advisory_lock(%s)", [zlib.crc32(template.encode())])
    try:
        exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [template]).fetchone()
        if exists:
            return template
        # Templates of earlier runs (or of a run that was killed) are dropped here, never reused: the
        # code and the migrations may have changed since.
        for (stale,) in admin.execute("SELECT datname FROM pg_database WHERE datname LIKE %s AND datname <> %s",
                                      [f"{base}\\_seeded\\_%", template]).fetchall():
            _drop(admin, stale)
        for folder in files.parent.glob("seeded-*"):
            if folder != files:
                shutil.rmtree(folder, ignore_errors=True)
        building = f"{template}_building"
        connections.close_all()
        _copy(admin, primary_name, building)
        before = {label: _listing(root) for label, root in _file_roots().items()}
        with _pointed_at(building):
            org = build()
        files.mkdir(parents=True, exist_ok=True)
        (files / "org.pickle").write_bytes(pickle.dumps(org))
        for label, root in _file_roots().items():
            for relative in _listing(root) - before[label]:  # only what the seeding wrote
                (files / label / relative).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(root / relative, files / label / relative)
        from psycopg import sql

        admin.execute(sql.SQL("ALTER DATABASE {} RENAME TO {}").format(sql.Identifier(building), sql.Identifier(template)))
        return template
    finally:
        admin.execute("SELECT pg_advisory_unlock(%s)", [zlib.crc32(template.encode())])


@contextmanager
def seeded_database(django_db_blocker, build):
    """Yield `build()`'s result with the default database on a private copy of the seeded organisation."""
    global _copies
    if _primary()["ENGINE"] != "django.db.backends.postgresql":
        with django_db_blocker.unblock():
            yield build()
        return
    with django_db_blocker.unblock(), _admin_connection() as admin:
        template = _ensure_template(admin, build)
        _copies += 1
        copy = f"{_primary()['NAME']}_copy{_copies}"
        _copy(admin, template, copy)
    files = _files_dir()
    for label, root in _file_roots().items():
        if (files / label).is_dir():
            shutil.copytree(files / label, root, dirs_exist_ok=True)
    org = pickle.loads((files / "org.pickle").read_bytes())  # noqa: S301 - written by this run, above
    try:
        with django_db_blocker.unblock(), _pointed_at(copy):
            yield org
    finally:
        with django_db_blocker.unblock(), _admin_connection() as admin:
            _drop(admin, copy)


def drop_templates_after_the_run():
    """Drop the seeded templates of this database (this run's, and any a killed run left), once every
    worker is done: called by the process that is not an xdist worker, at the end of the session."""
    from urllib.parse import urlsplit

    url = os.environ.get("DATABASE_URL", "")
    if os.environ.get("PYTEST_XDIST_WORKER") or not url.startswith(("postgres://", "postgresql://")):
        return
    import psycopg
    from psycopg import sql

    base = "test_" + urlsplit(url).path.lstrip("/")  # pytest-django's test database, without the _gwN
    try:
        with psycopg.connect(url, dbname="postgres", autocommit=True, connect_timeout=5) as admin:
            for (name,) in admin.execute("SELECT datname FROM pg_database WHERE datname LIKE %s",
                                         [f"{base}\\_seeded\\_%"]).fetchall():
                admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
    except psycopg.Error:
        pass  # a leftover is dropped by the next run's first seeding anyway
