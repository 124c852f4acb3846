import type { ApiClients } from '../api/clients.ts';
import { unwrap } from '../api/errors.ts';
import type { ReportFormat, ReportName, ReportQuery } from './catalog.ts';

/** The file name a download is saved under, from the service's Content-Disposition if any. */
function fileName(response: Response, name: ReportName, format: ReportFormat): string {
  const disposition = response.headers.get('content-disposition') ?? '';
  const match = /filename="?([^";]+)"?/.exec(disposition);
  return match?.[1] ?? `keyward-${name}.${format}`;
}

/**
 * Fetches a report with the bearer token (the generated client's middleware: the token never
 * goes into a URL) and saves it through a short-lived blob link.
 */
export async function downloadReport(
  api: ApiClients,
  name: ReportName,
  query: ReportQuery & { format: ReportFormat },
): Promise<void> {
  const result = await api.reporting.GET('/reports/{name}', {
    params: { path: { name }, query },
    parseAs: 'blob',
  });
  const blob = unwrap(result) as unknown as Blob;
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = fileName(result.response, name, query.format);
  a.click();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
