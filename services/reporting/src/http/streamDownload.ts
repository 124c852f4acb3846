import { once } from 'node:events';
import type { Response } from 'express';
import { type Column, toCsv, toJsonArray } from '../domain/reports/csv.ts';

export interface StreamDownloadOptions<Row> {
  res: Response;
  format: 'csv' | 'json';
  /** File name without extension for Content-Disposition. */
  name: string;
  columns: readonly Column<Row>[];
  rows: AsyncIterable<Row> | Iterable<Row>;
}

/**
 * Writes a report as it is produced, honouring back-pressure (waits for `drain`), so a large
 * export never sits in memory. Resolves with the number of data rows written.
 */
export async function streamDownload<Row>({
  res,
  format,
  name,
  columns,
  rows,
}: StreamDownloadOptions<Row>): Promise<number> {
  let count = 0;
  async function* counted() {
    for await (const row of rows) {
      count += 1;
      yield row;
    }
  }
  res.status(200);
  res.setHeader(
    'Content-Type',
    format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
  );
  res.setHeader('Content-Disposition', `attachment; filename="${name}.${format}"`);
  const chunks = format === 'csv' ? toCsv(columns, counted()) : toJsonArray(columns, counted());
  for await (const chunk of chunks) {
    if (!res.write(chunk)) await once(res, 'drain');
  }
  res.end();
  return count;
}
