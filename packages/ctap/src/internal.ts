/**
 * Building blocks shared with the software authenticator (@keyward/authenticator-sim): the
 * protocol constants, canonical CBOR, the checked byte cursor and the PIN/UV auth protocols.
 * Applications use the package entry point instead.
 */
export * from './byteReader.ts';
export * from './cbor.ts';
export * from './constants.ts';
export * from './pin/keyAgreement.ts';
export * from './pin/protocol.ts';
export * from './vendor/keywardSimProtocol.ts';
