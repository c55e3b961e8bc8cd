"""Roles as groups, and what each may do. Used by the data migration and after every
migrate or flush (post_migrate), so that a fresh database and a flushed test database
reach the same state as an upgraded one."""

ROLES = ["Learner", "Expert", "Reviewer", "Manager", "L&D admin", "Executive"]
ADMIN_ROLES = ["Expert", "Reviewer", "L&D admin"]

# What L&D admins manage in the Wagtail admin: (app_label, model, actions).
LD_ADMIN_MODEL_PERMISSIONS = [
    ("people", "user", ("view", "add", "change")),
    ("people", "team", ("view", "add", "change", "delete")),
    ("skills", "skill", ("view", "add", "change", "delete")),
    ("skills", "skillcategory", ("view", "add", "change", "delete")),
    ("skills", "jobrole", ("view", "add", "change", "delete")),
    ("skills", "roleskillrequirement", ("view", "add", "change", "delete")),
    ("xapi", "learningrecordstore", ("view", "add", "change", "delete")),
    ("socialaccount", "socialapp", ("view", "add", "change", "delete")),  # SSO identity providers
    ("wagtailcore", "apitoken", ("view", "add", "change", "delete")),  # API and SCIM tokens (api_tokens_admin)
    ("webhooks", "webhookendpoint", ("view", "add", "change", "delete")),  # receiving systems (guild.webhooks)
]


def ensure_roles(group_model, permission_model, content_type_model):
    admin_type, _ = content_type_model.objects.get_or_create(app_label="wagtailadmin", model="admin")
    access_admin, _ = permission_model.objects.get_or_create(
        content_type=admin_type, codename="access_admin", defaults={"name": "Can access Wagtail admin"}
    )
    for name in ROLES:
        group, _ = group_model.objects.get_or_create(name=name)
        if name in ADMIN_ROLES:
            group.permissions.add(access_admin)


def ensure_ld_admin_permissions(group_model, permission_model, content_type_model):
    ld_admin = group_model.objects.get(name="L&D admin")
    for app_label, model, actions in LD_ADMIN_MODEL_PERMISSIONS:
        ctype, _ = content_type_model.objects.get_or_create(app_label=app_label, model=model)
        for action in actions:
            perm, _ = permission_model.objects.get_or_create(
                content_type=ctype, codename=f"{action}_{model}", defaults={"name": f"Can {action} {model}"}
            )
            ld_admin.permissions.add(perm)
