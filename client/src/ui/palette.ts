/** Okabe-Ito colours: distinguishable with the common forms of colour blindness. */
export const PALETTE = {
  us: "#0072B2",
  china: "#D55E00",
  host: "#009E73",
  neutral: "#555555",
  accent: "#E69F00",
  land: "#d9d4c7",
  water: "#eef3f7",
} as const;

export function hexToNumber(hex: string): number {
  return Number.parseInt(hex.slice(1), 16);
}
