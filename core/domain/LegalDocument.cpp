#include "domain/LegalDocument.h"

#include <QRegularExpression>
#include <QStringList>

namespace medora {

bool LegalDocument::isKnownDocument(const QString &document)
{
    return document == QLatin1String("terms") || document == QLatin1String("privacy");
}

bool LegalDocument::isKnownLanguage(const QString &language)
{
    return language == QLatin1String("uz") || language == QLatin1String("ru");
}

QString LegalDocument::fileName(const QString &document, const QString &language)
{
    return document + QLatin1Char('_') + language + QStringLiteral(".md");
}

std::optional<LegalDocument> LegalDocument::parse(const QString &text, QString *error)
{
    auto fail = [error](const QString &why) -> std::optional<LegalDocument> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    QString normalized = text;
    normalized.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    if (normalized.startsWith(QChar(0xFEFF)))
        normalized.remove(0, 1);
    if (!normalized.startsWith(QLatin1String("---\n")))
        return fail(QStringLiteral("no front matter (the file must start with ---)"));
    const qsizetype end = normalized.indexOf(QLatin1String("\n---\n"), 3);
    if (end < 0)
        return fail(QStringLiteral("the front matter is not closed by ---"));
    LegalDocument document;
    static const QRegularExpression versionPattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$"));
    const QStringList lines = normalized.mid(4, end - 4).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        const qsizetype colon = line.indexOf(QLatin1Char(':'));
        if (colon <= 0)
            return fail(QStringLiteral("front matter line without a name: %1").arg(line.left(40)));
        const QString name = line.left(colon).trimmed();
        const QString value = line.mid(colon + 1).trimmed();
        if (name == QLatin1String("document"))
            document.document = value;
        else if (name == QLatin1String("language"))
            document.language = value;
        else if (name == QLatin1String("version"))
            document.version = value;
    }
    if (!isKnownDocument(document.document))
        return fail(QStringLiteral("unknown or missing document name"));
    if (!isKnownLanguage(document.language))
        return fail(QStringLiteral("unknown or missing language"));
    if (!versionPattern.match(document.version).hasMatch())
        return fail(QStringLiteral("missing or malformed version"));
    document.markdown = normalized.mid(end + 5).trimmed() + QLatin1Char('\n');
    return document;
}

} // namespace medora
