/**
 * CSV per RFC 4180 §2: fields with a comma, double quote, CR or LF are quoted and quotes are
 * doubled; records end in CRLF. Text cells starting with = + - @ (or tab / CR) get a leading
 * apostrophe so spreadsheets do not run them as formulas (OWASP "CSV Injection").
 */
export type CsvValue = string | number | boolean | Date | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`csv cell: number ${value} is not finite`);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  let text = value instanceof Date ? value.toISOString() : value;
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

export interface Column<Row> {
  header: string;
  value: (row: Row) => CsvValue;
}

/** Streams a header line, then one line per row as rows arrive. */
export async function* toCsv<Row>(
  columns: readonly Column<Row>[],
  rows: AsyncIterable<Row> | Iterable<Row>,
): AsyncGenerator<string> {
  yield csvRow(columns.map((c) => c.header));
  for await (const row of rows) yield csvRow(columns.map((c) => c.value(row)));
}

/** Streams a JSON array of the column values per row (same fields as the CSV, typed). */
export async function* toJsonArray<Row>(
  columns: readonly Column<Row>[],
  rows: AsyncIterable<Row> | Iterable<Row>,
): AsyncGenerator<string> {
  yield '[';
  let first = true;
  for await (const row of rows) {
    const item: Record<string, CsvValue> = {};
    for (const c of columns) item[c.header] = c.value(row) ?? null;
    yield `${first ? '' : ','}\n${JSON.stringify(item)}`;
    first = false;
  }
  yield first ? ']' : '\n]';
}
