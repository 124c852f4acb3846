/**
 * PingOne returns creation-option byte fields as arrays of signed Java bytes inside a JSON string
 * (idp-apis.md §3.2, secondary sources). The emulator reproduces that so the connector's decoding
 * is exercised.
 */
export function toSignedBytes(bytes: Uint8Array): number[] {
  return [...bytes].map((b) => (b > 127 ? b - 256 : b));
}
