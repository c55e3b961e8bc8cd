from django.urls import path

from . import views

app_name = "people"
urlpatterns = [
    path("", views.profile_settings, name="settings"),
    path("language/", views.set_language, name="set_language"),
]
