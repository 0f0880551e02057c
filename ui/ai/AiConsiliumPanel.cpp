#include "ai/AiConsiliumPanel.h"

#include "ai/ConsiliumDraft.h"
#include "auth/ApiErrorText.h"
#include "charting/ReportHtmlBuilder.h"
#include "charting/ReportVocabulary.h"
#include "session/SessionManager.h"

#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace medora {

namespace {

// The server's defaults (MEDORA_AI_MAX_IMAGES, MEDORA_AI_MAX_IMAGE_BYTES) until it has said.
constexpr int kDefaultMaxImages = 4;
constexpr qint64 kDefaultMaxImageBytes = 4 * 1024 * 1024;
constexpr int kMaxAnswers = 5;

const QStringList &acceptableSections()
{
    static const QStringList keys = {QStringLiteral("examination"), QStringLiteral("diagnosis"),
                                     QStringLiteral("treatmentPlan"), QStringLiteral("recommendations"),
                                     QStringLiteral("notes")};
    return keys;
}

bool isAcceptedImage(const QByteArray &head)
{
    return head.startsWith("\xFF\xD8\xFF") || head.startsWith("\x89PNG\r\n\x1A\n") ||
           head.startsWith("%PDF-");
}

void setColour(QLabel *label, const QColor &colour)
{
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, colour);
    label->setPalette(palette);
}

} // namespace

AiConsiliumPanel::AiConsiliumPanel(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("aiConsiliumPanel"));
    buildUi();
    retranslateUi();
    updateButtons();
}

AiConsiliumPanel::~AiConsiliumPanel() = default;

QString AiConsiliumPanel::languageFor(const QLocale &locale)
{
    if (locale.language() == QLocale::Uzbek)
        return locale.script() == QLocale::CyrillicScript ? QStringLiteral("uz-Cyrl")
                                                          : QStringLiteral("uz-Latn");
    if (locale.language() == QLocale::Russian)
        return QStringLiteral("ru");
    return QStringLiteral("en");
}

void AiConsiliumPanel::buildUi()
{
    auto *outer = new QVBoxLayout(this);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *content = new QWidget(scroll);
    auto *layout = new QVBoxLayout(content);
    scroll->setWidget(content);
    outer->addWidget(scroll);

    m_intro = new QLabel(content);
    m_intro->setObjectName(QStringLiteral("aiIntro"));
    m_intro->setWordWrap(true);
    layout->addWidget(m_intro);

    auto *choices = new QHBoxLayout;
    m_languageLabel = new QLabel(content);
    m_language = new QComboBox(content);
    m_language->setObjectName(QStringLiteral("aiLanguageBox"));
    // Each language in its own name and script: the doctor finds their own at a glance.
    m_language->addItem(QStringLiteral("Oʻzbekcha (lotin)"), QStringLiteral("uz-Latn"));
    m_language->addItem(QStringLiteral("Ўзбекча (кирилл)"), QStringLiteral("uz-Cyrl"));
    m_language->addItem(QStringLiteral("Русский"), QStringLiteral("ru"));
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->setCurrentIndex(m_language->findData(languageFor(QLocale())));
    m_languageLabel->setBuddy(m_language);
    choices->addWidget(m_languageLabel);
    choices->addWidget(m_language);
    choices->addSpacing(16);
    m_depthLabel = new QLabel(content);
    m_quick = new QRadioButton(content);
    m_quick->setObjectName(QStringLiteral("aiQuickRadio"));
    m_full = new QRadioButton(content);
    m_full->setObjectName(QStringLiteral("aiFullRadio"));
    m_full->setChecked(true);
    choices->addWidget(m_depthLabel);
    choices->addWidget(m_quick);
    choices->addWidget(m_full);
    choices->addStretch(1);
    layout->addLayout(choices);

    auto *buttons = new QHBoxLayout;
    m_questionsButton = new QPushButton(content);
    m_questionsButton->setObjectName(QStringLiteral("aiQuestionsButton"));
    m_askButton = new QPushButton(content);
    m_askButton->setObjectName(QStringLiteral("aiAskButton"));
    m_cancelButton = new QPushButton(content);
    m_cancelButton->setObjectName(QStringLiteral("aiCancelButton"));
    for (QPushButton *button : {m_questionsButton, m_askButton, m_cancelButton}) {
        button->setAutoDefault(false);
        buttons->addWidget(button);
    }
    buttons->addStretch(1);
    layout->addLayout(buttons);
    connect(m_questionsButton, &QPushButton::clicked, this, &AiConsiliumPanel::askQuestions);
    connect(m_askButton, &QPushButton::clicked, this, &AiConsiliumPanel::ask);
    connect(m_cancelButton, &QPushButton::clicked, this, &AiConsiliumPanel::cancel);

    m_questionsBox = new QGroupBox(content);
    m_questionsBox->setObjectName(QStringLiteral("aiQuestionsBox"));
    m_questionsForm = new QFormLayout(m_questionsBox);
    m_questionsForm->setRowWrapPolicy(QFormLayout::WrapAllRows);
    m_questionsBox->hide();
    layout->addWidget(m_questionsBox);

    m_imagesBox = new QGroupBox(content);
    m_imagesBox->setObjectName(QStringLiteral("aiImagesBox"));
    auto *images = new QVBoxLayout(m_imagesBox);
    auto *imageRow = new QHBoxLayout;
    m_modalityLabel = new QLabel(m_imagesBox);
    m_modality = new QComboBox(m_imagesBox);
    m_modality->setObjectName(QStringLiteral("aiModalityBox"));
    for (const char *code : {"ultrasound", "xray", "ct", "mri", "other"})
        m_modality->addItem(QString(), QString::fromLatin1(code));
    m_modalityLabel->setBuddy(m_modality);
    m_addImagesButton = new QPushButton(m_imagesBox);
    m_addImagesButton->setObjectName(QStringLiteral("aiAddImagesButton"));
    m_removeImageButton = new QPushButton(m_imagesBox);
    m_removeImageButton->setObjectName(QStringLiteral("aiRemoveImageButton"));
    m_analyseButton = new QPushButton(m_imagesBox);
    m_analyseButton->setObjectName(QStringLiteral("aiAnalyseImagesButton"));
    for (QPushButton *button : {m_addImagesButton, m_removeImageButton, m_analyseButton})
        button->setAutoDefault(false);
    imageRow->addWidget(m_modalityLabel);
    imageRow->addWidget(m_modality);
    imageRow->addWidget(m_addImagesButton);
    imageRow->addWidget(m_removeImageButton);
    imageRow->addWidget(m_analyseButton);
    imageRow->addStretch(1);
    images->addLayout(imageRow);
    m_imageList = new QListWidget(m_imagesBox);
    m_imageList->setObjectName(QStringLiteral("aiImageList"));
    m_imageList->setMaximumHeight(m_imageList->fontMetrics().lineSpacing() * 5);
    images->addWidget(m_imageList);
    layout->addWidget(m_imagesBox);
    connect(m_addImagesButton, &QPushButton::clicked, this, [this] {
        const QStringList files = QFileDialog::getOpenFileNames(
            this, tr("Images for the AI"), QString(), tr("Images and PDF (*.jpg *.jpeg *.png *.pdf)"));
        QStringList problems;
        for (const QString &file : files) {
            QString error;
            if (!addImageFile(file, &error))
                problems << error;
        }
        if (!problems.isEmpty())
            showMessage(problems.join(QLatin1Char('\n')), true);
    });
    connect(m_removeImageButton, &QPushButton::clicked, this, [this] {
        const int row = m_imageList->currentRow();
        if (row >= 0 && row < m_imagePaths.size()) {
            m_imagePaths.removeAt(row);
            updateImageList();
        }
    });
    connect(m_analyseButton, &QPushButton::clicked, this, &AiConsiliumPanel::analyseImages);

    m_stageLabel = new QLabel(content);
    m_stageLabel->setObjectName(QStringLiteral("aiStageLabel"));
    m_progress = new QProgressBar(content);
    m_progress->setObjectName(QStringLiteral("aiProgress"));
    m_progress->setRange(0, 3);
    m_progress->setTextVisible(false);
    m_progress->hide();
    layout->addWidget(m_stageLabel);
    layout->addWidget(m_progress);
    m_message = new QLabel(content);
    m_message->setObjectName(QStringLiteral("aiMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setFrameShape(QFrame::StyledPanel);
    m_message->hide();
    layout->addWidget(m_message);

    m_result = new QTextBrowser(content);
    m_result->setObjectName(QStringLiteral("aiResultView"));
    m_result->setOpenExternalLinks(true); // the sources open in the system's browser
    m_result->setMinimumHeight(m_result->fontMetrics().lineSpacing() * 16);
    layout->addWidget(m_result, 1);

    auto *accept = new QHBoxLayout;
    m_acceptLabel = new QLabel(content);
    accept->addWidget(m_acceptLabel);
    for (const QString &key : acceptableSections()) {
        auto *button = new QPushButton(content);
        button->setObjectName(QStringLiteral("aiAccept_") + key);
        button->setAutoDefault(false);
        connect(button, &QPushButton::clicked, this, [this, key] {
            const QString text = m_draft.value(key);
            if (!text.isEmpty() && m_acceptEnabled)
                emit acceptRequested(key, text);
        });
        m_acceptButtons.insert(key, button);
        accept->addWidget(button);
    }
    accept->addStretch(1);
    layout->addLayout(accept);
}

void AiConsiliumPanel::setSession(SessionManager *session)
{
    if (m_client)
        m_client->cancel();
    m_client.reset();
    m_session = session;
    if (session) {
        m_client = std::make_unique<ConsiliumClient>(*session);
        connectClient();
        refreshSettings();
    }
    updateButtons();
}

void AiConsiliumPanel::connectClient()
{
    ConsiliumClient *client = m_client.get();
    connect(client, &ConsiliumClient::stageChanged, this,
            [this](ConsiliumClient::Operation operation, ConsiliumClient::Stage stage) {
                if (operation != ConsiliumClient::Operation::Settings)
                    showStage(stage);
            });
    connect(client, &ConsiliumClient::failed, this, &AiConsiliumPanel::showFailure);
    connect(client, &ConsiliumClient::settingsReady, this, [this](const AiSettings &settings) {
        m_settings = settings;
        retranslateUi();
        updateButtons();
    });
    connect(client, &ConsiliumClient::questionsReady, this,
            [this](const QList<ClarifyingQuestion> &questions, const AiAnswerInfo &) {
                showQuestions(questions);
            });
    connect(client, &ConsiliumClient::differentialReady, this,
            [this](const DifferentialDiagnosis &differential, const AiAnswerInfo &info) {
                showResult(ConsiliumDraft::html(differential), ConsiliumDraft::sections(differential), info);
            });
    connect(client, &ConsiliumClient::consiliumReady, this,
            [this](const ConsiliumReport &report, const AiAnswerInfo &info) {
                showResult(ConsiliumDraft::html(report), ConsiliumDraft::sections(report), info);
            });
    connect(client, &ConsiliumClient::imageFindingsReady, this,
            [this](const ImageFindings &findings, const AiAnswerInfo &info) {
                showResult(ConsiliumDraft::html(findings), ConsiliumDraft::sections(findings), info);
            });
}

void AiConsiliumPanel::setCaseSource(CaseSource source)
{
    m_caseSource = std::move(source);
}

void AiConsiliumPanel::setAcceptEnabled(bool enabled)
{
    m_acceptEnabled = enabled;
    updateButtons();
}

void AiConsiliumPanel::clearCase()
{
    if (m_client)
        m_client->cancel();
    m_currentStage.reset();
    m_draft.clear();
    m_accepted.clear();
    m_imagePaths.clear();
    m_questions.clear();
    m_resultHtml.clear();
    m_result->clear();
    showQuestions({});
    updateImageList();
    showMessage(QString(), false);
    retranslateUi();
    updateButtons();
}

QString AiConsiliumPanel::language() const
{
    return m_language->currentData().toString();
}

bool AiConsiliumPanel::fullConsilium() const
{
    return m_full->isChecked();
}

bool AiConsiliumPanel::isBusy() const
{
    return m_client && m_client->pendingCount() > 0;
}

QString AiConsiliumPanel::stageText() const
{
    return m_stageLabel->text();
}

QString AiConsiliumPanel::messageText() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

bool AiConsiliumPanel::addImageFile(const QString &path, QString *error)
{
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    const QString name = QFileInfo(path).fileName();
    const int maxImages = m_settings && m_settings->maxImages > 0 ? m_settings->maxImages : kDefaultMaxImages;
    const qint64 maxBytes =
        m_settings && m_settings->maxImageBytes > 0 ? m_settings->maxImageBytes : kDefaultMaxImageBytes;
    if (m_imagePaths.size() >= maxImages)
        return fail(tr("At most %n images can be sent at once.", nullptr, maxImages));
    if (m_imagePaths.contains(path))
        return fail(tr("%1 is already in the list.").arg(name));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(tr("%1 cannot be read: %2").arg(name, file.errorString()));
    if (file.size() > maxBytes)
        return fail(tr("%1 is larger than the %2 MB the server accepts per image.")
                        .arg(name, QLocale().toString(double(maxBytes) / (1024 * 1024), 'f', 1)));
    if (file.size() == 0 || !isAcceptedImage(file.read(8)))
        return fail(tr("%1 is not a JPEG, PNG or PDF file.").arg(name));
    m_imagePaths << path;
    updateImageList();
    return true;
}

void AiConsiliumPanel::updateImageList()
{
    m_imageList->clear();
    for (int i = 0; i < m_imagePaths.size(); ++i)
        m_imageList->addItem(
            QStringLiteral("%1. %2").arg(i + 1).arg(QDir::toNativeSeparators(m_imagePaths.at(i))));
    updateButtons();
}

std::optional<AiCaseInput> AiConsiliumPanel::currentCase()
{
    if (!m_session || !m_client) {
        showMessage(tr("The AI consilium works through the clinic's server: sign in online first. Everything "
                       "you typed stays as it is."),
                    true);
        return std::nullopt;
    }
    QString why;
    std::optional<AiCaseInput> input = m_caseSource ? m_caseSource(&why) : std::nullopt;
    if (!input) {
        showMessage(why.isEmpty() ? tr("Open a patient's visit first.") : why, true);
        return std::nullopt;
    }
    if (input->complaints.trimmed().isEmpty()) {
        showMessage(tr("Write the complaints in the report first: the AI needs them to work on the case."),
                    true);
        return std::nullopt;
    }
    input->language = language();
    return input;
}

bool AiConsiliumPanel::startCall()
{
    if (isBusy())
        return false;
    showMessage(QString(), false);
    return true;
}

void AiConsiliumPanel::askQuestions()
{
    if (!startCall())
        return;
    const std::optional<AiCaseInput> input = currentCase();
    if (input)
        m_client->askQuestions(*input);
    updateButtons();
}

void AiConsiliumPanel::ask()
{
    if (!startCall())
        return;
    std::optional<AiCaseInput> input = currentCase();
    if (!input)
        return;
    for (int i = 0; i < m_answers.size() && i < m_questions.size() && input->answers.size() < kMaxAnswers;
         ++i) {
        const QString answer = m_answers.at(i)->text().trimmed();
        if (!answer.isEmpty())
            input->answers.append({m_questions.at(i).question, answer});
    }
    if (fullConsilium())
        m_client->askConsilium(*input);
    else
        m_client->askDifferential(*input);
    updateButtons();
}

void AiConsiliumPanel::analyseImages()
{
    if (!startCall())
        return;
    if (m_imagePaths.isEmpty()) {
        showMessage(tr("Add the images first (JPEG, PNG or PDF)."), true);
        return;
    }
    const std::optional<AiCaseInput> input = currentCase();
    if (!input)
        return;
    QList<AiImageInput> images;
    for (const QString &path : std::as_const(m_imagePaths)) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            showMessage(tr("%1 cannot be read: %2").arg(QFileInfo(path).fileName(), file.errorString()),
                        true);
            return;
        }
        // Only the bytes: a file's name may carry the patient's name.
        images.append(AiImageInput{file.readAll(), QString()});
    }
    m_client->askImageFindings(*input, m_modality->currentData().toString(), images);
    updateButtons();
}

void AiConsiliumPanel::cancel()
{
    if (m_client)
        m_client->cancel();
    updateButtons();
}

void AiConsiliumPanel::refreshSettings()
{
    if (m_client && m_client->canSend())
        m_client->fetchSettings();
}

void AiConsiliumPanel::showStage(ConsiliumClient::Stage stage)
{
    m_currentStage = stage;
    retranslateUi();
    updateButtons();
}

void AiConsiliumPanel::showMessage(const QString &message, bool problem)
{
    setColour(m_message, problem ? QColor(0xc6, 0x28, 0x28) : palette().color(QPalette::WindowText));
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
}

void AiConsiliumPanel::showFailure(ConsiliumClient::Operation operation, ConsiliumClient::ErrorKind kind,
                                   const ApiError &error)
{
    updateButtons();
    if (operation == ConsiliumClient::Operation::Settings)
        return; // the next question explains; the panel stays usable
    const QString kept = tr("Nothing in the report was changed.");
    QString message;
    switch (kind) {
    case ConsiliumClient::ErrorKind::Offline:
        message = tr("The clinic's server cannot be reached, and the AI consilium works only through it. "
                     "Check the network and try again; the report goes on being saved on this computer.");
        break;
    case ConsiliumClient::ErrorKind::Quota:
        message =
            error.retryAfterSeconds > 0
                ? tr("Today's AI limit for you or for the clinic is used up. Try again in %1, or ask the "
                     "clinic admin about the limit.")
                      .arg(ApiErrorText::waitTime(error.retryAfterSeconds))
                : tr("Today's AI limit for you or for the clinic is used up. Try again tomorrow, or ask "
                     "the clinic admin about the limit.");
        break;
    case ConsiliumClient::ErrorKind::AiOff:
        message = error.code == QLatin1String("ai_not_configured")
                      ? tr("This server has no AI service set up. Ask the server's operator to configure it.")
                      : tr("The clinic admin has turned the AI consilium off for this clinic. Ask the admin "
                           "to turn it on on the Admin page.");
        break;
    case ConsiliumClient::ErrorKind::AiFailed:
        message =
            error.code == QLatin1String("ai_invalid_answer") || error.kind == ApiError::Kind::BadResponse
                ? tr("The AI's answer did not pass the checks (it was incomplete or malformed), so it is "
                     "not shown. Try again; a second try usually works.")
                : tr("The AI service did not answer this time (busy or unavailable). Try again in a few "
                     "minutes.");
        break;
    case ConsiliumClient::ErrorKind::Forbidden:
        message = tr("Only doctors may ask the AI consilium.");
        break;
    case ConsiliumClient::ErrorKind::Invalid:
        message =
            error.code == QLatin1String("not_found")
                ? tr("This patient's card has not reached the server yet. Wait until the sync indicator "
                     "shows that everything is sent, then ask again.")
                : tr("The server refused the request: %1").arg(ApiErrorText::describe(error));
        break;
    }
    showMessage(message + QLatin1Char(' ') + kept, true);
}

void AiConsiliumPanel::showQuestions(const QList<ClarifyingQuestion> &questions)
{
    m_questions = questions;
    while (m_questionsForm->rowCount() > 0)
        m_questionsForm->removeRow(0);
    m_answers.clear();
    for (int i = 0; i < questions.size(); ++i) {
        auto *label =
            new QLabel(QStringLiteral("%1. %2").arg(i + 1).arg(questions.at(i).question), m_questionsBox);
        label->setWordWrap(true);
        label->setTextFormat(Qt::PlainText);
        label->setToolTip(questions.at(i).reason);
        auto *answer = new QLineEdit(m_questionsBox);
        answer->setObjectName(QStringLiteral("aiAnswer%1").arg(i + 1));
        answer->setMaxLength(2000);
        label->setBuddy(answer);
        m_questionsForm->addRow(label, answer);
        m_answers << answer;
    }
    m_questionsBox->setVisible(!questions.isEmpty());
    if (!m_answers.isEmpty())
        m_answers.first()->setFocus(Qt::OtherFocusReason);
    retranslateUi();
}

void AiConsiliumPanel::showResult(const QString &html, const QMap<QString, QString> &draft,
                                  const AiAnswerInfo &info)
{
    m_resultHtml = html;
    m_resultInfo = info;
    m_draft.clear();
    for (auto it = draft.cbegin(); it != draft.cend(); ++it) {
        if (!it.value().trimmed().isEmpty())
            m_draft.insert(it.key(), it.value());
    }
    m_accepted.clear();
    retranslateUi();
    updateButtons();
}

void AiConsiliumPanel::markAccepted(const QString &sectionKey, bool accepted)
{
    if (accepted) {
        m_accepted.insert(sectionKey);
        showMessage(tr("Added to \"%1\" below your own text, marked as drafted with AI. Check it before you "
                       "sign.")
                        .arg(sectionTitle(sectionKey)),
                    false);
    } else {
        showMessage(tr("Not added: only a draft you are writing can take AI text. Your report is unchanged."),
                    true);
    }
    retranslateUi();
    updateButtons();
}

QString AiConsiliumPanel::sectionTitle(const QString &key) const
{
    return ReportVocabulary::sectionTitle(key);
}

void AiConsiliumPanel::updateButtons()
{
    const bool busy = isBusy();
    const bool usable = m_client && (!m_settings || (m_settings->enabled && m_settings->available));
    m_questionsButton->setEnabled(usable && !busy);
    m_askButton->setEnabled(usable && !busy);
    m_analyseButton->setEnabled(usable && !busy && !m_imagePaths.isEmpty());
    m_addImagesButton->setEnabled(!busy);
    m_removeImageButton->setEnabled(!busy && !m_imagePaths.isEmpty());
    m_cancelButton->setVisible(busy);
    m_progress->setVisible(busy);
    for (auto it = m_acceptButtons.cbegin(); it != m_acceptButtons.cend(); ++it) {
        it.value()->setVisible(m_draft.contains(it.key()));
        it.value()->setEnabled(m_acceptEnabled && !busy && !m_accepted.contains(it.key()));
    }
    m_acceptLabel->setVisible(!m_draft.isEmpty());
}

void AiConsiliumPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!isBusy())
        refreshSettings(); // the clinic admin may have switched AI since
}

void AiConsiliumPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void AiConsiliumPanel::retranslateUi()
{
    QString intro =
        tr("The AI consilium drafts a differential diagnosis or a full consilium report from this "
           "visit's report. The patient's name, phone, address and number are never sent.") +
        QLatin1Char(' ') + ReportHtmlBuilder::aiDraftDisclaimer();
    if (m_settings) {
        if (!m_settings->available)
            intro += QStringLiteral("\n") +
                     tr("This server has no AI service set up. Ask the server's operator to configure it.");
        else if (!m_settings->enabled)
            intro +=
                QStringLiteral("\n") + tr("The clinic admin has turned the AI consilium off for this clinic. "
                                          "Ask the admin to turn it on on the Admin page.");
        else if (m_settings->userDailyQuota > 0)
            intro += QStringLiteral("\n") +
                     tr("AI requests left for you today: %1 of %2.")
                         .arg(qMax(0, m_settings->userDailyQuota - m_settings->userUsedToday))
                         .arg(m_settings->userDailyQuota);
    }
    m_intro->setText(intro);
    m_languageLabel->setText(tr("Answer la&nguage:"));
    m_depthLabel->setText(tr("Depth:"));
    m_quick->setText(tr("Quic&k differential"));
    m_full->setText(tr("&Full consilium"));
    m_questionsButton->setText(tr("Clarifying q&uestions first"));
    m_askButton->setText(tr("Ask &the AI"));
    m_cancelButton->setText(tr("Cancel"));
    m_questionsBox->setTitle(tr("Answer what you know; empty answers are left out"));
    m_imagesBox->setTitle(tr("Images of this visit (ultrasound, X-ray; JPEG, PNG or PDF)"));
    m_modalityLabel->setText(tr("&Study:"));
    const QStringList modalities{tr("Ultrasound"), tr("X-ray"), tr("CT"), tr("MRI"), tr("Other")};
    for (int i = 0; i < modalities.size() && i < m_modality->count(); ++i)
        m_modality->setItemText(i, modalities.at(i));
    m_addImagesButton->setText(tr("Add i&mages…"));
    m_removeImageButton->setText(tr("Remove"));
    m_analyseButton->setText(tr("Fin&dings from the images"));
    m_acceptLabel->setText(tr("Add to the report:"));
    for (auto it = m_acceptButtons.cbegin(); it != m_acceptButtons.cend(); ++it)
        it.value()->setText(m_accepted.contains(it.key()) ? tr("%1 ✓").arg(sectionTitle(it.key()))
                                                          : sectionTitle(it.key()));

    QString stage;
    int step = 0;
    if (m_currentStage) {
        switch (*m_currentStage) {
        case ConsiliumClient::Stage::Sending:
            stage = tr("1/4 Sending the case to the clinic's server…");
            step = 0;
            break;
        case ConsiliumClient::Stage::WaitingForModel:
            stage = tr("2/4 Waiting for the AI model (a full consilium can take a few minutes)…");
            step = 1;
            break;
        case ConsiliumClient::Stage::Validating:
            stage = tr("3/4 Checking the answer…");
            step = 2;
            break;
        case ConsiliumClient::Stage::Done:
            stage = tr("4/4 Done.");
            step = 3;
            break;
        case ConsiliumClient::Stage::Failed:
            stage = tr("Stopped: see the message below.");
            break;
        case ConsiliumClient::Stage::Cancelled:
            stage = tr("Cancelled.");
            break;
        }
    }
    m_stageLabel->setText(stage);
    m_progress->setValue(step);

    if (m_resultHtml.isEmpty()) {
        m_result->clear();
    } else {
        const QLocale locale;
        QString footer =
            QStringLiteral("<hr/><p><i>%1</i></p>")
                .arg(tr("Drafted by the AI model %1 on %2. %3")
                         .arg(m_resultInfo.model,
                              locale.toString(m_resultInfo.generatedAt.toLocalTime(), QLocale::ShortFormat),
                              ReportHtmlBuilder::aiDraftDisclaimer())
                         .toHtmlEscaped());
        const int scroll = m_result->verticalScrollBar() ? m_result->verticalScrollBar()->value() : 0;
        m_result->setHtml(m_resultHtml + footer);
        if (m_result->verticalScrollBar())
            m_result->verticalScrollBar()->setValue(scroll);
    }
    setAccessibleName(tr("AI consilium"));
}

} // namespace medora
