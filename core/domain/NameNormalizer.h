#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace medora {

// Folds names so that spellings a clinic treats as the same person compare equal:
// case, ё/е, the Uzbek letter mark (ʻ ‘ ’ ' ` ʼ all the same) and Cyrillic vs Latin
// script ("Каримов" and "Karimov" give the same key). The mapping is documented in
// docs/search.md. What the user typed is stored unchanged; only keys are folded.
class NameNormalizer
{
public:
    // Display-preserving clean-up: trims, collapses inner white space, and writes every
    // apostrophe variant after o/g (and alone) as U+02BB ʻ.
    static QString tidy(const QString &text);

    // The search key of one word or phrase: lower-case Latin skeleton, letter marks and
    // punctuation removed, white space collapsed to single spaces. ASCII only.
    static QString searchKey(const QString &text);
    static QByteArray searchKeyUtf8(const QString &text) { return searchKey(text).toUtf8(); }

    // searchKey() split into words.
    static QStringList searchTokens(const QString &text);

    // True for the characters typed for the Uzbek letter mark: ʻ ‘ ’ ' ` ʼ ʹ and ´.
    static bool isLetterMark(QChar c);
};

} // namespace medora
