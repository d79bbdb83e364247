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
 *   bots. Each (stream, turn) gets its own 128-bit generator state from the ChaCha20 keystream (a
 *   cryptographic stream cipher used as a random generator) keyed by SHA-256 of the secret, with the turn as
 *   the nonce: 16 bytes for each stream. So working out one turn's noise (at the start, where the truth is
 *   public) tells nothing about any other stream or turn, and the seed tells nothing about the secret.
 */
import { chacha20 } from "@noble/ciphers/chacha.js";
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

function hexValue(code: number): number {
  return code <= 57 ? code - 48 : code - 87;
}

/** The ChaCha20 key of a secret: SHA-256 of its bytes (the last secret's key is kept: a match asks often). */
let lastSecret = "";
let lastKey: Uint8Array = new Uint8Array(32);
function keyOf(secret: string): Uint8Array {
  if (secret !== lastSecret) {
    const bytes = new Uint8Array(secret.length >> 1);
    for (let i = 0; i < bytes.length; i++)
      bytes[i] = (hexValue(secret.charCodeAt(2 * i)) << 4) | hexValue(secret.charCodeAt(2 * i + 1));
    lastKey = sha256(bytes);
    lastSecret = secret;
  }
  return lastKey;
}

const nonce = new Uint8Array(12);
const nonceView = new DataView(nonce.buffer);
const zeros = new Uint8Array(SECRET_STREAMS.length * 16);

/** The generator states of every secret stream in one turn: the turn's ChaCha20 keystream, 16 bytes a stream. */
function turnWords(secret: string, turn: number): Uint32Array {
  nonceView.setUint32(0, turn >>> 0, true);
  const stream = chacha20(keyOf(secret), nonce, zeros);
  return new Uint32Array(stream.buffer, stream.byteOffset, stream.length >> 2);
}

/** The turns derived most recently (views, bots and a resolution ask in turn). A cache of a pure function. */
const recent = new Map<string, Uint32Array>();
const RECENT_MAX = 64;

/**
 * The generator of one secret stream in one turn. Pure: the same secret, stream and turn always give the same
 * draws, and nothing else does.
 */
export function secretDice(secret: string, stream: SecretStream, turn: number): StreamDice {
  const key = `${secret}:${turn}`;
  let words = recent.get(key);
  if (!words) {
    words = turnWords(secret, turn);
    if (recent.size >= RECENT_MAX) recent.delete(recent.keys().next().value as string);
    recent.set(key, words);
  }
  const at = SECRET_STREAMS.indexOf(stream) * 4;
  return new StreamDice(words.subarray(at, at + 4));
}

/** The generator of one public stream in one turn: it follows from the shareable seed alone. */
export function publicDice(seed: number, stream: PublicStream, turn: number): Dice {
  const streamSalt = (PUBLIC_STREAMS.indexOf(stream) + 1) * 0x27d4eb2f;
  return new Dice(seedRng((seedRng(seed) ^ streamSalt ^ Math.imul(turn + 1, 0x165667b1)) >>> 0));
}
