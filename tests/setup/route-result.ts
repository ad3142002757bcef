import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";

export type RouteResult = {
  status: number;
  headers: Headers;
  /** The loader/action data (for a thrown or returned Response, its parsed JSON body if any). */
  data: any;
  /** Location of a redirect, if any. */
  location: string | null;
};

type RouteFunction = (args: LoaderFunctionArgs | ActionFunctionArgs) => unknown;

/**
 * Calls a real loader or action the way Remix does and normalizes whatever it returns or throws
 * (plain data, `data()` with a status, a Response, a redirect) into one shape tests can assert on.
 */
export async function runRoute(
  fn: RouteFunction,
  request: Request,
  params: Record<string, string> = {},
  context: { clientIp: string; requestId: string; cspNonce?: string } = { clientIp: "127.0.0.1", requestId: "test" },
): Promise<RouteResult> {
  try {
    return await normalize(await fn({ request, params, context: { cspNonce: "test", ...context } }));
  } catch (thrown) {
    if (thrown instanceof Response || isDataWithInit(thrown)) return normalize(thrown);
    throw thrown;
  }
}

function isDataWithInit(value: unknown): value is { data: unknown; init: ResponseInit | null } {
  return typeof value === "object" && value !== null && (value as { type?: string }).type === "DataWithResponseInit";
}

async function normalize(value: unknown): Promise<RouteResult> {
  if (value instanceof Response) {
    const text = await value.text();
    let data: unknown = text;
    try {
      data = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: value.status, headers: value.headers, data, location: value.headers.get("Location") };
  }
  if (isDataWithInit(value)) {
    const headers = new Headers(value.init?.headers);
    return { status: value.init?.status ?? 200, headers, data: value.data, location: headers.get("Location") };
  }
  return { status: 200, headers: new Headers(), data: value, location: null };
}
