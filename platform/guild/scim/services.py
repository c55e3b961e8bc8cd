"""Guild's people and teams as SCIM Users and Groups, and the writes an identity provider makes.

Users: userName is the SCIM login (Guild signs in by email: an email-shaped userName is the email,
else the primary email is); name.givenName/familyName, title (and the job role of that name),
active, externalId, the enterprise employeeNumber and Guild's extension's hireDate
(urn:ietf:params:scim:schemas:extension:guild:2.0:User) are Guild's own fields. The rest of what the
provider sent (displayName, phone numbers, department, manager...) is kept as sent so that it reads
back; a department naming a Guild team puts the person in it.

Groups are teams (people.Team): displayName is the team's name, members its members. A person is
in one team, so adding them to a group moves them there.

Deprovisioning never deletes a person: `active: false` deactivates them (people.services), DELETE
also hides them from SCIM. Their learning history and certificates stay."""

import zoneinfo
from datetime import date

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import Prefetch, Q
from django.utils import timezone
from django.utils.text import slugify
from scim2_models import (
    ConflictException,
    EnterpriseUser,
    GroupMembership,
    InvalidValueException,
    Meta,
    Name,
    NotFoundException,
    UniquenessException,
)

from guild.people.models import Team, User
from guild.people.roles import Role
from guild.people.services import deactivate_person, grant_role, reactivate_person
from guild.skills.models import JobRole

from .models import ScimGroup, ScimUser
from .schemas import GroupResource, GuildEmail, GuildGroupMember, GuildUserExtension, UserResource

# Attributes Guild holds itself: never kept in the stored document.
OWN_ATTRIBUTES = ("id", "meta", "externalId", "userName", "title", "groups", "password")
LIMITS = {"first_name": 150, "last_name": 150, "job_title": 120, "employee_id": 64, "email": 254}


def visible_users():
    """People SCIM sees: everyone but those it DELETEd."""
    return User.objects.filter(Q(scim__isnull=True) | Q(scim__deleted_at__isnull=True))


def get_user(pk) -> User:
    user = visible_users().select_related("scim", "team").filter(pk=pk).first() if str(pk).isdigit() else None
    if user is None:
        raise NotFoundException(detail=f"No User with id {pk}.")
    return user


def get_team(pk) -> Team:
    team = Team.objects.filter(pk=pk).first() if str(pk).isdigit() else None
    if team is None:
        raise NotFoundException(detail=f"No Group with id {pk}.")
    return team


def _link(user):
    try:
        return user.scim
    except ScimUser.DoesNotExist:
        return None


# Reading ------------------------------------------------------------------------------------------

def user_resource(user, base_url) -> UserResource:
    link = _link(user)
    resource = UserResource.model_validate(link.document) if link and link.document else UserResource()
    resource.id = str(user.pk)
    resource.external_id = (link.external_id or None) if link else None
    resource.user_name = link.user_name if link else user.email
    # `active` is the person's; a provider that removed the attribute reads it back removed.
    resource.active = user.is_active if link is None or "active" in link.document else None
    name = resource.name or Name()
    name.given_name, name.family_name = user.first_name or None, user.last_name or None
    resource.name = name if any(v is not None for v in name.model_dump(scim_ctx=None).values()) else None
    resource.title = user.job_title or None
    enterprise = resource[EnterpriseUser] or EnterpriseUser()
    enterprise.employee_number = user.employee_id or None
    if link is None:  # someone Guild knew before SCIM: what Guild has
        resource.emails = [GuildEmail(value=user.email, type="work", primary=True)]
        resource.display_name = user.display_name
        if user.team_id:
            enterprise.department = user.team.name
    resource[EnterpriseUser] = enterprise if enterprise.model_dump(scim_ctx=None, exclude_none=True) else None
    # hireDate reads back as the provider sent it while it still names the person's hire date; a date
    # set elsewhere (the people API, L&D) reads as YYYY-MM-DD.
    sent = resource[GuildUserExtension]
    if user.hire_date is None:
        resource[GuildUserExtension] = None
    elif sent is None or _parse_date(sent.hire_date) != user.hire_date:
        resource[GuildUserExtension] = GuildUserExtension(hire_date=user.hire_date.isoformat())
    if user.team_id:
        resource.groups = [GroupMembership(value=str(user.team_id), display=user.team.name, type="direct",
                                           ref=f"{base_url}/Groups/{user.team_id}")]
    resource.meta = Meta(resource_type="User", created=user.date_joined,
                         last_modified=link.updated_at if link else user.date_joined,
                         location=f"{base_url}/Users/{user.pk}")
    return resource


def teams_for_listing():
    """Teams with their SCIM link and member ids in three queries, however many teams."""
    members = Prefetch("members", queryset=visible_users().only("pk", "team_id").order_by("pk"), to_attr="scim_members")
    return Team.objects.select_related("scim").prefetch_related(members)


def group_resource(team, base_url) -> GroupResource:
    try:
        link = team.scim
    except ScimGroup.DoesNotExist:
        link = None
    if hasattr(team, "scim_members"):
        members = [u.pk for u in team.scim_members]
    else:
        members = visible_users().filter(team=team).order_by("pk").values_list("pk", flat=True)
    resource = GroupResource(
        id=str(team.pk), display_name=team.name, external_id=(link.external_id or None) if link else None,
        # No member display: it is optional, and a provider compares members by value, $ref and type.
        members=[GuildGroupMember(value=str(pk), type="User", ref=f"{base_url}/Users/{pk}") for pk in members] or None,
    )
    resource.meta = Meta(resource_type="Group", location=f"{base_url}/Groups/{team.pk}",
                         created=link.created_at if link else None, last_modified=link.updated_at if link else None)
    return resource


# Writing people -----------------------------------------------------------------------------------

def _is_email(text) -> bool:
    try:
        validate_email(text)
    except ValidationError:
        return False
    return True


def _email_of(resource, user) -> str:
    if _is_email(resource.user_name):
        return resource.user_name.lower()
    emails = sorted(resource.emails or [], key=lambda e: not e.primary)
    for entry in emails:
        if entry.value and _is_email(entry.value):
            return entry.value.lower()
    if user is not None:
        return user.email
    raise InvalidValueException(detail="Guild signs people in by email: give an email as userName or in emails.")


def _checked(field, value) -> str:
    value = (value or "").strip()
    if len(value) > LIMITS[field]:
        raise InvalidValueException(detail=f"{field} is longer than {LIMITS[field]} characters.")
    return value


def _document(resource) -> dict:
    doc = resource.model_dump(scim_ctx=None, mode="json", by_alias=True, exclude_none=True)
    if "active" in doc:
        doc["active"] = True  # a marker that it is set: the value is the person's is_active
    for key in OWN_ATTRIBUTES:
        doc.pop(key, None)
    name = doc.get("name") or {}
    name.pop("givenName", None), name.pop("familyName", None)
    if not name:
        doc.pop("name", None)
    enterprise = doc.get(str(EnterpriseUser.__schema__)) or {}
    enterprise.pop("employeeNumber", None)
    if not enterprise:
        doc.pop(str(EnterpriseUser.__schema__), None)
    return doc


def _parse_date(text):
    """The date of "YYYY-MM-DD" or of a date-time that starts with one; None for anything else."""
    try:
        return date.fromisoformat((text or "").strip()[:10])
    except ValueError:
        return None


def _hire_date(resource, user):
    """The person's hire date: the date of Guild's extension's hireDate. Without one, the date Guild
    has stays, unless this provider sent one before (then it removed it): a provider that maps no
    hire date never wipes one HR set through the people API or L&D set in the admin."""
    extension = resource[GuildUserExtension]
    if extension is not None and (extension.hire_date or "").strip():
        if (day := _parse_date(extension.hire_date)) is None:
            raise InvalidValueException(
                detail=f"hireDate “{extension.hire_date.strip()[:40]}” is not a date: write it as YYYY-MM-DD.")
        return day
    link = _link(user) if user is not None else None
    if extension is not None or (link is not None and str(GuildUserExtension.__schema__) in (link.document or {})):
        return None
    return user.hire_date if user is not None else None


def _check_unique(*, user_name, email, employee_id, user):
    others = User.objects.exclude(pk=user.pk) if user else User.objects.all()
    if ScimUser.objects.filter(user_name__iexact=user_name).exclude(user=user).exists():
        raise UniquenessException(detail=f"userName “{user_name}” is already taken.")
    if others.filter(email__iexact=email).exists() or EmailAddress.objects.filter(
            email__iexact=email, verified=True).exclude(user=user).exists():
        raise UniquenessException(detail=f"Another person already has the email {email}.")
    if employee_id and others.filter(employee_id=employee_id).exists():
        raise UniquenessException(detail=f"Another person already has employeeNumber “{employee_id}”.")


def _set_email(user, email):
    EmailAddress.objects.filter(user=user).exclude(email__iexact=email).update(primary=False)
    address, _ = EmailAddress.objects.get_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    if not (address.verified and address.primary):
        address.verified = address.primary = True
        address.save(update_fields=["verified", "primary"])


@transaction.atomic
def save_user(resource, *, user=None) -> User:
    """Create (user=None) or replace a person from a whole User resource. All or nothing."""
    user_name = (resource.user_name or "").strip()
    if not user_name or len(user_name) > 254:
        raise InvalidValueException(detail="userName is required (at most 254 characters).")
    if user is None:  # a person SCIM deleted comes back with their history
        user = User.objects.filter(scim__user_name__iexact=user_name, scim__deleted_at__isnull=False).first()
    email = _checked("email", _email_of(resource, user))
    enterprise = resource[EnterpriseUser] or EnterpriseUser()
    employee_id = _checked("employee_id", enterprise.employee_number)
    hire_date = _hire_date(resource, user)
    _check_unique(user_name=user_name, email=email, employee_id=employee_id, user=user)
    creating = user is None
    if creating and resource.active is None:
        resource.active = True
    reviving = not creating and (link := _link(user)) is not None and link.deleted_at is not None
    user = user or User()
    name = resource.name or Name()
    user.email = email
    user.first_name = _checked("first_name", name.given_name)
    user.last_name = _checked("last_name", name.family_name)
    user.job_title = _checked("job_title", resource.title)
    user.employee_id = employee_id
    user.hire_date = hire_date
    if user.job_title and (role := JobRole.objects.filter(name__iexact=user.job_title).first()):
        user.job_role = role
    if enterprise.department and (team := Team.objects.filter(name__iexact=enterprise.department.strip()).first()):
        user.team = team
    if resource.timezone in zoneinfo.available_timezones():
        user.timezone = resource.timezone
    language = (resource.preferred_language or "").split(",")[0].split("-")[0].lower()
    if language in dict(settings.LANGUAGES):
        user.language = language
    if creating:
        user.set_unusable_password()
    try:
        with transaction.atomic():
            user.save()
    except IntegrityError as exc:  # a concurrent request took the email or employee id
        raise UniquenessException(detail="Another person already has this email or employeeNumber.") from exc
    _set_email(user, email)
    ScimUser.objects.update_or_create(user=user, defaults={
        "user_name": user_name, "external_id": (resource.external_id or "")[:255],
        "document": _document(resource), "deleted_at": None,
    })
    if creating:
        grant_role(user=user, role=Role.LEARNER)
    if resource.active is False:
        deactivate_person(user=user)
    elif resource.active or creating or reviving:
        reactivate_person(user=user)
    return user


@transaction.atomic
def delete_user(user):
    deactivate_person(user=user)
    link = _link(user)
    if link is None:
        ScimUser.objects.create(user=user, user_name=user.email, deleted_at=timezone.now())
    else:
        link.deleted_at = timezone.now()
        link.save(update_fields=["deleted_at", "updated_at"])


# Writing teams ------------------------------------------------------------------------------------

def _unique_slug(name) -> str:
    base = slugify(name)[:100] or "team"
    slug, n = base, 1
    while Team.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def _member_ids(resource) -> set[int]:
    ids = set()
    for member in resource.members or []:
        if member.type and member.type != "User":
            raise InvalidValueException(detail="Guild teams hold people, not other groups.")
        value = member.value or (member.ref or "").rstrip("/").rsplit("/", 1)[-1]
        if not str(value).isdigit():
            raise InvalidValueException(detail=f"No User with id {value}.")
        ids.add(int(value))
    found = set(visible_users().filter(pk__in=ids).values_list("pk", flat=True))
    if missing := ids - found:
        raise InvalidValueException(detail=f"No User with id {', '.join(map(str, sorted(missing)))}.")
    return ids


@transaction.atomic
def save_group(resource, *, team=None) -> Team:
    name = (resource.display_name or "").strip()
    if not name or len(name) > 120:
        raise InvalidValueException(detail="displayName is required (at most 120 characters).")
    member_ids = _member_ids(resource)
    if team is None:
        team = Team.add_root(name=name, slug=_unique_slug(name))
    elif team.name != name:
        team.name = name
        team.save(update_fields=["name"])
    ScimGroup.objects.update_or_create(team=team, defaults={"external_id": (resource.external_id or "")[:255]})
    visible_users().filter(team=team).exclude(pk__in=member_ids).update(team=None)
    User.objects.filter(pk__in=member_ids).exclude(team=team).update(team=team)
    return team


def _dependants(team) -> list[str]:
    """What deleting the team would delete with it (sub-teams, and rows of any app that cascade)."""
    found = [str(Team._meta.verbose_name_plural)] if team.get_children_count() else []
    for rel in Team._meta.related_objects:
        if rel.on_delete.__name__ == "CASCADE" and rel.related_model is not ScimGroup:
            if rel.related_model._base_manager.filter(**{rel.field.name: team}).exists():
                found.append(str(rel.related_model._meta.verbose_name_plural))
    return found


@transaction.atomic
def delete_group(team):
    if dependants := _dependants(team):
        raise ConflictException(
            detail=f"The team “{team.name}” still has {', '.join(dependants)}: remove them in Guild first.")
    User.objects.filter(team=team).update(team=None)
    team.delete()
