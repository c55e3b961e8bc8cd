from django.urls import path

from governance.views import committees, dashboards, kpis, maturity, needs, roadmap

app_name = "governance"
urlpatterns = [
    path("needs/", needs.needs_board, name="needs"),
    path("needs/new/", needs.need_create, name="need_create"),
    path("needs/<id:pk>/", needs.need_detail, name="need"),
    path("needs/<id:pk>/vote/", needs.need_vote, name="need_vote"),
    path("needs/<id:pk>/comments/", needs.need_comment, name="need_comment"),
    path("needs/<id:pk>/volunteers/", needs.need_volunteer, name="need_volunteer"),
    path("needs/<id:pk>/triage/", needs.need_triage, name="need_triage"),
    path("governance/", dashboards.dashboard, name="dashboard"),
    path("governance/summary/", dashboards.executive_summary, name="summary"),
    path("governance/export.<str:fmt>", dashboards.export, name="export"),
    path("governance/mission/", roadmap.mission, name="mission"),
    path("governance/mission/edit/", roadmap.mission_edit, name="mission_edit"),
    path("governance/goals/new/", roadmap.goal_edit, name="goal_create"),
    path("governance/goals/<id:pk>/edit/", roadmap.goal_edit, name="goal_edit"),
    path("governance/roadmap/", roadmap.roadmap, name="roadmap"),
    path("governance/initiatives/new/", roadmap.initiative_edit, name="initiative_create"),
    path("governance/initiatives/<id:pk>/", roadmap.initiative_detail, name="initiative"),
    path("governance/initiatives/<id:pk>/edit/", roadmap.initiative_edit, name="initiative_edit"),
    path("governance/committees/", committees.committee_list, name="committees"),
    path("governance/committees/new/", committees.committee_edit, name="committee_create"),
    path("governance/committees/<id:pk>/", committees.committee_detail, name="committee"),
    path("governance/committees/<id:pk>/edit/", committees.committee_edit, name="committee_edit"),
    path("governance/committees/<id:pk>/meetings/", committees.meeting_create, name="meeting_create"),
    path("governance/meetings/<id:pk>/", committees.meeting_detail, name="meeting"),
    path("governance/actions/<id:pk>/status/", committees.action_status, name="action_status"),
    path("governance/kpis/", kpis.kpi_list, name="kpis"),
    path("governance/kpis/new/", kpis.kpi_edit, name="kpi_create"),
    path("governance/kpis/import/", kpis.kpi_import, name="kpi_import"),
    path("governance/kpis/<slug:slug>/", kpis.kpi_detail, name="kpi"),
    path("governance/kpis/<slug:slug>/edit/", kpis.kpi_edit, name="kpi_edit"),
    path("governance/maturity/", maturity.maturity, name="maturity"),
    path("governance/maturity/assess/", maturity.maturity_assess, name="maturity_assess"),
]
