#include "charting/TemplateLibrary.h"

#include "charting/ReportVocabulary.h"

#include <QCollator>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QRegularExpression>

#include <algorithm>

namespace medora {

QString TemplateLibrary::languageFor(const QLocale &locale)
{
    return locale.language() == QLocale::Russian ? QStringLiteral("ru") : QStringLiteral("uz");
}

std::optional<ReportTemplate> TemplateLibrary::parse(const QByteArray &json, const QString &source,
                                                     QString *error)
{
    const auto fail = [&](const QString &field, const QString &problem) -> std::optional<ReportTemplate> {
        if (error)
            *error = field.isEmpty() ? tr("Template %1: %2").arg(source, problem)
                                     : tr("Template %1, field “%2”: %3").arg(source, field, problem);
        return std::nullopt;
    };
    if (json.size() > kMaxFileBytes)
        return fail(QString(), tr("the file is larger than %1 KiB.").arg(kMaxFileBytes / 1024));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(
            QString(),
            tr("not valid JSON (%1 at byte %2).").arg(parseError.errorString()).arg(parseError.offset));
    if (!document.isObject())
        return fail(QString(), tr("must be a JSON object."));
    const QJsonObject root = document.object();

    static const QStringList known = {QStringLiteral("format"), QStringLiteral("specialty"),
                                      QStringLiteral("language"), QStringLiteral("title"),
                                      QStringLiteral("sections")};
    for (auto it = root.begin(); it != root.end(); ++it) {
        if (!known.contains(it.key()))
            return fail(it.key().left(40), tr("unknown field."));
    }
    const QJsonValue format = root.value(QLatin1String("format"));
    if (!format.isDouble() || format.toDouble() != kFormat)
        return fail(QStringLiteral("format"), tr("must be %1.").arg(kFormat));

    ReportTemplate result;
    static const QRegularExpression specialtyName(QStringLiteral("^[a-z][a-z_]{1,39}$"));
    const QJsonValue specialty = root.value(QLatin1String("specialty"));
    if (!specialty.isString() || !specialtyName.match(specialty.toString()).hasMatch())
        return fail(QStringLiteral("specialty"),
                    tr("must be a name of lower-case letters, such as cardiology."));
    result.specialty = specialty.toString();

    const QJsonValue language = root.value(QLatin1String("language"));
    if (!language.isString() ||
        (language.toString() != QLatin1String("uz") && language.toString() != QLatin1String("ru")))
        return fail(QStringLiteral("language"), tr("must be “uz” or “ru”."));
    result.language = language.toString();

    const QJsonValue title = root.value(QLatin1String("title"));
    if (!title.isString() || title.toString().trimmed().isEmpty() || title.toString().size() > 200)
        return fail(QStringLiteral("title"), tr("must be a text of 1 to 200 characters."));
    result.title = title.toString().trimmed();

    const QJsonValue sections = root.value(QLatin1String("sections"));
    if (!sections.isObject() || sections.toObject().isEmpty())
        return fail(QStringLiteral("sections"), tr("must be an object with at least one section."));
    const QStringList sectionKeys = ReportVocabulary::textSectionKeys();
    const QJsonObject sectionObject = sections.toObject();
    for (auto it = sectionObject.begin(); it != sectionObject.end(); ++it) {
        const QString field = QStringLiteral("sections.") + it.key().left(40);
        if (!sectionKeys.contains(it.key()))
            return fail(
                field,
                tr("unknown section; the sections are: %1.").arg(sectionKeys.join(QStringLiteral(", "))));
        if (!it.value().isArray() || it.value().toArray().isEmpty())
            return fail(field, tr("must be a list of at least one phrase."));
        const QJsonArray list = it.value().toArray();
        if (list.size() > kMaxPhrasesPerSection)
            return fail(field, tr("at most %n phrases.", nullptr, kMaxPhrasesPerSection));
        QStringList phrases;
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QString itemField = QStringLiteral("%1[%2]").arg(field).arg(i);
            if (!list.at(i).isString())
                return fail(itemField, tr("must be a text."));
            const QString phrase = list.at(i).toString();
            if (phrase.trimmed().isEmpty() || phrase.size() > kMaxPhraseLength)
                return fail(itemField, tr("must be a text of 1 to %1 characters.").arg(kMaxPhraseLength));
            phrases << phrase;
        }
        result.phrases.insert(it.key(), phrases);
    }
    if (error)
        error->clear();
    return result;
}

std::optional<ReportTemplate> TemplateLibrary::loadFile(const QString &path, QString *error)
{
    const QString name = QFileInfo(path).fileName();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("Template %1: cannot be read (%2).").arg(name, file.errorString());
        return std::nullopt;
    }
    if (file.size() > kMaxFileBytes) {
        if (error)
            *error = tr("Template %1: the file is larger than %2 KiB.").arg(name).arg(kMaxFileBytes / 1024);
        return std::nullopt;
    }
    return parse(file.readAll(), name, error);
}

bool TemplateLibrary::load(const QString &language, const QString &folder)
{
    m_language = language;
    m_templates.clear();
    m_errors.clear();
    const QDir dir(folder);
    const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QString &name : files) {
        QString error;
        const std::optional<ReportTemplate> loaded = loadFile(dir.filePath(name), &error);
        if (!loaded) {
            m_errors << error;
            continue;
        }
        if (loaded->language != language)
            continue;
        if (find(loaded->specialty)) {
            m_errors << tr("Template %1: a second template for the specialty “%2” in this language.")
                            .arg(name, loaded->specialty);
            continue;
        }
        m_templates << *loaded;
    }
    QCollator collator(QLocale(language == QLatin1String("ru") ? QLocale::Russian : QLocale::Uzbek));
    std::sort(m_templates.begin(), m_templates.end(),
              [&collator](const ReportTemplate &a, const ReportTemplate &b) {
                  return collator.compare(a.title, b.title) < 0;
              });
    return m_errors.isEmpty();
}

std::optional<ReportTemplate> TemplateLibrary::find(const QString &specialty) const
{
    for (const ReportTemplate &candidate : m_templates) {
        if (candidate.specialty == specialty)
            return candidate;
    }
    return std::nullopt;
}

} // namespace medora
