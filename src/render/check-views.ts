// The claim check as text for people: for each claim what was stated, what it accepts, what the
// figures give (with their rounding range) and the verdict, with the reason when it cannot be checked.
import type { CheckDocument } from '../reports/schemas.js';
import { acceptsText, basisText, formatterFor } from './check-words.js';
import type { TextContext } from './style.js';
import { datasetLine } from './text-common.js';

const STATUS_WORDS = { consistent: 'consistent', inconsistent: 'inconsistent', unchecked: 'cannot be checked' } as const;

export function countsText(r: CheckDocument): string {
  if (r.claims.length === 0) return 'The dataset records no claims to check.';
  return `${r.consistentCount} consistent, ${r.inconsistentCount} inconsistent, ${r.uncheckedCount} cannot be checked`;
}

export function renderCheckAsText(r: CheckDocument, ctx: TextContext): string {
  const { style } = ctx;
  const currency = r.dataset.currency;
  const out: string[] = [datasetLine(r.dataset, r.latestYear), ''];
  const pad = ' '.repeat(21);
  for (const c of r.claims) {
    const fmt = formatterFor(c, currency, ctx.unit);
    const word = STATUS_WORDS[c.status];
    const mark = c.status === 'consistent' ? style.good(`✔ ${word}`) : c.status === 'inconsistent' ? style.bad(`✘ ${word}`) : style.dim(`? ${word}`);
    const width = `✔ ${word}`.length;
    out.push(`${mark}${' '.repeat(Math.max(1, 21 - width))}${c.label}`);
    const accepts = acceptsText(c, currency);
    out.push(`${pad}stated:  ${c.stated}${accepts ? ` (accepts ${accepts})` : ''}`);
    if (c.value && c.range) {
      out.push(`${pad}figures: ${fmt.value(c.value)} from ${basisText(c, currency)}`);
      out.push(`${pad}range:   ${fmt.range(c.range.low, c.range.high, c.value)} given the rounding of the figures`);
    }
    out.push(`${pad}${c.status === 'unchecked' ? 'why:     ' : 'so:      '}${c.reason}`);
  }
  const summary = countsText(r);
  if (r.claims.length > 0) out.push('');
  out.push(r.inconsistentCount > 0 ? style.bad(summary) : style.good(summary));
  return `${out.join('\n')}\n`;
}
