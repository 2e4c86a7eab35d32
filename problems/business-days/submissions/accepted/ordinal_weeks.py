"""Day numbers from date.toordinal() (day 1 = 0001-01-01, a Monday); whole weeks count 5 days."""
from datetime import date


def weekdays_upto(d):
    """Business days among day numbers 0..d (day 0 a Monday); 0 for d < 0."""
    if d < 0:
        return 0
    weeks, rest = divmod(d + 1, 7)
    return weeks * 5 + min(rest, 5)


def business_days(start, end):
    a = date.fromisoformat(start).toordinal() - 1
    b = date.fromisoformat(end).toordinal() - 1
    if a > b:
        a, b = b, a
    return weekdays_upto(b) - weekdays_upto(a - 1)
