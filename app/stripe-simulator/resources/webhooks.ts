import type Stripe from "stripe";
import { type Route, type SimCore, list } from "../core";
import { noSuchResource } from "../errors";
import { type Form, metadata, optionalList, reader } from "../form";
import { newSecret } from "../signing";
import { type SimWebhookEndpoint } from "../state";

export function addEndpoint(
  core: SimCore,
  fields: { url: string; events: string[]; connect: boolean; secret?: string; id?: string },
): SimWebhookEndpoint {
  const endpoint: SimWebhookEndpoint = {
    id: fields.id ?? core.id("we"),
    object: "webhook_endpoint",
    created: core.now(),
    url: fields.url,
    enabled_events: fields.events,
    status: "enabled",
    metadata: {},
    livemode: false,
    description: null,
    api_version: null,
    secret: fields.secret ?? newSecret(),
    connect: fields.connect,
  };
  core.state.webhookEndpoints.set(endpoint.id, endpoint);
  return endpoint;
}

/** Stripe shows the signing secret only when the endpoint is created. */
const view = ({ secret: _secret, connect: _connect, ...endpoint }: SimWebhookEndpoint) => endpoint;

function create(core: SimCore, form: Form) {
  const p = reader<Stripe.WebhookEndpointCreateParams>(form);
  const endpoint = addEndpoint(core, {
    url: p.required("url"),
    events: optionalList(p.raw("enabled_events")) ?? ["*"],
    connect: p.bool("connect") ?? false,
  });
  endpoint.description = p.str("description") ?? null;
  endpoint.metadata = p.metadata();
  return { ...view(endpoint), secret: endpoint.secret };
}

function update(core: SimCore, id: string, form: Form) {
  const endpoint = core.get(core.state.webhookEndpoints, "webhook endpoint", id, "id");
  const p = reader<Stripe.WebhookEndpointUpdateParams>(form);
  if (p.has("url")) endpoint.url = p.required("url");
  if (p.has("enabled_events")) endpoint.enabled_events = optionalList(p.raw("enabled_events")) ?? [];
  if (p.has("disabled")) endpoint.status = p.bool("disabled") ? "disabled" : "enabled";
  endpoint.metadata = metadata(form.metadata, endpoint.metadata ?? {});
  return view(endpoint);
}

function remove(core: SimCore, id: string) {
  if (!core.state.webhookEndpoints.delete(id)) throw noSuchResource("webhook endpoint", id, "id");
  return { id, object: "webhook_endpoint", deleted: true };
}

function events(core: SimCore, form: Form, account: string | null) {
  const p = reader<Stripe.EventListParams>(form);
  const type = p.str("type");
  const types = optionalList(p.raw("types"));
  const items = core.bus.events.filter(
    (e) =>
      (e.account ?? null) === account &&
      (!type || matches(e.type, type)) &&
      (!types || types.includes(e.type)),
  );
  return list(core, items, form, "/v1/events");
}

/** `type=charge.*` filters by prefix, as Stripe allows. */
function matches(type: string, filter: string) {
  return filter.endsWith(".*") ? type.startsWith(filter.slice(0, -1)) : type === filter;
}

export const webhookRoutes: Route[] = [
  { method: "POST", path: "/v1/webhook_endpoints", handler: (core, req) => create(core, req.form) },
  {
    method: "GET",
    path: "/v1/webhook_endpoints",
    handler: (core, req) =>
      list(core, [...core.state.webhookEndpoints.values()].map(view), req.form, "/v1/webhook_endpoints"),
  },
  {
    method: "GET",
    path: "/v1/webhook_endpoints/:id",
    handler: (core, req) =>
      view(core.get(core.state.webhookEndpoints, "webhook endpoint", req.params.id, "id")),
  },
  {
    method: "POST",
    path: "/v1/webhook_endpoints/:id",
    handler: (core, req) => update(core, req.params.id, req.form),
  },
  {
    method: "DELETE",
    path: "/v1/webhook_endpoints/:id",
    handler: (core, req) => remove(core, req.params.id),
  },
  { method: "GET", path: "/v1/events", handler: (core, req) => events(core, req.form, req.account) },
  {
    method: "GET",
    path: "/v1/events/:id",
    handler: (core, req) => {
      const event = core.bus.events.find(
        (e) => e.id === req.params.id && (e.account ?? null) === req.account,
      );
      if (!event) throw noSuchResource("event", req.params.id, "id");
      return event;
    },
  },
];
