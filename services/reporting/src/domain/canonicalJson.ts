/**
 * Canonical JSON for hashing: object keys sorted by UTF-16 code unit (as RFC 8785 §3.2.3 orders
 * them), no insignificant whitespace, `undefined` members dropped. The audit chain hashes this
 * text, so two equal records always give the same bytes whatever order their keys were built in.
 *
 * Numbers use ECMAScript `JSON.stringify` formatting, which RFC 8785 §3.2.2.3 adopts. Values JSON
 * cannot represent (functions, symbols, bigint, non-finite numbers) are a caller bug: TypeError.
 */
export function canonicalJson(value: unknown): string {
  return write(value, '$');
}

function write(value: unknown, path: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`${path}: number ${value} is not finite`);
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      throw new TypeError(`${path}: ${typeof value} cannot be written as JSON`);
  }
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) {
    return `[${value.map((item, i) => (item === undefined ? 'null' : write(item, `${path}[${i}]`))).join(',')}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${write(v, `${path}.${k}`)}`).join(',')}}`;
}
