// Every write to Meilisearch is an asynchronous task: the HTTP call only says "enqueued". A task
// that later fails does not throw anywhere by itself, so each one is awaited and its final status
// checked here. Any failure to talk to Meilisearch becomes a SearchUnavailableError, which tells
// the outbox to keep the change and retry.
import {
  MeilisearchApiError,
  MeilisearchRequestError,
  MeilisearchTaskTimeOutError,
  type EnqueuedTaskPromise,
  type Task,
  type WaitOptions,
} from "meilisearch";
import { SearchUnavailableError } from "../engine";

/** The Meilisearch error code carried by an API error, if any ("index_not_found"…). */
export function errorCode(error: unknown): string | undefined {
  return error instanceof MeilisearchApiError ? error.cause?.code : undefined;
}

export function toUnavailable(error: unknown, action: string): SearchUnavailableError {
  if (error instanceof SearchUnavailableError) return error;
  let reason: string;
  if (error instanceof MeilisearchRequestError) {
    // The cause says why fetch failed: ECONNREFUSED, a timeout, a DNS error…
    const cause = error.cause as { message?: string; cause?: { code?: string } } | undefined;
    reason = `unreachable (${cause?.cause?.code ?? cause?.message ?? error.message})`;
  } else if (error instanceof MeilisearchApiError) {
    reason = `HTTP ${error.response.status}: ${error.message}${error.cause?.code ? ` [${error.cause.code}]` : ""}`;
  } else if (error instanceof MeilisearchTaskTimeOutError) {
    reason = `task ${error.cause.taskUid} still running after ${error.cause.timeout} ms`;
  } else {
    reason = error instanceof Error ? error.message : String(error);
  }
  return new SearchUnavailableError(`Meilisearch: ${action} failed: ${reason}`, { cause: error });
}

/** Runs one call to Meilisearch, turning any failure into a SearchUnavailableError. */
export async function guarded<T>(action: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toUnavailable(error, action);
  }
}

export class TaskFailedError extends SearchUnavailableError {
  constructor(
    readonly task: Task,
    action: string,
  ) {
    const error = task.error;
    const why = error ? `${error.message} [${error.code}]` : task.status;
    super(`Meilisearch: ${action} failed: task ${task.uid} (${task.type}) ${task.status}: ${why}`);
    this.name = "TaskFailedError";
  }
  get code(): string | undefined {
    return this.task.error?.code;
  }
}

/** Waits for a task (polling GET /tasks/:uid) and throws unless it succeeded. */
export async function checked(
  action: string,
  waitForTask: () => Promise<Task>,
  tolerated: readonly string[] = [],
): Promise<Task> {
  const task = await guarded(action, waitForTask);
  if (task.status === "succeeded") return task;
  // `tolerated`: error codes that mean the wanted state already holds (index_already_exists).
  if (task.error && tolerated.includes(task.error.code)) return task;
  throw new TaskFailedError(task, action);
}

/** Enqueues one task, waits for it and checks its final status. */
export function settle(
  action: string,
  enqueue: () => EnqueuedTaskPromise,
  wait: WaitOptions,
  tolerated: readonly string[] = [],
): Promise<Task> {
  return checked(action, () => enqueue().waitTask(wait), tolerated);
}
