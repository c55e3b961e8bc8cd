"""What Guild's SCIM service is: its resources (scim2-models' User with the enterprise extension,
and Group), what it supports, and how much it tolerates from Microsoft Entra's and Okta's payloads."""

from typing import Annotated

from pydantic import Field
from scim2_models import (
    URN,
    AuthenticationScheme,
    Bulk,
    ChangePassword,
    Email,
    EnterpriseUser,
    ETag,
    Extension,
    Filter,
    Group,
    GroupMember,
    Mutability,
    Patch,
    Required,
    ResourceType,
    ScimPolicy,
    ScimProvider,
    ServiceProviderConfig,
    Sort,
    User,
)


class GuildEmail(Email):
    value: Annotated[str | None, Required.true] = None


class GuildUser(User):
    """The standard User, with an email required: Guild signs people in by email."""

    emails: Annotated[list[GuildEmail] | None, Required.true] = None


class GuildGroupMember(GroupMember):
    display: Annotated[str | None, Mutability.read_only] = None  # ignored: Guild has the person's name


class GuildGroup(Group):
    """A team. Its members are people (a team holds no other team through SCIM)."""

    members: list[GuildGroupMember] | None = None


class GuildUserExtension(Extension):
    """Guild's own User attributes. The enterprise extension has no hire date, so HR's (mapped in the
    identity provider as a custom attribute) comes here: "hireDate", a date written YYYY-MM-DD (a
    date-time is accepted: Guild keeps its date). A string, not a dateTime: identity providers send
    HR's date as it is, and it reads back exactly as sent."""

    __schema__ = URN("urn:ietf:params:scim:schemas:extension:guild:2.0:User")

    # The example is published as the attribute's canonicalValues: SCIM has no other place for one, and
    # clients that fill attributes from the schema (scim2-tester) then send a date, not any string.
    hire_date: str | None = Field(None, examples=["2026-01-05"])
    """The day the person started in the organisation: what "new hire" means in enrolment rules."""


UserResource = GuildUser[EnterpriseUser | GuildUserExtension]
GroupResource = GuildGroup

MAX_RESULTS = 200
DEFAULT_COUNT = 100

# Entra removes a member with {"op": "Remove", "path": "members", "value": [{"value": id}]} and adds
# to a filtered path that matches nothing yet (emails[type eq "work"].value): both allowed here.
# Unknown attributes stay refused (invalidSyntax/invalidPath), as the interoperability profile asks.
POLICY = ScimPolicy(
    remove_value_as_filter=ScimPolicy.RemoveValue.apply,
    unmatched_path_filter=ScimPolicy.UnmatchedPathFilter.create,
)

CONFIG = ServiceProviderConfig(
    patch=Patch(supported=True),
    bulk=Bulk(supported=False, max_operations=0, max_payload_size=0),
    filter=Filter(supported=True, max_results=MAX_RESULTS),
    change_password=ChangePassword(supported=False),
    sort=Sort(supported=False),
    etag=ETag(supported=False),
    authentication_schemes=[
        AuthenticationScheme(
            type="oauthbearertoken",
            name="Bearer token",
            description="A Guild API token with the “scim” scope: manage.py api_token create --scopes scim",
            primary=True,
        )
    ],
)

PROVIDER = ScimProvider(
    models=[GuildUser, EnterpriseUser, GuildUserExtension, GuildGroup],
    resource_types=[ResourceType.from_resource(UserResource), ResourceType.from_resource(GroupResource)],
    config=CONFIG,
    policy=POLICY,
)
