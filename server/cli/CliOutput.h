#pragma once

#include <QJsonObject>
#include <QString>

namespace medora::server {

struct ServiceError;

// What the operator commands print: results on stdout (one JSON object per line where a
// script reads them), problems on stderr as "medora-server: <what>".
class CliOutput
{
public:
    static constexpr int usageError = 2; // bad command line or configuration
    static constexpr int failure = 1;    // the command ran and could not do its job

    static void json(const QJsonObject &object);
    static void line(const QString &text);
    static int error(int exitCode, const QString &message);
    static int serviceError(const ServiceError &error);
};

} // namespace medora::server
