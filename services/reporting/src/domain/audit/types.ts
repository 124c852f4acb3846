/**
 * The parts of a Keyward CloudEvent the reporting domain reads. It is structurally the envelope
 * from @keyward/contracts (`KeywardEventEnvelope`), kept minimal here so the pure domain does not
 * depend on every event's data schema.
 */
export interface ReportedEvent {
  id: string;
  type: string;
  source: string;
  subject?: string | undefined;
  time: string;
  actor: string;
  data?: unknown;
}

/** The event-derived content of an audit record: everything the chain hash covers. */
export interface AuditContent {
  eventId: string;
  type: string;
  source: string;
  subject: string | null;
  /** Event time (from the producer), millisecond precision. */
  time: Date;
  actor: string;
  /** Event data after secret redaction, as canonical JSON (exact round trip through any store). */
  dataJson: string;
  /** Derived for queries; null when the event does not name one. */
  serial: string | null;
  user: string | null;
  gatewayId: string | null;
  /** Chain partition: the event's domain (`keyward.device.configured` → `device`). */
  partition: string;
  /** JetStream stream sequence of the message that first delivered the event. */
  streamSeq: number;
  /**
   * The bus identity whose verified signature the event carried (service-kit eventSignature);
   * null only for records stored before events were signed.
   */
  signer?: string | null | undefined;
}

/** A record's position in its partition's chain. Index 1 is the first record after genesis. */
export interface ChainLink {
  index: number;
  prevHash: string;
  hash: string;
}

export interface AuditRecord extends AuditContent {
  chain?: ChainLink | undefined;
}

/** The head of one partition's chain: the last linked record (or genesis at index 0). */
export interface ChainHead {
  partition: string;
  index: number;
  hash: string;
  /** Event id of the record at `index` (null at genesis). */
  eventId: string | null;
}

/** Where verification starts: genesis, or the last record removed by the retention purge. */
export interface ChainAnchor {
  index: number;
  hash: string;
}

/** SHA-256 of nothing in particular: the previous-hash of the first record of every partition. */
export const GENESIS_HASH = '0'.repeat(64);
