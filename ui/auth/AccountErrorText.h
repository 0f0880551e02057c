#pragma once

#include "api/ApiError.h"

#include <QCoreApplication>
#include <QString>

namespace medora {

// The words for what password reset, sign-up and consent calls can answer (codes the general
// ApiErrorText does not know), falling back to ApiErrorText for everything else.
class AccountErrorText
{
    Q_DECLARE_TR_FUNCTIONS(AccountErrorText)

public:
    static QString describe(const ApiError &error);
};

} // namespace medora
