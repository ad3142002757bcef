import { startSession } from "#app/auth/session.server";
import { commitCsrfToken } from "#app/lib/csrf.server";
import { db } from "#app/lib/db.server";

const origin = "http://localhost:3000";

/** "name=value" from a Set-Cookie header, ready for a Cookie header. */
export function cookiePair(setCookie: string): string {
  return setCookie.split(";")[0]!;
}

async function csrfPair() {
  const [token, setCookie] = await commitCsrfToken(new Request(origin));
  return { token, cookie: cookiePair(setCookie!) };
}

type RequestOptions = {
  userId?: string;
  cookies?: string[];
  headers?: Record<string, string>;
  /**
   * Whether the session already passed the staff TOTP second factor (default: yes, so staff routes
   * answer as they would after login; harmless for other users). `false` tests the gate itself.
   */
  secondFactor?: boolean;
};

/** A session cookie pair for `userId`, marked as past the second factor unless told otherwise. */
export async function sessionCookie(userId: string, { secondFactor = true } = {}): Promise<string> {
  const pair = cookiePair(await startSession(userId));
  if (secondFactor) {
    const sessionId = pair.slice(pair.indexOf("=") + 1);
    await db.session.update({
      where: { id: sessionId },
      data: { secondFactorAt: new Date() },
      select: { id: true },
    });
  }
  return pair;
}

async function cookieHeader(options: RequestOptions, extra: string[] = []) {
  const cookies = [...(options.cookies ?? []), ...extra];
  if (options.userId)
    cookies.push(await sessionCookie(options.userId, { secondFactor: options.secondFactor }));
  return cookies.join("; ");
}

/** A GET as a browser would send it, signed in as `userId` when given. */
export async function getRequest(path: string, options: RequestOptions = {}): Promise<Request> {
  return new Request(new URL(path, origin), {
    headers: { Cookie: await cookieHeader(options), ...options.headers },
  });
}

/**
 * A form POST with a valid CSRF token (unless `csrf: false`), as the browser sends it without
 * JavaScript. Arrays become repeated fields.
 */
export async function formRequest(
  path: string,
  fields: Record<string, string | string[] | undefined>,
  options: RequestOptions & { csrf?: boolean } = {},
): Promise<Request> {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) body.append(name, item);
  }
  const extra: string[] = [];
  if (options.csrf !== false) {
    const { token, cookie } = await csrfPair();
    body.set("csrf", token);
    extra.push(cookie);
  }
  return new Request(new URL(path, origin), {
    method: "POST",
    body,
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Cookie: await cookieHeader(options, extra),
      ...options.headers,
    },
  });
}
