def business_days(start, end):
    """Number of business days (Monday to Friday) between two dates, both ends inclusive, in
    either order. Dates are "YYYY-MM-DD" strings."""
    return 0
