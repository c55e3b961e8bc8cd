"""Reporting: the points ledger and badges awarded, for L&D admins (keyset pages by id)."""

from rest_framework import serializers, viewsets

from guild.core.api_ids import IdLookupMixin
from guild.people.api_permissions import IsLDAdmin

from .models import BadgeAward, RewardLedgerEntry
from .openbadges import assertion_url


class LedgerEntrySerializer(serializers.ModelSerializer):
    person = serializers.SlugRelatedField(slug_field="email", read_only=True)

    class Meta:
        model = RewardLedgerEntry
        fields = ["id", "person", "reason", "track", "points", "source_type", "source_id", "description", "created_at"]


class BadgeAwardSerializer(serializers.ModelSerializer):
    person = serializers.SlugRelatedField(slug_field="email", read_only=True)
    badge = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    assertion = serializers.SerializerMethodField()

    class Meta:
        model = BadgeAward
        fields = ["id", "person", "badge", "awarded_at", "revoked_at", "assertion"]

    def get_assertion(self, award) -> str:
        return assertion_url(award)


class LedgerViewSet(IdLookupMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = LedgerEntrySerializer
    permission_classes = [IsLDAdmin]

    def get_queryset(self):
        return RewardLedgerEntry.objects.select_related("person").order_by("id")


class BadgeAwardViewSet(IdLookupMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = BadgeAwardSerializer
    permission_classes = [IsLDAdmin]

    def get_queryset(self):
        return BadgeAward.objects.select_related("person", "badge").order_by("id")


def register(router):
    router.register("rewards/ledger", LedgerViewSet, basename="reward-ledger")
    router.register("rewards/badge-awards", BadgeAwardViewSet, basename="badge-award")
