import type Stripe from "stripe";
import { type Route, type SimCore, list } from "../core";
import { invalidRequest, noSuchResource } from "../errors";
import { type Form, metadata, optionalObject, reader } from "../form";
import { type SimAccount } from "../state";

const ONBOARDING_FIELDS = [
  "business_profile.url",
  "external_account",
  "individual.first_name",
  "individual.last_name",
  "tos_acceptance.date",
];

function createAccount(core: SimCore, form: Form): SimAccount {
  const p = reader<Stripe.AccountCreateParams>(form);
  const type = (p.str("type") ?? "custom") as Stripe.Account.Type;
  const controller = p.obj("controller");
  if (!controller && !p.has("type")) throw invalidRequest("You must provide `type` or `controller`.", "type");
  const requested =
    optionalObject(p.obj("capabilities")?.transfers, "capabilities[transfers]")?.requested === "true";
  const account: SimAccount = {
    id: core.id("acct"),
    object: "account",
    type: controller ? legacyType(controller) : type,
    controller: controller ? controllerOf(controller) : undefined,
    country: p.str("country") ?? "FR",
    email: p.str("email") ?? null,
    created: core.now(),
    business_type: (p.str("business_type") ?? null) as Stripe.Account.BusinessType | null,
    default_currency: "eur",
    charges_enabled: false,
    payouts_enabled: false,
    details_submitted: false,
    capabilities: requested ? { transfers: "inactive" } : {},
    requirements: requirements(ONBOARDING_FIELDS),
    metadata: p.metadata(),
  };
  core.state.accounts.set(account.id, account);
  return account;
}

/** The `type` Stripe reports for an account created with controller properties. */
function legacyType(form: Form): Stripe.Account.Type {
  const dashboard = optionalObject(form.stripe_dashboard, "controller[stripe_dashboard]")?.type ?? "express";
  const collection = form.requirement_collection ?? "stripe";
  if (dashboard === "express" && collection === "stripe") return "express";
  if (dashboard === "none" && collection === "application") return "custom";
  if (dashboard === "full") return "standard";
  return "none";
}

function controllerOf(form: Form): Stripe.Account.Controller {
  const fees = optionalObject(form.fees, "controller[fees]");
  const losses = optionalObject(form.losses, "controller[losses]");
  const dashboard = optionalObject(form.stripe_dashboard, "controller[stripe_dashboard]");
  return {
    type: "application",
    is_controller: true,
    fees: { payer: (fees?.payer ?? "application") as Stripe.Account.Controller.Fees.Payer },
    losses: { payments: (losses?.payments ?? "application") as Stripe.Account.Controller.Losses.Payments },
    requirement_collection: (form.requirement_collection ??
      "stripe") as Stripe.Account.Controller.RequirementCollection,
    stripe_dashboard: {
      type: (dashboard?.type ?? "express") as Stripe.Account.Controller.StripeDashboard.Type,
    },
  };
}

function requirements(
  due: string[],
  disabled: Stripe.Account.Requirements.DisabledReason | null = null,
): Stripe.Account.Requirements {
  return {
    alternatives: [],
    current_deadline: null,
    currently_due: due,
    disabled_reason: due.length ? (disabled ?? "requirements.past_due") : null,
    errors: [],
    eventually_due: due,
    past_due: disabled ? due : [],
    pending_verification: [],
  };
}

function updateAccount(core: SimCore, id: string, form: Form): SimAccount {
  const account = core.get(core.state.accounts, "account", id, "account");
  const p = reader<Stripe.AccountUpdateParams>(form);
  const previous = { metadata: account.metadata, email: account.email };
  account.metadata = metadata(form.metadata, account.metadata);
  if (p.has("email")) account.email = p.str("email") ?? null;
  if (p.has("business_type"))
    account.business_type = (p.str("business_type") ?? null) as Stripe.Account.BusinessType | null;
  core.bus.emit("account.updated", account, { account: account.id, previous });
  return account;
}

/** What the hosted onboarding form (or a test) does: the account can now receive transfers. */
export function completeOnboarding(core: SimCore, id: string): SimAccount {
  const account = core.get(core.state.accounts, "account", id);
  const previous = {
    capabilities: account.capabilities,
    payouts_enabled: account.payouts_enabled,
    details_submitted: account.details_submitted,
    requirements: account.requirements,
  };
  account.capabilities = { ...account.capabilities, transfers: "active" };
  account.details_submitted = true;
  account.payouts_enabled = true;
  account.requirements = requirements([]);
  core.bus.emit("account.updated", account, { account: account.id, previous });
  return account;
}

/** Test switch: Stripe asks for more information and pauses transfers and payouts. */
export function restrictAccount(
  core: SimCore,
  id: string,
  due = ["individual.verification.document"],
): SimAccount {
  const account = core.get(core.state.accounts, "account", id);
  const previous = {
    capabilities: account.capabilities,
    payouts_enabled: account.payouts_enabled,
    requirements: account.requirements,
  };
  account.capabilities = { ...account.capabilities, transfers: "inactive" };
  account.payouts_enabled = false;
  account.requirements = requirements(due, "requirements.past_due");
  core.bus.emit("account.updated", account, { account: account.id, previous });
  return account;
}

function createAccountLink(core: SimCore, form: Form) {
  const p = reader<Stripe.AccountLinkCreateParams>(form);
  const account = p.required("account");
  if (!core.state.accounts.has(account)) throw noSuchResource("account", account, "account");
  const type = p.required("type");
  if (type !== "account_onboarding" && type !== "account_update")
    throw invalidRequest(`Invalid type: ${type}`, "type");
  const refreshUrl = p.required("refresh_url");
  const returnUrl = p.required("return_url");
  const token = core.id("link");
  const link = {
    object: "account_link" as const,
    created: core.now(),
    expires_at: core.now() + core.options.accountLinkTtlSeconds,
    url: `${core.baseUrl}/simulateur/onboarding/${token}`,
    account,
    refresh_url: refreshUrl,
    return_url: returnUrl,
    used: false,
  };
  core.state.accountLinks.set(token, link);
  return { object: link.object, created: link.created, expires_at: link.expires_at, url: link.url };
}

export const accountRoutes: Route[] = [
  { method: "POST", path: "/v1/accounts", handler: (core, req) => createAccount(core, req.form) },
  {
    method: "GET",
    path: "/v1/accounts",
    handler: (core, req) => list(core, [...core.state.accounts.values()], req.form, "/v1/accounts"),
  },
  {
    method: "GET",
    path: "/v1/accounts/:id",
    handler: (core, req) => core.get(core.state.accounts, "account", req.params.id, "account"),
  },
  {
    method: "POST",
    path: "/v1/accounts/:id",
    handler: (core, req) => updateAccount(core, req.params.id, req.form),
  },
  { method: "POST", path: "/v1/account_links", handler: (core, req) => createAccountLink(core, req.form) },
];
