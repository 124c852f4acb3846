import { format } from 'node:util';
import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import { REDACTED, redactDeep, redactString } from './redact.ts';

export type { Logger } from 'pino';

/** Options of {@link createLogger}. */
export interface CreateLoggerOptions {
  /** Service name, written as `name` on every line. */
  name: string;
  /** Default "info". */
  level?: string;
  /** Default stdout (sonic-boom). Tests pass a stream to read the output. */
  destination?: DestinationStream;
}

/**
 * A pino logger (JSON lines, ISO time) that cannot print a PIN, secret, token or key: every
 * argument of every call (merge object, error, interpolation values, the message itself) and
 * every child binding goes through redactDeep/redactString before pino sees it. pino's own
 * `redact` paths only reach fixed depths, hence this walk.
 */
export function createLogger(options: CreateLoggerOptions): Logger {
  const { name, level = 'info', destination } = options;
  const config: LoggerOptions = {
    name,
    level,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: {
      level: (label) => ({ level: label }),
      bindings: (bindings) => redactDeep(bindings) as Record<string, unknown>,
      log: (object) => redactDeep(object) as Record<string, unknown>,
    },
    // Errors are already plain, redacted objects; the std serializer would re-type them.
    serializers: { err: (value: unknown) => value },
    // Backstop for fixed paths in case a future formatter change bypasses the walk.
    redact: { paths: ['req.headers.authorization', 'headers.authorization'], censor: REDACTED },
    hooks: {
      logMethod(args, method) {
        method.apply(this, safeArguments(args) as Parameters<typeof method>);
      },
    },
  };
  const logger = destination ? pino(config, destination) : pino(config);
  // pino resets the bindings formatter for children, so child bindings are redacted here;
  // children inherit this method through their prototype, so grandchildren are covered too.
  const createChild = logger.child;
  logger.child = function child(this: Logger, bindings, childOptions) {
    return createChild.call(this, redactDeep(bindings) as typeof bindings, childOptions);
  } as typeof logger.child;
  return logger;
}

/** Normalises any log call to `[mergeObject, message?]` with everything redacted. */
function safeArguments(args: unknown[]): unknown[] {
  const [first, ...rest] = args;
  const hasObject = first !== null && typeof first === 'object';
  let merge: unknown = hasObject ? first : {};
  const formatArgs = hasObject ? rest : args;
  let message: string | undefined;
  if (formatArgs.length > 0) {
    const [template, ...values] = formatArgs;
    const safeValues = values.map((value) => redactDeep(value));
    message = typeof template === 'string' ? format(template, ...safeValues) : format(template);
  }
  if (merge instanceof Error) {
    message ??= merge.message;
    merge = { err: merge };
  }
  const safeMerge = redactDeep(merge);
  return message === undefined ? [safeMerge] : [safeMerge, redactString(message)];
}
