// Every publisher layout tradecalc reads, and how a file is recognised: each layout scores the
// file's head (its name and first 64 KB), and the best score of at least 5 wins. --from narrows
// the candidates to one publisher's layouts.
import { DataError } from '../../errors.js';
import { baci, baciCodes } from './baci.js';
import { census } from './census.js';
import { chinaCustoms } from './china-customs.js';
import { comext } from './comext.js';
import { comtradeBulk, comtradeCsv, comtradeJson, comtradeLegacy } from './comtrade.js';
import { dotsWide, imtsSdmx } from './imts.js';
import { type FileHead, type Layout, type LayoutId, PUBLISHERS, type PublisherId } from './layout.js';

export const LAYOUTS: readonly Layout[] = [comtradeJson, comtradeCsv, comtradeLegacy, comtradeBulk, imtsSdmx, dotsWide, census, comext, chinaCustoms, baci, baciCodes];

export function layoutById(id: LayoutId): Layout | undefined {
  return LAYOUTS.find((l) => l.id === id);
}

/** The layout of a file, or null when none recognises it. */
export function recogniseLayout(head: FileHead, from?: PublisherId): Layout | null {
  const allowed = from ? new Set<string>(PUBLISHERS[from]) : null;
  let best: Layout | null = null;
  let score = 4;
  for (const layout of LAYOUTS) {
    if (allowed && !allowed.has(layout.id)) continue;
    const s = layout.recognise(head);
    if (s > score) {
      score = s;
      best = layout;
    }
  }
  return best;
}

/** The one-line description of what tradecalc reads, for a file it does not recognise. */
export function unrecognised(name: string, header: readonly string[] | undefined, from?: PublisherId): DataError {
  const what = from ? `a ${from} file (${PUBLISHERS[from].join(', ')})` : 'a tradecalc dataset (JSON, or CSV with reporter,year,exports,imports) or a publisher download (Comtrade, IMF, Census, Comext, China customs, BACI)';
  const seen = header && header.length > 0 ? `: its header starts ${JSON.stringify(header.slice(0, 6).join(',').slice(0, 120))}` : '';
  return new DataError(`${name}: not a file tradecalc knows${seen} (expected ${what}; see docs/datasets.md)`);
}
