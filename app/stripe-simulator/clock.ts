// A controllable clock: real time plus an offset that tests (or staff in the demo) move forward.
// Work that Stripe does "later" (SEPA outcomes, fund availability, delayed deliveries) is scheduled
// on it and runs when the clock passes its time.
export type ScheduledTask = { at: number; seq: number; run: () => void };

export class SimClock {
  private offsetMs = 0;
  private tasks: ScheduledTask[] = [];
  private seq = 0;

  /** How far the simulator is ahead of the wall clock (kept across restarts by the embedded simulator). */
  get offset(): number {
    return this.offsetMs;
  }
  set offset(ms: number) {
    this.offsetMs = Math.max(0, ms);
  }

  now(): number {
    return Date.now() + this.offsetMs;
  }

  /** Unix seconds, as every Stripe timestamp. */
  seconds(): number {
    return Math.floor(this.now() / 1000);
  }

  schedule(at: number, run: () => void): void {
    this.tasks.push({ at, seq: this.seq++, run });
  }

  /** Moves time forward, without running anything: runDue() does. */
  shift(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new Error("Le temps du simulateur ne recule pas.");
    this.offsetMs += ms;
  }

  /** Runs every task due by now, in time order (tasks may schedule others). */
  runDue(): number {
    let ran = 0;
    for (;;) {
      const now = this.now();
      const due = this.tasks.filter((t) => t.at <= now).sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!due) return ran;
      this.tasks = this.tasks.filter((t) => t !== due);
      due.run();
      ran++;
    }
  }

  pendingTasks(): number {
    return this.tasks.length;
  }
}
