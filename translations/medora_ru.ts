<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU" sourcelanguage="en">
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
        <source>Medora&apos;s patient registry on the command line.

Commands:
  count                     how many patients the registry holds
  search QUERY [--limit N]  find patients; prints number, name, date of birth and phone,
                            separated by tabs
  show NUMBER|UUID          every field of one patient
  import FILE [--dry-run]   import a CSV patient list, all rows or none (FILE - reads stdin)
  export FILE [--query Q]   write the patients, or those a search finds, as CSV
                            (FILE - writes stdout)

Exit codes: 0 done, 1 wrong usage, 2 invalid input (nothing was changed), 3 the registry
or a file cannot be read or written. The CSV format is described in docs/cli.md.</source>
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

Коды выхода: 0 выполнено, 1 неверный вызов, 2 неверные входные данные (ничего не изменено),
3 не удаётся прочитать или записать реестр или файл. Формат CSV описан в docs/cli.md.</translation>
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
        <source>count, search, show, import or export, and its arguments.</source>
        <translation>count, search, show, import или export и её аргументы.</translation>
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
        <source>&amp;Server address:</source>
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
        <translation>&amp;Открыть пациента…</translation>
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
        <translation>Не удалось открыть пациента: %1</translation>
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
</context>
<context>
    <name>medora::PatientRegistry</name>
    <message>
        <source>The data folder %1 cannot be created or is not a folder. Choose another folder or check its permissions.</source>
        <translation>Не удаётся создать папку данных %1, или это не папка. Выберите другую папку или проверьте права доступа.</translation>
    </message>
</context>
</TS>
