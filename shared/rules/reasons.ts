/**
 * Why the rules refuse an order or keep a lever closed: a stable key with its values, and the rules' own
 * English sentence. Interfaces say it in their language from the key and values (as they do for events); logs,
 * the command lines and the API keep the English text.
 */

/** Every reason the rules give, with the values each one carries. */
export interface ReasonParams {
  usFrontierOnly: Record<string, never>;
  chinaBoycott: Record<string, never>;
  frontierBanned: Record<string, never>;
  exportGradeBanned: Record<string, never>;
  chipsOnOffer: { chipType: string; max: number; asked: number };
  smugglingCap: { max: number; asked: number };
  smugglingPointless: Record<string, never>;
  leaseHeld: { host: string; held: number };
  leaseCommitted: { host: string; label: string };
  remoteAccessRule: { host: string };
  hostFull: { host: string; free: number };
  reformComplete: Record<string, never>;
  controlsInForce: { level: string };
  billPending: { turns: number };
  tensionTooHigh: Record<string, never>;
  subsidyMax: { percent: number };
  subsidyInForce: Record<string, never>;
  noMoney: Record<string, never>;
  matchOver: Record<string, never>;
  noSuchLever: { type: string };
  duplicate: { type: string };
  overBudget: { cost: number; money: number };
}

export type ReasonKey = keyof ReasonParams;

export interface Reason<K extends ReasonKey = ReasonKey> {
  key: K;
  params: ReasonParams[K];
  /** The rules' English sentence (no capital, no full stop: it is often part of a longer message). */
  text: string;
}

/** A reason with its values and English text. */
export function because<K extends ReasonKey>(key: K, params: ReasonParams[K], text: string): Reason<K> {
  return { key, params, text };
}
