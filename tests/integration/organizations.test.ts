import { describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server";
import * as organisation from "#app/routes/compte+/organisation";
import { createAgencyOwner, createBusiness, createSecretary, createStaff } from "#tests/factories/users";
import { formRequest, getRequest } from "#tests/setup/requests";
import { runRoute } from "#tests/setup/route-result";

const PATH = "/compte/organisation";

const validForm = {
  name: "Cabinet Dubois",
  legalName: "Dubois Santé SARL",
  siret: "732 829 320 00074",
  vatNumber: "FR44 732829320",
  sector: "MEDICAL",
  addressLine: "12 rue de la Roquette",
  postcode: "75011",
  commune: "Paris",
};

const storedFields = {
  name: true,
  legalName: true,
  siret: true,
  vatNumber: true,
  sector: true,
  addressLine: true,
  postcode: true,
  commune: true,
  inseeCode: true,
  latitude: true,
  longitude: true,
} as const;

function readOrganization(id: string) {
  return db.organization.findUniqueOrThrow({ where: { id }, select: storedFields });
}

async function save(userId: string, fields: Record<string, string | undefined>) {
  return runRoute(organisation.action, await formRequest(PATH, fields, { userId }));
}

describe("/compte/organisation — saving", () => {
  it("stores a valid organisation with its geocoded commune and shows it after saving", async () => {
    const owner = await createBusiness();
    const result = await save(owner.id, validForm);
    expect(result.status).toBe(302);
    expect(result.location).toBe("/compte/organisation?enregistre=1");

    expect(await readOrganization(owner.organization.id)).toEqual({
      name: "Cabinet Dubois",
      legalName: "Dubois Santé SARL",
      siret: "73282932000074",
      vatNumber: "FR44732829320",
      sector: "MEDICAL",
      addressLine: "12 rue de la Roquette",
      postcode: "75011",
      commune: "Paris 11e Arrondissement",
      inseeCode: "75111",
      latitude: 48.8594,
      longitude: 2.3787,
    });

    const page = await runRoute(
      organisation.loader,
      await getRequest(`${PATH}?enregistre=1`, { userId: owner.id }),
    );
    expect(page.data.organization).toMatchObject({ commune: "Paris 11e Arrondissement", inseeCode: "75111" });
    expect(page.data.organization).not.toHaveProperty("id");
  });

  it("lets an agency owner edit her agency", async () => {
    const owner = await createAgencyOwner();
    const result = await save(owner.id, {
      ...validForm,
      name: "Agence Secrétariat Plus",
      vatNumber: undefined,
    });
    expect(result.status).toBe(302);
    const stored = await readOrganization(owner.organization.id);
    expect(stored.name).toBe("Agence Secrétariat Plus");
    expect(stored.vatNumber).toBeNull();
  });

  it("finds the commune by name when the postcode serves several", async () => {
    const owner = await createBusiness();
    await save(owner.id, { ...validForm, postcode: "01090", commune: "montmerle sur saone" });
    expect(await readOrganization(owner.organization.id)).toMatchObject({
      commune: "Montmerle-sur-Saône",
      postcode: "01090",
    });
  });

  it.each([
    [
      "a SIRET with a wrong key",
      { siret: "73282932000075" },
      "siret",
      "Le numéro SIRET est invalide (14 chiffres, clé de contrôle).",
    ],
    [
      "a malformed VAT number",
      { vatNumber: "FR00732829320" },
      "vatNumber",
      "Le numéro de TVA intracommunautaire est invalide (FR, clé à 2 chiffres, puis le SIREN).",
    ],
    [
      "a VAT number of another company",
      { siret: "44306184100047" },
      "vatNumber",
      /ne correspond pas à votre SIRET/,
    ],
    ["a malformed postcode", { postcode: "750" }, "postcode", "Le code postal doit comporter 5 chiffres."],
    ["no commune", { commune: "" }, "commune", "La commune est obligatoire."],
    ["an unknown sector", { sector: "MINING" }, "sector", "Choisissez un secteur d’activité."],
    [
      "a too long address",
      { addressLine: "x".repeat(201) },
      "addressLine",
      "L’adresse ne doit pas dépasser 200 caractères.",
    ],
  ])("rejects %s next to the field and writes nothing", async (_label, override, field, message) => {
    const owner = await createBusiness();
    const before = await readOrganization(owner.organization.id);
    const result = await save(owner.id, { ...validForm, ...override });
    expect(result.status).toBe(400);
    const errors: string[] = result.data.error[field];
    expect(errors.some((e) => (typeof message === "string" ? e === message : message.test(e)))).toBe(true);
    expect(await readOrganization(owner.organization.id)).toEqual(before);
  });

  it("puts an unknown postcode's message next to the postcode", async () => {
    const owner = await createBusiness();
    const result = await save(owner.id, { ...validForm, postcode: "75999", commune: "Nullepart" });
    expect(result.status).toBe(400);
    expect(result.data.error.postcode).toEqual(["Le code postal 75999 est inconnu. Vérifiez-le."]);
    expect((await readOrganization(owner.organization.id)).siret).toBeNull();
  });

  it("lists the communes of the postcode when the commune does not match", async () => {
    const owner = await createBusiness();
    const result = await save(owner.id, { ...validForm, postcode: "01090", commune: "Lyon" });
    expect(result.status).toBe(400);
    expect(result.data.error.commune[0]).toBe(
      "Cette commune ne correspond pas au code postal 01090. Communes possibles : Francheleins, Genouilleux, Guéreins, Lurcy, Montceaux, Montmerle-sur-Saône.",
    );
    expect((await readOrganization(owner.organization.id)).commune).toBeNull();
  });

  it("refuses a post without the CSRF token", async () => {
    const owner = await createBusiness();
    const result = await runRoute(
      organisation.action,
      await formRequest(PATH, validForm, { userId: owner.id, csrf: false }),
    );
    expect(result.status).toBe(403);
    expect((await readOrganization(owner.organization.id)).siret).toBeNull();
  });
});

describe("/compte/organisation — authorization", () => {
  it("sends anonymous visitors to the login page", async () => {
    const loaded = await runRoute(organisation.loader, await getRequest(PATH));
    expect(loaded.status).toBe(302);
    expect(loaded.location).toBe("/connexion?redirectTo=%2Fcompte%2Forganisation");
    const posted = await runRoute(organisation.action, await formRequest(PATH, validForm));
    expect(posted.location).toMatch(/^\/connexion\?/);
  });

  it("refuses a MEMBER of a business and changes nothing", async () => {
    const owner = await createBusiness();
    const colleague = await createBusiness();
    await db.membership.deleteMany({ where: { userId: colleague.id } });
    await db.membership.create({
      data: { userId: colleague.id, organizationId: owner.organization.id, role: "MEMBER" },
    });

    expect(
      (await runRoute(organisation.loader, await getRequest(PATH, { userId: colleague.id }))).status,
    ).toBe(403);
    const result = await save(colleague.id, validForm);
    expect(result.status).toBe(403);
    expect((await readOrganization(owner.organization.id)).siret).toBeNull();
  });

  it("refuses an agency secretary, even a member of the agency", async () => {
    const agency = await createAgencyOwner();
    const secretary = await createSecretary({ agencyId: agency.organization.id });
    expect(
      (await runRoute(organisation.loader, await getRequest(PATH, { userId: secretary.id }))).status,
    ).toBe(403);
    const result = await save(secretary.id, validForm);
    expect(result.status).toBe(403);
    expect(result.data.message).toMatch(/réservée au responsable/);
    expect((await readOrganization(agency.organization.id)).siret).toBeNull();
  });

  it("refuses staff", async () => {
    const staff = await createStaff("ADMIN");
    expect((await runRoute(organisation.loader, await getRequest(PATH, { userId: staff.id }))).status).toBe(
      403,
    );
  });

  it("always edits the session user's own organisation, whatever the form says", async () => {
    const victim = await createBusiness();
    const owner = await createBusiness();
    await save(owner.id, {
      ...validForm,
      id: victim.organization.id,
      organizationId: victim.organization.id,
    });
    expect((await readOrganization(victim.organization.id)).siret).toBeNull();
    expect((await readOrganization(owner.organization.id)).siret).toBe("73282932000074");
  });
});
