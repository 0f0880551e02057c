#include "legal/LegalTexts.h"

#include <QDir>
#include <QFile>

namespace medora::server {

bool LegalTexts::load(const QString &directory, QString *error)
{
    QMap<QString, LegalDocument> texts;
    const QString base = directory.isEmpty() ? QStringLiteral(":/legal") : directory;
    for (const QString &document : documents()) {
        QString version;
        for (const QString &language : languages()) {
            const QString path = QDir(base).filePath(LegalDocument::fileName(document, language));
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly)) {
                *error = QStringLiteral("%1: %2").arg(path, file.errorString());
                return false;
            }
            QString why;
            const std::optional<LegalDocument> parsed =
                LegalDocument::parse(QString::fromUtf8(file.readAll()), &why);
            if (!parsed) {
                *error = QStringLiteral("%1: %2").arg(path, why);
                return false;
            }
            if (parsed->document != document || parsed->language != language) {
                *error = QStringLiteral("%1: the front matter names %2/%3")
                             .arg(path, parsed->document, parsed->language);
                return false;
            }
            if (!version.isEmpty() && parsed->version != version) {
                *error = QStringLiteral("%1: version %2 differs from the other language's %3")
                             .arg(path, parsed->version, version);
                return false;
            }
            version = parsed->version;
            texts.insert(document + QLatin1Char('_') + language, *parsed);
        }
    }
    m_texts = texts;
    return true;
}

QString LegalTexts::currentVersion(const QString &document) const
{
    return m_texts.value(document + QStringLiteral("_uz")).version;
}

std::optional<LegalDocument> LegalTexts::text(const QString &document, const QString &language) const
{
    const auto found = m_texts.constFind(document + QLatin1Char('_') + language);
    if (found == m_texts.constEnd())
        return std::nullopt;
    return *found;
}

} // namespace medora::server
