"""Skill coverage: how many people whose job role requires a skill hold it at the required level."""

from django.db import connection

from guild.people.models import User
from guild.skills.models import PersonSkill, RoleSkillRequirement


def coverage(*, by_team=False, skill_ids=None, team_ids=None):
    """Rows of (team_id or None, skill_id, required, met) in one grouped query."""
    users = User._meta.db_table
    reqs = RoleSkillRequirement._meta.db_table
    held = PersonSkill._meta.db_table
    where, params = ["u.is_active"], []
    if skill_ids is not None:
        if not skill_ids:
            return []
        where.append("r.skill_id IN (" + ",".join(["%s"] * len(skill_ids)) + ")")
        params.extend(skill_ids)
    if team_ids is not None:
        if not team_ids:
            return []
        where.append("u.team_id IN (" + ",".join(["%s"] * len(team_ids)) + ")")
        params.extend(team_ids)
    team_col = "u.team_id" if by_team else "NULL"
    sql = f"""
        SELECT {team_col}, r.skill_id, count(*), sum(CASE WHEN ps.level >= r.level THEN 1 ELSE 0 END)
        FROM {users} u
        JOIN {reqs} r ON r.job_role_id = u.job_role_id
        LEFT JOIN {held} ps ON ps.person_id = u.id AND ps.skill_id = r.skill_id
        WHERE {" AND ".join(where)}
        GROUP BY {"u.team_id, " if by_team else ""}r.skill_id
    """  # noqa: S608 - only placeholders carry values
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [(team, skill, required, met or 0) for team, skill, required, met in cursor.fetchall()]


def skill_gaps(skill_ids):
    """{skill_id: share of people below the required level, 0..1} for skills some role requires."""
    return {skill: (required - met) / required for _team, skill, required, met in coverage(skill_ids=list(skill_ids)) if required}
