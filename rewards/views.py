import datetime

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET, require_POST

from guild.core.safe_input import redirect_back
from guild.people.selectors import person_choice, search_people

from . import openbadges, selectors, services
from .forms import KudosForm, LeaderboardForm, LeaderboardPreferenceForm
from .models import Badge, BadgeAward, Kudos, Period, Track


@login_required
def my_rewards(request):
    person = request.user
    return render(request, "rewards/mine.html", {
        "showcase": selectors.showcase(person=person, viewer=person),
        "recent": list(selectors.points_history(person=person)[:10]),
        "preference_form": LeaderboardPreferenceForm(
            initial={"show_on_leaderboards": selectors.shows_on_leaderboards(person=person)}
        ),
    })


@login_required
def points_history(request):
    page = Paginator(selectors.points_history(person=request.user), 25).get_page(request.GET.get("page"))
    return render(request, "rewards/history.html", {"page_obj": page, "balance": selectors.balance_for(person=request.user)})


@login_required
@require_POST
def update_preferences(request):
    form = LeaderboardPreferenceForm(request.POST)
    form.is_valid()  # a checkbox: absent means "hide me"
    show = form.cleaned_data.get("show_on_leaderboards", False)
    services.set_leaderboard_visibility(person=request.user, show=show)
    messages.success(request, _("You appear on leaderboards.") if show else _("You no longer appear on leaderboards."))
    return redirect("rewards:mine")


@login_required
def person_showcase(request, pk):
    person = get_object_or_404(get_user_model().objects.select_related("team"), pk=pk, is_active=True)
    return render(request, "rewards/person.html", {"showcase": selectors.showcase(person=person, viewer=request.user)})


@login_required
def leaderboard(request):
    teams = list(selectors.boardable_teams(user=request.user).order_by("path"))
    form = LeaderboardForm(request.GET or None, teams=teams)
    data = form.cleaned_data if form.is_valid() else {}
    track = data.get("track") or Track.LEARNER
    period = data.get("period") or Period.WEEK
    team = None
    if data.get("team"):
        team = next((t for t in teams if t.pk == data["team"]), None)
        if team is None:
            # Another team's board: only its managers (and L&D, executives) see it.
            raise PermissionDenied
    board = selectors.leaderboard(track=track, period=period, team=team, viewer=request.user)
    return render(request, "rewards/leaderboard.html", {
        "form": form, "board": board, "track_label": Track(track).label, "period_label": Period(period).label,
        "opted_in": selectors.shows_on_leaderboards(person=request.user),
    })


@login_required
def badge_list(request):
    badges = Badge.objects.filter(is_active=True).select_related("image", "course", "path", "skill")
    earned = set(BadgeAward.objects.filter(person=request.user).values_list("badge_id", flat=True))
    return render(request, "rewards/badges.html", {"badges": badges, "earned": earned})


def _month_from(value):
    try:
        return datetime.datetime.strptime(value, "%Y-%m").date()
    except (TypeError, ValueError):
        today = timezone.localdate().replace(day=1)
        return (today - datetime.timedelta(days=1)).replace(day=1)


@login_required
def recognition(request):
    """The monthly contributor summaries: every contributor for L&D, a manager's own people for managers."""
    if not selectors.can_see_recognition(user=request.user):
        raise PermissionDenied
    month = _month_from(request.GET.get("month"))
    page = Paginator(selectors.recognition_summaries(viewer=request.user, month=month), 50).get_page(request.GET.get("page"))
    previous = (month - datetime.timedelta(days=1)).replace(day=1)
    return render(request, "rewards/recognition.html", {
        "month": month, "page_obj": page, "previous": previous, "query_string": f"month={month:%Y-%m}&",
    })


# --- Kudos ----------------------------------------------------------------------------------------


@require_GET
@login_required
def people_search(request):
    """The kudos picker's suggestions: active colleagues whose name matches `q` (not oneself)."""
    people = search_people(query=request.GET.get("q", "")[:100], limit=9)
    return JsonResponse({"results": [person_choice(p) for p in people if p.pk != request.user.pk][:8]})


@login_required
def kudos_list(request):
    received = Kudos.objects.filter(recipient=request.user).select_related("sender", "skill")[:50]
    given = Kudos.objects.filter(sender=request.user).select_related("recipient", "skill")[:50]
    return render(request, "rewards/kudos_list.html", {"received": received, "given": given})


@login_required
def give_kudos(request):
    initial = {}
    to = request.GET.get("to")
    if to and to.isdigit():
        recipient = get_user_model().objects.filter(pk=int(to), is_active=True).first()
        if recipient:
            initial.update(recipient=recipient.display_name, recipient_id=recipient.pk)
    form = KudosForm(request.POST or None, initial=initial, search_url=reverse("rewards:people_search"))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            kudos = services.give_kudos(
                sender=request.user, recipient=data["recipient"], message=data["message"], skill=data["skill"],
                submission_key=data["submission_key"],
            )
        except ValidationError as exc:
            for message in exc.messages:
                form.add_error(None, message)
        else:
            messages.success(request, _("Thank you! %(name)s will see your kudos.") % {"name": kudos.recipient.display_name})
            return redirect("rewards:person", pk=kudos.recipient_id)
    return render(request, "rewards/kudos_form.html", {"form": form}, status=400 if form.errors else 200)


def _set_hidden(request, pk, hidden):
    # Someone else's kudos is not found, whoever asks.
    kudos = get_object_or_404(Kudos, pk=pk, recipient=request.user)
    services.set_kudos_hidden(kudos=kudos, person=request.user, hidden=hidden)
    messages.success(request, _("The kudos is hidden from your profile.") if hidden else _("The kudos shows on your profile again."))
    return redirect_back(request, request.POST.get("next"), "rewards:kudos")


@login_required
@require_POST
def hide_kudos(request, pk):
    return _set_hidden(request, pk, True)


@login_required
@require_POST
def show_kudos(request, pk):
    return _set_hidden(request, pk, False)


# --- Open Badges (public) -----------------------------------------------------------------------


def _jsonld(data, status=200):
    response = JsonResponse(data, status=status, json_dumps_params={"indent": 2})
    response["Content-Type"] = "application/ld+json"
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_GET
def ob_issuer(request):
    return _jsonld(openbadges.issuer())


@require_GET
def ob_badge(request, slug):
    return _jsonld(openbadges.badge_class(get_object_or_404(Badge.objects.select_related("image", "course", "path", "skill"), slug=slug)))


def _award(uid):
    return get_object_or_404(BadgeAward.objects.select_related("person", "badge", "badge__image"), uid=uid)


@require_GET
def ob_assertion(request, uid):
    award = _award(uid)
    # OB 2.0: a revoked hosted assertion answers 410 with revoked: true.
    return _jsonld(openbadges.assertion(award), status=410 if award.revoked_at else 200)


@require_GET
def verify_badge(request, uid):
    award = _award(uid)
    return render(request, "rewards/verify.html", {
        "award": award, "assertion_url": reverse("rewards:ob_assertion", args=[award.uid]), "image_url": openbadges.badge_image_path(award.badge),
    })


@require_GET
@cache_control(max_age=3600, public=True)
def emblem(request, slug):
    badge = Badge.objects.filter(slug=slug).only("name", "colour").first()
    if badge is None:
        raise Http404
    svg = render_to_string("rewards/emblem.svg", {"badge": badge})
    return HttpResponse(svg, content_type="image/svg+xml")
