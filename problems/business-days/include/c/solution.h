#ifndef SOLUTION_H
#define SOLUTION_H

/* Number of business days (Monday to Friday) between two dates, both ends
 * inclusive, in either order. Dates are "YYYY-MM-DD" strings. */
int business_days(const char *start, const char *end);

#endif
