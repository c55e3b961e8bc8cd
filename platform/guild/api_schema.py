def only_the_guild_api(endpoints):
    """The OpenAPI schema documents /api/ only, not Wagtail's internal admin API."""
    return [e for e in endpoints if e[0].startswith("/api/")]
