// Weekly availability written the French way ("lundi : 9 h – 12 h"). Pure and client-safe.
import type { AvailabilityWindow } from "./profile-columns";
import { weekdayLabels } from "./taxonomy";

/** "09:00" → "9 h", "14:30" → "14 h 30". */
export function formatTime(time: string): string {
  const [hours = "0", minutes = "00"] = time.split(":");
  const h = String(Number(hours));
  return minutes === "00" ? `${h} h` : `${h} h ${minutes}`;
}

/** One line per day that has windows, Monday first: "lundi : 9 h – 12 h, 14 h – 18 h". */
export function formatWeeklyAvailability(windows: readonly AvailabilityWindow[]): string[] {
  return weekdayLabels.flatMap((label, index) => {
    const day = windows
      .filter((w) => w.day === index + 1)
      .sort((a, b) => a.start.localeCompare(b.start))
      .map((w) => `${formatTime(w.start)} – ${formatTime(w.end)}`);
    return day.length ? [`${label} : ${day.join(", ")}`] : [];
  });
}
