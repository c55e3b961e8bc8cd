"""SCORM time values: 1.2's HHHH:MM:SS.SS and 2004's ISO 8601 durations, to and from seconds."""

import re
from decimal import Decimal, InvalidOperation

_CMI_TIMESPAN = re.compile(r"^(\d{2,4}):([0-5]?\d):([0-5]?\d(?:\.\d{1,2})?)$")
_ISO_DURATION = re.compile(
    r"^P(?:(?P<y>\d+(?:\.\d+)?)Y)?(?:(?P<mo>\d+(?:\.\d+)?)M)?(?:(?P<d>\d+(?:\.\d+)?)D)?"
    r"(?:T(?:(?P<h>\d+(?:\.\d+)?)H)?(?:(?P<mi>\d+(?:\.\d+)?)M)?(?:(?P<s>\d+(?:\.\d+)?)S)?)?$"
)
# Years and months have no fixed length; SCOs report seconds and minutes, so an approximation is fine.
_UNITS = {"y": 365 * 86400, "mo": 30 * 86400, "d": 86400, "h": 3600, "mi": 60, "s": 1}


def parse_seconds(value) -> Decimal | None:
    """Seconds in a 1.2 timespan or a 2004 duration; None when it is neither."""
    value = (value or "").strip()
    try:
        match = _CMI_TIMESPAN.match(value)
        if match:
            hours, minutes, seconds = match.groups()
            return Decimal(hours) * 3600 + Decimal(minutes) * 60 + Decimal(seconds)
        match = _ISO_DURATION.match(value)
        if match and value not in ("P", "PT") and not value.endswith("T"):
            return sum((Decimal(v) * _UNITS[k] for k, v in match.groupdict().items() if v), Decimal(0))
    except InvalidOperation:
        return None
    return None


def as_timespan(seconds) -> str:
    """SCORM 1.2 CMITimespan: HHHH:MM:SS.SS."""
    seconds = Decimal(seconds or 0)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{int(hours):04d}:{int(minutes):02d}:{secs:05.2f}"


def as_duration(seconds) -> str:
    """SCORM 2004 timeinterval: PT#H#M#S."""
    seconds = Decimal(seconds or 0)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"PT{int(hours)}H{int(minutes)}M{secs.quantize(Decimal('0.01')).normalize():f}S"
