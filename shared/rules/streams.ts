/**
 * Where the rules' chance comes from. Every subsystem draws from a stream of its own, made afresh for each turn,
 * so that an order in one subsystem never changes the luck of another (one extra US project no longer changes
 * which event card comes up).
 *
 * Two kinds of streams:
 * - **public** streams grow from the match's shareable seed. Only the event deck draws from them, and only
 *   through public facts, so every room given one seed sees the same cards whatever its players order (unless
 *   an order changes a card's odds directly, like the export-control level for the export-pause card).
 * - **secret** streams grow from the match's secret: 128 random bits that the server makes with a CSPRNG, keeps
 *   with the match and never sends to a player. Whatever hides a value from a side draws from one: intelligence
 *   noise, detections, each side's project luck, smuggling, the reform vote, hosts applying the US rule, the
 *   bots. Each (stream, turn) gets its own 128-bit generator state from SHA-256 of the secret, the stream and
 *   the turn, so working out one turn's noise (at the start, where the truth is public) tells nothing about any
 *   other stream or turn, and the seed tells nothing about the secret.
 */
import { sha256 } from "@noble/hashes/sha2.js";
import { DiceBase, seedRng, Dice } from "./rng.ts";

export const SECRET_STREAMS = [
  "intel.us",
  "intel.china",
  "projects.us",
  "projects.china",
  "smuggling",
  "reform",
  "hosts",
  "detections",
  "bots.us",
  "bots.china",
  "diplomacy.us",
  "diplomacy.china",
] as const;
export type SecretStream = (typeof SECRET_STREAMS)[number];

export const PUBLIC_STREAMS = ["events"] as const;
export type PublicStream = (typeof PUBLIC_STREAMS)[number];

/** A match secret: 32 hexadecimal digits (128 bits). */
export const SECRET_PATTERN = /^[0-9a-f]{32,64}$/;

/**
 * The secret of a match played offline (the sim, the balance lab, tests), where nobody hides anything from
 * anybody: it follows from the seed. A server never uses it; it makes each match's secret with a CSPRNG.
 */
export function offlineSecret(seed: number): string {
  const text = `compute-frontier offline secret ${Math.trunc(seed)}`;
  const bytes = sha256(Uint8Array.from(text, (ch) => ch.charCodeAt(0)));
  return toHex(bytes.subarray(0, 16));
}

function toHex(bytes: Uint8Array): string {
  let out = "";
  for (const b of bytes) out += b.toString(16).padStart(2, "0");
  return out;
}

/** Small fast generator with a 128-bit state (sfc32, public domain), seeded from a hash. */
export class StreamDice extends DiceBase {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(words: Uint32Array) {
    super();
    this.a = words[0]! | 0;
    this.b = words[1]! | 0;
    this.c = words[2]! | 0;
    this.d = words[3]! | 0;
    // Discard the first outputs, which carry the seed's structure most directly.
    for (let i = 0; i < 12; i++) this.uniform();
  }

  uniform(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }
}

const input = new Uint8Array(32 + 1 + 4);
const inputView = new DataView(input.buffer);

/**
 * The generator of one secret stream in one turn. Pure: the same secret, stream and turn always give the same
 * draws, and nothing else does.
 */
export function secretDice(secret: string, stream: SecretStream, turn: number): StreamDice {
  input.fill(0);
  for (let i = 0; i < secret.length / 2 && i < 32; i++)
    input[i] = parseInt(secret.slice(2 * i, 2 * i + 2), 16);
  input[32] = SECRET_STREAMS.indexOf(stream) + 1;
  inputView.setUint32(33, turn >>> 0);
  const digest = sha256(input);
  return new StreamDice(new Uint32Array(digest.buffer, digest.byteOffset, 4));
}

/** The generator of one public stream in one turn: it follows from the shareable seed alone. */
export function publicDice(seed: number, stream: PublicStream, turn: number): Dice {
  const streamSalt = (PUBLIC_STREAMS.indexOf(stream) + 1) * 0x27d4eb2f;
  return new Dice(seedRng((seedRng(seed) ^ streamSalt ^ Math.imul(turn + 1, 0x165667b1)) >>> 0));
}
