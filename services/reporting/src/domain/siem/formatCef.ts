/**
 * ArcSight Common Event Format, version 0 ("Implementing ArcSight CEF", rev. 25):
 * `CEF:0|Vendor|Product|Version|Device Event Class ID|Name|Severity|Extension`.
 */
export interface CefEvent {
  vendor: string;
  product: string;
  version: string;
  /** Device Event Class ID: here the event type. */
  eventClassId: string;
  name: string;
  /** 0 (lowest) to 10 (highest). */
  severity: number;
  /** Extension key/value pairs in output order; null values are left out. */
  extensions: ReadonlyArray<readonly [string, string | number | null]>;
}

/** Header fields: backslash and pipe are escaped; newlines are not allowed there, so they become spaces. */
export function escapeCefHeader(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\r\n|\r|\n/g, ' ');
}

/** Extension values: backslash and equals are escaped; newlines are written as \n (\r as \r). */
export function escapeCefExtension(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/=/g, '\\=')
    .replace(/\r\n|\n/g, '\\n')
    .replace(/\r/g, '\\r');
}

const EXTENSION_KEY = /^[A-Za-z0-9_]+$/;

export function formatCef(event: CefEvent): string {
  if (!Number.isInteger(event.severity) || event.severity < 0 || event.severity > 10) {
    throw new TypeError(`severity: was ${event.severity}, expected an integer 0..10`);
  }
  const header = [event.vendor, event.product, event.version, event.eventClassId, event.name]
    .map(escapeCefHeader)
    .join('|');
  const ext = event.extensions
    .filter(([, v]) => v !== null && v !== '')
    .map(([k, v]) => {
      if (!EXTENSION_KEY.test(k)) throw new TypeError(`extension key "${k}" is not alphanumeric`);
      return `${k}=${escapeCefExtension(String(v))}`;
    })
    .join(' ');
  return `CEF:0|${header}|${event.severity}|${ext}`;
}
