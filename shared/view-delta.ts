/**
 * Views grow every turn (the history and the event log only ever get longer), so after the first full view a
 * client is sent only the new rows of those lists. The server trims with `trimView`; the client rebuilds the
 * whole view with `mergeView`. Used on both sides so that they cannot disagree about the format.
 */
export const GROWING_LISTS = ["history", "events", "ownHistory", "fullHistory"] as const;
export type GrowingList = (typeof GROWING_LISTS)[number];

/** How many items of each growing list the client already holds (absent lists count as 0). */
export type ListOffsets = Partial<Record<GrowingList, number>>;

type WithLists = { [K in GrowingList]?: readonly unknown[] };

/** The view with each growing list cut to the items from `sent` on, and the new offsets to remember. */
export function trimView<V extends object>(
  view: V,
  sent: ListOffsets,
): { view: V; from: ListOffsets; next: ListOffsets } {
  const out = { ...view } as V & WithLists;
  const from: ListOffsets = {};
  const next: ListOffsets = {};
  for (const key of GROWING_LISTS) {
    const list = (view as WithLists)[key];
    if (!list) continue;
    const start = Math.min(sent[key] ?? 0, list.length);
    (out as Record<string, unknown>)[key] = list.slice(start);
    from[key] = start;
    next[key] = list.length;
  }
  return { view: out, from, next };
}

/**
 * Rebuilds a full view from the previous one and a trimmed one. Throws if the offsets do not fit what the
 * client holds (the client then asks for a full view by rejoining).
 */
export function mergeView<V extends object>(previous: V | null, incoming: V, from: ListOffsets): V {
  const out = { ...incoming } as V & WithLists;
  for (const key of GROWING_LISTS) {
    const added = (incoming as WithLists)[key];
    if (!added) continue;
    const start = from[key] ?? 0;
    if (start === 0) continue;
    const held = (previous as WithLists | null)?.[key];
    if (!held || held.length < start)
      throw new Error(`view list ${key} starts at ${start} but only ${held?.length ?? 0} items are held`);
    (out as Record<string, unknown>)[key] = [...held.slice(0, start), ...added];
  }
  return out;
}
