"""Low-level helpers of the scale seeder: treebeard path steps, COPY, and dropping and rebuilding
a table's indexes and unique constraints around a bulk load."""

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # treebeard's default, used by Page and Team
STEPLEN = 4


def step(n: int) -> str:
    """Treebeard's path step for the n-th child (1-based)."""
    out = ""
    for _ in range(STEPLEN):
        n, r = divmod(n, len(ALPHABET))
        out = ALPHABET[r] + out
    if n:
        raise ValueError("too many children for one tree level")
    return out


def decode(step_text: str) -> int:
    n = 0
    for ch in step_text:
        n = n * len(ALPHABET) + ALPHABET.index(ch)
    return n


def copy_rows(cur, table, columns, rows):
    with cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


def secondary_indexes(cur, table):
    """(drop, create) statements for a table's indexes other than its primary key and constraints."""
    cur.execute(
        """SELECT i.indexname, i.indexdef FROM pg_indexes i
           WHERE i.tablename = %s AND i.schemaname = 'public'
             AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)""",
        [table],
    )
    return [(f'DROP INDEX "{name}"', definition) for name, definition in cur.fetchall()]


def unique_constraints(cur, table):
    cur.execute(
        """SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint
           WHERE conrelid = %s::regclass AND contype = 'u'""",
        [table],
    )
    return [
        (f'ALTER TABLE {table} DROP CONSTRAINT "{name}"', f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}')
        for name, definition in cur.fetchall()
    ]


def next_id(cur, table):
    cur.execute(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {table}")  # noqa: S608
    return cur.fetchone()[0]


def sync_sequence(cur, table):
    cur.execute(
        f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT COALESCE(MAX(id), 1) FROM {table}))"  # noqa: S608
    )
