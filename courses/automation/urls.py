from django.urls import path

from . import views

app_name = "automation"
urlpatterns = [
    path("automation/rules/", views.rule_list, name="rules"),
    path("automation/rules/new/", views.rule_edit, name="rule_new"),
    path("automation/rules/<id:pk>/", views.rule_edit, name="rule_edit"),
    path("automation/rules/<id:pk>/run/", views.rule_run, name="rule_run"),
    path("automation/policy/", views.policy, name="policy"),
    path("automation/outbox/", views.outbox, name="outbox"),
    path("automation/outbox/retry/", views.outbox_retry, name="outbox_retry_all"),
    path("automation/outbox/<id:pk>/retry/", views.outbox_retry, name="outbox_retry"),
    path("team/", views.team, name="team"),
    path("team/enrolments/<id:pk>/remind/", views.team_remind, name="team_remind"),
    path("team/people/<id:pk>/", views.team_person, name="team_person"),
    path("team/export.<str:fmt>", views.team_export, name="team_export"),
]
