extension MemberState {
    /// Names of each state in the Union's major languages and in its own, beyond the
    /// table's English, native, French and German ones: Spain writes "Alemania", Italy
    /// "Germania", the Netherlands "Duitsland", Poland "Niemcy", Portugal "Alemanha".
    ///
    /// Every state has its name in Spanish, Italian, Dutch, Polish and Portuguese (with the
    /// table: en, fr, de too), plus the names its own official languages give it and the
    /// other official languages' names where they differ from all of these. Names are matched
    /// folded (case and diacritics ignored); none is shared by two states.
    static let namesInLanguages: [String: [String]] = [
        "BE": [
            "Bélgica", "Belgio", "Belgia", "Belgien", "Belgija", "Белгия", "Βέλγιο", "Belgie",
            "Belgicko",
            "Belgija", "Belgium", "Belgio", "Belgique", "Belgia", "Beļģija", "Belgija", "Belgia",
            "An Bheilg",
            "Belġju", "Belgien", "Belgia", "Belgia",
        ],
        "BG": [
            "Bulgaria", "Bulgaria", "Bulgarije", "Bułgaria", "Bulgária", "Bulharsko", "Bolgarija",
            "Bugarska",
            "Βουλγαρία", "Bulgarien", "Bulgaria", "Bulgaaria", "Bulgārija", "Bulgarija", "Bulgária",
            "An Bhulgáir",
            "Bulgarija", "Bulgaria", "Bułgarii",
        ],
        "CZ": [
            "República Checa", "Chequia", "Repubblica ceca", "Cechia", "Tsjechië",
            "Tsjechische Republiek",
            "Czechy", "Republika Czeska", "República Checa", "Chéquia", "Tjekkiet", "Tjeckien",
            "Tšekki",
            "Tšehhi", "Čehija", "Čekija", "Csehország", "Češka", "Česká republika", "Česko",
            "Česká republika",
            "Τσεχία", "Чехия", "Republica Cehă", "Cehia", "Ir-Repubblika Ċeka", "An tSeicia",
            "Češka",
        ],
        "DK": [
            "Dinamarca", "Danimarca", "Denemarken", "Dania", "Dinamarca", "Dänemark", "Tanska",
            "Taani",
            "Dānija", "Danija", "Dánia", "Dánsko", "Dansko", "Danska", "Δανία", "Дания",
            "Danemarca",
            "Id-Danimarka", "An Danmhairg",
        ],
        "DE": [
            "Alemania", "Germania", "Duitsland", "Niemcy", "Alemanha", "Tyskland", "Saksa",
            "Saksamaa",
            "Vācija", "Vokietija", "Németország", "Německo", "Nemecko", "Nemčija", "Njemačka",
            "Γερμανία",
            "Германия", "Il-Ġermanja", "An Ghearmáin",
        ],
        "EE": [
            "Estonia", "Estonia", "Estland", "Estonia", "Estónia", "Viro", "Igaunija", "Estija",
            "Észtország",
            "Estonsko", "Estonija", "Εσθονία", "Естония", "L-Estonja", "An Eastóin",
        ],
        "IE": [
            "Irlanda", "Irlanda", "Ierland", "Irlandia", "Irlanda", "Irland", "Irlanti", "Iirimaa",
            "Īrija",
            "Airija", "Írország", "Irsko", "Irska", "Ιρλανδία", "Ирландия", "L-Irlanda", "Éire",
            "Ireland",
        ],
        "EL": [
            "Grecia", "Grecia", "Griekenland", "Grecja", "Grécia", "Grækenland", "Grekland",
            "Kreikka",
            "Kreeka", "Grieķija", "Graikija", "Görögország", "Řecko", "Grécko", "Grčija", "Grčka",
            "Гърция",
            "Il-Greċja", "An Ghréig", "Ελλάς",
        ],
        "ES": [
            "España", "Spagna", "Spanje", "Hiszpania", "Espanha", "Spanien", "Espanja", "Hispaania",
            "Spānija",
            "Ispanija", "Spanyolország", "Španělsko", "Španielsko", "Španija", "Španjolska",
            "Ισπανία",
            "Испания", "Spania", "Spanja", "An Spáinn",
        ],
        "FR": [
            "Francia", "Francia", "Frankrijk", "Francja", "França", "Frankrig", "Frankrike",
            "Ranska",
            "Prantsusmaa", "Francija", "Prancūzija", "Franciaország", "Francie", "Francúzsko",
            "Francuska",
            "Γαλλία", "Франция", "Franța", "Franza", "An Fhrainc",
        ],
        "HR": [
            "Croacia", "Croazia", "Kroatië", "Chorwacja", "Croácia", "Kroatien", "Kroatia",
            "Horvaatia",
            "Horvātija", "Kroatija", "Horvátország", "Chorvatsko", "Chorvátsko", "Hrvaška",
            "Κροατία",
            "Хърватия", "Croația", "Il-Kroazja", "An Chróit",
        ],
        "IT": [
            "Italia", "Italia", "Italië", "Włochy", "Itália", "Italien", "Italia", "Itaalia",
            "Itālija",
            "Italija", "Olaszország", "Itálie", "Taliansko", "Italija", "Ιταλία", "Италия",
            "Italia",
            "L-Italja", "An Iodáil",
        ],
        "CY": [
            "Chipre", "Cipro", "Cyprus", "Cypr", "Chipre", "Cypern", "Kypros", "Küpros", "Kipra",
            "Kipras",
            "Ciprus", "Kypr", "Cyprus", "Ciper", "Cipar", "Кипър", "Cipru", "Ċipru", "An Chipir",
        ],
        "LV": [
            "Letonia", "Lettonia", "Letland", "Łotwa", "Letónia", "Letland", "Lettland", "Latvia",
            "Läti",
            "Latvija", "Lettország", "Lotyšsko", "Lotyšsko", "Latvija", "Λετονία", "Латвия",
            "Letonia",
            "Il-Latvja", "An Laitvia",
        ],
        "LT": [
            "Lituania", "Lituania", "Litouwen", "Litwa", "Lituânia", "Litauen", "Liettua", "Leedu",
            "Lietuva",
            "Litvánia", "Litva", "Litva", "Litva", "Λιθουανία", "Литва", "Lituania", "Il-Litwanja",
            "An Liotuáin",
        ],
        "LU": [
            "Luxemburgo", "Lussemburgo", "Luxemburg", "Luksemburg", "Luxemburgo", "Luxembourg",
            "Luxemburg",
            "Luxemburg", "Luksemburg", "Luksemburga", "Liuksemburgas", "Luxemburg", "Lucembursko",
            "Luxembursko", "Luksemburg", "Luksemburg", "Λουξεμβούργο", "Люксембург", "Luxemburg",
            "Il-Lussemburgu", "Lucsamburg",
        ],
        "HU": [
            "Hungría", "Ungheria", "Hongarije", "Węgry", "Hungria", "Ungarn", "Unkari", "Ungari",
            "Ungārija",
            "Vengrija", "Magyarország", "Maďarsko", "Maďarsko", "Madžarska", "Mađarska", "Ουγγαρία",
            "Унгария", "Ungaria", "L-Ungerija", "An Ungáir",
        ],
        "MT": [
            "Malta", "Malta", "Malta", "Malta", "Malta", "Malta", "Malta", "Malta", "Malta",
            "Málta", "Μάλτα",
            "Малта", "Málta",
        ],
        "NL": [
            "Países Bajos", "Paesi Bassi", "Nederland", "Niderlandy", "Holandia", "Países Baixos",
            "Nederlandene", "Nederländerna", "Alankomaat", "Madalmaad", "Nīderlande", "Nyderlandai",
            "Hollandia", "Nizozemsko", "Holandsko", "Nizozemska", "Κάτω Χώρες", "Ολλανδία",
            "Нидерландия",
            "Țările de Jos", "Olanda", "Il-Pajjiżi l-Baxxi", "An Ísiltír",
        ],
        "AT": [
            "Austria", "Austria", "Oostenrijk", "Austria", "Áustria", "Østrig", "Österrike",
            "Itävalta",
            "Austria", "Austrija", "Austrija", "Ausztria", "Rakousko", "Rakúsko", "Avstrija",
            "Austrija",
            "Αυστρία", "Австрия", "L-Awstrija", "An Ostair",
        ],
        "PL": [
            "Polonia", "Polonia", "Polen", "Polska", "Polónia", "Polen", "Polen", "Puola", "Poola",
            "Polija",
            "Lenkija", "Lengyelország", "Polsko", "Poľsko", "Poljska", "Πολωνία", "Полша",
            "Il-Polonja",
            "An Pholainn",
        ],
        "PT": [
            "Portugal", "Portogallo", "Portugal", "Portugalia", "Portugal", "Portugali",
            "Portugāle",
            "Portugalija", "Portugália", "Portugalsko", "Portugalska", "Πορτογαλία", "Португалия",
            "Portugalia", "Il-Portugall", "An Phortaingéil",
        ],
        "RO": [
            "Rumanía", "Rumania", "Romania", "Roemenië", "Rumunia", "Roménia", "Rumænien",
            "Rumänien",
            "Romania", "Rumeenia", "Rumānija", "Rumunija", "Románia", "Rumunsko", "Romunija",
            "Rumunjska",
            "Ρουμανία", "Румъния", "Ir-Rumanija", "An Rómáin",
        ],
        "SI": [
            "Eslovenia", "Slovenia", "Slovenië", "Słowenia", "Eslovénia", "Slovenien", "Slovenia",
            "Sloveenia",
            "Slovēnija", "Slovėnija", "Szlovénia", "Slovinsko", "Slovinsko", "Slovenija",
            "Σλοβενία",
            "Словения", "Il-Slovenja", "An tSlóivéin",
        ],
        "SK": [
            "Eslovaquia", "Slovacchia", "Slowakije", "Słowacja", "Eslováquia", "Slovakiet",
            "Slovakien",
            "Slovakia", "Slovakkia", "Slovākija", "Slovakija", "Szlovákia", "Slovensko", "Slovačka",
            "Slovaška", "Σλοβακία", "Словакия", "Slovacia", "Is-Slovakkja", "An tSlóvaic",
        ],
        "FI": [
            "Finlandia", "Finlandia", "Finland", "Finlandia", "Finlândia", "Finland", "Finland",
            "Soome",
            "Somija", "Suomija", "Finnország", "Finsko", "Fínsko", "Finska", "Φινλανδία",
            "Финландия",
            "Finlanda", "Il-Finlandja", "An Fhionlainn",
        ],
        "SE": [
            "Suecia", "Svezia", "Zweden", "Szwecja", "Suécia", "Sverige", "Ruotsi", "Rootsi",
            "Zviedrija",
            "Švedija", "Svédország", "Švédsko", "Švédsko", "Švedska", "Σουηδία", "Швеция", "Suedia",
            "L-Iżvezja", "An tSualainn",
        ],
        "UK": [
            "Reino Unido", "Regno Unito", "Verenigd Koninkrijk", "Zjednoczone Królestwo",
            "Wielka Brytania",
            "Reino Unido", "Storbritannien", "Förenade kungariket", "Yhdistynyt kuningaskunta",
            "Ühendkuningriik", "Apvienotā Karaliste", "Jungtinė Karalystė", "Egyesült Királyság",
            "Spojené království", "Spojené kráľovstvo", "Združeno kraljestvo",
            "Ujedinjena Kraljevina",
            "Ηνωμένο Βασίλειο", "Обединено кралство", "Regatul Unit", "Ir-Renju Unit",
            "An Ríocht Aontaithe",
        ],
    ]
}
