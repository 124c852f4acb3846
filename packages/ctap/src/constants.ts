/**
 * Protocol constants shared by the host library and the software authenticator.
 * Hex values are written as the CTAP 2.1 PS tables write them (fido-client-to-authenticator-
 * protocol-v2.1-ps-20210615); each table cites its section.
 */

/** CTAPHID command bytes, without the 0x80 init-packet bit (CTAP 2.1 §11.2.9). */
export const CtapHidCmd = {
  PING: 0x01,
  MSG: 0x03,
  LOCK: 0x04,
  INIT: 0x06,
  WINK: 0x08,
  CBOR: 0x10,
  CANCEL: 0x11,
  KEEPALIVE: 0x3b,
  ERROR: 0x3f,
  VENDOR_FIRST: 0x40,
  VENDOR_LAST: 0x7f,
} as const;
export type CtapHidCmd = (typeof CtapHidCmd)[keyof typeof CtapHidCmd];

/** CTAPHID_ERROR payload codes (CTAP 2.1 §11.2.9.1.6). */
export const CtapHidError = {
  INVALID_CMD: 0x01,
  INVALID_PAR: 0x02,
  INVALID_LEN: 0x03,
  INVALID_SEQ: 0x04,
  MSG_TIMEOUT: 0x05,
  CHANNEL_BUSY: 0x06,
  LOCK_REQUIRED: 0x0a,
  INVALID_CHANNEL: 0x0b,
  OTHER: 0x7f,
} as const;
export type CtapHidError = (typeof CtapHidError)[keyof typeof CtapHidError];

/** CTAPHID_INIT capability flags (CTAP 2.1 §11.2.9.1.3). */
export const CtapHidCapability = {
  WINK: 0x01,
  CBOR: 0x04,
  NMSG: 0x08,
} as const;

/** CTAPHID_KEEPALIVE status byte (CTAP 2.1 §11.2.9.1.5). */
export const KeepaliveStatus = {
  PROCESSING: 0x01,
  UPNEEDED: 0x02,
} as const;
export type KeepaliveStatus = (typeof KeepaliveStatus)[keyof typeof KeepaliveStatus];

/** CTAPHID framing sizes (CTAP 2.1 §11.2.4): 64-byte reports, 57 + 128 × 59 bytes at most. */
export const CtapHidFrame = {
  REPORT_SIZE: 64,
  INIT_DATA: 57,
  CONT_DATA: 59,
  MAX_SEQ: 0x7f,
  MAX_MESSAGE: 57 + 128 * 59,
  BROADCAST_CID: 0xffffffff,
} as const;

/** authenticator API command bytes (CTAP 2.1 §6). */
export const Ctap2Cmd = {
  MAKE_CREDENTIAL: 0x01,
  GET_ASSERTION: 0x02,
  GET_INFO: 0x04,
  CLIENT_PIN: 0x06,
  RESET: 0x07,
  GET_NEXT_ASSERTION: 0x08,
  BIO_ENROLLMENT: 0x09,
  CREDENTIAL_MANAGEMENT: 0x0a,
  SELECTION: 0x0b,
  LARGE_BLOBS: 0x0c,
  CONFIG: 0x0d,
  VENDOR_FIRST: 0x40,
  VENDOR_LAST: 0xbf,
} as const;
export type Ctap2Cmd = (typeof Ctap2Cmd)[keyof typeof Ctap2Cmd];

/** CTAP status codes, response byte 0 (CTAP 2.1 §8.2.1). Unknown codes are kept, not rejected. */
export const CtapStatus = {
  CTAP2_OK: 0x00,
  CTAP1_ERR_INVALID_COMMAND: 0x01,
  CTAP1_ERR_INVALID_PARAMETER: 0x02,
  CTAP1_ERR_INVALID_LENGTH: 0x03,
  CTAP1_ERR_INVALID_SEQ: 0x04,
  CTAP1_ERR_TIMEOUT: 0x05,
  CTAP1_ERR_CHANNEL_BUSY: 0x06,
  CTAP1_ERR_LOCK_REQUIRED: 0x0a,
  CTAP1_ERR_INVALID_CHANNEL: 0x0b,
  CTAP2_ERR_CBOR_UNEXPECTED_TYPE: 0x11,
  CTAP2_ERR_INVALID_CBOR: 0x12,
  CTAP2_ERR_MISSING_PARAMETER: 0x14,
  CTAP2_ERR_LIMIT_EXCEEDED: 0x15,
  CTAP2_ERR_FP_DATABASE_FULL: 0x17,
  CTAP2_ERR_LARGE_BLOB_STORAGE_FULL: 0x18,
  CTAP2_ERR_CREDENTIAL_EXCLUDED: 0x19,
  CTAP2_ERR_PROCESSING: 0x21,
  CTAP2_ERR_INVALID_CREDENTIAL: 0x22,
  CTAP2_ERR_USER_ACTION_PENDING: 0x23,
  CTAP2_ERR_OPERATION_PENDING: 0x24,
  CTAP2_ERR_NO_OPERATIONS: 0x25,
  CTAP2_ERR_UNSUPPORTED_ALGORITHM: 0x26,
  CTAP2_ERR_OPERATION_DENIED: 0x27,
  CTAP2_ERR_KEY_STORE_FULL: 0x28,
  CTAP2_ERR_UNSUPPORTED_OPTION: 0x2b,
  CTAP2_ERR_INVALID_OPTION: 0x2c,
  CTAP2_ERR_KEEPALIVE_CANCEL: 0x2d,
  CTAP2_ERR_NO_CREDENTIALS: 0x2e,
  CTAP2_ERR_USER_ACTION_TIMEOUT: 0x2f,
  CTAP2_ERR_NOT_ALLOWED: 0x30,
  CTAP2_ERR_PIN_INVALID: 0x31,
  CTAP2_ERR_PIN_BLOCKED: 0x32,
  CTAP2_ERR_PIN_AUTH_INVALID: 0x33,
  CTAP2_ERR_PIN_AUTH_BLOCKED: 0x34,
  CTAP2_ERR_PIN_NOT_SET: 0x35,
  CTAP2_ERR_PUAT_REQUIRED: 0x36,
  CTAP2_ERR_PIN_POLICY_VIOLATION: 0x37,
  CTAP2_ERR_REQUEST_TOO_LARGE: 0x39,
  CTAP2_ERR_ACTION_TIMEOUT: 0x3a,
  CTAP2_ERR_UP_REQUIRED: 0x3b,
  CTAP2_ERR_UV_BLOCKED: 0x3c,
  CTAP2_ERR_INTEGRITY_FAILURE: 0x3d,
  CTAP2_ERR_INVALID_SUBCOMMAND: 0x3e,
  CTAP2_ERR_UV_INVALID: 0x3f,
  CTAP2_ERR_UNAUTHORIZED_PERMISSION: 0x40,
  CTAP1_ERR_OTHER: 0x7f,
  CTAP2_ERR_SPEC_LAST: 0xdf,
} as const;
export type CtapStatusName = keyof typeof CtapStatus;

const statusNames = new Map<number, CtapStatusName>(
  (Object.entries(CtapStatus) as [CtapStatusName, number][]).map(([name, code]) => [code, name]),
);

/**
 * The spec name of a status byte. Ranges without a single name (extension 0xE0–0xEF, vendor
 * 0xF0–0xFF) and codes this table does not know get a descriptive name with the hex value.
 */
export function ctapStatusName(code: number): string {
  const known = statusNames.get(code);
  if (known) return known;
  const hex = `0x${code.toString(16).padStart(2, '0').toUpperCase()}`;
  if (code >= 0xe0 && code <= 0xef) return `CTAP2_ERR_EXTENSION_${hex}`;
  if (code >= 0xf0 && code <= 0xff) return `CTAP2_ERR_VENDOR_${hex}`;
  return `CTAP_UNKNOWN_STATUS_${hex}`;
}

/** authenticatorClientPIN subCommand values (CTAP 2.1 §6.5.5). */
export const ClientPinSubCmd = {
  GET_PIN_RETRIES: 0x01,
  GET_KEY_AGREEMENT: 0x02,
  SET_PIN: 0x03,
  CHANGE_PIN: 0x04,
  GET_PIN_TOKEN: 0x05,
  GET_PIN_UV_AUTH_TOKEN_USING_UV_WITH_PERMISSIONS: 0x06,
  GET_UV_RETRIES: 0x07,
  GET_PIN_UV_AUTH_TOKEN_USING_PIN_WITH_PERMISSIONS: 0x09,
} as const;

/** authenticatorClientPIN request map keys (CTAP 2.1 §6.5.5). */
export const ClientPinParam = {
  PIN_UV_AUTH_PROTOCOL: 0x01,
  SUB_COMMAND: 0x02,
  KEY_AGREEMENT: 0x03,
  PIN_UV_AUTH_PARAM: 0x04,
  NEW_PIN_ENC: 0x05,
  PIN_HASH_ENC: 0x06,
  PERMISSIONS: 0x09,
  RP_ID: 0x0a,
} as const;

/** authenticatorClientPIN response map keys (CTAP 2.1 §6.5.5). */
export const ClientPinResult = {
  KEY_AGREEMENT: 0x01,
  PIN_UV_AUTH_TOKEN: 0x02,
  PIN_RETRIES: 0x03,
  POWER_CYCLE_STATE: 0x04,
  UV_RETRIES: 0x05,
} as const;

/** pinUvAuthToken permission bits (CTAP 2.1 §6.5.5.7). */
export const PinUvPermission = {
  MAKE_CREDENTIAL: 0x01,
  GET_ASSERTION: 0x02,
  CREDENTIAL_MANAGEMENT: 0x04,
  BIO_ENROLLMENT: 0x08,
  LARGE_BLOB_WRITE: 0x10,
  AUTHENTICATOR_CONFIG: 0x20,
} as const;

/** authenticatorMakeCredential request keys (CTAP 2.1 §6.1). */
export const MakeCredentialParam = {
  CLIENT_DATA_HASH: 0x01,
  RP: 0x02,
  USER: 0x03,
  PUB_KEY_CRED_PARAMS: 0x04,
  EXCLUDE_LIST: 0x05,
  EXTENSIONS: 0x06,
  OPTIONS: 0x07,
  PIN_UV_AUTH_PARAM: 0x08,
  PIN_UV_AUTH_PROTOCOL: 0x09,
  ENTERPRISE_ATTESTATION: 0x0a,
} as const;

/** authenticatorMakeCredential response keys (CTAP 2.1 §6.1). */
export const MakeCredentialResult = {
  FMT: 0x01,
  AUTH_DATA: 0x02,
  ATT_STMT: 0x03,
  EP_ATT: 0x04,
  LARGE_BLOB_KEY: 0x05,
} as const;

/** authenticatorGetAssertion request keys (CTAP 2.1 §6.2). */
export const GetAssertionParam = {
  RP_ID: 0x01,
  CLIENT_DATA_HASH: 0x02,
  ALLOW_LIST: 0x03,
  EXTENSIONS: 0x04,
  OPTIONS: 0x05,
  PIN_UV_AUTH_PARAM: 0x06,
  PIN_UV_AUTH_PROTOCOL: 0x07,
} as const;

/** authenticatorGetAssertion / GetNextAssertion response keys (CTAP 2.1 §6.2). */
export const GetAssertionResult = {
  CREDENTIAL: 0x01,
  AUTH_DATA: 0x02,
  SIGNATURE: 0x03,
  USER: 0x04,
  NUMBER_OF_CREDENTIALS: 0x05,
  USER_SELECTED: 0x06,
  LARGE_BLOB_KEY: 0x07,
} as const;

/** authenticatorGetInfo response keys (CTAP 2.1 §6.4). */
export const GetInfoResult = {
  VERSIONS: 0x01,
  EXTENSIONS: 0x02,
  AAGUID: 0x03,
  OPTIONS: 0x04,
  MAX_MSG_SIZE: 0x05,
  PIN_UV_AUTH_PROTOCOLS: 0x06,
  MAX_CREDENTIAL_COUNT_IN_LIST: 0x07,
  MAX_CREDENTIAL_ID_LENGTH: 0x08,
  TRANSPORTS: 0x09,
  ALGORITHMS: 0x0a,
  MAX_SERIALIZED_LARGE_BLOB_ARRAY: 0x0b,
  FORCE_PIN_CHANGE: 0x0c,
  MIN_PIN_LENGTH: 0x0d,
  FIRMWARE_VERSION: 0x0e,
  MAX_CRED_BLOB_LENGTH: 0x0f,
  MAX_RPIDS_FOR_SET_MIN_PIN_LENGTH: 0x10,
  PREFERRED_PLATFORM_UV_ATTEMPTS: 0x11,
  UV_MODALITY: 0x12,
  CERTIFICATIONS: 0x13,
  REMAINING_DISCOVERABLE_CREDENTIALS: 0x14,
  VENDOR_PROTOTYPE_CONFIG_COMMANDS: 0x15,
} as const;

/** authenticatorCredentialManagement subCommand values (CTAP 2.1 §6.8). */
export const CredMgmtSubCmd = {
  GET_CREDS_METADATA: 0x01,
  ENUMERATE_RPS_BEGIN: 0x02,
  ENUMERATE_RPS_GET_NEXT_RP: 0x03,
  ENUMERATE_CREDENTIALS_BEGIN: 0x04,
  ENUMERATE_CREDENTIALS_GET_NEXT_CREDENTIAL: 0x05,
  DELETE_CREDENTIAL: 0x06,
  UPDATE_USER_INFORMATION: 0x07,
} as const;

/** authenticatorCredentialManagement request keys (CTAP 2.1 §6.8). */
export const CredMgmtParam = {
  SUB_COMMAND: 0x01,
  SUB_COMMAND_PARAMS: 0x02,
  PIN_UV_AUTH_PROTOCOL: 0x03,
  PIN_UV_AUTH_PARAM: 0x04,
} as const;

/** authenticatorCredentialManagement subCommandParams keys (CTAP 2.1 §6.8). */
export const CredMgmtSubParam = {
  RP_ID_HASH: 0x01,
  CREDENTIAL_ID: 0x02,
  USER: 0x03,
} as const;

/** authenticatorCredentialManagement response keys (CTAP 2.1 §6.8). */
export const CredMgmtResult = {
  EXISTING_RESIDENT_CREDENTIALS_COUNT: 0x01,
  MAX_POSSIBLE_REMAINING_RESIDENT_CREDENTIALS_COUNT: 0x02,
  RP: 0x03,
  RP_ID_HASH: 0x04,
  TOTAL_RPS: 0x05,
  USER: 0x06,
  CREDENTIAL_ID: 0x07,
  PUBLIC_KEY: 0x08,
  TOTAL_CREDENTIALS: 0x09,
  CRED_PROTECT: 0x0a,
  LARGE_BLOB_KEY: 0x0b,
} as const;

/** authenticatorConfig subCommand values (CTAP 2.1 §6.11). */
export const ConfigSubCmd = {
  ENABLE_ENTERPRISE_ATTESTATION: 0x01,
  TOGGLE_ALWAYS_UV: 0x02,
  SET_MIN_PIN_LENGTH: 0x03,
  VENDOR_PROTOTYPE: 0xff,
} as const;

/** authenticatorConfig request keys (CTAP 2.1 §6.11). */
export const ConfigParam = {
  SUB_COMMAND: 0x01,
  SUB_COMMAND_PARAMS: 0x02,
  PIN_UV_AUTH_PROTOCOL: 0x03,
  PIN_UV_AUTH_PARAM: 0x04,
} as const;

/** setMinPINLength subCommandParams keys (CTAP 2.1 §6.11.4). */
export const SetMinPinLengthParam = {
  NEW_MIN_PIN_LENGTH: 0x01,
  MIN_PIN_LENGTH_RPIDS: 0x02,
  FORCE_CHANGE_PIN: 0x03,
} as const;

/** Authenticator data flags (WebAuthn Level 3 §6.1). */
export const AuthDataFlag = {
  UP: 0x01,
  UV: 0x04,
  BE: 0x08,
  BS: 0x10,
  AT: 0x40,
  ED: 0x80,
} as const;

/** COSE algorithm identifiers used here (IANA COSE Algorithms registry). */
export const CoseAlg = {
  ES256: -7,
  EdDSA: -8,
  ECDH_ES_HKDF_256: -25,
} as const;

/** credProtect extension levels (CTAP 2.1 §12.1). */
export const CredProtect = {
  USER_VERIFICATION_OPTIONAL: 1,
  USER_VERIFICATION_OPTIONAL_WITH_CREDENTIAL_ID_LIST: 2,
  USER_VERIFICATION_REQUIRED: 3,
} as const;

/** ISO 7816-4 / CTAP NFC constants (CTAP 2.1 §11.3). */
export const Iso7816 = {
  FIDO_AID: Uint8Array.of(0xa0, 0x00, 0x00, 0x06, 0x47, 0x2f, 0x00, 0x01),
  CLA_ISO: 0x00,
  CLA_PROPRIETARY: 0x80,
  CLA_CHAINING: 0x10,
  INS_SELECT: 0xa4,
  INS_NFCCTAP_MSG: 0x10,
  INS_NFCCTAP_GETRESPONSE: 0x11,
  INS_GET_RESPONSE: 0xc0,
  /** PC/SC part 3 GET DATA pseudo-APDU: FF CA 00 00 00 returns the card UID. */
  CLA_PCSC_PSEUDO: 0xff,
  INS_GET_DATA: 0xca,
  /** NFCCTAP_MSG P1 bit: the client supports NFCCTAP_GETRESPONSE (status-update polling). */
  P1_GETRESPONSE_SUPPORTED: 0x80,
} as const;

/** ISO 7816-4 status words (SW1SW2) used on the FIDO applet. */
export const Sw = {
  SUCCESS: 0x9000,
  STATUS_UPDATE: 0x9100,
  MORE_DATA: 0x6100,
  WRONG_LENGTH: 0x6700,
  CONDITIONS_NOT_SATISFIED: 0x6985,
  WRONG_DATA: 0x6a80,
  FILE_NOT_FOUND: 0x6a82,
  INCORRECT_P1P2: 0x6a86,
  INS_NOT_SUPPORTED: 0x6d00,
  CLA_NOT_SUPPORTED: 0x6e00,
  NO_PRECISE_DIAGNOSIS: 0x6f00,
} as const;
