"""What L&D admins may do with rewards in the Wagtail admin, applied after every migrate or flush."""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType

from .models import RewardSettings

LD_ADMIN_PERMISSIONS = [
    ("badge", ("view", "add", "change", "delete")),
    ("badgeaward", ("view",)),
    ("rewardsettings", ("change",)),
    ("kudos", ("view",)),
]


def after_migrate(sender, using="default", **kwargs):
    group = Group.objects.using(using).filter(name="L&D admin").first()
    if group is not None:
        for model, actions in LD_ADMIN_PERMISSIONS:
            ctype, _ = ContentType.objects.db_manager(using).get_or_create(app_label="rewards", model=model)
            for action in actions:
                perm, _ = Permission.objects.db_manager(using).get_or_create(
                    content_type=ctype, codename=f"{action}_{model}", defaults={"name": f"Can {action} {model}"}
                )
                group.permissions.add(perm)
    # The one settings row exists before anyone awards points (load() would race to create it).
    if not RewardSettings.objects.using(using).exists():
        RewardSettings.objects.using(using).create()
