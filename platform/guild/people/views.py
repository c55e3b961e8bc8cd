from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.i18n import set_language as django_set_language

from .forms import ProfileSettingsForm
from .middleware import supported_language


@login_required
def profile_settings(request):
    form = ProfileSettingsForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        language = supported_language(request.user.language)
        if language:
            translation.activate(language)  # say it in the language just chosen
        messages.success(request, _("Your settings are saved."))
        return redirect("people:settings")
    return render(request, "people/settings.html", {"form": form})


@require_POST
def set_language(request):
    """The language switcher: Django's set_language (cookie, safe `next`), and a signed-in person's preference."""
    response = django_set_language(request)
    language = supported_language(request.POST.get("language", ""))
    if language and request.user.is_authenticated and request.user.language != language:
        request.user.language = language
        request.user.save(update_fields=["language"])
    return response
