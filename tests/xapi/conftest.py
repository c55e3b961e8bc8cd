import pytest

from tests.support.lrs import lrs, ralph, stored  # noqa: F401 (fixtures, and the helper the tests import from here)


@pytest.fixture
def env_lrs(settings, lrs):  # noqa: F811 (the fixture imported above)
    """The LRS configured from the environment (GUILD_XAPI_LRS_URL/KEY/SECRET), through the proxy."""
    from tests.support.lrs import PASSWORD, USER

    settings.GUILD_XAPI_LRS_URL = lrs.url
    settings.GUILD_XAPI_LRS_KEY = USER
    settings.GUILD_XAPI_LRS_SECRET = PASSWORD
    settings.GUILD_XAPI_RETRY_SECONDS = 60
    return lrs
