import { describe, expect, it } from 'vitest';
import { testPolicy } from './testPolicy.ts';
import { changedTopLevelFields, nextVersion } from './versioning.ts';

describe('nextVersion', () => {
  const content = testPolicy();
  it('increments the version when content changes, listing changed fields', () => {
    const next = testPolicy({ name: 'Stricter', pin: { minLength: 8, generatedLength: 10 } });
    expect(
      nextVersion({ policyId: 'p1', current: { version: 3, content }, expectedVersion: 3, next }),
    ).toEqual({
      ok: true,
      changed: true,
      version: 4,
      changedFields: ['name', 'pin'],
    });
  });
  it('keeps the version when the same content is sent again (idempotent retry)', () => {
    expect(
      nextVersion({
        policyId: 'p1',
        current: { version: 2, content },
        expectedVersion: 2,
        next: testPolicy(),
      }),
    ).toEqual({
      ok: true,
      changed: false,
      version: 2,
      changedFields: [],
    });
  });
  it('reports a conflict when the change was based on an older version', () => {
    const r = nextVersion({
      policyId: 'p1',
      current: { version: 5, content },
      expectedVersion: 4,
      next: content,
    });
    expect(r).toEqual({
      ok: false,
      code: 'CONFLICT',
      currentVersion: 5,
      message: 'policy p1 is at version 5, the change was based on version 4',
    });
  });
  it('reports a conflict for a version from the future', () => {
    expect(
      nextVersion({
        policyId: 'p1',
        current: { version: 1, content },
        expectedVersion: 2,
        next: content,
      }).ok,
    ).toBe(false);
  });
  it('detects nested changes as a change of the top-level field', () => {
    expect(changedTopLevelFields(content, testPolicy({ key: { alwaysUv: true } }))).toEqual([
      'key',
    ]);
  });
});
