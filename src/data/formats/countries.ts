// Countries by the codes publishers use, for files that carry codes without names (Comtrade bulk
// files, BACI): the numeric code (Comtrade's M49 variant, which BACI shares), ISO alpha-3 and an
// English name. Codes are text: "036" and "36" are the same country.
export interface Country {
  /** The numeric code as Comtrade and BACI write it. */
  code: string;
  iso3: string;
  name: string;
}

/** [code, iso3, name] */
const TABLE: readonly (readonly [string, string, string])[] = [
  ['0', 'W00', 'World'],
  ['36', 'AUS', 'Australia'],
  ['76', 'BRA', 'Brazil'],
  ['124', 'CAN', 'Canada'],
  ['156', 'CHN', 'China'],
  ['251', 'FRA', 'France'],
  ['276', 'DEU', 'Germany'],
  ['344', 'HKG', 'China, Hong Kong SAR'],
  ['392', 'JPN', 'Japan'],
  ['410', 'KOR', 'Rep. of Korea'],
  ['484', 'MEX', 'Mexico'],
  ['528', 'NLD', 'Netherlands'],
  ['699', 'IND', 'India'],
  ['704', 'VNM', 'Viet Nam'],
  ['757', 'CHE', 'Switzerland'],
  ['826', 'GBR', 'United Kingdom'],
  ['842', 'USA', 'USA'],
];

const BY_CODE = new Map<string, Country>();
for (const [code, iso3, name] of TABLE) BY_CODE.set(code, { code, iso3, name });

/** The country of a numeric code ("156", "036"), or undefined. */
export function countryByCode(code: string | undefined): Country | undefined {
  if (code === undefined) return undefined;
  const t = code.trim().replace(/^0+(?=\d)/, '');
  return BY_CODE.get(t);
}

/** The codes (numeric and ISO3) of the countries whose name or ISO3 is `key` (normalised, lower case). */
export function countryCodesFor(key: string): string[] {
  const out: string[] = [];
  for (const c of BY_CODE.values()) {
    if (c.name.toLowerCase() === key || c.iso3.toLowerCase() === key || c.code === key.replace(/^0+(?=\d)/, '')) out.push(c.code, c.iso3);
  }
  return out;
}
