/**
 * RFC 4180 CSV: comma-separated, `"` quoting with `""` escapes, CRLF or LF line ends. Returns rows
 * with the 1-based line number where each row starts, so errors can name the line.
 */
export function parseCsv(text: string): { line: number; cells: string[] }[] {
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowStart = 1;
  const input = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < input.length; i += 1) {
    const ch = input[i];
    if (quoted) {
      if (ch === '"' && input[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') {
        quoted = false;
      } else {
        if (ch === '\n') line += 1;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && input[i + 1] === '\n') i += 1;
      cells.push(cell);
      if (cells.some((c) => c !== '')) rows.push({ line: rowStart, cells });
      cells = [];
      cell = '';
      line += 1;
      rowStart = line;
    } else cell += ch;
  }
  if (quoted) throw new SyntaxError(`line ${rowStart}: unterminated quoted field`);
  cells.push(cell);
  if (cells.some((c) => c !== '')) rows.push({ line: rowStart, cells });
  return rows;
}

/** Quotes a cell when it holds a comma, quote or line break; neutralises spreadsheet formulas. */
export function csvCell(value: string | number | undefined): string {
  let s = value === undefined ? '' : String(value);
  // CSV injection: a leading = + - @ makes spreadsheets evaluate the cell (OWASP CSV Injection).
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
