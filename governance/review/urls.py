from django.urls import path

from . import views

app_name = "review"
urlpatterns = [
    path("", views.queue, name="queue"),
    path("<id:assignment_id>/", views.review, name="review"),
    path("<id:assignment_id>/reassign/", views.reassign, name="reassign"),
    path("courses/<page_id:course_id>/", views.course_reviews, name="course"),
    path("courses/<page_id:course_id>/cancel/", views.cancel, name="cancel"),
    path("courses/<page_id:course_id>/suggestions/", views.suggest, name="suggest"),
    path("<id:assignment_id>/nudge/", views.nudge, name="nudge"),
    path("<id:assignment_id>/comments/", views.add_block_comment, name="comment"),
    path("courses/<page_id:course_id>/comments/resolve/", views.resolve_block_comment, name="resolve_comment"),
]
