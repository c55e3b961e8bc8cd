from django.urls import path

from . import attempt_request_views, views

app_name = "courses"
urlpatterns = [
    path("courses/", views.catalogue, name="catalogue"),
    path("learning/", views.my_learning, name="my_learning"),
    path("learning/paths/", views.paths, name="paths"),
    path("learning/paths/<page_id:path_id>/enrol/", views.enrol_in_path, name="enrol_in_path"),
    path("learning/courses/<page_id:course_id>/enrol/", views.enrol, name="enrol"),
    path("learning/courses/<page_id:course_id>/leave/", views.unenrol, name="unenrol"),
    path("learning/courses/<page_id:course_id>/rating/", views.rate, name="rate"),
    path("learning/courses/<page_id:course_id>/discussion/", views.course_discussion, name="course_discussion"),
    path("learning/discussions/<id:thread_id>/", views.thread, name="thread"),
    path("learning/lessons/<page_id:lesson_id>/complete/", views.complete_lesson, name="complete_lesson"),
    path("learning/lessons/<page_id:lesson_id>/quiz/", views.submit_quiz, name="submit_quiz"),
    path("learning/lessons/<page_id:lesson_id>/reactions/", views.react, name="react"),
    path("learning/lessons/<page_id:lesson_id>/attempts/request/", attempt_request_views.request_attempts,
         name="request_attempts"),
    path("learning/attempt-requests/", attempt_request_views.attempt_requests, name="attempt_requests"),
    path("learning/attempt-requests/<id:pk>/", attempt_request_views.decide, name="decide_attempt_request"),
    path("learning/cohorts/<slug:slug>/", views.cohort, name="cohort"),
    path("learning/certificates/<id:pk>/", views.certificate_detail, name="certificate"),
    path("learning/certificates/<id:pk>/pdf/", views.certificate_download, name="certificate_pdf"),
    path("certificates/verify/", views.verify_certificate, name="verify_certificate_form"),
    path("certificates/verify/<str:code>/", views.verify_certificate, name="verify_certificate"),
]
