/** A built-in gazetteer: countries with their demonyms and other names, and cities mapped to their country. */

// "Canonical name|other name|…|demonym|…": every form after the first maps to the canonical name.
const COUNTRY_ROWS = [
  "Afghanistan|Afghan",
  "Albania|Albanian",
  "Algeria|Algerian",
  "Andorra|Andorran",
  "Angola|Angolan",
  "Argentina|Argentine|Argentinian",
  "Armenia|Armenian",
  "Australia|Australian",
  "Austria|Austrian",
  "Azerbaijan|Azerbaijani|Azeri",
  "Bahamas|Bahamian",
  "Bahrain|Bahraini",
  "Bangladesh|Bangladeshi",
  "Barbados|Barbadian",
  "Belarus|Belarusian|Byelorussian",
  "Belgium|Belgian",
  "Belize|Belizean",
  "Benin|Beninese",
  "Bhutan|Bhutanese",
  "Bolivia|Bolivian",
  "Bosnia and Herzegovina|Bosnian",
  "Botswana|Botswanan",
  "Brazil|Brazilian",
  "Brunei|Bruneian",
  "Bulgaria|Bulgarian",
  "Burkina Faso|Burkinabe",
  "Burundi|Burundian",
  "Cambodia|Cambodian",
  "Cameroon|Cameroonian",
  "Canada|Canadian",
  "Cape Verde|Cabo Verde|Cape Verdean",
  "Central African Republic",
  "Chad|Chadian",
  "Chile|Chilean",
  "China|Chinese|People's Republic of China",
  "Colombia|Colombian",
  "Comoros|Comorian",
  "Congo|Congolese",
  "Democratic Republic of the Congo|DR Congo|DRC",
  "Costa Rica|Costa Rican",
  "Côte d'Ivoire|Ivory Coast|Ivorian",
  "Croatia|Croatian",
  "Cuba|Cuban",
  "Cyprus|Cypriot",
  "Czech Republic|Czechia|Czech",
  "Denmark|Danish",
  "Djibouti|Djiboutian",
  "Dominica|Dominican Republic",
  "Ecuador|Ecuadorian",
  "Egypt|Egyptian",
  "El Salvador|Salvadoran",
  "Equatorial Guinea",
  "Eritrea|Eritrean",
  "Estonia|Estonian",
  "Eswatini|Swaziland|Swazi",
  "Ethiopia|Ethiopian",
  "Fiji|Fijian",
  "Finland|Finnish",
  "France|French",
  "Gabon|Gabonese",
  "Gambia|Gambian",
  "Georgia|Georgian",
  "Germany|German",
  "Ghana|Ghanaian",
  "Greece|Greek",
  "Grenada|Grenadian",
  "Guatemala|Guatemalan",
  "Guinea|Guinean",
  "Guinea-Bissau",
  "Guyana|Guyanese",
  "Haiti|Haitian",
  "Honduras|Honduran",
  "Hungary|Hungarian",
  "Iceland|Icelandic",
  "India|Indian",
  "Indonesia|Indonesian",
  "Iran|Iranian",
  "Iraq|Iraqi",
  "Ireland|Irish",
  "Israel|Israeli",
  "Italy|Italian",
  "Jamaica|Jamaican",
  "Japan|Japanese",
  "Jordan|Jordanian",
  "Kazakhstan|Kazakh|Kazakhstani|Qazaqstan",
  "Kenya|Kenyan",
  "Kiribati",
  "Kuwait|Kuwaiti",
  "Kyrgyzstan|Kyrgyz|Kirghiz|Kyrgyz Republic",
  "Laos|Lao|Laotian",
  "Latvia|Latvian",
  "Lebanon|Lebanese",
  "Lesotho",
  "Liberia|Liberian",
  "Libya|Libyan",
  "Liechtenstein",
  "Lithuania|Lithuanian",
  "Luxembourg|Luxembourgish",
  "Madagascar|Malagasy",
  "Malawi|Malawian",
  "Malaysia|Malaysian",
  "Maldives|Maldivian",
  "Mali|Malian",
  "Malta|Maltese",
  "Mauritania|Mauritanian",
  "Mauritius|Mauritian",
  "Mexico|Mexican",
  "Moldova|Moldovan",
  "Monaco|Monegasque",
  "Mongolia|Mongolian",
  "Montenegro|Montenegrin",
  "Morocco|Moroccan",
  "Mozambique|Mozambican",
  "Myanmar|Burma|Burmese",
  "Namibia|Namibian",
  "Nepal|Nepali|Nepalese",
  "Netherlands|Dutch|Holland",
  "New Zealand",
  "Nicaragua|Nicaraguan",
  "Niger|Nigerien",
  "Nigeria|Nigerian",
  "North Korea|DPRK",
  "North Macedonia|Macedonia|Macedonian",
  "Norway|Norwegian",
  "Oman|Omani",
  "Pakistan|Pakistani",
  "Palestine|Palestinian",
  "Panama|Panamanian",
  "Papua New Guinea",
  "Paraguay|Paraguayan",
  "Peru|Peruvian",
  "Philippines|Filipino|Philippine",
  "Poland|Polish",
  "Portugal|Portuguese",
  "Qatar|Qatari",
  "Romania|Romanian",
  "Russia|Russian|Russian Federation",
  "Rwanda|Rwandan",
  "Saudi Arabia|Saudi",
  "Senegal|Senegalese",
  "Serbia|Serbian",
  "Seychelles",
  "Sierra Leone",
  "Singapore|Singaporean",
  "Slovakia|Slovak",
  "Slovenia|Slovenian|Slovene",
  "Somalia|Somali",
  "South Africa|South African",
  "South Korea|Korea|Korean|Republic of Korea",
  "South Sudan",
  "Spain|Spanish",
  "Sri Lanka|Sri Lankan",
  "Sudan|Sudanese",
  "Suriname",
  "Sweden|Swedish",
  "Switzerland|Swiss",
  "Syria|Syrian",
  "Taiwan|Taiwanese",
  "Tajikistan|Tajik|Tadjik",
  "Tanzania|Tanzanian",
  "Thailand|Thai",
  "Timor-Leste|East Timor",
  "Togo|Togolese",
  "Trinidad and Tobago",
  "Tunisia|Tunisian",
  "Turkey|Türkiye|Turkish",
  "Turkmenistan|Turkmen",
  "Uganda|Ugandan",
  "Ukraine|Ukrainian",
  "United Arab Emirates|UAE|Emirati",
  "United Kingdom|UK|Britain|Great Britain|British",
  "United States|USA|United States of America|American",
  "Uruguay|Uruguayan",
  "Uzbekistan|Uzbek|Uzbekistani",
  "Venezuela|Venezuelan",
  "Vietnam|Viet Nam|Vietnamese",
  "Yemen|Yemeni",
  "Zambia|Zambian",
  "Zimbabwe|Zimbabwean",
];

// Capitals and cities that trade-union news names as meeting places.
const CITY_ROWS = [
  "Kazakhstan:Astana|Almaty|Nur-Sultan|Shymkent|Karaganda",
  "Azerbaijan:Baku",
  "Uzbekistan:Tashkent|Samarkand",
  "Kyrgyzstan:Bishkek",
  "Tajikistan:Dushanbe",
  "Turkmenistan:Ashgabat",
  "Russia:Moscow|Saint Petersburg|St. Petersburg",
  "Switzerland:Geneva|Bern|Zurich",
  "Belgium:Brussels",
  "France:Paris",
  "Germany:Berlin|Bonn|Frankfurt",
  "Japan:Tokyo|Osaka",
  "China:Beijing|Shanghai",
  "Turkey:Ankara|Istanbul",
  "United Kingdom:London",
  "United States:Washington|New York",
  "Italy:Rome|Turin",
  "Austria:Vienna",
  "Belarus:Minsk",
  "Ukraine:Kyiv|Kiev",
  "Georgia:Tbilisi",
  "Armenia:Yerevan",
  "Moldova:Chisinau",
  "Lithuania:Vilnius",
  "Latvia:Riga",
  "Estonia:Tallinn",
  "Poland:Warsaw",
  "Spain:Madrid",
  "Portugal:Lisbon",
  "Netherlands:Amsterdam|The Hague",
  "Sweden:Stockholm",
  "Norway:Oslo",
  "Denmark:Copenhagen",
  "Finland:Helsinki",
  "India:New Delhi|Delhi",
  "Singapore:Singapore",
  "South Korea:Seoul",
  "Mongolia:Ulaanbaatar",
  "Indonesia:Jakarta",
  "Egypt:Cairo",
  "South Africa:Johannesburg|Pretoria",
  "Kenya:Nairobi",
  "Brazil:Brasilia|Sao Paulo",
  "Argentina:Buenos Aires",
  "Canada:Ottawa|Montreal",
  "Hungary:Budapest",
  "Czech Republic:Prague",
  "Serbia:Belgrade",
  "Greece:Athens",
  "Bulgaria:Sofia",
  "Romania:Bucharest",
  "Iran:Tehran",
];

/** Every country's canonical name. */
export const COUNTRY_NAMES: readonly string[] = COUNTRY_ROWS.map((row) => row.split("|")[0]!);

const COUNTRY_BY_FORM = new Map<string, string>();
const DEMONYMS = new Set<string>();
for (const row of COUNTRY_ROWS) {
  const [name, ...others] = row.split("|") as [string, ...string[]];
  COUNTRY_BY_FORM.set(name.toLowerCase(), name);
  for (const other of others) {
    COUNTRY_BY_FORM.set(other.toLowerCase(), name);
    // forms that are adjectives ("Kazakh", "Japanese") rather than names
    if (
      /(an|ian|ese|ish|i|ic|ch|ss|kh|k|z|ek|en|ot)$/i.test(other) &&
      other.split(" ").length === 1 &&
      !/stan$/i.test(other) &&
      other !== other.toUpperCase()
    ) {
      DEMONYMS.add(other.toLowerCase());
    }
  }
}
const CITY_TO_COUNTRY = new Map<string, string>();
for (const row of CITY_ROWS) {
  const [country, cities] = row.split(":") as [string, string];
  for (const city of cities.split("|")) CITY_TO_COUNTRY.set(city.toLowerCase(), country);
}

/** Longest country form in words, so matchers know how far to look ahead. */
export const MAX_COUNTRY_WORDS = Math.max(...[...COUNTRY_BY_FORM.keys()].map((k) => k.split(/[\s-]+/).length));

/** The canonical country for a name, other name or demonym ("Kazakh" → "Kazakhstan"), case-insensitive. */
export function countryOf(form: string): string | undefined {
  return COUNTRY_BY_FORM.get(form.toLowerCase().replace(/[’]/g, "'"));
}

/** True when the form is an adjective of nationality ("Uzbek", "Japanese") rather than the country's name. */
export function isDemonym(form: string): boolean {
  return DEMONYMS.has(form.toLowerCase());
}

/** The country a known city is in ("Geneva" → "Switzerland"). */
export function countryOfCity(city: string): string | undefined {
  return CITY_TO_COUNTRY.get(city.toLowerCase());
}

/** Longest city name in words. */
export const MAX_CITY_WORDS = Math.max(...[...CITY_TO_COUNTRY.keys()].map((k) => k.split(/\s+/).length));

/** Lower-case first words of every country form and city name, so a matcher can skip most words at once. */
export const PLACE_FIRST_WORDS: ReadonlySet<string> = new Set(
  [...COUNTRY_BY_FORM.keys(), ...CITY_TO_COUNTRY.keys()].map((k) => k.split(" ")[0]!),
);

/** True when a lower-case word (apostrophes as ') is a one-word country form or city ("kazakh", "geneva"). */
export function isPlaceWord(lower: string): boolean {
  return COUNTRY_BY_FORM.has(lower) || CITY_TO_COUNTRY.has(lower);
}
