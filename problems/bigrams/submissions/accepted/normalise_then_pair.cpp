// Normalise every space-separated token (letters and digits, lowercased), then pair neighbours.
#include "solution.hpp"

std::vector<std::string> bigrams(const std::string &sentence)
{
    std::vector<std::string> words;
    std::string cur;
    auto flush = [&] {
        if (!cur.empty())
            words.push_back(cur);
        cur.clear();
    };
    for (char c : sentence) {
        if (c == ' ')
            flush();
        else if (c >= 'A' && c <= 'Z')
            cur += char(c - 'A' + 'a');
        else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            cur += c;
    }
    flush();
    std::vector<std::string> res;
    for (std::size_t i = 0; i + 1 < words.size(); i++)
        res.push_back(words[i] + " " + words[i + 1]);
    return res;
}
