import { ERROR_CODES, errorBodySchema } from '@keyward/contracts';
import { z } from 'zod';
import type { RouteSpec } from './routeSpec.ts';

type JsonObject = Record<string, unknown>;

/**
 * Builds the OpenAPI 3.1 document from the same zod schemas the routes validate with (OpenAPI
 * 3.1 schemas are JSON Schema 2020-12, which z.toJSONSchema emits).
 */
export class OpenApiDocument {
  readonly #paths: Record<string, Record<string, JsonObject>> = {};
  readonly #info: { title: string; version: string };

  constructor(info: { title: string; version: string }) {
    this.#info = info;
  }

  add(spec: RouteSpec<z.ZodType | undefined, z.ZodType | undefined, z.ZodType | undefined>): void {
    const path = spec.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const operation: JsonObject = {
      summary: spec.summary,
      ...(spec.description ? { description: spec.description } : {}),
      ...(spec.tags ? { tags: spec.tags } : {}),
      operationId: `${spec.method}${path.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase())}`,
      security: spec.permission === null ? [] : [{ bearerAuth: [] }],
      'x-permission': spec.permission,
      parameters: [...parameters(spec.params, 'path'), ...parameters(spec.query, 'query')],
      responses: responses(spec),
    };
    if (spec.body) {
      operation.requestBody = {
        required: true,
        content: { 'application/json': { schema: schema(spec.body, 'input') } },
      };
    }
    this.#paths[path] ??= {};
    this.#paths[path][spec.method] = operation;
  }

  toJSON(): JsonObject {
    return {
      openapi: '3.1.0',
      info: this.#info,
      paths: this.#paths,
      components: {
        securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
        schemas: { Error: schema(z.object({ error: errorBodySchema }), 'output') },
      },
    };
  }
}

function schema(zodSchema: z.ZodType, io: 'input' | 'output'): JsonObject {
  const { $schema: _omit, ...json } = z.toJSONSchema(zodSchema, {
    io,
    unrepresentable: 'any',
  }) as JsonObject;
  return json;
}

function parameters(zodSchema: z.ZodType | undefined, where: 'path' | 'query'): JsonObject[] {
  if (!zodSchema) return [];
  const json = schema(zodSchema, 'input');
  const properties = (json.properties ?? {}) as Record<string, JsonObject>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || required.has(name),
    schema: property,
  }));
}

function responses(
  spec: RouteSpec<z.ZodType | undefined, z.ZodType | undefined, z.ZodType | undefined>,
) {
  const out: Record<string, JsonObject> = {};
  for (const [status, zodSchema] of Object.entries(spec.responses)) {
    out[status] = {
      description: describeStatus(Number(status)),
      content: { 'application/json': { schema: schema(zodSchema, 'output') } },
    };
  }
  const errors = [400, 404, 409, 500];
  if (spec.permission !== null) errors.push(401, 403);
  if (spec.rateLimit) errors.push(429);
  const ref = {
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  };
  for (const status of errors.sort()) {
    out[String(status)] ??= { description: describeStatus(status), ...ref };
  }
  return out;
}

function describeStatus(status: number): string {
  if (status < 300) return 'Success';
  const codes = Object.entries(ERROR_CODES)
    .filter(([, entry]) => entry.httpStatus === status)
    .map(([code]) => code);
  return codes.length > 0 ? `Error: ${codes.join(', ')}` : `HTTP ${status}`;
}
