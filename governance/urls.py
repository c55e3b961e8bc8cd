from django.urls import path

from . import views

app_name = "governance"
urlpatterns = [
    path("needs/", views.needs_board, name="needs"),
    path("needs/new/", views.need_create, name="need_create"),
    path("needs/<int:pk>/", views.need_detail, name="need"),
    path("needs/<int:pk>/vote/", views.need_vote, name="need_vote"),
    path("needs/<int:pk>/comments/", views.need_comment, name="need_comment"),
    path("needs/<int:pk>/volunteers/", views.need_volunteer, name="need_volunteer"),
    path("needs/<int:pk>/triage/", views.need_triage, name="need_triage"),
    path("governance/", views.dashboard, name="dashboard"),
    path("governance/summary/", views.executive_summary, name="summary"),
    path("governance/export.<str:fmt>", views.export, name="export"),
    path("governance/mission/", views.mission, name="mission"),
    path("governance/mission/edit/", views.mission_edit, name="mission_edit"),
    path("governance/goals/new/", views.goal_edit, name="goal_create"),
    path("governance/goals/<int:pk>/edit/", views.goal_edit, name="goal_edit"),
    path("governance/roadmap/", views.roadmap, name="roadmap"),
    path("governance/initiatives/new/", views.initiative_edit, name="initiative_create"),
    path("governance/initiatives/<int:pk>/", views.initiative_detail, name="initiative"),
    path("governance/initiatives/<int:pk>/edit/", views.initiative_edit, name="initiative_edit"),
    path("governance/committees/", views.committee_list, name="committees"),
    path("governance/committees/new/", views.committee_edit, name="committee_create"),
    path("governance/committees/<int:pk>/", views.committee_detail, name="committee"),
    path("governance/committees/<int:pk>/edit/", views.committee_edit, name="committee_edit"),
    path("governance/committees/<int:pk>/meetings/", views.meeting_create, name="meeting_create"),
    path("governance/meetings/<int:pk>/", views.meeting_detail, name="meeting"),
    path("governance/actions/<int:pk>/status/", views.action_status, name="action_status"),
    path("governance/kpis/", views.kpi_list, name="kpis"),
    path("governance/kpis/new/", views.kpi_edit, name="kpi_create"),
    path("governance/kpis/import/", views.kpi_import, name="kpi_import"),
    path("governance/kpis/<slug:slug>/", views.kpi_detail, name="kpi"),
    path("governance/kpis/<slug:slug>/edit/", views.kpi_edit, name="kpi_edit"),
    path("governance/maturity/", views.maturity, name="maturity"),
    path("governance/maturity/assess/", views.maturity_assess, name="maturity_assess"),
]
