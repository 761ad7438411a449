// Countries by the codes publishers use, for files that carry codes without names (Comtrade bulk
// files, BACI): the numeric code (Comtrade's M49 variant, which BACI shares), ISO alpha-3 and an
// English name. Codes are text: "036" and "36" are the same country.
//
// GENERATED — do not edit the table by hand. It was made by a one-off script (not kept) from the npm
// package i18n-iso-countries 7.14.0 (ISO 3166-1 numeric, alpha-3 and English short names), with
// Comtrade's spelling of some names (USA, Rep. of Korea, China, Hong Kong SAR, Viet Nam…), plus the
// Comtrade/BACI codes that are not ISO 3166-1:
//   - the M49 variants that include a neighbour: 842 USA (with Puerto Rico and the US Virgin
//     Islands), 251 France (with Monaco), 699 India, 757 Switzerland (with Liechtenstein), 579 Norway
//     (with Svalbard), 381 Italy (BACI); an alpha-3 look-up answers with these codes;
//   - former countries, with their ISO 3166-3 alpha-3 where there is one (200 CSK, 278 DDR, 810 SUN…);
//   - the areas "not elsewhere specified" (nes) and groups, which have no ISO code (iso3 ""), except
//     BACI's own S19, R20 and ZA1. 490 "Other Asia, nes" is, in practice, Taiwan's trade. 492 is
//     "Europe EU, nes" there, not Monaco (ISO), which Comtrade counts in France.
// Unsure: the alpha-3 of 58 Belgium-Luxembourg and 97 European Union (left without one).
//
// ISO 3166-1 alpha-2 (the codes Eurostat Comext gives reporters and partners) was added by hand
// for every entry with an alpha-3 of today's ISO 3166-1, and XK for Kosovo (a user-assigned code
// that Eurostat and others use). Former countries (CSK, DDR, SUN, YUG, SCG, ANT, NTZ, YMD, PUS),
// the areas and groups have none (their old alpha-2 codes were withdrawn, and CS was used twice);
// 280 and 736 (a former Germany and Sudan) leave DE and SD to today's. Eurostat writes Greece EL
// and the United Kingdom UK, not GR and GB: EUROSTAT_ALPHA2 maps those to ISO.
export interface Country {
  /** The numeric code as Comtrade and BACI write it. */
  code: string;
  /** ISO alpha-3 (or BACI's S19/R20/ZA1); "" for an area that has none. */
  iso3: string;
  /** ISO 3166-1 alpha-2 (XK for Kosovo); "" for an area or a former country. */
  iso2: string;
  name: string;
}

/** [code, iso3, iso2, name] */
const TABLE: readonly (readonly [string, string, string, string])[] = [
  ['0', 'W00', '', 'World'],
  ['4', 'AFG', 'AF', 'Afghanistan'],
  ['8', 'ALB', 'AL', 'Albania'],
  ['10', 'ATA', 'AQ', 'Antarctica'],
  ['12', 'DZA', 'DZ', 'Algeria'],
  ['16', 'ASM', 'AS', 'American Samoa'],
  ['20', 'AND', 'AD', 'Andorra'],
  ['24', 'AGO', 'AO', 'Angola'],
  ['28', 'ATG', 'AG', 'Antigua and Barbuda'],
  ['31', 'AZE', 'AZ', 'Azerbaijan'],
  ['32', 'ARG', 'AR', 'Argentina'],
  ['36', 'AUS', 'AU', 'Australia'],
  ['40', 'AUT', 'AT', 'Austria'],
  ['44', 'BHS', 'BS', 'Bahamas'],
  ['48', 'BHR', 'BH', 'Bahrain'],
  ['50', 'BGD', 'BD', 'Bangladesh'],
  ['51', 'ARM', 'AM', 'Armenia'],
  ['52', 'BRB', 'BB', 'Barbados'],
  ['56', 'BEL', 'BE', 'Belgium'],
  ['58', '', '', 'Belgium-Luxembourg (...1998)'],
  ['60', 'BMU', 'BM', 'Bermuda'],
  ['64', 'BTN', 'BT', 'Bhutan'],
  ['68', 'BOL', 'BO', 'Bolivia'],
  ['70', 'BIH', 'BA', 'Bosnia and Herzegovina'],
  ['72', 'BWA', 'BW', 'Botswana'],
  ['74', 'BVT', 'BV', 'Bouvet Island'],
  ['76', 'BRA', 'BR', 'Brazil'],
  ['80', 'ATB', '', 'British Antarctic Territory'],
  ['84', 'BLZ', 'BZ', 'Belize'],
  ['86', 'IOT', 'IO', 'British Indian Ocean Territory'],
  ['90', 'SLB', 'SB', 'Solomon Islands'],
  ['92', 'VGB', 'VG', 'British Virgin Islands'],
  ['96', 'BRN', 'BN', 'Brunei Darussalam'],
  ['97', '', '', 'European Union'],
  ['100', 'BGR', 'BG', 'Bulgaria'],
  ['104', 'MMR', 'MM', 'Myanmar'],
  ['108', 'BDI', 'BI', 'Burundi'],
  ['112', 'BLR', 'BY', 'Belarus'],
  ['116', 'KHM', 'KH', 'Cambodia'],
  ['120', 'CMR', 'CM', 'Cameroon'],
  ['124', 'CAN', 'CA', 'Canada'],
  ['129', '', '', 'Caribbean, nes'],
  ['132', 'CPV', 'CV', 'Cabo Verde'],
  ['136', 'CYM', 'KY', 'Cayman Islands'],
  ['140', 'CAF', 'CF', 'Central African Republic'],
  ['144', 'LKA', 'LK', 'Sri Lanka'],
  ['148', 'TCD', 'TD', 'Chad'],
  ['152', 'CHL', 'CL', 'Chile'],
  ['156', 'CHN', 'CN', 'China'],
  ['158', 'TWN', 'TW', 'Taiwan'],
  ['162', 'CXR', 'CX', 'Christmas Island'],
  ['166', 'CCK', 'CC', 'Cocos (Keeling) Islands'],
  ['170', 'COL', 'CO', 'Colombia'],
  ['174', 'COM', 'KM', 'Comoros'],
  ['175', 'MYT', 'YT', 'Mayotte'],
  ['178', 'COG', 'CG', 'Congo'],
  ['180', 'COD', 'CD', 'Dem. Rep. of the Congo'],
  ['184', 'COK', 'CK', 'Cook Islands'],
  ['188', 'CRI', 'CR', 'Costa Rica'],
  ['191', 'HRV', 'HR', 'Croatia'],
  ['192', 'CUB', 'CU', 'Cuba'],
  ['196', 'CYP', 'CY', 'Cyprus'],
  ['200', 'CSK', '', 'Czechoslovakia (...1992)'],
  ['203', 'CZE', 'CZ', 'Czechia'],
  ['204', 'BEN', 'BJ', 'Benin'],
  ['208', 'DNK', 'DK', 'Denmark'],
  ['212', 'DMA', 'DM', 'Dominica'],
  ['214', 'DOM', 'DO', 'Dominican Republic'],
  ['218', 'ECU', 'EC', 'Ecuador'],
  ['221', '', '', 'Eastern Europe, nes'],
  ['222', 'SLV', 'SV', 'El Salvador'],
  ['226', 'GNQ', 'GQ', 'Equatorial Guinea'],
  ['231', 'ETH', 'ET', 'Ethiopia'],
  ['232', 'ERI', 'ER', 'Eritrea'],
  ['233', 'EST', 'EE', 'Estonia'],
  ['234', 'FRO', 'FO', 'Faroe Islands'],
  ['238', 'FLK', 'FK', 'Falkland Islands (Malvinas)'],
  ['239', 'SGS', 'GS', 'South Georgia and the South Sandwich Islands'],
  ['242', 'FJI', 'FJ', 'Fiji'],
  ['246', 'FIN', 'FI', 'Finland'],
  ['248', 'ALA', 'AX', 'Åland Islands'],
  ['250', 'FRA', 'FR', 'France'],
  ['251', 'FRA', 'FR', 'France'],
  ['254', 'GUF', 'GF', 'French Guiana'],
  ['258', 'PYF', 'PF', 'French Polynesia'],
  ['260', 'ATF', 'TF', 'French Southern Territories'],
  ['262', 'DJI', 'DJ', 'Djibouti'],
  ['266', 'GAB', 'GA', 'Gabon'],
  ['268', 'GEO', 'GE', 'Georgia'],
  ['270', 'GMB', 'GM', 'Gambia'],
  ['275', 'PSE', 'PS', 'State of Palestine'],
  ['276', 'DEU', 'DE', 'Germany'],
  ['278', 'DDR', '', 'Fmr Dem. Rep. of Germany'],
  ['280', 'DEU', '', 'Fmr Fed. Rep. of Germany'],
  ['288', 'GHA', 'GH', 'Ghana'],
  ['290', '', '', 'Northern Africa, nes'],
  ['292', 'GIB', 'GI', 'Gibraltar'],
  ['296', 'KIR', 'KI', 'Kiribati'],
  ['300', 'GRC', 'GR', 'Greece'],
  ['304', 'GRL', 'GL', 'Greenland'],
  ['308', 'GRD', 'GD', 'Grenada'],
  ['312', 'GLP', 'GP', 'Guadeloupe'],
  ['316', 'GUM', 'GU', 'Guam'],
  ['320', 'GTM', 'GT', 'Guatemala'],
  ['324', 'GIN', 'GN', 'Guinea'],
  ['328', 'GUY', 'GY', 'Guyana'],
  ['332', 'HTI', 'HT', 'Haiti'],
  ['334', 'HMD', 'HM', 'Heard Island and McDonald Islands'],
  ['336', 'VAT', 'VA', 'Holy See'],
  ['340', 'HND', 'HN', 'Honduras'],
  ['344', 'HKG', 'HK', 'China, Hong Kong SAR'],
  ['348', 'HUN', 'HU', 'Hungary'],
  ['352', 'ISL', 'IS', 'Iceland'],
  ['356', 'IND', 'IN', 'India'],
  ['360', 'IDN', 'ID', 'Indonesia'],
  ['364', 'IRN', 'IR', 'Iran'],
  ['368', 'IRQ', 'IQ', 'Iraq'],
  ['372', 'IRL', 'IE', 'Ireland'],
  ['376', 'ISR', 'IL', 'Israel'],
  ['380', 'ITA', 'IT', 'Italy'],
  ['381', 'ITA', 'IT', 'Italy'],
  ['384', 'CIV', 'CI', 'Côte d\'Ivoire'],
  ['388', 'JAM', 'JM', 'Jamaica'],
  ['392', 'JPN', 'JP', 'Japan'],
  ['398', 'KAZ', 'KZ', 'Kazakhstan'],
  ['400', 'JOR', 'JO', 'Jordan'],
  ['404', 'KEN', 'KE', 'Kenya'],
  ['408', 'PRK', 'KP', 'Dem. People\'s Rep. of Korea'],
  ['410', 'KOR', 'KR', 'Rep. of Korea'],
  ['414', 'KWT', 'KW', 'Kuwait'],
  ['417', 'KGZ', 'KG', 'Kyrgyzstan'],
  ['418', 'LAO', 'LA', 'Lao People\'s Dem. Rep.'],
  ['422', 'LBN', 'LB', 'Lebanon'],
  ['426', 'LSO', 'LS', 'Lesotho'],
  ['428', 'LVA', 'LV', 'Latvia'],
  ['430', 'LBR', 'LR', 'Liberia'],
  ['434', 'LBY', 'LY', 'Libya'],
  ['438', 'LIE', 'LI', 'Liechtenstein'],
  ['440', 'LTU', 'LT', 'Lithuania'],
  ['442', 'LUX', 'LU', 'Luxembourg'],
  ['446', 'MAC', 'MO', 'China, Macao SAR'],
  ['450', 'MDG', 'MG', 'Madagascar'],
  ['454', 'MWI', 'MW', 'Malawi'],
  ['458', 'MYS', 'MY', 'Malaysia'],
  ['462', 'MDV', 'MV', 'Maldives'],
  ['466', 'MLI', 'ML', 'Mali'],
  ['470', 'MLT', 'MT', 'Malta'],
  ['471', '', '', 'CACM, nes'],
  ['472', '', '', 'Africa CAMEU region, nes'],
  ['473', '', '', 'LAIA, nes'],
  ['474', 'MTQ', 'MQ', 'Martinique'],
  ['478', 'MRT', 'MR', 'Mauritania'],
  ['480', 'MUS', 'MU', 'Mauritius'],
  ['484', 'MEX', 'MX', 'Mexico'],
  ['490', 'S19', '', 'Other Asia, nes'],
  ['492', '', '', 'Europe EU, nes'],
  ['496', 'MNG', 'MN', 'Mongolia'],
  ['498', 'MDA', 'MD', 'Rep. of Moldova'],
  ['499', 'MNE', 'ME', 'Montenegro'],
  ['500', 'MSR', 'MS', 'Montserrat'],
  ['504', 'MAR', 'MA', 'Morocco'],
  ['508', 'MOZ', 'MZ', 'Mozambique'],
  ['512', 'OMN', 'OM', 'Oman'],
  ['516', 'NAM', 'NA', 'Namibia'],
  ['520', 'NRU', 'NR', 'Nauru'],
  ['524', 'NPL', 'NP', 'Nepal'],
  ['527', '', '', 'Oceania, nes'],
  ['528', 'NLD', 'NL', 'Netherlands'],
  ['530', 'ANT', '', 'Neth. Antilles (...2010)'],
  ['531', 'CUW', 'CW', 'Curaçao'],
  ['533', 'ABW', 'AW', 'Aruba'],
  ['534', 'SXM', 'SX', 'Sint Maarten (Dutch part)'],
  ['535', 'BES', 'BQ', 'Bonaire, Sint Eustatius and Saba'],
  ['536', 'NTZ', '', 'Neutral Zone'],
  ['540', 'NCL', 'NC', 'New Caledonia'],
  ['548', 'VUT', 'VU', 'Vanuatu'],
  ['554', 'NZL', 'NZ', 'New Zealand'],
  ['558', 'NIC', 'NI', 'Nicaragua'],
  ['562', 'NER', 'NE', 'Niger'],
  ['566', 'NGA', 'NG', 'Nigeria'],
  ['568', '', '', 'Other Europe, nes'],
  ['570', 'NIU', 'NU', 'Niue'],
  ['574', 'NFK', 'NF', 'Norfolk Island'],
  ['577', '', '', 'Other Africa, nes'],
  ['578', 'NOR', 'NO', 'Norway'],
  ['579', 'NOR', 'NO', 'Norway'],
  ['580', 'MNP', 'MP', 'Northern Mariana Islands'],
  ['581', 'UMI', 'UM', 'United States Minor Outlying Islands'],
  ['583', 'FSM', 'FM', 'Micronesia (Federated States of)'],
  ['584', 'MHL', 'MH', 'Marshall Islands'],
  ['585', 'PLW', 'PW', 'Palau'],
  ['586', 'PAK', 'PK', 'Pakistan'],
  ['591', 'PAN', 'PA', 'Panama'],
  ['598', 'PNG', 'PG', 'Papua New Guinea'],
  ['600', 'PRY', 'PY', 'Paraguay'],
  ['604', 'PER', 'PE', 'Peru'],
  ['608', 'PHL', 'PH', 'Philippines'],
  ['612', 'PCN', 'PN', 'Pitcairn'],
  ['616', 'POL', 'PL', 'Poland'],
  ['620', 'PRT', 'PT', 'Portugal'],
  ['624', 'GNB', 'GW', 'Guinea-Bissau'],
  ['626', 'TLS', 'TL', 'Timor-Leste'],
  ['630', 'PRI', 'PR', 'Puerto Rico'],
  ['634', 'QAT', 'QA', 'Qatar'],
  ['636', '', '', 'Rest of America, nes'],
  ['637', '', '', 'North America and Central America, nes'],
  ['638', 'REU', 'RE', 'Reunion'],
  ['642', 'ROU', 'RO', 'Romania'],
  ['643', 'RUS', 'RU', 'Russian Federation'],
  ['646', 'RWA', 'RW', 'Rwanda'],
  ['652', 'BLM', 'BL', 'Saint Barthélemy'],
  ['654', 'SHN', 'SH', 'Saint Helena'],
  ['659', 'KNA', 'KN', 'Saint Kitts and Nevis'],
  ['660', 'AIA', 'AI', 'Anguilla'],
  ['662', 'LCA', 'LC', 'Saint Lucia'],
  ['663', 'MAF', 'MF', 'Saint Martin (French part)'],
  ['666', 'SPM', 'PM', 'Saint Pierre and Miquelon'],
  ['670', 'VCT', 'VC', 'Saint Vincent and the Grenadines'],
  ['674', 'SMR', 'SM', 'San Marino'],
  ['678', 'STP', 'ST', 'Sao Tome and Principe'],
  ['682', 'SAU', 'SA', 'Saudi Arabia'],
  ['686', 'SEN', 'SN', 'Senegal'],
  ['688', 'SRB', 'RS', 'Serbia'],
  ['690', 'SYC', 'SC', 'Seychelles'],
  ['694', 'SLE', 'SL', 'Sierra Leone'],
  ['697', 'R20', '', 'Europe EFTA, nes'],
  ['699', 'IND', 'IN', 'India'],
  ['702', 'SGP', 'SG', 'Singapore'],
  ['703', 'SVK', 'SK', 'Slovakia'],
  ['704', 'VNM', 'VN', 'Viet Nam'],
  ['705', 'SVN', 'SI', 'Slovenia'],
  ['706', 'SOM', 'SO', 'Somalia'],
  ['710', 'ZAF', 'ZA', 'South Africa'],
  ['711', 'ZA1', '', 'Southern African Customs Union (...1999)'],
  ['716', 'ZWE', 'ZW', 'Zimbabwe'],
  ['720', 'YMD', '', 'Fmr Dem. Yemen'],
  ['724', 'ESP', 'ES', 'Spain'],
  ['728', 'SSD', 'SS', 'South Sudan'],
  ['729', 'SDN', 'SD', 'Sudan'],
  ['732', 'ESH', 'EH', 'Western Sahara'],
  ['736', 'SDN', '', 'Fmr Sudan (...2011)'],
  ['740', 'SUR', 'SR', 'Suriname'],
  ['744', 'SJM', 'SJ', 'Svalbard and Jan Mayen'],
  ['748', 'SWZ', 'SZ', 'Eswatini'],
  ['752', 'SWE', 'SE', 'Sweden'],
  ['756', 'CHE', 'CH', 'Switzerland'],
  ['757', 'CHE', 'CH', 'Switzerland'],
  ['760', 'SYR', 'SY', 'Syria'],
  ['762', 'TJK', 'TJ', 'Tajikistan'],
  ['764', 'THA', 'TH', 'Thailand'],
  ['768', 'TGO', 'TG', 'Togo'],
  ['772', 'TKL', 'TK', 'Tokelau'],
  ['776', 'TON', 'TO', 'Tonga'],
  ['780', 'TTO', 'TT', 'Trinidad and Tobago'],
  ['784', 'ARE', 'AE', 'United Arab Emirates'],
  ['788', 'TUN', 'TN', 'Tunisia'],
  ['792', 'TUR', 'TR', 'Türkiye'],
  ['795', 'TKM', 'TM', 'Turkmenistan'],
  ['796', 'TCA', 'TC', 'Turks and Caicos Islands'],
  ['798', 'TUV', 'TV', 'Tuvalu'],
  ['800', 'UGA', 'UG', 'Uganda'],
  ['804', 'UKR', 'UA', 'Ukraine'],
  ['807', 'MKD', 'MK', 'North Macedonia'],
  ['810', 'SUN', '', 'USSR (...1990)'],
  ['818', 'EGY', 'EG', 'Egypt'],
  ['826', 'GBR', 'GB', 'United Kingdom'],
  ['831', 'GGY', 'GG', 'Guernsey'],
  ['832', 'JEY', 'JE', 'Jersey'],
  ['833', 'IMN', 'IM', 'Isle of Man'],
  ['834', 'TZA', 'TZ', 'United Rep. of Tanzania'],
  ['837', '', '', 'Bunkers'],
  ['838', '', '', 'Free Zones'],
  ['839', '', '', 'Special Categories'],
  ['840', 'USA', 'US', 'USA'],
  ['842', 'USA', 'US', 'USA'],
  ['849', 'PUS', '', 'US Misc. Pacific Isds'],
  ['850', 'VIR', 'VI', 'United States Virgin Islands'],
  ['854', 'BFA', 'BF', 'Burkina Faso'],
  ['858', 'URY', 'UY', 'Uruguay'],
  ['860', 'UZB', 'UZ', 'Uzbekistan'],
  ['862', 'VEN', 'VE', 'Venezuela'],
  ['876', 'WLF', 'WF', 'Wallis and Futuna'],
  ['879', '', '', 'Western Asia, nes'],
  ['882', 'WSM', 'WS', 'Samoa'],
  ['887', 'YEM', 'YE', 'Yemen'],
  ['890', 'YUG', '', 'Fmr Yugoslavia'],
  ['891', 'SCG', '', 'Serbia and Montenegro'],
  ['894', 'ZMB', 'ZM', 'Zambia'],
  ['899', '', '', 'Areas, nes'],
  ['983', 'XKK', 'XK', 'Kosovo'],
];

/** Codes an alpha-3 look-up answers with where two codes share one (USA: 842 rather than 840). */
const PREFERRED = new Set(['251', '579', '699', '757', '842']);

/** Eurostat's own alpha-2 codes where they differ from ISO 3166-1: Greece EL (GR), the United Kingdom UK (GB). */
export const EUROSTAT_ALPHA2: Readonly<Record<string, string>> = { EL: 'GR', UK: 'GB' };
const EUROSTAT_BY_ISO2 = new Map(Object.entries(EUROSTAT_ALPHA2).map(([eu, iso]) => [iso, eu]));

const BY_CODE = new Map<string, Country>();
const BY_ISO3 = new Map<string, Country>();
const BY_ISO2 = new Map<string, Country>();
for (const [code, iso3, iso2, name] of TABLE) {
  const country: Country = { code, iso3, iso2, name };
  BY_CODE.set(code, country);
  if (iso3 !== '' && (!BY_ISO3.has(iso3) || PREFERRED.has(code))) BY_ISO3.set(iso3, country);
  if (iso2 !== '' && (!BY_ISO2.has(iso2) || PREFERRED.has(code))) BY_ISO2.set(iso2, country);
}

/** The country of a numeric code ("156", "036"), or undefined. */
export function countryByCode(code: string | undefined): Country | undefined {
  if (code === undefined) return undefined;
  const t = code.trim().replace(/^0+(?=\d)/, '');
  return BY_CODE.get(t);
}

/** The country of an ISO alpha-3 code ("CHN", "usa"), or undefined. */
export function countryByIso3(iso3: string | undefined): Country | undefined {
  if (iso3 === undefined) return undefined;
  return BY_ISO3.get(iso3.trim().toUpperCase());
}

/** The country of an ISO alpha-2 code ("CN", "de"), or of Eurostat's EL (Greece) and UK (United Kingdom); undefined otherwise. */
export function countryByIso2(iso2: string | undefined): Country | undefined {
  if (iso2 === undefined) return undefined;
  const t = iso2.trim().toUpperCase();
  return BY_ISO2.get(EUROSTAT_ALPHA2[t] ?? t);
}

/**
 * The codes (numeric, ISO3, ISO2, and Eurostat's EL or UK) of the countries whose name, ISO3 or
 * ISO2 (or Eurostat's alpha-2) is `key` (normalised, lower case).
 */
export function countryCodesFor(key: string): string[] {
  const out: string[] = [];
  const iso2Key = (EUROSTAT_ALPHA2[key.toUpperCase()] ?? key.toUpperCase()).toLowerCase();
  const aliasIso3 = ALIASES.get(key.toLowerCase());
  for (const c of BY_CODE.values()) {
    if (c.name.toLowerCase() === key || c.iso3.toLowerCase() === key || c.iso3 === aliasIso3 || (c.iso2 !== '' && c.iso2.toLowerCase() === iso2Key) || c.code === key.replace(/^0+(?=\d)/, '')) {
      // Its codes, and the names it goes by: "United States" finds a partner a file calls "USA".
      out.push(c.code, c.iso3, c.iso2, EUROSTAT_BY_ISO2.get(c.iso2) ?? '', c.name, ...(NAMES_OF.get(c.iso3) ?? []));
    }
  }
  return out.filter((x) => x !== '');
}

/**
 * The names a country commonly goes by besides the table's (Comtrade's) own, lower case, to its
 * alpha-3 code: a user types "United States" or "South Korea", a file may say "USA" or "Rep. of Korea".
 */
const ALIASES = new Map<string, string>(
  Object.entries({
    USA: ['united states', 'united states of america', 'u.s.', 'u.s.a.', 'america'],
    KOR: ['south korea', 'korea, south', 'republic of korea', 'korea, republic of', 'korea'],
    PRK: ['north korea', 'korea, north', 'dprk'],
    RUS: ['russia'],
    VNM: ['vietnam'],
    TUR: ['turkey', 'turkiye'],
    GBR: ['britain', 'great britain'],
    CZE: ['czech republic'],
    HKG: ['hong kong'],
    MAC: ['macau', 'macao'],
    LAO: ['laos'],
    MDA: ['moldova'],
    TZA: ['tanzania'],
    CIV: ['ivory coast', "cote d'ivoire"],
    COD: ['dr congo', 'democratic republic of the congo'],
    ARE: ['uae'],
    NLD: ['the netherlands', 'holland'],
    BRN: ['brunei'],
    CPV: ['cape verde'],
    SWZ: ['swaziland'],
    MKD: ['macedonia'],
    IRN: ['iran, islamic republic of'],
    SYR: ['syrian arab republic'],
  }).flatMap(([iso3, names]) => names.map((n) => [n, iso3] as const)),
);
const NAMES_OF = new Map<string, string[]>();
for (const [name, iso3] of ALIASES) NAMES_OF.set(iso3, [...(NAMES_OF.get(iso3) ?? []), name]);
