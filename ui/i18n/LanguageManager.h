#pragma once

#include <QList>
#include <QLocale>
#include <QObject>
#include <QString>

#include <memory>

class QTranslator;

namespace medora {

// Which language the client speaks. Loads Medora's embedded catalogue and, when the
// system has it, Qt's own (standard buttons, context menus), and installs them at run
// time: open windows retranslate on QEvent::LanguageChange, so switching needs no restart.
class LanguageManager : public QObject
{
    Q_OBJECT

public:
    struct Language
    {
        QString code;       // "uz", "ru", "en"
        QString nativeName; // shown in the Language menu in its own language, never translated
    };

    explicit LanguageManager(QObject *parent = nullptr);
    ~LanguageManager() override;

    static QList<Language> languages();
    static QString defaultLanguage(); // "uz": the clinics' language
    static bool isSupported(const QString &code);
    // ":/i18n/medora_uz.qm"; empty for English, the source language.
    static QString catalogueResource(const QString &code);
    static QLocale localeFor(const QString &code);
    static QString settingsKey() { return QStringLiteral("ui/language"); }

    // The language remembered in QSettings; the default when none or an unknown one is stored.
    static QString savedLanguage();

    QString currentLanguage() const { return m_current; }
    bool qtCatalogueLoaded() const { return m_qtTranslator != nullptr; }

    // Switches to `code`. With `remember`, the choice is stored for the next start. Returns
    // false for an unknown code or a catalogue that fails to load; nothing changes then.
    bool setLanguage(const QString &code, bool remember = true);

signals:
    void languageChanged(const QString &code);

private:
    void removeTranslators();

    QString m_current;
    std::unique_ptr<QTranslator> m_medoraTranslator;
    std::unique_ptr<QTranslator> m_qtTranslator;
};

} // namespace medora
