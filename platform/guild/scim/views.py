"""SCIM 2.0 endpoints (RFC 7644) under /scim/v2/. DRF for the token, throttling and JSON; scim2-models
for every payload in and out; every error in SCIM's own shape (RFC 7644 §3.12)."""

from django.conf import settings
from django.http import Http404
from django.urls import reverse
from pydantic import ValidationError
from rest_framework import exceptions, status
from rest_framework.parsers import JSONParser
from rest_framework.permissions import IsAuthenticated
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle
from rest_framework.views import APIView
from scim2_models import (
    Context,
    Error,
    InvalidSyntaxException,
    ListResponse,
    Meta,
    NotFoundException,
    NotImplementedException,
    PatchOp,
    ResourceType,
    ResponseParameters,
    Schema,
    SCIMException,
    SearchRequest,
)

from guild.people.api_auth import PersonOrTokenRateThrottle

from . import services
from .auth import ScimTokenAuthentication
from .filters import group_query, user_query
from .schemas import CONFIG, DEFAULT_COUNT, MAX_RESULTS, PROVIDER, GroupResource, UserResource

SCIM_JSON = "application/scim+json"
SEARCH_PARAMS = ("filter", "startIndex", "count", "attributes", "excludedAttributes", "sortBy", "sortOrder")


class ScimJSONParser(JSONParser):
    media_type = SCIM_JSON


class ScimJSONRenderer(JSONRenderer):
    media_type = SCIM_JSON


class ScimRateThrottle(PersonOrTokenRateThrottle):
    """The API's per-token rate, unless GUILD_SCIM_THROTTLE_RATE sets one for provisioning."""

    def get_rate(self):
        return getattr(settings, "GUILD_SCIM_THROTTLE_RATE", None) or super().get_rate()


def _error_of(exc) -> tuple[Error, dict]:
    headers = {}
    if isinstance(exc, SCIMException):
        return exc.to_error(), headers
    if isinstance(exc, ValidationError):
        return Error.from_validation_errors(exc)[0], headers
    if isinstance(exc, exceptions.ParseError):
        return Error(status=400, scim_type="invalidSyntax", detail=f"The body is not valid JSON: {exc.detail}"), headers
    if isinstance(exc, Http404):
        return NotFoundException(detail="Not found.").to_error(), headers
    if isinstance(exc, exceptions.APIException):
        if getattr(exc, "auth_header", None):
            headers["WWW-Authenticate"] = exc.auth_header
        if isinstance(exc, exceptions.NotAuthenticated | exceptions.AuthenticationFailed):
            exc.status_code = status.HTTP_401_UNAUTHORIZED
        if getattr(exc, "wait", None):
            headers["Retry-After"] = str(int(exc.wait))
        return Error(status=exc.status_code, detail=str(exc.detail)), headers
    raise exc


def scim_exception_handler(exc, context):
    try:
        error, headers = _error_of(exc)
    except Exception:  # noqa: BLE001 - not ours to shape: Django's 500 page and the logs take it
        return None
    return Response(error.model_dump(scim_ctx=Context.RESOURCE_QUERY_RESPONSE), status=int(error.status),
                    headers=headers, content_type=SCIM_JSON)


class ScimView(APIView):
    authentication_classes = [ScimTokenAuthentication]
    permission_classes = [IsAuthenticated]
    throttle_classes = [ScimRateThrottle, AnonRateThrottle]
    parser_classes = [ScimJSONParser, JSONParser]
    renderer_classes = [ScimJSONRenderer, JSONRenderer]

    def get_exception_handler(self):
        return scim_exception_handler

    def dispatch(self, request, *args, **kwargs):
        with PROVIDER:  # its policy (Entra's tolerances) for every payload read here
            return super().dispatch(request, *args, **kwargs)

    @property
    def base_url(self) -> str:
        return self.request.build_absolute_uri(reverse("scim:root")).rstrip("/")

    def body(self) -> dict:
        data = self.request.data
        if not isinstance(data, dict):
            raise InvalidSyntaxException(detail="The body must be a JSON object.")
        return data

    def params(self, model):
        query = {k: v for k, v in self.request.query_params.items() if k in ("attributes", "excludedAttributes")}
        return ResponseParameters[model].model_validate(query) if query else None

    def respond(self, obj, ctx=Context.RESOURCE_QUERY_RESPONSE, code=200, params=None, headers=None):
        return Response(obj.model_dump(scim_ctx=ctx, response_parameters=params), status=code,
                        headers=headers, content_type=SCIM_JSON)


class ResourceListView(ScimView):
    """GET (filter, startIndex, count, attributes) and POST (create) on /Users or /Groups."""

    model = None

    def queryset(self):
        raise NotImplementedError

    def to_resource(self, obj):
        raise NotImplementedError

    def query(self, scim_filter):
        raise NotImplementedError

    def search(self, data):
        search = SearchRequest[self.model].model_validate(data, scim_ctx=Context.SEARCH_REQUEST)
        qs = self.queryset()
        if search.filter:
            qs = qs.filter(self.query(search.filter)).distinct()
        total = qs.count()
        start = max(search.start_index or 1, 1)
        count = min(max(search.count if search.count is not None else DEFAULT_COUNT, 0), MAX_RESULTS)
        page = list(qs.order_by("pk")[start - 1:start - 1 + count]) if count else []
        listing = ListResponse[self.model](total_results=total, start_index=start, items_per_page=len(page),
                                           resources=[self.to_resource(obj) for obj in page])
        return self.respond(listing, Context.SEARCH_RESPONSE, params=search)

    def get(self, request):
        return self.search({k: v for k, v in request.query_params.items() if k in SEARCH_PARAMS})


class SearchView(ResourceListView):
    def post(self, request):
        return self.search(self.body())


class UserMixin:
    model = UserResource

    def queryset(self):
        return services.visible_users().select_related("scim", "team")

    def to_resource(self, user):
        return services.user_resource(user, self.base_url)

    def query(self, scim_filter):
        return user_query(scim_filter)


class GroupMixin:
    model = GroupResource

    def queryset(self):
        return services.teams_for_listing()

    def to_resource(self, team):
        return services.group_resource(team, self.base_url)

    def query(self, scim_filter):
        return group_query(scim_filter)


class UsersView(UserMixin, ResourceListView):
    def post(self, request):
        resource = UserResource.model_validate(self.body(), scim_ctx=Context.RESOURCE_CREATION_REQUEST)
        user = services.save_user(resource)
        created = services.user_resource(services.get_user(user.pk), self.base_url)
        return self.respond(created, Context.RESOURCE_CREATION_RESPONSE, 201,
                            headers={"Location": created.meta.location})


class UsersSearchView(UserMixin, SearchView):
    pass


class UserView(UserMixin, ScimView):
    def get(self, request, pk):
        return self.respond(self.to_resource(services.get_user(pk)), params=self.params(UserResource))

    def put(self, request, pk):
        user = services.get_user(pk)
        replacement = UserResource.model_validate(self.body(), scim_ctx=Context.RESOURCE_REPLACEMENT_REQUEST)
        replacement.replace(self.to_resource(user))
        services.save_user(replacement, user=user)
        return self.respond(self.to_resource(services.get_user(pk)), Context.RESOURCE_REPLACEMENT_RESPONSE)

    def patch(self, request, pk):
        user = services.get_user(pk)
        patch = PatchOp[UserResource].model_validate(self.body(), scim_ctx=Context.RESOURCE_PATCH_REQUEST)
        resource = self.to_resource(user)
        if patch.patch(resource):
            services.save_user(resource, user=user)
        return self.respond(self.to_resource(services.get_user(pk)), Context.RESOURCE_PATCH_RESPONSE)

    def delete(self, request, pk):
        services.delete_user(services.get_user(pk))
        return Response(status=204)


class GroupsView(GroupMixin, ResourceListView):
    def post(self, request):
        resource = GroupResource.model_validate(self.body(), scim_ctx=Context.RESOURCE_CREATION_REQUEST)
        team = services.save_group(resource)
        created = self.to_resource(team)
        return self.respond(created, Context.RESOURCE_CREATION_RESPONSE, 201,
                            headers={"Location": created.meta.location})


class GroupsSearchView(GroupMixin, SearchView):
    pass


def _without_member_display(data) -> dict:
    """A member's display is read-only (Guild has the person's name), yet Okta and Entra send it in
    PATCH values, where RFC 7644 §3.5.2 would refuse it: drop it, as POST and PUT ignore it."""
    def clean(members):
        return [{k: v for k, v in m.items() if k.lower() != "display"} if isinstance(m, dict) else m
                for m in members] if isinstance(members, list) else members

    for op in data.get("Operations") or []:
        if not isinstance(op, dict):
            continue
        if str(op.get("path") or "").lower() == "members":
            op["value"] = clean(op.get("value"))
        elif isinstance(op.get("value"), dict):
            op["value"] = {k: clean(v) if k.lower() == "members" else v for k, v in op["value"].items()}
    return data


class GroupView(GroupMixin, ScimView):
    def get(self, request, pk):
        return self.respond(self.to_resource(services.get_team(pk)), params=self.params(GroupResource))

    def put(self, request, pk):
        team = services.get_team(pk)
        replacement = GroupResource.model_validate(self.body(), scim_ctx=Context.RESOURCE_REPLACEMENT_REQUEST)
        replacement.replace(self.to_resource(team))
        services.save_group(replacement, team=team)
        return self.respond(self.to_resource(services.get_team(pk)), Context.RESOURCE_REPLACEMENT_RESPONSE)

    def patch(self, request, pk):
        team = services.get_team(pk)
        patch = PatchOp[GroupResource].model_validate(_without_member_display(self.body()),
                                                      scim_ctx=Context.RESOURCE_PATCH_REQUEST)
        resource = self.to_resource(team)
        if patch.patch(resource):
            services.save_group(resource, team=team)
        return self.respond(self.to_resource(services.get_team(pk)), Context.RESOURCE_PATCH_RESPONSE)

    def delete(self, request, pk):
        services.delete_group(services.get_team(pk))
        return Response(status=204)


# Discovery (RFC 7644 §4) ----------------------------------------------------------------------------

class ServiceProviderConfigView(ScimView):
    def get(self, request):
        config = CONFIG.model_copy(deep=True)
        config.meta = Meta(resource_type="ServiceProviderConfig", location=f"{self.base_url}/ServiceProviderConfig")
        return self.respond(config)


def _described(items, kind, base_url):
    out = []
    for item in items:
        copy = item.model_copy(deep=True)
        copy.meta = Meta(resource_type=kind, location=f"{base_url}/{kind}s/{item.id}")
        out.append(copy)
    return out


class DiscoveryView(ScimView):
    kind, model = None, None

    def items(self):
        raise NotImplementedError

    def get(self, request, pk=None):
        items = _described(self.items(), self.kind, self.base_url)
        if pk is not None:
            found = next((i for i in items if i.id == pk), None)
            if found is None:
                raise NotFoundException(detail=f"No {self.kind} {pk}.")
            return self.respond(found)
        return self.respond(ListResponse[self.model](total_results=len(items), start_index=1,
                                                     items_per_page=len(items), resources=items),
                            Context.SEARCH_RESPONSE)


class ResourceTypesView(DiscoveryView):
    kind, model = "ResourceType", ResourceType

    def items(self):
        return PROVIDER.resource_types


class SchemasView(DiscoveryView):
    kind, model = "Schema", Schema

    def items(self):
        return PROVIDER.schemas


class RootSearchView(ScimView):
    def post(self, request):
        raise NotImplementedException(detail="Search /Users/.search or /Groups/.search.")


class NotFoundView(ScimView):
    def get(self, request, *args, **kwargs):
        raise NotFoundException(detail="No such SCIM endpoint.")

    post = put = patch = delete = get

