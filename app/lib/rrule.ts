// One import point for the `rrule` package. Its Node entry is CommonJS (the ESM build is for
// bundlers only), so under plain Node ESM — the Remix server build, tsx for `npm start`, the seed
// and the worker — the named exports are not detected and only `default` exists.
import * as rruleModule from "rrule";

const rrule = ((rruleModule as { default?: typeof rruleModule }).default ?? rruleModule) as typeof rruleModule;

export const RRule = rrule.RRule;
export type RRule = rruleModule.RRule;
export const rrulestr = rrule.rrulestr;
export type Weekday = rruleModule.Weekday;
