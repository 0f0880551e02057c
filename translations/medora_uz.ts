<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="uz_UZ" sourcelanguage="en">
<context>
    <name>AccountErrorText</name>
    <message>
        <source>The code is wrong or has expired. Check the code or ask for a new one.</source>
        <translation>Kod notoʻgʻri yoki muddati oʻtgan. Kodni tekshiring yoki yangisini soʻrang.</translation>
    </message>
    <message>
        <source>This server cannot send e-mail. Use the phone number or ask your clinic&apos;s administrator.</source>
        <translation>Bu server e-pochta yubora olmaydi. Telefon raqamidan foydalaning yoki klinikangiz administratoriga murojaat qiling.</translation>
    </message>
    <message>
        <source>This server cannot send SMS. Ask your clinic&apos;s administrator for help.</source>
        <translation>Bu server SMS yubora olmaydi. Klinikangiz administratoridan yordam soʻrang.</translation>
    </message>
    <message>
        <source>The SMS could not be sent. Check the phone number and try again in a few minutes.</source>
        <translation>SMS yuborilmadi. Telefon raqamini tekshiring va bir necha daqiqadan keyin qayta urinib koʻring.</translation>
    </message>
    <message>
        <source>The terms of use or the privacy policy have just been updated. Read the new version and accept it to continue.</source>
        <translation>Foydalanish shartlari yoki maxfiylik siyosati hozirgina yangilandi. Davom etish uchun yangi tahrirni oʻqib, qabul qiling.</translation>
    </message>
    <message>
        <source>This phone number already has an account. Sign in, or use &quot;Forgot password?&quot;.</source>
        <translation>Bu telefon raqamiga hisob allaqachon ochilgan. Tizimga kiring yoki «Parolni unutdingizmi?» tugmasidan foydalaning.</translation>
    </message>
    <message>
        <source>This e-mail address already belongs to an account.</source>
        <translation>Bu e-pochta manzili boshqa hisobga biriktirilgan.</translation>
    </message>
    <message>
        <source>The phone number is not a valid Uzbek number. Enter it like +998 90 123 45 67.</source>
        <translation>Telefon raqami Oʻzbekiston raqamiga oʻxshamaydi. Uni +998 90 123 45 67 koʻrinishida kiriting.</translation>
    </message>
    <message>
        <source>The e-mail address is not valid.</source>
        <translation>E-pochta manzili notoʻgʻri.</translation>
    </message>
    <message>
        <source>Enter the clinic&apos;s name (up to 100 characters).</source>
        <translation>Klinika nomini kiriting (100 belgigacha).</translation>
    </message>
    <message>
        <source>Enter your full name (up to 100 characters).</source>
        <translation>F.I.Sh.ingizni kiriting (100 belgigacha).</translation>
    </message>
    <message>
        <source>Too many codes were asked for. Try again in %1.</source>
        <translation>Juda koʻp kod soʻraldi. %1 dan keyin qayta urinib koʻring.</translation>
    </message>
    <message>
        <source>Too many codes were asked for. Try again later.</source>
        <translation>Juda koʻp kod soʻraldi. Keyinroq qayta urinib koʻring.</translation>
    </message>
</context>
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
    <message>
        <source>The server cannot be reached, and the password does not match the one last used on this computer, so you cannot work offline.</source>
        <translation>Serverga ulanib boʻlmadi, parol esa ushbu kompyuterda oxirgi marta ishlatilgan parolga mos kelmadi, shuning uchun oflayn ishlay olmaysiz.</translation>
    </message>
    <message>
        <source>Wait %1 before the next attempt.</source>
        <translation>Keyingi urinishdan oldin kuting: %1.</translation>
    </message>
    <message>
        <source>The server cannot be reached, and the password was entered wrong too many times on this computer. Try again in %1.</source>
        <translation>Serverga ulanib boʻlmadi, ushbu kompyuterda esa parol juda koʻp marta notoʻgʻri kiritildi. Qayta urinish uchun kuting: %1.</translation>
    </message>
    <message>
        <source>The server cannot be reached. Only the person who last signed in online on this computer can work offline here; sign in when the server is reachable.</source>
        <translation>Serverga ulanib boʻlmadi. Bu yerda faqat ushbu kompyuterda oxirgi marta onlayn kirgan xodim oflayn ishlay oladi; server ishlaganda tizimga kiring.</translation>
    </message>
</context>
<context>
    <name>AuditCsvWriter</name>
    <message>
        <source>Time</source>
        <translation>Vaqt</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Kim</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Login</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Amal</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Obyekt</translation>
    </message>
    <message>
        <source>Object id</source>
        <translation>Obyekt identifikatori</translation>
    </message>
    <message>
        <source>Client address</source>
        <translation>Kliyent manzili</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Tafsilotlar</translation>
    </message>
    <message>
        <source>The file %1 cannot be written: %2</source>
        <translation>%1 faylini yozib boʻlmadi: %2</translation>
    </message>
    <message>
        <source>The file %1 could not be saved: %2</source>
        <translation>%1 faylini saqlab boʻlmadi: %2</translation>
    </message>
</context>
<context>
    <name>CabinetQueue</name>
    <message>
        <source>Ticket %1 is still in the cabinet. Finish that visit before calling the next patient.</source>
        <translation>%1-talon hali kabinetda. Keyingi bemorni chaqirishdan oldin ushbu qabulni yakunlang.</translation>
    </message>
    <message>
        <source>Ticket %1 has been called already. Start the visit, or mark the patient as absent, before calling the next one.</source>
        <translation>%1-talon allaqachon chaqirilgan. Keyingisini chaqirishdan oldin qabulni boshlang yoki bemorni kelmagan deb belgilang.</translation>
    </message>
    <message>
        <source>Nobody is waiting in your queue.</source>
        <translation>Navbatingizda hech kim kutmayapti.</translation>
    </message>
    <message>
        <source>Ticket %1 is still in the cabinet. Finish that visit first: one patient at a time.</source>
        <translation>%1-talon hali kabinetda. Avval ushbu qabulni yakunlang: bir vaqtda faqat bitta bemor.</translation>
    </message>
    <message>
        <source>This visit is no longer in the queue. Reload the queue.</source>
        <translation>Bu tashrif endi navbatda yoʻq. Navbatni qayta yuklang.</translation>
    </message>
    <message>
        <source>Ticket %1 is in another doctor&apos;s queue.</source>
        <translation>%1-talon boshqa shifokorning navbatida.</translation>
    </message>
    <message>
        <source>Ticket %1 cannot go from “%2” to “%3”. Reload the queue: someone may have changed it.</source>
        <translation>%1-talon holatini «%2» dan «%3» ga oʻzgartirib boʻlmaydi. Navbatni qayta yuklang: uni kimdir oʻzgartirgan boʻlishi mumkin.</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>kutmoqda</translation>
    </message>
    <message>
        <source>called</source>
        <translation>chaqirilgan</translation>
    </message>
    <message>
        <source>in the cabinet</source>
        <translation>kabinetda</translation>
    </message>
    <message>
        <source>done</source>
        <translation>yakunlangan</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>bekor qilingan</translation>
    </message>
    <message>
        <source>did not come</source>
        <translation>kelmagan</translation>
    </message>
</context>
<context>
    <name>CashSummaryHtmlBuilder</name>
    <message>
        <source>Unknown staff member (%1)</source>
        <translation>Nomaʼlum xodim (%1)</translation>
    </message>
    <message>
        <source>Cash summary for %1</source>
        <translation>Kassa hisoboti: %1</translation>
    </message>
    <message>
        <source>Received, so&apos;m</source>
        <translation>Qabul qilingan, soʻm</translation>
    </message>
    <message>
        <source>Refunded, so&apos;m</source>
        <translation>Qaytarilgan, soʻm</translation>
    </message>
    <message>
        <source>Net, so&apos;m</source>
        <translation>Sof summa, soʻm</translation>
    </message>
    <message>
        <source>No payments were taken on this day.</source>
        <translation>Bu kuni toʻlov qabul qilinmagan.</translation>
    </message>
    <message>
        <source>By payment method</source>
        <translation>Toʻlov usullari boʻyicha</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Toʻlov usuli</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Jami</translation>
    </message>
    <message>
        <source>By receptionist</source>
        <translation>Registratorlar boʻyicha</translation>
    </message>
    <message>
        <source>Receptionist</source>
        <translation>Registrator</translation>
    </message>
    <message>
        <source>Payments: %1. Refunds: %2.</source>
        <translation>Toʻlovlar soni: %1. Qaytarishlar soni: %2.</translation>
    </message>
</context>
<context>
    <name>ChartLoader</name>
    <message>
        <source>read the patients of the queue</source>
        <translation>navbatdagi bemorlar maʼlumotlarini oʻqish</translation>
    </message>
    <message>
        <source>This patient is not in the registry of this computer yet. Wait for the next sync.</source>
        <translation>Bu bemor hali ushbu kompyuterdagi roʻyxatda yoʻq. Keyingi sinxronlashni kuting.</translation>
    </message>
</context>
<context>
    <name>ConsiliumDraft</name>
    <message>
        <source>emergency</source>
        <translation>shoshilinch yordam</translation>
    </message>
    <message>
        <source>urgent</source>
        <translation>shoshilinch</translation>
    </message>
    <message>
        <source>routine</source>
        <translation>rejali</translation>
    </message>
    <message>
        <source>%1 %2, %3, %4.</source>
        <translation>%1 %2, %3, %4.</translation>
    </message>
    <message>
        <source>Cautions: %1</source>
        <translation>Ehtiyot choralari: %1</translation>
    </message>
    <message>
        <source>WARNING: conflicts with the patient&apos;s allergies.</source>
        <translation>DIQQAT: bemorning allergiyasiga toʻgʻri kelmaydi.</translation>
    </message>
    <message>
        <source>WARNING: interacts with the patient&apos;s current medications.</source>
        <translation>DIQQAT: bemor qabul qilayotgan dorilar bilan oʻzaro taʼsir qiladi.</translation>
    </message>
    <message>
        <source>Critical finding (%1): %2</source>
        <translation>Xavfli topilma (%1): %2</translation>
    </message>
    <message>
        <source>Medications:</source>
        <translation>Dori-darmonlar:</translation>
    </message>
    <message>
        <source>Tests:</source>
        <translation>Tekshiruvlar:</translation>
    </message>
    <message>
        <source>Follow-up: %1</source>
        <translation>Keyingi nazorat: %1</translation>
    </message>
    <message>
        <source>Prognosis: %1</source>
        <translation>Prognoz: %1</translation>
    </message>
    <message>
        <source>Differential diagnosis:</source>
        <translation>Differensial tashxis:</translation>
    </message>
    <message>
        <source>Red flags to watch for:</source>
        <translation>Eʼtibor berish kerak boʻlgan xavfli belgilar:</translation>
    </message>
    <message>
        <source>Image %1: %2</source>
        <translation>%1-tasvir: %2</translation>
    </message>
    <message>
        <source>Impression: %1</source>
        <translation>Xulosa: %1</translation>
    </message>
    <message>
        <source>Urgency: %1</source>
        <translation>Shoshilinchlik: %1</translation>
    </message>
    <message>
        <source>Chair: %1</source>
        <translation>Konsilium raisi: %1</translation>
    </message>
    <message>
        <source>Specialists</source>
        <translation>Mutaxassislar</translation>
    </message>
    <message>
        <source>Consensus diagnoses</source>
        <translation>Kelishilgan tashxislar</translation>
    </message>
    <message>
        <source>Rejected hypotheses</source>
        <translation>Rad etilgan taxminlar</translation>
    </message>
    <message>
        <source>Recommended tests</source>
        <translation>Tavsiya etilgan tekshiruvlar</translation>
    </message>
    <message>
        <source>Treatment plan</source>
        <translation>Davolash rejasi</translation>
    </message>
    <message>
        <source>⚠ Conflicts with the patient&apos;s allergies.</source>
        <translation>⚠ Bemorning allergiyasiga toʻgʻri kelmaydi.</translation>
    </message>
    <message>
        <source>⚠ Interacts with the patient&apos;s current medications.</source>
        <translation>⚠ Bemor qabul qilayotgan dorilar bilan oʻzaro taʼsir qiladi.</translation>
    </message>
    <message>
        <source>Medications</source>
        <translation>Dori-darmonlar</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Keyingi nazorat</translation>
    </message>
    <message>
        <source>Prognosis</source>
        <translation>Prognoz</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Manbalar</translation>
    </message>
    <message>
        <source>Red flags</source>
        <translation>Xavfli belgilar</translation>
    </message>
    <message>
        <source>high</source>
        <translation>yuqori</translation>
    </message>
    <message>
        <source>moderate</source>
        <translation>oʻrtacha</translation>
    </message>
    <message>
        <source>low</source>
        <translation>past</translation>
    </message>
    <message>
        <source>Evidence: %1</source>
        <translation>Dalillar darajasi: %1</translation>
    </message>
    <message>
        <source>Differential diagnosis</source>
        <translation>Differensial tashxis</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Topilmalar</translation>
    </message>
    <message>
        <source>Impression</source>
        <translation>Xulosa</translation>
    </message>
    <message>
        <source>Recommendations</source>
        <translation>Tavsiyalar</translation>
    </message>
    <message>
        <source>Limitations</source>
        <translation>Cheklovlar</translation>
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
    <message>
        <source>set indexes aside</source>
        <translation>indekslarni vaqtincha oʻchirib qoʻyish</translation>
    </message>
    <message>
        <source>rebuild the indexes set aside</source>
        <translation>vaqtincha oʻchirilgan indekslarni qayta qurish</translation>
    </message>
</context>
<context>
    <name>EntityJson</name>
    <message>
        <source>This field is required.</source>
        <translation>Bu maydon majburiy.</translation>
    </message>
    <message>
        <source>Must be text.</source>
        <translation>Matn boʻlishi kerak.</translation>
    </message>
    <message numerus="yes">
        <source>Must be at most %n characters.</source>
        <translation>
            <numerusform>Koʻpi bilan %n ta belgi boʻlishi mumkin.</numerusform>
            <numerusform>Koʻpi bilan %n ta belgi boʻlishi mumkin.</numerusform>
        </translation>
    </message>
    <message>
        <source>Must be true or false.</source>
        <translation>true yoki false boʻlishi kerak.</translation>
    </message>
    <message>
        <source>Must be a whole number.</source>
        <translation>Butun son boʻlishi kerak.</translation>
    </message>
    <message>
        <source>Must be between %1 and %2.</source>
        <translation>%1 dan %2 gacha boʻlishi kerak.</translation>
    </message>
    <message>
        <source>Must be an id such as 0190f5a4-7b1c-7d3e-8f00-0123456789ab.</source>
        <translation>Identifikator boʻlishi kerak, masalan 0190f5a4-7b1c-7d3e-8f00-0123456789ab.</translation>
    </message>
    <message>
        <source>Must be a date such as 2026-11-28.</source>
        <translation>Sana boʻlishi kerak, masalan 2026-11-28.</translation>
    </message>
    <message>
        <source>Must be a UTC time such as 2026-11-28T06:00:00.000Z.</source>
        <translation>UTC vaqti boʻlishi kerak, masalan 2026-11-28T06:00:00.000Z.</translation>
    </message>
    <message>
        <source>Must be one of: %1.</source>
        <translation>Quyidagilardan biri boʻlishi kerak: %1.</translation>
    </message>
    <message>
        <source>Must be an object.</source>
        <translation>Obyekt boʻlishi kerak.</translation>
    </message>
    <message>
        <source>Must be a list.</source>
        <translation>Roʻyxat boʻlishi kerak.</translation>
    </message>
    <message>
        <source>This field is not known.</source>
        <translation>Bu maydon nomaʼlum.</translation>
    </message>
    <message>
        <source>Date of birth is not plausible.</source>
        <translation>Tugʻilgan sana haqiqatga toʻgʻri kelmaydi.</translation>
    </message>
    <message>
        <source>Must be an Uzbek number in E.164 form such as +998901234567.</source>
        <translation>E.164 shaklidagi Oʻzbekiston raqami boʻlishi kerak, masalan +998901234567.</translation>
    </message>
    <message numerus="yes">
        <source>At most %n vital signs.</source>
        <translation>
            <numerusform>Koʻpi bilan %n ta hayotiy koʻrsatkich.</numerusform>
            <numerusform>Koʻpi bilan %n ta hayotiy koʻrsatkich.</numerusform>
        </translation>
    </message>
    <message>
        <source>Must be a number with at most 4 digits before and 2 after the point, such as 36.6.</source>
        <translation>Nuqtadan oldin koʻpi bilan 4 ta, keyin koʻpi bilan 2 ta raqamli son boʻlishi kerak, masalan 36.6.</translation>
    </message>
    <message>
        <source>Must be %1.</source>
        <translation>%1 boʻlishi kerak.</translation>
    </message>
    <message>
        <source>Must be an ICD-10 code such as J06.9.</source>
        <translation>XKT-10 kodi boʻlishi kerak, masalan J06.9.</translation>
    </message>
    <message>
        <source>A signed report needs the time it was signed.</source>
        <translation>Imzolangan xulosada imzolash vaqti boʻlishi kerak.</translation>
    </message>
    <message>
        <source>A draft has no signing time.</source>
        <translation>Qoralamada imzolash vaqti boʻlmaydi.</translation>
    </message>
    <message>
        <source>The amount cannot be zero.</source>
        <translation>Summa nolga teng boʻlishi mumkin emas.</translation>
    </message>
    <message>
        <source>Only a reversing entry may have a negative amount.</source>
        <translation>Faqat storno yozuvida summa manfiy boʻlishi mumkin.</translation>
    </message>
    <message>
        <source>A reversing entry must have a negative amount.</source>
        <translation>Storno yozuvida summa manfiy boʻlishi kerak.</translation>
    </message>
    <message>
        <source>Must list report sections, each once: %1.</source>
        <translation>Xulosa boʻlimlarini har birini bir martadan sanashi kerak: %1.</translation>
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
    <name>MoneyText</name>
    <message>
        <source>%1 so&apos;m</source>
        <translation>%1 soʻm</translation>
    </message>
    <message>
        <source>Enter the amount in so&apos;m.</source>
        <translation>Summani soʻmda kiriting.</translation>
    </message>
    <message>
        <source>Enter the amount in digits only, for example 150 000.</source>
        <translation>Summani faqat raqamlar bilan kiriting, masalan 150 000.</translation>
    </message>
    <message>
        <source>Enter whole so&apos;m, without a fractional part.</source>
        <translation>Summani butun soʻmda, kasr qismisiz kiriting.</translation>
    </message>
    <message>
        <source>The amount must be more than zero so&apos;m.</source>
        <translation>Summa nol soʻmdan koʻp boʻlishi kerak.</translation>
    </message>
    <message>
        <source>The amount can be at most %1 so&apos;m.</source>
        <translation>Summa koʻpi bilan %1 soʻm boʻlishi mumkin.</translation>
    </message>
</context>
<context>
    <name>OfflineCredentials</name>
    <message>
        <source>The offline sign-in file %1 cannot be read: %2</source>
        <translation>Oflayn kirish uchun %1 faylini oʻqib boʻlmadi: %2</translation>
    </message>
    <message>
        <source>The offline sign-in file %1 is damaged; sign in online once to renew it.</source>
        <translation>Oflayn kirish uchun %1 fayli shikastlangan; uni yangilash uchun bir marta onlayn kiring.</translation>
    </message>
    <message>
        <source>The offline sign-in file %1 cannot be written: %2</source>
        <translation>Oflayn kirish uchun %1 faylini yozib boʻlmadi: %2</translation>
    </message>
    <message>
        <source>The password could not be prepared for offline sign-in (not enough memory).</source>
        <translation>Parolni oflayn kirish uchun tayyorlab boʻlmadi (xotira yetarli emas).</translation>
    </message>
</context>
<context>
    <name>Outbox</name>
    <message>
        <source>queue the change for the server</source>
        <translation>oʻzgarishni serverga yuborish navbatiga qoʻyish</translation>
    </message>
    <message>
        <source>queue the imported rows for the server</source>
        <translation>import qilingan qatorlarni serverga yuborish navbatiga qoʻyish</translation>
    </message>
</context>
<context>
    <name>PatientCardHtmlBuilder</name>
    <message>
        <source>Patient card</source>
        <translation>Bemor kartasi</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>koʻrsatilmagan</translation>
    </message>
    <message>
        <source>Patient number</source>
        <translation>Bemor raqami</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Familiya</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Ism</translation>
    </message>
    <message>
        <source>Father&apos;s name</source>
        <translation>Otasining ismi</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Tugʻilgan sana</translation>
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
        <source>Sex</source>
        <translation>Jinsi</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Manzil</translation>
    </message>
    <message>
        <source>Allergies</source>
        <translation>Allergiyalar</translation>
    </message>
    <message>
        <source>Current medications</source>
        <translation>Qabul qilayotgan dorilari</translation>
    </message>
    <message>
        <source>Printed on %1</source>
        <translation>Chop etilgan sana: %1</translation>
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
    <name>PatientFieldText</name>
    <message>
        <source>Last name</source>
        <translation>Familiya</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Ism</translation>
    </message>
    <message>
        <source>Father&apos;s name</source>
        <translation>Otasining ismi</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Tugʻilgan sana</translation>
    </message>
    <message>
        <source>Date of birth is estimated</source>
        <translation>Tugʻilgan sana taxminiy</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Jinsi</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Manzil</translation>
    </message>
    <message>
        <source>Allergies</source>
        <translation>Allergiyalar</translation>
    </message>
    <message>
        <source>Current medications</source>
        <translation>Qabul qilayotgan dorilari</translation>
    </message>
    <message>
        <source>Chronic conditions and history</source>
        <translation>Surunkali kasalliklar va anamnez</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Izohlar</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(nomaʼlum)</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(boʻsh)</translation>
    </message>
    <message>
        <source>Yes, from the age given</source>
        <translation>Ha, aytilgan yoshdan hisoblangan</translation>
    </message>
    <message>
        <source>No, the exact date</source>
        <translation>Yoʻq, aniq sana</translation>
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
        <source>Not given</source>
        <translation>Koʻrsatilmagan</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ha</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Yoʻq</translation>
    </message>
</context>
<context>
    <name>PatientLookup</name>
    <message>
        <source>read the patients</source>
        <translation>bemorlar maʼlumotlarini oʻqish</translation>
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
    <name>PaymentStore</name>
    <message>
        <source>Patient</source>
        <translation>Bemor</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Tashrif</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Summa</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>Toʻlov usuli</translation>
    </message>
    <message>
        <source>Taken by</source>
        <translation>Qabul qilgan xodim</translation>
    </message>
    <message>
        <source>Taken at</source>
        <translation>Toʻlov vaqti</translation>
    </message>
    <message>
        <source>Reversed payment</source>
        <translation>Storno qilingan toʻlov</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Chek</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Izoh</translation>
    </message>
    <message>
        <source>The payment was not saved. %1: %2</source>
        <translation>Toʻlov saqlanmadi. %1: %2</translation>
    </message>
    <message>
        <source>save the payment</source>
        <translation>toʻlovni saqlash</translation>
    </message>
    <message>
        <source>A payment is reversed with a reversing entry, not entered by hand.</source>
        <translation>Toʻlov qoʻlda kiritilmaydi, balki storno yozuvi bilan bekor qilinadi.</translation>
    </message>
    <message>
        <source>The amount must be more than zero so&apos;m.</source>
        <translation>Summa nol soʻmdan koʻp boʻlishi kerak.</translation>
    </message>
    <message>
        <source>Payment record %1 is not in %2.</source>
        <translation>%1 toʻlov yozuvi %2 faylida yoʻq.</translation>
    </message>
    <message>
        <source>This entry already reverses another payment and cannot itself be reversed.</source>
        <translation>Bu yozuv boshqa toʻlovni storno qiladi, shuning uchun uni storno qilib boʻlmaydi.</translation>
    </message>
    <message>
        <source>This payment was already reversed on %1.</source>
        <translation>Bu toʻlov %1 da allaqachon storno qilingan.</translation>
    </message>
    <message>
        <source>read the payment</source>
        <translation>toʻlov maʼlumotlarini oʻqish</translation>
    </message>
    <message>
        <source>read the patient&apos;s payments</source>
        <translation>bemorning toʻlovlarini oʻqish</translation>
    </message>
    <message>
        <source>read the day&apos;s payments</source>
        <translation>kunlik toʻlovlarni oʻqish</translation>
    </message>
    <message>
        <source>add up the payments</source>
        <translation>toʻlovlarni jamlash</translation>
    </message>
    <message>
        <source>read the payments</source>
        <translation>toʻlovlar maʼlumotlarini oʻqish</translation>
    </message>
</context>
<context>
    <name>PrintDocument</name>
    <message>
        <source>Page %1 of %2</source>
        <translation>Sahifa %1 / %2</translation>
    </message>
    <message>
        <source>The PDF file %1 cannot be written: %2</source>
        <translation>%1 PDF faylini yozib boʻlmadi: %2</translation>
    </message>
    <message>
        <source>The PDF was not produced.</source>
        <translation>PDF yaratilmadi.</translation>
    </message>
</context>
<context>
    <name>ReceiptHtmlBuilder</name>
    <message>
        <source>Payment receipt</source>
        <translation>Toʻlov cheki</translation>
    </message>
    <message>
        <source>Refund receipt</source>
        <translation>Pul qaytarish cheki</translation>
    </message>
    <message>
        <source>Receipt No.</source>
        <translation>Chek raqami</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Sana</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Bemor</translation>
    </message>
    <message>
        <source>Patient number</source>
        <translation>Bemor raqami</translation>
    </message>
    <message>
        <source>Doctor</source>
        <translation>Shifokor</translation>
    </message>
    <message>
        <source>Unknown doctor</source>
        <translation>Nomaʼlum shifokor</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Talon</translation>
    </message>
    <message>
        <source>Cancels receipt No.</source>
        <translation>Bekor qilinayotgan chek raqami</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Toʻlov usuli</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Izoh</translation>
    </message>
    <message>
        <source>Taken by</source>
        <translation>Qabul qilgan xodim</translation>
    </message>
    <message>
        <source>Unknown staff member</source>
        <translation>Nomaʼlum xodim</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Qaytarildi</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Toʻlandi</translation>
    </message>
</context>
<context>
    <name>ReportHtmlBuilder</name>
    <message>
        <source>Visit report</source>
        <translation>Qabul xulosasi</translation>
    </message>
    <message>
        <source>Addendum to a visit report</source>
        <translation>Qabul xulosasiga qoʻshimcha</translation>
    </message>
    <message>
        <source>This report does not replace a doctor&apos;s judgement.</source>
        <translation>Bu xulosa shifokor mulohazasining oʻrnini bosmaydi.</translation>
    </message>
    <message>
        <source>(doctor not in this computer&apos;s staff list)</source>
        <translation>(shifokor ushbu kompyuterdagi xodimlar roʻyxatida yoʻq)</translation>
    </message>
    <message>
        <source>ICD-10: %1</source>
        <translation>XKT-10: %1</translation>
    </message>
    <message>
        <source>DRAFT — not signed</source>
        <translation>QORALAMA — imzolanmagan</translation>
    </message>
    <message>
        <source>Signed: %1</source>
        <translation>Imzolangan: %1</translation>
    </message>
    <message>
        <source>Doctor:</source>
        <translation>Shifokor:</translation>
    </message>
    <message>
        <source>male</source>
        <translation>erkak</translation>
    </message>
    <message>
        <source>female</source>
        <translation>ayol</translation>
    </message>
    <message>
        <source>Patient:</source>
        <translation>Bemor:</translation>
    </message>
    <message>
        <source>Patient number:</source>
        <translation>Bemor raqami:</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Sana:</translation>
    </message>
    <message>
        <source>Addendum of %1, %2</source>
        <translation>Qoʻshimcha: %1, %2</translation>
    </message>
    <message>
        <source>This report records the doctor&apos;s examination on the date above. Take medicines only as prescribed, and see a doctor if you feel worse or your condition changes.</source>
        <translation>Ushbu xulosa yuqorida koʻrsatilgan sanadagi shifokor koʻrigi natijalarini aks ettiradi. Dori-darmonlarni faqat tayinlanganidek qabul qiling; ahvolingiz yomonlashsa yoki oʻzgarsa, shifokorga murojaat qiling.</translation>
    </message>
    <message>
        <source>Draft: not a medical document until the doctor signs it.</source>
        <translation>Qoralama: shifokor imzolamaguncha tibbiy hujjat hisoblanmaydi.</translation>
    </message>
    <message>
        <source>Date of birth:</source>
        <translation>Tugʻilgan sana:</translation>
    </message>
    <message>
        <source>Sex:</source>
        <translation>Jinsi:</translation>
    </message>
    <message>
        <source>(drafted with AI)</source>
        <translation>(AI yordamida tayyorlangan)</translation>
    </message>
    <message>
        <source>Sections marked %1 contain text drafted by the AI consilium and accepted by the doctor.</source>
        <translation>%1 belgili boʻlimlarda AI konsilium tayyorlagan va shifokor qabul qilgan matn bor.</translation>
    </message>
</context>
<context>
    <name>ReportSectionsText</name>
    <message>
        <source>(empty)</source>
        <translation>(boʻsh)</translation>
    </message>
    <message>
        <source>%1: %2 %3</source>
        <translation>%1: %2 %3</translation>
    </message>
    <message>
        <source>%1 (ICD-10 %2)</source>
        <translation>%1 (XKT-10 %2)</translation>
    </message>
</context>
<context>
    <name>ReportStore</name>
    <message>
        <source>Visit</source>
        <translation>Tashrif</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Bemor</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Muallif</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Holat</translation>
    </message>
    <message>
        <source>Corrected report</source>
        <translation>Tuzatilayotgan xulosa</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>Shikoyatlar</translation>
    </message>
    <message>
        <source>Anamnesis</source>
        <translation>Anamnez</translation>
    </message>
    <message>
        <source>Vital signs</source>
        <translation>Hayotiy koʻrsatkichlar</translation>
    </message>
    <message>
        <source>Examination</source>
        <translation>Koʻrik</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>Tashxis</translation>
    </message>
    <message>
        <source>ICD-10 code</source>
        <translation>XKT-10 kodi</translation>
    </message>
    <message>
        <source>Treatment plan</source>
        <translation>Davolash rejasi</translation>
    </message>
    <message>
        <source>Recommendations</source>
        <translation>Tavsiyalar</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Izohlar</translation>
    </message>
    <message>
        <source>Created at</source>
        <translation>Yaratilgan vaqti</translation>
    </message>
    <message>
        <source>Signed at</source>
        <translation>Imzolangan vaqti</translation>
    </message>
    <message>
        <source>Vital signs (%1)</source>
        <translation>Hayotiy koʻrsatkichlar (%1)</translation>
    </message>
    <message>
        <source>The report was not saved. %1: %2</source>
        <translation>Xulosa saqlanmadi. %1: %2</translation>
    </message>
    <message>
        <source>A new report starts as a draft; it is signed once written.</source>
        <translation>Yangi xulosa qoralama sifatida boshlanadi; yozib boʻlingach imzolanadi.</translation>
    </message>
    <message>
        <source>Only the server marks a report as a second version of a draft.</source>
        <translation>Xulosani qoralamaning ikkinchi versiyasi deb faqat server belgilaydi.</translation>
    </message>
    <message>
        <source>An addendum must correct a signed report, and %1 is not one.</source>
        <translation>Qoʻshimcha faqat imzolangan xulosani tuzatishi mumkin, %1 esa imzolangan xulosa emas.</translation>
    </message>
    <message>
        <source>save the report</source>
        <translation>xulosani saqlash</translation>
    </message>
    <message>
        <source>Report record %1 is not in %2.</source>
        <translation>%1 xulosa yozuvi %2 faylida yoʻq.</translation>
    </message>
    <message>
        <source>This report was deleted and can no longer change.</source>
        <translation>Bu xulosa oʻchirilgan, uni endi oʻzgartirib boʻlmaydi.</translation>
    </message>
    <message>
        <source>This report is signed and can no longer be changed. Write an addendum to correct it.</source>
        <translation>Bu xulosa imzolangan, uni endi oʻzgartirib boʻlmaydi. Tuzatish uchun qoʻshimcha yozing.</translation>
    </message>
    <message>
        <source>delete the report</source>
        <translation>xulosani oʻchirish</translation>
    </message>
    <message>
        <source>read the report</source>
        <translation>xulosani oʻqish</translation>
    </message>
    <message>
        <source>read the patient&apos;s reports</source>
        <translation>bemorning xulosalarini oʻqish</translation>
    </message>
    <message>
        <source>read the visit&apos;s reports</source>
        <translation>tashrif xulosalarini oʻqish</translation>
    </message>
    <message>
        <source>read the addenda</source>
        <translation>qoʻshimchalarni oʻqish</translation>
    </message>
    <message>
        <source>read the reports</source>
        <translation>xulosalarni oʻqish</translation>
    </message>
    <message>
        <source>Sections drafted with AI</source>
        <translation>AI yordamida tayyorlangan boʻlimlar</translation>
    </message>
</context>
<context>
    <name>ReportVocabulary</name>
    <message>
        <source>Complaints</source>
        <translation>Shikoyatlar</translation>
    </message>
    <message>
        <source>Anamnesis</source>
        <translation>Anamnez</translation>
    </message>
    <message>
        <source>Vital signs</source>
        <translation>Hayotiy koʻrsatkichlar</translation>
    </message>
    <message>
        <source>Examination</source>
        <translation>Koʻrik</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>Tashxis</translation>
    </message>
    <message>
        <source>ICD-10 code</source>
        <translation>XKT-10 kodi</translation>
    </message>
    <message>
        <source>Treatment plan</source>
        <translation>Davolash rejasi</translation>
    </message>
    <message>
        <source>Recommendations</source>
        <translation>Tavsiyalar</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Izohlar</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>Harorat</translation>
    </message>
    <message>
        <source>Pulse</source>
        <translation>Puls</translation>
    </message>
    <message>
        <source>Blood pressure, systolic</source>
        <translation>Arterial bosim, sistolik</translation>
    </message>
    <message>
        <source>Blood pressure, diastolic</source>
        <translation>Arterial bosim, diastolik</translation>
    </message>
    <message>
        <source>Respiratory rate</source>
        <translation>Nafas olish tezligi</translation>
    </message>
    <message>
        <source>Oxygen saturation (SpO₂)</source>
        <translation>Kislorod saturatsiyasi (SpO₂)</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Vazn</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>Boʻy</translation>
    </message>
    <message>
        <source>Blood glucose</source>
        <translation>Qondagi glyukoza</translation>
    </message>
</context>
<context>
    <name>SubscriptionStatus</name>
    <message>
        <source>Trial</source>
        <translation>Sinov davri</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>Oylik</translation>
    </message>
    <message>
        <source>Quarterly</source>
        <translation>Choraklik</translation>
    </message>
    <message>
        <source>Yearly</source>
        <translation>Yillik</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Faol</translation>
    </message>
    <message>
        <source>Payment overdue (grace period)</source>
        <translation>Toʻlov kechikmoqda (imtiyozli davr)</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Muddati tugagan</translation>
    </message>
    <message numerus="yes">
        <source>Paid until %1 (%n day(s) left).</source>
        <translation>
            <numerusform>%1 gacha toʻlangan (%n kun qoldi).</numerusform>
            <numerusform>%1 gacha toʻlangan (%n kun qoldi).</numerusform>
        </translation>
    </message>
    <message>
        <source>The subscription ended on %1. Everything keeps working until %2; after that new visits and AI are refused until it is renewed.</source>
        <translation>Obuna %1 da tugadi. %2 gacha hammasi ishlayveradi; undan keyin obuna yangilanmaguncha yangi tashriflar va AI ishlamaydi.</translation>
    </message>
    <message>
        <source>The subscription ended on %1. Patients and records stay available and keep syncing, but the server refuses new visits and AI until a payment is approved.</source>
        <translation>Obuna %1 da tugadi. Bemorlar va yozuvlar ochiq qoladi va sinxronlanishda davom etadi, lekin toʻlov tasdiqlanmaguncha server yangi tashriflar va AI soʻrovlarini qabul qilmaydi.</translation>
    </message>
    <message>
        <source>Waiting for approval</source>
        <translation>Tasdiqlanishi kutilmoqda</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Tasdiqlandi</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rad etildi</translation>
    </message>
</context>
<context>
    <name>SyncBadge</name>
    <message>
        <source>New</source>
        <translation>Yangi</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Oʻzgartirilgan</translation>
    </message>
    <message>
        <source>Uploading</source>
        <translation>Yuborilmoqda</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>Sinxronlangan</translation>
    </message>
    <message>
        <source>Sync error</source>
        <translation>Sinxronlash xatosi</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Ziddiyat</translation>
    </message>
    <message>
        <source>New on this PC, not yet sent to the server.</source>
        <translation>Bu kompyuterda yaratilgan, hali serverga yuborilmagan.</translation>
    </message>
    <message>
        <source>Changed on this PC, not yet sent to the server.</source>
        <translation>Bu kompyuterda oʻzgartirilgan, hali serverga yuborilmagan.</translation>
    </message>
    <message>
        <source>Being sent to the server.</source>
        <translation>Serverga yuborilmoqda.</translation>
    </message>
    <message>
        <source>The same as on the server.</source>
        <translation>Serverdagi bilan bir xil.</translation>
    </message>
    <message>
        <source>The server refused this change. It is kept on this PC; see Sync › Sync errors.</source>
        <translation>Server bu oʻzgarishni rad etdi. U shu kompyuterda saqlanadi; qarang: Sinxronlash › Sinxronlash xatolari.</translation>
    </message>
    <message>
        <source>Changed on this PC and on the server. Someone must decide which values to keep; see Sync › Conflicts.</source>
        <translation>Bu kompyuterda ham, serverda ham oʻzgartirilgan. Qaysi qiymatlar qolishini kimdir hal qilishi kerak; qarang: Sinxronlash › Ziddiyatlar.</translation>
    </message>
</context>
<context>
    <name>SyncCommands</name>
    <message numerus="yes">
        <source>%n second(s) ago</source>
        <translation>
            <numerusform>%n soniya oldin</numerusform>
            <numerusform>%n soniya oldin</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>%n daqiqa oldin</numerusform>
            <numerusform>%n daqiqa oldin</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>%n soat oldin</numerusform>
            <numerusform>%n soat oldin</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n kun oldin</numerusform>
            <numerusform>%n kun oldin</numerusform>
        </translation>
    </message>
    <message>
        <source>patient</source>
        <translation>bemor</translation>
    </message>
    <message>
        <source>visit</source>
        <translation>tashrif</translation>
    </message>
    <message>
        <source>report</source>
        <translation>xulosa</translation>
    </message>
    <message>
        <source>payment</source>
        <translation>toʻlov</translation>
    </message>
    <message>
        <source>The server cannot be reached. Check the network and the server address.</source>
        <translation>Serverga ulanib boʻlmadi. Tarmoqni va server manzilini tekshiring.</translation>
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation>Server oʻz vaqtida javob bermadi.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted. For a clinic&apos;s own server, give its CA certificate with --ca-certificate FILE.</source>
        <translation>Server sertifikatiga ishonib boʻlmaydi. Klinikaning oʻz serveri uchun uning CA sertifikatini --ca-certificate FILE bilan koʻrsating.</translation>
    </message>
    <message>
        <source>Addresses starting with http:// are refused unless --allow-insecure-http is given.</source>
        <translation>http:// bilan boshlanadigan manzillar --allow-insecure-http berilmagan boʻlsa, rad etiladi.</translation>
    </message>
    <message>
        <source>The server address is not valid; give it like clinic.example.uz or https://clinic.example.uz.</source>
        <translation>Server manzili notoʻgʻri; uni clinic.example.uz yoki https://clinic.example.uz koʻrinishida bering.</translation>
    </message>
    <message>
        <source>The server gave an answer medora-cli does not understand (%1).</source>
        <translation>Server medora-cli tushunmaydigan javob qaytardi (%1).</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Bekor qilindi.</translation>
    </message>
    <message>
        <source>Not signed in: run medora-cli login.</source>
        <translation>Tizimga kirilmagan: medora-cli login buyrugʻini bajaring.</translation>
    </message>
    <message>
        <source>The login or the password is wrong.</source>
        <translation>Login yoki parol notoʻgʻri.</translation>
    </message>
    <message numerus="yes">
        <source>Too many attempts. Try again in %n second(s).</source>
        <translation>
            <numerusform>Urinishlar juda koʻp. %n soniyadan keyin qayta urinib koʻring.</numerusform>
            <numerusform>Urinishlar juda koʻp. %n soniyadan keyin qayta urinib koʻring.</numerusform>
        </translation>
    </message>
    <message>
        <source>Too many attempts. Try again later.</source>
        <translation>Urinishlar juda koʻp. Keyinroq qayta urinib koʻring.</translation>
    </message>
    <message>
        <source>The session has ended: run medora-cli login again.</source>
        <translation>Seans tugadi: medora-cli login buyrugʻini qayta bajaring.</translation>
    </message>
    <message>
        <source>The account must change its password first: sign in once with the Medora app.</source>
        <translation>Avval hisob parolini oʻzgartirish kerak: Medora dasturi orqali bir marta kiring.</translation>
    </message>
    <message>
        <source>The server accepts only secure connections: use its https:// address.</source>
        <translation>Server faqat xavfsiz ulanishlarni qabul qiladi: uning https:// manzilidan foydalaning.</translation>
    </message>
    <message>
        <source>The server does not answer to this address.</source>
        <translation>Server bu manzil orqali javob bermaydi.</translation>
    </message>
    <message>
        <source>This account may not do this.</source>
        <translation>Bu hisobga bu amalga ruxsat berilmagan.</translation>
    </message>
    <message>
        <source>The server is busy. Try again in a moment.</source>
        <translation>Server band. Birozdan soʻng qayta urinib koʻring.</translation>
    </message>
    <message>
        <source>The server refused the request (%1, HTTP %2).</source>
        <translation>Server soʻrovni rad etdi (%1, HTTP %2).</translation>
    </message>
    <message>
        <source>No server is set up for %1: run medora-cli login first.</source>
        <translation>%1 uchun server sozlanmagan: avval medora-cli login buyrugʻini bajaring.</translation>
    </message>
    <message>
        <source>The keychain cannot be read: %1</source>
        <translation>Kalitlar omborini oʻqib boʻlmadi: %1</translation>
    </message>
    <message>
        <source>Not signed in to %1: run medora-cli login.</source>
        <translation>%1 serveriga kirilmagan: medora-cli login buyrugʻini bajaring.</translation>
    </message>
    <message>
        <source>The account %1 must change its password first: sign in once with the Medora app.</source>
        <translation>Avval %1 hisobining parolini oʻzgartirish kerak: Medora dasturi orqali bir marta kiring.</translation>
    </message>
    <message>
        <source>Signed in, but the keychain refused to keep the session, so it was ended: %1</source>
        <translation>Tizimga kirildi, lekin kalitlar ombori seansni saqlamadi, shuning uchun seans yakunlandi: %1</translation>
    </message>
    <message>
        <source>Signed in to %1 as %2 (%3, %4).</source>
        <translation>%1 serveriga %2 sifatida kirildi (%3, %4).</translation>
    </message>
    <message numerus="yes">
        <source>Up to date; watching for changes for %n second(s).</source>
        <translation>
            <numerusform>Maʼlumotlar dolzarb; %n soniya davomida oʻzgarishlar kuzatiladi.</numerusform>
            <numerusform>Maʼlumotlar dolzarb; %n soniya davomida oʻzgarishlar kuzatiladi.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Pulled %n change(s).</source>
        <translation>
            <numerusform>Serverdan %n ta oʻzgarish olindi.</numerusform>
            <numerusform>Serverdan %n ta oʻzgarish olindi.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Pushed %n change(s):</source>
        <translation>
            <numerusform>Serverga %n ta oʻzgarish yuborildi:</numerusform>
            <numerusform>Serverga %n ta oʻzgarish yuborildi:</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 accepted, %2 in conflict, %3 refused.</source>
        <translation>%1 ta qabul qilindi, %2 ta ziddiyatda, %3 ta rad etildi.</translation>
    </message>
    <message numerus="yes">
        <source>Waiting to be sent: %n change(s).</source>
        <translation>
            <numerusform>Yuborilishini kutmoqda: %n ta oʻzgarish.</numerusform>
            <numerusform>Yuborilishini kutmoqda: %n ta oʻzgarish.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Refused by the server: %n change(s); medora-cli status lists them.</source>
        <translation>
            <numerusform>Server rad etgan: %n ta oʻzgarish; roʻyxatini medora-cli status koʻrsatadi.</numerusform>
            <numerusform>Server rad etgan: %n ta oʻzgarish; roʻyxatini medora-cli status koʻrsatadi.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Conflicts waiting for a decision: %n.</source>
        <translation>
            <numerusform>Qaror kutayotgan ziddiyatlar: %n.</numerusform>
            <numerusform>Qaror kutayotgan ziddiyatlar: %n.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync failed: %1</source>
        <translation>Sinxronlash bajarilmadi: %1</translation>
    </message>
    <message>
        <source>Server: none (run medora-cli login)</source>
        <translation>Server: yoʻq (medora-cli login buyrugʻini bajaring)</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Server: %1</translation>
    </message>
    <message>
        <source>Signed in: unknown (the keychain cannot be read: %1)</source>
        <translation>Tizimga kirilgan: nomaʼlum (kalitlar omborini oʻqib boʻlmadi: %1)</translation>
    </message>
    <message>
        <source>Signed in: yes</source>
        <translation>Tizimga kirilgan: ha</translation>
    </message>
    <message>
        <source>Signed in: no</source>
        <translation>Tizimga kirilgan: yoʻq</translation>
    </message>
    <message>
        <source>Waiting to be sent: nothing</source>
        <translation>Yuborilishini kutmoqda: hech narsa</translation>
    </message>
    <message numerus="yes">
        <source>Waiting to be sent: %n change(s)</source>
        <translation>
            <numerusform>Yuborilishini kutmoqda: %n ta oʻzgarish</numerusform>
            <numerusform>Yuborilishini kutmoqda: %n ta oʻzgarish</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n record(s))</source>
        <translation>
            <numerusform>(%n ta yozuv)</numerusform>
            <numerusform>(%n ta yozuv)</numerusform>
        </translation>
    </message>
    <message>
        <source>the oldest from %1 (%2)</source>
        <translation>eng eskisi: %1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>Refused by the server: %n change(s)</source>
        <translation>
            <numerusform>Server rad etgan: %n ta oʻzgarish</numerusform>
            <numerusform>Server rad etgan: %n ta oʻzgarish</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s)</source>
        <translation>
            <numerusform>%n ta urinish</numerusform>
            <numerusform>%n ta urinish</numerusform>
        </translation>
    </message>
    <message>
        <source>last tried %1</source>
        <translation>oxirgi urinish: %1</translation>
    </message>
    <message numerus="yes">
        <source>Conflicts waiting for a decision: %n</source>
        <translation>
            <numerusform>Qaror kutayotgan ziddiyatlar: %n</numerusform>
            <numerusform>Qaror kutayotgan ziddiyatlar: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>two versions of the draft (the other one is %1)</source>
        <translation>qoralamaning ikki versiyasi (ikkinchisi: %1)</translation>
    </message>
    <message>
        <source>Last successful pull: %1 (%2)</source>
        <translation>Serverdan oxirgi muvaffaqiyatli olish: %1 (%2)</translation>
    </message>
    <message>
        <source>Last successful pull: never</source>
        <translation>Serverdan oxirgi muvaffaqiyatli olish: hech qachon</translation>
    </message>
    <message>
        <source>Status: green (everything is on the server)</source>
        <translation>Holat: yashil (hammasi serverda)</translation>
    </message>
    <message>
        <source>Status: not green</source>
        <translation>Holat: yashil emas</translation>
    </message>
    <message>
        <source>Not signed in.</source>
        <translation>Tizimga kirilmagan.</translation>
    </message>
    <message>
        <source>The keychain refused to remove the session: %1</source>
        <translation>Kalitlar ombori seansni oʻchirmadi: %1</translation>
    </message>
    <message>
        <source>Signed out.</source>
        <translation>Tizimdan chiqildi.</translation>
    </message>
    <message>
        <source>Signed out on this computer. The server could not be told (%1); the session there ends when it expires.</source>
        <translation>Ushbu kompyuterda tizimdan chiqildi. Serverga xabar berib boʻlmadi (%1); u yerdagi seans muddati tugaganda yakunlanadi.</translation>
    </message>
</context>
<context>
    <name>SyncJournal</name>
    <message>
        <source>Something this change needs (its patient, visit or report) has not reached the server yet.</source>
        <translation>Bu oʻzgarish bogʻliq boʻlgan yozuv (bemor, tashrif yoki xulosa) hali serverga yetib bormagan.</translation>
    </message>
    <message>
        <source>The patient, visit or report this change belongs to was deleted on the server.</source>
        <translation>Bu oʻzgarish tegishli boʻlgan bemor, tashrif yoki xulosa serverda oʻchirilgan.</translation>
    </message>
    <message>
        <source>The report is signed on the server and can no longer change. Write an addendum instead.</source>
        <translation>Xulosa serverda imzolangan, uni endi oʻzgartirib boʻlmaydi. Buning oʻrniga qoʻshimcha yozing.</translation>
    </message>
    <message>
        <source>Only the doctor who wrote this draft may change it.</source>
        <translation>Bu qoralamani faqat uni yozgan shifokor oʻzgartira oladi.</translation>
    </message>
    <message>
        <source>A recorded payment cannot change. Add a reversing entry instead.</source>
        <translation>Qayd etilgan toʻlovni oʻzgartirib boʻlmaydi. Buning oʻrniga storno yozuvini qoʻshing.</translation>
    </message>
    <message>
        <source>Your role does not allow this change.</source>
        <translation>Rolingiz bu oʻzgarishga ruxsat bermaydi.</translation>
    </message>
    <message>
        <source>The server did not answer this change.</source>
        <translation>Server bu oʻzgarishga javob bermadi.</translation>
    </message>
    <message>
        <source>The server refused this change (%1).</source>
        <translation>Server bu oʻzgarishni rad etdi (%1).</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>patient %1</source>
        <translation>bemor %1</translation>
    </message>
    <message>
        <source>Visit of %1, ticket %2 on %3</source>
        <translation>%1 tashrifi: %2-talon, %3</translation>
    </message>
    <message>
        <source>Report for %1 of %2</source>
        <translation>%1 uchun xulosa (%2)</translation>
    </message>
    <message>
        <source>Payment of %1 so&apos;m for %2</source>
        <translation>%1 soʻm toʻlov: %2</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>retry the change</source>
        <translation>oʻzgarishni qayta yuborish</translation>
    </message>
    <message>
        <source>read the conflict</source>
        <translation>ziddiyatni oʻqish</translation>
    </message>
    <message>
        <source>That conflict is already resolved or is not a %1 conflict.</source>
        <translation>Bu ziddiyat allaqachon hal qilingan yoki u %1 ziddiyati emas.</translation>
    </message>
    <message>
        <source>close the conflict</source>
        <translation>ziddiyatni yopish</translation>
    </message>
    <message>
        <source>recover the interrupted upload</source>
        <translation>uzilib qolgan yuborishni tiklash</translation>
    </message>
    <message>
        <source>prepare the changes for the server</source>
        <translation>oʻzgarishlarni serverga tayyorlash</translation>
    </message>
    <message>
        <source>save the server&apos;s answer</source>
        <translation>server javobini saqlash</translation>
    </message>
    <message>
        <source>put the changes back in the queue</source>
        <translation>oʻzgarishlarni navbatga qaytarish</translation>
    </message>
    <message>
        <source>apply the server&apos;s changes</source>
        <translation>server oʻzgarishlarini qoʻllash</translation>
    </message>
    <message>
        <source>finish the full download</source>
        <translation>toʻliq yuklab olishni yakunlash</translation>
    </message>
    <message>
        <source>count the changes waiting for the server</source>
        <translation>serverga yuborilishini kutayotgan oʻzgarishlarni sanash</translation>
    </message>
    <message>
        <source>read the changes the server refused</source>
        <translation>server rad etgan oʻzgarishlarni oʻqish</translation>
    </message>
    <message>
        <source>That change is no longer in the error list.</source>
        <translation>Bu oʻzgarish endi xatolar roʻyxatida yoʻq.</translation>
    </message>
    <message>
        <source>retry the changes</source>
        <translation>oʻzgarishlarni qayta yuborish</translation>
    </message>
    <message>
        <source>read the conflicts</source>
        <translation>ziddiyatlarni oʻqish</translation>
    </message>
    <message>
        <source>Patient record %1 is not in %2.</source>
        <translation>%1 bemor yozuvi %2 faylida yoʻq.</translation>
    </message>
    <message>
        <source>The kept value of %1 cannot be saved: %2</source>
        <translation>%1 maydonining tanlangan qiymatini saqlab boʻlmadi: %2</translation>
    </message>
    <message>
        <source>Choose one of the two versions of the draft to keep.</source>
        <translation>Qoralamaning ikki versiyasidan qoldiriladiganini tanlang.</translation>
    </message>
</context>
<context>
    <name>SyncProtocol</name>
    <message>
        <source>This field is required.</source>
        <translation>Bu maydon majburiy.</translation>
    </message>
    <message>
        <source>Must be text.</source>
        <translation>Matn boʻlishi kerak.</translation>
    </message>
    <message numerus="yes">
        <source>Must be at most %n characters.</source>
        <translation>
            <numerusform>Koʻpi bilan %n ta belgi boʻlishi mumkin.</numerusform>
            <numerusform>Koʻpi bilan %n ta belgi boʻlishi mumkin.</numerusform>
        </translation>
    </message>
    <message>
        <source>Must be true or false.</source>
        <translation>true yoki false boʻlishi kerak.</translation>
    </message>
    <message>
        <source>Must be a whole number.</source>
        <translation>Butun son boʻlishi kerak.</translation>
    </message>
    <message>
        <source>Must be between %1 and %2.</source>
        <translation>%1 dan %2 gacha boʻlishi kerak.</translation>
    </message>
    <message>
        <source>Must be an id such as 0190f5a4-7b1c-7d3e-8f00-0123456789ab.</source>
        <translation>Identifikator boʻlishi kerak, masalan 0190f5a4-7b1c-7d3e-8f00-0123456789ab.</translation>
    </message>
    <message>
        <source>Must be one of: %1.</source>
        <translation>Quyidagilardan biri boʻlishi kerak: %1.</translation>
    </message>
    <message>
        <source>Must be an object.</source>
        <translation>Obyekt boʻlishi kerak.</translation>
    </message>
    <message>
        <source>Must be a list.</source>
        <translation>Roʻyxat boʻlishi kerak.</translation>
    </message>
    <message>
        <source>This field is not known.</source>
        <translation>Bu maydon nomaʼlum.</translation>
    </message>
    <message>
        <source>Lists a field more than once or a field that does not merge.</source>
        <translation>Maydon bir necha marta koʻrsatilgan yoki birlashtirilmaydigan maydon koʻrsatilgan.</translation>
    </message>
    <message>
        <source>Must be one of the patient fields that merge: %1.</source>
        <translation>Birlashtiriladigan bemor maydonlaridan biri boʻlishi kerak: %1.</translation>
    </message>
    <message>
        <source>This field is listed twice.</source>
        <translation>Bu maydon ikki marta koʻrsatilgan.</translation>
    </message>
    <message>
        <source>Must be a UTC time such as 2026-11-28T06:00:00.000Z.</source>
        <translation>UTC vaqti boʻlishi kerak, masalan 2026-11-28T06:00:00.000Z.</translation>
    </message>
    <message>
        <source>A deleted record carries no data.</source>
        <translation>Oʻchirilgan yozuvda maʼlumot boʻlmaydi.</translation>
    </message>
    <message>
        <source>The first answer to an operation cannot be &quot;duplicate&quot;.</source>
        <translation>Amalga birinchi javob «duplicate» boʻlishi mumkin emas.</translation>
    </message>
    <message>
        <source>Only a duplicate answer has a first status.</source>
        <translation>Birinchi holat faqat «duplicate» javobida boʻladi.</translation>
    </message>
    <message>
        <source>Only a conflict answer has this field.</source>
        <translation>Bu maydon faqat ziddiyat haqidagi javobda boʻladi.</translation>
    </message>
    <message>
        <source>Not one of the conflicting fields.</source>
        <translation>Bu ziddiyatli maydonlardan biri emas.</translation>
    </message>
    <message>
        <source>Must be a plain value.</source>
        <translation>Oddiy qiymat boʻlishi kerak.</translation>
    </message>
    <message>
        <source>Must be a code of small letters, digits and _.</source>
        <translation>Kichik lotin harflari, raqamlar va _ belgisidan iborat kod boʻlishi kerak.</translation>
    </message>
    <message>
        <source>Only a rejection has this field.</source>
        <translation>Bu maydon faqat rad javobida boʻladi.</translation>
    </message>
    <message>
        <source>Only patient changes list their fields.</source>
        <translation>Maydonlar roʻyxati faqat bemor oʻzgarishlarida boʻladi.</translation>
    </message>
    <message>
        <source>A delete changes no fields.</source>
        <translation>Oʻchirish hech bir maydonni oʻzgartirmaydi.</translation>
    </message>
    <message>
        <source>A delete carries no data.</source>
        <translation>Oʻchirishda maʼlumot boʻlmaydi.</translation>
    </message>
    <message>
        <source>The push is larger than %1 bytes.</source>
        <translation>Yuborilayotgan maʼlumot %1 baytdan katta.</translation>
    </message>
    <message>
        <source>The push is nested more than %1 levels deep.</source>
        <translation>Yuborilayotgan maʼlumotning ichma-ich joylashuvi %1 darajadan chuqur.</translation>
    </message>
    <message>
        <source>The push must be a JSON object.</source>
        <translation>Yuborilayotgan maʼlumot JSON obyekti boʻlishi kerak.</translation>
    </message>
    <message>
        <source>Must not contain control characters.</source>
        <translation>Boshqaruv belgilari boʻlmasligi kerak.</translation>
    </message>
    <message numerus="yes">
        <source>At most %n operations per push.</source>
        <translation>
            <numerusform>Bitta yuborishda koʻpi bilan %n ta amal.</numerusform>
            <numerusform>Bitta yuborishda koʻpi bilan %n ta amal.</numerusform>
        </translation>
    </message>
    <message>
        <source>The same operation id appears twice in one push.</source>
        <translation>Bitta yuborishda bir xil amal identifikatori ikki marta uchraydi.</translation>
    </message>
    <message numerus="yes">
        <source>At most %n results per push.</source>
        <translation>
            <numerusform>Bitta yuborishga koʻpi bilan %n ta natija.</numerusform>
            <numerusform>Bitta yuborishga koʻpi bilan %n ta natija.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>At most %n changes per page.</source>
        <translation>
            <numerusform>Bir sahifada koʻpi bilan %n ta oʻzgarish.</numerusform>
            <numerusform>Bir sahifada koʻpi bilan %n ta oʻzgarish.</numerusform>
        </translation>
    </message>
    <message>
        <source>Changes must come in ascending sequence.</source>
        <translation>Oʻzgarishlar tartib raqami oʻsib borish tartibida kelishi kerak.</translation>
    </message>
    <message>
        <source>The cursor cannot lie before the changes it follows.</source>
        <translation>Kursor oʻzidan oldingi oʻzgarishlardan oldinda turishi mumkin emas.</translation>
    </message>
    <message>
        <source>Must be 32 hexadecimal digits.</source>
        <translation>32 ta oʻn oltilik raqamdan iborat boʻlishi kerak.</translation>
    </message>
</context>
<context>
    <name>SyncReasonText</name>
    <message>
        <source>The server does not have yet what this change belongs to (the patient, the visit or the report). It is sent again once that has arrived.</source>
        <translation>Serverda bu oʻzgarish tegishli boʻlgan yozuv (bemor, tashrif yoki xulosa) hali yoʻq. U yetib borgach, oʻzgarish yana yuboriladi.</translation>
    </message>
    <message>
        <source>What this change belongs to (the patient, the visit or the report) was deleted on the server.</source>
        <translation>Bu oʻzgarish tegishli boʻlgan yozuv (bemor, tashrif yoki xulosa) serverda oʻchirilgan.</translation>
    </message>
    <message>
        <source>The report was already signed, and a signed report cannot be changed. Write an addendum instead.</source>
        <translation>Xulosa allaqachon imzolangan, imzolangan xulosani esa oʻzgartirib boʻlmaydi. Buning oʻrniga qoʻshimcha yozing.</translation>
    </message>
    <message>
        <source>Only the doctor who wrote this draft report can change it.</source>
        <translation>Bu xulosa qoralamasini faqat uni yozgan shifokor oʻzgartira oladi.</translation>
    </message>
    <message>
        <source>A recorded payment cannot be changed or deleted. Record a reversing entry instead.</source>
        <translation>Qayd etilgan toʻlovni oʻzgartirib ham, oʻchirib ham boʻlmaydi. Buning oʻrniga storno yozuvini kiriting.</translation>
    </message>
    <message>
        <source>Your role may not make this change.</source>
        <translation>Rolingiz bu oʻzgarishni kiritishga ruxsat bermaydi.</translation>
    </message>
    <message>
        <source>The server found the data invalid and did not accept it.</source>
        <translation>Server maʼlumotlarni notoʻgʻri deb topdi va qabul qilmadi.</translation>
    </message>
    <message>
        <source>The server could not be reached, too many times in a row.</source>
        <translation>Serverga ketma-ket juda koʻp marta ulanib boʻlmadi.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted, so nothing was sent.</source>
        <translation>Server sertifikatiga ishonib boʻlmaydi, shuning uchun hech narsa yuborilmadi.</translation>
    </message>
    <message>
        <source>Nobody was signed in to the server, so it could not be sent.</source>
        <translation>Serverga hech kim kirmagan edi, shuning uchun yuborib boʻlmadi.</translation>
    </message>
    <message>
        <source>The server was receiving too many requests and asked to wait.</source>
        <translation>Serverga juda koʻp soʻrov kelayotgan edi va u kutishni soʻradi.</translation>
    </message>
    <message>
        <source>The server failed or gave an answer Medora does not understand, too many times in a row.</source>
        <translation>Server ketma-ket juda koʻp marta xatolik berdi yoki Medora tushunmaydigan javob qaytardi.</translation>
    </message>
    <message>
        <source>The server did not answer for this change, too many times in a row.</source>
        <translation>Server bu oʻzgarishga ketma-ket juda koʻp marta javob bermadi.</translation>
    </message>
    <message>
        <source>The server refused the change (%1).</source>
        <translation>Server oʻzgarishni rad etdi (%1).</translation>
    </message>
    <message>
        <source>The change could not be sent.</source>
        <translation>Oʻzgarishni yuborib boʻlmadi.</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Bemor</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Tashrif</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Xulosa</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Toʻlov</translation>
    </message>
</context>
<context>
    <name>SyncRecordWriter</name>
    <message>
        <source>apply the server&apos;s changes</source>
        <translation>server oʻzgarishlarini qoʻllash</translation>
    </message>
    <message>
        <source>The server sent a %1 record (%2) this version of Medora cannot read (%3: %4). Nothing of it was saved.</source>
        <translation>Server Medoraning bu versiyasi oʻqiy olmaydigan %1 yozuvini (%2) yubordi (%3: %4). Undan hech narsa saqlanmadi.</translation>
    </message>
    <message>
        <source>read the rows the server changed</source>
        <translation>server oʻzgartirgan qatorlarni oʻqish</translation>
    </message>
    <message>
        <source>read the row the server changed</source>
        <translation>server oʻzgartirgan qatorni oʻqish</translation>
    </message>
    <message>
        <source>The counters in %1 are missing or damaged.</source>
        <translation>%1 faylidagi hisoblagichlar yoʻq yoki shikastlangan.</translation>
    </message>
    <message>
        <source>save a patient from the server</source>
        <translation>serverdan kelgan bemorni saqlash</translation>
    </message>
    <message>
        <source>save a visit from the server</source>
        <translation>serverdan kelgan tashrifni saqlash</translation>
    </message>
    <message>
        <source>save a report from the server</source>
        <translation>serverdan kelgan xulosani saqlash</translation>
    </message>
    <message>
        <source>save a payment from the server</source>
        <translation>serverdan kelgan toʻlovni saqlash</translation>
    </message>
    <message>
        <source>delete a row the server deleted</source>
        <translation>server oʻchirgan qatorni oʻchirish</translation>
    </message>
    <message>
        <source>save the sync state</source>
        <translation>sinxronlash holatini saqlash</translation>
    </message>
    <message>
        <source>save the server&apos;s revision</source>
        <translation>server reviziyasini saqlash</translation>
    </message>
</context>
<context>
    <name>TemplateLibrary</name>
    <message>
        <source>Template %1: %2</source>
        <translation>Shablon %1: %2</translation>
    </message>
    <message>
        <source>Template %1, field “%2”: %3</source>
        <translation>Shablon %1, «%2» maydoni: %3</translation>
    </message>
    <message>
        <source>the file is larger than %1 KiB.</source>
        <translation>fayl %1 KiB dan katta.</translation>
    </message>
    <message>
        <source>not valid JSON (%1 at byte %2).</source>
        <translation>yaroqli JSON emas (%1, %2-bayt).</translation>
    </message>
    <message>
        <source>must be a JSON object.</source>
        <translation>JSON obyekti boʻlishi kerak.</translation>
    </message>
    <message>
        <source>unknown field.</source>
        <translation>nomaʼlum maydon.</translation>
    </message>
    <message>
        <source>must be %1.</source>
        <translation>%1 boʻlishi kerak.</translation>
    </message>
    <message>
        <source>must be a name of lower-case letters, such as cardiology.</source>
        <translation>kichik lotin harflaridan iborat nom boʻlishi kerak, masalan cardiology.</translation>
    </message>
    <message>
        <source>must be “uz” or “ru”.</source>
        <translation>«uz» yoki «ru» boʻlishi kerak.</translation>
    </message>
    <message>
        <source>must be a text of 1 to 200 characters.</source>
        <translation>1 dan 200 tagacha belgidan iborat matn boʻlishi kerak.</translation>
    </message>
    <message>
        <source>must be an object with at least one section.</source>
        <translation>kamida bitta boʻlimi bor obyekt boʻlishi kerak.</translation>
    </message>
    <message>
        <source>unknown section; the sections are: %1.</source>
        <translation>nomaʼlum boʻlim; mavjud boʻlimlar: %1.</translation>
    </message>
    <message>
        <source>must be a list of at least one phrase.</source>
        <translation>kamida bitta iboradan iborat roʻyxat boʻlishi kerak.</translation>
    </message>
    <message>
        <source>must be a text.</source>
        <translation>matn boʻlishi kerak.</translation>
    </message>
    <message>
        <source>must be a text of 1 to %1 characters.</source>
        <translation>1 dan %1 tagacha belgidan iborat matn boʻlishi kerak.</translation>
    </message>
    <message>
        <source>Template %1: cannot be read (%2).</source>
        <translation>Shablon %1: oʻqib boʻlmadi (%2).</translation>
    </message>
    <message>
        <source>Template %1: the file is larger than %2 KiB.</source>
        <translation>Shablon %1: fayl %2 KiB dan katta.</translation>
    </message>
    <message>
        <source>Template %1: a second template for the specialty “%2” in this language.</source>
        <translation>Shablon %1: bu tilda «%2» mutaxassisligi uchun ikkinchi shablon.</translation>
    </message>
    <message numerus="yes">
        <source>at most %n phrases.</source>
        <translation>
            <numerusform>koʻpi bilan %n ta ibora.</numerusform>
            <numerusform>koʻpi bilan %n ta ibora.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TicketHtmlBuilder</name>
    <message>
        <source>Queue ticket</source>
        <translation>Navbat taloni</translation>
    </message>
    <message>
        <source>Your number</source>
        <translation>Sizning raqamingiz</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Shoshilinch</translation>
    </message>
    <message>
        <source>Doctor</source>
        <translation>Shifokor</translation>
    </message>
    <message>
        <source>Unknown doctor</source>
        <translation>Nomaʼlum shifokor</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Kun</translation>
    </message>
    <message>
        <source>Queued at</source>
        <translation>Navbatga qoʻyilgan vaqti</translation>
    </message>
    <message>
        <source>Please wait until your number is shown on the screen.</source>
        <translation>Iltimos, raqamingiz ekranda koʻrsatilguncha kuting.</translation>
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
        <translation>talonlarda band boʻlgan harflarni oʻqish</translation>
    </message>
    <message>
        <source>The ticket letter must be one of A to Z.</source>
        <translation>Talon harfi A dan Z gacha boʻlgan harflardan biri boʻlishi kerak.</translation>
    </message>
    <message>
        <source>number the ticket</source>
        <translation>talonga raqam berish</translation>
    </message>
    <message>
        <source>This computer has given out all %1 tickets of letter %2 for this doctor that day.</source>
        <translation>Bu kompyuter shu kun uchun ushbu shifokorga %2 harfli barcha %1 ta talonni berib boʻldi.</translation>
    </message>
</context>
<context>
    <name>VisitStatistics</name>
    <message>
        <source>Choose the first and the last day of the period.</source>
        <translation>Davrning birinchi va oxirgi kunini tanlang.</translation>
    </message>
    <message>
        <source>The last day of the period is before the first.</source>
        <translation>Davrning oxirgi kuni birinchi kunidan oldin.</translation>
    </message>
    <message numerus="yes">
        <source>A period may be at most %n days long.</source>
        <translation>
            <numerusform>Davr koʻpi bilan %n kun boʻlishi mumkin.</numerusform>
            <numerusform>Davr koʻpi bilan %n kun boʻlishi mumkin.</numerusform>
        </translation>
    </message>
    <message>
        <source>count the visits</source>
        <translation>tashriflarni sanash</translation>
    </message>
</context>
<context>
    <name>VisitStore</name>
    <message>
        <source>Patient</source>
        <translation>Bemor</translation>
    </message>
    <message>
        <source>Doctor</source>
        <translation>Shifokor</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Kun</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Talon</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Ustuvorlik</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Holat</translation>
    </message>
    <message>
        <source>Queue position</source>
        <translation>Navbatdagi oʻrni</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Izoh</translation>
    </message>
    <message>
        <source>Queued at</source>
        <translation>Navbatga qoʻyilgan vaqti</translation>
    </message>
    <message>
        <source>Called at</source>
        <translation>Chaqirilgan vaqti</translation>
    </message>
    <message>
        <source>Started at</source>
        <translation>Qabul boshlangan vaqti</translation>
    </message>
    <message>
        <source>Finished at</source>
        <translation>Qabul tugagan vaqti</translation>
    </message>
    <message>
        <source>Queued by</source>
        <translation>Navbatga qoʻygan xodim</translation>
    </message>
    <message>
        <source>The visit was not saved. %1: %2</source>
        <translation>Tashrif saqlanmadi. %1: %2</translation>
    </message>
    <message>
        <source>queue the visit</source>
        <translation>tashrifni navbatga qoʻyish</translation>
    </message>
    <message>
        <source>Visit record %1 is not in %2.</source>
        <translation>%1 tashrif yozuvi %2 faylida yoʻq.</translation>
    </message>
    <message>
        <source>This visit was deleted and can no longer change.</source>
        <translation>Bu tashrif oʻchirilgan, uni endi oʻzgartirib boʻlmaydi.</translation>
    </message>
    <message>
        <source>save the visit</source>
        <translation>tashrifni saqlash</translation>
    </message>
    <message>
        <source>delete the visit</source>
        <translation>tashrifni oʻchirish</translation>
    </message>
    <message>
        <source>read the visit</source>
        <translation>tashrif maʼlumotlarini oʻqish</translation>
    </message>
    <message>
        <source>read the queue</source>
        <translation>navbatni oʻqish</translation>
    </message>
    <message>
        <source>read the patient&apos;s visits</source>
        <translation>bemorning tashriflarini oʻqish</translation>
    </message>
    <message>
        <source>number the ticket</source>
        <translation>talonga raqam berish</translation>
    </message>
    <message>
        <source>read the visits</source>
        <translation>tashriflar maʼlumotlarini oʻqish</translation>
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
  login --server URL --login NAME --password-stdin [--ca-certificate FILE]
        [--allow-insecure-http]
                            klinika serveriga kirish; seans tizim kalitlar omborida
                            saqlanadi
  sync [--once | --watch SECONDS]
                            bu yerda kiritilgan oʻzgarishlarni yuborish va serverdagilarini
                            olish (--once, standart: bir marta; --watch: shuncha vaqt
                            sinxronlashni davom ettirish)
  status                    yuborilishini nima kutayotgani, server nimani rad etgani,
                            ziddiyatlar, serverdan oxirgi muvaffaqiyatli olish
  logout                    seansni bu yerda va serverda yakunlash

Chiqish kodlari: 0 bajarildi, 1 notoʻgʻri foydalanish, 2 notoʻgʻri kiritma (hech narsa
oʻzgartirilmadi), 3 roʻyxat yoki faylni oʻqib yoki yozib boʻlmadi, 4 sinxronlash
bajarilmadi (server ishlamayapti yoki rad etmoqda, tizimga kirilmagan), 5 sinxron emas
(oʻzgarishlar kutmoqda, rad etilgan yoki ziddiyatda). CSV formati docs/cli.md da
tavsiflangan.</translation>
    </message>
    <message>
        <source>login: the server&apos;s address, e.g. clinic.example.uz.</source>
        <translation>login: server manzili, masalan clinic.example.uz.</translation>
    </message>
    <message>
        <source>login: trust the clinic&apos;s own CA certificate (PEM file).</source>
        <translation>login: klinikaning oʻz CA sertifikatiga (PEM fayl) ishonish.</translation>
    </message>
    <message>
        <source>login: allow an http:// server address (development only).</source>
        <translation>login: http:// server manziliga ruxsat berish (faqat ishlab chiqish uchun).</translation>
    </message>
    <message>
        <source>login: the login or phone number.</source>
        <translation>login: login yoki telefon raqami.</translation>
    </message>
    <message>
        <source>login: read the password from the first line of stdin.</source>
        <translation>login: parolni stdin ning birinchi qatoridan oʻqish.</translation>
    </message>
    <message>
        <source>sync: one round, then exit (the default).</source>
        <translation>sync: bir marta sinxronlash, keyin chiqish (standart).</translation>
    </message>
    <message>
        <source>sync: keep syncing for SECONDS, then exit.</source>
        <translation>sync: SECONDS soniya davomida sinxronlash, keyin chiqish.</translation>
    </message>
    <message>
        <source>count, search, show, import, export, login, sync, status or logout, and its arguments.</source>
        <translation>count, search, show, import, export, login, sync, status yoki logout va uning argumentlari.</translation>
    </message>
    <message>
        <source>%1 takes no arguments, only options.</source>
        <translation>%1 argument qabul qilmaydi, faqat parametrlar.</translation>
    </message>
    <message>
        <source>login needs --server URL, --login NAME and --password-stdin.</source>
        <translation>login uchun --server URL, --login NAME va --password-stdin kerak.</translation>
    </message>
    <message>
        <source>No password arrived on standard input.</source>
        <translation>Standart kirishdan parol kelmadi.</translation>
    </message>
    <message>
        <source>--watch must be a number of seconds from 1 to %1, without --once.</source>
        <translation>--watch 1 dan %1 gacha boʻlgan soniyalar soni boʻlishi kerak va --once bilan birga berilmaydi.</translation>
    </message>
</context>
<context>
    <name>medora::AdminPage</name>
    <message>
        <source>&amp;Staff</source>
        <translation>&amp;Xodimlar</translation>
    </message>
    <message>
        <source>A&amp;udit log</source>
        <translation>&amp;Audit jurnali</translation>
    </message>
    <message>
        <source>Only a clinic administrator can manage the clinic.</source>
        <translation>Klinikani faqat klinika administratori boshqara oladi.</translation>
    </message>
    <message>
        <source>Staff, the audit log and the letterhead live on the server: connect to it to see or change them. The statistics below come from this computer.</source>
        <translation>Xodimlar, audit jurnali va klinika blanki serverda saqlanadi: ularni koʻrish yoki oʻzgartirish uchun serverga ulaning. Quyidagi statistika shu kompyuterdagi maʼlumotlardan olingan.</translation>
    </message>
    <message>
        <source>L&amp;etterhead…</source>
        <translation>Klinika b&amp;lanki…</translation>
    </message>
    <message>
        <source>Statisti&amp;cs</source>
        <translation>Stat&amp;istika</translation>
    </message>
    <message>
        <source>Subscription</source>
        <translation>Ob&amp;una</translation>
    </message>
</context>
<context>
    <name>medora::AiConsiliumPanel</name>
    <message>
        <source>Images for the AI</source>
        <translation>AI uchun tasvirlar</translation>
    </message>
    <message>
        <source>Images and PDF (*.jpg *.jpeg *.png *.pdf)</source>
        <translation>Tasvirlar va PDF (*.jpg *.jpeg *.png *.pdf)</translation>
    </message>
    <message numerus="yes">
        <source>At most %n images can be sent at once.</source>
        <translation>
            <numerusform>Bir martada koʻpi bilan %n ta tasvir yuborish mumkin.</numerusform>
            <numerusform>Bir martada koʻpi bilan %n ta tasvir yuborish mumkin.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is already in the list.</source>
        <translation>%1 roʻyxatda allaqachon bor.</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 ni oʻqib boʻlmadi: %2</translation>
    </message>
    <message>
        <source>%1 is larger than the %2 MB the server accepts per image.</source>
        <translation>%1 hajmi server bitta tasvir uchun qabul qiladigan %2 MB dan katta.</translation>
    </message>
    <message>
        <source>%1 is not a JPEG, PNG or PDF file.</source>
        <translation>%1 JPEG, PNG yoki PDF fayl emas.</translation>
    </message>
    <message>
        <source>The AI consilium works through the clinic&apos;s server: sign in online first. Everything you typed stays as it is.</source>
        <translation>AI konsilium klinika serveri orqali ishlaydi: avval onlayn tizimga kiring. Yozganlaringiz oʻz joyida qoladi.</translation>
    </message>
    <message>
        <source>Open a patient&apos;s visit first.</source>
        <translation>Avval bemorning tashrifini oching.</translation>
    </message>
    <message>
        <source>Write the complaints in the report first: the AI needs them to work on the case.</source>
        <translation>Avval xulosaga shikoyatlarni yozing: AI ular asosida ishlaydi.</translation>
    </message>
    <message>
        <source>Add the images first (JPEG, PNG or PDF).</source>
        <translation>Avval tasvirlarni qoʻshing (JPEG, PNG yoki PDF).</translation>
    </message>
    <message>
        <source>Nothing in the report was changed.</source>
        <translation>Xulosada hech narsa oʻzgarmadi.</translation>
    </message>
    <message>
        <source>The clinic&apos;s server cannot be reached, and the AI consilium works only through it. Check the network and try again; the report goes on being saved on this computer.</source>
        <translation>Klinika serveriga ulanib boʻlmadi, AI konsilium esa faqat u orqali ishlaydi. Tarmoqni tekshirib, qayta urinib koʻring; xulosa bu kompyuterda saqlanishda davom etadi.</translation>
    </message>
    <message>
        <source>Today&apos;s AI limit for you or for the clinic is used up. Try again in %1, or ask the clinic admin about the limit.</source>
        <translation>Bugungi AI limiti (sizniki yoki klinikaniki) tugadi. %1 dan keyin qayta urinib koʻring yoki limit haqida klinika administratoriga murojaat qiling.</translation>
    </message>
    <message>
        <source>Today&apos;s AI limit for you or for the clinic is used up. Try again tomorrow, or ask the clinic admin about the limit.</source>
        <translation>Bugungi AI limiti (sizniki yoki klinikaniki) tugadi. Ertaga qayta urinib koʻring yoki limit haqida klinika administratoriga murojaat qiling.</translation>
    </message>
    <message>
        <source>This server has no AI service set up. Ask the server&apos;s operator to configure it.</source>
        <translation>Bu serverda AI xizmati sozlanmagan. Server operatoridan uni sozlashni soʻrang.</translation>
    </message>
    <message>
        <source>The clinic admin has turned the AI consilium off for this clinic. Ask the admin to turn it on on the Admin page.</source>
        <translation>Klinika administratori bu klinika uchun AI konsiliumni oʻchirib qoʻygan. Administratordan uni Boshqaruv sahifasida yoqishni soʻrang.</translation>
    </message>
    <message>
        <source>The AI&apos;s answer did not pass the checks (it was incomplete or malformed), so it is not shown. Try again; a second try usually works.</source>
        <translation>AI javobi tekshiruvdan oʻtmadi (toʻliq emas yoki buzilgan), shuning uchun koʻrsatilmadi. Qayta urinib koʻring: odatda ikkinchi urinish muvaffaqiyatli boʻladi.</translation>
    </message>
    <message>
        <source>The AI service did not answer this time (busy or unavailable). Try again in a few minutes.</source>
        <translation>AI xizmati bu safar javob bermadi (band yoki ishlamayapti). Bir necha daqiqadan keyin qayta urinib koʻring.</translation>
    </message>
    <message>
        <source>Only doctors may ask the AI consilium.</source>
        <translation>AI konsiliumga faqat shifokorlar murojaat qila oladi.</translation>
    </message>
    <message>
        <source>This patient&apos;s card has not reached the server yet. Wait until the sync indicator shows that everything is sent, then ask again.</source>
        <translation>Bu bemorning kartasi hali serverga yetib bormadi. Sinxronlash belgisi hammasi yuborilganini koʻrsatguncha kuting, soʻng qayta soʻrang.</translation>
    </message>
    <message>
        <source>The server refused the request: %1</source>
        <translation>Server soʻrovni rad etdi: %1</translation>
    </message>
    <message>
        <source>Added to &quot;%1&quot; below your own text, marked as drafted with AI. Check it before you sign.</source>
        <translation>«%1» boʻlimiga matningiz ostidan qoʻshildi va AI yordamida tayyorlangan deb belgilandi. Imzolashdan oldin tekshiring.</translation>
    </message>
    <message>
        <source>Not added: only a draft you are writing can take AI text. Your report is unchanged.</source>
        <translation>Qoʻshilmadi: AI matnini faqat siz yozayotgan qoralamaga qoʻshish mumkin. Xulosangiz oʻzgarmadi.</translation>
    </message>
    <message>
        <source>The AI consilium drafts a differential diagnosis or a full consilium report from this visit&apos;s report. The patient&apos;s name, phone, address and number are never sent.</source>
        <translation>AI konsilium shu tashrif xulosasi asosida differensial tashxis yoki toʻliq konsilium xulosasi loyihasini tayyorlaydi. Bemorning ismi, telefoni, manzili va raqami hech qachon yuborilmaydi.</translation>
    </message>
    <message>
        <source>AI requests left for you today: %1 of %2.</source>
        <translation>Bugun sizga qolgan AI soʻrovlari: %1 / %2.</translation>
    </message>
    <message>
        <source>Answer la&amp;nguage:</source>
        <translation>Javob ti&amp;li:</translation>
    </message>
    <message>
        <source>Depth:</source>
        <translation>Chuqurlik:</translation>
    </message>
    <message>
        <source>Quic&amp;k differential</source>
        <translation>Te&amp;zkor differensial</translation>
    </message>
    <message>
        <source>&amp;Full consilium</source>
        <translation>T&amp;oʻliq konsilium</translation>
    </message>
    <message>
        <source>Clarifying q&amp;uestions first</source>
        <translation>Avval a&amp;niqlovchi savollar</translation>
    </message>
    <message>
        <source>Ask &amp;the AI</source>
        <translation>AI d&amp;an soʻrash</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Bekor qilish</translation>
    </message>
    <message>
        <source>Answer what you know; empty answers are left out</source>
        <translation>Bilganingizga javob bering; boʻsh javoblar yuborilmaydi</translation>
    </message>
    <message>
        <source>Images of this visit (ultrasound, X-ray; JPEG, PNG or PDF)</source>
        <translation>Shu tashrif tasvirlari (UTT, rentgen; JPEG, PNG yoki PDF)</translation>
    </message>
    <message>
        <source>&amp;Study:</source>
        <translation>Te&amp;kshiruv:</translation>
    </message>
    <message>
        <source>Ultrasound</source>
        <translation>UTT</translation>
    </message>
    <message>
        <source>X-ray</source>
        <translation>Rentgen</translation>
    </message>
    <message>
        <source>CT</source>
        <translation>KT</translation>
    </message>
    <message>
        <source>MRI</source>
        <translation>MRT</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Boshqa</translation>
    </message>
    <message>
        <source>Add i&amp;mages…</source>
        <translation>Tasvir &amp;qoʻshish…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Olib tashlash</translation>
    </message>
    <message>
        <source>Fin&amp;dings from the images</source>
        <translation>Tasvirlardagi to&amp;pilmalar</translation>
    </message>
    <message>
        <source>Add to the report:</source>
        <translation>Xulosaga qoʻshish:</translation>
    </message>
    <message>
        <source>%1 ✓</source>
        <translation>%1 ✓</translation>
    </message>
    <message>
        <source>1/4 Sending the case to the clinic&apos;s server…</source>
        <translation>1/4 Holat klinika serveriga yuborilmoqda…</translation>
    </message>
    <message>
        <source>2/4 Waiting for the AI model (a full consilium can take a few minutes)…</source>
        <translation>2/4 AI modeli javobi kutilmoqda (toʻliq konsilium bir necha daqiqa olishi mumkin)…</translation>
    </message>
    <message>
        <source>3/4 Checking the answer…</source>
        <translation>3/4 Javob tekshirilmoqda…</translation>
    </message>
    <message>
        <source>4/4 Done.</source>
        <translation>4/4 Tayyor.</translation>
    </message>
    <message>
        <source>Stopped: see the message below.</source>
        <translation>Toʻxtatildi: quyidagi xabarni qarang.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Bekor qilindi.</translation>
    </message>
    <message>
        <source>Drafted by the AI model %1 on %2. %3</source>
        <translation>%2 da %1 AI modeli tayyorlagan. %3</translation>
    </message>
    <message>
        <source>AI consilium</source>
        <translation>AI konsilium</translation>
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
    <name>medora::AuditClient</name>
    <message>
        <source>Choose a staff member from the list.</source>
        <translation>Roʻyxatdan xodimni tanlang.</translation>
    </message>
    <message>
        <source>An action is an event name such as staff.create, or a group such as staff.</source>
        <translation>Amal — staff.create kabi hodisa nomi yoki staff kabi guruh nomi.</translation>
    </message>
    <message numerus="yes">
        <source>At most %n characters.</source>
        <translation>
            <numerusform>Koʻpi bilan %n ta belgi.</numerusform>
            <numerusform>Koʻpi bilan %n ta belgi.</numerusform>
        </translation>
    </message>
    <message>
        <source>The end of the period is before its start.</source>
        <translation>Davr oxiri uning boshlanishidan oldin.</translation>
    </message>
</context>
<context>
    <name>medora::AuditLogView</name>
    <message>
        <source>No events match the filters.</source>
        <translation>Filtrlarga mos hodisa yoʻq.</translation>
    </message>
    <message numerus="yes">
        <source>Page %1: %n event(s).</source>
        <translation>
            <numerusform>%1-sahifa: %n ta hodisa.</numerusform>
            <numerusform>%1-sahifa: %n ta hodisa.</numerusform>
        </translation>
    </message>
    <message>
        <source>Only a clinic administrator may read the audit log.</source>
        <translation>Audit jurnalini faqat klinika administratori oʻqiy oladi.</translation>
    </message>
    <message>
        <source>Action: %1</source>
        <translation>Amal: %1</translation>
    </message>
    <message>
        <source>Period: the last day is before the first.</source>
        <translation>Davr: oxirgi kun birinchi kundan oldin.</translation>
    </message>
    <message>
        <source>Patient or account id: %1</source>
        <translation>Bemor yoki hisob identifikatori: %1</translation>
    </message>
    <message numerus="yes">
        <source>Exporting… %n event(s) read.</source>
        <translation>
            <numerusform>Eksport qilinmoqda… %n ta hodisa oʻqildi.</numerusform>
            <numerusform>Eksport qilinmoqda… %n ta hodisa oʻqildi.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) exported to %1.</source>
        <translation>
            <numerusform>%n ta hodisa %1 ga eksport qilindi.</numerusform>
            <numerusform>%n ta hodisa %1 ga eksport qilindi.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Only the newest %n events were exported; narrow the period for the rest.</source>
        <translation>
            <numerusform>Faqat eng yangi %n ta hodisa eksport qilindi; qolganlari uchun davrni toraytiring.</numerusform>
            <numerusform>Faqat eng yangi %n ta hodisa eksport qilindi; qolganlari uchun davrni toraytiring.</numerusform>
        </translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>Eksport bajarilmadi: %1</translation>
    </message>
    <message>
        <source>&amp;Who:</source>
        <translation>&amp;Kim:</translation>
    </message>
    <message>
        <source>any</source>
        <translation>istalgan</translation>
    </message>
    <message>
        <source>← &amp;Newer</source>
        <translation>← Yan&amp;giroq</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>&amp;CSV ga eksport…</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Vaqt</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Kim</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Nima</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Obyekt</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Tafsilotlar</translation>
    </message>
    <message>
        <source>Patient or account id</source>
        <translation>Bemor yoki hisob identifikatori</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Birinchi kun</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Oxirgi kun</translation>
    </message>
    <message>
        <source>Anything</source>
        <translation>Har qanday amal</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>Har qanday xodim</translation>
    </message>
    <message>
        <source>Sign-ins and sessions</source>
        <translation>Kirishlar va seanslar</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Tizimga kirdi</translation>
    </message>
    <message>
        <source>Failed sign-in</source>
        <translation>Muvaffaqiyatsiz kirish</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Tizimdan chiqdi</translation>
    </message>
    <message>
        <source>Session renewed</source>
        <translation>Seans yangilandi</translation>
    </message>
    <message>
        <source>Stolen session token ended</source>
        <translation>Oʻgʻirlangan seans tokeni bekor qilindi</translation>
    </message>
    <message>
        <source>Sessions ended</source>
        <translation>Seanslar yakunlandi</translation>
    </message>
    <message>
        <source>Staff accounts</source>
        <translation>Xodimlar hisoblari</translation>
    </message>
    <message>
        <source>Account created</source>
        <translation>Hisob yaratildi</translation>
    </message>
    <message>
        <source>Account changed</source>
        <translation>Hisob oʻzgartirildi</translation>
    </message>
    <message>
        <source>Role changed</source>
        <translation>Rol oʻzgartirildi</translation>
    </message>
    <message>
        <source>Account disabled</source>
        <translation>Hisob oʻchirib qoʻyildi</translation>
    </message>
    <message>
        <source>Account enabled</source>
        <translation>Hisob faollashtirildi</translation>
    </message>
    <message>
        <source>Password reset</source>
        <translation>Parol tiklandi</translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation>Parol oʻzgartirildi</translation>
    </message>
    <message>
        <source>Failed password change</source>
        <translation>Parolni oʻzgartirish muvaffaqiyatsiz</translation>
    </message>
    <message>
        <source>Clinic created</source>
        <translation>Klinika yaratildi</translation>
    </message>
    <message>
        <source>Letterhead changed</source>
        <translation>Klinika blanki oʻzgartirildi</translation>
    </message>
    <message>
        <source>Patient records</source>
        <translation>Bemor yozuvlari</translation>
    </message>
    <message>
        <source>Patient registered</source>
        <translation>Bemor roʻyxatga olindi</translation>
    </message>
    <message>
        <source>Patient changed</source>
        <translation>Bemor maʼlumotlari oʻzgartirildi</translation>
    </message>
    <message>
        <source>Patient deleted</source>
        <translation>Bemor oʻchirildi</translation>
    </message>
    <message>
        <source>Patient records read</source>
        <translation>Bemor yozuvlari oʻqildi</translation>
    </message>
    <message>
        <source>Sync conflict</source>
        <translation>Sinxronlash ziddiyati</translation>
    </message>
    <message>
        <source>Sync history compacted</source>
        <translation>Sinxronlash tarixi ixchamlandi</translation>
    </message>
    <message>
        <source>Report signed</source>
        <translation>Xulosa imzolandi</translation>
    </message>
    <message>
        <source>Reading the audit log from the server…</source>
        <translation>Audit jurnali serverdan oʻqilmoqda…</translation>
    </message>
    <message>
        <source>server operator</source>
        <translation>server operatori</translation>
    </message>
    <message>
        <source>audit-log</source>
        <translation>audit-jurnali</translation>
    </message>
    <message>
        <source>Export the audit log</source>
        <translation>Audit jurnalini eksport qilish</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV fayllar (*.csv)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Eksport qilinmoqda…</translation>
    </message>
    <message>
        <source>Wha&amp;t:</source>
        <translation>&amp;Nima:</translation>
    </message>
    <message>
        <source>Patient or account &amp;id:</source>
        <translation>Bemor &amp;yoki hisob identifikatori:</translation>
    </message>
    <message>
        <source>Pe&amp;riod:</source>
        <translation>&amp;Davr:</translation>
    </message>
    <message>
        <source>Sh&amp;ow</source>
        <translation>K&amp;oʻrsatish</translation>
    </message>
    <message>
        <source>Ol&amp;der →</source>
        <translation>&amp;Eskiroq →</translation>
    </message>
    <message>
        <source>Audit log entries</source>
        <translation>Audit jurnali yozuvlari</translation>
    </message>
</context>
<context>
    <name>medora::CashSummaryView</name>
    <message>
        <source>&amp;Day:</source>
        <translation>K&amp;un:</translation>
    </message>
    <message>
        <source>Day of the cash summary</source>
        <translation>Kassa hisoboti kuni</translation>
    </message>
    <message>
        <source>Print the cash summary</source>
        <translation>Kassa hisobotini chop etish</translation>
    </message>
    <message>
        <source>By payment method</source>
        <translation>Toʻlov usullari boʻyicha</translation>
    </message>
    <message>
        <source>By receptionist</source>
        <translation>Registratorlar boʻyicha</translation>
    </message>
    <message>
        <source>Totals by payment method</source>
        <translation>Toʻlov usullari boʻyicha jami summalar</translation>
    </message>
    <message>
        <source>Totals by receptionist</source>
        <translation>Registratorlar boʻyicha jami summalar</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Toʻlov usuli</translation>
    </message>
    <message>
        <source>Received, so&apos;m</source>
        <translation>Qabul qilingan, soʻm</translation>
    </message>
    <message>
        <source>Refunded, so&apos;m</source>
        <translation>Qaytarilgan, soʻm</translation>
    </message>
    <message>
        <source>Net, so&apos;m</source>
        <translation>Sof summa, soʻm</translation>
    </message>
    <message>
        <source>Receptionist</source>
        <translation>Registrator</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Jami</translation>
    </message>
    <message>
        <source>Net for %1: %2 (payments: %3, refunds: %4)</source>
        <translation>%1 uchun sof summa: %2 (toʻlovlar: %3, qaytarishlar: %4)</translation>
    </message>
    <message>
        <source>The summary was not printed: %1</source>
        <translation>Hisobot chop etilmadi: %1</translation>
    </message>
    <message>
        <source>P&amp;rint summary</source>
        <translation>Hisobotni &amp;chop etish</translation>
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
    <name>medora::ChartHeader</name>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>No patient open. Call the next patient (F6) or choose one in your queue.</source>
        <translation>Bemor ochilmagan. Keyingi bemorni chaqiring (F6) yoki navbatingizdan bemorni tanlang.</translation>
    </message>
    <message>
        <source>male</source>
        <translation>erkak</translation>
    </message>
    <message>
        <source>female</source>
        <translation>ayol</translation>
    </message>
    <message>
        <source>Allergies:</source>
        <translation>Allergiyalar:</translation>
    </message>
    <message>
        <source>Current medications:</source>
        <translation>Qabul qilayotgan dorilari:</translation>
    </message>
    <message>
        <source>none recorded</source>
        <translation>qayd etilmagan</translation>
    </message>
    <message>
        <source>Allergies</source>
        <translation>Allergiyalar</translation>
    </message>
    <message>
        <source>Current medications</source>
        <translation>Qabul qilayotgan dorilari</translation>
    </message>
    <message>
        <source>Patient summary</source>
        <translation>Bemor haqida qisqacha maʼlumot</translation>
    </message>
    <message numerus="yes">
        <source>born %1%2 (age %n)</source>
        <translation>
            <numerusform>tugʻilgan: %1%2 (%n yosh)</numerusform>
            <numerusform>tugʻilgan: %1%2 (%n yosh)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>medora::ChartHistoryView</name>
    <message>
        <source>Visit of %1, ticket %2: %3</source>
        <translation>%1 dagi tashrif, %2-talon: %3</translation>
    </message>
    <message>
        <source>Queued: %1</source>
        <translation>Navbatga qoʻyilgan: %1</translation>
    </message>
    <message>
        <source>Called: %1</source>
        <translation>Chaqirilgan: %1</translation>
    </message>
    <message>
        <source>Started: %1</source>
        <translation>Qabul boshlangan: %1</translation>
    </message>
    <message>
        <source>Finished: %1</source>
        <translation>Qabul tugagan: %1</translation>
    </message>
    <message>
        <source>Reception&apos;s note: %1</source>
        <translation>Qabulxona izohi: %1</translation>
    </message>
    <message>
        <source>Visits and reports, newest first</source>
        <translation>Tashriflar va xulosalar, eng yangilari birinchi</translation>
    </message>
    <message>
        <source>Chosen report, read-only</source>
        <translation>Tanlangan xulosa, faqat oʻqish uchun</translation>
    </message>
</context>
<context>
    <name>medora::ChartTimelineModel</name>
    <message>
        <source>%1 — visit, ticket %2 (%3)</source>
        <translation>%1 — tashrif, %2-talon (%3)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>signed</source>
        <translation>imzolangan</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>qoralama</translation>
    </message>
    <message>
        <source>%1 — report, %2</source>
        <translation>%1 — xulosa, %2</translation>
    </message>
    <message>
        <source>%1 — report, %2: %3</source>
        <translation>%1 — xulosa, %2: %3</translation>
    </message>
    <message>
        <source>[addenda: %1]</source>
        <translation>[qoʻshimchalar: %1]</translation>
    </message>
</context>
<context>
    <name>medora::ConflictDialog</name>
    <message>
        <source>Sync conflicts</source>
        <translation>Sinxronlash ziddiyatlari</translation>
    </message>
    <message>
        <source>These records were changed on this PC and elsewhere since they were last synced. Both versions are kept until you decide.</source>
        <translation>Bu yozuvlar oxirgi sinxronlashdan keyin ham shu kompyuterda, ham boshqa joyda oʻzgartirilgan. Siz qaror qilguningizcha ikkala versiya ham saqlanadi.</translation>
    </message>
    <message>
        <source>Open conflicts</source>
        <translation>Hal qilinmagan ziddiyatlar</translation>
    </message>
    <message>
        <source>No conflict waits for a decision.</source>
        <translation>Qaror kutayotgan ziddiyat yoʻq.</translation>
    </message>
    <message>
        <source>Choose, for every field, the value to keep. The result is saved as a new change and sent to the server.</source>
        <translation>Har bir maydon uchun qoldiriladigan qiymatni tanlang. Natija yangi oʻzgarish sifatida saqlanadi va serverga yuboriladi.</translation>
    </message>
    <message>
        <source>Keep all from &amp;this PC</source>
        <translation>Hammasini &amp;bu kompyuterdagidek qoldirish</translation>
    </message>
    <message>
        <source>Take all from the &amp;server</source>
        <translation>Hammasini &amp;serverdan olish</translation>
    </message>
    <message>
        <source>The same draft report was edited in two places. Drafts are never merged: choose the version to keep. The other version is deleted.</source>
        <translation>Bitta xulosa qoralamasi ikki joyda tahrirlangan. Qoralamalar hech qachon birlashtirilmaydi: qoldiriladigan versiyani tanlang. Ikkinchi versiya oʻchiriladi.</translation>
    </message>
    <message>
        <source>Draft as the server has it</source>
        <translation>Serverdagi qoralama</translation>
    </message>
    <message>
        <source>Edit from this PC, kept as a copy</source>
        <translation>Bu kompyuterdagi tahrir, nusxa sifatida saqlangan</translation>
    </message>
    <message>
        <source>Keep the draft from the ser&amp;ver</source>
        <translation>Ser&amp;verdagi qoralamani qoldirish</translation>
    </message>
    <message>
        <source>Keep the draft from this &amp;PC</source>
        <translation>Bu &amp;kompyuterdagi qoralamani qoldirish</translation>
    </message>
    <message>
        <source>&amp;Apply decision</source>
        <translation>Qarorni &amp;qoʻllash</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Yopish</translation>
    </message>
    <message>
        <source>Found %1</source>
        <translation>Aniqlangan: %1</translation>
    </message>
    <message>
        <source>On this PC</source>
        <translation>Bu kompyuterda</translation>
    </message>
    <message>
        <source>On the server</source>
        <translation>Serverda</translation>
    </message>
    <message>
        <source>Keep this PC&apos;s value</source>
        <translation>Bu kompyuterdagi qiymatni qoldirish</translation>
    </message>
    <message>
        <source>%1: keep this PC&apos;s value</source>
        <translation>%1: bu kompyuterdagi qiymatni qoldirish</translation>
    </message>
    <message>
        <source>Take the server&apos;s value</source>
        <translation>Serverdagi qiymatni olish</translation>
    </message>
    <message>
        <source>%1: take the server&apos;s value</source>
        <translation>%1: serverdagi qiymatni olish</translation>
    </message>
    <message>
        <source>This draft could not be read from the local store.</source>
        <translation>Bu qoralamani mahalliy maʼlumotlar bazasidan oʻqib boʻlmadi.</translation>
    </message>
    <message>
        <source>Last changed: %1</source>
        <translation>Oxirgi oʻzgarish: %1</translation>
    </message>
    <message>
        <source>The conflicts could not be read: %1</source>
        <translation>Ziddiyatlarni oʻqib boʻlmadi: %1</translation>
    </message>
    <message>
        <source>The decision was not saved. Both versions are still kept.</source>
        <translation>Qaror saqlanmadi. Ikkala versiya ham saqlanib qolmoqda.</translation>
    </message>
    <message>
        <source>The decision was not saved: %1
Both versions are still kept.</source>
        <translation>Qaror saqlanmadi: %1
Ikkala versiya ham saqlanib qolmoqda.</translation>
    </message>
</context>
<context>
    <name>medora::ConsentDialog</name>
    <message>
        <source>Terms of use and privacy policy</source>
        <translation>Foydalanish shartlari va maxfiylik siyosati</translation>
    </message>
    <message>
        <source>Read the terms</source>
        <translation>Shartlarni oʻqish</translation>
    </message>
    <message>
        <source>The terms of use or the privacy policy have changed (terms version %1, privacy policy version %2). Please read them and accept them to continue working.</source>
        <translation>Foydalanish shartlari yoki maxfiylik siyosati oʻzgardi (shartlar %1-tahriri, maxfiylik siyosati %2-tahriri). Ishni davom ettirish uchun ularni oʻqib, qabul qiling.</translation>
    </message>
    <message>
        <source>Terms of use version %1 and privacy policy version %2.</source>
        <translation>Foydalanish shartlari %1-tahriri va maxfiylik siyosati %2-tahriri.</translation>
    </message>
    <message>
        <source>Terms of use</source>
        <translation>Foydalanish shartlari</translation>
    </message>
    <message>
        <source>Privacy policy</source>
        <translation>Maxfiylik siyosati</translation>
    </message>
    <message>
        <source>I have read and accept the terms of use and the privacy policy</source>
        <translation>Foydalanish shartlari va maxfiylik siyosatini oʻqidim va qabul qilaman</translation>
    </message>
    <message>
        <source>&amp;Accept and continue</source>
        <translation>&amp;Qabul qilish va davom etish</translation>
    </message>
    <message>
        <source>Decline and sign out</source>
        <translation>Rad etish va chiqish</translation>
    </message>
</context>
<context>
    <name>medora::DoctorCabinet</name>
    <message>
        <source>The report could not be started: %1</source>
        <translation>Xulosani boshlab boʻlmadi: %1</translation>
    </message>
    <message>
        <source>Start the visit (F7) to write its report.</source>
        <translation>Xulosa yozish uchun qabulni boshlang (F7).</translation>
    </message>
    <message>
        <source>This visit has no report.</source>
        <translation>Bu tashrifda xulosa yoʻq.</translation>
    </message>
    <message>
        <source>Only doctors print reports from the cabinet.</source>
        <translation>Kabinetdan xulosalarni faqat shifokorlar chop eta oladi.</translation>
    </message>
    <message>
        <source>Open a report first: the visit&apos;s report, or one in the chart&apos;s history.</source>
        <translation>Avval xulosani oching: ushbu tashrif xulosasini yoki bemor kartasi tarixidagi xulosalardan birini.</translation>
    </message>
    <message>
        <source>The PDF was not written: %1</source>
        <translation>PDF yozilmadi: %1</translation>
    </message>
    <message>
        <source>Saved as %1</source>
        <translation>Saqlandi: %1</translation>
    </message>
    <message>
        <source>report-%1-%2.pdf</source>
        <translation>xulosa-%1-%2.pdf</translation>
    </message>
    <message>
        <source>Doctor&apos;s cabinet</source>
        <translation>Shifokor kabineti</translation>
    </message>
    <message>
        <source>The doctor&apos;s cabinet is for doctors. Patients&apos; reports are not shown to other roles.</source>
        <translation>Shifokor kabineti shifokorlar uchun. Bemorlarning xulosalari boshqa rollarga koʻrsatilmaydi.</translation>
    </message>
    <message>
        <source>Call the next patient</source>
        <translation>Keyingi bemorni chaqirish</translation>
    </message>
    <message>
        <source>Start the visit</source>
        <translation>Qabulni boshlash</translation>
    </message>
    <message>
        <source>Finish the visit</source>
        <translation>Qabulni yakunlash</translation>
    </message>
    <message>
        <source>Print the report as PDF</source>
        <translation>Xulosani PDF koʻrinishida chop etish</translation>
    </message>
    <message>
        <source>&amp;Visit report</source>
        <translation>Qabul x&amp;ulosasi</translation>
    </message>
    <message>
        <source>Hist&amp;ory</source>
        <translation>Tari&amp;x</translation>
    </message>
    <message>
        <source>Open a patient&apos;s visit first: the AI works on the visit&apos;s report.</source>
        <translation>Avval bemorning tashrifini oching: AI tashrif xulosasi asosida ishlaydi.</translation>
    </message>
    <message>
        <source>Working diagnosis: %1</source>
        <translation>Dastlabki tashxis: %1</translation>
    </message>
    <message>
        <source>AI consilium</source>
        <translation>A&amp;I konsilium</translation>
    </message>
</context>
<context>
    <name>medora::ForgotPasswordDialog</name>
    <message>
        <source>Forgotten password</source>
        <translation>Parolni tiklash</translation>
    </message>
    <message>
        <source>Enter the phone number or the e-mail address of your account. If it belongs to an account, a one-time code is sent there.</source>
        <translation>Hisobingizning telefon raqami yoki e-pochta manzilini kiriting. Agar u hisobga tegishli boʻlsa, unga bir martalik kod yuboriladi.</translation>
    </message>
    <message>
        <source>&amp;Phone or e-mail:</source>
        <translation>&amp;Telefon yoki e-pochta:</translation>
    </message>
    <message>
        <source>+998 90 123 45 67 or name@example.uz</source>
        <translation>+998 90 123 45 67 yoki name@example.uz</translation>
    </message>
    <message>
        <source>Send &amp;code</source>
        <translation>&amp;Kod yuborish</translation>
    </message>
    <message numerus="yes">
        <source>If an account has this phone number or e-mail address, a code is on its way. It is valid for %n minute(s) and works once.</source>
        <translation>
            <numerusform>Agar bu telefon raqami yoki e-pochta manzili bilan hisob boʻlsa, kod yuborildi. U %n daqiqa amal qiladi va bir marta ishlatiladi.</numerusform>
            <numerusform>Agar bu telefon raqami yoki e-pochta manzili bilan hisob boʻlsa, kod yuborildi. U %n daqiqa amal qiladi va bir marta ishlatiladi.</numerusform>
        </translation>
    </message>
    <message>
        <source>C&amp;ode:</source>
        <translation>K&amp;od:</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>&amp;Yangi parol:</translation>
    </message>
    <message>
        <source>&amp;Repeat the new password:</source>
        <translation>Yangi parolni t&amp;akrorlang:</translation>
    </message>
    <message>
        <source>at least 8 characters</source>
        <translation>kamida 8 ta belgi</translation>
    </message>
    <message>
        <source>&amp;Set the new password</source>
        <translation>Yangi parolni &amp;oʻrnatish</translation>
    </message>
    <message>
        <source>Send a new code</source>
        <translation>Yangi kod yuborish</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Bekor qilish</translation>
    </message>
    <message>
        <source>Enter the phone number or the e-mail address of your account.</source>
        <translation>Hisobingizning telefon raqami yoki e-pochta manzilini kiriting.</translation>
    </message>
    <message>
        <source>Enter the 6-digit code from the message.</source>
        <translation>Xabardagi 6 xonali kodni kiriting.</translation>
    </message>
    <message>
        <source>The new password must have at least 8 characters.</source>
        <translation>Yangi parol kamida 8 ta belgidan iborat boʻlishi kerak.</translation>
    </message>
    <message>
        <source>The two new passwords are not the same.</source>
        <translation>Kiritilgan ikki yangi parol bir xil emas.</translation>
    </message>
</context>
<context>
    <name>medora::LetterheadClient</name>
    <message numerus="yes">
        <source>At most %n characters.</source>
        <translation>
            <numerusform>Koʻpi bilan %n ta belgi.</numerusform>
            <numerusform>Koʻpi bilan %n ta belgi.</numerusform>
        </translation>
    </message>
    <message>
        <source>Only letters, digits, punctuation and line breaks.</source>
        <translation>Faqat harflar, raqamlar, tinish belgilari va qator uzilishlari.</translation>
    </message>
    <message>
        <source>Only letters, digits and punctuation, on one line.</source>
        <translation>Faqat harflar, raqamlar va tinish belgilari, bitta qatorda.</translation>
    </message>
    <message>
        <source>The logo is larger than %1 KiB.</source>
        <translation>Logotip %1 KiB dan katta.</translation>
    </message>
    <message>
        <source>The logo is not a PNG picture.</source>
        <translation>Logotip PNG rasmi emas.</translation>
    </message>
    <message>
        <source>The logo may be at most %1 × %1 pixels.</source>
        <translation>Logotip koʻpi bilan %1 × %1 piksel boʻlishi mumkin.</translation>
    </message>
    <message>
        <source>The picture is too large to use as a logo.</source>
        <translation>Rasm logotip sifatida ishlatish uchun juda katta.</translation>
    </message>
    <message>
        <source>The file is not a picture this program can read.</source>
        <translation>Fayl bu dastur oʻqiy oladigan rasm emas.</translation>
    </message>
    <message>
        <source>The picture could not be converted to PNG.</source>
        <translation>Rasmni PNG formatiga oʻtkazib boʻlmadi.</translation>
    </message>
    <message>
        <source>The logo is larger than %1 KiB even when reduced; choose a simpler picture.</source>
        <translation>Logotip kichraytirilganda ham %1 KiB dan katta; soddaroq rasm tanlang.</translation>
    </message>
</context>
<context>
    <name>medora::LetterheadDialog</name>
    <message>
        <source>Letterhead</source>
        <translation>Klinika blanki</translation>
    </message>
    <message>
        <source>Every printout (reports, receipts, tickets) starts with this letterhead.</source>
        <translation>Chop etiladigan har bir hujjat (xulosalar, cheklar, talonlar) shu blank bilan boshlanadi.</translation>
    </message>
    <message>
        <source>(not known yet)</source>
        <translation>(hali nomaʼlum)</translation>
    </message>
    <message>
        <source>The clinic&apos;s name is set on the server by its operator.</source>
        <translation>Klinika nomini serverda uning operatori belgilaydi.</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Manzil</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>+998 71 200-00-00</source>
        <translation>+998 71 200-00-00</translation>
    </message>
    <message>
        <source>Footer</source>
        <translation>Pastki yozuv</translation>
    </message>
    <message>
        <source>For example the licence number</source>
        <translation>Masalan, litsenziya raqami</translation>
    </message>
    <message>
        <source>Logo preview</source>
        <translation>Logotipni oldindan koʻrish</translation>
    </message>
    <message>
        <source>Choose logo…</source>
        <translation>Logotipni tanlash…</translation>
    </message>
    <message>
        <source>Remove logo</source>
        <translation>Logotipni olib tashlash</translation>
    </message>
    <message>
        <source>Clinic:</source>
        <translation>Klinika:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Manzil:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Telefon:</translation>
    </message>
    <message>
        <source>&amp;Footer:</source>
        <translation>&amp;Pastki yozuv:</translation>
    </message>
    <message>
        <source>Logo:</source>
        <translation>Logotip:</translation>
    </message>
    <message>
        <source>You are offline: the letterhead can be changed only while Medora is connected to the server.</source>
        <translation>Siz oflayn rejimdasiz: blankni faqat Medora serverga ulangan paytda oʻzgartirish mumkin.</translation>
    </message>
    <message>
        <source>You are offline: the letterhead can be changed only while Medora is connected to the server. Your changes stay here; save again when the connection is back.</source>
        <translation>Siz oflayn rejimdasiz: blankni faqat Medora serverga ulangan paytda oʻzgartirish mumkin. Oʻzgarishlaringiz shu yerda qoladi; aloqa tiklanganda yana saqlang.</translation>
    </message>
    <message>
        <source>Choose the clinic&apos;s logo</source>
        <translation>Klinika logotipini tanlang</translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg *.bmp *.gif)</source>
        <translation>Rasmlar (*.png *.jpg *.jpeg *.bmp *.gif)</translation>
    </message>
    <message>
        <source>No logo</source>
        <translation>Logotip yoʻq</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Saqlanmoqda…</translation>
    </message>
    <message>
        <source>The server cannot be reached, so the letterhead was not saved. Your changes stay here; save again when the connection is back.</source>
        <translation>Serverga ulanib boʻlmadi, shuning uchun blank saqlanmadi. Oʻzgarishlaringiz shu yerda qoladi; aloqa tiklanganda yana saqlang.</translation>
    </message>
    <message>
        <source>Only a clinic administrator may change the letterhead.</source>
        <translation>Blankni faqat klinika administratori oʻzgartira oladi.</translation>
    </message>
    <message>
        <source>Too long.</source>
        <translation>Juda uzun.</translation>
    </message>
    <message>
        <source>Only letters, digits and punctuation.</source>
        <translation>Faqat harflar, raqamlar va tinish belgilari.</translation>
    </message>
    <message>
        <source>The server did not accept the logo as a PNG picture. Choose another picture.</source>
        <translation>Server logotipni PNG rasmi sifatida qabul qilmadi. Boshqa rasm tanlang.</translation>
    </message>
    <message>
        <source>The logo is too large. Choose a smaller picture.</source>
        <translation>Logotip juda katta. Kichikroq rasm tanlang.</translation>
    </message>
</context>
<context>
    <name>medora::LockScreen</name>
    <message>
        <source>Medora — locked</source>
        <translation>Medora — qulflangan</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Parol:</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Qulfdan chiqarish</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Tizimdan &amp;chiqish</translation>
    </message>
    <message>
        <source>&amp;Sign in…</source>
        <translation>&amp;Kirish…</translation>
    </message>
    <message>
        <source>Medora is locked</source>
        <translation>Medora qulflangan</translation>
    </message>
    <message>
        <source>%1 (%2) is signed in. Enter the password to continue.</source>
        <translation>%1 (%2) tizimga kirgan. Davom etish uchun parolni kiriting.</translation>
    </message>
    <message>
        <source>Sign in to Medora</source>
        <translation>Medoraga kirish</translation>
    </message>
    <message>
        <source>Connecting to the server…</source>
        <translation>Serverga ulanilmoqda…</translation>
    </message>
    <message>
        <source>Nobody is signed in on this computer. Sign in to see the patient data.</source>
        <translation>Bu kompyuterda hech kim tizimga kirmagan. Bemorlar maʼlumotlarini koʻrish uchun tizimga kiring.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Parolingizni kiriting.</translation>
    </message>
    <message>
        <source>The password is wrong.</source>
        <translation>Parol notoʻgʻri.</translation>
    </message>
    <message>
        <source>Wait %1 before the next attempt.</source>
        <translation>Keyingi urinishdan oldin kuting: %1.</translation>
    </message>
    <message>
        <source>The password was entered wrong too many times. Try again in %1.</source>
        <translation>Parol juda koʻp marta notoʻgʻri kiritildi. Qayta urinish uchun kuting: %1.</translation>
    </message>
    <message>
        <source>This computer cannot check your password. Sign out, then sign in again.</source>
        <translation>Bu kompyuter parolingizni tekshira olmaydi. Tizimdan chiqing, soʻng qaytadan kiring.</translation>
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
        <source>Ser&amp;ver address:</source>
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
    <message>
        <source>&amp;Forgot password?</source>
        <translation>Parolni &amp;unutdingizmi?</translation>
    </message>
    <message>
        <source>&amp;Register a new clinic…</source>
        <translation>Yangi klinikani &amp;roʻyxatdan oʻtkazish…</translation>
    </message>
    <message>
        <source>Your password was changed and every earlier sign-in ended. Sign in with the new password.</source>
        <translation>Parolingiz oʻzgartirildi va avvalgi barcha kirishlar yakunlandi. Yangi parol bilan kiring.</translation>
    </message>
    <message>
        <source>Your clinic is registered. Signing in…</source>
        <translation>Klinikangiz roʻyxatdan oʻtdi. Tizimga kirilmoqda…</translation>
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
    <message>
        <source>S&amp;ync</source>
        <translation>&amp;Sinxronlash</translation>
    </message>
    <message>
        <source>Sync &amp;now</source>
        <translation>&amp;Hozir sinxronlash</translation>
    </message>
    <message>
        <source>Send the changes made here and fetch the server&apos;s now.</source>
        <translation>Bu yerda kiritilgan oʻzgarishlarni hozir yuborish va serverdagilarini olish.</translation>
    </message>
    <message>
        <source>Sync &amp;errors…</source>
        <translation>Sinxronlash &amp;xatolari…</translation>
    </message>
    <message>
        <source>&amp;Conflicts…</source>
        <translation>&amp;Ziddiyatlar…</translation>
    </message>
    <message>
        <source>Signed in without the server: changes stay on this computer and will sync when the server is reachable.</source>
        <translation>Serversiz kirildi: oʻzgarishlar shu kompyuterda qoladi va server ishlaganda sinxronlanadi.</translation>
    </message>
    <message>
        <source>Offline sign-in on this computer is not available: %1</source>
        <translation>Bu kompyuterda oflayn kirish imkoni yoʻq: %1</translation>
    </message>
    <message>
        <source>Working offline as %1 (%2)</source>
        <translation>%1 (%2) sifatida oflayn ishlanmoqda</translation>
    </message>
    <message>
        <source>Sync status</source>
        <translation>Sinxronlash holati</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Sozlamalar…</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tezkor tugmalar</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Yo&amp;rdam</translation>
    </message>
    <message>
        <source>Show page %1</source>
        <translation>%1-sahifani koʻrsatish</translation>
    </message>
    <message>
        <source>Settings need the server connection, which this window does not have.</source>
        <translation>Sozlamalar uchun server bilan ulanish kerak, bu oynada esa u yoʻq.</translation>
    </message>
    <message>
        <source>Everywhere</source>
        <translation>Hamma joyda</translation>
    </message>
</context>
<context>
    <name>medora::MyQueuePanel</name>
    <message>
        <source>(patient not on this computer yet)</source>
        <translation>(bemor hali bu kompyuterda yoʻq)</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Shoshilinch</translation>
    </message>
    <message>
        <source>Choose a patient in your queue first.</source>
        <translation>Avval navbatingizdagi bemorni tanlang.</translation>
    </message>
    <message>
        <source>My &amp;queue — %1</source>
        <translation>Menin&amp;g navbatim — %1</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Talon</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Bemor</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Holat</translation>
    </message>
    <message>
        <source>My queue</source>
        <translation>Mening navbatim</translation>
    </message>
    <message>
        <source>Call next (F6)</source>
        <translation>Keyingisini chaqirish (F6)</translation>
    </message>
    <message>
        <source>Start (F7)</source>
        <translation>Boshlash (F7)</translation>
    </message>
    <message>
        <source>Finish (F8)</source>
        <translation>Yakunlash (F8)</translation>
    </message>
    <message>
        <source>Did not come</source>
        <translation>Kelmadi</translation>
    </message>
    <message>
        <source>Call the next patient</source>
        <translation>Keyingi bemorni chaqirish</translation>
    </message>
    <message>
        <source>Start the visit</source>
        <translation>Qabulni boshlash</translation>
    </message>
    <message>
        <source>Finish the visit</source>
        <translation>Qabulni yakunlash</translation>
    </message>
    <message>
        <source>Mark the called patient as absent</source>
        <translation>Chaqirilgan bemorni kelmagan deb belgilash</translation>
    </message>
</context>
<context>
    <name>medora::OneTimePasswordDialog</name>
    <message>
        <source>One-time password</source>
        <translation>Bir martalik parol</translation>
    </message>
    <message>
        <source>The one-time password of %1 (login %2) is shown only now. Give it to them: they choose their own password when they first sign in.</source>
        <translation>%1 (login: %2) uchun bir martalik parol faqat hozir koʻrsatiladi. Uni xodimga bering: u birinchi marta kirganda oʻz parolini tanlaydi.</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Nusxa olish</translation>
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
    <message>
        <source>Sync: %1. %2</source>
        <translation>Sinxronlash: %1. %2</translation>
    </message>
</context>
<context>
    <name>medora::PatientPicker</name>
    <message>
        <source>Name, phone or patient number</source>
        <translation>Ism, telefon yoki bemor raqami</translation>
    </message>
    <message>
        <source>Search patients</source>
        <translation>Bemorlarni qidirish</translation>
    </message>
    <message>
        <source>Patients found</source>
        <translation>Topilgan bemorlar</translation>
    </message>
    <message>
        <source>&amp;Find the patient</source>
        <translation>Bemorni t&amp;oping</translation>
    </message>
</context>
<context>
    <name>medora::PatientRegistry</name>
    <message>
        <source>The data folder %1 cannot be created or is not a folder. Choose another folder or check its permissions.</source>
        <translation>%1 maʼlumotlar papkasini yaratib boʻlmadi yoki u papka emas. Boshqa papkani tanlang yoki ruxsatlarni tekshiring.</translation>
    </message>
</context>
<context>
    <name>medora::PaymentDialog</name>
    <message>
        <source>No photo attached</source>
        <translation>Surat biriktirilmagan</translation>
    </message>
    <message>
        <source>&amp;Amount</source>
        <translation>&amp;Summa</translation>
    </message>
    <message>
        <source>&amp;Method</source>
        <translation>Toʻlov &amp;usuli</translation>
    </message>
    <message>
        <source>&amp;Visit</source>
        <translation>&amp;Tashrif</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Izoh</translation>
    </message>
    <message>
        <source>Receipt &amp;photo</source>
        <translation>Chek su&amp;rati</translation>
    </message>
    <message>
        <source>Take a payment</source>
        <translation>Toʻlov qabul qilish</translation>
    </message>
    <message>
        <source>Patient: %1 (%2)</source>
        <translation>Bemor: %1 (%2)</translation>
    </message>
    <message>
        <source>so&apos;m</source>
        <translation>soʻm</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Ixtiyoriy</translation>
    </message>
    <message>
        <source>Attach a photo of the receipt</source>
        <translation>Chek suratini biriktirish</translation>
    </message>
    <message>
        <source>Remove the attached photo</source>
        <translation>Biriktirilgan suratni olib tashlash</translation>
    </message>
    <message>
        <source>P&amp;rint a receipt</source>
        <translation>&amp;Chek chop etish</translation>
    </message>
    <message>
        <source>&amp;Take payment</source>
        <translation>Toʻlovni &amp;qabul qilish</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Bekor qilish</translation>
    </message>
    <message>
        <source>Not linked to a visit</source>
        <translation>Tashrifga bogʻlanmagan</translation>
    </message>
    <message>
        <source>Unknown doctor</source>
        <translation>Nomaʼlum shifokor</translation>
    </message>
    <message>
        <source>Ticket %1 — %2 (%3)</source>
        <translation>%1-talon — %2 (%3)</translation>
    </message>
    <message>
        <source>Photos (*.jpg *.jpeg *.png *.webp *.bmp *.gif *.tif *.tiff *.heic);;All files (*)</source>
        <translation>Suratlar (*.jpg *.jpeg *.png *.webp *.bmp *.gif *.tif *.tiff *.heic);;Barcha fayllar (*)</translation>
    </message>
    <message>
        <source>The payment was not saved: %1
Everything you typed is still here; correct the problem and press “Take payment” again.</source>
        <translation>Toʻlov saqlanmadi: %1
Siz kiritgan hamma narsa shu yerda turibdi; muammoni bartaraf eting va yana «Toʻlovni qabul qilish» tugmasini bosing.</translation>
    </message>
    <message>
        <source>Discard this payment without saving it?</source>
        <translation>Bu toʻlovdan saqlamasdan voz kechilsinmi?</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Voz kechish</translation>
    </message>
    <message>
        <source>&amp;Keep editing</source>
        <translation>&amp;Kiritishni davom ettirish</translation>
    </message>
    <message>
        <source>Atta&amp;ch photo…</source>
        <translation>Surat &amp;biriktirish…</translation>
    </message>
    <message>
        <source>R&amp;emove</source>
        <translation>&amp;Olib tashlash</translation>
    </message>
</context>
<context>
    <name>medora::PaymentService</name>
    <message>
        <source>Cash</source>
        <translation>Naqd pul</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Karta</translation>
    </message>
    <message>
        <source>Bank transfer</source>
        <translation>Bank oʻtkazmasi</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Boshqa</translation>
    </message>
    <message>
        <source>The file “%1” does not exist.</source>
        <translation>«%1» fayli mavjud emas.</translation>
    </message>
    <message>
        <source>The photo is %1 MiB; at most %2 MiB can be attached.</source>
        <translation>Surat hajmi %1 MiB; koʻpi bilan %2 MiB biriktirish mumkin.</translation>
    </message>
    <message>
        <source>The file “%1” cannot be read: %2</source>
        <translation>«%1» faylini oʻqib boʻlmadi: %2</translation>
    </message>
    <message>
        <source>The file “%1” is not a photo (JPEG, PNG, WebP, BMP, GIF, TIFF or HEIC).</source>
        <translation>«%1» fayli surat emas (JPEG, PNG, WebP, BMP, GIF, TIFF yoki HEIC).</translation>
    </message>
    <message>
        <source>Choose the patient who pays.</source>
        <translation>Toʻlov qilayotgan bemorni tanlang.</translation>
    </message>
    <message>
        <source>Choose how the patient pays.</source>
        <translation>Toʻlov usulini tanlang.</translation>
    </message>
    <message>
        <source>The chosen visit is not one of this patient&apos;s visits.</source>
        <translation>Tanlangan tashrif bu bemorning tashriflaridan biri emas.</translation>
    </message>
    <message>
        <source>The note is %1 characters long; at most %2 are kept.</source>
        <translation>Izoh %1 ta belgidan iborat; koʻpi bilan %2 tasi saqlanadi.</translation>
    </message>
    <message>
        <source>The folder %1 cannot be created.</source>
        <translation>%1 papkasini yaratib boʻlmadi.</translation>
    </message>
    <message>
        <source>The photo cannot be read: %1</source>
        <translation>Suratni oʻqib boʻlmadi: %1</translation>
    </message>
    <message>
        <source>The photo cannot be copied to %1: %2</source>
        <translation>Suratni %1 ga nusxalab boʻlmadi: %2</translation>
    </message>
</context>
<context>
    <name>medora::PaymentsPanel</name>
    <message>
        <source>Taken at</source>
        <translation>Toʻlov vaqti</translation>
    </message>
    <message>
        <source>Amount, so&apos;m</source>
        <translation>Summa, soʻm</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Toʻlov usuli</translation>
    </message>
    <message>
        <source>Taken by</source>
        <translation>Qabul qilgan xodim</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Holat</translation>
    </message>
    <message>
        <source>The patient&apos;s payments</source>
        <translation>Bemorning toʻlovlari</translation>
    </message>
    <message>
        <source>&amp;Take payment…</source>
        <translation>Toʻlov qabul qi&amp;lish…</translation>
    </message>
    <message>
        <source>Take a payment from the patient</source>
        <translation>Bemordan toʻlov qabul qilish</translation>
    </message>
    <message>
        <source>&amp;Reverse…</source>
        <translation>Storno q&amp;ilish…</translation>
    </message>
    <message>
        <source>Reverse the selected payment</source>
        <translation>Tanlangan toʻlovni storno qilish</translation>
    </message>
    <message>
        <source>Print the receipt of the selected payment</source>
        <translation>Tanlangan toʻlov chekini chop etish</translation>
    </message>
    <message>
        <source>Open the attached photo of the receipt</source>
        <translation>Chekning biriktirilgan suratini ochish</translation>
    </message>
    <message>
        <source>Payments of %1 (%2)</source>
        <translation>%1 (%2) toʻlovlari</translation>
    </message>
    <message>
        <source>Find a patient on the left to see and take their payments.</source>
        <translation>Toʻlovlarini koʻrish va qabul qilish uchun chap tomondan bemorni toping.</translation>
    </message>
    <message>
        <source>Reversal</source>
        <translation>Storno</translation>
    </message>
    <message>
        <source>Reversed</source>
        <translation>Storno qilingan</translation>
    </message>
    <message>
        <source>Photo attached</source>
        <translation>Surat biriktirilgan</translation>
    </message>
    <message>
        <source>%1, photo attached</source>
        <translation>%1, surat biriktirilgan</translation>
    </message>
    <message>
        <source>Unknown staff member</source>
        <translation>Nomaʼlum xodim</translation>
    </message>
    <message>
        <source>Reverse the payment</source>
        <translation>Toʻlovni storno qilish</translation>
    </message>
    <message>
        <source>Reverse the payment of %1 (%3) taken on %2?

The payment stays in the ledger and a reversing entry of the same amount is added. Give the money back to the patient.</source>
        <translation>%2 da qabul qilingan %1 (%3) toʻlov storno qilinsinmi?

Toʻlov hisobda qoladi va xuddi shu summadagi storno yozuvi qoʻshiladi. Pulni bemorga qaytaring.</translation>
    </message>
    <message>
        <source>&amp;Reverse payment</source>
        <translation>&amp;Storno qilish</translation>
    </message>
    <message>
        <source>&amp;Keep it</source>
        <translation>Toʻlovni &amp;qoldirish</translation>
    </message>
    <message>
        <source>The payment was not reversed: %1</source>
        <translation>Toʻlov storno qilinmadi: %1</translation>
    </message>
    <message>
        <source>The receipt was not printed: %1</source>
        <translation>Chek chop etilmadi: %1</translation>
    </message>
    <message>
        <source>The receipt photo is on the computer where the payment was taken, not on this one.</source>
        <translation>Chek surati bu kompyuterda emas, toʻlov qabul qilingan kompyuterda saqlanadi.</translation>
    </message>
    <message>
        <source>No program on this computer opens the photo %1.</source>
        <translation>Bu kompyuterda %1 suratini ochadigan dastur yoʻq.</translation>
    </message>
    <message>
        <source>Print rec&amp;eipt</source>
        <translation>&amp;Chekni chop etish</translation>
    </message>
    <message>
        <source>Receipt ph&amp;oto</source>
        <translation>Chek s&amp;urati</translation>
    </message>
</context>
<context>
    <name>medora::PhrasePicker</name>
    <message>
        <source>No phrases for this section in this template.</source>
        <translation>Bu shablonda ushbu boʻlim uchun iboralar yoʻq.</translation>
    </message>
    <message>
        <source>Specialty template</source>
        <translation>Mutaxassislik shabloni</translation>
    </message>
    <message>
        <source>Phrases for: %1</source>
        <translation>Iboralar: %1</translation>
    </message>
    <message>
        <source>Template phrases for %1</source>
        <translation>%1 uchun shablon iboralari</translation>
    </message>
    <message>
        <source>Inserts the chosen phrase at the cursor of the section being written</source>
        <translation>Tanlangan iborani yozilayotgan boʻlimdagi kursor turgan joyga qoʻyadi</translation>
    </message>
    <message>
        <source>Sp&amp;ecialty template:</source>
        <translation>&amp;Mutaxassislik shabloni:</translation>
    </message>
    <message>
        <source>&amp;Insert phrase</source>
        <translation>Iborani &amp;joylashtirish</translation>
    </message>
</context>
<context>
    <name>medora::PrintActions</name>
    <message>
        <source>Print</source>
        <translation>Chop etish</translation>
    </message>
    <message>
        <source>Print this document, or save it as a PDF file?</source>
        <translation>Bu hujjat chop etilsinmi yoki PDF fayl sifatida saqlansinmi?</translation>
    </message>
    <message>
        <source>Print “%1”, or save it as a PDF file?</source>
        <translation>«%1» chop etilsinmi yoki PDF fayl sifatida saqlansinmi?</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Chop etish…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>PDF sifatida saqlash…</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>PDF sifatida saqlash</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF fayllar (*.pdf)</translation>
    </message>
    <message>
        <source>Print: %1</source>
        <translation>Chop etish: %1</translation>
    </message>
    <message>
        <source>document</source>
        <translation>hujjat</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>Chop etilmoqda…</translation>
    </message>
    <message>
        <source>Saving the PDF…</source>
        <translation>PDF saqlanmoqda…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Bekor qilish</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>Chop etish</translation>
    </message>
    <message>
        <source>Page %1 of %2…</source>
        <translation>Sahifa %1 / %2…</translation>
    </message>
    <message>
        <source>The printer did not accept the printout. Check that it is switched on and has paper, then print again.</source>
        <translation>Printer hujjatni qabul qilmadi. Printer yoqilganini va unda qogʻoz borligini tekshiring, soʻng qayta chop eting.</translation>
    </message>
    <message>
        <source>%1 Choose another folder or file name and save again.</source>
        <translation>%1 Boshqa papka yoki fayl nomini tanlang va qayta saqlang.</translation>
    </message>
    <message>
        <source>The PDF was not saved.</source>
        <translation>PDF saqlanmadi.</translation>
    </message>
    <message>
        <source>Printing failed</source>
        <translation>Chop etib boʻlmadi</translation>
    </message>
</context>
<context>
    <name>medora::QueueModel</name>
    <message>
        <source>(patient not yet on this PC)</source>
        <translation>(bemor hali bu kompyuterda yoʻq)</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Talon</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Bemor</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Ustuvorlik</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Holat</translation>
    </message>
    <message>
        <source>Queued at</source>
        <translation>Yozilgan vaqti</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Izoh</translation>
    </message>
    <message>
        <source>%1 (twice!)</source>
        <translation>%1 (ikki marta!)</translation>
    </message>
    <message>
        <source>Another computer gave out the same ticket for this doctor and day: call these patients by name.</source>
        <translation>Boshqa kompyuter ham shu shifokor va shu kun uchun xuddi shunday talon bergan: bu bemorlarni ismi bilan chaqiring.</translation>
    </message>
</context>
<context>
    <name>medora::QueuePanel</name>
    <message>
        <source>&amp;Doctor:</source>
        <translation>Shi&amp;fokor:</translation>
    </message>
    <message>
        <source>Doctor whose queue is shown</source>
        <translation>Navbati koʻrsatilayotgan shifokor</translation>
    </message>
    <message>
        <source>&amp;Urgent</source>
        <translation>Shoshilinch</translation>
    </message>
    <message>
        <source>Urgent: goes before everyone not urgent</source>
        <translation>Shoshilinch: shoshilinch boʻlmagan barcha bemorlardan oldin kiradi</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>&amp;Izoh:</translation>
    </message>
    <message>
        <source>Note for the queue</source>
        <translation>Navbat uchun izoh</translation>
    </message>
    <message>
        <source>Optional, e.g. “repeat visit”</source>
        <translation>Ixtiyoriy, masalan «takroriy qabul»</translation>
    </message>
    <message>
        <source>Add the patient to the doctor&apos;s queue</source>
        <translation>Bemorni shifokor navbatiga qoʻshish</translation>
    </message>
    <message>
        <source>Today&apos;s queue</source>
        <translation>Bugungi navbat</translation>
    </message>
    <message>
        <source>Move the patient one place up</source>
        <translation>Bemorni navbatda bir oʻrin yuqoriga surish</translation>
    </message>
    <message>
        <source>Move the patient one place down</source>
        <translation>Bemorni navbatda bir oʻrin pastga surish</translation>
    </message>
    <message>
        <source>Mark that the patient did not come</source>
        <translation>Bemor kelmaganini belgilash</translation>
    </message>
    <message>
        <source>&amp;Back to the queue</source>
        <translation>&amp;Navbatga qaytarish</translation>
    </message>
    <message>
        <source>Print the ticket of the selected patient again</source>
        <translation>Tanlangan bemorning talonini qayta chop etish</translation>
    </message>
    <message>
        <source>No doctors yet: sign in once to load the clinic&apos;s staff</source>
        <translation>Hali shifokorlar yoʻq: klinika xodimlarini yuklash uchun bir marta tizimga kiring</translation>
    </message>
    <message>
        <source>Patient: %1 (%2)</source>
        <translation>Bemor: %1 (%2)</translation>
    </message>
    <message>
        <source>Patient: find one on the left first</source>
        <translation>Bemor: chapdan tanlang</translation>
    </message>
    <message>
        <source>Waiting: %1</source>
        <translation>Kutmoqda: %1</translation>
    </message>
    <message>
        <source>Not ur&amp;gent</source>
        <translation>Shoshi&amp;linch emas</translation>
    </message>
    <message>
        <source>Ur&amp;gent</source>
        <translation>Shoshi&amp;linch</translation>
    </message>
    <message>
        <source>Make the visit not urgent</source>
        <translation>Tashrifni oddiy navbatga oʻtkazish</translation>
    </message>
    <message>
        <source>Make the visit urgent</source>
        <translation>Tashrifni shoshilinch qilish</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Bemor</translation>
    </message>
    <message>
        <source>Doctor</source>
        <translation>Shifokor</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Kun</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Izoh</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>The patient was not queued: %1</source>
        <translation>Bemor navbatga qoʻyilmadi: %1</translation>
    </message>
    <message>
        <source>The ticket was not printed: %1</source>
        <translation>Talon chop etilmadi: %1</translation>
    </message>
    <message>
        <source>P&amp;rint the ticket</source>
        <translation>Talonni &amp;chop etish</translation>
    </message>
    <message>
        <source>Add &amp;to queue</source>
        <translation>Navbat&amp;ga qoʻshish</translation>
    </message>
    <message>
        <source>Mo&amp;ve up</source>
        <translation>Y&amp;uqoriga</translation>
    </message>
    <message>
        <source>Move dow&amp;n</source>
        <translation>&amp;Pastga</translation>
    </message>
    <message>
        <source>Canc&amp;el visit</source>
        <translation>Tashrifni b&amp;ekor qilish</translation>
    </message>
    <message>
        <source>D&amp;id not come</source>
        <translation>Kelma&amp;di</translation>
    </message>
    <message>
        <source>Print tic&amp;ket</source>
        <translation>Talonni qa&amp;yta chop etish</translation>
    </message>
</context>
<context>
    <name>medora::QueueService</name>
    <message>
        <source>The queue could not be changed.</source>
        <translation>Navbatni oʻzgartirib boʻlmadi.</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Kutmoqda</translation>
    </message>
    <message>
        <source>Called</source>
        <translation>Chaqirilgan</translation>
    </message>
    <message>
        <source>With the doctor</source>
        <translation>Shifokor qabulida</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Yakunlangan</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Bekor qilingan</translation>
    </message>
    <message>
        <source>Did not come</source>
        <translation>Kelmagan</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Shoshilinch</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Oddiy</translation>
    </message>
    <message>
        <source>Choose a patient.</source>
        <translation>Bemorni tanlang.</translation>
    </message>
    <message>
        <source>Choose a doctor.</source>
        <translation>Shifokorni tanlang.</translation>
    </message>
    <message>
        <source>Choose the day of the visit.</source>
        <translation>Tashrif kunini tanlang.</translation>
    </message>
    <message>
        <source>The queue of a past day cannot be changed.</source>
        <translation>Oʻtgan kunning navbatini oʻzgartirib boʻlmaydi.</translation>
    </message>
    <message>
        <source>The note is %1 characters long; at most %2 are kept.</source>
        <translation>Izoh %1 ta belgidan iborat; koʻpi bilan %2 tasi saqlanadi.</translation>
    </message>
    <message>
        <source>The patient is already in this doctor&apos;s queue for that day (ticket %1).</source>
        <translation>Bemor shu kun uchun ushbu shifokor navbatida allaqachon bor (%1-talon).</translation>
    </message>
    <message>
        <source>The patient could not be queued.</source>
        <translation>Bemorni navbatga qoʻyib boʻlmadi.</translation>
    </message>
    <message>
        <source>This queue entry no longer exists.</source>
        <translation>Bu navbat yozuvi endi mavjud emas.</translation>
    </message>
    <message>
        <source>Only a waiting patient can be moved in the queue.</source>
        <translation>Navbatda faqat kutayotgan bemorni surish mumkin.</translation>
    </message>
    <message>
        <source>A patient moves one place at a time.</source>
        <translation>Bemor bir martada faqat bir oʻringa suriladi.</translation>
    </message>
    <message>
        <source>The patient is already first in the queue.</source>
        <translation>Bemor navbatda allaqachon birinchi.</translation>
    </message>
    <message>
        <source>The patient is already last in the queue.</source>
        <translation>Bemor navbatda allaqachon oxirgi.</translation>
    </message>
    <message>
        <source>The priority of a finished or cancelled visit cannot change.</source>
        <translation>Yakunlangan yoki bekor qilingan tashrifning ustuvorligini oʻzgartirib boʻlmaydi.</translation>
    </message>
    <message>
        <source>A visit that is “%1” cannot become “%2”.</source>
        <translation>Holati «%1» boʻlgan tashrifni «%2» holatiga oʻtkazib boʻlmaydi.</translation>
    </message>
</context>
<context>
    <name>medora::ReceptionDesk</name>
    <message>
        <source>Reception desk</source>
        <translation>Qabulxona</translation>
    </message>
    <message>
        <source>&amp;Queue</source>
        <translation>Na&amp;vbat</translation>
    </message>
    <message>
        <source>Ca&amp;sh summary</source>
        <translation>&amp;Kassa hisoboti</translation>
    </message>
    <message>
        <source>Queue, payments and cash</source>
        <translation>Navbat, toʻlovlar va kassa</translation>
    </message>
    <message>
        <source>Add to queue</source>
        <translation>Navbatga qoʻshish</translation>
    </message>
    <message>
        <source>Take payment…</source>
        <translation>Toʻlov qabul qilish…</translation>
    </message>
    <message>
        <source>Move up in the queue</source>
        <translation>Navbatda yuqoriga surish</translation>
    </message>
    <message>
        <source>Move down in the queue</source>
        <translation>Navbatda pastga surish</translation>
    </message>
    <message>
        <source>Print the queue ticket</source>
        <translation>Navbat talonini chop etish</translation>
    </message>
    <message>
        <source>Print the patient card</source>
        <translation>Bemor kartasini chop etish</translation>
    </message>
    <message>
        <source>Cash summary</source>
        <translation>Kassa hisoboti</translation>
    </message>
    <message>
        <source>&amp;Waiting room screen</source>
        <translation>Kutish &amp;zali ekrani</translation>
    </message>
    <message>
        <source>Open the screen of called tickets for the waiting room (%1)</source>
        <translation>Kutish zali uchun chaqirilgan talonlar ekranini ochish (%1)</translation>
    </message>
    <message>
        <source>Open the waiting room screen</source>
        <translation>Kutish zali ekranini ochish</translation>
    </message>
    <message>
        <source>Show on screen</source>
        <translation>Ekranda koʻrsatish</translation>
    </message>
    <message>
        <source>Print patient &amp;card</source>
        <translation>Be&amp;mor kartasini chop etish</translation>
    </message>
    <message>
        <source>Print the card of the selected patient</source>
        <translation>Tanlangan bemorning kartasini chop etish</translation>
    </message>
    <message>
        <source>Screen %1: %2 (%3 × %4)</source>
        <translation>Ekran %1: %2 (%3 × %4)</translation>
    </message>
    <message>
        <source>Pay&amp;ments</source>
        <translation>Toʻlovl&amp;ar</translation>
    </message>
</context>
<context>
    <name>medora::ReceptionPrinter</name>
    <message>
        <source>The folder %1 cannot be created.</source>
        <translation>%1 papkasini yaratib boʻlmadi.</translation>
    </message>
    <message>
        <source>The PDF file %1 could not be written.</source>
        <translation>%1 PDF faylini yozib boʻlmadi.</translation>
    </message>
</context>
<context>
    <name>medora::ReportEditor</name>
    <message>
        <source>The report was not signed because its last changes could not be saved: %1</source>
        <translation>Xulosa imzolanmadi, chunki undagi oxirgi oʻzgarishlarni saqlab boʻlmadi: %1</translation>
    </message>
    <message>
        <source>Sign the report</source>
        <translation>Xulosani imzolash</translation>
    </message>
    <message>
        <source>Sign this report now? A signed report can no longer be changed; a correction is written as an addendum.</source>
        <translation>Xulosa hozir imzolansinmi? Imzolangan xulosani endi oʻzgartirib boʻlmaydi; tuzatish qoʻshimcha sifatida yoziladi.</translation>
    </message>
    <message>
        <source>&amp;Sign</source>
        <translation>&amp;Imzolash</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Tahrirlashni davom ettirish</translation>
    </message>
    <message>
        <source>The report was not signed: %1</source>
        <translation>Xulosa imzolanmadi: %1</translation>
    </message>
    <message>
        <source>The addendum was not started: %1</source>
        <translation>Qoʻshimchani boshlab boʻlmadi: %1</translation>
    </message>
    <message>
        <source>An ICD-10 code reads like J06.9. Until it does, the code is not saved; the rest of the report is.</source>
        <translation>XKT-10 kodi J06.9 koʻrinishida boʻladi. Kod shu koʻrinishga kelmaguncha saqlanmaydi; xulosaning qolgan qismi esa saqlanadi.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Saqlanmoqda…</translation>
    </message>
    <message>
        <source>All changes saved at %1</source>
        <translation>Barcha oʻzgarishlar saqlandi: %1</translation>
    </message>
    <message>
        <source>Draft: every change is saved as you type</source>
        <translation>Qoralama: har bir oʻzgarish yozish davomida saqlanadi</translation>
    </message>
    <message>
        <source>Not saved: %1 What you typed is still here and is saved again with your next change.</source>
        <translation>Saqlanmadi: %1 Siz yozgan matn shu yerda turibdi va keyingi oʻzgarishingiz bilan yana saqlanadi.</translation>
    </message>
    <message>
        <source>&amp;Complaints</source>
        <translation>Shikoyat&amp;lar</translation>
    </message>
    <message>
        <source>E&amp;xamination</source>
        <translation>K&amp;oʻrik</translation>
    </message>
    <message>
        <source>&amp;Diagnosis</source>
        <translation>T&amp;ashxis</translation>
    </message>
    <message>
        <source>&amp;Treatment plan</source>
        <translation>&amp;Davolash rejasi</translation>
    </message>
    <message>
        <source>&amp;Recommendations</source>
        <translation>Ta&amp;vsiyalar</translation>
    </message>
    <message>
        <source>ICD-&amp;10 code:</source>
        <translation>XKT-&amp;10 kodi:</translation>
    </message>
    <message>
        <source>ICD-10 code</source>
        <translation>XKT-10 kodi</translation>
    </message>
    <message>
        <source>&amp;Sign report</source>
        <translation>Xulosani &amp;imzolash</translation>
    </message>
    <message>
        <source>Sign report</source>
        <translation>Xulosani imzolash</translation>
    </message>
    <message>
        <source>Insert a template phrase</source>
        <translation>Shablon iborasini qoʻyish</translation>
    </message>
    <message>
        <source>Save the draft now</source>
        <translation>Qoralamani hozir saqlash</translation>
    </message>
    <message>
        <source>Visit report</source>
        <translation>Qabul xulosasi</translation>
    </message>
    <message>
        <source>No report open.</source>
        <translation>Xulosa ochilmagan.</translation>
    </message>
    <message>
        <source>Addendum to a signed report</source>
        <translation>Imzolangan xulosaga qoʻshimcha</translation>
    </message>
    <message>
        <source>signed %1, read-only</source>
        <translation>imzolangan: %1, faqat oʻqish uchun</translation>
    </message>
    <message>
        <source>draft of another doctor, read-only</source>
        <translation>boshqa shifokorning qoralamasi, faqat oʻqish uchun</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>qoralama</translation>
    </message>
    <message>
        <source>Ana&amp;mnesis</source>
        <translation>A&amp;namnez</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>I&amp;zohlar</translation>
    </message>
    <message>
        <source>&amp;Write an addendum</source>
        <translation>Qoʻshimcha &amp;yozish</translation>
    </message>
    <message>
        <source>contains AI-drafted text</source>
        <translation>AI tayyorlagan matn bor</translation>
    </message>
    <message>
        <source>AI consilium draft</source>
        <translation>AI konsilium loyihasi</translation>
    </message>
</context>
<context>
    <name>medora::ScreenLocker</name>
    <message>
        <source>&amp;Lock screen</source>
        <translation>Ekranni &amp;qulflash</translation>
    </message>
    <message>
        <source>Medora — locked</source>
        <translation>Medora — qulflangan</translation>
    </message>
</context>
<context>
    <name>medora::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Sozlamalar</translation>
    </message>
    <message>
        <source>Clinic &amp;server:</source>
        <translation>Klinika &amp;serveri:</translation>
    </message>
    <message>
        <source>e.g. https://clinic.example.uz</source>
        <translation>masalan, https://clinic.example.uz</translation>
    </message>
    <message>
        <source>Clinic server address</source>
        <translation>Klinika serveri manzili</translation>
    </message>
    <message>
        <source>Development mode: http:// addresses are allowed, and passwords travel unencrypted to them.</source>
        <translation>Ishlab chiqish rejimi: http:// manzillarga ruxsat berilgan, parollar ularga shifrlanmagan holda uzatiladi.</translation>
    </message>
    <message>
        <source>Only https:// addresses are accepted.</source>
        <translation>Faqat https:// manzillar qabul qilinadi.</translation>
    </message>
    <message>
        <source>Clinic &amp;CA certificate:</source>
        <translation>Klinika &amp;CA sertifikati:</translation>
    </message>
    <message>
        <source>Only for a self-hosted server with its own certificate authority</source>
        <translation>Faqat oʻz sertifikatlash markaziga ega boʻlgan klinikaning oʻz serveri uchun</translation>
    </message>
    <message>
        <source>Clinic CA certificate file</source>
        <translation>Klinika CA sertifikati fayli</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Faylni tanlash…</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Til:</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Til</translation>
    </message>
    <message>
        <source>Lock the screen after &amp;idle minutes:</source>
        <translation>Qulflash &amp;muddati (daqiqa):</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Hech qachon</translation>
    </message>
    <message>
        <source>Idle minutes before the screen locks</source>
        <translation>Ekran qulflanishigacha boʻlgan harakatsizlik daqiqalari</translation>
    </message>
    <message>
        <source>0 means never. On shared clinic PCs keep it short.</source>
        <translation>0 — hech qachon. Klinikadagi umumiy kompyuterlarda bu vaqtni qisqa qiling.</translation>
    </message>
    <message>
        <source>Clinic CA certificate</source>
        <translation>Klinika CA sertifikati</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation>PEM sertifikatlar (*.pem *.crt);;Barcha fayllar (*)</translation>
    </message>
    <message>
        <source>Change the server</source>
        <translation>Serverni oʻzgartirish</translation>
    </message>
    <message>
        <source>Changing the server signs you out. The changes made on this PC stay here and are sent once you sign in again. Change it?</source>
        <translation>Serverni oʻzgartirsangiz, tizimdan chiqasiz. Bu kompyuterda kiritilgan oʻzgarishlar shu yerda qoladi va qaytadan kirganingizda yuboriladi. Server oʻzgartirilsinmi?</translation>
    </message>
    <message>
        <source>Clinic server: %1</source>
        <translation>Klinika serveri: %1</translation>
    </message>
    <message>
        <source>Clinic CA certificate: %1</source>
        <translation>Klinika CA sertifikati: %1</translation>
    </message>
    <message>
        <source>This PC&apos;s &amp;ticket letter:</source>
        <translation>Bu kompyuterning talon &amp;harfi:</translation>
    </message>
    <message>
        <source>Ticket letter of this PC</source>
        <translation>Bu kompyuterning talon harfi</translation>
    </message>
    <message>
        <source>One Latin letter, A to Z</source>
        <translation>Bitta lotin harfi, A dan Z gacha</translation>
    </message>
    <message>
        <source>Queue tickets from this PC start with this letter, like A-017. Give every PC of the clinic a different letter, or two PCs will hand out the same ticket numbers.</source>
        <translation>Bu kompyuterda beriladigan navbat talonlari shu harf bilan boshlanadi, masalan A-017. Klinikaning har bir kompyuteriga boshqa harf bering, aks holda ikki kompyuter bir xil talon raqamlarini beradi.</translation>
    </message>
    <message>
        <source>Ticket letter: enter one Latin letter, A to Z.</source>
        <translation>Talon harfi: A dan Z gacha bitta lotin harfini kiriting.</translation>
    </message>
    <message>
        <source>Ticket letter: the local database could not save it (%1).</source>
        <translation>Talon harfi: mahalliy maʼlumotlar bazasi uni saqlay olmadi (%1).</translation>
    </message>
    <message>
        <source>Cl&amp;ear</source>
        <translation>T&amp;ozalash</translation>
    </message>
</context>
<context>
    <name>medora::ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tezkor tugmalar</translation>
    </message>
    <message>
        <source>Everything in Medora can be done from the keyboard. Tab moves between fields; these keys do the rest.</source>
        <translation>Medorada hamma amalni klaviatura orqali bajarish mumkin. Tab tugmasi maydonlar orasida oʻtkazadi; qolganini quyidagi tugmalar bajaradi.</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Amal</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tugmalar</translation>
    </message>
</context>
<context>
    <name>medora::SignupDialog</name>
    <message>
        <source>Register a new clinic</source>
        <translation>Yangi klinikani roʻyxatdan oʻtkazish</translation>
    </message>
    <message>
        <source>Register your clinic on this server. You become its administrator and can then add doctors and receptionists.</source>
        <translation>Klinikangizni shu serverda roʻyxatdan oʻtkazing. Siz uning administratori boʻlasiz va keyin shifokorlar hamda registratorlarni qoʻsha olasiz.</translation>
    </message>
    <message>
        <source>&amp;Clinic name:</source>
        <translation>&amp;Klinika nomi:</translation>
    </message>
    <message>
        <source>Your &amp;full name:</source>
        <translation>&amp;F.I.Sh.ingiz:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Telefon:</translation>
    </message>
    <message>
        <source>+998 90 123 45 67</source>
        <translation>+998 90 123 45 67</translation>
    </message>
    <message>
        <source>Send a new code</source>
        <translation>Yangi kod yuborish</translation>
    </message>
    <message>
        <source>Send SMS c&amp;ode</source>
        <translation>SMS k&amp;od yuborish</translation>
    </message>
    <message>
        <source>Code from the SM&amp;S:</source>
        <translation>&amp;SMS dagi kod:</translation>
    </message>
    <message>
        <source>A code was sent to this phone. Enter it here.</source>
        <translation>Bu telefonga kod yuborildi. Uni shu yerga kiriting.</translation>
    </message>
    <message>
        <source>&amp;E-mail (optional):</source>
        <translation>&amp;E-pochta (ixtiyoriy):</translation>
    </message>
    <message>
        <source>for password recovery</source>
        <translation>parolni tiklash uchun</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>&amp;Parol:</translation>
    </message>
    <message>
        <source>at least 8 characters</source>
        <translation>kamida 8 ta belgi</translation>
    </message>
    <message>
        <source>&amp;Repeat the password:</source>
        <translation>Parolni t&amp;akrorlang:</translation>
    </message>
    <message>
        <source>I &amp;accept the terms of use (version %1) and the privacy policy (version %2)</source>
        <translation>Foydalanish shartlari (%1-tahrir) va maxfiylik siyosatini (%2-tahrir) qabul &amp;qilaman</translation>
    </message>
    <message>
        <source>Read them…</source>
        <translation>Oʻqish…</translation>
    </message>
    <message>
        <source>Medora does not replace a doctor&apos;s judgement.</source>
        <translation>Medora shifokor xulosasining oʻrnini bosmaydi.</translation>
    </message>
    <message>
        <source>Re&amp;gister the clinic</source>
        <translation>Klinikani &amp;roʻyxatdan oʻtkazish</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Bekor qilish</translation>
    </message>
    <message>
        <source>Enter the phone number first: the code is sent to it.</source>
        <translation>Avval telefon raqamini kiriting: kod unga yuboriladi.</translation>
    </message>
    <message>
        <source>Enter the clinic&apos;s name.</source>
        <translation>Klinika nomini kiriting.</translation>
    </message>
    <message>
        <source>Enter your full name.</source>
        <translation>F.I.Sh.ingizni kiriting.</translation>
    </message>
    <message>
        <source>Enter your phone number.</source>
        <translation>Telefon raqamingizni kiriting.</translation>
    </message>
    <message>
        <source>Enter the code from the SMS. No code yet? Press &quot;Send SMS code&quot;.</source>
        <translation>SMS dagi kodni kiriting. Kod kelmadimi? «SMS kod yuborish» tugmasini bosing.</translation>
    </message>
    <message>
        <source>The password must have at least 8 characters.</source>
        <translation>Parol kamida 8 ta belgidan iborat boʻlishi kerak.</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>Kiritilgan ikki parol bir xil emas.</translation>
    </message>
    <message>
        <source>To register, accept the terms of use and the privacy policy.</source>
        <translation>Roʻyxatdan oʻtish uchun foydalanish shartlari va maxfiylik siyosatini qabul qiling.</translation>
    </message>
    <message>
        <source>The terms of use could not be loaded. Try again.</source>
        <translation>Foydalanish shartlarini yuklab boʻlmadi. Qayta urinib koʻring.</translation>
    </message>
</context>
<context>
    <name>medora::StaffClient</name>
    <message>
        <source>Enter a login.</source>
        <translation>Loginni kiriting.</translation>
    </message>
    <message>
        <source>The login must be 3 to 32 characters: Latin letters a-z, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;.</source>
        <translation>Login 3 dan 32 tagacha belgidan iborat boʻlishi kerak: lotin harflari a-z, raqamlar, «.», «_» yoki «-».</translation>
    </message>
    <message>
        <source>Enter the full name.</source>
        <translation>F.I.Sh.ni kiriting.</translation>
    </message>
    <message numerus="yes">
        <source>At most %n characters.</source>
        <translation>
            <numerusform>Koʻpi bilan %n ta belgi.</numerusform>
            <numerusform>Koʻpi bilan %n ta belgi.</numerusform>
        </translation>
    </message>
    <message>
        <source>Only letters, digits and punctuation, on one line.</source>
        <translation>Faqat harflar, raqamlar va tinish belgilari, bitta qatorda.</translation>
    </message>
    <message>
        <source>Choose a role.</source>
        <translation>Rolni tanlang.</translation>
    </message>
    <message>
        <source>Enter an Uzbek number such as +998 90 123 45 67, or nothing.</source>
        <translation>Oʻzbekiston raqamini kiriting, masalan +998 90 123 45 67, yoki boʻsh qoldiring.</translation>
    </message>
</context>
<context>
    <name>medora::StaffDialog</name>
    <message>
        <source>New staff member</source>
        <translation>Yangi xodim</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Login</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>F.I.Sh.</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Tanlang…</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>optional, e.g. +998 90 123 45 67</source>
        <translation>ixtiyoriy, masalan +998 90 123 45 67</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Login:</translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>&amp;F.I.Sh.:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rol:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Telefon:</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Yaratish</translation>
    </message>
    <message>
        <source>Creating the account…</source>
        <translation>Hisob yaratilmoqda…</translation>
    </message>
    <message>
        <source>Name and phone of %1</source>
        <translation>%1: F.I.Sh. va telefon</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Saqlash</translation>
    </message>
    <message>
        <source>Saving the changes…</source>
        <translation>Oʻzgarishlar saqlanmoqda…</translation>
    </message>
</context>
<context>
    <name>medora::StaffView</name>
    <message numerus="yes">
        <source>%n account(s).</source>
        <translation>
            <numerusform>%n ta hisob.</numerusform>
            <numerusform>%n ta hisob.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 can now sign in with the one-time password.</source>
        <translation>%1 endi bir martalik parol bilan tizimga kira oladi.</translation>
    </message>
    <message>
        <source>The account of %1 was changed.</source>
        <translation>%1 hisobi oʻzgartirildi.</translation>
    </message>
    <message>
        <source>The password of %1 was reset; their sessions have ended.</source>
        <translation>%1 paroli tiklandi; uning seanslari yakunlandi.</translation>
    </message>
    <message>
        <source>Every session of %1 has ended: they must sign in again.</source>
        <translation>%1 ning barcha seanslari yakunlandi: u qaytadan tizimga kirishi kerak.</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>F.I.Sh.</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Login</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Holat</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>&amp;Yangilash</translation>
    </message>
    <message>
        <source>&amp;New account…</source>
        <translation>Yan&amp;gi hisob…</translation>
    </message>
    <message>
        <source>Change &amp;role…</source>
        <translation>Rolni oʻ&amp;zgartirish…</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Oʻchirib qoʻyilgan</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Faol</translation>
    </message>
    <message>
        <source>Active, must set a password</source>
        <translation>Faol, parol oʻrnatishi kerak</translation>
    </message>
    <message>
        <source>Reading the staff list from the server…</source>
        <translation>Xodimlar roʻyxati serverdan oʻqilmoqda…</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Xodimlar</translation>
    </message>
    <message>
        <source>Change role</source>
        <translation>Rolni oʻzgartirish</translation>
    </message>
    <message>
        <source>New role of %1:</source>
        <translation>%1 uchun yangi rol:</translation>
    </message>
    <message>
        <source>Make %1 a %2? Their sessions end and they sign in again with the new role.</source>
        <translation>%1 uchun rol «%2» ga oʻzgartirilsinmi? Uning seanslari yakunlanadi va u yangi rol bilan qaytadan tizimga kiradi.</translation>
    </message>
    <message>
        <source>Disable the account of %1? They are signed out at once and can no longer sign in.</source>
        <translation>%1 hisobi oʻchirib qoʻyilsinmi? U darhol tizimdan chiqariladi va boshqa kira olmaydi.</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Oʻchirib qoʻyish</translation>
    </message>
    <message>
        <source>Enable the account of %1 again?</source>
        <translation>%1 hisobi qayta faollashtirilsinmi?</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Faollashtirish</translation>
    </message>
    <message>
        <source>Reset the password of %1? Their sessions end, and they sign in with a new one-time password that you give them.</source>
        <translation>%1 paroli tiklansinmi? Uning seanslari yakunlanadi va u siz beradigan yangi bir martalik parol bilan kiradi.</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>Parolni tiklash</translation>
    </message>
    <message>
        <source>End every session of %1? They must sign in again on every computer.</source>
        <translation>%1 ning barcha seanslari yakunlansinmi? U har bir kompyuterda qaytadan tizimga kirishi kerak boʻladi.</translation>
    </message>
    <message>
        <source>End sessions</source>
        <translation>Seanslarni yakunlash</translation>
    </message>
    <message>
        <source>Login: this login is already taken. Choose another.</source>
        <translation>Login: bu login band. Boshqasini tanlang.</translation>
    </message>
    <message>
        <source>Phone: another account already has this number.</source>
        <translation>Telefon: bu raqam boshqa hisobda allaqachon bor.</translation>
    </message>
    <message>
        <source>Login: 3 to 32 characters, Latin letters a-z, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;.</source>
        <translation>Login: 3 dan 32 tagacha belgi, lotin harflari a-z, raqamlar, «.», «_» yoki «-».</translation>
    </message>
    <message>
        <source>Full name: 1 to 100 characters.</source>
        <translation>F.I.Sh.: 1 dan 100 tagacha belgi.</translation>
    </message>
    <message>
        <source>Phone: not a valid Uzbek number.</source>
        <translation>Telefon: yaroqli Oʻzbekiston raqami emas.</translation>
    </message>
    <message>
        <source>You cannot disable your own account or take away your own administrator role.</source>
        <translation>Oʻz hisobingizni oʻchirib qoʻya olmaysiz va oʻzingizdan administrator rolini ololmaysiz.</translation>
    </message>
    <message>
        <source>This account no longer exists. Refresh the list.</source>
        <translation>Bu hisob endi mavjud emas. Roʻyxatni yangilang.</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>Hech narsa oʻzgartirilmadi.</translation>
    </message>
    <message>
        <source>Role: choose one of the roles.</source>
        <translation>Rol: rollardan birini tanlang.</translation>
    </message>
    <message>
        <source>A value was refused by the server (%1).</source>
        <translation>Server qiymatlardan birini rad etdi (%1).</translation>
    </message>
    <message>
        <source>Only a clinic administrator may manage staff accounts.</source>
        <translation>Xodimlar hisoblarini faqat klinika administratori boshqara oladi.</translation>
    </message>
    <message>
        <source>Na&amp;me and phone…</source>
        <translation>F.I.Sh. va t&amp;elefon…</translation>
    </message>
    <message>
        <source>Correct the full name or the phone number of the chosen account</source>
        <translation>Tanlangan hisobning F.I.Sh. yoki telefon raqamini tuzatish</translation>
    </message>
    <message>
        <source>Reset pass&amp;word…</source>
        <translation>&amp;Parolni tiklash…</translation>
    </message>
    <message>
        <source>End sess&amp;ions…</source>
        <translation>Seanslarni ya&amp;kunlash…</translation>
    </message>
    <message>
        <source>Ena&amp;ble…</source>
        <translation>&amp;Faollashtirish…</translation>
    </message>
    <message>
        <source>Disa&amp;ble…</source>
        <translation>&amp;Oʻchirib qoʻyish…</translation>
    </message>
    <message>
        <source>Staff accounts</source>
        <translation>Xodimlar hisoblari</translation>
    </message>
</context>
<context>
    <name>medora::StatisticsView</name>
    <message>
        <source>Last 7 days</source>
        <translation>Oxirgi 7 kun</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Oxirgi 30 kun</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Shu oy</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Oʻtgan oy</translation>
    </message>
    <message>
        <source>Chosen days</source>
        <translation>Tanlangan kunlar</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Oraliq</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Birinchi kun</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Oxirgi kun</translation>
    </message>
    <message>
        <source>Visits per day</source>
        <translation>Kunlik tashriflar</translation>
    </message>
    <message>
        <source>Payments per method</source>
        <translation>Toʻlov usullari boʻyicha toʻlovlar</translation>
    </message>
    <message>
        <source>Visits per doctor and status</source>
        <translation>Shifokorlar va holatlar boʻyicha tashriflar</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Toʻlov usuli</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Toʻlovlar</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Qaytarilgan</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Sof summa</translation>
    </message>
    <message>
        <source>Doctor</source>
        <translation>Shifokor</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Tashriflar</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Holat</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Jami</translation>
    </message>
    <message>
        <source>Unknown doctor</source>
        <translation>Nomaʼlum shifokor</translation>
    </message>
    <message numerus="yes">
        <source>%1 – %2: %n visit(s); payments %3 net.</source>
        <translation>
            <numerusform>%1 – %2: %n ta tashrif; toʻlovlarning sof summasi %3.</numerusform>
            <numerusform>%1 – %2: %n ta tashrif; toʻlovlarning sof summasi %3.</numerusform>
        </translation>
    </message>
    <message>
        <source>Pe&amp;riod:</source>
        <translation>&amp;Davr:</translation>
    </message>
    <message>
        <source>Sh&amp;ow</source>
        <translation>&amp;Koʻrsatish</translation>
    </message>
    <message>
        <source>Visits per doctor</source>
        <translation>Shifokorlar boʻyicha tashriflar</translation>
    </message>
    <message>
        <source>Visits per status</source>
        <translation>Holatlar boʻyicha tashriflar</translation>
    </message>
</context>
<context>
    <name>medora::SubscriptionClient</name>
    <message>
        <source>The file cannot be read: %1</source>
        <translation>Faylni oʻqib boʻlmadi: %1</translation>
    </message>
    <message>
        <source>The receipt may be at most %1 MB.</source>
        <translation>Chek hajmi koʻpi bilan %1 MB boʻlishi mumkin.</translation>
    </message>
    <message>
        <source>The receipt must be a photo (JPEG or PNG) or a PDF.</source>
        <translation>Chek surat (JPEG yoki PNG) yoki PDF boʻlishi kerak.</translation>
    </message>
</context>
<context>
    <name>medora::SubscriptionView</name>
    <message>
        <source>Receipts sent</source>
        <translation>Yuborilgan cheklar</translation>
    </message>
    <message>
        <source>The receipt was sent. The subscription is renewed as soon as it is approved.</source>
        <translation>Chek yuborildi. Tasdiqlanishi bilan obuna uzaytiriladi.</translation>
    </message>
    <message>
        <source>Plan:</source>
        <translation>Tarif:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Holati:</translation>
    </message>
    <message>
        <source>Paid until:</source>
        <translation>Toʻlangan muddat:</translation>
    </message>
    <message>
        <source>Amount paid (so‘m):</source>
        <translation>Toʻlangan summa (soʻm):</translation>
    </message>
    <message>
        <source>Choose rece&amp;ipt…</source>
        <translation>&amp;Chekni tanlash…</translation>
    </message>
    <message>
        <source>Send receipt</source>
        <translation>Chekni yuborish</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Yuborilgan</translation>
    </message>
    <message>
        <source>Amount (so‘m)</source>
        <translation>Summa (soʻm)</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Holati</translation>
    </message>
    <message>
        <source>This server cannot take receipts yet; ask the Medora operator how to pay.</source>
        <translation>Bu server hozircha chek qabul qila olmaydi; toʻlov usulini Medora operatoridan soʻrang.</translation>
    </message>
    <message>
        <source>Payment receipt</source>
        <translation>Toʻlov cheki</translation>
    </message>
    <message>
        <source>Receipts (*.jpg *.jpeg *.png *.pdf);;All files (*)</source>
        <translation>Cheklar (*.jpg *.jpeg *.png *.pdf);;Barcha fayllar (*)</translation>
    </message>
    <message>
        <source>Sending the receipt…</source>
        <translation>Chek yuborilmoqda…</translation>
    </message>
    <message>
        <source>The server cannot be reached; try again when online.</source>
        <translation>Serverga ulanib boʻlmadi; internet boʻlganda qayta urinib koʻring.</translation>
    </message>
    <message>
        <source>The receipt must be a photo (JPEG or PNG) or a PDF.</source>
        <translation>Chek surat (JPEG yoki PNG) yoki PDF boʻlishi kerak.</translation>
    </message>
    <message>
        <source>The receipt file is too large.</source>
        <translation>Chek fayli juda katta.</translation>
    </message>
    <message>
        <source>Enter the amount paid in so‘m.</source>
        <translation>Toʻlangan summani soʻmda kiriting.</translation>
    </message>
    <message>
        <source>Earlier receipts are still waiting for approval.</source>
        <translation>Avvalgi cheklar hali tasdiqlanishini kutmoqda.</translation>
    </message>
    <message>
        <source>The server refused the request (%1).</source>
        <translation>Server soʻrovni rad etdi (%1).</translation>
    </message>
</context>
<context>
    <name>medora::SyncEngine</name>
    <message>
        <source>The local database could not be read or written.</source>
        <translation>Mahalliy maʼlumotlar bazasini oʻqib yoki yozib boʻlmadi.</translation>
    </message>
    <message>
        <source>The local database could not be read or written: %1</source>
        <translation>Mahalliy maʼlumotlar bazasini oʻqib yoki yozib boʻlmadi: %1</translation>
    </message>
    <message>
        <source>The server cannot be reached. Changes are kept on this computer and sent when the connection is back.</source>
        <translation>Serverga ulanib boʻlmadi. Oʻzgarishlar shu kompyuterda saqlanadi va aloqa tiklanganda yuboriladi.</translation>
    </message>
    <message>
        <source>The server did not answer in time. Sync will try again.</source>
        <translation>Server oʻz vaqtida javob bermadi. Sinxronlash qayta urinib koʻradi.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted, so nothing was sent.</source>
        <translation>Server sertifikatiga ishonib boʻlmaydi, shuning uchun hech narsa yuborilmadi.</translation>
    </message>
    <message>
        <source>No usable server address is set.</source>
        <translation>Yaroqli server manzili koʻrsatilmagan.</translation>
    </message>
    <message>
        <source>The server&apos;s answer was larger than Medora accepts.</source>
        <translation>Server javobi Medora qabul qiladigan hajmdan katta edi.</translation>
    </message>
    <message>
        <source>The server gave an answer Medora does not understand (%1).</source>
        <translation>Server Medora tushunmaydigan javob qaytardi (%1).</translation>
    </message>
    <message>
        <source>Sync was cancelled.</source>
        <translation>Sinxronlash bekor qilindi.</translation>
    </message>
    <message>
        <source>Not signed in to the server: sync waits until someone signs in.</source>
        <translation>Serverga kirilmagan: sinxronlash kimdir tizimga kirguncha kutadi.</translation>
    </message>
    <message>
        <source>The session has ended: sign in again to continue syncing.</source>
        <translation>Seans tugadi: sinxronlashni davom ettirish uchun qaytadan kiring.</translation>
    </message>
    <message>
        <source>The password must be changed before this account can sync.</source>
        <translation>Bu hisob sinxronlashi uchun avval parolni oʻzgartirish kerak.</translation>
    </message>
    <message>
        <source>This account may not sync.</source>
        <translation>Bu hisobga sinxronlashga ruxsat berilmagan.</translation>
    </message>
    <message>
        <source>The server is busy. Sync will try again shortly.</source>
        <translation>Server band. Sinxronlash birozdan soʻng qayta urinib koʻradi.</translation>
    </message>
    <message>
        <source>The server refused the sync request (%1, HTTP %2).</source>
        <translation>Server sinxronlash soʻrovini rad etdi (%1, HTTP %2).</translation>
    </message>
</context>
<context>
    <name>medora::SyncErrorsDialog</name>
    <message>
        <source>Sync errors</source>
        <translation>Sinxronlash xatolari</translation>
    </message>
    <message>
        <source>The server did not accept these changes. They are kept on this PC and are never discarded. Remove the cause if you can, then retry; a change waiting for something else to reach the server first is retried by itself.</source>
        <translation>Server bu oʻzgarishlarni qabul qilmadi. Ular shu kompyuterda saqlanadi va hech qachon oʻchirib tashlanmaydi. Iloji boʻlsa, sababini bartaraf eting va qayta yuboring; boshqa yozuvning serverga yetib borishini kutayotgan oʻzgarish oʻzi qayta yuboriladi.</translation>
    </message>
    <message>
        <source>No change is waiting on an error.</source>
        <translation>Xato tufayli kutayotgan oʻzgarish yoʻq.</translation>
    </message>
    <message>
        <source>Retry &amp;all</source>
        <translation>&amp;Barchasini qayta yuborish</translation>
    </message>
    <message>
        <source>Retry all refused changes</source>
        <translation>Rad etilgan barcha oʻzgarishlarni qayta yuborish</translation>
    </message>
    <message>
        <source>Changes the server refused</source>
        <translation>Server rad etgan oʻzgarishlar</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Nima</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Sababi</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Qachondan beri</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Urinishlar</translation>
    </message>
    <message>
        <source>Retry</source>
        <comment>column header</comment>
        <translation>Qayta yuborish</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Yopish</translation>
    </message>
    <message>
        <source>Reason code: %1</source>
        <translation>Sabab kodi: %1</translation>
    </message>
    <message>
        <source>Server&apos;s message (for support): %1</source>
        <translation>Server xabari (texnik yordam uchun): %1</translation>
    </message>
    <message>
        <source>Last attempt: %1</source>
        <translation>Oxirgi urinish: %1</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Qayta yuborish</translation>
    </message>
    <message>
        <source>Retry: %1</source>
        <translation>Qayta yuborish: %1</translation>
    </message>
    <message>
        <source>The list of refused changes could not be read: %1</source>
        <translation>Rad etilgan oʻzgarishlar roʻyxatini oʻqib boʻlmadi: %1</translation>
    </message>
    <message>
        <source>The change could not be put back in the queue.</source>
        <translation>Oʻzgarishni navbatga qaytarib boʻlmadi.</translation>
    </message>
    <message>
        <source>The change could not be put back in the queue: %1</source>
        <translation>Oʻzgarishni navbatga qaytarib boʻlmadi: %1</translation>
    </message>
</context>
<context>
    <name>medora::SyncStatusIndicator</name>
    <message>
        <source>less than a minute</source>
        <translation>bir daqiqadan kamroq vaqt</translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n daq</numerusform>
            <numerusform>%n daq</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n soat</numerusform>
            <numerusform>%n soat</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln day(s)</source>
        <translation>
            <numerusform>%Ln kun</numerusform>
            <numerusform>%Ln kun</numerusform>
        </translation>
    </message>
    <message>
        <source>Click for details.</source>
        <translation>Batafsil maʼlumot uchun bosing.</translation>
    </message>
    <message>
        <source>Sync status: %1</source>
        <translation>Sinxronlash holati: %1</translation>
    </message>
    <message>
        <source>All changes synced</source>
        <translation>Barcha oʻzgarishlar sinxronlangan</translation>
    </message>
    <message numerus="yes">
        <source>%Ln conflict(s) need a decision</source>
        <translation>
            <numerusform>%Ln ta ziddiyat qaror kutmoqda</numerusform>
            <numerusform>%Ln ta ziddiyat qaror kutmoqda</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sync errors: %Ln</source>
        <translation>
            <numerusform>Sinxronlash xatolari: %Ln</numerusform>
            <numerusform>Sinxronlash xatolari: %Ln</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s) waiting for %1</source>
        <translation>
            <numerusform>%Ln ta oʻzgarish yuborilishini kutmoqda (%1)</numerusform>
            <numerusform>%Ln ta oʻzgarish yuborilishini kutmoqda (%1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s) waiting</source>
        <translation>
            <numerusform>%Ln ta oʻzgarish yuborilishini kutmoqda</numerusform>
            <numerusform>%Ln ta oʻzgarish yuborilishini kutmoqda</numerusform>
        </translation>
    </message>
    <message>
        <source>Last synced %1 ago</source>
        <translation>Oxirgi sinxronlash: %1 oldin</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Hali sinxronlanmagan</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Sinxronlanmoqda…</translation>
    </message>
    <message>
        <source>Retrying in %1</source>
        <translation>Qayta urinishgacha: %1</translation>
    </message>
    <message>
        <source>Retrying…</source>
        <translation>Qayta urinilmoqda…</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Oflayn</translation>
    </message>
    <message>
        <source>Sync paused</source>
        <translation>Sinxronlash toʻxtatib qoʻyilgan</translation>
    </message>
    <message>
        <source>Last successful pull from the server: %1 (%2 ago)</source>
        <translation>Serverdan oxirgi muvaffaqiyatli olish: %1 (%2 oldin)</translation>
    </message>
    <message>
        <source>No successful pull from the server yet.</source>
        <translation>Serverdan hali muvaffaqiyatli maʼlumot olinmagan.</translation>
    </message>
    <message>
        <source>Changes waiting to be sent: %L1, the oldest since %2</source>
        <translation>Yuborilishini kutayotgan oʻzgarishlar: %L1, eng eskisi %2 dan beri</translation>
    </message>
    <message>
        <source>Changes waiting to be sent: %L1</source>
        <translation>Yuborilishini kutayotgan oʻzgarishlar: %L1</translation>
    </message>
    <message>
        <source>No change is waiting to be sent.</source>
        <translation>Yuborilishini kutayotgan oʻzgarish yoʻq.</translation>
    </message>
    <message>
        <source>Changes the server refused: %L1 (kept on this PC; see Sync › Sync errors)</source>
        <translation>Server rad etgan oʻzgarishlar: %L1 (shu kompyuterda saqlanadi; qarang: Sinxronlash › Sinxronlash xatolari)</translation>
    </message>
    <message>
        <source>Conflicts waiting for a decision: %L1 (see Sync › Conflicts)</source>
        <translation>Qaror kutayotgan ziddiyatlar: %L1 (qarang: Sinxronlash › Ziddiyatlar)</translation>
    </message>
    <message>
        <source>Next attempt: %1</source>
        <translation>Keyingi urinish: %1</translation>
    </message>
    <message>
        <source>Last failure: %1</source>
        <translation>Oxirgi xato: %1</translation>
    </message>
    <message numerus="yes">
        <source>Green means every change is on the server and the last pull is less than %n minute(s) old.</source>
        <translation>
            <numerusform>Yashil rang barcha oʻzgarishlar serverda ekanini va serverdan oxirgi olish %n daqiqadan kamroq oldin boʻlganini bildiradi.</numerusform>
            <numerusform>Yashil rang barcha oʻzgarishlar serverda ekanini va serverdan oxirgi olish %n daqiqadan kamroq oldin boʻlganini bildiradi.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>medora::VitalsEditor</name>
    <message>
        <source>Type a number such as %1. Until then this value is not saved.</source>
        <translation>Son kiriting, masalan %1. Shunga qadar bu qiymat saqlanmaydi.</translation>
    </message>
    <message>
        <source>%1 %2 is outside the plausible range (%3–%4 %2). Check it; it is saved as typed.</source>
        <translation>%1 %2 ehtimoliy qiymatlar oraligʻidan (%3–%4 %2) tashqarida. Tekshirib koʻring; qiymat kiritilganidek saqlanadi.</translation>
    </message>
    <message>
        <source>The systolic pressure is not above the diastolic one. Are the two values swapped?</source>
        <translation>Sistolik bosim diastolik bosimdan yuqori emas. Ikki qiymat almashib qolmadimi?</translation>
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
        <translation>Medora — kutish zali ekrani</translation>
    </message>
    <message>
        <source>Called tickets</source>
        <translation>Chaqirilgan talonlar</translation>
    </message>
    <message>
        <source>Please go to the doctor</source>
        <translation>Iltimos, shifokor qabuliga kiring</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Talon</translation>
    </message>
    <message>
        <source>Doctor</source>
        <translation>Shifokor</translation>
    </message>
    <message>
        <source>Please wait until your ticket number appears here.</source>
        <translation>Iltimos, talon raqamingiz shu yerda paydo boʻlguncha kuting.</translation>
    </message>
    <message>
        <source>Ticket %1, with %2</source>
        <translation>%1-talon, %2 qabulida</translation>
    </message>
    <message>
        <source>Ticket %1, go to %2</source>
        <translation>%1-talon, %2 qabuliga kiring</translation>
    </message>
</context>
<context>
    <name>medora::WorkspacePages</name>
    <message>
        <source>Cabinet</source>
        <translation>Kabinet</translation>
    </message>
    <message>
        <source>Reception</source>
        <translation>Qabulxona</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Maʼmuriyat</translation>
    </message>
</context>
</TS>
