#include "i18n/LanguageManager.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QSettings>
#include <QTranslator>

#include <algorithm>

namespace medora {

namespace {
const QString kEnglish = QStringLiteral("en");
} // namespace

LanguageManager::LanguageManager(QObject *parent) : QObject(parent) {}

LanguageManager::~LanguageManager()
{
    removeTranslators();
}

QList<LanguageManager::Language> LanguageManager::languages()
{
    return {{QStringLiteral("uz"), QStringLiteral("Oʻzbekcha")},
            {QStringLiteral("ru"), QStringLiteral("Русский")},
            {kEnglish, QStringLiteral("English")}};
}

QString LanguageManager::defaultLanguage()
{
    return QStringLiteral("uz");
}

bool LanguageManager::isSupported(const QString &code)
{
    const QList<Language> all = languages();
    return std::any_of(all.begin(), all.end(),
                       [&code](const Language &language) { return language.code == code; });
}

QString LanguageManager::catalogueResource(const QString &code)
{
    if (code == kEnglish || !isSupported(code))
        return {};
    return QStringLiteral(":/i18n/medora_%1.qm").arg(code);
}

QLocale LanguageManager::localeFor(const QString &code)
{
    if (code == QLatin1String("uz"))
        return QLocale(QLocale::Uzbek, QLocale::LatinScript, QLocale::Uzbekistan);
    if (code == QLatin1String("ru"))
        return QLocale(QLocale::Russian, QLocale::Russia);
    return QLocale(QLocale::English, QLocale::UnitedStates);
}

QString LanguageManager::savedLanguage()
{
    const QString stored = QSettings().value(settingsKey()).toString();
    return isSupported(stored) ? stored : defaultLanguage();
}

bool LanguageManager::setLanguage(const QString &code, bool remember)
{
    if (!isSupported(code))
        return false;
    if (remember)
        QSettings().setValue(settingsKey(), code);
    if (code == m_current)
        return true;

    // Load everything first: a catalogue that fails must leave the current language intact.
    std::unique_ptr<QTranslator> medora;
    if (code != kEnglish) {
        medora = std::make_unique<QTranslator>();
        if (!medora->load(catalogueResource(code)))
            return false;
    }
    std::unique_ptr<QTranslator> qt;
    if (code != kEnglish) {
        qt = std::make_unique<QTranslator>();
        if (!qt->load(localeFor(code), QStringLiteral("qtbase"), QStringLiteral("_"),
                      QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            qt.reset(); // Qt's own catalogue is optional: standard buttons then stay English
    }

    // Installing a translator sends LanguageChange to every widget at once: the locale (for
    // numbers, money and dates) and the current code must already be the new ones then.
    QLocale::setDefault(localeFor(code));
    m_current = code;
    removeTranslators();
    m_medoraTranslator = std::move(medora);
    m_qtTranslator = std::move(qt);
    if (m_qtTranslator)
        QCoreApplication::installTranslator(m_qtTranslator.get());
    if (m_medoraTranslator)
        QCoreApplication::installTranslator(m_medoraTranslator.get());
    emit languageChanged(code);
    return true;
}

void LanguageManager::removeTranslators()
{
    if (m_medoraTranslator)
        QCoreApplication::removeTranslator(m_medoraTranslator.get());
    if (m_qtTranslator)
        QCoreApplication::removeTranslator(m_qtTranslator.get());
    m_medoraTranslator.reset();
    m_qtTranslator.reset();
}

} // namespace medora
