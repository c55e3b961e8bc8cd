"""Roles as groups, and what each may do. Used by the data migration and after every
migrate or flush (post_migrate), so that a fresh database and a flushed test database
reach the same state as an upgraded one."""

ROLES = ["Learner", "Expert", "Reviewer", "Manager", "L&D admin", "Executive"]
ADMIN_ROLES = ["Expert", "Reviewer", "L&D admin"]


def ensure_roles(group_model, permission_model, content_type_model):
    admin_type, _ = content_type_model.objects.get_or_create(app_label="wagtailadmin", model="admin")
    access_admin, _ = permission_model.objects.get_or_create(
        content_type=admin_type, codename="access_admin", defaults={"name": "Can access Wagtail admin"}
    )
    for name in ROLES:
        group, _ = group_model.objects.get_or_create(name=name)
        if name in ADMIN_ROLES:
            group.permissions.add(access_admin)
