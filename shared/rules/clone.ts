/** A deep copy of plain data (objects, arrays, primitives), as the match state is. */
export function clonePlain<T>(value: T): T {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(clonePlain) as T;
  const out: Record<string, unknown> = {};
  for (const key in value as Record<string, unknown>)
    out[key] = clonePlain((value as Record<string, unknown>)[key]);
  return out as T;
}
