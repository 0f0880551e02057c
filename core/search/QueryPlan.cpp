#include "search/QueryPlan.h"

#include "domain/NameNormalizer.h"
#include "search/KeyList.h"

#include <QStringList>

#include <algorithm>
#include <cstring>

namespace medora {

namespace {

constexpr int kMinPhoneFragment = 2;
const QByteArray kCountryCode("998");

bool isAllDigits(const QByteArray &text)
{
    return !text.isEmpty() &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

quint32 numberValue(const QByteArray &digits)
{
    quint32 value = 0;
    for (const char c : digits)
        value = value * 10 + quint32(c - '0');
    return value;
}

QueryToken makeToken(const QByteArray &text, bool countryCodeTyped)
{
    QueryToken token;
    token.text = text;
    if (!isAllDigits(text))
        return token;

    QByteArray prefix = text;
    QByteArray suffix = text;
    if (text.startsWith(kCountryCode) && (text.size() > KeyList::kPhoneDigits || countryCodeTyped)) {
        prefix = text.mid(kCountryCode.size());
        suffix.clear();
    } else if (text.size() == KeyList::kPhoneDigits + 1 && (text.front() == '8' || text.front() == '0')) {
        prefix = text.mid(1); // old trunk prefix: "8 90 1234567"
        suffix.clear();
    }
    if (prefix.size() >= kMinPhoneFragment && prefix.size() <= KeyList::kPhoneDigits) {
        token.phonePrefixLength = int(prefix.size());
        token.phonePrefix = numberValue(prefix);
    }
    if (suffix.size() >= kMinPhoneFragment && suffix.size() <= KeyList::kPhoneDigits) {
        token.phoneSuffixLength = int(suffix.size());
        token.phoneSuffix = numberValue(suffix);
        QByteArray reversed = suffix;
        std::reverse(reversed.begin(), reversed.end());
        token.phoneSuffixReversed = numberValue(reversed);
    }
    return token;
}

} // namespace

quint32 QueryToken::powerOfTen(int exponent)
{
    static constexpr quint32 powers[] = {1,      10,      100,      1000,      10000,
                                         100000, 1000000, 10000000, 100000000, 1000000000};
    return powers[std::clamp(exponent, 0, 9)];
}

QueryToken::Match QueryToken::match(const char *keys, quint32 phone) const
{
    Match best = NoMatch;
    const size_t size = size_t(text.size());
    KeyList::forEach(keys, [&](const char *key, size_t length, int) {
        if (length >= size && std::memcmp(key, text.constData(), size) == 0)
            best = std::max(best, length == size ? Exact : Partial);
    });
    if (phone == 0 || best == Exact)
        return best;
    if (phonePrefixLength > 0 && phone / powerOfTen(KeyList::kPhoneDigits - phonePrefixLength) == phonePrefix)
        best = std::max(best, phonePrefixLength == KeyList::kPhoneDigits ? Exact : Partial);
    if (phoneSuffixLength > 0 && phone % powerOfTen(phoneSuffixLength) == phoneSuffix)
        best = std::max(best, phoneSuffixLength == KeyList::kPhoneDigits ? Exact : Partial);
    return best;
}

QueryPlan QueryPlan::parse(const QString &query)
{
    const QStringList words = NameNormalizer::searchTokens(query);
    std::vector<QByteArray> merged;
    for (const QString &word : words) {
        const QByteArray key = word.toLatin1();
        if (!merged.empty() && isAllDigits(key) && isAllDigits(merged.back()))
            merged.back() += key;
        else
            merged.push_back(key);
    }

    const bool countryCodeTyped = query.contains(QLatin1Char('+'));
    QueryPlan plan;
    for (const QByteArray &text : merged) {
        if (int(plan.m_tokens.size()) == kMaxTokens)
            break;
        const bool repeated = std::any_of(plan.m_tokens.begin(), plan.m_tokens.end(),
                                          [&text](const QueryToken &token) { return token.text == text; });
        if (!repeated)
            plan.m_tokens.push_back(makeToken(text, countryCodeTyped));
    }
    return plan;
}

} // namespace medora
