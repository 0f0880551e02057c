#include "cli/CliOutput.h"

#include "store/ServiceError.h"

#include <QJsonDocument>

#include <cstdio>

namespace medora::server {

void CliOutput::json(const QJsonObject &object)
{
    line(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)));
}

void CliOutput::line(const QString &text)
{
    const QByteArray bytes = text.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

int CliOutput::error(int exitCode, const QString &message)
{
    const QByteArray bytes = "medora-server: " + message.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
    return exitCode;
}

int CliOutput::serviceError(const ServiceError &error)
{
    QString message = error.message.isEmpty() ? error.code : error.message;
    if (!error.code.isEmpty() && error.code != message)
        message += QStringLiteral(" (%1)").arg(error.code);
    if (!error.field.isEmpty())
        message = error.field + QStringLiteral(": ") + message;
    return CliOutput::error(failure, message);
}

} // namespace medora::server
