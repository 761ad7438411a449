// What an import found, for people: each file and its layout, the reporters with their partners and
// periods, currency, unit and valuation, and every kind of row left out with its count.
import type { ImportDocuments } from '../reports/import.js';
import { formatCount } from './format.js';
import type { TextContext } from './style.js';
import { drawTable } from './table.js';
import { MONTH_NAMES } from './months-words.js';
import { monthsText } from './partners-words.js';


export function renderImportAsText(doc: ImportDocuments, ctx: TextContext): string {
  const { style } = ctx;
  if (doc.kind === 'import-plan') {
    const out: string[] = [];
    for (const p of doc.plans) {
      out.push(`-- ${p.file}: ${p.label}`);
      out.push(p.sql ?? (p.layout.startsWith('tradecalc') ? '-- (a tradecalc dataset: read as it is, with no query)\n' : `-- (${p.label} files are read row by row by tradecalc: there is no query for them)\n`));
    }
    return `${out.join('\n')}\n`;
  }
  const out: string[] = [];
  const files = doc.files.map((f) => [f.name, f.label, formatCount(f.rowCount), f.engine]);
  out.push(drawTable({ head: ['File', 'Recognised as', 'Rows', 'Read by'], rows: files, align: ['left', 'left', 'right', 'left'], width: ctx.width }, style));
  if (doc.publisher) {
    out.push('', `Publisher:  ${doc.publisher}`, `Values:     ${doc.unit}`, `Valuation:  exports ${doc.exportValuation}, imports ${doc.importValuation}`);
  }
  const reporters = doc.reporters.map((r) => [
    `${r.reporter}${r.reporterCode && r.reporterCode !== r.reporter ? ` (${r.reporterCode})` : ''}`,
    r.currency,
    r.firstPeriod === null ? '' : r.firstPeriod === r.lastPeriod ? r.firstPeriod : `${r.firstPeriod} to ${r.lastPeriod}`,
    `${r.yearCount}`,
    `${r.monthCount}`,
    `${r.partnerCount}`,
  ]);
  out.push('', drawTable({ head: ['Reporter', 'Currency', 'Periods', 'Years', 'Months', 'Partners'], rows: reporters, align: ['left', 'left', 'left', 'right', 'right', 'right'], width: ctx.width }, style));
  const gaps = doc.reporters.flatMap((r) =>
    r.gaps.map((g) =>
      g.reason === 'year-to-date'
        ? `${r.reporter} ${g.year}: ${g.monthNumbers.length === 1 ? `${MONTH_NAMES[g.monthNumbers[0]! - 1]} only` : `${g.monthNumbers.length} months only (${monthsText(g.monthNumbers)})`}: year to date, not a year`
        : `${r.reporter} ${g.year}: ${g.missing.join(' and ')} missing: not a year (a missing value is not zero)`,
    ),
  );
  if (gaps.length > 0) out.push('', ...gaps.map((g) => style.dim(g)));
  if (doc.publisher) {
    out.push('', `Rows: ${formatCount(doc.rowCount)} read, ${formatCount(doc.usedRowCount)} summed${doc.excluded.length > 0 ? '; left out:' : ''}`);
    const width = Math.max(...doc.excluded.map((e) => formatCount(e.rowCount).length), 1);
    for (const e of doc.excluded) out.push(`  ${formatCount(e.rowCount).padStart(width)}  ${e.reason}`);
  }
  for (const w of doc.warnings) out.push(style.bad(`warning: ${w}`));
  if (doc.written) out.push('', style.good(`Wrote ${doc.written.datasetCount} dataset${doc.written.datasetCount === 1 ? '' : 's'} to ${doc.written.file} (${doc.written.format.toUpperCase()}); read it with --data ${doc.written.file}`));
  return `${out.join('\n')}\n`;
}
