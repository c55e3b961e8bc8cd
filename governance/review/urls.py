from django.urls import path

from . import views

app_name = "review"
urlpatterns = [
    path("", views.queue, name="queue"),
    path("<int:assignment_id>/", views.review, name="review"),
    path("<int:assignment_id>/reassign/", views.reassign, name="reassign"),
    path("courses/<int:course_id>/", views.course_reviews, name="course"),
]
