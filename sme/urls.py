from django.urls import path

from . import extensions, views

app_name = "sme"
urlpatterns = [
    path("experts/", views.directory, name="directory"),
    path("experts/me/", views.edit_profile, name="profile_edit"),
    path("experts/nominate/", views.nominate, name="nominate"),
    path("experts/nominations/", views.nominations, name="nominations"),
    path("experts/nominations/<id:nomination_id>/answer/", views.answer_nomination, name="nomination_answer"),
    path("experts/nominations/<id:nomination_id>/decide/", views.decide_nomination, name="nomination_decide"),
    path("experts/<id:user_id>/", views.expert, name="expert"),
    path("sme/", views.workspace, name="workspace"),
    path("sme/templates/", views.templates, name="templates"),
    path("sme/templates/<slug:slug>/start/", views.start_course, name="start_course"),
    path("sme/questions/<id:reaction_id>/answer/", views.answer_question, name="answer_question"),
    path("sme/courses/<page_id:course_id>/co-authors/", views.invite_co_author, name="invite_co_author"),
    path("sme/courses/<page_id:course_id>/co-authors/<id:user_id>/remove/", views.remove_co_author, name="remove_co_author"),
    path("sme/community/", views.community, name="community"),
    path("sme/community/people/", views.community_people, name="community_people"),
    path("sme/community/<id:thread_id>/", views.thread, name="thread"),
]
# The peer review's pages (governance.review) live with the experts', as "sme:review:…".
urlpatterns += extensions.urlpatterns()
