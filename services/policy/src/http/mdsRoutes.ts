import type { HttpApp } from '@keyward/service-kit';
import { z } from 'zod';
import type { PolicyServiceDeps } from '../service/deps.ts';

const status = z.object({
  configured: z.boolean(),
  loaded: z.boolean(),
  no: z.number().optional(),
  nextUpdate: z.string().optional(),
  stale: z.boolean(),
  entries: z.number(),
  loadedAt: z.string().optional(),
  lastError: z.object({ check: z.string(), message: z.string(), at: z.string() }).optional(),
});

const verdict = z.object({
  aaguid: z.string(),
  known: z.boolean(),
  description: z.string().optional(),
  status: z.string().optional(),
  blockedBy: z.string().optional(),
  certificationLevel: z.string().optional(),
  attestationRootCertificates: z.array(z.string()).optional(),
});

/** Attestation trust: BLOB status, per-AAGUID verdicts, and a manual refresh. */
export function registerMdsRoutes(http: HttpApp, deps: PolicyServiceDeps): void {
  http.route(
    {
      method: 'get',
      path: '/mds',
      summary: 'Status of the FIDO MDS3 BLOB in use (last good) and the last rejection',
      tags: ['mds'],
      permission: 'device:read',
      responses: { 200: status },
    },
    async () => deps.mds.status(),
  );

  http.route(
    {
      method: 'get',
      path: '/mds/entries/:aaguid',
      summary: 'What the metadata says about one AAGUID (status, certification, roots)',
      tags: ['mds'],
      permission: 'device:read',
      params: z.object({ aaguid: z.guid() }),
      responses: { 200: verdict },
    },
    async ({ params }) => {
      const v = deps.mds.index()?.verdict(params.aaguid);
      if (!v) return { aaguid: params.aaguid.toLowerCase(), known: false };
      if (!v.known) return v;
      const { statusReports: _, enterpriseAttestationSupported: __, ...rest } = v;
      return rest;
    },
  );

  http.route(
    {
      method: 'post',
      path: '/mds/refresh',
      summary: 'Fetch the configured BLOB now; a bad BLOB leaves the last good one in use',
      tags: ['mds'],
      permission: 'policy:write',
      responses: { 200: status },
    },
    async () => deps.mds.refresh(),
  );
}
