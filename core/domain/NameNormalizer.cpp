#include "domain/NameNormalizer.h"

#include <QVarLengthArray>

#include <array>

namespace medora {

namespace {

// Latin skeleton of every letter in the Cyrillic block U+0400..U+04FF, both cases. Russian
// and Uzbek letters follow docs/search.md; a few neighbouring alphabets (Kazakh, Tajik,
// Ukrainian) are covered because such names do turn up at the front desk. nullptr = drop.
using CyrillicTable = std::array<const char *, 256>;

CyrillicTable makeCyrillicTable()
{
    CyrillicTable table{};
    const auto set = [&table](char16_t lower, const char *latin) {
        table[lower - 0x400] = latin;
        // The basic upper-case letters sit 0x20 below their lower case, the U+0400 row
        // 0x50 below, and the extended letters from U+0460 on alternate upper/lower.
        if (lower >= 0x430 && lower <= 0x44F)
            table[lower - 0x20 - 0x400] = latin;
        else if (lower >= 0x450 && lower <= 0x45F)
            table[lower - 0x50 - 0x400] = latin;
        else if (lower >= 0x460)
            table[lower - 1 - 0x400] = latin;
    };
    set(u'а', "a");
    set(u'б', "b");
    set(u'в', "v");
    set(u'г', "g");
    set(u'д', "d");
    set(u'е', "e");
    set(u'ё', "e");
    set(u'ж', "j");
    set(u'з', "z");
    set(u'и', "i");
    set(u'й', "y");
    set(u'к', "k");
    set(u'л', "l");
    set(u'м', "m");
    set(u'н', "n");
    set(u'о', "o");
    set(u'п', "p");
    set(u'р', "r");
    set(u'с', "s");
    set(u'т', "t");
    set(u'у', "u");
    set(u'ф', "f");
    set(u'х', "x");
    set(u'ц', "ts");
    set(u'ч', "ch");
    set(u'ш', "sh");
    set(u'щ', "sh");
    set(u'ъ', nullptr);
    set(u'ы', "i");
    set(u'ь', nullptr);
    set(u'э', "e");
    set(u'ю', "yu");
    set(u'я', "ya");
    // Uzbek
    set(u'ў', "o");
    set(u'қ', "q");
    set(u'ғ', "g");
    set(u'ҳ', "h");
    // Ukrainian / Belarusian / Tajik / Kazakh, folded to the nearest Russian letter
    set(u'ѐ', "e");
    set(u'є', "e");
    set(u'і', "i");
    set(u'ї', "i");
    set(u'ѝ', "i");
    set(u'ґ', "g");
    set(u'ҷ', "j");
    set(u'ӣ', "i");
    set(u'ӯ', "u");
    set(u'ң', "n");
    set(u'ү', "u");
    set(u'ұ', "u");
    set(u'ө', "o");
    set(u'ә', "a");
    set(u'һ', "h");
    set(u'ҡ', "k");
    set(u'ҙ', "z");
    set(u'ҫ', "s");
    return table;
}

const CyrillicTable &cyrillicTable()
{
    static const CyrillicTable table = makeCyrillicTable();
    return table;
}

// Characters that are certainly unchanged by NFKC and handled by the switch below, so the
// common case (ASCII or Cyrillic names) never pays for Unicode normalisation.
bool needsNormalization(const QString &text)
{
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u < 0x80 || (u >= 0x400 && u <= 0x4FF) || NameNormalizer::isLetterMark(c))
            continue;
        return true;
    }
    return false;
}

// The rare letters outside ASCII and Cyrillic: accented Latin loses its accents, a few
// letters without a decomposition get their usual Latin spelling, other scripts are dropped.
template <typename Buffer> void appendOtherLetter(Buffer &out, QChar c)
{
    const QChar lower = c.toLower();
    switch (lower.unicode()) {
    case 0x00DF: // ß
        out.append('s');
        out.append('s');
        return;
    case 0x00E6: // æ
        out.append('a');
        out.append('e');
        return;
    case 0x0153: // œ
        out.append('o');
        out.append('e');
        return;
    case 0x00F8: // ø
        out.append('o');
        return;
    case 0x0111: // đ
        out.append('d');
        return;
    case 0x0131: // dotless ı
        out.append('i');
        return;
    case 0x0142: // ł
        out.append('l');
        return;
    default:
        break;
    }
    const QString decomposition = lower.decomposition();
    if (!decomposition.isEmpty()) {
        const char16_t base = decomposition.front().unicode();
        if (base >= u'a' && base <= u'z')
            out.append(char(base));
        else if (base >= u'A' && base <= u'Z')
            out.append(char(base - u'A' + u'a'));
    }
}

// Second pass over the transliterated words: folds the spellings that differ between
// Uzbek Latin, Russian-style Latin and transliterated Cyrillic (see docs/search.md).
template <typename Buffer> QString foldSkeleton(const Buffer &in)
{
    QVarLengthArray<char, 128> out;
    const qsizetype size = in.size();
    const auto at = [&in, size](qsizetype i) { return i < size ? in[i] : '\0'; };
    const auto isWordEnd = [&at](qsizetype i) { return at(i) == '\0' || at(i) == ' '; };
    for (qsizetype i = 0; i < size; ++i) {
        const char c = in[i];
        const char next = at(i + 1);
        switch (c) {
        case 'k':
            if (next == 'h') {
                out.append('x');
                ++i;
            } else {
                out.append('k');
            }
            break;
        case 'z':
            if (next == 'h') {
                out.append('j');
                ++i;
            } else {
                out.append('z');
            }
            break;
        case 's':
        case 'c':
            out.append(c);
            if (next == 'h') { // sh, ch keep their h
                out.append('h');
                ++i;
                if (c == 's' && at(i + 1) == 'c' && at(i + 2) == 'h')
                    i += 2; // Russian-style "shch" is щ, which is "sh"
            }
            break;
        case 'h':
            out.append('x');
            break;
        case 'q':
            out.append('k');
            break;
        case 'y':
            if (next == 'e' || next == 'o') {
                out.append('e');
                ++i;
            } else {
                out.append('y');
            }
            break;
        case 'i':
            out.append('i');
            if ((next == 'y' || next == 'i') && isWordEnd(i + 2))
                ++i;
            break;
        default:
            out.append(c);
            break;
        }
    }
    return QString::fromLatin1(out.constData(), out.size());
}

} // namespace

bool NameNormalizer::isLetterMark(QChar c)
{
    switch (c.unicode()) {
    case 0x02BB: // ʻ MODIFIER LETTER TURNED COMMA, the official Uzbek mark
    case 0x2018: // ‘
    case 0x2019: // ’
    case 0x0027: // '
    case 0x0060: // `
    case 0x02BC: // ʼ
    case 0x02B9: // ʹ
    case 0x00B4: // ´ (NFKC would turn it into a space, so it is caught before that)
        return true;
    default:
        return false;
    }
}

namespace {

// True when tidy() would return `text` unchanged: single inner spaces only, and only
// characters that NFC leaves alone (ASCII and precomposed Cyrillic) or the mark ʻ itself.
// Imports tidy millions of names, nearly all of them already tidy.
bool isAlreadyTidy(const QString &text)
{
    bool previousSpace = true; // a leading space is not tidy
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u == u' ') {
            if (previousSpace)
                return false;
            previousSpace = true;
            continue;
        }
        previousSpace = false;
        if (u < 0x80) {
            if (u < 0x20 || u == 0x7F || NameNormalizer::isLetterMark(c))
                return false;
            continue;
        }
        if ((u >= 0x400 && u <= 0x482) || (u >= 0x48A && u <= 0x4FF) || u == 0x02BB)
            continue;
        return false;
    }
    return !previousSpace || text.isEmpty();
}

} // namespace

QString NameNormalizer::tidy(const QString &text)
{
    if (isAlreadyTidy(text))
        return text;
    const QString composed = text.normalized(QString::NormalizationForm_C);
    QString result;
    result.reserve(composed.size());
    bool pendingSpace = false;
    for (const QChar c : composed) {
        if (c.isSpace()) {
            pendingSpace = !result.isEmpty();
            continue;
        }
        if (pendingSpace) {
            result.append(QLatin1Char(' '));
            pendingSpace = false;
        }
        result.append(isLetterMark(c) ? QChar(0x02BB) : c);
    }
    return result;
}

QString NameNormalizer::searchKey(const QString &text)
{
    QString normalized;
    const QString *source = &text;
    if (needsNormalization(text)) {
        normalized = text;
        normalized.replace(QChar(0x00B4), QChar(0x02BB));
        normalized = normalized.normalized(QString::NormalizationForm_KC);
        source = &normalized;
    }

    const CyrillicTable &cyrillic = cyrillicTable();
    QVarLengthArray<char, 128> latin;
    bool pendingSpace = false;
    for (const QChar c : *source) {
        const char16_t u = c.unicode();
        const qsizetype before = latin.size();
        if (u < 0x80) {
            if (u >= u'a' && u <= u'z')
                latin.append(char(u));
            else if (u >= u'A' && u <= u'Z')
                latin.append(char(u - u'A' + u'a'));
            else if (u >= u'0' && u <= u'9')
                latin.append(char(u));
            else if (u == u' ' || (u >= 0x09 && u <= 0x0D))
                pendingSpace = !latin.isEmpty();
            // other ASCII: punctuation and letter marks, dropped
        } else if (u >= 0x400 && u <= 0x4FF) {
            if (const char *skeleton = cyrillic[u - 0x400]) {
                for (; *skeleton; ++skeleton)
                    latin.append(*skeleton);
            }
        } else if (isLetterMark(c)) {
            // dropped: "Oʻktam" and "Oktam" share a key
        } else if (c.isSpace()) {
            pendingSpace = !latin.isEmpty();
        } else if (c.isDigit()) {
            latin.append(char('0' + c.digitValue()));
        } else if (c.isLetter()) {
            appendOtherLetter(latin, c);
        }
        if (pendingSpace && latin.size() > before) {
            // A separator goes in front of the first character of the next word only, so
            // runs of white space and punctuation between words collapse to one space.
            latin.insert(before, ' ');
            pendingSpace = false;
        }
    }
    return foldSkeleton(latin);
}

QStringList NameNormalizer::searchTokens(const QString &text)
{
    return searchKey(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

} // namespace medora
