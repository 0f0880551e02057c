<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="uz_UZ" sourcelanguage="en">
<context>
    <name>ApiErrorText</name>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n soniya</numerusform>
            <numerusform>%n soniya</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n daqiqa</numerusform>
            <numerusform>%n daqiqa</numerusform>
        </translation>
    </message>
    <message>
        <source>clinic administrator</source>
        <translation>klinika administratori</translation>
    </message>
    <message>
        <source>doctor</source>
        <translation>shifokor</translation>
    </message>
    <message>
        <source>receptionist</source>
        <translation>registrator</translation>
    </message>
    <message>
        <source>The server cannot be reached. Check the network connection and the server address. You can keep working offline.</source>
        <translation>Serverga ulanib boʻlmadi. Tarmoq ulanishini va server manzilini tekshiring. Oflayn ishlashda davom etishingiz mumkin.</translation>
    </message>
    <message>
        <source>The server did not answer in time. Try again; you can keep working offline meanwhile.</source>
        <translation>Server oʻz vaqtida javob bermadi. Qayta urinib koʻring; bu orada oflayn ishlashingiz mumkin.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted, so Medora did not connect. If your clinic runs its own server, ask its administrator for the clinic&apos;s CA certificate and start Medora with --ca-certificate FILE.</source>
        <translation>Server sertifikatiga ishonib boʻlmaydi, shuning uchun Medora ulanmadi. Agar klinikangiz oʻz serveridan foydalansa, uning administratoridan klinikaning CA sertifikatini soʻrang va Medorani --ca-certificate FAYL parametri bilan ishga tushiring.</translation>
    </message>
    <message>
        <source>Addresses starting with http:// are not secure and are refused. Use the https:// address of the server.</source>
        <translation>http:// bilan boshlanadigan manzillar xavfsiz emas va rad etiladi. Serverning https:// manzilidan foydalaning.</translation>
    </message>
    <message>
        <source>The server address is not valid. Enter it like clinic.example.uz or https://clinic.example.uz.</source>
        <translation>Server manzili notoʻgʻri. Uni clinic.example.uz yoki https://clinic.example.uz koʻrinishida kiriting.</translation>
    </message>
    <message>
        <source>The server gave an answer Medora does not understand (%1). Check the server address.</source>
        <translation>Server Medora tushunmaydigan javob qaytardi (%1). Server manzilini tekshiring.</translation>
    </message>
    <message>
        <source>You are not signed in.</source>
        <translation>Siz tizimga kirmagansiz.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Bekor qilindi.</translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation>Joriy parol notoʻgʻri.</translation>
    </message>
    <message>
        <source>The login or the password is wrong.</source>
        <translation>Login yoki parol notoʻgʻri.</translation>
    </message>
    <message>
        <source>Too many sign-in attempts. Try again in %1.</source>
        <translation>Kirishga urinishlar juda koʻp. Qayta urinish uchun kuting: %1.</translation>
    </message>
    <message>
        <source>Too many sign-in attempts. Try again later.</source>
        <translation>Kirishga urinishlar juda koʻp. Keyinroq qayta urinib koʻring.</translation>
    </message>
    <message>
        <source>Too many requests to the server. Try again in %1.</source>
        <translation>Serverga soʻrovlar juda koʻp. Qayta urinish uchun kuting: %1.</translation>
    </message>
    <message>
        <source>Too many requests to the server. Try again later.</source>
        <translation>Serverga soʻrovlar juda koʻp. Keyinroq qayta urinib koʻring.</translation>
    </message>
    <message>
        <source>The server is busy. Try again in %1.</source>
        <translation>Server band. Qayta urinish uchun kuting: %1.</translation>
    </message>
    <message>
        <source>The server is busy. Try again in a moment.</source>
        <translation>Server band. Birozdan soʻng qayta urinib koʻring.</translation>
    </message>
    <message>
        <source>The server accepts only secure connections. Use its https:// address.</source>
        <translation>Server faqat xavfsiz ulanishlarni qabul qiladi. Uning https:// manzilidan foydalaning.</translation>
    </message>
    <message>
        <source>The server does not answer to this address. Use the address your clinic&apos;s administrator gave you.</source>
        <translation>Server bu manzil orqali javob bermaydi. Klinikangiz administratori bergan manzildan foydalaning.</translation>
    </message>
    <message>
        <source>Your session has ended. Please sign in again.</source>
        <translation>Seansingiz tugadi. Iltimos, qaytadan kiring.</translation>
    </message>
    <message>
        <source>You must change your password first.</source>
        <translation>Avval parolingizni oʻzgartirishingiz kerak.</translation>
    </message>
    <message>
        <source>The password is too short: use at least 8 characters.</source>
        <translation>Parol juda qisqa: kamida 8 ta belgi ishlating.</translation>
    </message>
    <message>
        <source>The password is too long: use at most 128 characters.</source>
        <translation>Parol juda uzun: koʻpi bilan 128 ta belgi ishlating.</translation>
    </message>
    <message>
        <source>This password is one of the most common ones. Choose another.</source>
        <translation>Bu parol eng koʻp ishlatiladigan parollardan biri. Boshqasini tanlang.</translation>
    </message>
    <message>
        <source>This password is too easy to guess. Choose a longer one.</source>
        <translation>Bu parolni topish juda oson. Uzunroq parol tanlang.</translation>
    </message>
    <message>
        <source>Your account may not do this.</source>
        <translation>Hisobingizga bu amalga ruxsat berilmagan.</translation>
    </message>
    <message>
        <source>The server refused the request (%1, HTTP %2).</source>
        <translation>Server soʻrovni rad etdi (%1, HTTP %2).</translation>
    </message>
    <message>
        <source>The request failed (%1).</source>
        <translation>Soʻrov bajarilmadi (%1).</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>%1 already exists; a test schema needs a fresh file.</source>
        <translation>%1 allaqachon mavjud; test sxemasi uchun yangi fayl kerak.</translation>
    </message>
    <message>
        <source>open the database</source>
        <translation>maʼlumotlar bazasini ochish</translation>
    </message>
    <message>
        <source>%1 cannot use write-ahead logging (is it on a network drive?).</source>
        <translation>%1 uchun oldindan yozish jurnalini (WAL) yoqib boʻlmaydi (fayl tarmoq diskidami?).</translation>
    </message>
    <message>
        <source>The data folder %1 does not exist or is not a folder.</source>
        <translation>%1 maʼlumotlar papkasi mavjud emas yoki papka emas.</translation>
    </message>
    <message>
        <source>%1 is not a file.</source>
        <translation>%1 fayl emas.</translation>
    </message>
    <message>
        <source>Could not open %1: %2.</source>
        <translation>%1 faylini ochib boʻlmadi: %2.</translation>
    </message>
    <message>
        <source>%1 is damaged or is not a database file. It was left unchanged.</source>
        <translation>%1 fayli shikastlangan yoki maʼlumotlar bazasi emas. U oʻzgartirilmadi.</translation>
    </message>
    <message>
        <source>%1 is read-only; Medora cannot save patients in it.</source>
        <translation>%1 fayli faqat oʻqish uchun; Medora unda bemorlarni saqlay olmaydi.</translation>
    </message>
    <message>
        <source>%1 belongs to another program, not Medora. It was left unchanged.</source>
        <translation>%1 fayli Medoraga emas, boshqa dasturga tegishli. U oʻzgartirilmadi.</translation>
    </message>
    <message>
        <source>%1 was written by a newer version of Medora (database version %2; this version knows up to %3). It was left unchanged; update Medora to open it.</source>
        <translation>%1 fayli Medoraning yangiroq versiyasida yozilgan (maʼlumotlar bazasi versiyasi %2; bu versiya %3 gacha biladi). U oʻzgartirilmadi; uni ochish uchun Medorani yangilang.</translation>
    </message>
    <message>
        <source>update the database structure</source>
        <translation>maʼlumotlar bazasi tuzilmasini yangilash</translation>
    </message>
    <message>
        <source>read the database version</source>
        <translation>maʼlumotlar bazasi versiyasini oʻqish</translation>
    </message>
    <message>
        <source>read the database settings</source>
        <translation>maʼlumotlar bazasi sozlamalarini oʻqish</translation>
    </message>
    <message>
        <source>save the database settings</source>
        <translation>maʼlumotlar bazasi sozlamalarini saqlash</translation>
    </message>
    <message>
        <source>start saving</source>
        <translation>saqlashni boshlash</translation>
    </message>
    <message>
        <source>save the changes</source>
        <translation>oʻzgarishlarni saqlash</translation>
    </message>
    <message>
        <source>The disk holding %1 is full. Nothing was saved; free some space and try again.</source>
        <translation>%1 joylashgan disk toʻlgan. Hech narsa saqlanmadi; diskda joy boʻshating va qayta urinib koʻring.</translation>
    </message>
    <message>
        <source>Could not %1: %2 is read-only.</source>
        <translation>Amal bajarilmadi (%1): %2 faqat oʻqish uchun.</translation>
    </message>
    <message>
        <source>Could not %1: %2 is in use by another program. Try again in a moment.</source>
        <translation>Amal bajarilmadi (%1): %2 boshqa dastur tomonidan band. Birozdan soʻng qayta urinib koʻring.</translation>
    </message>
    <message>
        <source>Could not %1: reading or writing %2 failed (%3).</source>
        <translation>Amal bajarilmadi (%1): %2 faylini oʻqish yoki yozishda xatolik yuz berdi (%3).</translation>
    </message>
    <message>
        <source>Could not %1: it conflicts with data already in %2 (%3).</source>
        <translation>Amal bajarilmadi (%1): bu %2 faylidagi mavjud maʼlumotlarga zid (%3).</translation>
    </message>
    <message>
        <source>%1 is damaged or is not a database file.</source>
        <translation>%1 fayli shikastlangan yoki maʼlumotlar bazasi emas.</translation>
    </message>
    <message>
        <source>Could not open %1 (%2).</source>
        <translation>%1 faylini ochib boʻlmadi (%2).</translation>
    </message>
    <message>
        <source>Could not %1 in %2 (%3).</source>
        <translation>Amal bajarilmadi (%1), fayl %2 (%3).</translation>
    </message>
</context>
<context>
    <name>KeychainSecretStore</name>
    <message>
        <source>Could not save &quot;%1&quot; in the system keychain: %2</source>
        <translation>«%1» tizim kalitlar omborida saqlanmadi: %2</translation>
    </message>
    <message>
        <source>Could not read &quot;%1&quot; from the system keychain: %2</source>
        <translation>«%1» tizim kalitlar omboridan oʻqilmadi: %2</translation>
    </message>
    <message>
        <source>Could not remove &quot;%1&quot; from the system keychain: %2</source>
        <translation>«%1» tizim kalitlar omboridan oʻchirilmadi: %2</translation>
    </message>
</context>
<context>
    <name>PatientCsvExporter</name>
    <message>
        <source>The patient registry is not open.</source>
        <translation>Bemorlar roʻyxati ochilmagan.</translation>
    </message>
    <message>
        <source>The export cannot be written: %1</source>
        <translation>Eksportni yozib boʻlmadi: %1</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>%1 faylini yozib boʻlmadi: %2</translation>
    </message>
</context>
<context>
    <name>PatientCsvImporter</name>
    <message>
        <source>The row is longer than %1 KB; no field can be that long.</source>
        <translation>Qator %1 KB dan uzun; hech bir maydon bunchalik uzun boʻlmaydi.</translation>
    </message>
    <message>
        <source>A quote (&quot;) inside a field that does not start with one. Put the whole field in quotes and write every quote inside it twice (&quot;&quot;).</source>
        <translation>Qoʻshtirnoq (&quot;) bilan boshlanmagan maydon ichida qoʻshtirnoq bor. Butun maydonni qoʻshtirnoq ichiga oling va uning ichidagi har bir qoʻshtirnoqni ikki marta yozing (&quot;&quot;).</translation>
    </message>
    <message>
        <source>Text follows the closing quote of this field. Write every quote inside a quoted field twice (&quot;&quot;).</source>
        <translation>Bu maydonning yopuvchi qoʻshtirnogʻidan keyin matn bor. Qoʻshtirnoqdagi maydon ichida har bir qoʻshtirnoqni ikki marta yozing (&quot;&quot;).</translation>
    </message>
    <message>
        <source>A quoted field starts here but its closing quote is missing.</source>
        <translation>Bu yerda qoʻshtirnoqli maydon boshlanadi, lekin yopuvchi qoʻshtirnoq yoʻq.</translation>
    </message>
    <message>
        <source>The text is not valid UTF-8. Save the file as &quot;CSV UTF-8&quot; (Excel: Save As, CSV UTF-8) and import it again.</source>
        <translation>Matn UTF-8 kodlashida emas. Faylni «CSV UTF-8» sifatida saqlang (Excel: «Boshqacha saqlash», CSV UTF-8) va qayta import qiling.</translation>
    </message>
    <message>
        <source>Unknown column. The columns Medora reads are: %1.</source>
        <translation>Nomaʼlum ustun. Medora oʻqiydigan ustunlar: %1.</translation>
    </message>
    <message>
        <source>This column appears more than once in the header.</source>
        <translation>Bu ustun sarlavhada bir necha marta uchraydi.</translation>
    </message>
    <message>
        <source>This column is required but missing from the header.</source>
        <translation>Bu ustun majburiy, lekin sarlavhada yoʻq.</translation>
    </message>
    <message>
        <source>The row has %1 fields but the header has %2.</source>
        <translation>Qatorda %1 ta maydon bor, sarlavhada esa %2 ta.</translation>
    </message>
    <message>
        <source>A value in a column that has no name in the header.</source>
        <translation>Sarlavhada nomi yoʻq ustunda qiymat bor.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a patient number such as KQX-00042.</source>
        <translation>«%1» bemor raqami emas (namuna: KQX-00042).</translation>
    </message>
    <message>
        <source>The patient number %1 is also on line %2.</source>
        <translation>%1 bemor raqami %2-qatorda ham bor.</translation>
    </message>
    <message>
        <source>A patient with the number %1 is already in the registry.</source>
        <translation>%1 raqamli bemor roʻyxatda allaqachon bor.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date; write it as YYYY-MM-DD or DD.MM.YYYY.</source>
        <translation>«%1» sana emas; uni YYYY-OO-KK yoki KK.OO.YYYY (yil, oy, kun) koʻrinishida yozing.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is neither yes nor no; write 1 or 0.</source>
        <translation>«%1» na «ha», na «yoʻq»; 1 yoki 0 deb yozing.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a sex; write m or f (also male/female, erkak/ayol, м/ж, муж/жен).</source>
        <translation>«%1» jins emas; m yoki f deb yozing (male/female, erkak/ayol, м/ж, муж/жен ham boʻladi).</translation>
    </message>
    <message>
        <source>Give either a date of birth or an age, not both.</source>
        <translation>Tugʻilgan sanani yoki yoshni kiriting, ikkalasini emas.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an age; write whole years from 0 to 130.</source>
        <translation>«%1» yosh emas; 0 dan 130 gacha butun yillarda yozing.</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>%1-qator: %2</translation>
    </message>
    <message>
        <source>line %1, column %2: %3</source>
        <translation>%1-qator, «%2» ustuni: %3</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more error(s).</source>
        <translation>
            <numerusform>… va yana %n ta xato.</numerusform>
            <numerusform>… va yana %n ta xato.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 faylini oʻqib boʻlmadi: %2</translation>
    </message>
    <message>
        <source>%1 is larger than %2 MB; split it and import the parts one after the other.</source>
        <translation>%1 fayli %2 MB dan katta; uni qismlarga boʻling va qismlarni birin-ketin import qiling.</translation>
    </message>
    <message>
        <source>The patient registry is not open.</source>
        <translation>Bemorlar roʻyxati ochilmagan.</translation>
    </message>
    <message>
        <source>The file is larger than %1 MB; split it and import the parts one after the other.</source>
        <translation>Fayl %1 MB dan katta; uni qismlarga boʻling va qismlarni birin-ketin import qiling.</translation>
    </message>
    <message>
        <source>The file is in UTF-16 (Excel: &quot;Unicode Text&quot;); save it as &quot;CSV UTF-8&quot; and import it again.</source>
        <translation>Fayl UTF-16 kodlashida (Excel: «Unicode matni»); uni «CSV UTF-8» sifatida saqlang va qayta import qiling.</translation>
    </message>
    <message>
        <source>The file cannot be read: %1</source>
        <translation>Faylni oʻqib boʻlmadi: %1</translation>
    </message>
    <message>
        <source>The file is empty. Its first line must name the columns, for example: %1</source>
        <translation>Fayl boʻsh. Uning birinchi qatorida ustunlar nomlari boʻlishi kerak, masalan: %1</translation>
    </message>
</context>
<context>
    <name>PatientStore</name>
    <message>
        <source>The counters in %1 are missing or damaged; patients cannot be numbered.</source>
        <translation>%1 faylidagi hisoblagichlar yoʻq yoki shikastlangan; bemorlarga raqam berib boʻlmaydi.</translation>
    </message>
    <message>
        <source>The patient database is not open.</source>
        <translation>Bemorlar maʼlumotlar bazasi ochilmagan.</translation>
    </message>
    <message>
        <source>save the patient</source>
        <translation>bemorni saqlash</translation>
    </message>
    <message>
        <source>import the patients</source>
        <translation>bemorlarni import qilish</translation>
    </message>
    <message>
        <source>Patient record %1 is not in %2.</source>
        <translation>%1 bemor yozuvi %2 faylida yoʻq.</translation>
    </message>
    <message>
        <source>delete the patient</source>
        <translation>bemorni oʻchirish</translation>
    </message>
    <message>
        <source>save when the patient was seen</source>
        <translation>bemorning oxirgi murojaat vaqtini saqlash</translation>
    </message>
    <message>
        <source>read the patient</source>
        <translation>bemor maʼlumotlarini oʻqish</translation>
    </message>
    <message>
        <source>read the patients</source>
        <translation>bemorlar maʼlumotlarini oʻqish</translation>
    </message>
    <message>
        <source>look for duplicate patients</source>
        <translation>takroriy bemorlarni qidirish</translation>
    </message>
    <message>
        <source>count the patients</source>
        <translation>bemorlarni sanash</translation>
    </message>
    <message>
        <source>read the changed patients</source>
        <translation>oʻzgargan bemorlarni oʻqish</translation>
    </message>
</context>
<context>
    <name>PatientValidator</name>
    <message>
        <source>Last name is required.</source>
        <translation>Familiyani kiriting.</translation>
    </message>
    <message numerus="yes">
        <source>Last name must be at most %n characters.</source>
        <translation>
            <numerusform>Familiya koʻpi bilan %n ta belgidan iborat boʻlishi mumkin.</numerusform>
            <numerusform>Familiya koʻpi bilan %n ta belgidan iborat boʻlishi mumkin.</numerusform>
        </translation>
    </message>
    <message>
        <source>Last name may contain only letters, spaces, hyphens and the ʻ mark.</source>
        <translation>Familiyada faqat harflar, boʻshliqlar, chiziqchalar va ʻ belgisi boʻlishi mumkin.</translation>
    </message>
    <message>
        <source>First name is required.</source>
        <translation>Ismni kiriting.</translation>
    </message>
    <message numerus="yes">
        <source>First name must be at most %n characters.</source>
        <translation>
            <numerusform>Ism koʻpi bilan %n ta belgidan iborat boʻlishi mumkin.</numerusform>
            <numerusform>Ism koʻpi bilan %n ta belgidan iborat boʻlishi mumkin.</numerusform>
        </translation>
    </message>
    <message>
        <source>First name may contain only letters, spaces, hyphens and the ʻ mark.</source>
        <translation>Ismda faqat harflar, boʻshliqlar, chiziqchalar va ʻ belgisi boʻlishi mumkin.</translation>
    </message>
    <message numerus="yes">
        <source>Father&apos;s name must be at most %n characters.</source>
        <translation>
            <numerusform>Otasining ismi koʻpi bilan %n ta belgidan iborat boʻlishi mumkin.</numerusform>
            <numerusform>Otasining ismi koʻpi bilan %n ta belgidan iborat boʻlishi mumkin.</numerusform>
        </translation>
    </message>
    <message>
        <source>Father&apos;s name may contain only letters, spaces, hyphens and the ʻ mark.</source>
        <translation>Otasining ismida faqat harflar, boʻshliqlar, chiziqchalar va ʻ belgisi boʻlishi mumkin.</translation>
    </message>
    <message>
        <source>Date of birth cannot be in the future.</source>
        <translation>Tugʻilgan sana kelajakda boʻlishi mumkin emas.</translation>
    </message>
    <message numerus="yes">
        <source>Date of birth is more than %n years ago.</source>
        <translation>
            <numerusform>Tugʻilgan sana bundan %n yildan koʻproq oldin.</numerusform>
            <numerusform>Tugʻilgan sana bundan %n yildan koʻproq oldin.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sex is required.</source>
        <translation>Jinsini belgilang.</translation>
    </message>
    <message>
        <source>Phone number must be an Uzbek number such as +998 90 123 45 67.</source>
        <translation>Telefon raqami Oʻzbekiston raqami boʻlishi kerak, masalan +998 90 123 45 67.</translation>
    </message>
    <message numerus="yes">
        <source>Address must be at most %n characters.</source>
        <translation>
            <numerusform>Manzil koʻpi bilan %n ta belgidan iborat boʻlishi mumkin.</numerusform>
            <numerusform>Manzil koʻpi bilan %n ta belgidan iborat boʻlishi mumkin.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Allergies must be at most %n characters.</source>
        <translation>
            <numerusform>Allergiyalar haqidagi matn koʻpi bilan %n ta belgidan iborat boʻlishi mumkin.</numerusform>
            <numerusform>Allergiyalar haqidagi matn koʻpi bilan %n ta belgidan iborat boʻlishi mumkin.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Current medications must be at most %n characters.</source>
        <translation>
            <numerusform>Qabul qilayotgan dorilari haqidagi matn koʻpi bilan %n ta belgidan iborat boʻlishi mumkin.</numerusform>
            <numerusform>Qabul qilayotgan dorilari haqidagi matn koʻpi bilan %n ta belgidan iborat boʻlishi mumkin.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Medical history must be at most %n characters.</source>
        <translation>
            <numerusform>Anamnez koʻpi bilan %n ta belgidan iborat boʻlishi mumkin.</numerusform>
            <numerusform>Anamnez koʻpi bilan %n ta belgidan iborat boʻlishi mumkin.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Notes must be at most %n characters.</source>
        <translation>
            <numerusform>Izohlar koʻpi bilan %n ta belgidan iborat boʻlishi mumkin.</numerusform>
            <numerusform>Izohlar koʻpi bilan %n ta belgidan iborat boʻlishi mumkin.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>The patient registry cannot be opened.</source>
        <translation>Bemorlar roʻyxatini ochib boʻlmadi.</translation>
    </message>
    <message>
        <source>Medora clinic client</source>
        <translation>Medora — klinika dasturi</translation>
    </message>
    <message>
        <source>Folder of the local patient registry (default: %1).</source>
        <translation>Mahalliy bemorlar roʻyxati papkasi (standart: %1).</translation>
    </message>
    <message>
        <source>Language for this run: uz, ru or en (default: the one chosen in the Language menu, else uz).</source>
        <translation>Ushbu ishga tushirish uchun til: uz, ru yoki en (standart: Til menyusida tanlangani, boʻlmasa uz).</translation>
    </message>
    <message>
        <source>Start with this search.</source>
        <translation>Shu qidiruv bilan boshlash.</translation>
    </message>
    <message>
        <source>Save the main window as a PNG to FILE and exit.</source>
        <translation>Asosiy oynani FILE ga PNG sifatida saqlab, chiqish.</translation>
    </message>
    <message>
        <source>Save the patient dialog of the selected patient (a new one if the registry is empty) as a PNG to FILE and exit.</source>
        <translation>Tanlangan bemor oynasini (roʻyxat boʻsh boʻlsa, yangi bemor oynasini) FILE ga PNG sifatida saqlab, chiqish.</translation>
    </message>
    <message>
        <source>Address of the clinic&apos;s Medora server, e.g. https://clinic.example.uz (remembered).</source>
        <translation>Klinika Medora serverining manzili, masalan https://clinic.example.uz (eslab qolinadi).</translation>
    </message>
    <message>
        <source>Trust this CA certificate (PEM file) for a clinic&apos;s self-hosted server, in addition to the system&apos;s (remembered).</source>
        <translation>Klinikaning oʻz serveri uchun tizimdagilarga qoʻshimcha ravishda ushbu CA sertifikatiga (PEM fayl) ishonish (eslab qolinadi).</translation>
    </message>
    <message>
        <source>Development only: allow http:// server addresses. Passwords and tokens then travel unencrypted.</source>
        <translation>Faqat ishlab chiqish uchun: http:// server manzillariga ruxsat berish. Bunda parollar va tokenlar shifrlanmagan holda uzatiladi.</translation>
    </message>
</context>
<context>
    <name>medora-cli</name>
    <message>
        <source>Run medora-cli --help for the commands.</source>
        <translation>Buyruqlar roʻyxati: medora-cli --help.</translation>
    </message>
    <message>
        <source>No patient has the number or id %1.</source>
        <translation>%1 raqamli yoki identifikatorli bemor yoʻq.</translation>
    </message>
    <message>
        <source>Standard input cannot be read: %1</source>
        <translation>Standart kirishni oʻqib boʻlmadi: %1</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n patient(s).</source>
        <translation>
            <numerusform>%n ta bemor import qilindi.</numerusform>
            <numerusform>%n ta bemor import qilindi.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The file is valid: %n patient(s) would be imported. Nothing was written (dry run).</source>
        <translation>
            <numerusform>Fayl toʻgʻri: %n ta bemor import qilinadi. Hech narsa yozilmadi (sinov rejimi).</numerusform>
            <numerusform>Fayl toʻgʻri: %n ta bemor import qilinadi. Hech narsa yozilmadi (sinov rejimi).</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>Hech narsa import qilinmadi.</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n patient(s).</source>
        <translation>
            <numerusform>%n ta bemor eksport qilindi.</numerusform>
            <numerusform>%n ta bemor eksport qilindi.</numerusform>
        </translation>
    </message>
    <message>
        <source>The %1 catalogue cannot be loaded; messages stay in English.</source>
        <translation>%1 tarjima katalogini yuklab boʻlmadi; xabarlar ingliz tilida qoladi.</translation>
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
        <translation>Medora bemorlar roʻyxati buyruqlar satrida.

Buyruqlar:
  count                     roʻyxatda nechta bemor borligi
  search QUERY [--limit N]  bemorlarni topish; raqam, ism, tugʻilgan sana va telefonni
                            tabulyatsiya bilan ajratib chiqaradi
  show NUMBER|UUID          bitta bemorning barcha maydonlari
  import FILE [--dry-run]   CSV bemorlar roʻyxatini import qilish: barcha qatorlar yoki
                            hech biri (FILE - stdin dan oʻqiydi)
  export FILE [--query Q]   bemorlarni yoki qidiruv topganlarini CSV ga yozish
                            (FILE - stdout ga yozadi)

Chiqish kodlari: 0 bajarildi, 1 notoʻgʻri foydalanish, 2 notoʻgʻri kiritma (hech narsa
oʻzgartirilmadi), 3 roʻyxat yoki faylni oʻqib yoki yozib boʻlmadi. CSV formati
docs/cli.md da tavsiflangan.</translation>
    </message>
    <message>
        <source>Folder of the patient registry (default: %1).</source>
        <translation>Bemorlar roʻyxati papkasi (standart: %1).</translation>
    </message>
    <message>
        <source>Language of the messages: uz, ru or en (default: en).</source>
        <translation>Xabarlar tili: uz, ru yoki en (standart: en).</translation>
    </message>
    <message>
        <source>search: at most N patients (default: %1).</source>
        <translation>search: koʻpi bilan N ta bemor (standart: %1).</translation>
    </message>
    <message>
        <source>import: check the whole file but write nothing.</source>
        <translation>import: butun faylni tekshirish, lekin hech narsa yozmaslik.</translation>
    </message>
    <message>
        <source>export: only the patients this search finds.</source>
        <translation>export: faqat shu qidiruv topgan bemorlar.</translation>
    </message>
    <message>
        <source>count, search, show, import or export, and its arguments.</source>
        <translation>count, search, show, import yoki export va uning argumentlari.</translation>
    </message>
    <message>
        <source>Unknown language %1; use uz, ru or en.</source>
        <translation>Nomaʼlum til: %1; uz, ru yoki en dan foydalaning.</translation>
    </message>
    <message>
        <source>No command given.</source>
        <translation>Buyruq berilmadi.</translation>
    </message>
    <message>
        <source>An option was given that the command %1 does not take.</source>
        <translation>%1 buyrugʻi qabul qilmaydigan parametr berildi.</translation>
    </message>
    <message>
        <source>count takes no arguments.</source>
        <translation>count argument qabul qilmaydi.</translation>
    </message>
    <message>
        <source>search needs a QUERY.</source>
        <translation>search uchun QUERY kerak.</translation>
    </message>
    <message>
        <source>--limit must be a number from 1 to %1.</source>
        <translation>--limit 1 dan %1 gacha boʻlgan son boʻlishi kerak.</translation>
    </message>
    <message>
        <source>%1 needs exactly one argument.</source>
        <translation>%1 uchun aynan bitta argument kerak.</translation>
    </message>
    <message>
        <source>Unknown command %1.</source>
        <translation>Nomaʼlum buyruq: %1.</translation>
    </message>
</context>
<context>
    <name>medora::ApiClient</name>
    <message>
        <source>The CA certificate file %1 cannot be read: %2</source>
        <translation>%1 CA sertifikat faylini oʻqib boʻlmadi: %2</translation>
    </message>
    <message>
        <source>The CA certificate file %1 is too large.</source>
        <translation>%1 CA sertifikat fayli juda katta.</translation>
    </message>
    <message>
        <source>The file %1 holds no PEM certificate.</source>
        <translation>%1 faylida PEM sertifikati yoʻq.</translation>
    </message>
</context>
<context>
    <name>medora::ChangePasswordDialog</name>
    <message>
        <source>Choose a new password</source>
        <translation>Yangi parol tanlang</translation>
    </message>
    <message>
        <source>Your account needs a password of your own before you can continue. Use %1 to %2 characters; a long phrase is easier to remember and harder to guess.</source>
        <translation>Davom etish uchun hisobingizga oʻzingizning parolingiz kerak. %1 dan %2 tagacha belgi ishlating; uzun iborani eslab qolish osonroq, topish esa qiyinroq.</translation>
    </message>
    <message>
        <source>&amp;Current password:</source>
        <translation>&amp;Joriy parol:</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>&amp;Yangi parol:</translation>
    </message>
    <message>
        <source>&amp;Repeat the new password:</source>
        <translation>Yangi parolni &amp;takrorlang:</translation>
    </message>
    <message>
        <source>&amp;Change password</source>
        <translation>Parolni &amp;oʻzgartirish</translation>
    </message>
    <message>
        <source>Enter your current password.</source>
        <translation>Joriy parolingizni kiriting.</translation>
    </message>
    <message>
        <source>The two new passwords differ.</source>
        <translation>Kiritilgan ikki yangi parol bir xil emas.</translation>
    </message>
</context>
<context>
    <name>medora::LoginDialog</name>
    <message>
        <source>Sign in to the clinic server</source>
        <translation>Klinika serveriga kirish</translation>
    </message>
    <message>
        <source>Sign in with the login or phone number and the password your clinic&apos;s administrator gave you. Without signing in, the patient registry on this computer keeps working.</source>
        <translation>Klinikangiz administratori bergan login yoki telefon raqami va parol bilan kiring. Tizimga kirmasangiz ham, ushbu kompyuterdagi bemorlar roʻyxati ishlashda davom etadi.</translation>
    </message>
    <message>
        <source>&amp;Server address:</source>
        <translation>&amp;Server manzili:</translation>
    </message>
    <message>
        <source>&amp;Login or phone:</source>
        <translation>&amp;Login yoki telefon:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Parol:</translation>
    </message>
    <message>
        <source>clinic.example.uz</source>
        <translation>clinic.example.uz</translation>
    </message>
    <message>
        <source>login or +998 90 123 45 67</source>
        <translation>login yoki +998 90 123 45 67</translation>
    </message>
    <message>
        <source>Development mode: insecure http:// addresses are allowed. Passwords and tokens may travel unencrypted.</source>
        <translation>Ishlab chiqish rejimi: xavfsiz boʻlmagan http:// manzillarga ruxsat berilgan. Parollar va tokenlar shifrlanmagan holda uzatilishi mumkin.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Kirilmoqda…</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Kirish</translation>
    </message>
    <message>
        <source>Enter the server address.</source>
        <translation>Server manzilini kiriting.</translation>
    </message>
    <message>
        <source>Enter your login or phone number.</source>
        <translation>Login yoki telefon raqamingizni kiriting.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Parolingizni kiriting.</translation>
    </message>
    <message>
        <source>The password was not changed, so you are not signed in.</source>
        <translation>Parol oʻzgartirilmadi, shuning uchun tizimga kirmadingiz.</translation>
    </message>
</context>
<context>
    <name>medora::MainWindow</name>
    <message>
        <source>Medora — patient registry</source>
        <translation>Medora — bemorlar roʻyxati</translation>
    </message>
    <message>
        <source>Search by name, phone or patient number</source>
        <translation>Ism, telefon yoki bemor raqami boʻyicha qidirish</translation>
    </message>
    <message>
        <source>Search patients</source>
        <translation>Bemorlarni qidirish</translation>
    </message>
    <message>
        <source>Type part of a name in Latin or Cyrillic letters, a phone number or a patient number. Down arrow moves into the list, Escape clears.</source>
        <translation>Ismning bir qismini lotin yoki kirill harflarida, telefon raqamini yoki bemor raqamini yozing. Pastga strelka roʻyxatga oʻtkazadi, Esc tozalaydi.</translation>
    </message>
    <message>
        <source>&amp;New patient</source>
        <translation>&amp;Yangi bemor</translation>
    </message>
    <message>
        <source>Register a new patient</source>
        <translation>Yangi bemorni roʻyxatga olish</translation>
    </message>
    <message>
        <source>Patients</source>
        <translation>Bemorlar</translation>
    </message>
    <message>
        <source>Medora does not replace a doctor&apos;s judgement.</source>
        <translation>Medora shifokor xulosasining oʻrnini bosmaydi.</translation>
    </message>
    <message>
        <source>&amp;Patient</source>
        <translation>&amp;Bemor</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Til</translation>
    </message>
    <message>
        <source>&amp;New patient…</source>
        <translation>&amp;Yangi bemor…</translation>
    </message>
    <message>
        <source>&amp;Open patient…</source>
        <translation>Bemorni &amp;ochish…</translation>
    </message>
    <message>
        <source>&amp;Find patient</source>
        <translation>Bemorni &amp;topish</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Chiqish</translation>
    </message>
    <message>
        <source>The registry is empty. Press %1 to register the first patient.</source>
        <translation>Roʻyxat boʻsh. Birinchi bemorni roʻyxatga olish uchun %1 ni bosing.</translation>
    </message>
    <message>
        <source>Patients in the registry: %L1</source>
        <translation>Roʻyxatdagi bemorlar: %L1</translation>
    </message>
    <message>
        <source>No patient matches “%1”. Press %2 to register a new patient.</source>
        <translation>«%1» boʻyicha bemor topilmadi. Yangi bemorni roʻyxatga olish uchun %2 ni bosing.</translation>
    </message>
    <message>
        <source>Found more than %L1 of %L2; the best %L1 are listed. Type more to narrow the search.</source>
        <translation>Topildi: %L1 tadan koʻp (jami %L2 ta); eng mos %L1 tasi koʻrsatilgan. Qidiruvni toraytirish uchun yana yozing.</translation>
    </message>
    <message>
        <source>Found: %L1 of %L2</source>
        <translation>Topildi: %L1 ta (jami %L2 ta)</translation>
    </message>
    <message>
        <source>The patient could not be opened: %1</source>
        <translation>Bemorni ochib boʻlmadi: %1</translation>
    </message>
    <message>
        <source>This visit was not recorded in the recent patients: %1</source>
        <translation>Bu tashrif soʻnggi bemorlar roʻyxatiga yozilmadi: %1</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>&amp;Hisob</translation>
    </message>
    <message>
        <source>&amp;Sign in…</source>
        <translation>&amp;Kirish…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Chiqish</translation>
    </message>
    <message>
        <source>The system keychain did not keep the sign-in, so you will sign in again next time: %1</source>
        <translation>Tizim kalitlar ombori kirish maʼlumotini saqlamadi, shuning uchun keyingi safar qaytadan kirasiz: %1</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2) at %3</source>
        <translation>%3: %1 (%2) sifatida kirilgan</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Kirilmoqda…</translation>
    </message>
    <message>
        <source>Connecting to the server…</source>
        <translation>Serverga ulanilmoqda…</translation>
    </message>
    <message>
        <source>Working offline</source>
        <translation>Oflayn ishlanmoqda</translation>
    </message>
    <message>
        <source>insecure HTTP allowed (development mode)</source>
        <translation>xavfsiz boʻlmagan HTTP ruxsat etilgan (ishlab chiqish rejimi)</translation>
    </message>
</context>
<context>
    <name>medora::PatientDialog</name>
    <message>
        <source>New patient</source>
        <translation>Yangi bemor</translation>
    </message>
    <message>
        <source>Edit patient — %1</source>
        <translation>Bemor maʼlumotlarini tahrirlash — %1</translation>
    </message>
    <message>
        <source>Patient number: %1</source>
        <translation>Bemor raqami: %1</translation>
    </message>
    <message>
        <source>&amp;Last name</source>
        <translation>&amp;Familiya</translation>
    </message>
    <message>
        <source>&amp;First name</source>
        <translation>&amp;Ism</translation>
    </message>
    <message>
        <source>F&amp;ather&apos;s name</source>
        <translation>&amp;Otasining ismi</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Jinsi</translation>
    </message>
    <message>
        <source>&amp;Date of birth</source>
        <translation>&amp;Tugʻilgan sana</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>Te&amp;lefon</translation>
    </message>
    <message>
        <source>Add&amp;ress</source>
        <translation>&amp;Manzil</translation>
    </message>
    <message>
        <source>All&amp;ergies</source>
        <translation>&amp;Allergiyalar</translation>
    </message>
    <message>
        <source>Current &amp;medications</source>
        <translation>Qabul qilayotgan &amp;dorilari</translation>
    </message>
    <message>
        <source>&amp;Chronic conditions and history</source>
        <translation>Su&amp;runkali kasalliklar va anamnez</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>I&amp;zohlar</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Erkak</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Ayol</translation>
    </message>
    <message>
        <source>Sex: male</source>
        <translation>Jinsi: erkak</translation>
    </message>
    <message>
        <source>Sex: female</source>
        <translation>Jinsi: ayol</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Ixtiyoriy</translation>
    </message>
    <message>
        <source>dd.mm.yyyy</source>
        <translation>kk.oo.yyyy</translation>
    </message>
    <message>
        <source>Date of birth &amp;unknown — enter the age in years</source>
        <translation>Tugʻilgan sana &amp;nomaʼlum — yoshini yillarda kiriting</translation>
    </message>
    <message>
        <source>A&amp;ge in years:</source>
        <translation>&amp;Yoshi (yil):</translation>
    </message>
    <message>
        <source>Age in years</source>
        <translation>Yoshi (yil)</translation>
    </message>
    <message>
        <source>Drugs, foods or materials, and the reaction</source>
        <translation>Dorilar, oziq-ovqat yoki materiallar va ularga reaksiya</translation>
    </message>
    <message>
        <source>Name, dose and how often</source>
        <translation>Nomi, dozasi va qabul qilish tartibi</translation>
    </message>
    <message>
        <source>This patient may already be registered:</source>
        <translation>Bu bemor allaqachon roʻyxatga olingan boʻlishi mumkin:</translation>
    </message>
    <message>
        <source>Open the existing patient, or press “Save anyway” if this is a different person.</source>
        <translation>Mavjud bemorni oching yoki bu boshqa odam boʻlsa, «Baribir saqlash» tugmasini bosing.</translation>
    </message>
    <message>
        <source>&amp;Open existing patient</source>
        <translation>Mavjud bemorni o&amp;chish</translation>
    </message>
    <message>
        <source>Patients already registered</source>
        <translation>Allaqachon roʻyxatga olingan bemorlar</translation>
    </message>
    <message>
        <source>&amp;Save anyway</source>
        <translation>&amp;Baribir saqlash</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Saqlash</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Bekor qilish</translation>
    </message>
    <message>
        <source>Enter the age in whole years.</source>
        <translation>Yoshini butun yillarda kiriting.</translation>
    </message>
    <message>
        <source>Enter the date of birth, or tick “Date of birth unknown” and enter the age.</source>
        <translation>Tugʻilgan sanani kiriting yoki «Tugʻilgan sana nomaʼlum» belgisini qoʻyib, yoshini kiriting.</translation>
    </message>
    <message>
        <source>Enter the date as dd.mm.yyyy, for example 25.03.1984.</source>
        <translation>Sanani kk.oo.yyyy koʻrinishida kiriting, masalan 25.03.1984.</translation>
    </message>
    <message>
        <source>The patient registry is not open.</source>
        <translation>Bemorlar roʻyxati ochilmagan.</translation>
    </message>
    <message>
        <source>The patient was not saved: %1
Everything you typed is still here; correct the problem and press Save again.</source>
        <translation>Bemor saqlanmadi: %1
Siz kiritgan hamma narsa shu yerda turibdi; muammoni bartaraf eting va yana «Saqlash» tugmasini bosing.</translation>
    </message>
    <message>
        <source>Discard what you typed?</source>
        <translation>Kiritilgan maʼlumotlardan voz kechilsinmi?</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Voz kechish</translation>
    </message>
    <message>
        <source>&amp;Keep editing</source>
        <translation>&amp;Kiritishni davom ettirish</translation>
    </message>
</context>
<context>
    <name>medora::PatientListModel</name>
    <message>
        <source>(no longer in the registry)</source>
        <translation>(endi roʻyxatda yoʻq)</translation>
    </message>
    <message>
        <source>Estimated from the age given at registration</source>
        <translation>Roʻyxatga olishda aytilgan yoshdan taxminan hisoblangan</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Raqam</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>F.I.Sh.</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Tugʻilgan sana</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Yoshi</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
</context>
<context>
    <name>medora::PatientRegistry</name>
    <message>
        <source>The data folder %1 cannot be created or is not a folder. Choose another folder or check its permissions.</source>
        <translation>%1 maʼlumotlar papkasini yaratib boʻlmadi yoki u papka emas. Boshqa papkani tanlang yoki ruxsatlarni tekshiring.</translation>
    </message>
</context>
</TS>
