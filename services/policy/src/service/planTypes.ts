import type { PlanReply, PlanRequest } from '@keyward/contracts';

/**
 * A plan request and reply as the use case sees them: the bus edge (bus/handlers.ts) opened
 * the sealed chosen PIN and seals the generated secrets again (ADR 0007).
 */
export type PlainPlanRequest = Omit<PlanRequest, 'chosenUserPin' | 'replyKey'> & {
  chosenUserPin?: string;
};

/** `unlockSecret` is base64 (32 bytes), as the key's vendor command takes it. */
export type PlainPlanReply = Omit<PlanReply, 'secrets'> & {
  secrets: { userPin?: string; adminPin?: string; unlockSecret?: string };
};
