"""The report email: rendered, and its file built, when it is sent, with the subscriber's access then."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from governance.reports import catalogue
from governance.reports.models import ReportSubscription
from governance.reports.subscriptions import KIND, still_allowed
from guild.notifications import kinds
from guild.notifications.kinds import Rendered
from guild.people.roles import Role


def render_report(payload, recipient, cache):
    """None (nothing is sent) when the subscription is gone or paused, or the person lost access."""
    sub = (ReportSubscription.objects.select_related("subscriber")
           .filter(pk=payload.get("subscription"), subscriber=recipient).first())
    if sub is None or sub.paused_at is not None or still_allowed(sub):
        return None
    kind = catalogue.get(sub.report)
    content, content_type, filename = kind.build_file(sub.target, sub.params, sub.file_format)
    title = kind.title(sub.target, sub.params)
    return Rendered(
        title=_("Your report: %(title)s (%(period)s)") % {"title": title, "period": payload.get("period", "")},
        body=_("The report you subscribed to is attached, as of today. You can change or stop these emails "
               "from your report subscriptions."),
        url=kind.url(sub.target, sub.params), action=_("Open the report"),
        attachments=[(filename, content, content_type)],
    )


kinds.register(KIND, label=gettext_lazy("Reports you subscribed to"),
               description=gettext_lazy("A weekly or monthly email with a report and its file."),
               render=render_report,
               # Those who can see a report: L&D admins and executives, course authors, managers.
               roles=(Role.LD_ADMIN, Role.EXECUTIVE, Role.EXPERT, Role.MANAGER))
