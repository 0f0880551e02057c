#include "config/DotEnvFile.h"

#include <QFile>

namespace medora::server {

namespace {

bool isNameStart(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
}

bool isNameChar(char c)
{
    return isNameStart(c) || (c >= '0' && c <= '9');
}

bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

// What may follow a closing quote: blanks, then nothing or a comment.
bool onlyCommentFollows(const QByteArray &rest)
{
    const QByteArray trimmed = rest.trimmed();
    return trimmed.isEmpty() || trimmed.startsWith('#');
}

} // namespace

DotEnvFile DotEnvFile::parse(const QByteArray &content)
{
    DotEnvFile file;
    QByteArray text = content;
    if (text.startsWith("\xEF\xBB\xBF"))
        text.remove(0, 3);
    const QList<QByteArray> lines = text.split('\n');
    for (int i = 0; i < lines.size(); ++i) {
        QByteArray line = lines.at(i);
        if (line.endsWith('\r'))
            line.chop(1);
        file.parseLine(line, i + 1);
    }
    return file;
}

bool DotEnvFile::read(const QString &path, DotEnvFile *file, QString *error)
{
    QFile input(path);
    if (!input.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("cannot read %1: %2").arg(path, input.errorString());
        return false;
    }
    *file = parse(input.readAll());
    return true;
}

void DotEnvFile::parseLine(const QByteArray &rawLine, int number)
{
    const QByteArray line = rawLine.trimmed();
    if (line.isEmpty() || line.startsWith('#'))
        return;

    int pos = 0;
    if (line.startsWith("export") && line.size() > 6 && isBlank(line.at(6))) {
        pos = 6;
        while (pos < line.size() && isBlank(line.at(pos)))
            ++pos;
    }
    const int nameStart = pos;
    if (pos >= line.size() || !isNameStart(line.at(pos))) {
        m_problems.append({number, QStringLiteral("expected NAME=VALUE")});
        return;
    }
    while (pos < line.size() && isNameChar(line.at(pos)))
        ++pos;
    const QString name = QString::fromLatin1(line.mid(nameStart, pos - nameStart));
    while (pos < line.size() && isBlank(line.at(pos)))
        ++pos;
    if (pos >= line.size() || line.at(pos) != '=') {
        m_problems.append({number, QStringLiteral("%1: expected '=' after the name").arg(name)});
        return;
    }
    ++pos;
    while (pos < line.size() && isBlank(line.at(pos)))
        ++pos;

    const QByteArray rest = line.mid(pos);
    QByteArray value;
    if (rest.startsWith('\'')) {
        const int close = rest.indexOf('\'', 1);
        if (close < 0) {
            m_problems.append({number, QStringLiteral("%1: unterminated single quote").arg(name)});
            return;
        }
        if (!onlyCommentFollows(rest.mid(close + 1))) {
            m_problems.append({number, QStringLiteral("%1: text after the closing quote").arg(name)});
            return;
        }
        value = rest.mid(1, close - 1);
    } else if (rest.startsWith('"')) {
        int i = 1;
        bool closed = false;
        for (; i < rest.size(); ++i) {
            const char c = rest.at(i);
            if (c == '"') {
                closed = true;
                break;
            }
            if (c == '\\' && i + 1 < rest.size()) {
                const char next = rest.at(++i);
                switch (next) {
                case 'n':
                    value += '\n';
                    break;
                case 't':
                    value += '\t';
                    break;
                case 'r':
                    value += '\r';
                    break;
                case '"':
                case '\\':
                case '$':
                    value += next;
                    break;
                default:
                    value += '\\';
                    value += next;
                }
                continue;
            }
            value += c;
        }
        if (!closed) {
            m_problems.append({number, QStringLiteral("%1: unterminated double quote").arg(name)});
            return;
        }
        if (!onlyCommentFollows(rest.mid(i + 1))) {
            m_problems.append({number, QStringLiteral("%1: text after the closing quote").arg(name)});
            return;
        }
    } else {
        value = rest;
        for (int i = 0; i < value.size(); ++i) {
            if (value.at(i) == '#' && i > 0 && isBlank(value.at(i - 1))) {
                value.truncate(i);
                break;
            }
        }
        value = value.trimmed();
        if (value.contains('"') || value.contains('\'')) {
            m_problems.append({number, QStringLiteral("%1: quote inside an unquoted value").arg(name)});
            return;
        }
    }
    m_values.insert(name, QString::fromUtf8(value));
}

} // namespace medora::server
