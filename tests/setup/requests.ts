import { startSession } from "#app/auth/session.server";
import { commitCsrfToken } from "#app/lib/csrf.server";

const origin = "http://localhost:3000";

/** "name=value" from a Set-Cookie header, ready for a Cookie header. */
export function cookiePair(setCookie: string): string {
  return setCookie.split(";")[0]!;
}

async function csrfPair() {
  const [token, setCookie] = await commitCsrfToken(new Request(origin));
  return { token, cookie: cookiePair(setCookie!) };
}

type RequestOptions = { userId?: string; cookies?: string[]; headers?: Record<string, string> };

async function cookieHeader(options: RequestOptions, extra: string[] = []) {
  const cookies = [...(options.cookies ?? []), ...extra];
  if (options.userId) cookies.push(cookiePair(await startSession(options.userId)));
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
