#include "search/KeyList.h"

#include "domain/NameNormalizer.h"

#include <string_view>

namespace medora {

namespace {

// Appends keys to `out` as a key list, dropping empty keys and repeats, at most
// KeyList::kMaxKeys of them. Works on the bytes in place: a million records are indexed
// at import, so no per-word allocation.
class KeyCollector
{
public:
    explicit KeyCollector(std::string &out) : m_out(out), m_start(out.size()) {}

    void add(std::string_view key)
    {
        if (key.empty() || m_count == KeyList::kMaxKeys)
            return;
        const char *kept = m_out.data() + m_start;
        for (int i = 0; i < m_count; ++i) {
            const std::string_view previous(kept);
            if (previous == key)
                return;
            kept += previous.size() + 1;
        }
        m_out.append(key);
        m_out.push_back('\0');
        ++m_count;
    }

    // Each word of a name, then (for a name of several words) the words joined.
    void addName(const QByteArray &nameKey)
    {
        const std::string_view name(nameKey.constData(), size_t(nameKey.size()));
        std::string joined;
        int wordCount = 0;
        size_t start = 0;
        while (start < name.size()) {
            size_t end = name.find(' ', start);
            if (end == std::string_view::npos)
                end = name.size();
            if (end > start) {
                add(name.substr(start, end - start));
                joined.append(name.substr(start, end - start));
                ++wordCount;
            }
            start = end + 1;
        }
        if (wordCount > 1)
            add(joined);
    }

    void finish() { m_out.push_back('\0'); }

private:
    std::string &m_out;
    size_t m_start;
    int m_count = 0;
};

} // namespace

void KeyList::append(const IndexRecord &record, std::string &out)
{
    KeyCollector keys(out);
    // Queries are folded like names ("KQX-00042" is typed into the same box), so the number
    // is stored folded the same way: "kqx00042" becomes "kkx00042".
    const QByteArray number = NameNormalizer::searchKeyUtf8(QString::fromLatin1(record.numberKey));
    keys.add(std::string_view(number.constData(), size_t(number.size())));
    keys.addName(record.lastNameKey);
    keys.addName(record.firstNameKey);
    keys.addName(record.fatherNameKey);
    keys.finish();
}

quint32 KeyList::phoneValue(const QByteArray &digits)
{
    if (digits.size() != kPhoneDigits || digits.front() == '0')
        return 0;
    quint32 value = 0;
    for (const char c : digits) {
        if (c < '0' || c > '9')
            return 0;
        value = value * 10 + quint32(c - '0');
    }
    return value;
}

quint32 KeyList::reversedPhoneValue(quint32 phone)
{
    quint32 reversed = 0;
    for (int i = 0; i < kPhoneDigits; ++i) {
        reversed = reversed * 10 + phone % 10;
        phone /= 10;
    }
    return reversed;
}

} // namespace medora
