import type Stripe from "stripe";
import { type Route, type SimCore, list } from "../core";
import { type Form, metadata, optionalObject, optionalString, reader } from "../form";
import { type SimCustomer } from "../state";

function createCustomer(core: SimCore, form: Form): SimCustomer {
  const p = reader<Stripe.CustomerCreateParams>(form);
  const customer: SimCustomer = {
    id: core.id("cus"),
    object: "customer",
    created: core.now(),
    livemode: false,
    email: p.str("email") ?? null,
    name: p.str("name") ?? null,
    metadata: p.metadata(),
    invoice_settings: {
      custom_fields: null,
      default_payment_method: null,
      footer: null,
      rendering_options: null,
    },
  };
  core.state.customers.set(customer.id, customer);
  core.bus.emit("customer.created", customer);
  return customer;
}

function updateCustomer(core: SimCore, id: string, form: Form): SimCustomer {
  const customer = core.get(core.state.customers, "customer", id, "customer");
  const p = reader<Stripe.CustomerUpdateParams>(form);
  const previous = {
    email: customer.email,
    name: customer.name,
    metadata: customer.metadata,
    invoice_settings: customer.invoice_settings,
  };
  if (p.has("email")) customer.email = p.str("email") ?? null;
  if (p.has("name")) customer.name = p.str("name") ?? null;
  customer.metadata = metadata(form.metadata, customer.metadata);
  const settings = optionalObject(p.raw("invoice_settings"), "invoice_settings");
  if (settings && "default_payment_method" in settings) {
    const pm =
      optionalString(settings.default_payment_method, "invoice_settings[default_payment_method]") ?? null;
    if (pm)
      core.get(core.state.paymentMethods, "PaymentMethod", pm, "invoice_settings[default_payment_method]");
    customer.invoice_settings = { ...customer.invoice_settings, default_payment_method: pm };
  }
  core.bus.emit("customer.updated", customer, { previous });
  return customer;
}

export const customerRoutes: Route[] = [
  { method: "POST", path: "/v1/customers", handler: (core, req) => createCustomer(core, req.form) },
  {
    method: "GET",
    path: "/v1/customers",
    handler: (core, req) => list(core, [...core.state.customers.values()], req.form, "/v1/customers"),
  },
  {
    method: "GET",
    path: "/v1/customers/:id",
    handler: (core, req) => core.get(core.state.customers, "customer", req.params.id, "id"),
  },
  {
    method: "POST",
    path: "/v1/customers/:id",
    handler: (core, req) => updateCustomer(core, req.params.id, req.form),
  },
  {
    method: "GET",
    path: "/v1/customers/:id/payment_methods",
    handler: (core, req) => {
      core.get(core.state.customers, "customer", req.params.id, "customer");
      const type = optionalString(req.form.type, "type");
      const items = [...core.state.paymentMethods.values()].filter(
        (pm) => pm.customer === req.params.id && (!type || pm.type === type),
      );
      return list(core, items, req.form, `/v1/customers/${req.params.id}/payment_methods`);
    },
  },
];
