// A background job on a timer, shared by the mission expiry, the work auto-approval and the
// payments job. Runs never overlap (runOnce() and the timer share one queue); a first run at start
// catches up on what fell due while nothing was running; a failed run is reported and the next
// tick tries again.
export type PeriodicJob<T> = {
  /** Stops the timer and waits for the run in progress. */
  stop(): Promise<void>;
  /** Runs now (after the run in progress, if any). */
  runOnce(): Promise<T>;
};

export function startPeriodicJob<T>(job: {
  run: () => Promise<T>;
  intervalMs: number;
  /** false: no timer, runs only through runOnce() (tests). */
  poll?: boolean;
  onResult: (result: T) => void;
  onError: (error: unknown) => void;
}): PeriodicJob<T> {
  let queue: Promise<unknown> = Promise.resolve();
  const runOnce = (): Promise<T> => {
    const next = queue.then(job.run);
    queue = next.catch(() => undefined);
    return next;
  };
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  async function tick() {
    try {
      job.onResult(await runOnce());
    } catch (error) {
      job.onError(error);
    }
    if (!stopped) timer = setTimeout(() => void tick(), job.intervalMs);
  }
  if (job.poll !== false) timer = setTimeout(() => void tick(), 0);
  return {
    runOnce,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await queue;
    },
  };
}
