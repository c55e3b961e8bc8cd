"""Which images and documents a person sees in Wagtail's admin: nobody sees another author's drafts' media.

An expert sees their own uploads, the media that the courses they write use (the course page and its
lessons, live or in their latest draft), and whatever lies outside the "Course media" collection that
Wagtail's collection permissions let them choose (a collection L&D shares on purpose). L&D admins see
everything. The rule is the permission policy of images and of documents, so every admin screen that
asks Wagtail's policy applies it: the choosers and their "chosen" and "select format" answers, the
listings, edit, usage and bulk actions, the duplicate check on upload. The admin API asks no policy:
its image and document endpoints are replaced by ones that use `in_reach` (sme.wagtail_hooks)."""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import CharField, IntegerField, Q, Subquery
from django.db.models.functions import Cast, Length, Substr
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, ReferenceIndex, Revision
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy
from wagtail.permissions import policy_registry, register_permission_policy

from courses.models import CoursePage, LessonPage
from guild.people.roles import Role

from .admin_scope import courses_written_by
from .models import RevisionMedia
from .setup import MEDIA_COLLECTION


def sees_all_media(user) -> bool:
    return user.is_authenticated and (user.is_superuser or user.has_role(Role.LD_ADMIN))


def _media_field(model) -> str:
    """The RevisionMedia field that points at `model`."""
    return "image" if issubclass(model, get_image_model()) else "document"


def pages_of(courses):
    """The pages of `courses` (a queryset of course pks): the course pages and their lessons."""
    paths = CoursePage.objects.filter(pk__in=courses).values("path")
    parent_path = Substr("path", 1, Length("path") - Page.steplen)
    return Page.objects.annotate(parent_path=parent_path).filter(Q(path__in=paths) | Q(parent_path__in=paths))


def used_by(pages, model) -> Q:
    """Instances of `model` that `pages` use: live (Wagtail's ReferenceIndex reads a page's row: the
    live content of a live page, but only the first content of a draft) or in their latest revisions
    (RevisionMedia). Subqueries only, whatever the number of pages."""
    read_from_rows = pages.filter(Q(live=True) | Q(latest_revision__isnull=True))
    in_rows = ReferenceIndex.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id__in=read_from_rows.annotate(pk_text=Cast("pk", CharField())).values("pk_text"),
        to_content_type=ContentType.objects.get_for_model(model),
    ).annotate(target=Cast("to_object_id", IntegerField())).values("target")
    field = _media_field(model)
    in_revisions = RevisionMedia.objects.filter(
        revision__in=pages.values("latest_revision"), **{f"{field}__isnull": False}
    ).values(field)
    return Q(pk__in=in_rows) | Q(pk__in=in_revisions)


def course_media_collections():
    """The "Course media" collection and any collection under it: per author, never shared."""
    top = Collection.objects.filter(name=MEDIA_COLLECTION, depth=2).values("path")[:1]
    return Collection.objects.filter(path__startswith=Subquery(top)).values("pk")


def visible_media(media, user):
    """`media` (images or documents) narrowed to what `user` may see."""
    if sees_all_media(user):
        return media
    if not user.is_authenticated:
        return media.none()
    return media.filter(
        Q(uploaded_by_user=user)
        | used_by(pages_of(courses_written_by(user)), media.model)
        | ~Q(collection__in=course_media_collections())
    )


def can_see_media(user, item) -> bool:
    return sees_all_media(user) or visible_media(type(item)._default_manager.filter(pk=item.pk), user).exists()


class AuthorScopedMediaPermissionPolicy(CollectionOwnershipPermissionPolicy):
    """Wagtail's policy for images and documents (collection permissions; experts change only what
    they uploaded) with the rule above on top: what a person may choose, list or open."""

    def instances_user_has_any_permission_for(self, user, actions):
        return visible_media(super().instances_user_has_any_permission_for(user, actions), user)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return super().user_has_any_permission_for_instance(user, actions, instance) and can_see_media(user, instance)


def register_author_scoped_media_policies():
    for model, auth_model in ((get_image_model(), "wagtailimages.Image"), (get_document_model(), "wagtaildocs.Document")):
        policy = AuthorScopedMediaPermissionPolicy(model, auth_model=auth_model, owner_field_name="uploaded_by_user")
        # For the exact class: it wins over Wagtail's own, whichever app's ready() registers last.
        register_permission_policy(model, policy, exact_class=True)


def in_reach(media, user):
    """What the admin API returns: everything to L&D admins, to others what their choosers offer."""
    if sees_all_media(user):
        return media
    offered = policy_registry.get_by_type(media.model).instances_user_has_any_permission_for(user, ["choose", "change"])
    return media.filter(pk__in=offered.values("pk"))


def is_a_course_revision(revision) -> bool:
    types = ContentType.objects.get_for_models(CoursePage, LessonPage).values()
    return revision.content_type_id in {content_type.pk for content_type in types}


def record_revision_media(*, revision, replace=False) -> None:
    """Write which images and documents `revision` (of a course page or lesson) uses, with Wagtail's
    own reference extraction: chooser blocks, rich text, foreign keys. `replace` when the revision
    was saved again (Wagtail overwrites the latest revision on autosave)."""
    # A revision just made by save_revision holds the page it was made from: no need to rebuild it.
    made_from = revision.content_object if Revision._meta.get_field("content_object").is_cached(revision) else None
    content = made_from if isinstance(made_from, (CoursePage, LessonPage)) else revision.as_object()
    types = {ContentType.objects.get_for_model(get_image_model()).pk: "image",
             ContentType.objects.get_for_model(get_document_model()).pk: "document"}
    found = {"image": set(), "document": set()}
    for content_type_id, object_id, *_ in ReferenceIndex._extract_references_from_object(content):
        if content_type_id in types and str(object_id).isdigit():
            found[types[content_type_id]].add(int(object_id))
    rows = []
    for field, model in (("image", get_image_model()), ("document", get_document_model())):
        if found[field]:  # a revision may name media deleted since
            existing = model.objects.filter(pk__in=found[field]).values_list("pk", flat=True)
            rows += [RevisionMedia(revision=revision, **{f"{field}_id": pk}) for pk in existing]
    with transaction.atomic(savepoint=False):
        if replace:
            RevisionMedia.objects.filter(revision=revision).delete()
        if rows:
            RevisionMedia.objects.bulk_create(rows)


def backfill_revision_media() -> int:
    """Record the media of the latest revisions saved before RevisionMedia existed: after migrate,
    while none is recorded (a database whose courses use no media is read again, and stays cheap)."""
    if RevisionMedia.objects.exists():
        return 0
    count = 0
    for model in (CoursePage, LessonPage):
        for page in model.objects.exclude(latest_revision=None).select_related("latest_revision").iterator():
            record_revision_media(revision=page.latest_revision)
            count += 1
    return count
