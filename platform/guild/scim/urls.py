from django.urls import path, re_path

from . import views

app_name = "scim"

# SCIM names its endpoints without a trailing slash; one is tolerated.
urlpatterns = [
    path("", views.NotFoundView.as_view(), name="root"),
    re_path(r"^ServiceProviderConfig/?$", views.ServiceProviderConfigView.as_view()),
    re_path(r"^ResourceTypes/?$", views.ResourceTypesView.as_view()),
    re_path(r"^ResourceTypes/(?P<pk>[^/]+)/?$", views.ResourceTypesView.as_view()),
    re_path(r"^Schemas/?$", views.SchemasView.as_view()),
    re_path(r"^Schemas/(?P<pk>[^/]+)/?$", views.SchemasView.as_view()),
    re_path(r"^Users/?$", views.UsersView.as_view()),
    re_path(r"^Users/\.search/?$", views.UsersSearchView.as_view()),
    re_path(r"^Users/(?P<pk>[^/]+)/?$", views.UserView.as_view()),
    re_path(r"^Groups/?$", views.GroupsView.as_view()),
    re_path(r"^Groups/\.search/?$", views.GroupsSearchView.as_view()),
    re_path(r"^Groups/(?P<pk>[^/]+)/?$", views.GroupView.as_view()),
    re_path(r"^\.search/?$", views.RootSearchView.as_view()),
    re_path(r"^.+$", views.NotFoundView.as_view()),
]
