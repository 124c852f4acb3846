import { dirname } from 'node:path';
import {
  type BusCredentials,
  type BusRoster,
  type RosterEntry,
  readCredentials,
  readRoster,
  rosterFile,
} from '@keyward/bus-identity';
import type { NatsConnection } from '@nats-io/nats-core';
import { fromPublic, fromSeed, type KeyPair } from '@nats-io/nkeys';

/**
 * The identity a connection was opened with and the roster it trusts. connectNats registers it;
 * request signing, request verification and event signatures read it, so a connection proves
 * who it is without every caller passing credentials around.
 */
export interface BusContext {
  identity: Omit<BusCredentials, 'seed'>;
  /** Signs with the identity's nkey (Ed25519). */
  sign(data: Uint8Array): Uint8Array;
  /** The roster entry with this name, or undefined. */
  lookup(name: string): RosterEntry | undefined;
  /** The roster entry with this public key, or undefined. */
  lookupKey(publicKey: string): RosterEntry | undefined;
  /** Does `signature` over `data` verify with that entry's public key? */
  verify(entry: RosterEntry, data: Uint8Array, signature: Uint8Array): boolean;
  publicKey: string;
}

const contexts = new WeakMap<NatsConnection, BusContext>();

/** Builds the context of credentials and a roster (the roster file beside the credentials). */
export function createBusContext(credentials: BusCredentials, roster: BusRoster): BusContext {
  const { seed, ...identity } = credentials;
  const pair: KeyPair = fromSeed(new TextEncoder().encode(seed));
  const byName = new Map(roster.map((e) => [e.name, e]));
  const byKey = new Map(roster.map((e) => [e.publicKey, e]));
  const verifiers = new Map<string, KeyPair>();
  return {
    identity,
    publicKey: pair.getPublicKey(),
    sign: (data) => pair.sign(data),
    lookup: (name) => byName.get(name),
    lookupKey: (key) => byKey.get(key),
    verify(entry, data, signature) {
      let verifier = verifiers.get(entry.publicKey);
      if (!verifier) {
        verifier = fromPublic(entry.publicKey);
        verifiers.set(entry.publicKey, verifier);
      }
      try {
        return verifier.verify(data, signature);
      } catch {
        return false;
      }
    },
  };
}

/** Reads the roster that sits beside a credentials file (bus-identity's layout). */
export function rosterBeside(credentialsFile: string): BusRoster {
  return readRoster(rosterFile(dirname(credentialsFile)));
}

export function registerBusContext(nc: NatsConnection, context: BusContext): void {
  contexts.set(nc, context);
}

/** The context of a connection opened by connectNats; throws for any other connection. */
export function busContextOf(nc: NatsConnection): BusContext {
  const context = contexts.get(nc);
  if (!context) {
    throw new TypeError(
      'this NATS connection has no bus identity: open it with connectNats (or registerBusContext)',
    );
  }
  return context;
}

/**
 * Gives a connection opened elsewhere (tests, tools using `connect()` directly) the identity of
 * the credentials it was opened with, as connectNats does.
 */
export function attachBusIdentity(nc: NatsConnection, credentialsFile: string): NatsConnection {
  registerBusContext(
    nc,
    createBusContext(readCredentials(credentialsFile), rosterBeside(credentialsFile)),
  );
  return nc;
}
