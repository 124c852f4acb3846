/**
 * Interop: python-fido2 (Debian python3-fido2 0.9.1, an independent CTAP client) drives the
 * simulator over the real PC/SC path — pcscd + vsmartcard-vpcd — through every command family.
 * A missing python3-fido2 / pyscard / pcscd fails the test with the reason; nothing is skipped.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  attachToVpcd,
  createAuthenticator,
  KeywardSimAaguid,
  type ProfileName,
} from '@keyward/authenticator-sim';
import { startPcsc } from '@keyward/test-harness';
import { describe, expect, it } from 'vitest';

const PYTHON = '/usr/bin/python3';
const SCRIPT = fileURLToPath(new URL('./python/fido2_interop.py', import.meta.url));

function checkPrerequisites(): void {
  if (!existsSync(PYTHON)) {
    throw new Error(
      `${PYTHON} is missing: install the Debian packages python3-fido2 python3-pyscard`,
    );
  }
}

async function runInterop(
  profile: ProfileName,
  pinProtocol: 1 | 2,
): Promise<{ code: number | null; output: string }> {
  checkPrerequisites();
  const pcsc = await startPcsc();
  const auth = createAuthenticator({ profile, serial: 'KW000123' });
  const dir = mkdtempSync(join(tmpdir(), 'keyward-interop-'));
  const card = attachToVpcd(auth, { port: pcsc.vpcdPort });
  try {
    const rootPath = join(dir, 'root.pem');
    writeFileSync(rootPath, await auth.attestationRootPem());
    await card.insert();
    const child = spawn(
      PYTHON,
      [
        SCRIPT,
        '--reader',
        pcsc.readerName,
        '--root',
        rootPath,
        '--aaguid',
        KeywardSimAaguid[profile].replace(/-/g, ''),
        '--pin-protocol',
        String(pinProtocol),
      ],
      { env: { ...process.env, ...pcsc.env }, stdio: ['pipe', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stderr.on('data', (d) => {
      output += d;
    });
    child.stdout.on('data', async (d: Buffer) => {
      output += d;
      if (d.toString().includes('POWER_CYCLE')) {
        // Pull the card out of the reader and put it back: a real power cycle through pcscd.
        await card.remove();
        await card.insert();
        child.stdin.write('OK\n');
      }
    });
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => child.kill('SIGKILL'), 100_000);
      child.on('close', (c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
    return { code, output };
  } finally {
    await card.close();
    await pcsc.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('python-fido2 0.9.1 over pcscd + vpcd', () => {
  it.each<[ProfileName, 1 | 2]>([
    ['enterprise', 2],
    ['generic', 1],
  ])(
    'passes getInfo, PIN, MC/GA, credMgmt, config and reset on the %s profile (PIN protocol %i)',
    async (profile, pinProtocol) => {
      const { code, output } = await runInterop(profile, pinProtocol);
      if (code !== 0 || !output.includes('INTEROP OK')) {
        throw new Error(`python-fido2 interop failed (exit ${code}):\n${output}`);
      }
      expect(output).toContain('STEP Fido2Client (WebAuthn level)');
      expect(output).toContain('STEP reset');
      if (profile === 'enterprise') expect(output).toContain('STEP enterprise attestation');
    },
    120_000,
  );
});
