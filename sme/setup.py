"""Wagtail permissions for authoring, granted on the catalogue page whenever it exists
(after migrate or flush, and when the catalogue is created), so a fresh database and a
flushed test database reach the same state."""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

from courses.models import CataloguePage
from guild.people.roles import Role

# Experts may add courses (and, through courses.permissions, edit only their own).
EXPERT_PAGE_PERMISSIONS = ["add_page"]
LD_ADMIN_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page", "bulk_delete_page"]


# The collection authors upload images, documents and videos to from the editor's choosers. Experts
# add and choose (Wagtail lets them change and delete only what they uploaded); L&D manages it all.
# Wagtail's upload forms keep WAGTAILIMAGES_MAX_UPLOAD_SIZE and the allowed extensions (settings).
MEDIA_COLLECTION = "Course media"
EXPERT_MEDIA_PERMISSIONS = {"wagtailimages": ["add_image", "choose_image"],
                            "wagtaildocs": ["add_document", "choose_document"]}
LD_ADMIN_MEDIA_PERMISSIONS = {
    "wagtailimages": ["add_image", "change_image", "delete_image", "choose_image"],
    "wagtaildocs": ["add_document", "change_document", "delete_document", "choose_document"],
}


def ensure_authoring_permissions(catalogue) -> None:
    for role, codenames in ((Role.EXPERT, EXPERT_PAGE_PERMISSIONS), (Role.LD_ADMIN, LD_ADMIN_PAGE_PERMISSIONS)):
        group = Group.objects.filter(name=role).first()
        if group is None:
            continue
        for permission in Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=codenames):
            GroupPagePermission.objects.get_or_create(group=group, page=catalogue, permission=permission)
    ensure_media_permissions()


def ensure_media_permissions() -> Collection:
    root = Collection.get_first_root_node() or Collection.add_root(name="Root")
    collection = root.get_children().filter(name=MEDIA_COLLECTION).first() or root.add_child(name=MEDIA_COLLECTION)
    for role, by_app in ((Role.EXPERT, EXPERT_MEDIA_PERMISSIONS), (Role.LD_ADMIN, LD_ADMIN_MEDIA_PERMISSIONS)):
        group = Group.objects.filter(name=role).first()
        if group is None:
            continue
        for app_label, codenames in by_app.items():
            for permission in Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames):
                GroupCollectionPermission.objects.get_or_create(group=group, collection=collection, permission=permission)
    return collection


def ensure_template_permissions() -> None:
    """L&D admins manage course templates (Wagtail snippets) and see expert profiles and nominations."""
    group = Group.objects.filter(name=Role.LD_ADMIN).first()
    if group is None:
        return
    for model in ("coursetemplate", "expertprofile", "nomination"):
        ct = ContentType.objects.filter(app_label="sme", model=model).first()
        if ct:
            group.permissions.add(*Permission.objects.filter(content_type=ct))


def ensure_all() -> None:
    ensure_template_permissions()
    ensure_media_permissions()
    for catalogue in CataloguePage.objects.all():
        ensure_authoring_permissions(catalogue)
