/**
 * Field names that hold secrets: PINs, passwords, tokens, keys. Matched on the END of the name,
 * case-insensitively, so `userPin`, `adminPin`, `clientSecret`, `accessToken`, `privateKey` match
 * while `pinSet`, `minPinLength`, `pinRetries`, `forcePinChange` (facts about a PIN) do not.
 * Shared by the event-schema guard, error-detail scrubbing and the logger's redaction.
 */
export const SECRET_FIELD_PATTERN =
  /(pin|pins|secret|secrets|password|passwd|passphrase|token|privatekey|apikey|authorization|cookie|kek|dek)$/i;

export function isSecretFieldName(name: string): boolean {
  return SECRET_FIELD_PATTERN.test(name.replace(/[-_]/g, ''));
}
