// What every builder shares: the seeded random stream, the reference date, and the slugs and
// e-mails already taken (so generated ones never collide with each other or the demo accounts).
import { slugify } from "#app/lib/slug";
import type { Place } from "./places";
import type { Random } from "./random";

export const DEMO_DOMAIN = "demo.permanence.fr";

export type SeedContext = {
  random: Random;
  now: Date;
  slugs: Set<string>;
  emails: Set<string>;
  nextPlace: () => Place;
  /** Reviews profiles in the generated history. */
  moderatorId: string;
};

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const addHours = (date: Date, hours: number) => new Date(date.getTime() + hours * HOUR);
export const addDays = (date: Date, days: number) => new Date(date.getTime() + days * DAY);

/** Midnight UTC of the day `days` away from `now`: availability dates are calendar days. */
export function dayFrom(now: Date, days: number): Date {
  const date = addDays(now, days);
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

/** `name-xxxxx`, like uniqueSlug, but drawn from the seeded stream and checked against taken ones. */
export function claimSlug(ctx: SeedContext, text: string, fixed?: string): string {
  if (fixed) {
    if (ctx.slugs.has(fixed)) throw new Error(`Slug déjà pris : ${fixed}`);
    ctx.slugs.add(fixed);
    return fixed;
  }
  const base = slugify(text) || "profil";
  for (;;) {
    const slug = `${base}-${ctx.random.suffix()}`;
    if (!ctx.slugs.has(slug)) {
      ctx.slugs.add(slug);
      return slug;
    }
  }
}

/** "camille.martin.k3f9@demo.permanence.fr", or the fixed address of a demo account. */
export function claimEmail(ctx: SeedContext, firstName: string, lastName: string, fixed?: string): string {
  if (fixed) {
    if (ctx.emails.has(fixed)) throw new Error(`Adresse déjà prise : ${fixed}`);
    ctx.emails.add(fixed);
    return fixed;
  }
  const local = `${slugify(firstName)}.${slugify(lastName)}`.replace(/-/g, "");
  for (;;) {
    const email = `${local}.${ctx.random.suffix(4)}@${DEMO_DOMAIN}`;
    if (!ctx.emails.has(email)) {
      ctx.emails.add(email);
      return email;
    }
  }
}
