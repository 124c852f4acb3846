/** What every command handler receives: the key's state, its runtime, and the outside world. */
import type { CborMap } from '@keyward/ctap/internal';
import type { Clock } from './clock.ts';
import type { PresenceOutcome } from './presence.ts';
import type { Profile } from './profiles.ts';
import type { Runtime } from './runtime.ts';
import type { AttestationMaterial, AuthenticatorState } from './state.ts';

export type AuthenticatorEvent =
  | { type: 'upNeeded'; command: string }
  | { type: 'upResolved'; outcome: PresenceOutcome }
  | { type: 'command'; command: string; status: number }
  | { type: 'powerCycle' }
  | { type: 'reset' }
  | { type: 'wink' };

export type CommandContext = {
  state: AuthenticatorState;
  runtime: Runtime;
  profile: Profile;
  clock: Clock;
  /** Asks the user to touch the key (keepalive UPNEEDED is sent while waiting). */
  requestPresence(): Promise<PresenceOutcome>;
  attestation(): Promise<AttestationMaterial>;
};

/** A command handler: decoded request map (empty map if there was no body) → response map. */
export type CommandHandler = (ctx: CommandContext, params: CborMap) => Promise<CborMap | undefined>;
