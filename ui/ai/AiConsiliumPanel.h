#pragma once

#include "ai/ConsiliumClient.h"
#include "ai/ConsiliumResults.h"

#include <QMap>
#include <QPointer>
#include <QSet>
#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

class QComboBox;
class QGroupBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QTextBrowser;

namespace medora {

class SessionManager;

// The doctor's AI consilium beside the visit report (issue 6). The doctor picks the answer's
// language and the depth (a quick differential or a full consilium), may first ask for
// clarifying questions and answer them, or sends images (JPEG, PNG, PDF from disk, within the
// server's limits) for findings. The call's progress is shown by stage as the request really
// goes; the result is shown whole (sources as links, red flags, critical findings and
// medication warnings in red) and is offered section by section: acceptRequested() hands a
// section's text to the report editor, which appends it as a marked block. Failures (no
// server, quota, AI off, AI failure) are explained in the user's language; the report is
// never touched by the panel itself.
class AiConsiliumPanel : public QWidget
{
    Q_OBJECT

public:
    // The case as the report stands: nothing when there is none (the reason in *why).
    using CaseSource = std::function<std::optional<AiCaseInput>(QString *why)>;

    explicit AiConsiliumPanel(QWidget *parent = nullptr);
    ~AiConsiliumPanel() override;

    // The signed-in session the calls go through; null: the panel explains it needs one.
    void setSession(SessionManager *session);
    void setCaseSource(CaseSource source);
    // Whether a draft is open that accepted text can go into.
    void setAcceptEnabled(bool enabled);
    // Forgets the result, the questions and the images (another patient was opened) and
    // drops a call in flight.
    void clearCase();

    // The answer language the UI language suggests: uz-Latn, uz-Cyrl, ru or en.
    static QString languageFor(const QLocale &locale);
    QString language() const;
    bool fullConsilium() const;

    // Adds an image for image findings after checking its type and size; false with a
    // translated reason otherwise.
    bool addImageFile(const QString &path, QString *error = nullptr);
    QStringList imageFiles() const { return m_imagePaths; }

    // The parts, for tests and the keyboard.
    ConsiliumClient *client() const { return m_client.get(); }
    QComboBox *languageBox() const { return m_language; }
    QRadioButton *quickButton() const { return m_quick; }
    QRadioButton *fullButton() const { return m_full; }
    QPushButton *questionsButton() const { return m_questionsButton; }
    QPushButton *askButton() const { return m_askButton; }
    QPushButton *cancelButton() const { return m_cancelButton; }
    QPushButton *addImagesButton() const { return m_addImagesButton; }
    QPushButton *analyseImagesButton() const { return m_analyseButton; }
    QComboBox *modalityBox() const { return m_modality; }
    QTextBrowser *resultView() const { return m_result; }
    QList<QLineEdit *> answerEdits() const { return m_answers; }
    QPushButton *acceptButton(const QString &sectionKey) const { return m_acceptButtons.value(sectionKey); }
    QString stageText() const;
    QString messageText() const;
    // The text a section would receive (empty when the result has none for it).
    QString draftFor(const QString &sectionKey) const { return m_draft.value(sectionKey); }
    bool isBusy() const;

public slots:
    void askQuestions();
    void ask(); // the differential or the consilium, with the answers given
    void analyseImages();
    void cancel();
    void refreshSettings();
    // The editor's verdict on an acceptRequested(): the button says what happened.
    void markAccepted(const QString &sectionKey, bool accepted);

signals:
    void acceptRequested(const QString &sectionKey, const QString &text);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void buildUi();
    void retranslateUi();
    void connectClient();
    std::optional<AiCaseInput> currentCase();
    bool startCall();
    void showStage(ConsiliumClient::Stage stage);
    void showMessage(const QString &message, bool problem);
    void showFailure(ConsiliumClient::Operation operation, ConsiliumClient::ErrorKind kind,
                     const ApiError &error);
    void showQuestions(const QList<ClarifyingQuestion> &questions);
    void showResult(const QString &html, const QMap<QString, QString> &draft, const AiAnswerInfo &info);
    void updateButtons();
    void updateImageList();
    QString sectionTitle(const QString &key) const;

    QPointer<SessionManager> m_session;
    std::unique_ptr<ConsiliumClient> m_client;
    CaseSource m_caseSource;
    std::optional<AiSettings> m_settings;
    bool m_acceptEnabled = false;
    std::optional<ConsiliumClient::Stage> m_currentStage;
    QMap<QString, QString> m_draft;
    QSet<QString> m_accepted;
    QStringList m_imagePaths;
    QList<ClarifyingQuestion> m_questions;
    QString m_resultHtml;
    AiAnswerInfo m_resultInfo;

    QLabel *m_intro = nullptr;
    QLabel *m_languageLabel = nullptr;
    QComboBox *m_language = nullptr;
    QLabel *m_depthLabel = nullptr;
    QRadioButton *m_quick = nullptr;
    QRadioButton *m_full = nullptr;
    QPushButton *m_questionsButton = nullptr;
    QPushButton *m_askButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QGroupBox *m_questionsBox = nullptr;
    QFormLayout *m_questionsForm = nullptr;
    QList<QLineEdit *> m_answers;
    QGroupBox *m_imagesBox = nullptr;
    QLabel *m_modalityLabel = nullptr;
    QComboBox *m_modality = nullptr;
    QListWidget *m_imageList = nullptr;
    QPushButton *m_addImagesButton = nullptr;
    QPushButton *m_removeImageButton = nullptr;
    QPushButton *m_analyseButton = nullptr;
    QLabel *m_stageLabel = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_message = nullptr;
    QTextBrowser *m_result = nullptr;
    QLabel *m_acceptLabel = nullptr;
    QMap<QString, QPushButton *> m_acceptButtons;
};

} // namespace medora
