#pragma once

#include <QByteArray>
#include <QString>

#include <vector>

namespace medora {

// One word of a search query in the index's key form. Besides name keys and the patient
// number, a token of digits can match the beginning of a phone (national digits, after
// dropping a typed +998 country code) or its end.
struct QueryToken
{
    enum Match
    {
        NoMatch = -1,
        Partial = 0,
        Exact = 1
    };

    QByteArray text;
    int phonePrefixLength = 0; // 0: not a phone prefix
    quint32 phonePrefix = 0;
    int phoneSuffixLength = 0; // 0: not a phone suffix
    quint32 phoneSuffix = 0;
    quint32 phoneSuffixReversed = 0; // the suffix read backwards (see KeyList::reversedPhoneValue)

    // How this token matches a patient given its key list and phone value: Exact when it
    // equals a whole key or all 9 phone digits, Partial for a prefix of a key or of the
    // phone, or a suffix of the phone.
    Match match(const char *keys, quint32 phone) const;

    static quint32 powerOfTen(int exponent);
};

// A query split into tokens. Digit groups typed with spaces or punctuation between them
// ("+998 90 123-45-67", "(90) 123") form one token, as receptionists type phones that way.
class QueryPlan
{
public:
    static constexpr int kMaxTokens = 8;

    static QueryPlan parse(const QString &query);

    const std::vector<QueryToken> &tokens() const { return m_tokens; }
    bool isEmpty() const { return m_tokens.empty(); }

private:
    std::vector<QueryToken> m_tokens;
};

} // namespace medora
