// Use cases of /compte/paiements: the payee's payout account (Stripe onboarding), her invoicing
// identity and an agency's payout mode. The payee is always found from the session user.
import { resolveAddress } from "#app/domain/geo/geo.server";
import { addressProblem } from "#app/domain/organizations/address-messages";
import { forbidden } from "#app/lib/domain-error";
import { createConnectedAccount, createOnboardingLink } from "./payee-stripe.server";
import { payeeKindOf, payoutStatusOf } from "./payees.policy";
import * as repo from "./payees.repo.server";
import {
  AGENCY_PAYOUT_MODES,
  withEntrepreneurMention,
  type AgencyPayoutMode,
  type InvoicingIdentityDto,
  type InvoicingIdentityInput,
  type PayeeKind,
  type PayoutPageDto,
} from "./payees.schema";
import { callStripe } from "./stripe-call.server";

export const NOT_A_PAYEE_MESSAGE =
  "Cette page est réservée aux secrétaires et aux responsables de cabinet de télésecrétariat.";
export const AGENCY_ONLY_MESSAGE =
  "Seul le responsable d’un cabinet choisit à qui les paiements sont versés.";

type OwnedAgency = NonNullable<Awaited<ReturnType<typeof repo.findOwnedAgency>>>;
type Payee = {
  kind: PayeeKind;
  ref: repo.PayeeRef;
  payeeKey: string;
  name: string;
  email: string;
  agency: OwnedAgency | null;
};

async function requirePayee(actorId: string): Promise<Payee> {
  const user = await repo.findUser(actorId);
  const kind = user ? payeeKindOf(user.kind) : null;
  if (!user || !kind) throw forbidden(NOT_A_PAYEE_MESSAGE);
  if (kind === "SECRETARY") {
    const ref = { userId: user.id };
    return {
      kind,
      ref,
      payeeKey: `user:${user.id}`,
      name: user.displayName,
      email: user.email,
      agency: null,
    };
  }
  const agency = await repo.findOwnedAgency(user.id);
  if (!agency) throw forbidden(NOT_A_PAYEE_MESSAGE);
  const ref = { organizationId: agency.id };
  return {
    kind,
    ref,
    payeeKey: `agency:${agency.id}`,
    name: agency.legalName ?? agency.name,
    email: user.email,
    agency,
  };
}

const isMode = (value: string | null | undefined): value is AgencyPayoutMode =>
  (AGENCY_PAYOUT_MODES as readonly string[]).includes(value ?? "");

function requirementsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

function identityDefaults(payee: Payee): InvoicingIdentityDto {
  const agency = payee.agency;
  return {
    legalName: agency ? (agency.legalName ?? agency.name) : withEntrepreneurMention(payee.name),
    siret: agency?.siret ?? "",
    vatExempt: !agency?.vatNumber,
    vatNumber: agency?.vatNumber ?? null,
    addressLine: agency?.addressLine ?? "",
    postcode: agency?.postcode ?? "",
    commune: agency?.commune ?? "",
    taxIdentificationNumber: null,
    birthDate: null,
    payoutAccountCountry: null,
  };
}

type IdentityRow = NonNullable<Awaited<ReturnType<typeof repo.findInvoicingIdentity>>>;

function identityDto(row: IdentityRow): InvoicingIdentityDto {
  return { ...row, birthDate: row.birthDate ? row.birthDate.toISOString().slice(0, 10) : null };
}

export async function getPayoutPage({ actorId }: { actorId: string }): Promise<PayoutPageDto> {
  const payee = await requirePayee(actorId);
  const [account, identity] = await Promise.all([
    repo.findPayoutAccount(payee.ref),
    repo.findInvoicingIdentity(payee.ref),
  ]);
  const memberAgency = payee.kind === "SECRETARY" ? await repo.findMemberAgency(actorId) : null;
  const mode = payee.agency?.payoutMode;
  return {
    payeeKind: payee.kind,
    payeeName: payee.name,
    status: payoutStatusOf(account),
    requirementsDue: requirementsOf(account?.requirementsDue),
    agencyPayoutMode: payee.kind === "AGENCY" ? (isMode(mode) ? mode : "AGENCY") : null,
    agency: memberAgency
      ? { name: memberAgency.name, paysMembers: memberAgency.payoutMode === "MEMBERS" }
      : null,
    identity: identity ? identityDto(identity) : null,
    identityDefaults: identity ? null : identityDefaults(payee),
  };
}

/** The payee's connected account, created on Stripe the first time (idempotent by payee). */
async function ensurePayoutAccount(payee: Payee): Promise<repo.PayoutAccountRow> {
  const existing = await repo.findPayoutAccount(payee.ref);
  if (existing) return existing;
  const stripeAccountId = await callStripe(() =>
    createConnectedAccount({ payeeKey: payee.payeeKey, kind: payee.kind, email: payee.email }),
  );
  return repo.upsertPayoutAccount(payee.ref, stripeAccountId);
}

async function nextOnboardingLink(account: repo.PayoutAccountRow): Promise<string> {
  const url = await callStripe(() =>
    createOnboardingLink(account.stripeAccountId, account.updatedAt.getTime()),
  );
  await repo.bumpPayoutAccountVersion(account.id, account.updatedAt);
  return url;
}

/** "Configurer mes versements": creates the account if needed, then a link to Stripe's onboarding. */
export async function startOnboarding({ actorId }: { actorId: string }): Promise<{ url: string }> {
  const payee = await requirePayee(actorId);
  return { url: await nextOnboardingLink(await ensurePayoutAccount(payee)) };
}

/** Stripe's refresh_url: the link expired or was used; null when there is no account to onboard. */
export async function refreshOnboardingLink({
  actorId,
}: {
  actorId: string;
}): Promise<{ url: string } | null> {
  const payee = await requirePayee(actorId);
  const account = await repo.findPayoutAccount(payee.ref);
  return account ? { url: await nextOnboardingLink(account) } : null;
}

export type IdentityResult =
  { ok: true } | { ok: false; field: keyof InvoicingIdentityInput; message: string };

/** The identity invoices are issued under; the commune is checked against the postcode table. */
export async function saveInvoicingIdentity({
  actorId,
  input,
}: {
  actorId: string;
  input: InvoicingIdentityInput;
}): Promise<IdentityResult> {
  const payee = await requirePayee(actorId);
  const resolution = resolveAddress({ postcode: input.postcode, commune: input.commune });
  if (!resolution.ok) return { ok: false, ...addressProblem(resolution, input.postcode) };
  const vatExempt = input.vatStatus === "EXEMPT";
  await repo.upsertInvoicingIdentity(payee.ref, {
    legalName: payee.kind === "SECRETARY" ? withEntrepreneurMention(input.legalName) : input.legalName,
    siret: input.siret,
    vatExempt,
    vatNumber: input.vatNumber,
    addressLine: input.addressLine,
    postcode: input.postcode,
    commune: resolution.commune.name,
    taxIdentificationNumber: input.taxIdentificationNumber,
    birthDate:
      payee.kind === "SECRETARY" && input.birthDate ? new Date(`${input.birthDate}T00:00:00Z`) : null,
    payoutAccountCountry: input.payoutAccountCountry,
  });
  return { ok: true };
}

/**
 * An agency's choice, stored on the agency (Organization.payoutMode): nothing is created on
 * Stripe. In AGENCY mode the agency is paid only once its own account is onboarded and ready.
 */
export async function chooseAgencyPayoutMode({ actorId, mode }: { actorId: string; mode: AgencyPayoutMode }) {
  const payee = await requirePayee(actorId);
  if (payee.kind !== "AGENCY" || !payee.agency) throw forbidden(AGENCY_ONLY_MESSAGE);
  await repo.setAgencyPayoutMode(payee.agency.id, mode);
}
