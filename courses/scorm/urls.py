from django.urls import path

from . import views

app_name = "scorm"
urlpatterns = [
    path("scorm/content/<id:package_id>/<path:path>", views.content, name="content"),
    path("scorm/lessons/<page_id:lesson_id>/launch/", views.launch, name="launch"),
    path("scorm/lessons/<page_id:lesson_id>/preview/", views.preview, name="preview"),
    path("scorm/sessions/<id:runtime_id>/commits/", views.commit, name="commit"),
]
