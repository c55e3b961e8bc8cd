from django.urls import path

from . import views

app_name = "skills"
urlpatterns = [
    path("skills/requirements/", views.requirement_grid, name="requirements"),
    path("skills/requirements/import/", views.requirement_import, name="requirements_import"),
    path("skills/requirements/export.csv", views.requirement_export, name="requirements_export"),
    path("skills/levels/import/", views.held_import, name="held_import"),
    path("skills/levels/export.csv", views.held_export, name="held_export"),
    path("me/skills/", views.my_levels, name="mine"),
    path("team/skills/", views.to_validate, name="to_validate"),
    path("team/skills/<id:pk>/review/", views.review, name="review"),
]
