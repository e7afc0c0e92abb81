/**
 * Name pools for the synthetic corpus. Every person name here is invented (no real people); organisation
 * names are built from patterns, and countries are real so that a country gazetteer can recognise them.
 */

/** Countries with the words used in acronyms and whether "the Republic of" reads naturally before them. */
export const COUNTRIES: readonly { name: string; isRepublic: boolean }[] = [
  { name: "Kazakhstan", isRepublic: true },
  { name: "Uzbekistan", isRepublic: true },
  { name: "Kyrgyzstan", isRepublic: false },
  { name: "Tajikistan", isRepublic: true },
  { name: "Turkmenistan", isRepublic: false },
  { name: "Azerbaijan", isRepublic: true },
  { name: "Armenia", isRepublic: true },
  { name: "Georgia", isRepublic: false },
  { name: "Moldova", isRepublic: true },
  { name: "Belarus", isRepublic: true },
  { name: "Mongolia", isRepublic: false },
  { name: "Turkey", isRepublic: false },
  { name: "Japan", isRepublic: false },
  { name: "Korea", isRepublic: true },
  { name: "Indonesia", isRepublic: true },
  { name: "Malaysia", isRepublic: false },
  { name: "Vietnam", isRepublic: false },
  { name: "India", isRepublic: false },
  { name: "Nepal", isRepublic: false },
  { name: "Pakistan", isRepublic: false },
  { name: "Egypt", isRepublic: false },
  { name: "Morocco", isRepublic: false },
  { name: "Tunisia", isRepublic: true },
  { name: "Kenya", isRepublic: true },
  { name: "Ghana", isRepublic: true },
  { name: "Nigeria", isRepublic: false },
  { name: "Senegal", isRepublic: true },
  { name: "Brazil", isRepublic: false },
  { name: "Argentina", isRepublic: false },
  { name: "Chile", isRepublic: false },
  { name: "Peru", isRepublic: false },
  { name: "Colombia", isRepublic: false },
  { name: "Mexico", isRepublic: false },
  { name: "Canada", isRepublic: false },
  { name: "Norway", isRepublic: false },
  { name: "Sweden", isRepublic: false },
  { name: "Finland", isRepublic: false },
  { name: "Denmark", isRepublic: false },
  { name: "Poland", isRepublic: true },
  { name: "Hungary", isRepublic: false },
  { name: "Romania", isRepublic: false },
  { name: "Bulgaria", isRepublic: true },
  { name: "Serbia", isRepublic: true },
  { name: "Croatia", isRepublic: true },
  { name: "Slovenia", isRepublic: false },
  { name: "Italy", isRepublic: false },
  { name: "Spain", isRepublic: false },
  { name: "Portugal", isRepublic: false },
  { name: "Ireland", isRepublic: false },
  { name: "Austria", isRepublic: false },
  { name: "Lithuania", isRepublic: true },
  { name: "Latvia", isRepublic: false },
  { name: "Estonia", isRepublic: false },
  { name: "Philippines", isRepublic: false },
];

/** Invented given names (mixed origins, so that transliteration variants occur naturally). */
export const GIVEN_NAMES: readonly string[] = [
  "Aibek", "Nurlan", "Yerzhan", "Dauren", "Bakhyt", "Saltanat", "Aigerim", "Timur", "Rustam", "Farrukh",
  "Dilshod", "Zarina", "Gulnara", "Murat", "Serik", "Askhat", "Almaz", "Kairat", "Yelena", "Olzhas",
  "Kenji", "Haruki", "Yumiko", "Satoshi", "Akiko", "Emre", "Selin", "Burak", "Aylin", "Oktay",
  "Mirela", "Dragan", "Vesna", "Tomasz", "Agnieszka", "Marek", "Ilkka", "Sanna", "Henrik", "Astrid",
  "Lucio", "Chiara", "Matteo", "Ines", "Rodrigo", "Camila", "Thiago", "Amara", "Kwame", "Nadia",
  "Youssef", "Leila", "Karim", "Anand", "Priya", "Ravi", "Suleiman", "Bolat", "Zhanna", "Arman",
];

/** Invented family names. */
export const FAMILY_NAMES: readonly string[] = [
  "Zhaksybekov", "Tulegenova", "Abdrakhmanov", "Yessimov", "Kuanyshev", "Seitkaliyev", "Ospanova", "Bekmuratov",
  "Nurmagambetov", "Sagyndykov", "Khodjayev", "Yuldashev", "Rakhimova", "Tashkentova", "Ergashev", "Shukurov",
  "Mamedaliyev", "Huseynova", "Karimzade", "Aliyarov", "Tanabe", "Morikawa", "Ishizuka", "Hoshino",
  "Yilmazer", "Karaoglu", "Demirtasli", "Ozturan", "Kovacevic", "Petrovska", "Nowakowski", "Wisniewska",
  "Lehtovaara", "Haapanen", "Lindqvist", "Brandvold", "Ferrantelli", "Castellucci", "Moreira", "Valdivieso",
  "Quintanilla", "Okonkwo", "Mensah-Boateng", "Benhaddou", "Trabelsi", "Raghunathan", "Chaudhry", "Kipchumba",
  "Dzhumabayev", "Shaikenova", "Ustinova", "Zharkynbayev", "Berdimuradov", "Toktogulov", "Esenaliyeva", "Baimukhanov",
];

/** Branch (sectoral) union subjects. */
export const SECTORS: readonly string[] = [
  "Metal Workers", "Railway Workers", "Education and Science Workers", "Health Workers", "Agricultural Workers",
  "Energy Workers", "Mining Workers", "Transport Workers", "Textile Workers", "Construction Workers",
  "Communications Workers", "Public Service Employees", "Chemical Workers", "Oil and Gas Workers",
];

/** Regions naming international and regional confederations. */
export const REGIONS: readonly string[] = [
  "Eurasian", "Pan-Asian", "Central Asian", "Pan-African", "Inter-American", "Nordic", "Balkan", "Caspian",
  "Black Sea", "Pacific", "Mediterranean", "Global", "International", "South Asian", "Arab",
];

/** Roles held in organisations (the HOLDS_POSITION role property). */
export const ROLES: readonly string[] = [
  "Chairman", "President", "General Secretary", "Deputy General Secretary", "Vice-President", "Deputy Chairman",
];

/** Topics for filler sentences. */
export const TOPICS: readonly string[] = [
  "the protection of labour rights", "social partnership", "occupational safety and health", "decent wages",
  "collective bargaining", "the just transition to a green economy", "youth employment", "gender equality at work",
  "the rights of migrant workers", "pension reform", "the digitalisation of work", "informal employment",
];

/** Bodies at whose sessions meetings take place. */
export const BODIES: readonly string[] = ["General Council", "Executive Bureau", "Congress", "Regional Conference", "Women's Committee"];
