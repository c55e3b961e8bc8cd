"""L&D admins configure the LRSs that Guild sends xAPI statements to (Settings → Learning record stores)."""

from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet

from guild.notifications.models import OutboxStatus

from .forms import LearningRecordStoreForm
from .models import LearningRecordStore, StatementDelivery


class LearningRecordStoreViewSet(ModelViewSet):
    name = "guild_xapi_lrs"
    url_prefix = "xapi/lrs"
    model = LearningRecordStore
    icon = "site"
    menu_label = _("Learning record stores")
    add_to_settings_menu = True
    search_fields = ["name", "endpoint"]
    list_display = ["name", "endpoint", "actor_format", "is_active",
                    Column("waiting", label=_("Waiting or retrying")), Column("sent", label=_("Sent"))]

    def get_form_class(self, for_update=False):
        return LearningRecordStoreForm

    def get_queryset(self, request):
        def count(*statuses):
            per_lrs = (StatementDelivery.objects.filter(lrs_name=OuterRef("name"), status__in=statuses)
                       .order_by().values("lrs_name").annotate(n=Count("id")).values("n"))
            return Coalesce(Subquery(per_lrs), 0)

        return LearningRecordStore.objects.annotate(
            waiting=count(OutboxStatus.QUEUED, OutboxStatus.SENDING, OutboxStatus.FAILED), sent=count(OutboxStatus.SENT))


@hooks.register("register_admin_viewset")
def register_lrs_viewset():
    return LearningRecordStoreViewSet()
