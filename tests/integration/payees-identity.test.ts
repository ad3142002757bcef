import { describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server";
import * as payouts from "#app/routes/compte+/paiements._index";
import { createAgencyOwner, createBusiness, createSecretary, createStaff } from "#tests/factories/users";
import { formRequest, getRequest } from "#tests/setup/requests";
import { runRoute } from "#tests/setup/route-result";

const PATH = "/compte/paiements";

const validForm = {
  intent: "identity",
  legalName: "Claire Morel",
  siret: "732 829 320 00074",
  vatStatus: "EXEMPT",
  vatNumber: "",
  addressLine: "12 rue de la Roquette",
  postcode: "75011",
  commune: "Paris",
};

async function save(userId: string, fields: Record<string, string | undefined>, options = {}) {
  return runRoute(payouts.action, await formRequest(PATH, fields, { userId, ...options }));
}

const identityOf = (where: { userId: string } | { organizationId: string }) =>
  db.invoicingIdentity.findUnique({
    where,
    select: {
      legalName: true,
      siret: true,
      vatExempt: true,
      vatNumber: true,
      addressLine: true,
      postcode: true,
      commune: true,
    },
  });

describe("/compte/paiements — invoicing identity", () => {
  it("stores a secretary's identity with « EI » added and the commune from the postcode table", async () => {
    const secretary = await createSecretary();
    const result = await save(secretary.id, validForm);
    expect(result.status).toBe(302);
    expect(result.location).toBe("/compte/paiements?identite=1");
    expect(await identityOf({ userId: secretary.id })).toEqual({
      legalName: "Claire Morel EI",
      siret: "73282932000074",
      vatExempt: true,
      vatNumber: null,
      addressLine: "12 rue de la Roquette",
      postcode: "75011",
      commune: "Paris 11e Arrondissement",
    });
    const page = await runRoute(payouts.loader, await getRequest(PATH, { userId: secretary.id }));
    expect(page.data.page).toMatchObject({
      payeeKind: "SECRETARY",
      status: "NONE",
      identity: { legalName: "Claire Morel EI", vatExempt: true },
      identityDefaults: null,
      agencyPayoutMode: null,
    });
  });

  it("keeps « EI » once when she typed it, and replaces the identity on a second save", async () => {
    const secretary = await createSecretary();
    await save(secretary.id, { ...validForm, legalName: "Claire Morel EI" });
    await save(secretary.id, {
      ...validForm,
      legalName: "EI Claire Morel",
      vatStatus: "REGISTERED",
      vatNumber: "FR44 732829320",
    });
    expect(await identityOf({ userId: secretary.id })).toMatchObject({
      legalName: "EI Claire Morel",
      vatExempt: false,
      vatNumber: "FR44732829320",
    });
    expect(await db.invoicingIdentity.count({ where: { userId: secretary.id } })).toBe(1);
  });

  it("stores an agency's identity under the agency, without « EI », prefilled from the organisation", async () => {
    const owner = await createAgencyOwner({ organizationName: "Agence Azur" });
    await db.organization.update({
      where: { id: owner.organization.id },
      data: { legalName: "Azur Secrétariat SARL", siret: "73282932000074" },
    });
    const before = await runRoute(payouts.loader, await getRequest(PATH, { userId: owner.id }));
    expect(before.data.page).toMatchObject({
      payeeKind: "AGENCY",
      agencyPayoutMode: "AGENCY",
      identity: null,
      identityDefaults: { legalName: "Azur Secrétariat SARL", siret: "73282932000074" },
    });
    const result = await save(owner.id, { ...validForm, legalName: "Azur Secrétariat SARL" });
    expect(result.status).toBe(302);
    expect(await identityOf({ organizationId: owner.organization.id })).toMatchObject({
      legalName: "Azur Secrétariat SARL",
    });
    expect(await db.invoicingIdentity.count({ where: { userId: owner.id } })).toBe(0);
  });

  it.each([
    [
      "a SIRET with a wrong Luhn key",
      { siret: "73282932000075" },
      "siret",
      "Le numéro SIRET est invalide (14 chiffres, clé de contrôle).",
    ],
    [
      "a SIRET too short",
      { siret: "7328293200" },
      "siret",
      "Le numéro SIRET est invalide (14 chiffres, clé de contrôle).",
    ],
    [
      "VAT registered without a number",
      { vatStatus: "REGISTERED" },
      "vatNumber",
      /Indiquez votre numéro de TVA/,
    ],
    [
      "a malformed VAT number",
      { vatStatus: "REGISTERED", vatNumber: "FR00732829320" },
      "vatNumber",
      "Le numéro de TVA intracommunautaire est invalide (FR, clé à 2 chiffres, puis le SIREN).",
    ],
    [
      "a VAT number of another company",
      { vatStatus: "REGISTERED", vatNumber: "FR44732829320", siret: "44306184100047" },
      "vatNumber",
      /ne correspond pas à votre SIRET/,
    ],
    ["no VAT status", { vatStatus: undefined }, "vatStatus", "Indiquez si vous êtes assujettie à la TVA."],
    ["no legal name", { legalName: " " }, "legalName", "Le nom légal doit comporter au moins 2 caractères."],
    ["a malformed postcode", { postcode: "750" }, "postcode", "Le code postal doit comporter 5 chiffres."],
    [
      "an unknown postcode",
      { postcode: "75999", commune: "Nullepart" },
      "postcode",
      "Le code postal 75999 est inconnu. Vérifiez-le.",
    ],
    [
      "a commune outside the postcode",
      { postcode: "01090", commune: "Lyon" },
      "commune",
      /ne correspond pas au code postal 01090/,
    ],
  ])(
    "refuses %s with a French message next to the field and writes nothing",
    async (_label, override, field, message) => {
      const secretary = await createSecretary();
      const result = await save(secretary.id, { ...validForm, ...override });
      expect(result.status).toBe(400);
      expect(result.data.intent).toBe("identity");
      const errors: string[] = result.data.reply.error[field];
      expect(errors.some((e) => (typeof message === "string" ? e === message : message.test(e)))).toBe(true);
      expect(await identityOf({ userId: secretary.id })).toBeNull();
    },
  );

  it("refuses a post without the CSRF token", async () => {
    const secretary = await createSecretary();
    const result = await save(secretary.id, validForm, { csrf: false });
    expect(result.status).toBe(403);
    expect(await identityOf({ userId: secretary.id })).toBeNull();
  });

  it("answers an unknown intent with 400 and a bad payout mode with a French message", async () => {
    const owner = await createAgencyOwner();
    const unknown = await save(owner.id, { intent: "delete-everything" });
    expect(unknown.status).toBe(400);
    expect(unknown.data.message).toBe("Action inconnue.");
    const badMode = await save(owner.id, { intent: "payout-mode", mode: "SOMEONE_ELSE" });
    expect(badMode.status).toBe(400);
    expect(badMode.data.message).toBe("Choisissez à qui les paiements sont versés.");
    expect(await db.payoutAccount.count()).toBe(0);
  });
});

describe("/compte/paiements — authorization", () => {
  it("sends anonymous visitors to the login page", async () => {
    for (const path of [PATH]) {
      const loaded = await runRoute(payouts.loader, await getRequest(path));
      expect(loaded.status).toBe(302);
      expect(loaded.location).toBe(`/connexion?redirectTo=${encodeURIComponent(path)}`);
    }
    const posted = await runRoute(payouts.action, await formRequest(PATH, validForm));
    expect(posted.location).toMatch(/^\/connexion\?/);
  });

  it("refuses a business and staff, and writes nothing", async () => {
    const business = await createBusiness();
    const staff = await createStaff("ADMIN");
    for (const outsider of [business, staff]) {
      const loaded = await runRoute(payouts.loader, await getRequest(PATH, { userId: outsider.id }));
      expect(loaded.status).toBe(403);
      expect(loaded.data.message).toBe(
        "Cette page est réservée aux secrétaires et aux responsables de cabinet de télésecrétariat.",
      );
      for (const intent of ["identity", "onboard", "payout-mode"]) {
        const posted = await save(outsider.id, { ...validForm, intent, mode: "MEMBERS" });
        expect(posted.status).toBe(403);
      }
    }
    const ids = [business.id, staff.id];
    expect(await db.invoicingIdentity.count({ where: { userId: { in: ids } } })).toBe(0);
    expect(await db.invoicingIdentity.count({ where: { organizationId: business.organization.id } })).toBe(0);
    expect(await db.payoutAccount.count({ where: { userId: { in: ids } } })).toBe(0);
  });

  it("refuses the payout mode to a secretary, even a member of an agency", async () => {
    const agency = await createAgencyOwner();
    const member = await createSecretary({ agencyId: agency.organization.id });
    const posted = await save(member.id, { intent: "payout-mode", mode: "MEMBERS" });
    expect(posted.status).toBe(403);
    expect(posted.data.message).toBe(
      "Seul le responsable d’un cabinet choisit à qui les paiements sont versés.",
    );
    const page = await runRoute(payouts.loader, await getRequest(PATH, { userId: member.id }));
    expect(page.data.page).toMatchObject({ payeeKind: "SECRETARY", agency: { paysMembers: false } });
    expect(await db.payoutAccount.count()).toBe(0);
  });
});
