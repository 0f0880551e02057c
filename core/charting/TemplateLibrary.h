#pragma once

#include "charting/ReportTemplate.h"

#include <QCoreApplication>
#include <QList>
#include <QLocale>
#include <QString>
#include <QStringList>

#include <optional>

namespace medora {

// The specialty templates of one language. Template files are data a clinic may replace,
// so each one is validated when it is read: a bad file is left out with an error that names
// the file and the field, and never takes the others (or the editor) down with it.
class TemplateLibrary
{
    Q_DECLARE_TR_FUNCTIONS(TemplateLibrary)

public:
    static constexpr int kFormat = 1;
    static constexpr qint64 kMaxFileBytes = 256 * 1024;
    static constexpr int kMaxPhraseLength = 2000;
    static constexpr int kMaxPhrasesPerSection = 200;

    // The embedded templates (resources/templates, compiled in under this prefix).
    static QString resourceFolder() { return QStringLiteral(":/templates"); }
    // "ru" for a Russian UI, else "uz": the templates exist in these two languages, and
    // Uzbek is the clinics' default.
    static QString languageFor(const QLocale &locale);

    // Reads one template from JSON. `source` names it in errors (a file name).
    static std::optional<ReportTemplate> parse(const QByteArray &json, const QString &source, QString *error);
    static std::optional<ReportTemplate> loadFile(const QString &path, QString *error);

    // Loads every *.json of `folder` written in `language`, sorted by title. Returns false
    // when any file failed (errors() says which); the good ones are loaded all the same.
    bool load(const QString &language, const QString &folder = resourceFolder());

    QString language() const { return m_language; }
    QList<ReportTemplate> templates() const { return m_templates; }
    QStringList errors() const { return m_errors; }
    std::optional<ReportTemplate> find(const QString &specialty) const;

private:
    QString m_language;
    QList<ReportTemplate> m_templates;
    QStringList m_errors;
};

} // namespace medora
