// The platform as a party: the issuer of its commission invoices. From the environment
// (PLATFORM_* in app/lib/env.server.ts, defaults in .env.example).
import { getEnv } from "#app/lib/env.server";
import type { PartySnapshot } from "./invoice.schema";

export type PlatformIdentity = PartySnapshot & { legalForm: string; rcs: string };

export function platformIdentity(): PlatformIdentity {
  const env = getEnv();
  return {
    key: "platform",
    legalName: env.PLATFORM_LEGAL_NAME,
    siret: env.PLATFORM_SIRET,
    vatNumber: env.PLATFORM_VAT_NUMBER,
    vatExempt: false,
    addressLine: env.PLATFORM_ADDRESS_LINE,
    postcode: env.PLATFORM_POSTCODE,
    commune: env.PLATFORM_COMMUNE,
    individual: false,
    legalForm: env.PLATFORM_LEGAL_FORM,
    rcs: env.PLATFORM_RCS,
  };
}
