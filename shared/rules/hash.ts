/**
 * A fingerprint of a state: its JSON text hashed with 53-bit cyrb53. The engine builds every object of the
 * state in one fixed key order (and JSON keeps that order through a round trip), so the plain JSON text is
 * already canonical; sorting keys cost three times as much and bought nothing. The tests check that states
 * reached by different paths (replay, JSON round trip, restore) hash alike.
 */

function cyrb53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, "0");
}

/** The same state (also after a JSON round trip) always gives the same hash; any change to a value changes it. */
export function hashState(state: unknown): string {
  return cyrb53(JSON.stringify(state));
}
