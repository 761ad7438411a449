// The mirror comparison as text: one table per flow (the reporter's exports against the partner's
// imports, the reporter's imports against the partner's exports), the balance as each side's
// figures give it, then how the two were matched, what the gap means, and the latest year in words.
import type { Decimal } from '../core/decimal.js';
import type { MirrorDocument } from '../reports/schemas.js';
import { formatMoney, formatPct } from './format.js';
import { factorText, mirrorNotes, possessive } from './mirror-words.js';
import type { TextContext } from './style.js';
import { drawTable } from './table.js';

type Flow = MirrorDocument['path'][number]['exportsToPartner'];

export function renderMirrorAsText(doc: MirrorDocument, ctx: TextContext): string {
  const { style } = ctx;
  const a = doc.dataset.reporter;
  const b = doc.partnerDataset.reporter;
  const c = doc.dataset.currency;
  const money = (d: Decimal | null | undefined, sign = false) => (d ? formatMoney(d, { currency: c, unit: ctx.unit, sign }) : '–');
  const pct = (d: Decimal | null | undefined) => (d ? formatPct(d, { sign: true }) : '–');
  const gapColour = (d: Decimal | null | undefined, text: string) => (d && !d.isZero() ? style.bad(text) : text);
  const cif = doc.assumptions.cifFobPct;
  const f = cif ? factorText(cif) : '';

  const flowTable = (title: string, pick: (p: MirrorDocument['path'][number]) => Flow, heads: [string, string], importer: 'reported' | 'mirror') => {
    const head = ['Year', heads[0], heads[1], 'Gap', 'Gap, % of\nimports', ...(cif ? [`Imports\n÷ ${f}`, 'Adjusted\ngap', 'Adjusted\ngap %'] : [])];
    const rows = doc.path.map((p) => {
      const x = pick(p);
      const adj = x?.adjusted;
      return [
        `${p.year}`,
        money(x?.reported),
        money(x?.mirror),
        gapColour(x?.gap, money(x?.gap, true)),
        pct(x?.gapPct),
        ...(cif ? [money(importer === 'mirror' ? adj?.mirror : adj?.reported), gapColour(adj?.gap, money(adj?.gap, true)), pct(adj?.gapPct)] : []),
      ];
    });
    // A flow neither year compares (one side does not report it) is a line, not a table of dashes.
    if (doc.path.every((p) => !pick(p))) return [style.heading(title), style.dim('Not reported by both in any year compared.')];
    return [style.heading(title), drawTable({ head, rows }, style)];
  };

  const out: string[] = [`${a} and ${b}: what each reports of their trade with the other (${c})`, ''];
  out.push(...flowTable(`${possessive(a)} exports to ${b}, against ${possessive(b)} imports from ${a}`, (p) => p.exportsToPartner, [`${a}\nreports`, `${b}\nreports`], 'mirror'), '');
  out.push(...flowTable(`${possessive(a)} imports from ${b}, against ${possessive(b)} exports to ${a}`, (p) => p.importsFromPartner, [`${a}\nreports`, `${b}\nreports`], 'reported'), '');
  if (doc.path.some((p) => p.balanceWithPartner)) {
    const rows = doc.path.map((p) => {
      const x = p.balanceWithPartner;
      return [`${p.year}`, money(x?.reported), money(x?.mirror), gapColour(x?.gap, money(x?.gap, true))];
    });
    out.push(style.heading(`${possessive(a)} balance with ${b}, as each side's figures give it`), drawTable({ head: ['Year', `As ${a}\nreports`, `As ${b}\nreports`, 'Gap'], rows }, style), '');
  }
  out.push(...mirrorNotes(doc).map((n) => style.dim(n)));
  return `${out.join('\n')}\n`;
}
