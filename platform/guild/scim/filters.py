"""SCIM filters (RFC 7644 §3.4.2.2) as Django queries: scim2-models parses and checks the filter,
this visitor turns its tree into a Q over the attributes Guild stores in columns."""

from django.db.models import Q
from scim2_models import EnterpriseUser, InvalidFilterException
from scim2_models.path import FilterVisitor
from scim2_models.path.expressions import CompareOperator, LogicalOperator

ENTERPRISE = str(EnterpriseUser.__schema__).lower()
CORE = ("urn:ietf:params:scim:schemas:core:2.0:user", "urn:ietf:params:scim:schemas:core:2.0:group")

LOOKUPS = {
    CompareOperator.eq: "iexact", CompareOperator.ne: "iexact", CompareOperator.co: "icontains",
    CompareOperator.sw: "istartswith", CompareOperator.ew: "iendswith",
    CompareOperator.gt: "gt", CompareOperator.ge: "gte", CompareOperator.lt: "lt", CompareOperator.le: "lte",
}
CASE_EXACT = {CompareOperator.eq: "exact", CompareOperator.ne: "exact", CompareOperator.co: "contains",
              CompareOperator.sw: "startswith", CompareOperator.ew: "endswith"}

# attribute path (lower case) -> (field, case exact)
USER_FIELDS = {
    "externalid": ("scim__external_id", True),
    "id": ("pk", True),
    "active": ("is_active", True),
    "emails": ("email", False),
    "emails.value": ("email", False),
    "name.givenname": ("first_name", False),
    "name.familyname": ("last_name", False),
    "title": ("job_title", False),
    "displayname": ("scim__document__displayName", False),
    "meta.created": ("date_joined", True),
    "meta.lastmodified": ("scim__updated_at", True),
    f"{ENTERPRISE}:employeenumber": ("employee_id", True),
}
GROUP_FIELDS = {
    "displayname": ("name", False),
    "externalid": ("scim__external_id", True),
    "id": ("pk", True),
    "members": ("members__pk", True),
    "members.value": ("members__pk", True),
}


class QueryVisitor(FilterVisitor[Q]):
    def __init__(self, fields):
        self.fields = fields
        self.prefix = ""

    def _key(self, attr_path) -> str:
        name = attr_path.attr + (f".{attr_path.sub_attr}" if attr_path.sub_attr else "")
        if self.prefix:
            name = f"{self.prefix}.{name}"
        uri = (attr_path.uri or "").lower()
        if uri and uri not in CORE:
            name = f"{uri}:{name}"
        return name.lower()

    def _comparison(self, key, op, value) -> Q:
        if key == "username":  # the SCIM userName, or the email of someone Guild knew before SCIM
            lookup = LOOKUPS[op]
            return (Q(**{f"scim__user_name__{lookup}": value})
                    | Q(scim__isnull=True, **{f"email__{lookup}": value}))
        if key not in self.fields:
            raise InvalidFilterException(detail=f"Guild cannot filter on “{key}”.")
        field, case_exact = self.fields[key]
        if field in ("pk", "members__pk"):
            if not str(value).isdigit():
                return Q(pk__in=[])  # an id Guild never gives matches nothing
            value = int(value)
        lookup = CASE_EXACT.get(op, LOOKUPS[op]) if case_exact or not isinstance(value, str) else LOOKUPS[op]
        if not isinstance(value, str) and lookup in ("iexact", "exact"):
            lookup = "exact"
        return Q(**{f"{field}__{lookup}": value})

    def visit_comparison(self, node) -> Q:
        key = self._key(node.attr_path)
        q = self._comparison(key, node.op, node.value)
        return ~q if node.op == CompareOperator.ne else q

    def visit_present(self, node) -> Q:
        key = self._key(node.attr_path)
        if key == "username":
            return Q(pk__isnull=False)
        if key not in self.fields:
            raise InvalidFilterException(detail=f"Guild cannot filter on “{key}”.")
        field, _ = self.fields[key]
        q = Q(**{f"{field}__isnull": False})
        return q if field in ("pk", "members__pk", "is_active", "date_joined") else q & ~Q(**{field: ""})

    def visit_not(self, node) -> Q:
        return ~self.visit(node.expr)

    def visit_logical_expr(self, node) -> Q:
        terms = [self.visit(t) for t in node.terms]
        result = terms[0]
        for term in terms[1:]:
            result = result & term if node.op == LogicalOperator.and_ else result | term
        return result

    def visit_value_path(self, node) -> Q:
        outer, self.prefix = self.prefix, self._key(node.attr_path)
        try:
            return self.visit(node.val_filter)
        finally:
            self.prefix = outer


def user_query(scim_filter) -> Q:
    return QueryVisitor(USER_FIELDS).visit(scim_filter.ast)


def group_query(scim_filter) -> Q:
    return QueryVisitor(GROUP_FIELDS).visit(scim_filter.ast)
