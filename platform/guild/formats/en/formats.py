# One unambiguous form everywhere: "27 Nov 2026" and "27 Nov 2026, 13:10" (neither "Nov. 27, 2026"
# nor "11/27/2026 1:10 p.m.", which a reader outside the US misreads).
DATE_FORMAT = "j M Y"
SHORT_DATE_FORMAT = "j M Y"
DATETIME_FORMAT = "j M Y, H:i"
SHORT_DATETIME_FORMAT = "j M Y, H:i"
TIME_FORMAT = "H:i"
MONTH_DAY_FORMAT = "j M"
YEAR_MONTH_FORMAT = "F Y"
FIRST_DAY_OF_WEEK = 1  # Monday
