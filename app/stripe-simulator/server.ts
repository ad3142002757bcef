import http from "node:http";
import { type AddressInfo } from "node:net";
import qs from "qs";
import { type Route, type SimCore, type SimRequest } from "./core";
import { StripeSimError, notImplemented, unauthenticated } from "./errors";
import { expandAll, publicJson } from "./expand";
import { type Form, optionalList } from "./form";
import { IdempotencyStore, fingerprint } from "./idempotency";
import { handlePage } from "./pages";
import { compileRoutes, matchRoute } from "./router";

type Reply = { status: number; body: unknown; headers?: Record<string, string> };

export function createHttpServer(core: SimCore, routes: Route[]): http.Server {
  const compiled = compileRoutes(routes);
  const idempotency = new IdempotencyStore(() => core.clock.now());
  return http.createServer((req, res) => {
    void serve(core, compiled, idempotency, req, res).catch((error: unknown) => {
      res.writeHead(500, { "content-type": "application/json" });
      res.end(publicJson({ error: { type: "api_error", message: String(error) } }));
    });
  });
}

async function serve(
  core: SimCore,
  routes: ReturnType<typeof compileRoutes>,
  idempotency: IdempotencyStore,
  req: http.IncomingMessage,
  res: http.ServerResponse,
) {
  const url = new URL(req.url ?? "/", core.baseUrl);
  const raw = await readBody(req);
  if (!url.pathname.startsWith("/v1/")) {
    if (req.method === "POST") core.revision++;
    if (await handlePage(core, { method: req.method ?? "GET", url, form: qs.parse(raw) }, res)) return;
    res
      .writeHead(404, { "content-type": "text/plain; charset=utf-8" })
      .end("Page inconnue du simulateur Stripe.");
    return;
  }
  const requestId = core.id("req");
  const reply = answerApi(core, routes, idempotency, req, url, raw, requestId);
  res.writeHead(reply.status, {
    "content-type": "application/json",
    "request-id": requestId,
    "stripe-version": String(req.headers["stripe-version"] ?? ""),
    // Simulated answers are final: the SDK must not retry them.
    "stripe-should-retry": "false",
    ...reply.headers,
  });
  res.end(publicJson(reply.body));
}

function answerApi(
  core: SimCore,
  routes: ReturnType<typeof compileRoutes>,
  idempotency: IdempotencyStore,
  req: http.IncomingMessage,
  url: URL,
  raw: string,
  requestId: string,
): Reply {
  const method = req.method ?? "GET";
  const form: Form =
    method === "POST"
      ? qs.parse(raw, { depth: 10, arrayLimit: 1000 })
      : qs.parse(url.search.slice(1), { depth: 10 });
  const account = header(req, "stripe-account");
  const key = header(req, "idempotency-key");
  const endpoint = `${method} ${url.pathname}`;
  try {
    if (!isTestKey(header(req, "authorization"))) throw unauthenticated();
    if (key && method === "POST") {
      const saved = idempotency.lookup(account ?? "platform", key, endpoint, fingerprint(form));
      if (saved)
        return { status: saved.status, body: saved.body, headers: { "idempotent-replayed": "true" } };
    }
    if (method !== "GET") core.revision++;
    // What came due meanwhile (SEPA outcomes, available funds) happens first, outside this request.
    core.clock.runDue();
    core.bus.currentRequest = { id: requestId, idempotency_key: key };
    const reply = run(core, routes, { method, path: url.pathname, params: { id: "" }, form, account });
    core.bus.currentRequest = null;
    if (key && method === "POST")
      idempotency.save(account ?? "platform", key, { endpoint, fingerprint: fingerprint(form), ...reply });
    return reply;
  } catch (error) {
    return errorReply(error);
  }
}

function run(core: SimCore, routes: ReturnType<typeof compileRoutes>, req: SimRequest): Reply {
  try {
    const match = matchRoute(routes, req.method, req.path);
    if (!match) throw notImplemented(req.method, req.path);
    const result = match.route.handler(core, { ...req, params: { id: "", ...match.params } });
    return { status: 200, body: expandAll(core.state, result, optionalList(req.form.expand) ?? []) };
  } catch (error) {
    return errorReply(error);
  }
}

function errorReply(error: unknown): Reply {
  if (error instanceof StripeSimError) return { status: error.status, body: { error: error.body } };
  const message = error instanceof Error ? error.message : String(error);
  return {
    status: 500,
    body: { error: { type: "api_error", message: `Erreur interne du simulateur : ${message}` } },
  };
}

function header(req: http.IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return typeof value === "string" && value ? value : null;
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export async function listen(server: http.Server, port: number, host = "127.0.0.1"): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  return `http://${host}:${address.port}`;
}

/** Like Stripe: `Bearer sk_test_…`, or HTTP Basic with the key as user name (`curl -u sk_test_…:`). */
function isTestKey(authorization: string | null): boolean {
  if (!authorization) return false;
  const [scheme = "", value = ""] = authorization.split(" ");
  const key =
    scheme.toLowerCase() === "basic" ? Buffer.from(value, "base64").toString("utf8").split(":")[0] : value;
  return ["bearer", "basic"].includes(scheme.toLowerCase()) && /^(sk|rk)_test_/.test(key ?? "");
}
