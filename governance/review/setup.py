"""The course review workflow: peer review, then (optionally) L&D sign-off, set on the catalogue
so that every course page goes through it before learners see it."""

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

from courses.models import CataloguePage
from guild.people.roles import Role

from . import conf
from .services import ensure_peer_review_task

WORKFLOW_NAME = "Course review"
SIGNOFF_NAME = "L&D sign-off"


@transaction.atomic
def ensure_review_workflow(catalogue):
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is None:
        workflow = Workflow.objects.create(name=WORKFLOW_NAME)
        tasks = [ensure_peer_review_task(name=_("Peer review"))]
        if conf.ld_signoff():
            signoff = GroupApprovalTask.objects.filter(name=SIGNOFF_NAME).first()
            if signoff is None:
                signoff = GroupApprovalTask.objects.create(name=SIGNOFF_NAME)
                group = Group.objects.filter(name=Role.LD_ADMIN).first()
                if group:
                    signoff.groups.add(group)
            tasks.append(signoff)
        for order, task in enumerate(tasks):
            WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=order)
    WorkflowPage.objects.get_or_create(page=catalogue, defaults={"workflow": workflow})
    return workflow


def ensure_all():
    for catalogue in CataloguePage.objects.all():
        ensure_review_workflow(catalogue)
