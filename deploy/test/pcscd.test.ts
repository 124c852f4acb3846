import { describe, expect, it } from 'vitest';
import { pcscdSocket, planPcscd } from '../src/pcscd.ts';

const binary = '/usr/sbin/pcscd';

describe('planPcscd', () => {
  it('leaves a running pcscd alone', () => {
    expect(planPcscd({ enabled: true, running: true, isRoot: true, binary })).toEqual({
      action: 'use',
      reason: 'pcscd: already running, using it',
    });
  });

  it('starts pcscd in the foreground when none runs and we are root', () => {
    expect(planPcscd({ enabled: true, running: false, isRoot: true, binary })).toMatchObject({
      action: 'start',
      args: ['--foreground'],
    });
  });

  it('explains why it does not start pcscd', () => {
    expect(planPcscd({ enabled: false, running: false, isRoot: true, binary }).reason).toMatch(
      /KEYWARD_PCSCD=0/,
    );
    expect(planPcscd({ enabled: true, running: false, isRoot: false, binary }).reason).toMatch(
      /not root/,
    );
    expect(
      planPcscd({ enabled: true, running: false, isRoot: true, binary: undefined }),
    ).toMatchObject({ action: 'skip', reason: expect.stringMatching(/not installed/) });
  });
});

describe('pcscdSocket', () => {
  it('honours PCSCLITE_CSOCK_NAME like libpcsclite does', () => {
    expect(pcscdSocket({})).toBe('/run/pcscd/pcscd.comm');
    expect(pcscdSocket({ PCSCLITE_CSOCK_NAME: '/tmp/x' })).toBe('/tmp/x');
  });
});
