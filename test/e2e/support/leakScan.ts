/** A secret that existed during the run and where it came from (for failure messages). */
export interface KnownSecret {
  label: string;
  value: string;
}

/** One place a secret was found. */
export interface Leak {
  secret: string;
  encoding: string;
  where: string;
  excerpt: string;
}

/**
 * The base64 text that encodes `bytes` whatever their offset inside a longer base64 blob: for
 * each of the 3 alignments, only the characters whose 6 bits all come from `bytes`.
 */
function alignedBase64(bytes: Buffer, alphabet: 'base64' | 'base64url'): string[] {
  const out: string[] = [];
  for (let k = 0; k < 3; k += 1) {
    const text = Buffer.concat([Buffer.alloc(k), bytes]).toString(alphabet);
    const first = Math.ceil((8 * k) / 6);
    const last = Math.floor((8 * (k + bytes.length)) / 6); // exclusive
    out.push(text.slice(first, last));
  }
  return out;
}

/**
 * The forms a secret may take on its way into a log line or an event: as is; its UTF-8 bytes as
 * base64 and base64url at each of the three alignments (so a PIN inside a larger encoded blob
 * is found too); and as hex (both cases).
 */
export function encodedForms(value: string): { encoding: string; text: string }[] {
  const bytes = Buffer.from(value, 'utf8');
  const forms = [
    { encoding: 'raw', text: value },
    ...alignedBase64(bytes, 'base64').map((text, k) => ({ encoding: `base64@${k}`, text })),
    ...alignedBase64(bytes, 'base64url').map((text, k) => ({ encoding: `base64url@${k}`, text })),
    { encoding: 'hex', text: bytes.toString('hex') },
    { encoding: 'HEX', text: bytes.toString('hex').toUpperCase() },
  ];
  // Identical texts (base64 and base64url agree for most PINs) are reported under the first name.
  const unique = new Map<string, { encoding: string; text: string }>();
  for (const f of forms) if (!unique.has(f.text)) unique.set(f.text, f);
  return [...unique.values()];
}

/** Every occurrence of any form of any secret in the given texts (where → text). */
export function findLeaks(
  secrets: readonly KnownSecret[],
  texts: readonly { where: string; text: string }[],
): Leak[] {
  const leaks: Leak[] = [];
  for (const secret of secrets) {
    for (const form of encodedForms(secret.value)) {
      for (const { where, text } of texts) {
        const at = text.indexOf(form.text);
        if (at < 0) continue;
        // The excerpt masks the secret itself so the failure message does not re-leak it.
        const excerpt = text
          .slice(Math.max(0, at - 80), at + form.text.length + 80)
          .replaceAll(form.text, `<${secret.label} as ${form.encoding}>`);
        leaks.push({ secret: secret.label, encoding: form.encoding, where, excerpt });
      }
    }
  }
  return leaks;
}
