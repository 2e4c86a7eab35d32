#ifndef SOLUTION_HPP
#define SOLUTION_HPP

#include <string>

/* Number of business days (Monday to Friday) between two dates, both ends inclusive, in either
 * order. Dates are "YYYY-MM-DD" strings. */
int business_days(const std::string &start, const std::string &end);

#endif
