// The bulk engine: a publisher's large file aggregated by DuckDB, loaded only when a file needs it.
import { DataError } from '../../errors.js';
import type { ImportContext, Layout } from '../formats/layout.js';
import type { FlowTable } from '../series.js';
import type { InputFile } from '../stream/source.js';

export async function runBulk(layout: Layout, file: InputFile, _ctx: ImportContext, _flows: FlowTable): Promise<void> {
  throw new DataError(`${file.name}: the bulk engine cannot read ${layout.label} files yet`);
}
