// Weekly availability as half-day slots that can be filtered and faceted: "1-MATIN" is Monday
// morning. A slot counts when her window covers at least half of it.
export const dayParts = {
  MATIN: { start: 8 * 60, end: 12 * 60, label: "matin" },
  APRES_MIDI: { start: 13 * 60, end: 18 * 60, label: "après-midi" },
  SOIR: { start: 18 * 60, end: 21 * 60, label: "soir" },
} as const;
export type DayPart = keyof typeof dayParts;

const minutes = (hhmm: string) => {
  const [h, m] = hhmm.split(":").map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

export function availabilitySlots(windows: { day: number; start: string; end: string }[]): string[] {
  const slots = new Set<string>();
  for (const w of windows) {
    const [start, end] = [minutes(w.start), minutes(w.end)];
    for (const [part, range] of Object.entries(dayParts)) {
      const overlap = Math.min(end, range.end) - Math.max(start, range.start);
      if (overlap * 2 >= range.end - range.start) slots.add(`${w.day}-${part}`);
    }
  }
  return [...slots].sort();
}
