"""allauth's emails (password reset, address confirmation, sign-in codes, "account already exists",
security notices) go through the notifications outbox, like every other email Guild sends.

allauth sends them inside the request, so a slow or unreachable SMTP server made the sign-up or the
password reset slow, or fail. Here the request only renders the message (allauth's templates, in
the request's language, with links built from the request's host) and stores it as one outbox row;
the worker sends it, once, with the outbox's claim, lease and retries (docs/automation.md).

What is stored is the finished message, not a payload to render later: its links and codes are
one-time secrets that exist only in the request. So the row's payload is emptied once sent, and
neither the outbox page nor the stored body ever shows them."""

import uuid

from allauth.core import context as allauth_context
from django.contrib.sites.shortcuts import get_current_site
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.core.validators import validate_email
from django.db import transaction

from .delivery import PermanentError, message_id
from .kinds import Rendered
from .models import OutboxMessage
from .tasks import enqueue_delivery

KIND = "account.email"


def queue_account_email(message: EmailMessage, *, template: str) -> OutboxMessage:
    """Store a rendered allauth email in the outbox; the worker is nudged once the row is committed
    (and beat's periodic delivery sends it anyway if the broker is down)."""
    html = next((content for content, mimetype in getattr(message, "alternatives", []) if mimetype == "text/html"), "")
    row = OutboxMessage.objects.create(
        key=f"account:{uuid.uuid4().hex}",
        to_email=message.to[0],
        kind=KIND,
        payload={
            "template": template,  # which allauth email, for the logs
            "subject": message.subject,
            "from": message.from_email,
            "to": list(message.to),
            "text": message.body if message.content_subtype == "plain" else "",
            "html": html or (message.body if message.content_subtype == "html" else ""),
            "headers": dict(message.extra_headers),
        },
    )
    transaction.on_commit(enqueue_delivery)
    return row


def deliver(row: OutboxMessage) -> Rendered:
    """Send the stored message (the outbox marks the row; an SMTP error raises and is retried)."""
    payload = row.payload
    for address in payload["to"]:
        try:
            validate_email(address)
        except ValidationError as exc:
            raise PermanentError(f"malformed email address {address!r}") from exc
    headers = {**payload.get("headers", {}), "Message-ID": message_id(row.key), "X-Guild-Kind": KIND}
    email = EmailMultiAlternatives(subject=payload["subject"], body=payload["text"], from_email=payload["from"],
                                   to=payload["to"], headers=headers)
    if payload["html"]:
        if payload["text"]:
            email.attach_alternative(payload["html"], "text/html")
        else:
            email.body, email.content_subtype = payload["html"], "html"
    email.send()
    return Rendered(title=payload["subject"])  # no body: the outbox page must not show the link or code


class OutboxAccountMail:
    """Mixed into Guild's allauth account adapter (guild.sso.adapters): every email allauth sends
    passes through send_mail (allauth.account.adapter), so this one method covers them all."""

    def send_mail(self, template_prefix, email, context):
        """Rendered here, as allauth does (the request's language and host), then queued: the worker
        sends it, so a slow or unreachable SMTP server never holds up a sign-up or a password reset."""
        request = allauth_context.request
        ctx = {"request": request, "email": email, "current_site": get_current_site(request), **context}
        queue_account_email(self.render_mail(template_prefix, email, ctx), template=template_prefix)
