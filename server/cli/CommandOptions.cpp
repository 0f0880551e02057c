#include "cli/CommandOptions.h"

namespace medora::server {

CommandOptions::CommandOptions(QStringList valueOptions, QStringList flagOptions)
    : m_valueOptions(std::move(valueOptions)), m_flagOptions(std::move(flagOptions))
{}

bool CommandOptions::parse(const QStringList &arguments, QString *error)
{
    for (int i = 0; i < arguments.size(); ++i) {
        const QString argument = arguments.at(i);
        if (!argument.startsWith(QLatin1String("--")) || argument.size() < 3) {
            *error = QStringLiteral("unexpected argument '%1'").arg(argument);
            return false;
        }
        QString name = argument.mid(2);
        QString value;
        bool inlineValue = false;
        const int equals = name.indexOf(QLatin1Char('='));
        if (equals >= 0) {
            value = name.mid(equals + 1);
            name = name.left(equals);
            inlineValue = true;
        }
        if (m_flagOptions.contains(name)) {
            if (inlineValue) {
                *error = QStringLiteral("--%1 takes no value").arg(name);
                return false;
            }
            m_flags.insert(name);
            continue;
        }
        if (!m_valueOptions.contains(name)) {
            *error = QStringLiteral("unknown option --%1").arg(name);
            return false;
        }
        if (!inlineValue) {
            if (i + 1 >= arguments.size()) {
                *error = QStringLiteral("--%1 needs a value").arg(name);
                return false;
            }
            value = arguments.at(++i);
        }
        if (m_values.contains(name)) {
            *error = QStringLiteral("--%1 given twice").arg(name);
            return false;
        }
        m_values.insert(name, value);
    }
    return true;
}

QString CommandOptions::required(const QString &name, QString *error) const
{
    const QString v = m_values.value(name).trimmed();
    if (v.isEmpty() && error->isEmpty())
        *error = QStringLiteral("--%1 is required").arg(name);
    return v;
}

} // namespace medora::server
