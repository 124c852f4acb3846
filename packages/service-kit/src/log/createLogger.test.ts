import { KeywardError } from '@keyward/contracts';
import { describe, expect, it } from 'vitest';
import { createLogger } from './createLogger.ts';

const PIN = '482916';

function capture() {
  const lines: string[] = [];
  const logger = createLogger({
    name: 'test',
    level: 'trace',
    destination: { write: (s: string) => lines.push(s) },
  });
  return { logger, output: () => lines.join('') };
}

function expectRedacted(output: string) {
  expect(output).not.toContain(PIN);
  expect(output).toContain('[REDACTED]');
}

describe('createLogger redaction', () => {
  it('redacts a top-level pin and keeps the other fields', () => {
    const { logger, output } = capture();
    logger.info({ pin: PIN, serial: 'SIM0001' }, 'configured');
    expectRedacted(output());
    expect(JSON.parse(output())).toMatchObject({
      serial: 'SIM0001',
      msg: 'configured',
      name: 'test',
    });
  });

  it('redacts at any depth, in objects and arrays', () => {
    const { logger, output } = capture();
    logger.info({ body: { pin: PIN } });
    logger.warn({ a: { b: [{ c: { adminPin: PIN } }, [{ userPin: PIN }]] } });
    logger.error({ req: { headers: { authorization: `Bearer ${PIN}abc` } } });
    expectRedacted(output());
  });

  it('redacts by key-name pattern (secrets, tokens, keys, new PINs)', () => {
    const { logger, output } = capture();
    logger.info({
      newPin: PIN,
      current_pin: PIN,
      clientSecret: PIN,
      accessToken: PIN,
      privateKey: PIN,
      'x-api-key': PIN,
      password: PIN,
    });
    expectRedacted(output());
  });

  it('redacts inside errors: details, own properties, causes and messages', () => {
    const { logger, output } = capture();
    const cause = Object.assign(new Error(`vault said pin=${PIN}`), { secret: PIN });
    const err = new KeywardError('CONFLICT', 'refused', { details: { pin: PIN }, cause });
    logger.error({ err }, 'failed');
    logger.error(err);
    logger.error({ nested: { error: new KeywardError('INTERNAL', `adminPin: ${PIN}`) } });
    expectRedacted(output());
    const first = JSON.parse(output().split('\n')[0]!);
    expect(first.err).toMatchObject({ type: 'KeywardError', code: 'CONFLICT', message: 'refused' });
  });

  it('redacts values interpolated into the message', () => {
    const { logger, output } = capture();
    logger.info('body %o', { pin: PIN });
    logger.info({ serial: 'S1' }, 'body %j', { deep: [{ pin: PIN }] });
    logger.info('entered pin %s', PIN);
    logger.info(`user typed pin: ${PIN}`);
    expectRedacted(output());
  });

  it('redacts child and grandchild bindings', () => {
    const { logger, output } = capture();
    logger.child({ request: { pin: PIN } }).info('x');
    logger
      .child({ a: 1 })
      .child({ session: { adminPin: PIN } })
      .info('grandchild');
    expectRedacted(output());
  });

  it('redacts inside Maps, toJSON objects and cyclic structures', () => {
    const { logger, output } = capture();
    const cyclic: Record<string, unknown> = { pin: PIN };
    cyclic.self = cyclic;
    logger.info({
      map: new Map([['pin', PIN]]),
      doc: { toJSON: () => ({ adminPin: PIN }) },
      cyclic,
    });
    expectRedacted(output());
  });

  it('keeps facts about a PIN that are not the PIN', () => {
    const { logger, output } = capture();
    logger.info({ pinSet: true, minPinLength: 6, pinRetries: 8 }, 'pin set on key');
    expect(JSON.parse(output())).toMatchObject({
      pinSet: true,
      minPinLength: 6,
      msg: 'pin set on key',
    });
  });
});
