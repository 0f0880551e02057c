#include "cash/PaymentService.h"

#include "cash/MoneyText.h"
#include "domain/UuidV7.h"
#include "store/Database.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMimeDatabase>
#include <QSaveFile>

namespace medora {

namespace {

// Receipt photos: the formats phones and scanners produce. Decided by content, never by the
// file's name.
const QHash<QString, QString> &imageSuffixes()
{
    static const QHash<QString, QString> suffixes = {
        {QStringLiteral("image/jpeg"), QStringLiteral("jpg")},
        {QStringLiteral("image/png"), QStringLiteral("png")},
        {QStringLiteral("image/webp"), QStringLiteral("webp")},
        {QStringLiteral("image/bmp"), QStringLiteral("bmp")},
        {QStringLiteral("image/gif"), QStringLiteral("gif")},
        {QStringLiteral("image/tiff"), QStringLiteral("tif")},
        {QStringLiteral("image/heif"), QStringLiteral("heic")},
    };
    return suffixes;
}

} // namespace

PaymentService::PaymentService(Database &database, const QString &dataDir, QObject *parent)
    : QObject(parent), m_dataDir(dataDir), m_payments(database), m_visits(database)
{}

QString PaymentService::methodText(PaymentMethod method)
{
    switch (method) {
    case PaymentMethod::Cash:
        return tr("Cash");
    case PaymentMethod::Card:
        return tr("Card");
    case PaymentMethod::Transfer:
        return tr("Bank transfer");
    case PaymentMethod::Other:
        return tr("Other");
    }
    return {};
}

QString PaymentService::receiptsDir() const
{
    return QDir(m_dataDir).filePath(QStringLiteral("receipts"));
}

QString PaymentService::receiptPath(const Payment &payment) const
{
    // Only a bare file name of ours is ever resolved: a synced value cannot point elsewhere.
    const QString name = payment.receiptRef;
    if (name.isEmpty() || name.contains(QLatin1Char('/')) || name.contains(QLatin1Char('\\')) ||
        name.startsWith(QLatin1Char('.')))
        return {};
    return QDir(receiptsDir()).filePath(name);
}

QString PaymentService::checkReceiptImage(const QString &path, QString *suffix)
{
    const QFileInfo info(path);
    if (!info.exists() || !info.isFile())
        return tr("The file “%1” does not exist.").arg(info.fileName());
    if (info.size() > kMaxReceiptBytes)
        return tr("The photo is %1 MiB; at most %2 MiB can be attached.")
            .arg(QLocale().toString(double(info.size()) / (1024 * 1024), 'f', 1))
            .arg(kMaxReceiptBytes / (1024 * 1024));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return tr("The file “%1” cannot be read: %2").arg(info.fileName(), file.errorString());
    const QMimeType type = QMimeDatabase().mimeTypeForData(file.read(512));
    const auto known = imageSuffixes().constFind(type.name());
    if (info.size() == 0 || known == imageSuffixes().constEnd())
        return tr("The file “%1” is not a photo (JPEG, PNG, WebP, BMP, GIF, TIFF or HEIC).")
            .arg(info.fileName());
    if (suffix)
        *suffix = *known;
    return {};
}

FieldErrors PaymentService::check(const PaymentRequest &request, QString *suffix) const
{
    FieldErrors errors;
    if (request.patientId.isNull())
        errors.append({patientField(), tr("Choose the patient who pays.")});
    if (request.amount <= 0)
        errors.append({amountField(), MoneyText::problemText(MoneyText::Problem::NotPositive)});
    else if (request.amount > MoneyText::kMaxAmount)
        errors.append({amountField(), MoneyText::problemText(MoneyText::Problem::TooLarge)});
    switch (request.method) {
    case PaymentMethod::Cash:
    case PaymentMethod::Card:
    case PaymentMethod::Transfer:
    case PaymentMethod::Other:
        break;
    default:
        errors.append({methodField(), tr("Choose how the patient pays.")});
    }
    if (!request.visitId.isNull()) {
        const std::optional<Visit> visit = m_visits.getById(request.visitId);
        if (!visit || visit->deleted || visit->patientId != request.patientId)
            errors.append({visitField(), tr("The chosen visit is not one of this patient's visits.")});
    }
    if (request.note.size() > kMaxNoteLength)
        errors.append({noteField(), tr("The note is %1 characters long; at most %2 are kept.")
                                        .arg(request.note.size())
                                        .arg(kMaxNoteLength)});
    if (!request.receiptImagePath.isEmpty()) {
        const QString problem = checkReceiptImage(request.receiptImagePath, suffix);
        if (!problem.isEmpty())
            errors.append({receiptField(), problem});
    }
    return errors;
}

bool PaymentService::copyReceipt(const QString &source, const QString &target, QString *error) const
{
    if (!QDir().mkpath(QFileInfo(target).absolutePath())) {
        *error = tr("The folder %1 cannot be created.").arg(QDir::toNativeSeparators(receiptsDir()));
        return false;
    }
    QFile in(source);
    if (!in.open(QIODevice::ReadOnly)) {
        *error = tr("The photo cannot be read: %1").arg(in.errorString());
        return false;
    }
    // The photo is small (checked above); a QSaveFile never leaves half a file behind.
    QSaveFile out(target);
    const QByteArray bytes = in.read(kMaxReceiptBytes + 1);
    if (bytes.size() > kMaxReceiptBytes || !out.open(QIODevice::WriteOnly) ||
        out.write(bytes) != bytes.size() || !out.commit()) {
        *error = tr("The photo cannot be copied to %1: %2")
                     .arg(QDir::toNativeSeparators(receiptsDir()), out.errorString());
        return false;
    }
    return true;
}

std::optional<Payment> PaymentService::take(const PaymentRequest &request, FieldErrors *errors)
{
    m_error = {};
    QString suffix;
    FieldErrors found = check(request, &suffix);
    if (errors)
        *errors = found;
    if (!found.isEmpty()) {
        m_error = {StoreError::Code::Invalid, found.first().message};
        return std::nullopt;
    }

    Payment payment;
    payment.id = UuidV7::generate();
    payment.patientId = request.patientId;
    payment.visitId = request.visitId;
    payment.amount = request.amount;
    payment.method = request.method;
    payment.note = request.note;
    payment.takenBy = request.takenBy;
    QString copied;
    if (!request.receiptImagePath.isEmpty()) {
        payment.receiptRef = payment.id.toString(QUuid::WithoutBraces) + QLatin1Char('.') + suffix;
        copied = QDir(receiptsDir()).filePath(payment.receiptRef);
        QString problem;
        if (!copyReceipt(request.receiptImagePath, copied, &problem)) {
            if (errors)
                *errors = {{receiptField(), problem}};
            m_error = {StoreError::Code::Io, problem};
            return std::nullopt;
        }
    }
    FieldErrors refused;
    if (!m_payments.insert(payment, &refused)) {
        if (!copied.isEmpty())
            QFile::remove(copied);
        static const QHash<QString, QString> keys = {
            {QStringLiteral("data.patientId"), patientField()},
            {QStringLiteral("data.amount"), amountField()},
            {QStringLiteral("data.method"), methodField()},
            {QStringLiteral("data.visitId"), visitField()},
            {QStringLiteral("data.note"), noteField()},
            {QStringLiteral("data.receiptRef"), receiptField()},
        };
        for (FieldError &error : refused)
            error.field = keys.value(error.field, error.field);
        if (errors)
            *errors = refused;
        m_error = m_payments.lastError();
        return std::nullopt;
    }
    emit localChange();
    return payment;
}

std::optional<Payment> PaymentService::reverse(qint64 localId, const QString &takenBy, const QString &note)
{
    m_error = {};
    if (note.size() > kMaxNoteLength) {
        m_error = {
            StoreError::Code::Invalid,
            tr("The note is %1 characters long; at most %2 are kept.").arg(note.size()).arg(kMaxNoteLength)};
        return std::nullopt;
    }
    Payment reversal;
    if (!m_payments.reverse(localId, takenBy, note, &reversal)) {
        m_error = m_payments.lastError();
        return std::nullopt;
    }
    emit localChange();
    return reversal;
}

std::optional<Payment> PaymentService::payment(qint64 localId) const
{
    return m_payments.get(localId);
}

std::optional<Payment> PaymentService::paymentById(const QUuid &id) const
{
    return m_payments.getById(id);
}

bool PaymentService::isReversed(const QUuid &id) const
{
    return m_payments.reversalOf(id).has_value();
}

QList<Payment> PaymentService::forPatient(const QUuid &patientId) const
{
    return m_payments.forPatient(patientId);
}

QList<Payment> PaymentService::forDay(const QDate &day, const QTimeZone &zone) const
{
    return m_payments.forDay(day, zone);
}

} // namespace medora
