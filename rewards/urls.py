from django.urls import path

from . import views

app_name = "rewards"
urlpatterns = [
    path("rewards/", views.my_rewards, name="mine"),
    path("rewards/points/", views.points_history, name="history"),
    path("rewards/preferences/", views.update_preferences, name="preferences"),
    path("rewards/people/<id:pk>/", views.person_showcase, name="person"),
    path("rewards/leaderboards/", views.leaderboard, name="leaderboard"),
    path("rewards/badges/", views.badge_list, name="badges"),
    path("rewards/badges/<slug:slug>/emblem.svg", views.emblem, name="emblem"),
    path("rewards/badges/verify/<uuid:uid>/", views.verify_badge, name="verify"),
    path("rewards/recognition/", views.recognition, name="recognition"),
    path("rewards/openbadges/issuer.json", views.ob_issuer, name="ob_issuer"),
    path("rewards/openbadges/badges/<slug:slug>.json", views.ob_badge, name="ob_badge"),
    path("rewards/openbadges/assertions/<uuid:uid>.json", views.ob_assertion, name="ob_assertion"),
    path("kudos/", views.kudos_list, name="kudos"),
    path("kudos/new/", views.give_kudos, name="give_kudos"),
    path("kudos/people/", views.people_search, name="people_search"),
    path("kudos/<id:pk>/hide/", views.hide_kudos, name="hide_kudos"),
    path("kudos/<id:pk>/show/", views.show_kudos, name="show_kudos"),
]
