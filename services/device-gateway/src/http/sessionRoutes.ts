import { reportRows, toCsv } from '../domain/report.ts';
import { countKeys, type Session } from '../domain/session.ts';
import { configureKey } from '../operations/configureKey.ts';
import type { GatewayCore } from '../operations/gatewayCore.ts';
import type { Route } from './httpApp.ts';
import {
  errorSchema,
  reportQuery,
  reportSchema,
  sessionConfigureBody,
  sessionIdParams,
  sessionSchema,
} from './schemas.ts';
import { streamSession } from './sse.ts';

export function sessionBody(session: Session) {
  return { ...session, keys: Object.values(session.keys), counts: countKeys(session) };
}

/** Bulk configure sessions, stop, status, live events (SSE) and the report. */
export function sessionRoutes(route: Route, core: GatewayCore): void {
  route(
    {
      method: 'post',
      path: '/sessions/configure',
      summary:
        'Configure selected keys, all connected (stop-when-done) or every key plugged in (continuous)',
      permission: 'device:configure',
      body: sessionConfigureBody,
      responses: { 202: sessionSchema, 400: errorSchema, 404: errorSchema },
    },
    async ({ body, actor }) => {
      const { policyId } = body;
      const selected = body.deviceIds !== undefined;
      const devices = body.deviceIds
        ? body.deviceIds.map((id) => core.registry.get(id))
        : core.registry.list();
      // Nothing plugged in and no mode: the operator is about to plug keys in, one by one.
      const mode =
        body.mode ?? (core.registry.list().length === 0 ? 'continuous' : 'stop-when-done');
      const session = await core.sessions.start({
        kind: 'configure',
        mode: selected ? 'selected' : mode,
        actor,
        policyId,
        devices,
        annotate: () => ({ policyId }),
        task: () => configureKey(core, { policyId }),
      });
      return { status: 202, body: sessionBody(session) };
    },
  );

  route(
    {
      method: 'post',
      path: '/sessions/:id/stop',
      summary: 'Stop a session: no new keys; it closes when in-flight keys finish',
      permission: 'device:configure',
      params: sessionIdParams,
      responses: { 200: sessionSchema, 404: errorSchema },
    },
    async ({ params }) => ({ body: sessionBody(await core.sessions.stop(params.id)) }),
  );

  route(
    {
      method: 'get',
      path: '/sessions/:id',
      summary: 'A session with each key’s state, step and outcome',
      permission: 'device:read',
      params: sessionIdParams,
      responses: { 200: sessionSchema, 404: errorSchema },
    },
    async ({ params }) => ({ body: sessionBody(core.sessions.require(params.id)) }),
  );

  route(
    {
      method: 'get',
      path: '/sessions/:id/events',
      summary:
        'Server-Sent Events: the session snapshot, then every key transition until it closes',
      permission: 'device:read',
      params: sessionIdParams,
      responses: { 200: sessionSchema },
    },
    async ({ params, req, res }) => {
      streamSession(core.sessions, core.sessions.require(params.id), req, res);
      return undefined;
    },
  );

  route(
    {
      method: 'get',
      path: '/sessions/:id/report',
      summary: 'One row per key: serial, AAGUID, policy, user, outcome, error, started/finished',
      permission: 'device:read',
      params: sessionIdParams,
      query: reportQuery,
      responses: { 200: reportSchema, 404: errorSchema },
    },
    async ({ params, query, res }) => {
      const session = core.sessions.require(params.id);
      const rows = reportRows(session);
      if (query.format === 'json') return { body: { sessionId: session.id, rows } };
      res
        .status(200)
        .type('text/csv; charset=utf-8')
        .setHeader('Content-Disposition', `attachment; filename="session-${session.id}.csv"`);
      res.send(toCsv(rows));
      return undefined;
    },
  );
}
