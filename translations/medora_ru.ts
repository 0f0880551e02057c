<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU" sourcelanguage="en">
<context>
    <name>AccountErrorText</name>
    <message>
        <source>The code is wrong or has expired. Check the code or ask for a new one.</source>
        <translation>Код неверный или истёк. Проверьте код или запросите новый.</translation>
    </message>
    <message>
        <source>This server cannot send e-mail. Use the phone number or ask your clinic&apos;s administrator.</source>
        <translation>Этот сервер не может отправлять электронную почту. Используйте номер телефона или обратитесь к администратору клиники.</translation>
    </message>
    <message>
        <source>This server cannot send SMS. Ask your clinic&apos;s administrator for help.</source>
        <translation>Этот сервер не может отправлять SMS. Обратитесь за помощью к администратору клиники.</translation>
    </message>
    <message>
        <source>The SMS could not be sent. Check the phone number and try again in a few minutes.</source>
        <translation>Не удалось отправить SMS. Проверьте номер телефона и повторите через несколько минут.</translation>
    </message>
    <message>
        <source>The terms of use or the privacy policy have just been updated. Read the new version and accept it to continue.</source>
        <translation>Условия использования или политика конфиденциальности только что обновились. Прочитайте новую редакцию и примите её, чтобы продолжить.</translation>
    </message>
    <message>
        <source>This phone number already has an account. Sign in, or use &quot;Forgot password?&quot;.</source>
        <translation>На этот номер телефона уже есть учётная запись. Войдите или воспользуйтесь кнопкой «Забыли пароль?».</translation>
    </message>
    <message>
        <source>This e-mail address already belongs to an account.</source>
        <translation>Этот адрес электронной почты уже привязан к учётной записи.</translation>
    </message>
    <message>
        <source>The phone number is not a valid Uzbek number. Enter it like +998 90 123 45 67.</source>
        <translation>Номер телефона не похож на узбекистанский. Введите его в виде +998 90 123 45 67.</translation>
    </message>
    <message>
        <source>The e-mail address is not valid.</source>
        <translation>Адрес электронной почты указан неверно.</translation>
    </message>
    <message>
        <source>Enter the clinic&apos;s name (up to 100 characters).</source>
        <translation>Введите название клиники (до 100 символов).</translation>
    </message>
    <message>
        <source>Enter your full name (up to 100 characters).</source>
        <translation>Введите ФИО (до 100 символов).</translation>
    </message>
    <message>
        <source>Too many codes were asked for. Try again in %1.</source>
        <translation>Запрошено слишком много кодов. Повторите через %1.</translation>
    </message>
    <message>
        <source>Too many codes were asked for. Try again later.</source>
        <translation>Запрошено слишком много кодов. Повторите позже.</translation>
    </message>
</context>
<context>
    <name>ApiErrorText</name>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n секунду</numerusform>
            <numerusform>%n секунды</numerusform>
            <numerusform>%n секунд</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n минуту</numerusform>
            <numerusform>%n минуты</numerusform>
            <numerusform>%n минут</numerusform>
        </translation>
    </message>
    <message>
        <source>clinic administrator</source>
        <translation>администратор клиники</translation>
    </message>
    <message>
        <source>doctor</source>
        <translation>врач</translation>
    </message>
    <message>
        <source>receptionist</source>
        <translation>регистратор</translation>
    </message>
    <message>
        <source>The server cannot be reached. Check the network connection and the server address. You can keep working offline.</source>
        <translation>Сервер недоступен. Проверьте подключение к сети и адрес сервера. Можно продолжать работу офлайн.</translation>
    </message>
    <message>
        <source>The server did not answer in time. Try again; you can keep working offline meanwhile.</source>
        <translation>Сервер не ответил вовремя. Повторите попытку; пока можно работать офлайн.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted, so Medora did not connect. If your clinic runs its own server, ask its administrator for the clinic&apos;s CA certificate and start Medora with --ca-certificate FILE.</source>
        <translation>Сертификат сервера не вызывает доверия, поэтому Medora не подключилась. Если у клиники собственный сервер, попросите у его администратора CA-сертификат клиники и запустите Medora с параметром --ca-certificate ФАЙЛ.</translation>
    </message>
    <message>
        <source>Addresses starting with http:// are not secure and are refused. Use the https:// address of the server.</source>
        <translation>Адреса, начинающиеся с http://, небезопасны и не принимаются. Используйте адрес сервера с https://.</translation>
    </message>
    <message>
        <source>The server address is not valid. Enter it like clinic.example.uz or https://clinic.example.uz.</source>
        <translation>Неверный адрес сервера. Введите его в виде clinic.example.uz или https://clinic.example.uz.</translation>
    </message>
    <message>
        <source>The server gave an answer Medora does not understand (%1). Check the server address.</source>
        <translation>Сервер прислал ответ, который Medora не понимает (%1). Проверьте адрес сервера.</translation>
    </message>
    <message>
        <source>You are not signed in.</source>
        <translation>Вы не вошли в систему.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Отменено.</translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation>Текущий пароль неверен.</translation>
    </message>
    <message>
        <source>The login or the password is wrong.</source>
        <translation>Неверный логин или пароль.</translation>
    </message>
    <message>
        <source>Too many sign-in attempts. Try again in %1.</source>
        <translation>Слишком много попыток входа. Повторите через %1.</translation>
    </message>
    <message>
        <source>Too many sign-in attempts. Try again later.</source>
        <translation>Слишком много попыток входа. Повторите попытку позже.</translation>
    </message>
    <message>
        <source>Too many requests to the server. Try again in %1.</source>
        <translation>Слишком много запросов к серверу. Повторите через %1.</translation>
    </message>
    <message>
        <source>Too many requests to the server. Try again later.</source>
        <translation>Слишком много запросов к серверу. Повторите попытку позже.</translation>
    </message>
    <message>
        <source>The server is busy. Try again in %1.</source>
        <translation>Сервер занят. Повторите через %1.</translation>
    </message>
    <message>
        <source>The server is busy. Try again in a moment.</source>
        <translation>Сервер занят. Повторите попытку чуть позже.</translation>
    </message>
    <message>
        <source>The server accepts only secure connections. Use its https:// address.</source>
        <translation>Сервер принимает только защищённые соединения. Используйте его адрес https://.</translation>
    </message>
    <message>
        <source>The server does not answer to this address. Use the address your clinic&apos;s administrator gave you.</source>
        <translation>Сервер не отвечает по этому адресу. Используйте адрес, который дал администратор клиники.</translation>
    </message>
    <message>
        <source>Your session has ended. Please sign in again.</source>
        <translation>Сеанс завершён. Войдите снова.</translation>
    </message>
    <message>
        <source>You must change your password first.</source>
        <translation>Сначала нужно сменить пароль.</translation>
    </message>
    <message>
        <source>The password is too short: use at least 8 characters.</source>
        <translation>Пароль слишком короткий: используйте не менее 8 символов.</translation>
    </message>
    <message>
        <source>The password is too long: use at most 128 characters.</source>
        <translation>Пароль слишком длинный: используйте не более 128 символов.</translation>
    </message>
    <message>
        <source>This password is one of the most common ones. Choose another.</source>
        <translation>Это один из самых распространённых паролей. Выберите другой.</translation>
    </message>
    <message>
        <source>This password is too easy to guess. Choose a longer one.</source>
        <translation>Этот пароль слишком легко угадать. Выберите более длинный.</translation>
    </message>
    <message>
        <source>Your account may not do this.</source>
        <translation>Вашей учётной записи это действие не разрешено.</translation>
    </message>
    <message>
        <source>The server refused the request (%1, HTTP %2).</source>
        <translation>Сервер отклонил запрос (%1, HTTP %2).</translation>
    </message>
    <message>
        <source>The request failed (%1).</source>
        <translation>Запрос не выполнен (%1).</translation>
    </message>
    <message>
        <source>The server cannot be reached, and the password does not match the one last used on this computer, so you cannot work offline.</source>
        <translation>Сервер недоступен, а пароль не совпадает с тем, который последним использовался на этом компьютере, поэтому работать офлайн нельзя.</translation>
    </message>
    <message>
        <source>Wait %1 before the next attempt.</source>
        <translation>Подождите %1 перед следующей попыткой.</translation>
    </message>
    <message>
        <source>The server cannot be reached, and the password was entered wrong too many times on this computer. Try again in %1.</source>
        <translation>Сервер недоступен, а на этом компьютере пароль слишком много раз введён неверно. Повторите через %1.</translation>
    </message>
    <message>
        <source>The server cannot be reached. Only the person who last signed in online on this computer can work offline here; sign in when the server is reachable.</source>
        <translation>Сервер недоступен. Офлайн здесь может работать только тот, кто последним входил на этом компьютере онлайн; войдите, когда сервер станет доступен.</translation>
    </message>
</context>
<context>
    <name>AuditCsvWriter</name>
    <message>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Кто</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Логин</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Объект</translation>
    </message>
    <message>
        <source>Object id</source>
        <translation>ID объекта</translation>
    </message>
    <message>
        <source>Client address</source>
        <translation>Адрес клиента</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <source>The file %1 cannot be written: %2</source>
        <translation>Не удалось записать файл %1: %2</translation>
    </message>
    <message>
        <source>The file %1 could not be saved: %2</source>
        <translation>Не удалось сохранить файл %1: %2</translation>
    </message>
</context>
<context>
    <name>CabinetQueue</name>
    <message>
        <source>Ticket %1 is still in the cabinet. Finish that visit before calling the next patient.</source>
        <translation>Пациент с талоном %1 ещё в кабинете. Завершите этот приём, прежде чем вызывать следующего пациента.</translation>
    </message>
    <message>
        <source>Ticket %1 has been called already. Start the visit, or mark the patient as absent, before calling the next one.</source>
        <translation>Талон %1 уже вызван. Прежде чем вызывать следующего, начните приём или отметьте, что пациент не пришёл.</translation>
    </message>
    <message>
        <source>Nobody is waiting in your queue.</source>
        <translation>В вашей очереди никто не ожидает.</translation>
    </message>
    <message>
        <source>Ticket %1 is still in the cabinet. Finish that visit first: one patient at a time.</source>
        <translation>Пациент с талоном %1 ещё в кабинете. Сначала завершите этот приём: одновременно принимается только один пациент.</translation>
    </message>
    <message>
        <source>This visit is no longer in the queue. Reload the queue.</source>
        <translation>Этого визита больше нет в очереди. Обновите очередь.</translation>
    </message>
    <message>
        <source>Ticket %1 is in another doctor&apos;s queue.</source>
        <translation>Талон %1 — в очереди другого врача.</translation>
    </message>
    <message>
        <source>Ticket %1 cannot go from “%2” to “%3”. Reload the queue: someone may have changed it.</source>
        <translation>Талон %1 нельзя перевести из состояния «%2» в «%3». Обновите очередь: возможно, её кто-то изменил.</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>ожидает</translation>
    </message>
    <message>
        <source>called</source>
        <translation>вызван</translation>
    </message>
    <message>
        <source>in the cabinet</source>
        <translation>в кабинете</translation>
    </message>
    <message>
        <source>done</source>
        <translation>завершён</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>отменён</translation>
    </message>
    <message>
        <source>did not come</source>
        <translation>не пришёл</translation>
    </message>
</context>
<context>
    <name>CashSummaryHtmlBuilder</name>
    <message>
        <source>Unknown staff member (%1)</source>
        <translation>Неизвестный сотрудник (%1)</translation>
    </message>
    <message>
        <source>Cash summary for %1</source>
        <translation>Кассовый отчёт за %1</translation>
    </message>
    <message>
        <source>Received, so&apos;m</source>
        <translation>Принято, сум</translation>
    </message>
    <message>
        <source>Refunded, so&apos;m</source>
        <translation>Возвращено, сум</translation>
    </message>
    <message>
        <source>Net, so&apos;m</source>
        <translation>Итого, сум</translation>
    </message>
    <message>
        <source>No payments were taken on this day.</source>
        <translation>В этот день оплата не принималась.</translation>
    </message>
    <message>
        <source>By payment method</source>
        <translation>По способам оплаты</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Способ оплаты</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Всего</translation>
    </message>
    <message>
        <source>By receptionist</source>
        <translation>По регистраторам</translation>
    </message>
    <message>
        <source>Receptionist</source>
        <translation>Регистратор</translation>
    </message>
    <message>
        <source>Payments: %1. Refunds: %2.</source>
        <translation>Платежей: %1. Возвратов: %2.</translation>
    </message>
</context>
<context>
    <name>ChartLoader</name>
    <message>
        <source>read the patients of the queue</source>
        <translation>прочитать данные пациентов из очереди</translation>
    </message>
    <message>
        <source>This patient is not in the registry of this computer yet. Wait for the next sync.</source>
        <translation>Этого пациента ещё нет в реестре на этом компьютере. Дождитесь следующей синхронизации.</translation>
    </message>
</context>
<context>
    <name>ConsiliumDraft</name>
    <message>
        <source>emergency</source>
        <translation>экстренно</translation>
    </message>
    <message>
        <source>urgent</source>
        <translation>срочно</translation>
    </message>
    <message>
        <source>routine</source>
        <translation>планово</translation>
    </message>
    <message>
        <source>%1 %2, %3, %4.</source>
        <translation>%1 %2, %3, %4.</translation>
    </message>
    <message>
        <source>Cautions: %1</source>
        <translation>Предостережения: %1</translation>
    </message>
    <message>
        <source>WARNING: conflicts with the patient&apos;s allergies.</source>
        <translation>ВНИМАНИЕ: противоречит аллергиям пациента.</translation>
    </message>
    <message>
        <source>WARNING: interacts with the patient&apos;s current medications.</source>
        <translation>ВНИМАНИЕ: взаимодействует с лекарствами, которые принимает пациент.</translation>
    </message>
    <message>
        <source>Critical finding (%1): %2</source>
        <translation>Критическая находка (%1): %2</translation>
    </message>
    <message>
        <source>Medications:</source>
        <translation>Препараты:</translation>
    </message>
    <message>
        <source>Tests:</source>
        <translation>Обследования:</translation>
    </message>
    <message>
        <source>Follow-up: %1</source>
        <translation>Наблюдение: %1</translation>
    </message>
    <message>
        <source>Prognosis: %1</source>
        <translation>Прогноз: %1</translation>
    </message>
    <message>
        <source>Differential diagnosis:</source>
        <translation>Дифференциальный диагноз:</translation>
    </message>
    <message>
        <source>Red flags to watch for:</source>
        <translation>Тревожные признаки, за которыми следить:</translation>
    </message>
    <message>
        <source>Image %1: %2</source>
        <translation>Снимок %1: %2</translation>
    </message>
    <message>
        <source>Impression: %1</source>
        <translation>Заключение: %1</translation>
    </message>
    <message>
        <source>Urgency: %1</source>
        <translation>Срочность: %1</translation>
    </message>
    <message>
        <source>Chair: %1</source>
        <translation>Председатель консилиума: %1</translation>
    </message>
    <message>
        <source>Specialists</source>
        <translation>Специалисты</translation>
    </message>
    <message>
        <source>Consensus diagnoses</source>
        <translation>Согласованные диагнозы</translation>
    </message>
    <message>
        <source>Rejected hypotheses</source>
        <translation>Отклонённые гипотезы</translation>
    </message>
    <message>
        <source>Recommended tests</source>
        <translation>Рекомендуемые обследования</translation>
    </message>
    <message>
        <source>Treatment plan</source>
        <translation>План лечения</translation>
    </message>
    <message>
        <source>⚠ Conflicts with the patient&apos;s allergies.</source>
        <translation>⚠ Противоречит аллергиям пациента.</translation>
    </message>
    <message>
        <source>⚠ Interacts with the patient&apos;s current medications.</source>
        <translation>⚠ Взаимодействует с лекарствами, которые принимает пациент.</translation>
    </message>
    <message>
        <source>Medications</source>
        <translation>Препараты</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Наблюдение</translation>
    </message>
    <message>
        <source>Prognosis</source>
        <translation>Прогноз</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Источники</translation>
    </message>
    <message>
        <source>Red flags</source>
        <translation>Тревожные признаки</translation>
    </message>
    <message>
        <source>high</source>
        <translation>высокая</translation>
    </message>
    <message>
        <source>moderate</source>
        <translation>умеренная</translation>
    </message>
    <message>
        <source>low</source>
        <translation>низкая</translation>
    </message>
    <message>
        <source>Evidence: %1</source>
        <translation>Уровень доказательности: %1</translation>
    </message>
    <message>
        <source>Differential diagnosis</source>
        <translation>Дифференциальный диагноз</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Находки</translation>
    </message>
    <message>
        <source>Impression</source>
        <translation>Заключение</translation>
    </message>
    <message>
        <source>Recommendations</source>
        <translation>Рекомендации</translation>
    </message>
    <message>
        <source>Limitations</source>
        <translation>Ограничения</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>%1 already exists; a test schema needs a fresh file.</source>
        <translation>%1 уже существует; для тестовой схемы нужен новый файл.</translation>
    </message>
    <message>
        <source>open the database</source>
        <translation>открыть базу данных</translation>
    </message>
    <message>
        <source>%1 cannot use write-ahead logging (is it on a network drive?).</source>
        <translation>Для %1 нельзя включить журнал упреждающей записи (WAL). Файл находится на сетевом диске?</translation>
    </message>
    <message>
        <source>The data folder %1 does not exist or is not a folder.</source>
        <translation>Папка данных %1 не существует или не является папкой.</translation>
    </message>
    <message>
        <source>%1 is not a file.</source>
        <translation>%1 не является файлом.</translation>
    </message>
    <message>
        <source>Could not open %1: %2.</source>
        <translation>Не удалось открыть %1: %2.</translation>
    </message>
    <message>
        <source>%1 is damaged or is not a database file. It was left unchanged.</source>
        <translation>Файл %1 повреждён или не является базой данных. Он оставлен без изменений.</translation>
    </message>
    <message>
        <source>%1 is read-only; Medora cannot save patients in it.</source>
        <translation>Файл %1 доступен только для чтения; Medora не может сохранять в нём пациентов.</translation>
    </message>
    <message>
        <source>%1 belongs to another program, not Medora. It was left unchanged.</source>
        <translation>Файл %1 принадлежит другой программе, а не Medora. Он оставлен без изменений.</translation>
    </message>
    <message>
        <source>%1 was written by a newer version of Medora (database version %2; this version knows up to %3). It was left unchanged; update Medora to open it.</source>
        <translation>Файл %1 записан более новой версией Medora (версия базы данных %2; эта версия знает версии до %3). Он оставлен без изменений; чтобы открыть его, обновите Medora.</translation>
    </message>
    <message>
        <source>update the database structure</source>
        <translation>обновить структуру базы данных</translation>
    </message>
    <message>
        <source>read the database version</source>
        <translation>прочитать версию базы данных</translation>
    </message>
    <message>
        <source>read the database settings</source>
        <translation>прочитать настройки базы данных</translation>
    </message>
    <message>
        <source>save the database settings</source>
        <translation>сохранить настройки базы данных</translation>
    </message>
    <message>
        <source>start saving</source>
        <translation>начать сохранение</translation>
    </message>
    <message>
        <source>save the changes</source>
        <translation>сохранить изменения</translation>
    </message>
    <message>
        <source>The disk holding %1 is full. Nothing was saved; free some space and try again.</source>
        <translation>Диск, на котором находится %1, заполнен. Ничего не сохранено; освободите место и повторите попытку.</translation>
    </message>
    <message>
        <source>Could not %1: %2 is read-only.</source>
        <translation>Не удалось %1: %2 доступен только для чтения.</translation>
    </message>
    <message>
        <source>Could not %1: %2 is in use by another program. Try again in a moment.</source>
        <translation>Не удалось %1: %2 занят другой программой. Повторите попытку чуть позже.</translation>
    </message>
    <message>
        <source>Could not %1: reading or writing %2 failed (%3).</source>
        <translation>Не удалось %1: ошибка чтения или записи %2 (%3).</translation>
    </message>
    <message>
        <source>Could not %1: it conflicts with data already in %2 (%3).</source>
        <translation>Не удалось %1: это противоречит данным, которые уже есть в %2 (%3).</translation>
    </message>
    <message>
        <source>%1 is damaged or is not a database file.</source>
        <translation>Файл %1 повреждён или не является базой данных.</translation>
    </message>
    <message>
        <source>Could not open %1 (%2).</source>
        <translation>Не удалось открыть %1 (%2).</translation>
    </message>
    <message>
        <source>Could not %1 in %2 (%3).</source>
        <translation>Не удалось %1 в %2 (%3).</translation>
    </message>
    <message>
        <source>set indexes aside</source>
        <translation>временно отключить индексы</translation>
    </message>
    <message>
        <source>rebuild the indexes set aside</source>
        <translation>перестроить временно отключённые индексы</translation>
    </message>
</context>
<context>
    <name>EntityJson</name>
    <message>
        <source>This field is required.</source>
        <translation>Это поле обязательно.</translation>
    </message>
    <message>
        <source>Must be text.</source>
        <translation>Должно быть текстом.</translation>
    </message>
    <message numerus="yes">
        <source>Must be at most %n characters.</source>
        <translation>
            <numerusform>Должно содержать не более %n символа.</numerusform>
            <numerusform>Должно содержать не более %n символов.</numerusform>
            <numerusform>Должно содержать не более %n символов.</numerusform>
        </translation>
    </message>
    <message>
        <source>Must be true or false.</source>
        <translation>Должно быть true или false.</translation>
    </message>
    <message>
        <source>Must be a whole number.</source>
        <translation>Должно быть целым числом.</translation>
    </message>
    <message>
        <source>Must be between %1 and %2.</source>
        <translation>Должно быть от %1 до %2.</translation>
    </message>
    <message>
        <source>Must be an id such as 0190f5a4-7b1c-7d3e-8f00-0123456789ab.</source>
        <translation>Должно быть идентификатором, например 0190f5a4-7b1c-7d3e-8f00-0123456789ab.</translation>
    </message>
    <message>
        <source>Must be a date such as 2026-11-28.</source>
        <translation>Должно быть датой, например 2026-11-28.</translation>
    </message>
    <message>
        <source>Must be a UTC time such as 2026-11-28T06:00:00.000Z.</source>
        <translation>Должно быть временем UTC, например 2026-11-28T06:00:00.000Z.</translation>
    </message>
    <message>
        <source>Must be one of: %1.</source>
        <translation>Должно быть одним из значений: %1.</translation>
    </message>
    <message>
        <source>Must be an object.</source>
        <translation>Должно быть объектом.</translation>
    </message>
    <message>
        <source>Must be a list.</source>
        <translation>Должно быть списком.</translation>
    </message>
    <message>
        <source>This field is not known.</source>
        <translation>Неизвестное поле.</translation>
    </message>
    <message>
        <source>Date of birth is not plausible.</source>
        <translation>Дата рождения неправдоподобна.</translation>
    </message>
    <message>
        <source>Must be an Uzbek number in E.164 form such as +998901234567.</source>
        <translation>Должно быть узбекистанским номером в формате E.164, например +998901234567.</translation>
    </message>
    <message numerus="yes">
        <source>At most %n vital signs.</source>
        <translation>
            <numerusform>Не более %n показателя.</numerusform>
            <numerusform>Не более %n показателей.</numerusform>
            <numerusform>Не более %n показателей.</numerusform>
        </translation>
    </message>
    <message>
        <source>Must be a number with at most 4 digits before and 2 after the point, such as 36.6.</source>
        <translation>Должно быть числом, у которого не более 4 цифр до точки и 2 после, например 36.6.</translation>
    </message>
    <message>
        <source>Must be %1.</source>
        <translation>Должно быть: %1.</translation>
    </message>
    <message>
        <source>Must be an ICD-10 code such as J06.9.</source>
        <translation>Должно быть кодом МКБ-10, например J06.9.</translation>
    </message>
    <message>
        <source>A signed report needs the time it was signed.</source>
        <translation>У подписанного заключения должно быть время подписания.</translation>
    </message>
    <message>
        <source>A draft has no signing time.</source>
        <translation>У черновика не может быть времени подписания.</translation>
    </message>
    <message>
        <source>The amount cannot be zero.</source>
        <translation>Сумма не может быть нулевой.</translation>
    </message>
    <message>
        <source>Only a reversing entry may have a negative amount.</source>
        <translation>Отрицательная сумма допустима только в сторнирующей записи.</translation>
    </message>
    <message>
        <source>A reversing entry must have a negative amount.</source>
        <translation>В сторнирующей записи сумма должна быть отрицательной.</translation>
    </message>
    <message>
        <source>Must list report sections, each once: %1.</source>
        <translation>Должен перечислять разделы заключения, каждый один раз: %1.</translation>
    </message>
</context>
<context>
    <name>KeychainSecretStore</name>
    <message>
        <source>Could not save &quot;%1&quot; in the system keychain: %2</source>
        <translation>Не удалось сохранить «%1» в системном хранилище ключей: %2</translation>
    </message>
    <message>
        <source>Could not read &quot;%1&quot; from the system keychain: %2</source>
        <translation>Не удалось прочитать «%1» из системного хранилища ключей: %2</translation>
    </message>
    <message>
        <source>Could not remove &quot;%1&quot; from the system keychain: %2</source>
        <translation>Не удалось удалить «%1» из системного хранилища ключей: %2</translation>
    </message>
</context>
<context>
    <name>MoneyText</name>
    <message>
        <source>%1 so&apos;m</source>
        <translation>%1 сум</translation>
    </message>
    <message>
        <source>Enter the amount in so&apos;m.</source>
        <translation>Введите сумму в сумах.</translation>
    </message>
    <message>
        <source>Enter the amount in digits only, for example 150 000.</source>
        <translation>Вводите сумму только цифрами, например 150 000.</translation>
    </message>
    <message>
        <source>Enter whole so&apos;m, without a fractional part.</source>
        <translation>Введите сумму в целых сумах, без дробной части.</translation>
    </message>
    <message>
        <source>The amount must be more than zero so&apos;m.</source>
        <translation>Сумма в сумах должна быть больше нуля.</translation>
    </message>
    <message>
        <source>The amount can be at most %1 so&apos;m.</source>
        <translation>Сумма не может превышать %1 сум.</translation>
    </message>
</context>
<context>
    <name>OfflineCredentials</name>
    <message>
        <source>The offline sign-in file %1 cannot be read: %2</source>
        <translation>Не удалось прочитать файл офлайн-входа %1: %2</translation>
    </message>
    <message>
        <source>The offline sign-in file %1 is damaged; sign in online once to renew it.</source>
        <translation>Файл офлайн-входа %1 повреждён; чтобы обновить его, один раз войдите онлайн.</translation>
    </message>
    <message>
        <source>The offline sign-in file %1 cannot be written: %2</source>
        <translation>Не удалось записать файл офлайн-входа %1: %2</translation>
    </message>
    <message>
        <source>The password could not be prepared for offline sign-in (not enough memory).</source>
        <translation>Не удалось подготовить пароль для офлайн-входа (недостаточно памяти).</translation>
    </message>
</context>
<context>
    <name>Outbox</name>
    <message>
        <source>queue the change for the server</source>
        <translation>поставить изменение в очередь на отправку на сервер</translation>
    </message>
    <message>
        <source>queue the imported rows for the server</source>
        <translation>поставить импортированные строки в очередь на отправку на сервер</translation>
    </message>
</context>
<context>
    <name>PatientCardHtmlBuilder</name>
    <message>
        <source>Patient card</source>
        <translation>Карточка пациента</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>не указано</translation>
    </message>
    <message>
        <source>Patient number</source>
        <translation>Номер пациента</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Фамилия</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Father&apos;s name</source>
        <translation>Отчество</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Дата рождения</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Мужской</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Женский</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Пол</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <source>Allergies</source>
        <translation>Аллергии</translation>
    </message>
    <message>
        <source>Current medications</source>
        <translation>Принимаемые лекарства</translation>
    </message>
    <message>
        <source>Printed on %1</source>
        <translation>Напечатано %1</translation>
    </message>
</context>
<context>
    <name>PatientCsvExporter</name>
    <message>
        <source>The patient registry is not open.</source>
        <translation>Реестр пациентов не открыт.</translation>
    </message>
    <message>
        <source>The export cannot be written: %1</source>
        <translation>Не удалось записать экспорт: %1</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>Не удалось записать %1: %2</translation>
    </message>
</context>
<context>
    <name>PatientCsvImporter</name>
    <message>
        <source>The row is longer than %1 KB; no field can be that long.</source>
        <translation>Строка длиннее %1 КБ; такой длины не может быть ни одно поле.</translation>
    </message>
    <message>
        <source>A quote (&quot;) inside a field that does not start with one. Put the whole field in quotes and write every quote inside it twice (&quot;&quot;).</source>
        <translation>Кавычка (&quot;) внутри поля, которое не начинается с кавычки. Заключите всё поле в кавычки, а каждую кавычку внутри него напишите дважды (&quot;&quot;).</translation>
    </message>
    <message>
        <source>Text follows the closing quote of this field. Write every quote inside a quoted field twice (&quot;&quot;).</source>
        <translation>После закрывающей кавычки этого поля идёт текст. Внутри поля в кавычках каждую кавычку пишите дважды (&quot;&quot;).</translation>
    </message>
    <message>
        <source>A quoted field starts here but its closing quote is missing.</source>
        <translation>Здесь начинается поле в кавычках, но закрывающей кавычки нет.</translation>
    </message>
    <message>
        <source>The text is not valid UTF-8. Save the file as &quot;CSV UTF-8&quot; (Excel: Save As, CSV UTF-8) and import it again.</source>
        <translation>Текст не в кодировке UTF-8. Сохраните файл как «CSV UTF-8» (Excel: «Сохранить как», CSV UTF-8) и импортируйте его снова.</translation>
    </message>
    <message>
        <source>Unknown column. The columns Medora reads are: %1.</source>
        <translation>Неизвестный столбец. Medora читает столбцы: %1.</translation>
    </message>
    <message>
        <source>This column appears more than once in the header.</source>
        <translation>Этот столбец встречается в заголовке больше одного раза.</translation>
    </message>
    <message>
        <source>This column is required but missing from the header.</source>
        <translation>Этот столбец обязателен, но в заголовке его нет.</translation>
    </message>
    <message>
        <source>The row has %1 fields but the header has %2.</source>
        <translation>Полей в строке: %1, а в заголовке: %2.</translation>
    </message>
    <message>
        <source>A value in a column that has no name in the header.</source>
        <translation>Значение в столбце, у которого нет названия в заголовке.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a patient number such as KQX-00042.</source>
        <translation>«%1» — не номер пациента (образец: KQX-00042).</translation>
    </message>
    <message>
        <source>The patient number %1 is also on line %2.</source>
        <translation>Номер пациента %1 встречается также в строке %2.</translation>
    </message>
    <message>
        <source>A patient with the number %1 is already in the registry.</source>
        <translation>Пациент с номером %1 уже есть в реестре.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date; write it as YYYY-MM-DD or DD.MM.YYYY.</source>
        <translation>«%1» — не дата; пишите ГГГГ-ММ-ДД или ДД.ММ.ГГГГ.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is neither yes nor no; write 1 or 0.</source>
        <translation>«%1» — ни «да», ни «нет»; пишите 1 или 0.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a sex; write m or f (also male/female, erkak/ayol, м/ж, муж/жен).</source>
        <translation>«%1» — не пол; пишите m или f (подходят также male/female, erkak/ayol, м/ж, муж/жен).</translation>
    </message>
    <message>
        <source>Give either a date of birth or an age, not both.</source>
        <translation>Укажите либо дату рождения, либо возраст, но не то и другое вместе.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an age; write whole years from 0 to 130.</source>
        <translation>«%1» — не возраст; пишите полные годы от 0 до 130.</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>строка %1: %2</translation>
    </message>
    <message>
        <source>line %1, column %2: %3</source>
        <translation>строка %1, столбец «%2»: %3</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more error(s).</source>
        <translation>
            <numerusform>… и ещё %n ошибка.</numerusform>
            <numerusform>… и ещё %n ошибки.</numerusform>
            <numerusform>… и ещё %n ошибок.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>Не удалось прочитать %1: %2</translation>
    </message>
    <message>
        <source>%1 is larger than %2 MB; split it and import the parts one after the other.</source>
        <translation>Файл %1 больше %2 МБ; разделите его на части и импортируйте их одну за другой.</translation>
    </message>
    <message>
        <source>The patient registry is not open.</source>
        <translation>Реестр пациентов не открыт.</translation>
    </message>
    <message>
        <source>The file is larger than %1 MB; split it and import the parts one after the other.</source>
        <translation>Файл больше %1 МБ; разделите его на части и импортируйте их одну за другой.</translation>
    </message>
    <message>
        <source>The file is in UTF-16 (Excel: &quot;Unicode Text&quot;); save it as &quot;CSV UTF-8&quot; and import it again.</source>
        <translation>Файл в кодировке UTF-16 (Excel: «Текст в Юникоде»); сохраните его как «CSV UTF-8» и импортируйте снова.</translation>
    </message>
    <message>
        <source>The file cannot be read: %1</source>
        <translation>Не удалось прочитать файл: %1</translation>
    </message>
    <message>
        <source>The file is empty. Its first line must name the columns, for example: %1</source>
        <translation>Файл пуст. В его первой строке должны быть названия столбцов, например: %1</translation>
    </message>
</context>
<context>
    <name>PatientFieldText</name>
    <message>
        <source>Last name</source>
        <translation>Фамилия</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Father&apos;s name</source>
        <translation>Отчество</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Дата рождения</translation>
    </message>
    <message>
        <source>Date of birth is estimated</source>
        <translation>Дата рождения приблизительная</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Пол</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <source>Allergies</source>
        <translation>Аллергии</translation>
    </message>
    <message>
        <source>Current medications</source>
        <translation>Принимаемые лекарства</translation>
    </message>
    <message>
        <source>Chronic conditions and history</source>
        <translation>Хронические заболевания и анамнез</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(неизвестно)</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(пусто)</translation>
    </message>
    <message>
        <source>Yes, from the age given</source>
        <translation>Да, рассчитана по указанному возрасту</translation>
    </message>
    <message>
        <source>No, the exact date</source>
        <translation>Нет, точная дата</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Мужской</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Женский</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>Не указан</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Да</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Нет</translation>
    </message>
</context>
<context>
    <name>PatientLookup</name>
    <message>
        <source>read the patients</source>
        <translation>прочитать данные пациентов</translation>
    </message>
</context>
<context>
    <name>PatientStore</name>
    <message>
        <source>The counters in %1 are missing or damaged; patients cannot be numbered.</source>
        <translation>Счётчики в %1 отсутствуют или повреждены; пациентам нельзя присвоить номера.</translation>
    </message>
    <message>
        <source>The patient database is not open.</source>
        <translation>База данных пациентов не открыта.</translation>
    </message>
    <message>
        <source>save the patient</source>
        <translation>сохранить пациента</translation>
    </message>
    <message>
        <source>import the patients</source>
        <translation>импортировать пациентов</translation>
    </message>
    <message>
        <source>Patient record %1 is not in %2.</source>
        <translation>Записи пациента %1 нет в %2.</translation>
    </message>
    <message>
        <source>delete the patient</source>
        <translation>удалить пациента</translation>
    </message>
    <message>
        <source>save when the patient was seen</source>
        <translation>сохранить время последнего обращения пациента</translation>
    </message>
    <message>
        <source>read the patient</source>
        <translation>прочитать данные пациента</translation>
    </message>
    <message>
        <source>read the patients</source>
        <translation>прочитать данные пациентов</translation>
    </message>
    <message>
        <source>look for duplicate patients</source>
        <translation>найти возможные повторы пациентов</translation>
    </message>
    <message>
        <source>count the patients</source>
        <translation>подсчитать пациентов</translation>
    </message>
    <message>
        <source>read the changed patients</source>
        <translation>прочитать изменённых пациентов</translation>
    </message>
</context>
<context>
    <name>PatientValidator</name>
    <message>
        <source>Last name is required.</source>
        <translation>Укажите фамилию.</translation>
    </message>
    <message numerus="yes">
        <source>Last name must be at most %n characters.</source>
        <translation>
            <numerusform>Фамилия должна содержать не более %n символа.</numerusform>
            <numerusform>Фамилия должна содержать не более %n символов.</numerusform>
            <numerusform>Фамилия должна содержать не более %n символов.</numerusform>
        </translation>
    </message>
    <message>
        <source>Last name may contain only letters, spaces, hyphens and the ʻ mark.</source>
        <translation>Фамилия может содержать только буквы, пробелы, дефисы и знак ʻ.</translation>
    </message>
    <message>
        <source>First name is required.</source>
        <translation>Укажите имя.</translation>
    </message>
    <message numerus="yes">
        <source>First name must be at most %n characters.</source>
        <translation>
            <numerusform>Имя должно содержать не более %n символа.</numerusform>
            <numerusform>Имя должно содержать не более %n символов.</numerusform>
            <numerusform>Имя должно содержать не более %n символов.</numerusform>
        </translation>
    </message>
    <message>
        <source>First name may contain only letters, spaces, hyphens and the ʻ mark.</source>
        <translation>Имя может содержать только буквы, пробелы, дефисы и знак ʻ.</translation>
    </message>
    <message numerus="yes">
        <source>Father&apos;s name must be at most %n characters.</source>
        <translation>
            <numerusform>Отчество должно содержать не более %n символа.</numerusform>
            <numerusform>Отчество должно содержать не более %n символов.</numerusform>
            <numerusform>Отчество должно содержать не более %n символов.</numerusform>
        </translation>
    </message>
    <message>
        <source>Father&apos;s name may contain only letters, spaces, hyphens and the ʻ mark.</source>
        <translation>Отчество может содержать только буквы, пробелы, дефисы и знак ʻ.</translation>
    </message>
    <message>
        <source>Date of birth cannot be in the future.</source>
        <translation>Дата рождения не может быть в будущем.</translation>
    </message>
    <message numerus="yes">
        <source>Date of birth is more than %n years ago.</source>
        <translation>
            <numerusform>Дата рождения — больше %n года назад.</numerusform>
            <numerusform>Дата рождения — больше %n лет назад.</numerusform>
            <numerusform>Дата рождения — больше %n лет назад.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sex is required.</source>
        <translation>Укажите пол.</translation>
    </message>
    <message>
        <source>Phone number must be an Uzbek number such as +998 90 123 45 67.</source>
        <translation>Номер телефона должен быть узбекистанским, например +998 90 123 45 67.</translation>
    </message>
    <message numerus="yes">
        <source>Address must be at most %n characters.</source>
        <translation>
            <numerusform>Адрес должен содержать не более %n символа.</numerusform>
            <numerusform>Адрес должен содержать не более %n символов.</numerusform>
            <numerusform>Адрес должен содержать не более %n символов.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Allergies must be at most %n characters.</source>
        <translation>
            <numerusform>Сведения об аллергии должны содержать не более %n символа.</numerusform>
            <numerusform>Сведения об аллергии должны содержать не более %n символов.</numerusform>
            <numerusform>Сведения об аллергии должны содержать не более %n символов.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Current medications must be at most %n characters.</source>
        <translation>
            <numerusform>Список принимаемых лекарств должен содержать не более %n символа.</numerusform>
            <numerusform>Список принимаемых лекарств должен содержать не более %n символов.</numerusform>
            <numerusform>Список принимаемых лекарств должен содержать не более %n символов.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Medical history must be at most %n characters.</source>
        <translation>
            <numerusform>Анамнез должен содержать не более %n символа.</numerusform>
            <numerusform>Анамнез должен содержать не более %n символов.</numerusform>
            <numerusform>Анамнез должен содержать не более %n символов.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Notes must be at most %n characters.</source>
        <translation>
            <numerusform>Заметки должны содержать не более %n символа.</numerusform>
            <numerusform>Заметки должны содержать не более %n символов.</numerusform>
            <numerusform>Заметки должны содержать не более %n символов.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PaymentStore</name>
    <message>
        <source>Patient</source>
        <translation>Пациент</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Визит</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>Способ оплаты</translation>
    </message>
    <message>
        <source>Taken by</source>
        <translation>Кем принят</translation>
    </message>
    <message>
        <source>Taken at</source>
        <translation>Время оплаты</translation>
    </message>
    <message>
        <source>Reversed payment</source>
        <translation>Сторнируемый платёж</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Чек</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Примечание</translation>
    </message>
    <message>
        <source>The payment was not saved. %1: %2</source>
        <translation>Платёж не сохранён. %1: %2</translation>
    </message>
    <message>
        <source>save the payment</source>
        <translation>сохранить платёж</translation>
    </message>
    <message>
        <source>A payment is reversed with a reversing entry, not entered by hand.</source>
        <translation>Платёж отменяется сторнирующей записью, а не вводится вручную.</translation>
    </message>
    <message>
        <source>The amount must be more than zero so&apos;m.</source>
        <translation>Сумма в сумах должна быть больше нуля.</translation>
    </message>
    <message>
        <source>Payment record %1 is not in %2.</source>
        <translation>Записи платежа %1 нет в %2.</translation>
    </message>
    <message>
        <source>This entry already reverses another payment and cannot itself be reversed.</source>
        <translation>Эта запись уже сторнирует другой платёж, поэтому её саму сторнировать нельзя.</translation>
    </message>
    <message>
        <source>This payment was already reversed on %1.</source>
        <translation>Этот платёж уже сторнирован %1.</translation>
    </message>
    <message>
        <source>read the payment</source>
        <translation>прочитать платёж</translation>
    </message>
    <message>
        <source>read the patient&apos;s payments</source>
        <translation>прочитать платежи пациента</translation>
    </message>
    <message>
        <source>read the day&apos;s payments</source>
        <translation>прочитать платежи за день</translation>
    </message>
    <message>
        <source>add up the payments</source>
        <translation>подсчитать сумму платежей</translation>
    </message>
    <message>
        <source>read the payments</source>
        <translation>прочитать данные платежей</translation>
    </message>
</context>
<context>
    <name>PrintDocument</name>
    <message>
        <source>Page %1 of %2</source>
        <translation>Страница %1 из %2</translation>
    </message>
    <message>
        <source>The PDF file %1 cannot be written: %2</source>
        <translation>Не удалось записать PDF-файл %1: %2</translation>
    </message>
    <message>
        <source>The PDF was not produced.</source>
        <translation>PDF-файл не создан.</translation>
    </message>
</context>
<context>
    <name>ReceiptHtmlBuilder</name>
    <message>
        <source>Payment receipt</source>
        <translation>Чек об оплате</translation>
    </message>
    <message>
        <source>Refund receipt</source>
        <translation>Чек возврата</translation>
    </message>
    <message>
        <source>Receipt No.</source>
        <translation>Чек №</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Пациент</translation>
    </message>
    <message>
        <source>Patient number</source>
        <translation>Номер пациента</translation>
    </message>
    <message>
        <source>Doctor</source>
        <translation>Врач</translation>
    </message>
    <message>
        <source>Unknown doctor</source>
        <translation>Неизвестный врач</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Талон</translation>
    </message>
    <message>
        <source>Cancels receipt No.</source>
        <translation>Отменяет чек №</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Способ оплаты</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Примечание</translation>
    </message>
    <message>
        <source>Taken by</source>
        <translation>Кем принят</translation>
    </message>
    <message>
        <source>Unknown staff member</source>
        <translation>Неизвестный сотрудник</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Возвращено</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Оплачено</translation>
    </message>
</context>
<context>
    <name>ReportHtmlBuilder</name>
    <message>
        <source>Visit report</source>
        <translation>Заключение врача</translation>
    </message>
    <message>
        <source>Addendum to a visit report</source>
        <translation>Дополнение к заключению врача</translation>
    </message>
    <message>
        <source>This report does not replace a doctor&apos;s judgement.</source>
        <translation>Это заключение не заменяет решение врача.</translation>
    </message>
    <message>
        <source>(doctor not in this computer&apos;s staff list)</source>
        <translation>(врача нет в списке сотрудников на этом компьютере)</translation>
    </message>
    <message>
        <source>ICD-10: %1</source>
        <translation>МКБ-10: %1</translation>
    </message>
    <message>
        <source>DRAFT — not signed</source>
        <translation>ЧЕРНОВИК — не подписано</translation>
    </message>
    <message>
        <source>Signed: %1</source>
        <translation>Подписано: %1</translation>
    </message>
    <message>
        <source>Doctor:</source>
        <translation>Врач:</translation>
    </message>
    <message>
        <source>male</source>
        <translation>мужской</translation>
    </message>
    <message>
        <source>female</source>
        <translation>женский</translation>
    </message>
    <message>
        <source>Patient:</source>
        <translation>Пациент:</translation>
    </message>
    <message>
        <source>Patient number:</source>
        <translation>Номер пациента:</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Дата:</translation>
    </message>
    <message>
        <source>Addendum of %1, %2</source>
        <translation>Дополнение от %1, %2</translation>
    </message>
    <message>
        <source>This report records the doctor&apos;s examination on the date above. Take medicines only as prescribed, and see a doctor if you feel worse or your condition changes.</source>
        <translation>Заключение отражает результаты осмотра врачом на указанную выше дату. Принимайте лекарства только так, как назначено; если самочувствие ухудшится или изменится, обратитесь к врачу.</translation>
    </message>
    <message>
        <source>Draft: not a medical document until the doctor signs it.</source>
        <translation>Черновик: до подписи врача не является медицинским документом.</translation>
    </message>
    <message>
        <source>Date of birth:</source>
        <translation>Дата рождения:</translation>
    </message>
    <message>
        <source>Sex:</source>
        <translation>Пол:</translation>
    </message>
    <message>
        <source>(drafted with AI)</source>
        <translation>(черновик ИИ)</translation>
    </message>
    <message>
        <source>Sections marked %1 contain text drafted by the AI consilium and accepted by the doctor.</source>
        <translation>Разделы с пометкой %1 содержат текст, подготовленный ИИ-консилиумом и принятый врачом.</translation>
    </message>
</context>
<context>
    <name>ReportSectionsText</name>
    <message>
        <source>(empty)</source>
        <translation>(пусто)</translation>
    </message>
    <message>
        <source>%1: %2 %3</source>
        <translation>%1: %2 %3</translation>
    </message>
    <message>
        <source>%1 (ICD-10 %2)</source>
        <translation>%1 (МКБ-10 %2)</translation>
    </message>
</context>
<context>
    <name>ReportStore</name>
    <message>
        <source>Visit</source>
        <translation>Визит</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Пациент</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Автор</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Corrected report</source>
        <translation>Исправляемое заключение</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>Жалобы</translation>
    </message>
    <message>
        <source>Anamnesis</source>
        <translation>Анамнез</translation>
    </message>
    <message>
        <source>Vital signs</source>
        <translation>Витальные показатели</translation>
    </message>
    <message>
        <source>Examination</source>
        <translation>Осмотр</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>Диагноз</translation>
    </message>
    <message>
        <source>ICD-10 code</source>
        <translation>Код МКБ-10</translation>
    </message>
    <message>
        <source>Treatment plan</source>
        <translation>План лечения</translation>
    </message>
    <message>
        <source>Recommendations</source>
        <translation>Рекомендации</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <source>Created at</source>
        <translation>Время создания</translation>
    </message>
    <message>
        <source>Signed at</source>
        <translation>Время подписания</translation>
    </message>
    <message>
        <source>Vital signs (%1)</source>
        <translation>Витальные показатели (%1)</translation>
    </message>
    <message>
        <source>The report was not saved. %1: %2</source>
        <translation>Заключение не сохранено. %1: %2</translation>
    </message>
    <message>
        <source>A new report starts as a draft; it is signed once written.</source>
        <translation>Новое заключение создаётся как черновик; подписывается оно после того, как написано.</translation>
    </message>
    <message>
        <source>Only the server marks a report as a second version of a draft.</source>
        <translation>Пометить заключение как вторую версию черновика может только сервер.</translation>
    </message>
    <message>
        <source>An addendum must correct a signed report, and %1 is not one.</source>
        <translation>Дополнение должно исправлять подписанное заключение, а %1 им не является.</translation>
    </message>
    <message>
        <source>save the report</source>
        <translation>сохранить заключение</translation>
    </message>
    <message>
        <source>Report record %1 is not in %2.</source>
        <translation>Записи заключения %1 нет в %2.</translation>
    </message>
    <message>
        <source>This report was deleted and can no longer change.</source>
        <translation>Это заключение удалено и больше не может меняться.</translation>
    </message>
    <message>
        <source>This report is signed and can no longer be changed. Write an addendum to correct it.</source>
        <translation>Это заключение подписано и больше не может быть изменено. Чтобы исправить его, напишите дополнение.</translation>
    </message>
    <message>
        <source>delete the report</source>
        <translation>удалить заключение</translation>
    </message>
    <message>
        <source>read the report</source>
        <translation>прочитать заключение</translation>
    </message>
    <message>
        <source>read the patient&apos;s reports</source>
        <translation>прочитать заключения пациента</translation>
    </message>
    <message>
        <source>read the visit&apos;s reports</source>
        <translation>прочитать заключения по визиту</translation>
    </message>
    <message>
        <source>read the addenda</source>
        <translation>прочитать дополнения</translation>
    </message>
    <message>
        <source>read the reports</source>
        <translation>прочитать заключения</translation>
    </message>
    <message>
        <source>Sections drafted with AI</source>
        <translation>Разделы, подготовленные с помощью ИИ</translation>
    </message>
</context>
<context>
    <name>ReportVocabulary</name>
    <message>
        <source>Complaints</source>
        <translation>Жалобы</translation>
    </message>
    <message>
        <source>Anamnesis</source>
        <translation>Анамнез</translation>
    </message>
    <message>
        <source>Vital signs</source>
        <translation>Витальные показатели</translation>
    </message>
    <message>
        <source>Examination</source>
        <translation>Осмотр</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>Диагноз</translation>
    </message>
    <message>
        <source>ICD-10 code</source>
        <translation>Код МКБ-10</translation>
    </message>
    <message>
        <source>Treatment plan</source>
        <translation>План лечения</translation>
    </message>
    <message>
        <source>Recommendations</source>
        <translation>Рекомендации</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>Температура</translation>
    </message>
    <message>
        <source>Pulse</source>
        <translation>Пульс</translation>
    </message>
    <message>
        <source>Blood pressure, systolic</source>
        <translation>Артериальное давление, систолическое</translation>
    </message>
    <message>
        <source>Blood pressure, diastolic</source>
        <translation>Артериальное давление, диастолическое</translation>
    </message>
    <message>
        <source>Respiratory rate</source>
        <translation>Частота дыхания</translation>
    </message>
    <message>
        <source>Oxygen saturation (SpO₂)</source>
        <translation>Сатурация кислорода (SpO₂)</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Вес</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>Рост</translation>
    </message>
    <message>
        <source>Blood glucose</source>
        <translation>Глюкоза крови</translation>
    </message>
</context>
<context>
    <name>SubscriptionStatus</name>
    <message>
        <source>Trial</source>
        <translation>Пробный период</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>Помесячно</translation>
    </message>
    <message>
        <source>Quarterly</source>
        <translation>Поквартально</translation>
    </message>
    <message>
        <source>Yearly</source>
        <translation>На год</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Активна</translation>
    </message>
    <message>
        <source>Payment overdue (grace period)</source>
        <translation>Оплата просрочена (льготный период)</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Истекла</translation>
    </message>
    <message numerus="yes">
        <source>Paid until %1 (%n day(s) left).</source>
        <translation>
            <numerusform>Оплачено до %1 (остался %n день).</numerusform>
            <numerusform>Оплачено до %1 (осталось %n дня).</numerusform>
            <numerusform>Оплачено до %1 (осталось %n дней).</numerusform>
        </translation>
    </message>
    <message>
        <source>The subscription ended on %1. Everything keeps working until %2; after that new visits and AI are refused until it is renewed.</source>
        <translation>Подписка закончилась %1. До %2 всё работает как обычно; после этого новые визиты и ИИ недоступны, пока подписка не будет продлена.</translation>
    </message>
    <message>
        <source>The subscription ended on %1. Patients and records stay available and keep syncing, but the server refuses new visits and AI until a payment is approved.</source>
        <translation>Подписка закончилась %1. Пациенты и записи остаются доступны и продолжают синхронизироваться, но сервер не принимает новые визиты и запросы к ИИ, пока оплата не подтверждена.</translation>
    </message>
    <message>
        <source>Waiting for approval</source>
        <translation>Ожидает подтверждения</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Подтверждён</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Отклонён</translation>
    </message>
</context>
<context>
    <name>SyncBadge</name>
    <message>
        <source>New</source>
        <translation>Новый</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Изменён</translation>
    </message>
    <message>
        <source>Uploading</source>
        <translation>Отправляется</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>Синхронизирован</translation>
    </message>
    <message>
        <source>Sync error</source>
        <translation>Ошибка синхронизации</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Конфликт</translation>
    </message>
    <message>
        <source>New on this PC, not yet sent to the server.</source>
        <translation>Создан на этом компьютере, ещё не отправлен на сервер.</translation>
    </message>
    <message>
        <source>Changed on this PC, not yet sent to the server.</source>
        <translation>Изменён на этом компьютере, ещё не отправлен на сервер.</translation>
    </message>
    <message>
        <source>Being sent to the server.</source>
        <translation>Отправляется на сервер.</translation>
    </message>
    <message>
        <source>The same as on the server.</source>
        <translation>Совпадает с данными на сервере.</translation>
    </message>
    <message>
        <source>The server refused this change. It is kept on this PC; see Sync › Sync errors.</source>
        <translation>Сервер отклонил это изменение. Оно сохранено на этом компьютере; см. Синхронизация › Ошибки синхронизации.</translation>
    </message>
    <message>
        <source>Changed on this PC and on the server. Someone must decide which values to keep; see Sync › Conflicts.</source>
        <translation>Изменён и на этом компьютере, и на сервере. Нужно решить, какие значения оставить; см. Синхронизация › Конфликты.</translation>
    </message>
</context>
<context>
    <name>SyncCommands</name>
    <message numerus="yes">
        <source>%n second(s) ago</source>
        <translation>
            <numerusform>%n секунду назад</numerusform>
            <numerusform>%n секунды назад</numerusform>
            <numerusform>%n секунд назад</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>%n минуту назад</numerusform>
            <numerusform>%n минуты назад</numerusform>
            <numerusform>%n минут назад</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>%n час назад</numerusform>
            <numerusform>%n часа назад</numerusform>
            <numerusform>%n часов назад</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n день назад</numerusform>
            <numerusform>%n дня назад</numerusform>
            <numerusform>%n дней назад</numerusform>
        </translation>
    </message>
    <message>
        <source>patient</source>
        <translation>пациент</translation>
    </message>
    <message>
        <source>visit</source>
        <translation>визит</translation>
    </message>
    <message>
        <source>report</source>
        <translation>заключение</translation>
    </message>
    <message>
        <source>payment</source>
        <translation>платёж</translation>
    </message>
    <message>
        <source>The server cannot be reached. Check the network and the server address.</source>
        <translation>Сервер недоступен. Проверьте сеть и адрес сервера.</translation>
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation>Сервер не ответил вовремя.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted. For a clinic&apos;s own server, give its CA certificate with --ca-certificate FILE.</source>
        <translation>Сертификат сервера не вызывает доверия. Для собственного сервера клиники укажите его CA-сертификат: --ca-certificate FILE.</translation>
    </message>
    <message>
        <source>Addresses starting with http:// are refused unless --allow-insecure-http is given.</source>
        <translation>Адреса, начинающиеся с http://, не принимаются без параметра --allow-insecure-http.</translation>
    </message>
    <message>
        <source>The server address is not valid; give it like clinic.example.uz or https://clinic.example.uz.</source>
        <translation>Неверный адрес сервера; укажите его в виде clinic.example.uz или https://clinic.example.uz.</translation>
    </message>
    <message>
        <source>The server gave an answer medora-cli does not understand (%1).</source>
        <translation>Сервер прислал ответ, который medora-cli не понимает (%1).</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Отменено.</translation>
    </message>
    <message>
        <source>Not signed in: run medora-cli login.</source>
        <translation>Вход не выполнен: запустите medora-cli login.</translation>
    </message>
    <message>
        <source>The login or the password is wrong.</source>
        <translation>Неверный логин или пароль.</translation>
    </message>
    <message numerus="yes">
        <source>Too many attempts. Try again in %n second(s).</source>
        <translation>
            <numerusform>Слишком много попыток. Повторите через %n секунду.</numerusform>
            <numerusform>Слишком много попыток. Повторите через %n секунды.</numerusform>
            <numerusform>Слишком много попыток. Повторите через %n секунд.</numerusform>
        </translation>
    </message>
    <message>
        <source>Too many attempts. Try again later.</source>
        <translation>Слишком много попыток. Повторите попытку позже.</translation>
    </message>
    <message>
        <source>The session has ended: run medora-cli login again.</source>
        <translation>Сеанс завершён: снова запустите medora-cli login.</translation>
    </message>
    <message>
        <source>The account must change its password first: sign in once with the Medora app.</source>
        <translation>Сначала для учётной записи нужно сменить пароль: один раз войдите через приложение Medora.</translation>
    </message>
    <message>
        <source>The server accepts only secure connections: use its https:// address.</source>
        <translation>Сервер принимает только защищённые соединения: используйте его адрес https://.</translation>
    </message>
    <message>
        <source>The server does not answer to this address.</source>
        <translation>Сервер не отвечает по этому адресу.</translation>
    </message>
    <message>
        <source>This account may not do this.</source>
        <translation>Этой учётной записи это действие не разрешено.</translation>
    </message>
    <message>
        <source>The server is busy. Try again in a moment.</source>
        <translation>Сервер занят. Повторите попытку чуть позже.</translation>
    </message>
    <message>
        <source>The server refused the request (%1, HTTP %2).</source>
        <translation>Сервер отклонил запрос (%1, HTTP %2).</translation>
    </message>
    <message>
        <source>No server is set up for %1: run medora-cli login first.</source>
        <translation>Для %1 сервер не настроен: сначала запустите medora-cli login.</translation>
    </message>
    <message>
        <source>The keychain cannot be read: %1</source>
        <translation>Не удалось прочитать хранилище ключей: %1</translation>
    </message>
    <message>
        <source>Not signed in to %1: run medora-cli login.</source>
        <translation>Вход на %1 не выполнен: запустите medora-cli login.</translation>
    </message>
    <message>
        <source>The account %1 must change its password first: sign in once with the Medora app.</source>
        <translation>Сначала для учётной записи %1 нужно сменить пароль: один раз войдите через приложение Medora.</translation>
    </message>
    <message>
        <source>Signed in, but the keychain refused to keep the session, so it was ended: %1</source>
        <translation>Вход выполнен, но хранилище ключей не сохранило сеанс, поэтому он завершён: %1</translation>
    </message>
    <message>
        <source>Signed in to %1 as %2 (%3, %4).</source>
        <translation>Вход на %1 выполнен как %2 (%3, %4).</translation>
    </message>
    <message numerus="yes">
        <source>Up to date; watching for changes for %n second(s).</source>
        <translation>
            <numerusform>Данные актуальны; изменения отслеживаются в течение %n секунды.</numerusform>
            <numerusform>Данные актуальны; изменения отслеживаются в течение %n секунд.</numerusform>
            <numerusform>Данные актуальны; изменения отслеживаются в течение %n секунд.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Pulled %n change(s).</source>
        <translation>
            <numerusform>Получено %n изменение.</numerusform>
            <numerusform>Получено %n изменения.</numerusform>
            <numerusform>Получено %n изменений.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Pushed %n change(s):</source>
        <translation>
            <numerusform>Отправлено %n изменение:</numerusform>
            <numerusform>Отправлено %n изменения:</numerusform>
            <numerusform>Отправлено %n изменений:</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 accepted, %2 in conflict, %3 refused.</source>
        <translation>принято: %1, в конфликте: %2, отклонено: %3.</translation>
    </message>
    <message numerus="yes">
        <source>Waiting to be sent: %n change(s).</source>
        <translation>
            <numerusform>Ожидает отправки: %n изменение.</numerusform>
            <numerusform>Ожидают отправки: %n изменения.</numerusform>
            <numerusform>Ожидают отправки: %n изменений.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Refused by the server: %n change(s); medora-cli status lists them.</source>
        <translation>
            <numerusform>Отклонено сервером: %n изменение; список покажет medora-cli status.</numerusform>
            <numerusform>Отклонено сервером: %n изменения; список покажет medora-cli status.</numerusform>
            <numerusform>Отклонено сервером: %n изменений; список покажет medora-cli status.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Conflicts waiting for a decision: %n.</source>
        <translation>
            <numerusform>Конфликтов, ожидающих решения: %n.</numerusform>
            <numerusform>Конфликтов, ожидающих решения: %n.</numerusform>
            <numerusform>Конфликтов, ожидающих решения: %n.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync failed: %1</source>
        <translation>Синхронизация не удалась: %1</translation>
    </message>
    <message>
        <source>Server: none (run medora-cli login)</source>
        <translation>Сервер: не задан (запустите medora-cli login)</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Сервер: %1</translation>
    </message>
    <message>
        <source>Signed in: unknown (the keychain cannot be read: %1)</source>
        <translation>Вход выполнен: неизвестно (не удалось прочитать хранилище ключей: %1)</translation>
    </message>
    <message>
        <source>Signed in: yes</source>
        <translation>Вход выполнен: да</translation>
    </message>
    <message>
        <source>Signed in: no</source>
        <translation>Вход выполнен: нет</translation>
    </message>
    <message>
        <source>Waiting to be sent: nothing</source>
        <translation>Ожидают отправки: нет</translation>
    </message>
    <message numerus="yes">
        <source>Waiting to be sent: %n change(s)</source>
        <translation>
            <numerusform>Ожидает отправки: %n изменение</numerusform>
            <numerusform>Ожидают отправки: %n изменения</numerusform>
            <numerusform>Ожидают отправки: %n изменений</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n record(s))</source>
        <translation>
            <numerusform>(%n запись)</numerusform>
            <numerusform>(%n записи)</numerusform>
            <numerusform>(%n записей)</numerusform>
        </translation>
    </message>
    <message>
        <source>the oldest from %1 (%2)</source>
        <translation>самое старое от %1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>Refused by the server: %n change(s)</source>
        <translation>
            <numerusform>Отклонено сервером: %n изменение</numerusform>
            <numerusform>Отклонено сервером: %n изменения</numerusform>
            <numerusform>Отклонено сервером: %n изменений</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s)</source>
        <translation>
            <numerusform>%n попытка</numerusform>
            <numerusform>%n попытки</numerusform>
            <numerusform>%n попыток</numerusform>
        </translation>
    </message>
    <message>
        <source>last tried %1</source>
        <translation>последняя попытка: %1</translation>
    </message>
    <message numerus="yes">
        <source>Conflicts waiting for a decision: %n</source>
        <translation>
            <numerusform>Конфликтов, ожидающих решения: %n</numerusform>
            <numerusform>Конфликтов, ожидающих решения: %n</numerusform>
            <numerusform>Конфликтов, ожидающих решения: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>two versions of the draft (the other one is %1)</source>
        <translation>две версии черновика (вторая: %1)</translation>
    </message>
    <message>
        <source>Last successful pull: %1 (%2)</source>
        <translation>Последнее успешное получение с сервера: %1 (%2)</translation>
    </message>
    <message>
        <source>Last successful pull: never</source>
        <translation>Последнее успешное получение с сервера: ни разу</translation>
    </message>
    <message>
        <source>Status: green (everything is on the server)</source>
        <translation>Статус: зелёный (всё на сервере)</translation>
    </message>
    <message>
        <source>Status: not green</source>
        <translation>Статус: не зелёный</translation>
    </message>
    <message>
        <source>Not signed in.</source>
        <translation>Вход не выполнен.</translation>
    </message>
    <message>
        <source>The keychain refused to remove the session: %1</source>
        <translation>Хранилище ключей не дало удалить сеанс: %1</translation>
    </message>
    <message>
        <source>Signed out.</source>
        <translation>Выход выполнен.</translation>
    </message>
    <message>
        <source>Signed out on this computer. The server could not be told (%1); the session there ends when it expires.</source>
        <translation>Выход на этом компьютере выполнен. Сообщить серверу не удалось (%1); сеанс на нём завершится, когда истечёт его срок.</translation>
    </message>
</context>
<context>
    <name>SyncJournal</name>
    <message>
        <source>Something this change needs (its patient, visit or report) has not reached the server yet.</source>
        <translation>То, от чего зависит это изменение (пациент, визит или заключение), ещё не попало на сервер.</translation>
    </message>
    <message>
        <source>The patient, visit or report this change belongs to was deleted on the server.</source>
        <translation>То, к чему относится это изменение (пациент, визит или заключение), удалено на сервере.</translation>
    </message>
    <message>
        <source>The report is signed on the server and can no longer change. Write an addendum instead.</source>
        <translation>Заключение подписано на сервере и больше не может меняться. Вместо этого напишите дополнение.</translation>
    </message>
    <message>
        <source>Only the doctor who wrote this draft may change it.</source>
        <translation>Изменять этот черновик может только врач, который его написал.</translation>
    </message>
    <message>
        <source>A recorded payment cannot change. Add a reversing entry instead.</source>
        <translation>Проведённый платёж нельзя изменить. Вместо этого добавьте сторнирующую запись.</translation>
    </message>
    <message>
        <source>Your role does not allow this change.</source>
        <translation>Ваша роль не позволяет вносить это изменение.</translation>
    </message>
    <message>
        <source>The server did not answer this change.</source>
        <translation>Сервер не ответил на это изменение.</translation>
    </message>
    <message>
        <source>The server refused this change (%1).</source>
        <translation>Сервер отклонил это изменение (%1).</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>patient %1</source>
        <translation>пациент %1</translation>
    </message>
    <message>
        <source>Visit of %1, ticket %2 on %3</source>
        <translation>Визит: %1, талон %2 на %3</translation>
    </message>
    <message>
        <source>Report for %1 of %2</source>
        <translation>Заключение для %1 от %2</translation>
    </message>
    <message>
        <source>Payment of %1 so&apos;m for %2</source>
        <translation>Платёж %1 сум: %2</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>retry the change</source>
        <translation>повторить отправку изменения</translation>
    </message>
    <message>
        <source>read the conflict</source>
        <translation>прочитать конфликт</translation>
    </message>
    <message>
        <source>That conflict is already resolved or is not a %1 conflict.</source>
        <translation>Этот конфликт уже разрешён или не является конфликтом типа %1.</translation>
    </message>
    <message>
        <source>close the conflict</source>
        <translation>закрыть конфликт</translation>
    </message>
    <message>
        <source>recover the interrupted upload</source>
        <translation>восстановить прерванную отправку</translation>
    </message>
    <message>
        <source>prepare the changes for the server</source>
        <translation>подготовить изменения для сервера</translation>
    </message>
    <message>
        <source>save the server&apos;s answer</source>
        <translation>сохранить ответ сервера</translation>
    </message>
    <message>
        <source>put the changes back in the queue</source>
        <translation>вернуть изменения в очередь</translation>
    </message>
    <message>
        <source>apply the server&apos;s changes</source>
        <translation>применить изменения с сервера</translation>
    </message>
    <message>
        <source>finish the full download</source>
        <translation>завершить полную загрузку</translation>
    </message>
    <message>
        <source>count the changes waiting for the server</source>
        <translation>подсчитать изменения, ожидающие отправки на сервер</translation>
    </message>
    <message>
        <source>read the changes the server refused</source>
        <translation>прочитать изменения, отклонённые сервером</translation>
    </message>
    <message>
        <source>That change is no longer in the error list.</source>
        <translation>Этого изменения уже нет в списке ошибок.</translation>
    </message>
    <message>
        <source>retry the changes</source>
        <translation>повторить отправку изменений</translation>
    </message>
    <message>
        <source>read the conflicts</source>
        <translation>прочитать конфликты</translation>
    </message>
    <message>
        <source>Patient record %1 is not in %2.</source>
        <translation>Записи пациента %1 нет в %2.</translation>
    </message>
    <message>
        <source>The kept value of %1 cannot be saved: %2</source>
        <translation>Не удалось сохранить выбранное значение поля %1: %2</translation>
    </message>
    <message>
        <source>Choose one of the two versions of the draft to keep.</source>
        <translation>Выберите, какую из двух версий черновика оставить.</translation>
    </message>
</context>
<context>
    <name>SyncProtocol</name>
    <message>
        <source>This field is required.</source>
        <translation>Это поле обязательно.</translation>
    </message>
    <message>
        <source>Must be text.</source>
        <translation>Должно быть текстом.</translation>
    </message>
    <message numerus="yes">
        <source>Must be at most %n characters.</source>
        <translation>
            <numerusform>Должно содержать не более %n символа.</numerusform>
            <numerusform>Должно содержать не более %n символов.</numerusform>
            <numerusform>Должно содержать не более %n символов.</numerusform>
        </translation>
    </message>
    <message>
        <source>Must be true or false.</source>
        <translation>Должно быть true или false.</translation>
    </message>
    <message>
        <source>Must be a whole number.</source>
        <translation>Должно быть целым числом.</translation>
    </message>
    <message>
        <source>Must be between %1 and %2.</source>
        <translation>Должно быть от %1 до %2.</translation>
    </message>
    <message>
        <source>Must be an id such as 0190f5a4-7b1c-7d3e-8f00-0123456789ab.</source>
        <translation>Должно быть идентификатором, например 0190f5a4-7b1c-7d3e-8f00-0123456789ab.</translation>
    </message>
    <message>
        <source>Must be one of: %1.</source>
        <translation>Должно быть одним из значений: %1.</translation>
    </message>
    <message>
        <source>Must be an object.</source>
        <translation>Должно быть объектом.</translation>
    </message>
    <message>
        <source>Must be a list.</source>
        <translation>Должно быть списком.</translation>
    </message>
    <message>
        <source>This field is not known.</source>
        <translation>Неизвестное поле.</translation>
    </message>
    <message>
        <source>Lists a field more than once or a field that does not merge.</source>
        <translation>Поле указано больше одного раза, или указано поле, которое не объединяется.</translation>
    </message>
    <message>
        <source>Must be one of the patient fields that merge: %1.</source>
        <translation>Должно быть одним из объединяемых полей пациента: %1.</translation>
    </message>
    <message>
        <source>This field is listed twice.</source>
        <translation>Это поле указано дважды.</translation>
    </message>
    <message>
        <source>Must be a UTC time such as 2026-11-28T06:00:00.000Z.</source>
        <translation>Должно быть временем UTC, например 2026-11-28T06:00:00.000Z.</translation>
    </message>
    <message>
        <source>A deleted record carries no data.</source>
        <translation>Удалённая запись не содержит данных.</translation>
    </message>
    <message>
        <source>The first answer to an operation cannot be &quot;duplicate&quot;.</source>
        <translation>Первый ответ на операцию не может быть «duplicate».</translation>
    </message>
    <message>
        <source>Only a duplicate answer has a first status.</source>
        <translation>Первый статус есть только в ответе «duplicate».</translation>
    </message>
    <message>
        <source>Only a conflict answer has this field.</source>
        <translation>Это поле есть только в ответе о конфликте.</translation>
    </message>
    <message>
        <source>Not one of the conflicting fields.</source>
        <translation>Это не одно из конфликтующих полей.</translation>
    </message>
    <message>
        <source>Must be a plain value.</source>
        <translation>Должно быть простым значением.</translation>
    </message>
    <message>
        <source>Must be a code of small letters, digits and _.</source>
        <translation>Должно быть кодом из строчных латинских букв, цифр и _.</translation>
    </message>
    <message>
        <source>Only a rejection has this field.</source>
        <translation>Это поле есть только в отказе.</translation>
    </message>
    <message>
        <source>Only patient changes list their fields.</source>
        <translation>Список полей есть только у изменений пациента.</translation>
    </message>
    <message>
        <source>A delete changes no fields.</source>
        <translation>Удаление не меняет полей.</translation>
    </message>
    <message>
        <source>A delete carries no data.</source>
        <translation>Удаление не содержит данных.</translation>
    </message>
    <message>
        <source>The push is larger than %1 bytes.</source>
        <translation>Объём отправки превышает %1 байт.</translation>
    </message>
    <message>
        <source>The push is nested more than %1 levels deep.</source>
        <translation>Глубина вложенности в отправке больше %1.</translation>
    </message>
    <message>
        <source>The push must be a JSON object.</source>
        <translation>Отправка должна быть JSON-объектом.</translation>
    </message>
    <message>
        <source>Must not contain control characters.</source>
        <translation>Не должно содержать управляющих символов.</translation>
    </message>
    <message numerus="yes">
        <source>At most %n operations per push.</source>
        <translation>
            <numerusform>Не более %n операции за одну отправку.</numerusform>
            <numerusform>Не более %n операций за одну отправку.</numerusform>
            <numerusform>Не более %n операций за одну отправку.</numerusform>
        </translation>
    </message>
    <message>
        <source>The same operation id appears twice in one push.</source>
        <translation>Один и тот же идентификатор операции встречается в одной отправке дважды.</translation>
    </message>
    <message numerus="yes">
        <source>At most %n results per push.</source>
        <translation>
            <numerusform>Не более %n результата на одну отправку.</numerusform>
            <numerusform>Не более %n результатов на одну отправку.</numerusform>
            <numerusform>Не более %n результатов на одну отправку.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>At most %n changes per page.</source>
        <translation>
            <numerusform>Не более %n изменения на странице.</numerusform>
            <numerusform>Не более %n изменений на странице.</numerusform>
            <numerusform>Не более %n изменений на странице.</numerusform>
        </translation>
    </message>
    <message>
        <source>Changes must come in ascending sequence.</source>
        <translation>Изменения должны идти в порядке возрастания номера.</translation>
    </message>
    <message>
        <source>The cursor cannot lie before the changes it follows.</source>
        <translation>Курсор не может стоять раньше изменений, за которыми он следует.</translation>
    </message>
    <message>
        <source>Must be 32 hexadecimal digits.</source>
        <translation>Должно состоять из 32 шестнадцатеричных цифр.</translation>
    </message>
</context>
<context>
    <name>SyncReasonText</name>
    <message>
        <source>The server does not have yet what this change belongs to (the patient, the visit or the report). It is sent again once that has arrived.</source>
        <translation>На сервере ещё нет того, к чему относится это изменение (пациента, визита или заключения). Изменение будет отправлено снова, когда это появится.</translation>
    </message>
    <message>
        <source>What this change belongs to (the patient, the visit or the report) was deleted on the server.</source>
        <translation>То, к чему относится это изменение (пациент, визит или заключение), удалено на сервере.</translation>
    </message>
    <message>
        <source>The report was already signed, and a signed report cannot be changed. Write an addendum instead.</source>
        <translation>Заключение уже подписано, а подписанное заключение изменить нельзя. Вместо этого напишите дополнение.</translation>
    </message>
    <message>
        <source>Only the doctor who wrote this draft report can change it.</source>
        <translation>Изменить этот черновик заключения может только врач, который его написал.</translation>
    </message>
    <message>
        <source>A recorded payment cannot be changed or deleted. Record a reversing entry instead.</source>
        <translation>Проведённый платёж нельзя изменить или удалить. Вместо этого оформите сторнирующую запись.</translation>
    </message>
    <message>
        <source>Your role may not make this change.</source>
        <translation>Ваша роль не позволяет вносить это изменение.</translation>
    </message>
    <message>
        <source>The server found the data invalid and did not accept it.</source>
        <translation>Сервер счёл данные неверными и не принял их.</translation>
    </message>
    <message>
        <source>The server could not be reached, too many times in a row.</source>
        <translation>Сервер был недоступен слишком много раз подряд.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted, so nothing was sent.</source>
        <translation>Сертификат сервера не вызывает доверия, поэтому ничего не отправлено.</translation>
    </message>
    <message>
        <source>Nobody was signed in to the server, so it could not be sent.</source>
        <translation>На сервер никто не вошёл, поэтому отправить не удалось.</translation>
    </message>
    <message>
        <source>The server was receiving too many requests and asked to wait.</source>
        <translation>Сервер получал слишком много запросов и попросил подождать.</translation>
    </message>
    <message>
        <source>The server failed or gave an answer Medora does not understand, too many times in a row.</source>
        <translation>Сервер слишком много раз подряд выдавал ошибку или ответ, который Medora не понимает.</translation>
    </message>
    <message>
        <source>The server did not answer for this change, too many times in a row.</source>
        <translation>Сервер слишком много раз подряд не ответил на это изменение.</translation>
    </message>
    <message>
        <source>The server refused the change (%1).</source>
        <translation>Сервер отклонил изменение (%1).</translation>
    </message>
    <message>
        <source>The change could not be sent.</source>
        <translation>Не удалось отправить изменение.</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Пациент</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Визит</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Заключение</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Платёж</translation>
    </message>
</context>
<context>
    <name>SyncRecordWriter</name>
    <message>
        <source>apply the server&apos;s changes</source>
        <translation>применить изменения с сервера</translation>
    </message>
    <message>
        <source>The server sent a %1 record (%2) this version of Medora cannot read (%3: %4). Nothing of it was saved.</source>
        <translation>Сервер прислал запись типа %1 (%2), которую эта версия Medora не может прочитать (%3: %4). Из неё ничего не сохранено.</translation>
    </message>
    <message>
        <source>read the rows the server changed</source>
        <translation>прочитать строки, изменённые сервером</translation>
    </message>
    <message>
        <source>read the row the server changed</source>
        <translation>прочитать строку, изменённую сервером</translation>
    </message>
    <message>
        <source>The counters in %1 are missing or damaged.</source>
        <translation>Счётчики в %1 отсутствуют или повреждены.</translation>
    </message>
    <message>
        <source>save a patient from the server</source>
        <translation>сохранить пациента с сервера</translation>
    </message>
    <message>
        <source>save a visit from the server</source>
        <translation>сохранить визит с сервера</translation>
    </message>
    <message>
        <source>save a report from the server</source>
        <translation>сохранить заключение с сервера</translation>
    </message>
    <message>
        <source>save a payment from the server</source>
        <translation>сохранить платёж с сервера</translation>
    </message>
    <message>
        <source>delete a row the server deleted</source>
        <translation>удалить строку, удалённую на сервере</translation>
    </message>
    <message>
        <source>save the sync state</source>
        <translation>сохранить состояние синхронизации</translation>
    </message>
    <message>
        <source>save the server&apos;s revision</source>
        <translation>сохранить ревизию сервера</translation>
    </message>
</context>
<context>
    <name>TemplateLibrary</name>
    <message>
        <source>Template %1: %2</source>
        <translation>Шаблон %1: %2</translation>
    </message>
    <message>
        <source>Template %1, field “%2”: %3</source>
        <translation>Шаблон %1, поле «%2»: %3</translation>
    </message>
    <message>
        <source>the file is larger than %1 KiB.</source>
        <translation>файл больше %1 КБ.</translation>
    </message>
    <message>
        <source>not valid JSON (%1 at byte %2).</source>
        <translation>неверный JSON (%1, байт %2).</translation>
    </message>
    <message>
        <source>must be a JSON object.</source>
        <translation>должно быть объектом JSON.</translation>
    </message>
    <message>
        <source>unknown field.</source>
        <translation>неизвестное поле.</translation>
    </message>
    <message>
        <source>must be %1.</source>
        <translation>должно быть: %1.</translation>
    </message>
    <message>
        <source>must be a name of lower-case letters, such as cardiology.</source>
        <translation>должно быть названием из строчных латинских букв, например cardiology.</translation>
    </message>
    <message>
        <source>must be “uz” or “ru”.</source>
        <translation>должно быть «uz» или «ru».</translation>
    </message>
    <message>
        <source>must be a text of 1 to 200 characters.</source>
        <translation>должно быть текстом длиной от 1 до 200 символов.</translation>
    </message>
    <message>
        <source>must be an object with at least one section.</source>
        <translation>должно быть объектом хотя бы с одним разделом.</translation>
    </message>
    <message>
        <source>unknown section; the sections are: %1.</source>
        <translation>неизвестный раздел; допустимые разделы: %1.</translation>
    </message>
    <message>
        <source>must be a list of at least one phrase.</source>
        <translation>должно быть списком хотя бы из одной фразы.</translation>
    </message>
    <message>
        <source>must be a text.</source>
        <translation>должно быть текстом.</translation>
    </message>
    <message>
        <source>must be a text of 1 to %1 characters.</source>
        <translation>должно быть текстом длиной от 1 до %1 символов.</translation>
    </message>
    <message>
        <source>Template %1: cannot be read (%2).</source>
        <translation>Шаблон %1: не удалось прочитать (%2).</translation>
    </message>
    <message>
        <source>Template %1: the file is larger than %2 KiB.</source>
        <translation>Шаблон %1: файл больше %2 КБ.</translation>
    </message>
    <message>
        <source>Template %1: a second template for the specialty “%2” in this language.</source>
        <translation>Шаблон %1: второй шаблон для специальности «%2» на этом языке.</translation>
    </message>
    <message numerus="yes">
        <source>at most %n phrases.</source>
        <translation>
            <numerusform>не более %n фразы.</numerusform>
            <numerusform>не более %n фраз.</numerusform>
            <numerusform>не более %n фраз.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TicketHtmlBuilder</name>
    <message>
        <source>Queue ticket</source>
        <translation>Талон очереди</translation>
    </message>
    <message>
        <source>Your number</source>
        <translation>Ваш номер</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Срочно</translation>
    </message>
    <message>
        <source>Doctor</source>
        <translation>Врач</translation>
    </message>
    <message>
        <source>Unknown doctor</source>
        <translation>Неизвестный врач</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>День</translation>
    </message>
    <message>
        <source>Queued at</source>
        <translation>Время постановки в очередь</translation>
    </message>
    <message>
        <source>Please wait until your number is shown on the screen.</source>
        <translation>Дождитесь, пока ваш номер появится на экране.</translation>
    </message>
</context>
<context>
    <name>TicketNumber</name>
    <message>
        <source>%1 !</source>
        <comment>urgent ticket</comment>
        <translation>%1 !</translation>
    </message>
</context>
<context>
    <name>TicketSeries</name>
    <message>
        <source>read the ticket letters in use</source>
        <translation>прочитать буквы, уже занятые талонами</translation>
    </message>
    <message>
        <source>The ticket letter must be one of A to Z.</source>
        <translation>Буква талона должна быть латинской, от A до Z.</translation>
    </message>
    <message>
        <source>number the ticket</source>
        <translation>присвоить номер талону</translation>
    </message>
    <message>
        <source>This computer has given out all %1 tickets of letter %2 for this doctor that day.</source>
        <translation>Этот компьютер уже выдал к этому врачу на этот день все талоны с буквой %2 (%1 шт.).</translation>
    </message>
</context>
<context>
    <name>VisitStatistics</name>
    <message>
        <source>Choose the first and the last day of the period.</source>
        <translation>Выберите первый и последний день периода.</translation>
    </message>
    <message>
        <source>The last day of the period is before the first.</source>
        <translation>Последний день периода раньше первого.</translation>
    </message>
    <message numerus="yes">
        <source>A period may be at most %n days long.</source>
        <translation>
            <numerusform>Период может длиться не более %n дня.</numerusform>
            <numerusform>Период может длиться не более %n дней.</numerusform>
            <numerusform>Период может длиться не более %n дней.</numerusform>
        </translation>
    </message>
    <message>
        <source>count the visits</source>
        <translation>подсчитать визиты</translation>
    </message>
</context>
<context>
    <name>VisitStore</name>
    <message>
        <source>Patient</source>
        <translation>Пациент</translation>
    </message>
    <message>
        <source>Doctor</source>
        <translation>Врач</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>День</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Талон</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Приоритет</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Queue position</source>
        <translation>Место в очереди</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Примечание</translation>
    </message>
    <message>
        <source>Queued at</source>
        <translation>Время постановки в очередь</translation>
    </message>
    <message>
        <source>Called at</source>
        <translation>Время вызова</translation>
    </message>
    <message>
        <source>Started at</source>
        <translation>Начало приёма</translation>
    </message>
    <message>
        <source>Finished at</source>
        <translation>Окончание приёма</translation>
    </message>
    <message>
        <source>Queued by</source>
        <translation>Кем поставлен в очередь</translation>
    </message>
    <message>
        <source>The visit was not saved. %1: %2</source>
        <translation>Визит не сохранён. %1: %2</translation>
    </message>
    <message>
        <source>queue the visit</source>
        <translation>поставить визит в очередь</translation>
    </message>
    <message>
        <source>Visit record %1 is not in %2.</source>
        <translation>Записи визита %1 нет в %2.</translation>
    </message>
    <message>
        <source>This visit was deleted and can no longer change.</source>
        <translation>Этот визит удалён и больше не может меняться.</translation>
    </message>
    <message>
        <source>save the visit</source>
        <translation>сохранить визит</translation>
    </message>
    <message>
        <source>delete the visit</source>
        <translation>удалить визит</translation>
    </message>
    <message>
        <source>read the visit</source>
        <translation>прочитать визит</translation>
    </message>
    <message>
        <source>read the queue</source>
        <translation>прочитать очередь</translation>
    </message>
    <message>
        <source>read the patient&apos;s visits</source>
        <translation>прочитать визиты пациента</translation>
    </message>
    <message>
        <source>number the ticket</source>
        <translation>присвоить номер талону</translation>
    </message>
    <message>
        <source>read the visits</source>
        <translation>прочитать данные визитов</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>The patient registry cannot be opened.</source>
        <translation>Не удалось открыть реестр пациентов.</translation>
    </message>
    <message>
        <source>Medora clinic client</source>
        <translation>Medora — клиент для клиники</translation>
    </message>
    <message>
        <source>Folder of the local patient registry (default: %1).</source>
        <translation>Папка локального реестра пациентов (по умолчанию: %1).</translation>
    </message>
    <message>
        <source>Language for this run: uz, ru or en (default: the one chosen in the Language menu, else uz).</source>
        <translation>Язык на этот запуск: uz, ru или en (по умолчанию: выбранный в меню «Язык», иначе uz).</translation>
    </message>
    <message>
        <source>Start with this search.</source>
        <translation>Начать с этого поиска.</translation>
    </message>
    <message>
        <source>Save the main window as a PNG to FILE and exit.</source>
        <translation>Сохранить главное окно в FILE в формате PNG и выйти.</translation>
    </message>
    <message>
        <source>Save the patient dialog of the selected patient (a new one if the registry is empty) as a PNG to FILE and exit.</source>
        <translation>Сохранить карточку выбранного пациента (нового, если реестр пуст) в FILE в формате PNG и выйти.</translation>
    </message>
    <message>
        <source>Address of the clinic&apos;s Medora server, e.g. https://clinic.example.uz (remembered).</source>
        <translation>Адрес сервера Medora клиники, например https://clinic.example.uz (запоминается).</translation>
    </message>
    <message>
        <source>Trust this CA certificate (PEM file) for a clinic&apos;s self-hosted server, in addition to the system&apos;s (remembered).</source>
        <translation>Доверять этому CA-сертификату (файл PEM) для собственного сервера клиники в дополнение к системным (запоминается).</translation>
    </message>
    <message>
        <source>Development only: allow http:// server addresses. Passwords and tokens then travel unencrypted.</source>
        <translation>Только для разработки: разрешить адреса сервера http://. Пароли и токены тогда передаются без шифрования.</translation>
    </message>
</context>
<context>
    <name>medora-cli</name>
    <message>
        <source>Run medora-cli --help for the commands.</source>
        <translation>Список команд: medora-cli --help.</translation>
    </message>
    <message>
        <source>No patient has the number or id %1.</source>
        <translation>Нет пациента с номером или идентификатором %1.</translation>
    </message>
    <message>
        <source>Standard input cannot be read: %1</source>
        <translation>Не удалось прочитать стандартный ввод: %1</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n patient(s).</source>
        <translation>
            <numerusform>Импортирован %n пациент.</numerusform>
            <numerusform>Импортировано %n пациента.</numerusform>
            <numerusform>Импортировано %n пациентов.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The file is valid: %n patient(s) would be imported. Nothing was written (dry run).</source>
        <translation>
            <numerusform>Файл корректен: будет импортирован %n пациент. Ничего не записано (пробный запуск).</numerusform>
            <numerusform>Файл корректен: будут импортированы %n пациента. Ничего не записано (пробный запуск).</numerusform>
            <numerusform>Файл корректен: будет импортировано %n пациентов. Ничего не записано (пробный запуск).</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>Ничего не импортировано.</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n patient(s).</source>
        <translation>
            <numerusform>Экспортирован %n пациент.</numerusform>
            <numerusform>Экспортировано %n пациента.</numerusform>
            <numerusform>Экспортировано %n пациентов.</numerusform>
        </translation>
    </message>
    <message>
        <source>The %1 catalogue cannot be loaded; messages stay in English.</source>
        <translation>Не удалось загрузить каталог перевода %1; сообщения остаются на английском.</translation>
    </message>
    <message>
        <source>Folder of the patient registry (default: %1).</source>
        <translation>Папка реестра пациентов (по умолчанию: %1).</translation>
    </message>
    <message>
        <source>Language of the messages: uz, ru or en (default: en).</source>
        <translation>Язык сообщений: uz, ru или en (по умолчанию: en).</translation>
    </message>
    <message>
        <source>search: at most N patients (default: %1).</source>
        <translation>search: не более N пациентов (по умолчанию: %1).</translation>
    </message>
    <message>
        <source>import: check the whole file but write nothing.</source>
        <translation>import: проверить весь файл, ничего не записывая.</translation>
    </message>
    <message>
        <source>export: only the patients this search finds.</source>
        <translation>export: только пациенты, найденные этим поиском.</translation>
    </message>
    <message>
        <source>Unknown language %1; use uz, ru or en.</source>
        <translation>Неизвестный язык %1; используйте uz, ru или en.</translation>
    </message>
    <message>
        <source>No command given.</source>
        <translation>Команда не указана.</translation>
    </message>
    <message>
        <source>An option was given that the command %1 does not take.</source>
        <translation>Указан параметр, который команда %1 не принимает.</translation>
    </message>
    <message>
        <source>count takes no arguments.</source>
        <translation>count не принимает аргументов.</translation>
    </message>
    <message>
        <source>search needs a QUERY.</source>
        <translation>Для search нужен QUERY.</translation>
    </message>
    <message>
        <source>--limit must be a number from 1 to %1.</source>
        <translation>--limit должен быть числом от 1 до %1.</translation>
    </message>
    <message>
        <source>%1 needs exactly one argument.</source>
        <translation>%1 требует ровно одного аргумента.</translation>
    </message>
    <message>
        <source>Unknown command %1.</source>
        <translation>Неизвестная команда %1.</translation>
    </message>
    <message>
        <source>Medora&apos;s patient registry on the command line.

Commands:
  count                     how many patients the registry holds
  search QUERY [--limit N]  find patients; prints number, name, date of birth and phone,
                            separated by tabs
  show NUMBER|UUID          every field of one patient
  import FILE [--dry-run]   import a CSV patient list, all rows or none (FILE - reads stdin)
  export FILE [--query Q]   write the patients, or those a search finds, as CSV
                            (FILE - writes stdout)
  login --server URL --login NAME --password-stdin [--ca-certificate FILE]
        [--allow-insecure-http]
                            sign in to the clinic&apos;s server; the session is kept in the
                            system keychain
  sync [--once | --watch SECONDS]
                            send the changes made here and fetch the server&apos;s (--once, the
                            default: one round; --watch: keep syncing that long)
  status                    what waits to be sent, what the server refused, conflicts,
                            the last successful pull
  logout                    end the session here and on the server

Exit codes: 0 done, 1 wrong usage, 2 invalid input (nothing was changed), 3 the registry
or a file cannot be read or written, 4 sync failed (server unreachable or refusing, not
signed in), 5 not in sync (changes wait, were refused or are in conflict). The CSV format
is described in docs/cli.md.</source>
        <translation>Реестр пациентов Medora в командной строке.

Команды:
  count                     сколько пациентов в реестре
  search QUERY [--limit N]  найти пациентов; печатает номер, имя, дату рождения и телефон,
                            разделённые табуляцией
  show NUMBER|UUID          все поля одного пациента
  import FILE [--dry-run]   импортировать список пациентов из CSV: все строки или ни одной
                            (FILE - читает stdin)
  export FILE [--query Q]   записать пациентов (или найденных поиском) в CSV
                            (FILE - пишет в stdout)
  login --server URL --login NAME --password-stdin [--ca-certificate FILE]
        [--allow-insecure-http]
                            войти на сервер клиники; сеанс хранится в системном
                            хранилище ключей
  sync [--once | --watch SECONDS]
                            отправить сделанные здесь изменения и получить изменения
                            с сервера (--once, по умолчанию: один цикл; --watch:
                            синхронизировать в течение указанного времени)
  status                    что ожидает отправки, что отклонил сервер, конфликты,
                            последнее успешное получение с сервера
  logout                    завершить сеанс здесь и на сервере

Коды выхода: 0 выполнено, 1 неверный вызов, 2 неверные входные данные (ничего не изменено),
3 не удаётся прочитать или записать реестр или файл, 4 синхронизация не удалась (сервер
недоступен или отказывает, вход не выполнен), 5 нет синхронизации (изменения ожидают
отправки, отклонены или в конфликте). Формат CSV описан в docs/cli.md.</translation>
    </message>
    <message>
        <source>login: the server&apos;s address, e.g. clinic.example.uz.</source>
        <translation>login: адрес сервера, например clinic.example.uz.</translation>
    </message>
    <message>
        <source>login: trust the clinic&apos;s own CA certificate (PEM file).</source>
        <translation>login: доверять собственному CA-сертификату клиники (файл PEM).</translation>
    </message>
    <message>
        <source>login: allow an http:// server address (development only).</source>
        <translation>login: разрешить адрес сервера http:// (только для разработки).</translation>
    </message>
    <message>
        <source>login: the login or phone number.</source>
        <translation>login: логин или номер телефона.</translation>
    </message>
    <message>
        <source>login: read the password from the first line of stdin.</source>
        <translation>login: прочитать пароль из первой строки stdin.</translation>
    </message>
    <message>
        <source>sync: one round, then exit (the default).</source>
        <translation>sync: один цикл, затем выход (по умолчанию).</translation>
    </message>
    <message>
        <source>sync: keep syncing for SECONDS, then exit.</source>
        <translation>sync: синхронизировать SECONDS секунд, затем выйти.</translation>
    </message>
    <message>
        <source>count, search, show, import, export, login, sync, status or logout, and its arguments.</source>
        <translation>count, search, show, import, export, login, sync, status или logout и её аргументы.</translation>
    </message>
    <message>
        <source>%1 takes no arguments, only options.</source>
        <translation>%1 не принимает аргументов, только параметры.</translation>
    </message>
    <message>
        <source>login needs --server URL, --login NAME and --password-stdin.</source>
        <translation>Для login нужны --server URL, --login NAME и --password-stdin.</translation>
    </message>
    <message>
        <source>No password arrived on standard input.</source>
        <translation>Пароль не поступил на стандартный ввод.</translation>
    </message>
    <message>
        <source>--watch must be a number of seconds from 1 to %1, without --once.</source>
        <translation>--watch должен быть числом секунд от 1 до %1, без --once.</translation>
    </message>
</context>
<context>
    <name>medora::AdminPage</name>
    <message>
        <source>&amp;Staff</source>
        <translation>Со&amp;трудники</translation>
    </message>
    <message>
        <source>A&amp;udit log</source>
        <translation>&amp;Журнал аудита</translation>
    </message>
    <message>
        <source>Only a clinic administrator can manage the clinic.</source>
        <translation>Управлять клиникой может только администратор клиники.</translation>
    </message>
    <message>
        <source>Staff, the audit log and the letterhead live on the server: connect to it to see or change them. The statistics below come from this computer.</source>
        <translation>Сотрудники, журнал аудита и бланк клиники хранятся на сервере: подключитесь к нему, чтобы просмотреть или изменить их. Статистика ниже — по данным этого компьютера.</translation>
    </message>
    <message>
        <source>L&amp;etterhead…</source>
        <translation>&amp;Бланк клиники…</translation>
    </message>
    <message>
        <source>Statisti&amp;cs</source>
        <translation>Ст&amp;атистика</translation>
    </message>
    <message>
        <source>Subscription</source>
        <translation>Подпис&amp;ка</translation>
    </message>
</context>
<context>
    <name>medora::AiConsiliumPanel</name>
    <message>
        <source>Images for the AI</source>
        <translation>Снимки для ИИ</translation>
    </message>
    <message>
        <source>Images and PDF (*.jpg *.jpeg *.png *.pdf)</source>
        <translation>Изображения и PDF (*.jpg *.jpeg *.png *.pdf)</translation>
    </message>
    <message numerus="yes">
        <source>At most %n images can be sent at once.</source>
        <translation>
            <numerusform>За один раз можно отправить не более %n снимка.</numerusform>
            <numerusform>За один раз можно отправить не более %n снимков.</numerusform>
            <numerusform>За один раз можно отправить не более %n снимков.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is already in the list.</source>
        <translation>%1 уже есть в списке.</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>Не удалось прочитать %1: %2</translation>
    </message>
    <message>
        <source>%1 is larger than the %2 MB the server accepts per image.</source>
        <translation>%1 больше %2 МБ — предела сервера для одного снимка.</translation>
    </message>
    <message>
        <source>%1 is not a JPEG, PNG or PDF file.</source>
        <translation>%1 — не файл JPEG, PNG или PDF.</translation>
    </message>
    <message>
        <source>The AI consilium works through the clinic&apos;s server: sign in online first. Everything you typed stays as it is.</source>
        <translation>ИИ-консилиум работает через сервер клиники: сначала войдите в систему онлайн. Всё, что вы ввели, сохранится.</translation>
    </message>
    <message>
        <source>Open a patient&apos;s visit first.</source>
        <translation>Сначала откройте визит пациента.</translation>
    </message>
    <message>
        <source>Write the complaints in the report first: the AI needs them to work on the case.</source>
        <translation>Сначала впишите жалобы в заключение: без них ИИ не сможет разобрать случай.</translation>
    </message>
    <message>
        <source>Add the images first (JPEG, PNG or PDF).</source>
        <translation>Сначала добавьте снимки (JPEG, PNG или PDF).</translation>
    </message>
    <message>
        <source>Nothing in the report was changed.</source>
        <translation>В заключении ничего не изменилось.</translation>
    </message>
    <message>
        <source>The clinic&apos;s server cannot be reached, and the AI consilium works only through it. Check the network and try again; the report goes on being saved on this computer.</source>
        <translation>Сервер клиники недоступен, а ИИ-консилиум работает только через него. Проверьте сеть и повторите попытку; заключение по-прежнему сохраняется на этом компьютере.</translation>
    </message>
    <message>
        <source>Today&apos;s AI limit for you or for the clinic is used up. Try again in %1, or ask the clinic admin about the limit.</source>
        <translation>Дневной лимит ИИ (ваш или клиники) исчерпан. Повторите через %1 или обратитесь к администратору клиники насчёт лимита.</translation>
    </message>
    <message>
        <source>Today&apos;s AI limit for you or for the clinic is used up. Try again tomorrow, or ask the clinic admin about the limit.</source>
        <translation>Дневной лимит ИИ (ваш или клиники) исчерпан. Повторите завтра или обратитесь к администратору клиники насчёт лимита.</translation>
    </message>
    <message>
        <source>This server has no AI service set up. Ask the server&apos;s operator to configure it.</source>
        <translation>На этом сервере не настроен сервис ИИ. Попросите администратора сервера настроить его.</translation>
    </message>
    <message>
        <source>The clinic admin has turned the AI consilium off for this clinic. Ask the admin to turn it on on the Admin page.</source>
        <translation>Администратор клиники отключил ИИ-консилиум. Попросите администратора включить его на странице «Администрирование».</translation>
    </message>
    <message>
        <source>The AI&apos;s answer did not pass the checks (it was incomplete or malformed), so it is not shown. Try again; a second try usually works.</source>
        <translation>Ответ ИИ не прошёл проверку (неполный или повреждённый), поэтому не показан. Повторите запрос: обычно вторая попытка удаётся.</translation>
    </message>
    <message>
        <source>The AI service did not answer this time (busy or unavailable). Try again in a few minutes.</source>
        <translation>Сервис ИИ на этот раз не ответил (занят или недоступен). Повторите через несколько минут.</translation>
    </message>
    <message>
        <source>Only doctors may ask the AI consilium.</source>
        <translation>Обращаться к ИИ-консилиуму могут только врачи.</translation>
    </message>
    <message>
        <source>This patient&apos;s card has not reached the server yet. Wait until the sync indicator shows that everything is sent, then ask again.</source>
        <translation>Карточка этого пациента ещё не попала на сервер. Дождитесь, пока индикатор синхронизации покажет, что всё отправлено, и повторите запрос.</translation>
    </message>
    <message>
        <source>The server refused the request: %1</source>
        <translation>Сервер отклонил запрос: %1</translation>
    </message>
    <message>
        <source>Added to &quot;%1&quot; below your own text, marked as drafted with AI. Check it before you sign.</source>
        <translation>Добавлено в раздел «%1» под вашим текстом с пометкой «черновик ИИ». Проверьте перед подписанием.</translation>
    </message>
    <message>
        <source>Not added: only a draft you are writing can take AI text. Your report is unchanged.</source>
        <translation>Не добавлено: текст ИИ можно добавить только в черновик, который вы пишете. Заключение не изменилось.</translation>
    </message>
    <message>
        <source>The AI consilium drafts a differential diagnosis or a full consilium report from this visit&apos;s report. The patient&apos;s name, phone, address and number are never sent.</source>
        <translation>ИИ-консилиум готовит по заключению этого визита черновик дифференциального диагноза или полного консилиума. Имя, телефон, адрес и номер пациента никогда не отправляются.</translation>
    </message>
    <message>
        <source>AI requests left for you today: %1 of %2.</source>
        <translation>Осталось запросов к ИИ на сегодня: %1 из %2.</translation>
    </message>
    <message>
        <source>Answer la&amp;nguage:</source>
        <translation>Язык о&amp;твета:</translation>
    </message>
    <message>
        <source>Depth:</source>
        <translation>Глубина:</translation>
    </message>
    <message>
        <source>Quic&amp;k differential</source>
        <translation>&amp;Быстрый дифференциальный</translation>
    </message>
    <message>
        <source>&amp;Full consilium</source>
        <translation>По&amp;лный консилиум</translation>
    </message>
    <message>
        <source>Clarifying q&amp;uestions first</source>
        <translation>Сначала уточняющие вопросы</translation>
    </message>
    <message>
        <source>Ask &amp;the AI</source>
        <translation>Сп&amp;росить ИИ</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Answer what you know; empty answers are left out</source>
        <translation>Ответьте на то, что знаете; пустые ответы не отправляются</translation>
    </message>
    <message>
        <source>Images of this visit (ultrasound, X-ray; JPEG, PNG or PDF)</source>
        <translation>Снимки этого визита (УЗИ, рентген; JPEG, PNG или PDF)</translation>
    </message>
    <message>
        <source>&amp;Study:</source>
        <translation>Иссл&amp;едование:</translation>
    </message>
    <message>
        <source>Ultrasound</source>
        <translation>УЗИ</translation>
    </message>
    <message>
        <source>X-ray</source>
        <translation>Рентген</translation>
    </message>
    <message>
        <source>CT</source>
        <translation>КТ</translation>
    </message>
    <message>
        <source>MRI</source>
        <translation>МРТ</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Другое</translation>
    </message>
    <message>
        <source>Add i&amp;mages…</source>
        <translation>Добавить снимки…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Fin&amp;dings from the images</source>
        <translation>&amp;Находки на снимках</translation>
    </message>
    <message>
        <source>Add to the report:</source>
        <translation>Добавить в заключение:</translation>
    </message>
    <message>
        <source>%1 ✓</source>
        <translation>%1 ✓</translation>
    </message>
    <message>
        <source>1/4 Sending the case to the clinic&apos;s server…</source>
        <translation>1/4 Отправка случая на сервер клиники…</translation>
    </message>
    <message>
        <source>2/4 Waiting for the AI model (a full consilium can take a few minutes)…</source>
        <translation>2/4 Ожидание модели ИИ (полный консилиум может занять несколько минут)…</translation>
    </message>
    <message>
        <source>3/4 Checking the answer…</source>
        <translation>3/4 Проверка ответа…</translation>
    </message>
    <message>
        <source>4/4 Done.</source>
        <translation>4/4 Готово.</translation>
    </message>
    <message>
        <source>Stopped: see the message below.</source>
        <translation>Остановлено: см. сообщение ниже.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Отменено.</translation>
    </message>
    <message>
        <source>Drafted by the AI model %1 on %2. %3</source>
        <translation>Черновик подготовлен моделью ИИ %1, %2. %3</translation>
    </message>
    <message>
        <source>AI consilium</source>
        <translation>ИИ-консилиум</translation>
    </message>
</context>
<context>
    <name>medora::ApiClient</name>
    <message>
        <source>The CA certificate file %1 cannot be read: %2</source>
        <translation>Не удалось прочитать файл CA-сертификата %1: %2</translation>
    </message>
    <message>
        <source>The CA certificate file %1 is too large.</source>
        <translation>Файл CA-сертификата %1 слишком большой.</translation>
    </message>
    <message>
        <source>The file %1 holds no PEM certificate.</source>
        <translation>В файле %1 нет сертификата PEM.</translation>
    </message>
</context>
<context>
    <name>medora::AuditClient</name>
    <message>
        <source>Choose a staff member from the list.</source>
        <translation>Выберите сотрудника из списка.</translation>
    </message>
    <message>
        <source>An action is an event name such as staff.create, or a group such as staff.</source>
        <translation>Действие — это имя события, например staff.create, или группа, например staff.</translation>
    </message>
    <message numerus="yes">
        <source>At most %n characters.</source>
        <translation>
            <numerusform>Не более %n символа.</numerusform>
            <numerusform>Не более %n символов.</numerusform>
            <numerusform>Не более %n символов.</numerusform>
        </translation>
    </message>
    <message>
        <source>The end of the period is before its start.</source>
        <translation>Конец периода раньше его начала.</translation>
    </message>
</context>
<context>
    <name>medora::AuditLogView</name>
    <message>
        <source>No events match the filters.</source>
        <translation>Нет событий, подходящих под фильтры.</translation>
    </message>
    <message numerus="yes">
        <source>Page %1: %n event(s).</source>
        <translation>
            <numerusform>Страница %1: %n событие.</numerusform>
            <numerusform>Страница %1: %n события.</numerusform>
            <numerusform>Страница %1: %n событий.</numerusform>
        </translation>
    </message>
    <message>
        <source>Only a clinic administrator may read the audit log.</source>
        <translation>Просматривать журнал аудита может только администратор клиники.</translation>
    </message>
    <message>
        <source>Action: %1</source>
        <translation>Действие: %1</translation>
    </message>
    <message>
        <source>Period: the last day is before the first.</source>
        <translation>Период: последний день раньше первого.</translation>
    </message>
    <message>
        <source>Patient or account id: %1</source>
        <translation>Идентификатор пациента или учётной записи: %1</translation>
    </message>
    <message numerus="yes">
        <source>Exporting… %n event(s) read.</source>
        <translation>
            <numerusform>Экспорт… прочитано %n событие.</numerusform>
            <numerusform>Экспорт… прочитано %n события.</numerusform>
            <numerusform>Экспорт… прочитано %n событий.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) exported to %1.</source>
        <translation>
            <numerusform>%n событие экспортировано в %1.</numerusform>
            <numerusform>%n события экспортированы в %1.</numerusform>
            <numerusform>%n событий экспортировано в %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Only the newest %n events were exported; narrow the period for the rest.</source>
        <translation>
            <numerusform>Экспортировано только %n самое новое событие; чтобы получить остальные, сузьте период.</numerusform>
            <numerusform>Экспортированы только %n самых новых события; чтобы получить остальные, сузьте период.</numerusform>
            <numerusform>Экспортировано только %n самых новых событий; чтобы получить остальные, сузьте период.</numerusform>
        </translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>Экспорт не удался: %1</translation>
    </message>
    <message>
        <source>&amp;Who:</source>
        <translation>Кт&amp;о:</translation>
    </message>
    <message>
        <source>any</source>
        <translation>любой</translation>
    </message>
    <message>
        <source>← &amp;Newer</source>
        <translation>← &amp;Новые</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>&amp;Экспорт в CSV…</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Кто</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Объект</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <source>Patient or account id</source>
        <translation>Идентификатор пациента или учётной записи</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Первый день</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Последний день</translation>
    </message>
    <message>
        <source>Anything</source>
        <translation>Всё</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>Все</translation>
    </message>
    <message>
        <source>Sign-ins and sessions</source>
        <translation>Входы и сеансы</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Вход</translation>
    </message>
    <message>
        <source>Failed sign-in</source>
        <translation>Неудачный вход</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Выход</translation>
    </message>
    <message>
        <source>Session renewed</source>
        <translation>Сеанс продлён</translation>
    </message>
    <message>
        <source>Stolen session token ended</source>
        <translation>Завершён сеанс с похищенным токеном</translation>
    </message>
    <message>
        <source>Sessions ended</source>
        <translation>Сеансы завершены</translation>
    </message>
    <message>
        <source>Staff accounts</source>
        <translation>Учётные записи сотрудников</translation>
    </message>
    <message>
        <source>Account created</source>
        <translation>Учётная запись создана</translation>
    </message>
    <message>
        <source>Account changed</source>
        <translation>Учётная запись изменена</translation>
    </message>
    <message>
        <source>Role changed</source>
        <translation>Роль изменена</translation>
    </message>
    <message>
        <source>Account disabled</source>
        <translation>Учётная запись отключена</translation>
    </message>
    <message>
        <source>Account enabled</source>
        <translation>Учётная запись включена</translation>
    </message>
    <message>
        <source>Password reset</source>
        <translation>Пароль сброшен</translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation>Пароль изменён</translation>
    </message>
    <message>
        <source>Failed password change</source>
        <translation>Неудачная смена пароля</translation>
    </message>
    <message>
        <source>Clinic created</source>
        <translation>Клиника создана</translation>
    </message>
    <message>
        <source>Letterhead changed</source>
        <translation>Бланк клиники изменён</translation>
    </message>
    <message>
        <source>Patient records</source>
        <translation>Записи пациентов</translation>
    </message>
    <message>
        <source>Patient registered</source>
        <translation>Пациент зарегистрирован</translation>
    </message>
    <message>
        <source>Patient changed</source>
        <translation>Данные пациента изменены</translation>
    </message>
    <message>
        <source>Patient deleted</source>
        <translation>Пациент удалён</translation>
    </message>
    <message>
        <source>Patient records read</source>
        <translation>Просмотр записей пациентов</translation>
    </message>
    <message>
        <source>Sync conflict</source>
        <translation>Конфликт синхронизации</translation>
    </message>
    <message>
        <source>Sync history compacted</source>
        <translation>История синхронизации сжата</translation>
    </message>
    <message>
        <source>Report signed</source>
        <translation>Заключение подписано</translation>
    </message>
    <message>
        <source>Reading the audit log from the server…</source>
        <translation>Загрузка журнала аудита с сервера…</translation>
    </message>
    <message>
        <source>server operator</source>
        <translation>оператор сервера</translation>
    </message>
    <message>
        <source>audit-log</source>
        <translation>журнал-аудита</translation>
    </message>
    <message>
        <source>Export the audit log</source>
        <translation>Экспорт журнала аудита</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Файлы CSV (*.csv)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Экспорт…</translation>
    </message>
    <message>
        <source>Wha&amp;t:</source>
        <translation>&amp;Что:</translation>
    </message>
    <message>
        <source>Patient or account &amp;id:</source>
        <translation>Ид&amp;ентификатор пациента или учётной записи:</translation>
    </message>
    <message>
        <source>Pe&amp;riod:</source>
        <translation>Перио&amp;д:</translation>
    </message>
    <message>
        <source>Sh&amp;ow</source>
        <translation>Пока&amp;зать</translation>
    </message>
    <message>
        <source>Ol&amp;der →</source>
        <translation>Стар&amp;ые →</translation>
    </message>
    <message>
        <source>Audit log entries</source>
        <translation>Записи журнала аудита</translation>
    </message>
</context>
<context>
    <name>medora::CashSummaryView</name>
    <message>
        <source>&amp;Day:</source>
        <translation>&amp;День:</translation>
    </message>
    <message>
        <source>Day of the cash summary</source>
        <translation>День кассового отчёта</translation>
    </message>
    <message>
        <source>Print the cash summary</source>
        <translation>Напечатать кассовый отчёт</translation>
    </message>
    <message>
        <source>By payment method</source>
        <translation>По способам оплаты</translation>
    </message>
    <message>
        <source>By receptionist</source>
        <translation>По регистраторам</translation>
    </message>
    <message>
        <source>Totals by payment method</source>
        <translation>Итоги по способам оплаты</translation>
    </message>
    <message>
        <source>Totals by receptionist</source>
        <translation>Итоги по регистраторам</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Способ оплаты</translation>
    </message>
    <message>
        <source>Received, so&apos;m</source>
        <translation>Принято, сум</translation>
    </message>
    <message>
        <source>Refunded, so&apos;m</source>
        <translation>Возвращено, сум</translation>
    </message>
    <message>
        <source>Net, so&apos;m</source>
        <translation>Итого, сум</translation>
    </message>
    <message>
        <source>Receptionist</source>
        <translation>Регистратор</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Всего</translation>
    </message>
    <message>
        <source>Net for %1: %2 (payments: %3, refunds: %4)</source>
        <translation>Итого за %1: %2 (платежей: %3, возвратов: %4)</translation>
    </message>
    <message>
        <source>The summary was not printed: %1</source>
        <translation>Отчёт не напечатан: %1</translation>
    </message>
    <message>
        <source>P&amp;rint summary</source>
        <translation>Напе&amp;чатать отчёт</translation>
    </message>
</context>
<context>
    <name>medora::ChangePasswordDialog</name>
    <message>
        <source>Choose a new password</source>
        <translation>Выберите новый пароль</translation>
    </message>
    <message>
        <source>Your account needs a password of your own before you can continue. Use %1 to %2 characters; a long phrase is easier to remember and harder to guess.</source>
        <translation>Чтобы продолжить, задайте собственный пароль учётной записи. Используйте от %1 до %2 символов; длинную фразу легче запомнить и труднее угадать.</translation>
    </message>
    <message>
        <source>&amp;Current password:</source>
        <translation>&amp;Текущий пароль:</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>&amp;Новый пароль:</translation>
    </message>
    <message>
        <source>&amp;Repeat the new password:</source>
        <translation>&amp;Повторите новый пароль:</translation>
    </message>
    <message>
        <source>&amp;Change password</source>
        <translation>&amp;Сменить пароль</translation>
    </message>
    <message>
        <source>Enter your current password.</source>
        <translation>Введите текущий пароль.</translation>
    </message>
    <message>
        <source>The two new passwords differ.</source>
        <translation>Новые пароли не совпадают.</translation>
    </message>
</context>
<context>
    <name>medora::ChartHeader</name>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>No patient open. Call the next patient (F6) or choose one in your queue.</source>
        <translation>Пациент не открыт. Вызовите следующего пациента (F6) или выберите пациента в своей очереди.</translation>
    </message>
    <message>
        <source>male</source>
        <translation>мужчина</translation>
    </message>
    <message>
        <source>female</source>
        <translation>женщина</translation>
    </message>
    <message>
        <source>Allergies:</source>
        <translation>Аллергии:</translation>
    </message>
    <message>
        <source>Current medications:</source>
        <translation>Принимаемые лекарства:</translation>
    </message>
    <message>
        <source>none recorded</source>
        <translation>не указаны</translation>
    </message>
    <message>
        <source>Allergies</source>
        <translation>Аллергии</translation>
    </message>
    <message>
        <source>Current medications</source>
        <translation>Принимаемые лекарства</translation>
    </message>
    <message>
        <source>Patient summary</source>
        <translation>Сводка о пациенте</translation>
    </message>
    <message numerus="yes">
        <source>born %1%2 (age %n)</source>
        <translation>
            <numerusform>дата рождения %1%2 (%n год)</numerusform>
            <numerusform>дата рождения %1%2 (%n года)</numerusform>
            <numerusform>дата рождения %1%2 (%n лет)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>medora::ChartHistoryView</name>
    <message>
        <source>Visit of %1, ticket %2: %3</source>
        <translation>Визит %1, талон %2: %3</translation>
    </message>
    <message>
        <source>Queued: %1</source>
        <translation>Поставлен в очередь: %1</translation>
    </message>
    <message>
        <source>Called: %1</source>
        <translation>Вызван: %1</translation>
    </message>
    <message>
        <source>Started: %1</source>
        <translation>Начало приёма: %1</translation>
    </message>
    <message>
        <source>Finished: %1</source>
        <translation>Окончание приёма: %1</translation>
    </message>
    <message>
        <source>Reception&apos;s note: %1</source>
        <translation>Примечание регистратуры: %1</translation>
    </message>
    <message>
        <source>Visits and reports, newest first</source>
        <translation>Визиты и заключения, сначала новые</translation>
    </message>
    <message>
        <source>Chosen report, read-only</source>
        <translation>Выбранное заключение, только для чтения</translation>
    </message>
</context>
<context>
    <name>medora::ChartTimelineModel</name>
    <message>
        <source>%1 — visit, ticket %2 (%3)</source>
        <translation>%1 — визит, талон %2 (%3)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>signed</source>
        <translation>подписано</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>черновик</translation>
    </message>
    <message>
        <source>%1 — report, %2</source>
        <translation>%1 — заключение, %2</translation>
    </message>
    <message>
        <source>%1 — report, %2: %3</source>
        <translation>%1 — заключение, %2: %3</translation>
    </message>
    <message>
        <source>[addenda: %1]</source>
        <translation>[дополнений: %1]</translation>
    </message>
</context>
<context>
    <name>medora::ConflictDialog</name>
    <message>
        <source>Sync conflicts</source>
        <translation>Конфликты синхронизации</translation>
    </message>
    <message>
        <source>These records were changed on this PC and elsewhere since they were last synced. Both versions are kept until you decide.</source>
        <translation>Эти записи после последней синхронизации изменены и на этом компьютере, и в другом месте. Обе версии хранятся, пока вы не примете решение.</translation>
    </message>
    <message>
        <source>Open conflicts</source>
        <translation>Нерешённые конфликты</translation>
    </message>
    <message>
        <source>No conflict waits for a decision.</source>
        <translation>Нет конфликтов, ожидающих решения.</translation>
    </message>
    <message>
        <source>Choose, for every field, the value to keep. The result is saved as a new change and sent to the server.</source>
        <translation>Для каждого поля выберите, какое значение оставить. Результат сохраняется как новое изменение и отправляется на сервер.</translation>
    </message>
    <message>
        <source>Keep all from &amp;this PC</source>
        <translation>Оставить всё с &amp;этого компьютера</translation>
    </message>
    <message>
        <source>Take all from the &amp;server</source>
        <translation>Взять всё с &amp;сервера</translation>
    </message>
    <message>
        <source>The same draft report was edited in two places. Drafts are never merged: choose the version to keep. The other version is deleted.</source>
        <translation>Один и тот же черновик заключения редактировали в двух местах. Черновики никогда не объединяются: выберите версию, которую оставить. Другая версия будет удалена.</translation>
    </message>
    <message>
        <source>Draft as the server has it</source>
        <translation>Черновик в том виде, как он на сервере</translation>
    </message>
    <message>
        <source>Edit from this PC, kept as a copy</source>
        <translation>Правка с этого компьютера, сохранённая как копия</translation>
    </message>
    <message>
        <source>Keep the draft from the ser&amp;ver</source>
        <translation>Оставить черновик с се&amp;рвера</translation>
    </message>
    <message>
        <source>Keep the draft from this &amp;PC</source>
        <translation>Оставить черновик с этого &amp;компьютера</translation>
    </message>
    <message>
        <source>&amp;Apply decision</source>
        <translation>&amp;Применить решение</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Закрыть</translation>
    </message>
    <message>
        <source>Found %1</source>
        <translation>Обнаружен: %1</translation>
    </message>
    <message>
        <source>On this PC</source>
        <translation>На этом компьютере</translation>
    </message>
    <message>
        <source>On the server</source>
        <translation>На сервере</translation>
    </message>
    <message>
        <source>Keep this PC&apos;s value</source>
        <translation>Оставить значение с этого компьютера</translation>
    </message>
    <message>
        <source>%1: keep this PC&apos;s value</source>
        <translation>%1: оставить значение с этого компьютера</translation>
    </message>
    <message>
        <source>Take the server&apos;s value</source>
        <translation>Взять значение с сервера</translation>
    </message>
    <message>
        <source>%1: take the server&apos;s value</source>
        <translation>%1: взять значение с сервера</translation>
    </message>
    <message>
        <source>This draft could not be read from the local store.</source>
        <translation>Не удалось прочитать этот черновик из локальной базы.</translation>
    </message>
    <message>
        <source>Last changed: %1</source>
        <translation>Последнее изменение: %1</translation>
    </message>
    <message>
        <source>The conflicts could not be read: %1</source>
        <translation>Не удалось прочитать конфликты: %1</translation>
    </message>
    <message>
        <source>The decision was not saved. Both versions are still kept.</source>
        <translation>Решение не сохранено. Обе версии по-прежнему хранятся.</translation>
    </message>
    <message>
        <source>The decision was not saved: %1
Both versions are still kept.</source>
        <translation>Решение не сохранено: %1
Обе версии по-прежнему хранятся.</translation>
    </message>
</context>
<context>
    <name>medora::ConsentDialog</name>
    <message>
        <source>Terms of use and privacy policy</source>
        <translation>Условия использования и политика конфиденциальности</translation>
    </message>
    <message>
        <source>Read the terms</source>
        <translation>Прочитать условия</translation>
    </message>
    <message>
        <source>The terms of use or the privacy policy have changed (terms version %1, privacy policy version %2). Please read them and accept them to continue working.</source>
        <translation>Условия использования или политика конфиденциальности изменились (условия — редакция %1, политика — редакция %2). Прочитайте и примите их, чтобы продолжить работу.</translation>
    </message>
    <message>
        <source>Terms of use version %1 and privacy policy version %2.</source>
        <translation>Условия использования, редакция %1; политика конфиденциальности, редакция %2.</translation>
    </message>
    <message>
        <source>Terms of use</source>
        <translation>Условия использования</translation>
    </message>
    <message>
        <source>Privacy policy</source>
        <translation>Политика конфиденциальности</translation>
    </message>
    <message>
        <source>I have read and accept the terms of use and the privacy policy</source>
        <translation>Я прочитал(а) и принимаю условия использования и политику конфиденциальности</translation>
    </message>
    <message>
        <source>&amp;Accept and continue</source>
        <translation>&amp;Принять и продолжить</translation>
    </message>
    <message>
        <source>Decline and sign out</source>
        <translation>Отказаться и выйти</translation>
    </message>
</context>
<context>
    <name>medora::DoctorCabinet</name>
    <message>
        <source>The report could not be started: %1</source>
        <translation>Не удалось начать заключение: %1</translation>
    </message>
    <message>
        <source>Start the visit (F7) to write its report.</source>
        <translation>Чтобы написать заключение, начните приём (F7).</translation>
    </message>
    <message>
        <source>This visit has no report.</source>
        <translation>У этого визита нет заключения.</translation>
    </message>
    <message>
        <source>Only doctors print reports from the cabinet.</source>
        <translation>Печатать заключения из кабинета могут только врачи.</translation>
    </message>
    <message>
        <source>Open a report first: the visit&apos;s report, or one in the chart&apos;s history.</source>
        <translation>Сначала откройте заключение: по текущему визиту или из истории карты.</translation>
    </message>
    <message>
        <source>The PDF was not written: %1</source>
        <translation>PDF-файл не записан: %1</translation>
    </message>
    <message>
        <source>Saved as %1</source>
        <translation>Сохранено: %1</translation>
    </message>
    <message>
        <source>report-%1-%2.pdf</source>
        <translation>заключение-%1-%2.pdf</translation>
    </message>
    <message>
        <source>Doctor&apos;s cabinet</source>
        <translation>Кабинет врача</translation>
    </message>
    <message>
        <source>The doctor&apos;s cabinet is for doctors. Patients&apos; reports are not shown to other roles.</source>
        <translation>Кабинет врача предназначен для врачей. Заключения пациентов другим ролям не показываются.</translation>
    </message>
    <message>
        <source>Call the next patient</source>
        <translation>Вызвать следующего пациента</translation>
    </message>
    <message>
        <source>Start the visit</source>
        <translation>Начать приём</translation>
    </message>
    <message>
        <source>Finish the visit</source>
        <translation>Завершить приём</translation>
    </message>
    <message>
        <source>Print the report as PDF</source>
        <translation>Напечатать заключение или сохранить в PDF</translation>
    </message>
    <message>
        <source>&amp;Visit report</source>
        <translation>Заклю&amp;чение</translation>
    </message>
    <message>
        <source>Hist&amp;ory</source>
        <translation>&amp;История</translation>
    </message>
    <message>
        <source>Open a patient&apos;s visit first: the AI works on the visit&apos;s report.</source>
        <translation>Сначала откройте визит пациента: ИИ работает с заключением визита.</translation>
    </message>
    <message>
        <source>Working diagnosis: %1</source>
        <translation>Рабочий диагноз: %1</translation>
    </message>
    <message>
        <source>AI consilium</source>
        <translation>ИИ-&amp;консилиум</translation>
    </message>
</context>
<context>
    <name>medora::ForgotPasswordDialog</name>
    <message>
        <source>Forgotten password</source>
        <translation>Восстановление пароля</translation>
    </message>
    <message>
        <source>Enter the phone number or the e-mail address of your account. If it belongs to an account, a one-time code is sent there.</source>
        <translation>Введите номер телефона или адрес электронной почты вашей учётной записи. Если он привязан к учётной записи, туда придёт одноразовый код.</translation>
    </message>
    <message>
        <source>&amp;Phone or e-mail:</source>
        <translation>&amp;Телефон или эл. почта:</translation>
    </message>
    <message>
        <source>+998 90 123 45 67 or name@example.uz</source>
        <translation>+998 90 123 45 67 или name@example.uz</translation>
    </message>
    <message>
        <source>Send &amp;code</source>
        <translation>Отправить &amp;код</translation>
    </message>
    <message numerus="yes">
        <source>If an account has this phone number or e-mail address, a code is on its way. It is valid for %n minute(s) and works once.</source>
        <translation>
            <numerusform>Если к этому номеру или адресу привязана учётная запись, код уже отправлен. Он действует %n минуту и только один раз.</numerusform>
            <numerusform>Если к этому номеру или адресу привязана учётная запись, код уже отправлен. Он действует %n минуты и только один раз.</numerusform>
            <numerusform>Если к этому номеру или адресу привязана учётная запись, код уже отправлен. Он действует %n минут и только один раз.</numerusform>
        </translation>
    </message>
    <message>
        <source>C&amp;ode:</source>
        <translation>К&amp;од:</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>&amp;Новый пароль:</translation>
    </message>
    <message>
        <source>&amp;Repeat the new password:</source>
        <translation>По&amp;вторите новый пароль:</translation>
    </message>
    <message>
        <source>at least 8 characters</source>
        <translation>не менее 8 символов</translation>
    </message>
    <message>
        <source>&amp;Set the new password</source>
        <translation>&amp;Сохранить новый пароль</translation>
    </message>
    <message>
        <source>Send a new code</source>
        <translation>Отправить новый код</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Enter the phone number or the e-mail address of your account.</source>
        <translation>Введите номер телефона или адрес электронной почты вашей учётной записи.</translation>
    </message>
    <message>
        <source>Enter the 6-digit code from the message.</source>
        <translation>Введите 6-значный код из сообщения.</translation>
    </message>
    <message>
        <source>The new password must have at least 8 characters.</source>
        <translation>Новый пароль должен содержать не менее 8 символов.</translation>
    </message>
    <message>
        <source>The two new passwords are not the same.</source>
        <translation>Новые пароли не совпадают.</translation>
    </message>
</context>
<context>
    <name>medora::LetterheadClient</name>
    <message numerus="yes">
        <source>At most %n characters.</source>
        <translation>
            <numerusform>Не более %n символа.</numerusform>
            <numerusform>Не более %n символов.</numerusform>
            <numerusform>Не более %n символов.</numerusform>
        </translation>
    </message>
    <message>
        <source>Only letters, digits, punctuation and line breaks.</source>
        <translation>Только буквы, цифры, знаки препинания и переносы строк.</translation>
    </message>
    <message>
        <source>Only letters, digits and punctuation, on one line.</source>
        <translation>Только буквы, цифры и знаки препинания, в одну строку.</translation>
    </message>
    <message>
        <source>The logo is larger than %1 KiB.</source>
        <translation>Логотип больше %1 КБ.</translation>
    </message>
    <message>
        <source>The logo is not a PNG picture.</source>
        <translation>Логотип не является изображением PNG.</translation>
    </message>
    <message>
        <source>The logo may be at most %1 × %1 pixels.</source>
        <translation>Логотип может быть не больше %1 × %1 пикс.</translation>
    </message>
    <message>
        <source>The picture is too large to use as a logo.</source>
        <translation>Изображение слишком большое для логотипа.</translation>
    </message>
    <message>
        <source>The file is not a picture this program can read.</source>
        <translation>Файл не является изображением, которое может прочитать программа.</translation>
    </message>
    <message>
        <source>The picture could not be converted to PNG.</source>
        <translation>Не удалось преобразовать изображение в PNG.</translation>
    </message>
    <message>
        <source>The logo is larger than %1 KiB even when reduced; choose a simpler picture.</source>
        <translation>Даже после уменьшения логотип больше %1 КБ; выберите более простое изображение.</translation>
    </message>
</context>
<context>
    <name>medora::LetterheadDialog</name>
    <message>
        <source>Letterhead</source>
        <translation>Бланк клиники</translation>
    </message>
    <message>
        <source>Every printout (reports, receipts, tickets) starts with this letterhead.</source>
        <translation>Этот бланк печатается в начале каждого документа (заключения, чека, талона).</translation>
    </message>
    <message>
        <source>(not known yet)</source>
        <translation>(пока неизвестно)</translation>
    </message>
    <message>
        <source>The clinic&apos;s name is set on the server by its operator.</source>
        <translation>Название клиники задаёт на сервере его оператор.</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>+998 71 200-00-00</source>
        <translation>+998 71 200-00-00</translation>
    </message>
    <message>
        <source>Footer</source>
        <translation>Нижний колонтитул</translation>
    </message>
    <message>
        <source>For example the licence number</source>
        <translation>Например, номер лицензии</translation>
    </message>
    <message>
        <source>Logo preview</source>
        <translation>Предпросмотр логотипа</translation>
    </message>
    <message>
        <source>Choose logo…</source>
        <translation>Выбрать логотип…</translation>
    </message>
    <message>
        <source>Remove logo</source>
        <translation>Удалить логотип</translation>
    </message>
    <message>
        <source>Clinic:</source>
        <translation>Клиника:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Адрес:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Телефон:</translation>
    </message>
    <message>
        <source>&amp;Footer:</source>
        <translation>&amp;Нижний колонтитул:</translation>
    </message>
    <message>
        <source>Logo:</source>
        <translation>Логотип:</translation>
    </message>
    <message>
        <source>You are offline: the letterhead can be changed only while Medora is connected to the server.</source>
        <translation>Вы работаете офлайн: бланк клиники можно изменить, только когда Medora подключена к серверу.</translation>
    </message>
    <message>
        <source>You are offline: the letterhead can be changed only while Medora is connected to the server. Your changes stay here; save again when the connection is back.</source>
        <translation>Вы работаете офлайн: бланк клиники можно изменить, только когда Medora подключена к серверу. Ваши изменения остаются здесь; сохраните снова, когда связь восстановится.</translation>
    </message>
    <message>
        <source>Choose the clinic&apos;s logo</source>
        <translation>Выберите логотип клиники</translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg *.bmp *.gif)</source>
        <translation>Изображения (*.png *.jpg *.jpeg *.bmp *.gif)</translation>
    </message>
    <message>
        <source>No logo</source>
        <translation>Нет логотипа</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Сохранение…</translation>
    </message>
    <message>
        <source>The server cannot be reached, so the letterhead was not saved. Your changes stay here; save again when the connection is back.</source>
        <translation>Сервер недоступен, поэтому бланк клиники не сохранён. Ваши изменения остаются здесь; сохраните снова, когда связь восстановится.</translation>
    </message>
    <message>
        <source>Only a clinic administrator may change the letterhead.</source>
        <translation>Изменять бланк клиники может только администратор клиники.</translation>
    </message>
    <message>
        <source>Too long.</source>
        <translation>Слишком длинно.</translation>
    </message>
    <message>
        <source>Only letters, digits and punctuation.</source>
        <translation>Только буквы, цифры и знаки препинания.</translation>
    </message>
    <message>
        <source>The server did not accept the logo as a PNG picture. Choose another picture.</source>
        <translation>Сервер не принял логотип как изображение PNG. Выберите другое изображение.</translation>
    </message>
    <message>
        <source>The logo is too large. Choose a smaller picture.</source>
        <translation>Логотип слишком большой. Выберите изображение меньшего размера.</translation>
    </message>
</context>
<context>
    <name>medora::LockScreen</name>
    <message>
        <source>Medora — locked</source>
        <translation>Medora — заблокировано</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Пароль:</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Разблокировать</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>В&amp;ыйти</translation>
    </message>
    <message>
        <source>&amp;Sign in…</source>
        <translation>&amp;Войти…</translation>
    </message>
    <message>
        <source>Medora is locked</source>
        <translation>Medora заблокирована</translation>
    </message>
    <message>
        <source>%1 (%2) is signed in. Enter the password to continue.</source>
        <translation>В системе: %1 (%2). Чтобы продолжить, введите пароль.</translation>
    </message>
    <message>
        <source>Sign in to Medora</source>
        <translation>Вход в Medora</translation>
    </message>
    <message>
        <source>Connecting to the server…</source>
        <translation>Подключение к серверу…</translation>
    </message>
    <message>
        <source>Nobody is signed in on this computer. Sign in to see the patient data.</source>
        <translation>На этом компьютере никто не вошёл в систему. Войдите, чтобы увидеть данные пациентов.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Введите пароль.</translation>
    </message>
    <message>
        <source>The password is wrong.</source>
        <translation>Неверный пароль.</translation>
    </message>
    <message>
        <source>Wait %1 before the next attempt.</source>
        <translation>Подождите %1 перед следующей попыткой.</translation>
    </message>
    <message>
        <source>The password was entered wrong too many times. Try again in %1.</source>
        <translation>Пароль слишком много раз введён неверно. Повторите через %1.</translation>
    </message>
    <message>
        <source>This computer cannot check your password. Sign out, then sign in again.</source>
        <translation>Этот компьютер не может проверить ваш пароль. Выйдите и войдите снова.</translation>
    </message>
</context>
<context>
    <name>medora::LoginDialog</name>
    <message>
        <source>Sign in to the clinic server</source>
        <translation>Вход на сервер клиники</translation>
    </message>
    <message>
        <source>Sign in with the login or phone number and the password your clinic&apos;s administrator gave you. Without signing in, the patient registry on this computer keeps working.</source>
        <translation>Войдите с логином или номером телефона и паролем, которые выдал администратор клиники. Без входа реестр пациентов на этом компьютере продолжает работать.</translation>
    </message>
    <message>
        <source>Ser&amp;ver address:</source>
        <translation>&amp;Адрес сервера:</translation>
    </message>
    <message>
        <source>&amp;Login or phone:</source>
        <translation>&amp;Логин или телефон:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Пароль:</translation>
    </message>
    <message>
        <source>clinic.example.uz</source>
        <translation>clinic.example.uz</translation>
    </message>
    <message>
        <source>login or +998 90 123 45 67</source>
        <translation>логин или +998 90 123 45 67</translation>
    </message>
    <message>
        <source>Development mode: insecure http:// addresses are allowed. Passwords and tokens may travel unencrypted.</source>
        <translation>Режим разработки: разрешены небезопасные адреса http://. Пароли и токены могут передаваться без шифрования.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Выполняется вход…</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Войти</translation>
    </message>
    <message>
        <source>Enter the server address.</source>
        <translation>Введите адрес сервера.</translation>
    </message>
    <message>
        <source>Enter your login or phone number.</source>
        <translation>Введите логин или номер телефона.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Введите пароль.</translation>
    </message>
    <message>
        <source>The password was not changed, so you are not signed in.</source>
        <translation>Пароль не изменён, поэтому вход не выполнен.</translation>
    </message>
    <message>
        <source>&amp;Forgot password?</source>
        <translation>&amp;Забыли пароль?</translation>
    </message>
    <message>
        <source>&amp;Register a new clinic…</source>
        <translation>Зарегистрировать &amp;новую клинику…</translation>
    </message>
    <message>
        <source>Your password was changed and every earlier sign-in ended. Sign in with the new password.</source>
        <translation>Пароль изменён, все прежние сеансы завершены. Войдите с новым паролем.</translation>
    </message>
    <message>
        <source>Your clinic is registered. Signing in…</source>
        <translation>Клиника зарегистрирована. Выполняется вход…</translation>
    </message>
</context>
<context>
    <name>medora::MainWindow</name>
    <message>
        <source>Medora — patient registry</source>
        <translation>Medora — реестр пациентов</translation>
    </message>
    <message>
        <source>Search by name, phone or patient number</source>
        <translation>Поиск по имени, телефону или номеру пациента</translation>
    </message>
    <message>
        <source>Search patients</source>
        <translation>Поиск пациентов</translation>
    </message>
    <message>
        <source>Type part of a name in Latin or Cyrillic letters, a phone number or a patient number. Down arrow moves into the list, Escape clears.</source>
        <translation>Введите часть имени латиницей или кириллицей, номер телефона или номер пациента. Стрелка вниз переводит в список, Esc очищает поиск.</translation>
    </message>
    <message>
        <source>&amp;New patient</source>
        <translation>&amp;Новый пациент</translation>
    </message>
    <message>
        <source>Register a new patient</source>
        <translation>Зарегистрировать нового пациента</translation>
    </message>
    <message>
        <source>Patients</source>
        <translation>Пациенты</translation>
    </message>
    <message>
        <source>Medora does not replace a doctor&apos;s judgement.</source>
        <translation>Medora не заменяет решение врача.</translation>
    </message>
    <message>
        <source>&amp;Patient</source>
        <translation>&amp;Пациент</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <source>&amp;New patient…</source>
        <translation>&amp;Новый пациент…</translation>
    </message>
    <message>
        <source>&amp;Open patient…</source>
        <translation>&amp;Открыть карточку пациента…</translation>
    </message>
    <message>
        <source>&amp;Find patient</source>
        <translation>Н&amp;айти пациента</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <source>The registry is empty. Press %1 to register the first patient.</source>
        <translation>Реестр пуст. Нажмите %1, чтобы зарегистрировать первого пациента.</translation>
    </message>
    <message>
        <source>Patients in the registry: %L1</source>
        <translation>Пациентов в реестре: %L1</translation>
    </message>
    <message>
        <source>No patient matches “%1”. Press %2 to register a new patient.</source>
        <translation>По запросу «%1» пациентов не найдено. Нажмите %2, чтобы зарегистрировать нового пациента.</translation>
    </message>
    <message>
        <source>Found more than %L1 of %L2; the best %L1 are listed. Type more to narrow the search.</source>
        <translation>Найдено больше %L1 из %L2; показаны %L1 наиболее подходящих. Уточните запрос, чтобы сузить поиск.</translation>
    </message>
    <message>
        <source>Found: %L1 of %L2</source>
        <translation>Найдено: %L1 из %L2</translation>
    </message>
    <message>
        <source>The patient could not be opened: %1</source>
        <translation>Не удалось открыть карточку пациента: %1</translation>
    </message>
    <message>
        <source>This visit was not recorded in the recent patients: %1</source>
        <translation>Этот визит не записан в список недавних пациентов: %1</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>&amp;Учётная запись</translation>
    </message>
    <message>
        <source>&amp;Sign in…</source>
        <translation>&amp;Войти…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>В&amp;ыйти</translation>
    </message>
    <message>
        <source>The system keychain did not keep the sign-in, so you will sign in again next time: %1</source>
        <translation>Системное хранилище ключей не сохранило вход, поэтому в следующий раз придётся войти снова: %1</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2) at %3</source>
        <translation>Вход выполнен: %1 (%2), %3</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Выполняется вход…</translation>
    </message>
    <message>
        <source>Connecting to the server…</source>
        <translation>Подключение к серверу…</translation>
    </message>
    <message>
        <source>Working offline</source>
        <translation>Работа офлайн</translation>
    </message>
    <message>
        <source>insecure HTTP allowed (development mode)</source>
        <translation>разрешён небезопасный HTTP (режим разработки)</translation>
    </message>
    <message>
        <source>S&amp;ync</source>
        <translation>&amp;Синхронизация</translation>
    </message>
    <message>
        <source>Sync &amp;now</source>
        <translation>Синхронизировать &amp;сейчас</translation>
    </message>
    <message>
        <source>Send the changes made here and fetch the server&apos;s now.</source>
        <translation>Отправить сделанные здесь изменения и сразу получить изменения с сервера.</translation>
    </message>
    <message>
        <source>Sync &amp;errors…</source>
        <translation>&amp;Ошибки синхронизации…</translation>
    </message>
    <message>
        <source>&amp;Conflicts…</source>
        <translation>&amp;Конфликты…</translation>
    </message>
    <message>
        <source>Signed in without the server: changes stay on this computer and will sync when the server is reachable.</source>
        <translation>Вход выполнен без сервера: изменения остаются на этом компьютере и будут синхронизированы, когда сервер станет доступен.</translation>
    </message>
    <message>
        <source>Offline sign-in on this computer is not available: %1</source>
        <translation>Офлайн-вход на этом компьютере недоступен: %1</translation>
    </message>
    <message>
        <source>Working offline as %1 (%2)</source>
        <translation>Работа офлайн: %1 (%2)</translation>
    </message>
    <message>
        <source>Sync status</source>
        <translation>Состояние синхронизации</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Настройки…</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Сочетания клавиш</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Спра&amp;вка</translation>
    </message>
    <message>
        <source>Show page %1</source>
        <translation>Показать страницу %1</translation>
    </message>
    <message>
        <source>Settings need the server connection, which this window does not have.</source>
        <translation>Для настроек нужно подключение к серверу, а у этого окна его нет.</translation>
    </message>
    <message>
        <source>Everywhere</source>
        <translation>Везде</translation>
    </message>
</context>
<context>
    <name>medora::MyQueuePanel</name>
    <message>
        <source>(patient not on this computer yet)</source>
        <translation>(пациента ещё нет на этом компьютере)</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Срочно</translation>
    </message>
    <message>
        <source>Choose a patient in your queue first.</source>
        <translation>Сначала выберите пациента в своей очереди.</translation>
    </message>
    <message>
        <source>My &amp;queue — %1</source>
        <translation>&amp;Моя очередь — %1</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Талон</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Пациент</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>My queue</source>
        <translation>Моя очередь</translation>
    </message>
    <message>
        <source>Call next (F6)</source>
        <translation>Вызвать следующего (F6)</translation>
    </message>
    <message>
        <source>Start (F7)</source>
        <translation>Начать приём (F7)</translation>
    </message>
    <message>
        <source>Finish (F8)</source>
        <translation>Завершить приём (F8)</translation>
    </message>
    <message>
        <source>Did not come</source>
        <translation>Не пришёл</translation>
    </message>
    <message>
        <source>Call the next patient</source>
        <translation>Вызвать следующего пациента</translation>
    </message>
    <message>
        <source>Start the visit</source>
        <translation>Начать приём</translation>
    </message>
    <message>
        <source>Finish the visit</source>
        <translation>Завершить приём</translation>
    </message>
    <message>
        <source>Mark the called patient as absent</source>
        <translation>Отметить, что вызванный пациент не пришёл</translation>
    </message>
</context>
<context>
    <name>medora::OneTimePasswordDialog</name>
    <message>
        <source>One-time password</source>
        <translation>Одноразовый пароль</translation>
    </message>
    <message>
        <source>The one-time password of %1 (login %2) is shown only now. Give it to them: they choose their own password when they first sign in.</source>
        <translation>Одноразовый пароль для сотрудника %1 (логин %2) показывается только сейчас. Передайте его сотруднику: при первом входе он задаст собственный пароль.</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Копировать</translation>
    </message>
</context>
<context>
    <name>medora::PatientDialog</name>
    <message>
        <source>New patient</source>
        <translation>Новый пациент</translation>
    </message>
    <message>
        <source>Edit patient — %1</source>
        <translation>Изменение данных пациента — %1</translation>
    </message>
    <message>
        <source>Patient number: %1</source>
        <translation>Номер пациента: %1</translation>
    </message>
    <message>
        <source>&amp;Last name</source>
        <translation>&amp;Фамилия</translation>
    </message>
    <message>
        <source>&amp;First name</source>
        <translation>&amp;Имя</translation>
    </message>
    <message>
        <source>F&amp;ather&apos;s name</source>
        <translation>&amp;Отчество</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Пол</translation>
    </message>
    <message>
        <source>&amp;Date of birth</source>
        <translation>&amp;Дата рождения</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>&amp;Телефон</translation>
    </message>
    <message>
        <source>Add&amp;ress</source>
        <translation>&amp;Адрес</translation>
    </message>
    <message>
        <source>All&amp;ergies</source>
        <translation>Алл&amp;ергии</translation>
    </message>
    <message>
        <source>Current &amp;medications</source>
        <translation>&amp;Принимаемые лекарства</translation>
    </message>
    <message>
        <source>&amp;Chronic conditions and history</source>
        <translation>&amp;Хронические заболевания и анамнез</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Заметки</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Мужской</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Женский</translation>
    </message>
    <message>
        <source>Sex: male</source>
        <translation>Пол: мужской</translation>
    </message>
    <message>
        <source>Sex: female</source>
        <translation>Пол: женский</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Необязательно</translation>
    </message>
    <message>
        <source>dd.mm.yyyy</source>
        <translation>дд.мм.гггг</translation>
    </message>
    <message>
        <source>Date of birth &amp;unknown — enter the age in years</source>
        <translation>Дата рождения &amp;неизвестна — указать возраст в годах</translation>
    </message>
    <message>
        <source>A&amp;ge in years:</source>
        <translation>&amp;Возраст (полных лет):</translation>
    </message>
    <message>
        <source>Age in years</source>
        <translation>Возраст в годах</translation>
    </message>
    <message>
        <source>Drugs, foods or materials, and the reaction</source>
        <translation>Лекарства, продукты или материалы и реакция на них</translation>
    </message>
    <message>
        <source>Name, dose and how often</source>
        <translation>Название, доза и кратность приёма</translation>
    </message>
    <message>
        <source>This patient may already be registered:</source>
        <translation>Возможно, этот пациент уже зарегистрирован:</translation>
    </message>
    <message>
        <source>Open the existing patient, or press “Save anyway” if this is a different person.</source>
        <translation>Откройте найденного пациента или нажмите «Всё равно сохранить», если это другой человек.</translation>
    </message>
    <message>
        <source>&amp;Open existing patient</source>
        <translation>Открыть &amp;карточку найденного пациента</translation>
    </message>
    <message>
        <source>Patients already registered</source>
        <translation>Уже зарегистрированные пациенты</translation>
    </message>
    <message>
        <source>&amp;Save anyway</source>
        <translation>Всё равно &amp;сохранить</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Сохранить</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Enter the age in whole years.</source>
        <translation>Укажите возраст в полных годах.</translation>
    </message>
    <message>
        <source>Enter the date of birth, or tick “Date of birth unknown” and enter the age.</source>
        <translation>Укажите дату рождения или отметьте «Дата рождения неизвестна» и укажите возраст.</translation>
    </message>
    <message>
        <source>Enter the date as dd.mm.yyyy, for example 25.03.1984.</source>
        <translation>Введите дату в виде дд.мм.гггг, например 25.03.1984.</translation>
    </message>
    <message>
        <source>The patient registry is not open.</source>
        <translation>Реестр пациентов не открыт.</translation>
    </message>
    <message>
        <source>The patient was not saved: %1
Everything you typed is still here; correct the problem and press Save again.</source>
        <translation>Пациент не сохранён: %1
Всё, что вы ввели, осталось на месте; устраните причину и снова нажмите «Сохранить».</translation>
    </message>
    <message>
        <source>Discard what you typed?</source>
        <translation>Отказаться от введённых данных?</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Отказаться</translation>
    </message>
    <message>
        <source>&amp;Keep editing</source>
        <translation>&amp;Продолжить ввод</translation>
    </message>
</context>
<context>
    <name>medora::PatientListModel</name>
    <message>
        <source>(no longer in the registry)</source>
        <translation>(больше нет в реестре)</translation>
    </message>
    <message>
        <source>Estimated from the age given at registration</source>
        <translation>Рассчитана приблизительно по возрасту, указанному при регистрации</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>ФИО</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Дата рождения</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Возраст</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>Sync: %1. %2</source>
        <translation>Синхронизация: %1. %2</translation>
    </message>
</context>
<context>
    <name>medora::PatientPicker</name>
    <message>
        <source>Name, phone or patient number</source>
        <translation>Имя, телефон или номер пациента</translation>
    </message>
    <message>
        <source>Search patients</source>
        <translation>Поиск пациентов</translation>
    </message>
    <message>
        <source>Patients found</source>
        <translation>Найденные пациенты</translation>
    </message>
    <message>
        <source>&amp;Find the patient</source>
        <translation>На&amp;йти пациента</translation>
    </message>
</context>
<context>
    <name>medora::PatientRegistry</name>
    <message>
        <source>The data folder %1 cannot be created or is not a folder. Choose another folder or check its permissions.</source>
        <translation>Не удаётся создать папку данных %1, или это не папка. Выберите другую папку или проверьте права доступа.</translation>
    </message>
</context>
<context>
    <name>medora::PaymentDialog</name>
    <message>
        <source>No photo attached</source>
        <translation>Фото не прикреплено</translation>
    </message>
    <message>
        <source>&amp;Amount</source>
        <translation>&amp;Сумма</translation>
    </message>
    <message>
        <source>&amp;Method</source>
        <translation>Сп&amp;особ оплаты</translation>
    </message>
    <message>
        <source>&amp;Visit</source>
        <translation>&amp;Визит</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Примечание</translation>
    </message>
    <message>
        <source>Receipt &amp;photo</source>
        <translation>&amp;Фото чека</translation>
    </message>
    <message>
        <source>Take a payment</source>
        <translation>Приём оплаты</translation>
    </message>
    <message>
        <source>Patient: %1 (%2)</source>
        <translation>Пациент: %1 (%2)</translation>
    </message>
    <message>
        <source>so&apos;m</source>
        <translation>сум</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Необязательно</translation>
    </message>
    <message>
        <source>Attach a photo of the receipt</source>
        <translation>Прикрепить фото чека</translation>
    </message>
    <message>
        <source>Remove the attached photo</source>
        <translation>Удалить прикреплённое фото</translation>
    </message>
    <message>
        <source>P&amp;rint a receipt</source>
        <translation>Напечатать &amp;чек</translation>
    </message>
    <message>
        <source>&amp;Take payment</source>
        <translation>Принять опла&amp;ту</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Not linked to a visit</source>
        <translation>Без привязки к визиту</translation>
    </message>
    <message>
        <source>Unknown doctor</source>
        <translation>Неизвестный врач</translation>
    </message>
    <message>
        <source>Ticket %1 — %2 (%3)</source>
        <translation>Талон %1 — %2 (%3)</translation>
    </message>
    <message>
        <source>Photos (*.jpg *.jpeg *.png *.webp *.bmp *.gif *.tif *.tiff *.heic);;All files (*)</source>
        <translation>Фотографии (*.jpg *.jpeg *.png *.webp *.bmp *.gif *.tif *.tiff *.heic);;Все файлы (*)</translation>
    </message>
    <message>
        <source>The payment was not saved: %1
Everything you typed is still here; correct the problem and press “Take payment” again.</source>
        <translation>Платёж не сохранён: %1
Всё, что вы ввели, осталось на месте; устраните причину и снова нажмите «Принять оплату».</translation>
    </message>
    <message>
        <source>Discard this payment without saving it?</source>
        <translation>Отказаться от этого платежа без сохранения?</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Отказаться</translation>
    </message>
    <message>
        <source>&amp;Keep editing</source>
        <translation>&amp;Продолжить ввод</translation>
    </message>
    <message>
        <source>Atta&amp;ch photo…</source>
        <translation>При&amp;крепить фото…</translation>
    </message>
    <message>
        <source>R&amp;emove</source>
        <translation>&amp;Удалить</translation>
    </message>
</context>
<context>
    <name>medora::PaymentService</name>
    <message>
        <source>Cash</source>
        <translation>Наличные</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Карта</translation>
    </message>
    <message>
        <source>Bank transfer</source>
        <translation>Банковский перевод</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Другое</translation>
    </message>
    <message>
        <source>The file “%1” does not exist.</source>
        <translation>Файл «%1» не найден.</translation>
    </message>
    <message>
        <source>The photo is %1 MiB; at most %2 MiB can be attached.</source>
        <translation>Размер фото — %1 МБ; прикрепить можно не более %2 МБ.</translation>
    </message>
    <message>
        <source>The file “%1” cannot be read: %2</source>
        <translation>Не удалось прочитать файл «%1»: %2</translation>
    </message>
    <message>
        <source>The file “%1” is not a photo (JPEG, PNG, WebP, BMP, GIF, TIFF or HEIC).</source>
        <translation>Файл «%1» не является фотографией (JPEG, PNG, WebP, BMP, GIF, TIFF или HEIC).</translation>
    </message>
    <message>
        <source>Choose the patient who pays.</source>
        <translation>Выберите пациента, который платит.</translation>
    </message>
    <message>
        <source>Choose how the patient pays.</source>
        <translation>Выберите способ оплаты.</translation>
    </message>
    <message>
        <source>The chosen visit is not one of this patient&apos;s visits.</source>
        <translation>Выбранный визит не относится к этому пациенту.</translation>
    </message>
    <message>
        <source>The note is %1 characters long; at most %2 are kept.</source>
        <translation>Примечание слишком длинное (символов: %1); допускается не более %2.</translation>
    </message>
    <message>
        <source>The folder %1 cannot be created.</source>
        <translation>Не удалось создать папку %1.</translation>
    </message>
    <message>
        <source>The photo cannot be read: %1</source>
        <translation>Не удалось прочитать фото: %1</translation>
    </message>
    <message>
        <source>The photo cannot be copied to %1: %2</source>
        <translation>Не удалось скопировать фото в %1: %2</translation>
    </message>
</context>
<context>
    <name>medora::PaymentsPanel</name>
    <message>
        <source>Taken at</source>
        <translation>Время оплаты</translation>
    </message>
    <message>
        <source>Amount, so&apos;m</source>
        <translation>Сумма, сум</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Способ оплаты</translation>
    </message>
    <message>
        <source>Taken by</source>
        <translation>Кем принят</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>The patient&apos;s payments</source>
        <translation>Платежи пациента</translation>
    </message>
    <message>
        <source>&amp;Take payment…</source>
        <translation>При&amp;нять оплату…</translation>
    </message>
    <message>
        <source>Take a payment from the patient</source>
        <translation>Принять оплату от пациента</translation>
    </message>
    <message>
        <source>&amp;Reverse…</source>
        <translation>Сторн&amp;ировать…</translation>
    </message>
    <message>
        <source>Reverse the selected payment</source>
        <translation>Сторнировать выбранный платёж</translation>
    </message>
    <message>
        <source>Print the receipt of the selected payment</source>
        <translation>Напечатать чек выбранного платежа</translation>
    </message>
    <message>
        <source>Open the attached photo of the receipt</source>
        <translation>Открыть прикреплённое фото чека</translation>
    </message>
    <message>
        <source>Payments of %1 (%2)</source>
        <translation>Платежи пациента %1 (%2)</translation>
    </message>
    <message>
        <source>Find a patient on the left to see and take their payments.</source>
        <translation>Найдите пациента слева, чтобы увидеть его платежи и принять оплату.</translation>
    </message>
    <message>
        <source>Reversal</source>
        <translation>Сторно</translation>
    </message>
    <message>
        <source>Reversed</source>
        <translation>Сторнирован</translation>
    </message>
    <message>
        <source>Photo attached</source>
        <translation>Фото прикреплено</translation>
    </message>
    <message>
        <source>%1, photo attached</source>
        <translation>%1, фото прикреплено</translation>
    </message>
    <message>
        <source>Unknown staff member</source>
        <translation>Неизвестный сотрудник</translation>
    </message>
    <message>
        <source>Reverse the payment</source>
        <translation>Сторнирование платежа</translation>
    </message>
    <message>
        <source>Reverse the payment of %1 (%3) taken on %2?

The payment stays in the ledger and a reversing entry of the same amount is added. Give the money back to the patient.</source>
        <translation>Сторнировать платёж на сумму %1 (%3), принятый %2?

Платёж останется в журнале, и будет добавлена сторнирующая запись на ту же сумму. Верните деньги пациенту.</translation>
    </message>
    <message>
        <source>&amp;Reverse payment</source>
        <translation>&amp;Сторнировать платёж</translation>
    </message>
    <message>
        <source>&amp;Keep it</source>
        <translation>&amp;Оставить</translation>
    </message>
    <message>
        <source>The payment was not reversed: %1</source>
        <translation>Платёж не сторнирован: %1</translation>
    </message>
    <message>
        <source>The receipt was not printed: %1</source>
        <translation>Чек не напечатан: %1</translation>
    </message>
    <message>
        <source>The receipt photo is on the computer where the payment was taken, not on this one.</source>
        <translation>Фото чека хранится на компьютере, где принимали оплату, а не на этом.</translation>
    </message>
    <message>
        <source>No program on this computer opens the photo %1.</source>
        <translation>На этом компьютере нет программы, которая может открыть фото %1.</translation>
    </message>
    <message>
        <source>Print rec&amp;eipt</source>
        <translation>Печать &amp;чека</translation>
    </message>
    <message>
        <source>Receipt ph&amp;oto</source>
        <translation>&amp;Фото чека</translation>
    </message>
</context>
<context>
    <name>medora::PhrasePicker</name>
    <message>
        <source>No phrases for this section in this template.</source>
        <translation>В этом шаблоне нет фраз для этого раздела.</translation>
    </message>
    <message>
        <source>Specialty template</source>
        <translation>Шаблон специальности</translation>
    </message>
    <message>
        <source>Phrases for: %1</source>
        <translation>Фразы для раздела: %1</translation>
    </message>
    <message>
        <source>Template phrases for %1</source>
        <translation>Фразы шаблона для раздела: %1</translation>
    </message>
    <message>
        <source>Inserts the chosen phrase at the cursor of the section being written</source>
        <translation>Вставляет выбранную фразу в позицию курсора в редактируемом разделе</translation>
    </message>
    <message>
        <source>Sp&amp;ecialty template:</source>
        <translation>&amp;Шаблон специальности:</translation>
    </message>
    <message>
        <source>&amp;Insert phrase</source>
        <translation>Вставить &amp;фразу</translation>
    </message>
</context>
<context>
    <name>medora::PrintActions</name>
    <message>
        <source>Print</source>
        <translation>Печать</translation>
    </message>
    <message>
        <source>Print this document, or save it as a PDF file?</source>
        <translation>Напечатать этот документ или сохранить его в PDF-файл?</translation>
    </message>
    <message>
        <source>Print “%1”, or save it as a PDF file?</source>
        <translation>Напечатать «%1» или сохранить в PDF-файл?</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Печать…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Сохранить в PDF…</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Сохранить в PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Файлы PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Print: %1</source>
        <translation>Печать: %1</translation>
    </message>
    <message>
        <source>document</source>
        <translation>документ</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>Печать…</translation>
    </message>
    <message>
        <source>Saving the PDF…</source>
        <translation>Сохранение PDF…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>Печать</translation>
    </message>
    <message>
        <source>Page %1 of %2…</source>
        <translation>Страница %1 из %2…</translation>
    </message>
    <message>
        <source>The printer did not accept the printout. Check that it is switched on and has paper, then print again.</source>
        <translation>Принтер не принял задание. Проверьте, что он включён и в нём есть бумага, затем повторите печать.</translation>
    </message>
    <message>
        <source>%1 Choose another folder or file name and save again.</source>
        <translation>%1 Выберите другую папку или другое имя файла и сохраните снова.</translation>
    </message>
    <message>
        <source>The PDF was not saved.</source>
        <translation>PDF-файл не сохранён.</translation>
    </message>
    <message>
        <source>Printing failed</source>
        <translation>Ошибка печати</translation>
    </message>
</context>
<context>
    <name>medora::QueueModel</name>
    <message>
        <source>(patient not yet on this PC)</source>
        <translation>(пациента ещё нет на этом компьютере)</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Талон</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Пациент</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Приоритет</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Queued at</source>
        <translation>В очереди с</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Примечание</translation>
    </message>
    <message>
        <source>%1 (twice!)</source>
        <translation>%1 (дважды!)</translation>
    </message>
    <message>
        <source>Another computer gave out the same ticket for this doctor and day: call these patients by name.</source>
        <translation>Другой компьютер выдал такой же талон к этому врачу на этот день: вызывайте этих пациентов по фамилии.</translation>
    </message>
</context>
<context>
    <name>medora::QueuePanel</name>
    <message>
        <source>&amp;Doctor:</source>
        <translation>Вр&amp;ач:</translation>
    </message>
    <message>
        <source>Doctor whose queue is shown</source>
        <translation>Врач, чья очередь показана</translation>
    </message>
    <message>
        <source>&amp;Urgent</source>
        <translation>Сроч&amp;но</translation>
    </message>
    <message>
        <source>Urgent: goes before everyone not urgent</source>
        <translation>Срочно: раньше всех несрочных</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>При&amp;мечание:</translation>
    </message>
    <message>
        <source>Note for the queue</source>
        <translation>Примечание для очереди</translation>
    </message>
    <message>
        <source>Optional, e.g. “repeat visit”</source>
        <translation>Необязательно, например «повторный приём»</translation>
    </message>
    <message>
        <source>Add the patient to the doctor&apos;s queue</source>
        <translation>Добавить пациента в очередь к врачу</translation>
    </message>
    <message>
        <source>Today&apos;s queue</source>
        <translation>Очередь на сегодня</translation>
    </message>
    <message>
        <source>Move the patient one place up</source>
        <translation>Переместить пациента на одно место выше</translation>
    </message>
    <message>
        <source>Move the patient one place down</source>
        <translation>Переместить пациента на одно место ниже</translation>
    </message>
    <message>
        <source>Mark that the patient did not come</source>
        <translation>Отметить, что пациент не пришёл</translation>
    </message>
    <message>
        <source>&amp;Back to the queue</source>
        <translation>Вернуть в оч&amp;ередь</translation>
    </message>
    <message>
        <source>Print the ticket of the selected patient again</source>
        <translation>Повторно напечатать талон выбранного пациента</translation>
    </message>
    <message>
        <source>No doctors yet: sign in once to load the clinic&apos;s staff</source>
        <translation>Врачей пока нет: войдите в систему, чтобы загрузить список сотрудников клиники</translation>
    </message>
    <message>
        <source>Patient: %1 (%2)</source>
        <translation>Пациент: %1 (%2)</translation>
    </message>
    <message>
        <source>Patient: find one on the left first</source>
        <translation>Пациент: сначала найдите его слева</translation>
    </message>
    <message>
        <source>Waiting: %1</source>
        <translation>Ожидают: %1</translation>
    </message>
    <message>
        <source>Not ur&amp;gent</source>
        <translation>Не сро&amp;чно</translation>
    </message>
    <message>
        <source>Ur&amp;gent</source>
        <translation>Сро&amp;чно</translation>
    </message>
    <message>
        <source>Make the visit not urgent</source>
        <translation>Сделать визит несрочным</translation>
    </message>
    <message>
        <source>Make the visit urgent</source>
        <translation>Сделать визит срочным</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Пациент</translation>
    </message>
    <message>
        <source>Doctor</source>
        <translation>Врач</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>День</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Примечание</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>The patient was not queued: %1</source>
        <translation>Пациент не поставлен в очередь: %1</translation>
    </message>
    <message>
        <source>The ticket was not printed: %1</source>
        <translation>Талон не напечатан: %1</translation>
    </message>
    <message>
        <source>P&amp;rint the ticket</source>
        <translation>Печатать &amp;талон</translation>
    </message>
    <message>
        <source>Add &amp;to queue</source>
        <translation>&amp;Добавить в очередь</translation>
    </message>
    <message>
        <source>Mo&amp;ve up</source>
        <translation>Вы&amp;ше</translation>
    </message>
    <message>
        <source>Move dow&amp;n</source>
        <translation>Ни&amp;же</translation>
    </message>
    <message>
        <source>Canc&amp;el visit</source>
        <translation>Отменить ви&amp;зит</translation>
    </message>
    <message>
        <source>D&amp;id not come</source>
        <translation>Не пр&amp;ишёл</translation>
    </message>
    <message>
        <source>Print tic&amp;ket</source>
        <translation>Печать талона</translation>
    </message>
</context>
<context>
    <name>medora::QueueService</name>
    <message>
        <source>The queue could not be changed.</source>
        <translation>Не удалось изменить очередь.</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Ожидает</translation>
    </message>
    <message>
        <source>Called</source>
        <translation>Вызван</translation>
    </message>
    <message>
        <source>With the doctor</source>
        <translation>У врача</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Завершён</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Отменён</translation>
    </message>
    <message>
        <source>Did not come</source>
        <translation>Не пришёл</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Срочный</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Обычный</translation>
    </message>
    <message>
        <source>Choose a patient.</source>
        <translation>Выберите пациента.</translation>
    </message>
    <message>
        <source>Choose a doctor.</source>
        <translation>Выберите врача.</translation>
    </message>
    <message>
        <source>Choose the day of the visit.</source>
        <translation>Выберите день визита.</translation>
    </message>
    <message>
        <source>The queue of a past day cannot be changed.</source>
        <translation>Очередь за прошедший день изменить нельзя.</translation>
    </message>
    <message>
        <source>The note is %1 characters long; at most %2 are kept.</source>
        <translation>Примечание слишком длинное (символов: %1); допускается не более %2.</translation>
    </message>
    <message>
        <source>The patient is already in this doctor&apos;s queue for that day (ticket %1).</source>
        <translation>Пациент уже стоит в очереди к этому врачу на этот день (талон %1).</translation>
    </message>
    <message>
        <source>The patient could not be queued.</source>
        <translation>Не удалось поставить пациента в очередь.</translation>
    </message>
    <message>
        <source>This queue entry no longer exists.</source>
        <translation>Этой записи в очереди больше нет.</translation>
    </message>
    <message>
        <source>Only a waiting patient can be moved in the queue.</source>
        <translation>Перемещать в очереди можно только ожидающего пациента.</translation>
    </message>
    <message>
        <source>A patient moves one place at a time.</source>
        <translation>Пациента можно перемещать только на одно место за раз.</translation>
    </message>
    <message>
        <source>The patient is already first in the queue.</source>
        <translation>Пациент уже первый в очереди.</translation>
    </message>
    <message>
        <source>The patient is already last in the queue.</source>
        <translation>Пациент уже последний в очереди.</translation>
    </message>
    <message>
        <source>The priority of a finished or cancelled visit cannot change.</source>
        <translation>Приоритет завершённого или отменённого визита изменить нельзя.</translation>
    </message>
    <message>
        <source>A visit that is “%1” cannot become “%2”.</source>
        <translation>Визит в состоянии «%1» нельзя перевести в состояние «%2».</translation>
    </message>
</context>
<context>
    <name>medora::ReceptionDesk</name>
    <message>
        <source>Reception desk</source>
        <translation>Регистратура</translation>
    </message>
    <message>
        <source>&amp;Queue</source>
        <translation>&amp;Очередь</translation>
    </message>
    <message>
        <source>Ca&amp;sh summary</source>
        <translation>Кассов&amp;ый отчёт</translation>
    </message>
    <message>
        <source>Queue, payments and cash</source>
        <translation>Очередь, оплата и касса</translation>
    </message>
    <message>
        <source>Add to queue</source>
        <translation>Добавить в очередь</translation>
    </message>
    <message>
        <source>Take payment…</source>
        <translation>Принять оплату…</translation>
    </message>
    <message>
        <source>Move up in the queue</source>
        <translation>Переместить выше в очереди</translation>
    </message>
    <message>
        <source>Move down in the queue</source>
        <translation>Переместить ниже в очереди</translation>
    </message>
    <message>
        <source>Print the queue ticket</source>
        <translation>Напечатать талон очереди</translation>
    </message>
    <message>
        <source>Print the patient card</source>
        <translation>Напечатать карточку пациента</translation>
    </message>
    <message>
        <source>Cash summary</source>
        <translation>Кассовый отчёт</translation>
    </message>
    <message>
        <source>&amp;Waiting room screen</source>
        <translation>&amp;Экран зала ожидания</translation>
    </message>
    <message>
        <source>Open the screen of called tickets for the waiting room (%1)</source>
        <translation>Открыть экран вызванных талонов для зала ожидания (%1)</translation>
    </message>
    <message>
        <source>Open the waiting room screen</source>
        <translation>Открыть экран зала ожидания</translation>
    </message>
    <message>
        <source>Show on screen</source>
        <translation>Показать на экране</translation>
    </message>
    <message>
        <source>Print patient &amp;card</source>
        <translation>Печать ка&amp;рточки пациента</translation>
    </message>
    <message>
        <source>Print the card of the selected patient</source>
        <translation>Напечатать карточку выбранного пациента</translation>
    </message>
    <message>
        <source>Screen %1: %2 (%3 × %4)</source>
        <translation>Экран %1: %2 (%3 × %4)</translation>
    </message>
    <message>
        <source>Pay&amp;ments</source>
        <translation>Оп&amp;лата</translation>
    </message>
</context>
<context>
    <name>medora::ReceptionPrinter</name>
    <message>
        <source>The folder %1 cannot be created.</source>
        <translation>Не удалось создать папку %1.</translation>
    </message>
    <message>
        <source>The PDF file %1 could not be written.</source>
        <translation>Не удалось записать PDF-файл %1.</translation>
    </message>
</context>
<context>
    <name>medora::ReportEditor</name>
    <message>
        <source>The report was not signed because its last changes could not be saved: %1</source>
        <translation>Заключение не подписано, потому что не удалось сохранить последние изменения: %1</translation>
    </message>
    <message>
        <source>Sign the report</source>
        <translation>Подписание заключения</translation>
    </message>
    <message>
        <source>Sign this report now? A signed report can no longer be changed; a correction is written as an addendum.</source>
        <translation>Подписать заключение сейчас? Подписанное заключение изменить нельзя; исправления вносятся в виде дополнения.</translation>
    </message>
    <message>
        <source>&amp;Sign</source>
        <translation>&amp;Подписать</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Продолжить редактирование</translation>
    </message>
    <message>
        <source>The report was not signed: %1</source>
        <translation>Заключение не подписано: %1</translation>
    </message>
    <message>
        <source>The addendum was not started: %1</source>
        <translation>Не удалось начать дополнение: %1</translation>
    </message>
    <message>
        <source>An ICD-10 code reads like J06.9. Until it does, the code is not saved; the rest of the report is.</source>
        <translation>Код МКБ-10 имеет вид J06.9. Пока код введён не в этом виде, он не сохраняется; остальное заключение сохраняется.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Сохранение…</translation>
    </message>
    <message>
        <source>All changes saved at %1</source>
        <translation>Все изменения сохранены в %1</translation>
    </message>
    <message>
        <source>Draft: every change is saved as you type</source>
        <translation>Черновик: изменения сохраняются по мере ввода</translation>
    </message>
    <message>
        <source>Not saved: %1 What you typed is still here and is saved again with your next change.</source>
        <translation>Не сохранено: %1 Введённый текст остался на месте и будет сохранён при следующем изменении.</translation>
    </message>
    <message>
        <source>&amp;Complaints</source>
        <translation>&amp;Жалобы</translation>
    </message>
    <message>
        <source>E&amp;xamination</source>
        <translation>&amp;Осмотр</translation>
    </message>
    <message>
        <source>&amp;Diagnosis</source>
        <translation>&amp;Диагноз</translation>
    </message>
    <message>
        <source>&amp;Treatment plan</source>
        <translation>План &amp;лечения</translation>
    </message>
    <message>
        <source>&amp;Recommendations</source>
        <translation>Р&amp;екомендации</translation>
    </message>
    <message>
        <source>ICD-&amp;10 code:</source>
        <translation>Код МКБ-&amp;10:</translation>
    </message>
    <message>
        <source>ICD-10 code</source>
        <translation>Код МКБ-10</translation>
    </message>
    <message>
        <source>&amp;Sign report</source>
        <translation>Подписа&amp;ть заключение</translation>
    </message>
    <message>
        <source>Sign report</source>
        <translation>Подписать заключение</translation>
    </message>
    <message>
        <source>Insert a template phrase</source>
        <translation>Вставить фразу из шаблона</translation>
    </message>
    <message>
        <source>Save the draft now</source>
        <translation>Сохранить черновик сейчас</translation>
    </message>
    <message>
        <source>Visit report</source>
        <translation>Заключение врача</translation>
    </message>
    <message>
        <source>No report open.</source>
        <translation>Заключение не открыто.</translation>
    </message>
    <message>
        <source>Addendum to a signed report</source>
        <translation>Дополнение к подписанному заключению</translation>
    </message>
    <message>
        <source>signed %1, read-only</source>
        <translation>подписано %1, только для чтения</translation>
    </message>
    <message>
        <source>draft of another doctor, read-only</source>
        <translation>черновик другого врача, только для чтения</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>черновик</translation>
    </message>
    <message>
        <source>Ana&amp;mnesis</source>
        <translation>А&amp;намнез</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Заметки</translation>
    </message>
    <message>
        <source>&amp;Write an addendum</source>
        <translation>Н&amp;аписать дополнение</translation>
    </message>
    <message>
        <source>contains AI-drafted text</source>
        <translation>содержит текст, подготовленный ИИ</translation>
    </message>
    <message>
        <source>AI consilium draft</source>
        <translation>Черновик ИИ-консилиума</translation>
    </message>
</context>
<context>
    <name>medora::ScreenLocker</name>
    <message>
        <source>&amp;Lock screen</source>
        <translation>&amp;Заблокировать экран</translation>
    </message>
    <message>
        <source>Medora — locked</source>
        <translation>Medora — заблокировано</translation>
    </message>
</context>
<context>
    <name>medora::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>Clinic &amp;server:</source>
        <translation>&amp;Сервер клиники:</translation>
    </message>
    <message>
        <source>e.g. https://clinic.example.uz</source>
        <translation>например, https://clinic.example.uz</translation>
    </message>
    <message>
        <source>Clinic server address</source>
        <translation>Адрес сервера клиники</translation>
    </message>
    <message>
        <source>Development mode: http:// addresses are allowed, and passwords travel unencrypted to them.</source>
        <translation>Режим разработки: разрешены адреса http://, и пароли передаются на них без шифрования.</translation>
    </message>
    <message>
        <source>Only https:// addresses are accepted.</source>
        <translation>Принимаются только адреса https://.</translation>
    </message>
    <message>
        <source>Clinic &amp;CA certificate:</source>
        <translation>CA-сертификат &amp;клиники:</translation>
    </message>
    <message>
        <source>Only for a self-hosted server with its own certificate authority</source>
        <translation>Только для собственного сервера клиники со своим центром сертификации</translation>
    </message>
    <message>
        <source>Clinic CA certificate file</source>
        <translation>Файл CA-сертификата клиники</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Обзор…</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Язык:</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>Lock the screen after &amp;idle minutes:</source>
        <translation>&amp;Простой до блокировки, мин:</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Никогда</translation>
    </message>
    <message>
        <source>Idle minutes before the screen locks</source>
        <translation>Минуты простоя до блокировки экрана</translation>
    </message>
    <message>
        <source>0 means never. On shared clinic PCs keep it short.</source>
        <translation>0 — никогда. На общих компьютерах клиники задавайте небольшое значение.</translation>
    </message>
    <message>
        <source>Clinic CA certificate</source>
        <translation>CA-сертификат клиники</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation>Сертификаты PEM (*.pem *.crt);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Change the server</source>
        <translation>Смена сервера</translation>
    </message>
    <message>
        <source>Changing the server signs you out. The changes made on this PC stay here and are sent once you sign in again. Change it?</source>
        <translation>При смене сервера будет выполнен выход. Изменения, сделанные на этом компьютере, останутся здесь и будут отправлены, когда вы снова войдёте. Сменить сервер?</translation>
    </message>
    <message>
        <source>Clinic server: %1</source>
        <translation>Сервер клиники: %1</translation>
    </message>
    <message>
        <source>Clinic CA certificate: %1</source>
        <translation>CA-сертификат клиники: %1</translation>
    </message>
    <message>
        <source>This PC&apos;s &amp;ticket letter:</source>
        <translation>&amp;Буква талонов этого компьютера:</translation>
    </message>
    <message>
        <source>Ticket letter of this PC</source>
        <translation>Буква талонов этого компьютера</translation>
    </message>
    <message>
        <source>One Latin letter, A to Z</source>
        <translation>Одна латинская буква от A до Z</translation>
    </message>
    <message>
        <source>Queue tickets from this PC start with this letter, like A-017. Give every PC of the clinic a different letter, or two PCs will hand out the same ticket numbers.</source>
        <translation>Талоны очереди с этого компьютера начинаются с этой буквы, например A-017. Задайте каждому компьютеру клиники свою букву, иначе два компьютера будут выдавать одинаковые номера талонов.</translation>
    </message>
    <message>
        <source>Ticket letter: enter one Latin letter, A to Z.</source>
        <translation>Буква талонов: введите одну латинскую букву от A до Z.</translation>
    </message>
    <message>
        <source>Ticket letter: the local database could not save it (%1).</source>
        <translation>Буква талонов: локальная база данных не смогла её сохранить (%1).</translation>
    </message>
    <message>
        <source>Cl&amp;ear</source>
        <translation>О&amp;чистить</translation>
    </message>
</context>
<context>
    <name>medora::ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Сочетания клавиш</translation>
    </message>
    <message>
        <source>Everything in Medora can be done from the keyboard. Tab moves between fields; these keys do the rest.</source>
        <translation>Всё в Medora можно делать с клавиатуры. Tab переводит между полями, остальное делается этими клавишами.</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Клавиши</translation>
    </message>
</context>
<context>
    <name>medora::SignupDialog</name>
    <message>
        <source>Register a new clinic</source>
        <translation>Регистрация новой клиники</translation>
    </message>
    <message>
        <source>Register your clinic on this server. You become its administrator and can then add doctors and receptionists.</source>
        <translation>Зарегистрируйте клинику на этом сервере. Вы станете её администратором и сможете добавить врачей и регистраторов.</translation>
    </message>
    <message>
        <source>&amp;Clinic name:</source>
        <translation>&amp;Название клиники:</translation>
    </message>
    <message>
        <source>Your &amp;full name:</source>
        <translation>&amp;Ваше ФИО:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Телефон:</translation>
    </message>
    <message>
        <source>+998 90 123 45 67</source>
        <translation>+998 90 123 45 67</translation>
    </message>
    <message>
        <source>Send a new code</source>
        <translation>Отправить новый код</translation>
    </message>
    <message>
        <source>Send SMS c&amp;ode</source>
        <translation>Отправить SMS с к&amp;одом</translation>
    </message>
    <message>
        <source>Code from the SM&amp;S:</source>
        <translation>Код из &amp;SMS:</translation>
    </message>
    <message>
        <source>A code was sent to this phone. Enter it here.</source>
        <translation>На этот телефон отправлен код. Введите его здесь.</translation>
    </message>
    <message>
        <source>&amp;E-mail (optional):</source>
        <translation>&amp;Эл. почта (необязательно):</translation>
    </message>
    <message>
        <source>for password recovery</source>
        <translation>для восстановления пароля</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>&amp;Пароль:</translation>
    </message>
    <message>
        <source>at least 8 characters</source>
        <translation>не менее 8 символов</translation>
    </message>
    <message>
        <source>&amp;Repeat the password:</source>
        <translation>Повторите паро&amp;ль:</translation>
    </message>
    <message>
        <source>I &amp;accept the terms of use (version %1) and the privacy policy (version %2)</source>
        <translation>Я прин&amp;имаю условия использования (редакция %1) и политику конфиденциальности (редакция %2)</translation>
    </message>
    <message>
        <source>Read them…</source>
        <translation>Прочитать…</translation>
    </message>
    <message>
        <source>Medora does not replace a doctor&apos;s judgement.</source>
        <translation>Medora не заменяет суждение врача.</translation>
    </message>
    <message>
        <source>Re&amp;gister the clinic</source>
        <translation>&amp;Зарегистрировать клинику</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Enter the phone number first: the code is sent to it.</source>
        <translation>Сначала введите номер телефона: код придёт на него.</translation>
    </message>
    <message>
        <source>Enter the clinic&apos;s name.</source>
        <translation>Введите название клиники.</translation>
    </message>
    <message>
        <source>Enter your full name.</source>
        <translation>Введите ваше ФИО.</translation>
    </message>
    <message>
        <source>Enter your phone number.</source>
        <translation>Введите номер телефона.</translation>
    </message>
    <message>
        <source>Enter the code from the SMS. No code yet? Press &quot;Send SMS code&quot;.</source>
        <translation>Введите код из SMS. Кода ещё нет? Нажмите «Отправить SMS с кодом».</translation>
    </message>
    <message>
        <source>The password must have at least 8 characters.</source>
        <translation>Пароль должен содержать не менее 8 символов.</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>Пароли не совпадают.</translation>
    </message>
    <message>
        <source>To register, accept the terms of use and the privacy policy.</source>
        <translation>Чтобы зарегистрироваться, примите условия использования и политику конфиденциальности.</translation>
    </message>
    <message>
        <source>The terms of use could not be loaded. Try again.</source>
        <translation>Не удалось загрузить условия использования. Повторите попытку.</translation>
    </message>
</context>
<context>
    <name>medora::StaffClient</name>
    <message>
        <source>Enter a login.</source>
        <translation>Введите логин.</translation>
    </message>
    <message>
        <source>The login must be 3 to 32 characters: Latin letters a-z, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;.</source>
        <translation>Логин должен содержать от 3 до 32 символов: латинские буквы a-z, цифры, «.», «_» или «-».</translation>
    </message>
    <message>
        <source>Enter the full name.</source>
        <translation>Введите ФИО.</translation>
    </message>
    <message numerus="yes">
        <source>At most %n characters.</source>
        <translation>
            <numerusform>Не более %n символа.</numerusform>
            <numerusform>Не более %n символов.</numerusform>
            <numerusform>Не более %n символов.</numerusform>
        </translation>
    </message>
    <message>
        <source>Only letters, digits and punctuation, on one line.</source>
        <translation>Только буквы, цифры и знаки препинания, в одну строку.</translation>
    </message>
    <message>
        <source>Choose a role.</source>
        <translation>Выберите роль.</translation>
    </message>
    <message>
        <source>Enter an Uzbek number such as +998 90 123 45 67, or nothing.</source>
        <translation>Введите узбекистанский номер, например +998 90 123 45 67, или оставьте поле пустым.</translation>
    </message>
</context>
<context>
    <name>medora::StaffDialog</name>
    <message>
        <source>New staff member</source>
        <translation>Новый сотрудник</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Логин</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>ФИО</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Выберите…</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>optional, e.g. +998 90 123 45 67</source>
        <translation>необязательно, например +998 90 123 45 67</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Логин:</translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>&amp;ФИО:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Роль:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Телефон:</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Создать</translation>
    </message>
    <message>
        <source>Creating the account…</source>
        <translation>Создание учётной записи…</translation>
    </message>
    <message>
        <source>Name and phone of %1</source>
        <translation>ФИО и телефон: %1</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Saving the changes…</source>
        <translation>Изменения сохраняются…</translation>
    </message>
</context>
<context>
    <name>medora::StaffView</name>
    <message numerus="yes">
        <source>%n account(s).</source>
        <translation>
            <numerusform>%n учётная запись.</numerusform>
            <numerusform>%n учётные записи.</numerusform>
            <numerusform>%n учётных записей.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 can now sign in with the one-time password.</source>
        <translation>%1 теперь может войти с одноразовым паролем.</translation>
    </message>
    <message>
        <source>The account of %1 was changed.</source>
        <translation>Учётная запись сотрудника %1 изменена.</translation>
    </message>
    <message>
        <source>The password of %1 was reset; their sessions have ended.</source>
        <translation>Пароль сотрудника %1 сброшен; его сеансы завершены.</translation>
    </message>
    <message>
        <source>Every session of %1 has ended: they must sign in again.</source>
        <translation>Все сеансы сотрудника %1 завершены: ему нужно войти снова.</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>ФИО</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Логин</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>&amp;Обновить</translation>
    </message>
    <message>
        <source>&amp;New account…</source>
        <translation>&amp;Новая учётная запись…</translation>
    </message>
    <message>
        <source>Change &amp;role…</source>
        <translation>Сменить ро&amp;ль…</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Отключена</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Активна</translation>
    </message>
    <message>
        <source>Active, must set a password</source>
        <translation>Активна, нужно задать пароль</translation>
    </message>
    <message>
        <source>Reading the staff list from the server…</source>
        <translation>Загрузка списка сотрудников с сервера…</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Сотрудники</translation>
    </message>
    <message>
        <source>Change role</source>
        <translation>Сменить роль</translation>
    </message>
    <message>
        <source>New role of %1:</source>
        <translation>Новая роль сотрудника %1:</translation>
    </message>
    <message>
        <source>Make %1 a %2? Their sessions end and they sign in again with the new role.</source>
        <translation>Назначить сотруднику %1 роль «%2»? Его сеансы будут завершены, и он снова войдёт уже с новой ролью.</translation>
    </message>
    <message>
        <source>Disable the account of %1? They are signed out at once and can no longer sign in.</source>
        <translation>Отключить учётную запись сотрудника %1? Его сеансы сразу завершатся, и войти он больше не сможет.</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Отключить</translation>
    </message>
    <message>
        <source>Enable the account of %1 again?</source>
        <translation>Снова включить учётную запись сотрудника %1?</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Включить</translation>
    </message>
    <message>
        <source>Reset the password of %1? Their sessions end, and they sign in with a new one-time password that you give them.</source>
        <translation>Сбросить пароль сотрудника %1? Его сеансы будут завершены, а войти он сможет с новым одноразовым паролем, который вы ему передадите.</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>Сбросить пароль</translation>
    </message>
    <message>
        <source>End every session of %1? They must sign in again on every computer.</source>
        <translation>Завершить все сеансы сотрудника %1? Ему придётся снова войти на каждом компьютере.</translation>
    </message>
    <message>
        <source>End sessions</source>
        <translation>Завершить сеансы</translation>
    </message>
    <message>
        <source>Login: this login is already taken. Choose another.</source>
        <translation>Логин: этот логин уже занят. Выберите другой.</translation>
    </message>
    <message>
        <source>Phone: another account already has this number.</source>
        <translation>Телефон: этот номер уже указан в другой учётной записи.</translation>
    </message>
    <message>
        <source>Login: 3 to 32 characters, Latin letters a-z, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;.</source>
        <translation>Логин: от 3 до 32 символов — латинские буквы a-z, цифры, «.», «_» или «-».</translation>
    </message>
    <message>
        <source>Full name: 1 to 100 characters.</source>
        <translation>ФИО: от 1 до 100 символов.</translation>
    </message>
    <message>
        <source>Phone: not a valid Uzbek number.</source>
        <translation>Телефон: неверный узбекистанский номер.</translation>
    </message>
    <message>
        <source>You cannot disable your own account or take away your own administrator role.</source>
        <translation>Нельзя отключить собственную учётную запись или снять с себя роль администратора.</translation>
    </message>
    <message>
        <source>This account no longer exists. Refresh the list.</source>
        <translation>Этой учётной записи больше нет. Обновите список.</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>Ничего не изменено.</translation>
    </message>
    <message>
        <source>Role: choose one of the roles.</source>
        <translation>Роль: выберите одну из ролей.</translation>
    </message>
    <message>
        <source>A value was refused by the server (%1).</source>
        <translation>Сервер отклонил значение (%1).</translation>
    </message>
    <message>
        <source>Only a clinic administrator may manage staff accounts.</source>
        <translation>Управлять учётными записями сотрудников может только администратор клиники.</translation>
    </message>
    <message>
        <source>Na&amp;me and phone…</source>
        <translation>ФИО и теле&amp;фон…</translation>
    </message>
    <message>
        <source>Correct the full name or the phone number of the chosen account</source>
        <translation>Исправить ФИО или номер телефона выбранной учётной записи</translation>
    </message>
    <message>
        <source>Reset pass&amp;word…</source>
        <translation>Сброс&amp;ить пароль…</translation>
    </message>
    <message>
        <source>End sess&amp;ions…</source>
        <translation>&amp;Завершить сеансы…</translation>
    </message>
    <message>
        <source>Ena&amp;ble…</source>
        <translation>Вкл&amp;ючить…</translation>
    </message>
    <message>
        <source>Disa&amp;ble…</source>
        <translation>Откл&amp;ючить…</translation>
    </message>
    <message>
        <source>Staff accounts</source>
        <translation>Учётные записи сотрудников</translation>
    </message>
</context>
<context>
    <name>medora::StatisticsView</name>
    <message>
        <source>Last 7 days</source>
        <translation>Последние 7 дней</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Последние 30 дней</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Этот месяц</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Прошлый месяц</translation>
    </message>
    <message>
        <source>Chosen days</source>
        <translation>Выбранные дни</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>Дат&amp;ы:</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Первый день</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Последний день</translation>
    </message>
    <message>
        <source>Visits per day</source>
        <translation>Визиты по дням</translation>
    </message>
    <message>
        <source>Payments per method</source>
        <translation>Платежи по способам оплаты</translation>
    </message>
    <message>
        <source>Visits per doctor and status</source>
        <translation>Визиты по врачам и статусам</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Способ оплаты</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Платежей</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Возвращено</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Итого</translation>
    </message>
    <message>
        <source>Doctor</source>
        <translation>Врач</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Визиты</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Всего</translation>
    </message>
    <message>
        <source>Unknown doctor</source>
        <translation>Неизвестный врач</translation>
    </message>
    <message numerus="yes">
        <source>%1 – %2: %n visit(s); payments %3 net.</source>
        <translation>
            <numerusform>%1 – %2: %n визит; платежи за вычетом возвратов: %3.</numerusform>
            <numerusform>%1 – %2: %n визита; платежи за вычетом возвратов: %3.</numerusform>
            <numerusform>%1 – %2: %n визитов; платежи за вычетом возвратов: %3.</numerusform>
        </translation>
    </message>
    <message>
        <source>Pe&amp;riod:</source>
        <translation>Пери&amp;од:</translation>
    </message>
    <message>
        <source>Sh&amp;ow</source>
        <translation>Пока&amp;зать</translation>
    </message>
    <message>
        <source>Visits per doctor</source>
        <translation>Визиты по врачам</translation>
    </message>
    <message>
        <source>Visits per status</source>
        <translation>Визиты по статусам</translation>
    </message>
</context>
<context>
    <name>medora::SubscriptionClient</name>
    <message>
        <source>The file cannot be read: %1</source>
        <translation>Не удалось прочитать файл: %1</translation>
    </message>
    <message>
        <source>The receipt may be at most %1 MB.</source>
        <translation>Размер чека — не более %1 МБ.</translation>
    </message>
    <message>
        <source>The receipt must be a photo (JPEG or PNG) or a PDF.</source>
        <translation>Чек должен быть фотографией (JPEG или PNG) или PDF.</translation>
    </message>
</context>
<context>
    <name>medora::SubscriptionView</name>
    <message>
        <source>Receipts sent</source>
        <translation>Отправленные квитанции</translation>
    </message>
    <message>
        <source>The receipt was sent. The subscription is renewed as soon as it is approved.</source>
        <translation>Чек отправлен. Подписка будет продлена сразу после подтверждения.</translation>
    </message>
    <message>
        <source>Plan:</source>
        <translation>Тариф:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Состояние:</translation>
    </message>
    <message>
        <source>Paid until:</source>
        <translation>Оплачено до:</translation>
    </message>
    <message>
        <source>Amount paid (so‘m):</source>
        <translation>Оплаченная сумма (сум):</translation>
    </message>
    <message>
        <source>Choose rece&amp;ipt…</source>
        <translation>Выбрать &amp;чек…</translation>
    </message>
    <message>
        <source>Send receipt</source>
        <translation>Отправить чек</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Отправлен</translation>
    </message>
    <message>
        <source>Amount (so‘m)</source>
        <translation>Сумма (сум)</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>This server cannot take receipts yet; ask the Medora operator how to pay.</source>
        <translation>Этот сервер пока не принимает чеки; узнайте у оператора Medora, как оплатить.</translation>
    </message>
    <message>
        <source>Payment receipt</source>
        <translation>Чек об оплате</translation>
    </message>
    <message>
        <source>Receipts (*.jpg *.jpeg *.png *.pdf);;All files (*)</source>
        <translation>Чеки (*.jpg *.jpeg *.png *.pdf);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Sending the receipt…</source>
        <translation>Отправка чека…</translation>
    </message>
    <message>
        <source>The server cannot be reached; try again when online.</source>
        <translation>Сервер недоступен; повторите, когда появится связь.</translation>
    </message>
    <message>
        <source>The receipt must be a photo (JPEG or PNG) or a PDF.</source>
        <translation>Чек должен быть фотографией (JPEG или PNG) или PDF.</translation>
    </message>
    <message>
        <source>The receipt file is too large.</source>
        <translation>Файл чека слишком большой.</translation>
    </message>
    <message>
        <source>Enter the amount paid in so‘m.</source>
        <translation>Введите оплаченную сумму в сумах.</translation>
    </message>
    <message>
        <source>Earlier receipts are still waiting for approval.</source>
        <translation>Предыдущие чеки ещё ждут подтверждения.</translation>
    </message>
    <message>
        <source>The server refused the request (%1).</source>
        <translation>Сервер отклонил запрос (%1).</translation>
    </message>
</context>
<context>
    <name>medora::SyncEngine</name>
    <message>
        <source>The local database could not be read or written.</source>
        <translation>Не удалось прочитать или записать локальную базу данных.</translation>
    </message>
    <message>
        <source>The local database could not be read or written: %1</source>
        <translation>Не удалось прочитать или записать локальную базу данных: %1</translation>
    </message>
    <message>
        <source>The server cannot be reached. Changes are kept on this computer and sent when the connection is back.</source>
        <translation>Сервер недоступен. Изменения сохраняются на этом компьютере и будут отправлены, когда связь восстановится.</translation>
    </message>
    <message>
        <source>The server did not answer in time. Sync will try again.</source>
        <translation>Сервер не ответил вовремя. Синхронизация повторит попытку.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted, so nothing was sent.</source>
        <translation>Сертификат сервера не вызывает доверия, поэтому ничего не отправлено.</translation>
    </message>
    <message>
        <source>No usable server address is set.</source>
        <translation>Не задан пригодный адрес сервера.</translation>
    </message>
    <message>
        <source>The server&apos;s answer was larger than Medora accepts.</source>
        <translation>Ответ сервера больше, чем принимает Medora.</translation>
    </message>
    <message>
        <source>The server gave an answer Medora does not understand (%1).</source>
        <translation>Сервер прислал ответ, который Medora не понимает (%1).</translation>
    </message>
    <message>
        <source>Sync was cancelled.</source>
        <translation>Синхронизация отменена.</translation>
    </message>
    <message>
        <source>Not signed in to the server: sync waits until someone signs in.</source>
        <translation>Вход на сервер не выполнен: синхронизация ждёт, пока кто-нибудь войдёт.</translation>
    </message>
    <message>
        <source>The session has ended: sign in again to continue syncing.</source>
        <translation>Сеанс завершён: войдите снова, чтобы продолжить синхронизацию.</translation>
    </message>
    <message>
        <source>The password must be changed before this account can sync.</source>
        <translation>Прежде чем эта учётная запись сможет синхронизироваться, нужно сменить пароль.</translation>
    </message>
    <message>
        <source>This account may not sync.</source>
        <translation>Этой учётной записи синхронизация не разрешена.</translation>
    </message>
    <message>
        <source>The server is busy. Sync will try again shortly.</source>
        <translation>Сервер занят. Синхронизация вскоре повторит попытку.</translation>
    </message>
    <message>
        <source>The server refused the sync request (%1, HTTP %2).</source>
        <translation>Сервер отклонил запрос синхронизации (%1, HTTP %2).</translation>
    </message>
</context>
<context>
    <name>medora::SyncErrorsDialog</name>
    <message>
        <source>Sync errors</source>
        <translation>Ошибки синхронизации</translation>
    </message>
    <message>
        <source>The server did not accept these changes. They are kept on this PC and are never discarded. Remove the cause if you can, then retry; a change waiting for something else to reach the server first is retried by itself.</source>
        <translation>Сервер не принял эти изменения. Они хранятся на этом компьютере и никогда не удаляются. Если можете, устраните причину и повторите отправку; изменение, которое ждёт, пока на сервер попадёт что-то другое, будет отправлено повторно само.</translation>
    </message>
    <message>
        <source>No change is waiting on an error.</source>
        <translation>Нет изменений, ожидающих из-за ошибки.</translation>
    </message>
    <message>
        <source>Retry &amp;all</source>
        <translation>Повторить &amp;все</translation>
    </message>
    <message>
        <source>Retry all refused changes</source>
        <translation>Повторить отправку всех отклонённых изменений</translation>
    </message>
    <message>
        <source>Changes the server refused</source>
        <translation>Изменения, отклонённые сервером</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>С какого времени</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Попытки</translation>
    </message>
    <message>
        <source>Retry</source>
        <comment>column header</comment>
        <translation>Повтор</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Закрыть</translation>
    </message>
    <message>
        <source>Reason code: %1</source>
        <translation>Код причины: %1</translation>
    </message>
    <message>
        <source>Server&apos;s message (for support): %1</source>
        <translation>Сообщение сервера (для техподдержки): %1</translation>
    </message>
    <message>
        <source>Last attempt: %1</source>
        <translation>Последняя попытка: %1</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <source>Retry: %1</source>
        <translation>Повторить: %1</translation>
    </message>
    <message>
        <source>The list of refused changes could not be read: %1</source>
        <translation>Не удалось прочитать список отклонённых изменений: %1</translation>
    </message>
    <message>
        <source>The change could not be put back in the queue.</source>
        <translation>Не удалось вернуть изменение в очередь.</translation>
    </message>
    <message>
        <source>The change could not be put back in the queue: %1</source>
        <translation>Не удалось вернуть изменение в очередь: %1</translation>
    </message>
</context>
<context>
    <name>medora::SyncStatusIndicator</name>
    <message>
        <source>less than a minute</source>
        <translation>меньше минуты</translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n мин</numerusform>
            <numerusform>%n мин</numerusform>
            <numerusform>%n мин</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n ч</numerusform>
            <numerusform>%n ч</numerusform>
            <numerusform>%n ч</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln day(s)</source>
        <translation>
            <numerusform>%Ln день</numerusform>
            <numerusform>%Ln дня</numerusform>
            <numerusform>%Ln дней</numerusform>
        </translation>
    </message>
    <message>
        <source>Click for details.</source>
        <translation>Нажмите, чтобы узнать подробности.</translation>
    </message>
    <message>
        <source>Sync status: %1</source>
        <translation>Состояние синхронизации: %1</translation>
    </message>
    <message>
        <source>All changes synced</source>
        <translation>Все изменения синхронизированы</translation>
    </message>
    <message numerus="yes">
        <source>%Ln conflict(s) need a decision</source>
        <translation>
            <numerusform>%Ln конфликт требует решения</numerusform>
            <numerusform>%Ln конфликта требуют решения</numerusform>
            <numerusform>%Ln конфликтов требуют решения</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sync errors: %Ln</source>
        <translation>
            <numerusform>Ошибки синхронизации: %Ln</numerusform>
            <numerusform>Ошибки синхронизации: %Ln</numerusform>
            <numerusform>Ошибки синхронизации: %Ln</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s) waiting for %1</source>
        <translation>
            <numerusform>%Ln изменение ждёт отправки %1</numerusform>
            <numerusform>%Ln изменения ждут отправки %1</numerusform>
            <numerusform>%Ln изменений ждут отправки %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s) waiting</source>
        <translation>
            <numerusform>%Ln изменение ждёт отправки</numerusform>
            <numerusform>%Ln изменения ждут отправки</numerusform>
            <numerusform>%Ln изменений ждут отправки</numerusform>
        </translation>
    </message>
    <message>
        <source>Last synced %1 ago</source>
        <translation>Последняя синхронизация: %1 назад</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Ещё не синхронизировано</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Синхронизация…</translation>
    </message>
    <message>
        <source>Retrying in %1</source>
        <translation>Повтор через %1</translation>
    </message>
    <message>
        <source>Retrying…</source>
        <translation>Повторная попытка…</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Офлайн</translation>
    </message>
    <message>
        <source>Sync paused</source>
        <translation>Синхронизация приостановлена</translation>
    </message>
    <message>
        <source>Last successful pull from the server: %1 (%2 ago)</source>
        <translation>Последнее успешное получение с сервера: %1 (%2 назад)</translation>
    </message>
    <message>
        <source>No successful pull from the server yet.</source>
        <translation>С сервера ещё ни разу не удалось получить данные.</translation>
    </message>
    <message>
        <source>Changes waiting to be sent: %L1, the oldest since %2</source>
        <translation>Изменения, ожидающие отправки: %L1, самое старое — с %2</translation>
    </message>
    <message>
        <source>Changes waiting to be sent: %L1</source>
        <translation>Изменения, ожидающие отправки: %L1</translation>
    </message>
    <message>
        <source>No change is waiting to be sent.</source>
        <translation>Нет изменений, ожидающих отправки.</translation>
    </message>
    <message>
        <source>Changes the server refused: %L1 (kept on this PC; see Sync › Sync errors)</source>
        <translation>Изменения, отклонённые сервером: %L1 (хранятся на этом компьютере; см. Синхронизация › Ошибки синхронизации)</translation>
    </message>
    <message>
        <source>Conflicts waiting for a decision: %L1 (see Sync › Conflicts)</source>
        <translation>Конфликты, ожидающие решения: %L1 (см. Синхронизация › Конфликты)</translation>
    </message>
    <message>
        <source>Next attempt: %1</source>
        <translation>Следующая попытка: %1</translation>
    </message>
    <message>
        <source>Last failure: %1</source>
        <translation>Последняя ошибка: %1</translation>
    </message>
    <message numerus="yes">
        <source>Green means every change is on the server and the last pull is less than %n minute(s) old.</source>
        <translation>
            <numerusform>Зелёный цвет означает, что все изменения на сервере, а последнее получение с сервера было менее %n минуты назад.</numerusform>
            <numerusform>Зелёный цвет означает, что все изменения на сервере, а последнее получение с сервера было менее %n минут назад.</numerusform>
            <numerusform>Зелёный цвет означает, что все изменения на сервере, а последнее получение с сервера было менее %n минут назад.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>medora::VitalsEditor</name>
    <message>
        <source>Type a number such as %1. Until then this value is not saved.</source>
        <translation>Введите число, например %1. До тех пор это значение не сохраняется.</translation>
    </message>
    <message>
        <source>%1 %2 is outside the plausible range (%3–%4 %2). Check it; it is saved as typed.</source>
        <translation>%1 %2 — вне правдоподобного диапазона (%3–%4 %2). Проверьте значение; оно сохранено так, как введено.</translation>
    </message>
    <message>
        <source>The systolic pressure is not above the diastolic one. Are the two values swapped?</source>
        <translation>Систолическое давление не выше диастолического. Возможно, значения перепутаны местами?</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
</context>
<context>
    <name>medora::WallDisplay</name>
    <message>
        <source>Medora — waiting room screen</source>
        <translation>Medora — экран зала ожидания</translation>
    </message>
    <message>
        <source>Called tickets</source>
        <translation>Вызванные талоны</translation>
    </message>
    <message>
        <source>Please go to the doctor</source>
        <translation>Пройдите к врачу</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Талон</translation>
    </message>
    <message>
        <source>Doctor</source>
        <translation>Врач</translation>
    </message>
    <message>
        <source>Please wait until your ticket number appears here.</source>
        <translation>Дождитесь, пока здесь появится номер вашего талона.</translation>
    </message>
    <message>
        <source>Ticket %1, with %2</source>
        <translation>Талон %1 — на приёме у врача: %2</translation>
    </message>
    <message>
        <source>Ticket %1, go to %2</source>
        <translation>Талон %1 — пройдите к врачу: %2</translation>
    </message>
</context>
<context>
    <name>medora::WorkspacePages</name>
    <message>
        <source>Cabinet</source>
        <translation>Кабинет</translation>
    </message>
    <message>
        <source>Reception</source>
        <translation>Регистратура</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Администрирование</translation>
    </message>
</context>
</TS>
