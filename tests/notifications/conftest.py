from tests.support.automation import mail_worker  # noqa: F401
from tests.support.courses import *  # noqa: F401,F403
