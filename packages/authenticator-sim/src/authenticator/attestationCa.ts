/**
 * The attestation PKI a real vendor has: a self-signed root, a batch certificate shared by every
 * key of the model (full "packed" attestation, WebAuthn §8.2.1 requirements: X.509 v3, subject
 * C/O/OU "Authenticator Attestation"/CN, BasicConstraints CA=false, AAGUID extension
 * 1.3.6.1.4.1.45724.1.1.4), and a per-device enterprise attestation certificate carrying the
 * serial number (CTAP 2.1 §7.1 "uniquely identifying").
 */
// @peculiar/x509 resolves its services through tsyringe, which needs the Reflect metadata API.
import 'reflect-metadata';
import { randomBytes, webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import { aaguidBytes } from './profiles.ts';
import type { AttestationMaterial } from './state.ts';

type CryptoKey = webcrypto.CryptoKey;
const crypto = webcrypto;
x509.cryptoProvider.set(crypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

export const AAGUID_EXTENSION_OID = '1.3.6.1.4.1.45724.1.1.4';
const ALG = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;

function serialHex(): string {
  const b = randomBytes(16);
  b[0] = (b[0] ?? 0) & 0x7f;
  return b.toString('hex');
}

/** DER OCTET STRING holding the 16-byte AAGUID (the extension's value). */
function aaguidExtensionValue(aaguid: string): Uint8Array {
  const bytes = aaguidBytes(aaguid);
  const out = new Uint8Array(2 + bytes.length);
  out[0] = 0x04;
  out[1] = bytes.length;
  out.set(bytes, 2);
  return out;
}

async function exportPkcs8(key: CryptoKey): Promise<string> {
  return Buffer.from(await crypto.subtle.exportKey('pkcs8', key)).toString('base64url');
}

async function leafCert(options: {
  subject: string;
  aaguid: string;
  issuer: x509.X509Certificate;
  issuerKey: CryptoKey;
}): Promise<{ cert: string; key: string }> {
  const keys = await crypto.subtle.generateKey(ALG, true, ['sign', 'verify']);
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serialHex(),
    subject: options.subject,
    issuer: options.issuer.subject,
    notBefore: new Date('2024-01-01T00:00:00Z'),
    notAfter: new Date('2049-12-31T23:59:59Z'),
    signingAlgorithm: ALG,
    publicKey: keys.publicKey,
    signingKey: options.issuerKey,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.Extension(AAGUID_EXTENSION_OID, false, aaguidExtensionValue(options.aaguid)),
      await x509.AuthorityKeyIdentifierExtension.create(options.issuer, false, crypto),
    ],
  });
  return {
    cert: Buffer.from(cert.rawData).toString('base64url'),
    key: await exportPkcs8(keys.privateKey),
  };
}

export async function generateAttestationMaterial(options: {
  aaguid: string;
  serial: string;
  model: string;
}): Promise<AttestationMaterial> {
  const rootKeys = await crypto.subtle.generateKey(ALG, true, ['sign', 'verify']);
  const rootName = 'C=DE, O=Keyward Simulated Keys, CN=Keyward Sim Attestation Root';
  const root = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serialHex(),
    name: rootName,
    notBefore: new Date('2024-01-01T00:00:00Z'),
    notAfter: new Date('2054-12-31T23:59:59Z'),
    signingAlgorithm: ALG,
    keys: rootKeys,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign,
        true,
      ),
      await x509.SubjectKeyIdentifierExtension.create(rootKeys.publicKey, false, crypto),
    ],
  });
  const ou = 'OU=Authenticator Attestation';
  const batch = await leafCert({
    subject: `C=DE, O=Keyward Simulated Keys, ${ou}, CN=Keyward Sim ${options.model} Batch 1`,
    aaguid: options.aaguid,
    issuer: root,
    issuerKey: rootKeys.privateKey,
  });
  const enterprise = await leafCert({
    subject: `C=DE, O=Keyward Simulated Keys, ${ou}, CN=Keyward Sim ${options.model} EA, 2.5.4.5=${options.serial}`,
    aaguid: options.aaguid,
    issuer: root,
    issuerKey: rootKeys.privateKey,
  });
  return {
    rootCertPem: root.toString('pem'),
    batchCert: batch.cert,
    batchKey: batch.key,
    enterpriseCert: enterprise.cert,
    enterpriseKey: enterprise.key,
  };
}
