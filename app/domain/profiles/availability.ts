// Weekly availability written the French way ("lundi : 9 h – 12 h"). Pure and client-safe.
import { formatHour } from "#app/lib/dates";
import type { AvailabilityWindow } from "./profile-columns";
import { weekdayLabels } from "./taxonomy";


/** One line per day that has windows, Monday first: "lundi : 9 h – 12 h, 14 h – 18 h". */
export function formatWeeklyAvailability(windows: readonly AvailabilityWindow[]): string[] {
  return weekdayLabels.flatMap((label, index) => {
    const day = windows
      .filter((w) => w.day === index + 1)
      .sort((a, b) => a.start.localeCompare(b.start))
      .map((w) => `${formatHour(w.start)} – ${formatHour(w.end)}`);
    return day.length ? [`${label} : ${day.join(", ")}`] : [];
  });
}
