// Use cases for the organisation a business or an agency owner manages.
import { resolveAddress } from "#app/domain/geo/geo.server";
import { forbidden } from "#app/lib/domain-error";
import { addressProblem } from "./address-messages";
import { ownedOrganizationKind } from "./organizations.policy";
import * as repo from "./organizations.repo.server";
import { isSector, type OrganizationDto, type OrganizationInput } from "./organizations.schema";

export type OrganizationActor = { id: string; kind: string };
export type OrganizationFieldFailure = { ok: false; field: keyof OrganizationInput; message: string };

const NOT_OWNER_MESSAGE =
  "Cette page est réservée au responsable d’une entreprise ou d’un cabinet de télésecrétariat.";

function toDto(row: repo.OrganizationRow): OrganizationDto {
  return {
    kind: row.kind === "AGENCY" ? "AGENCY" : "BUSINESS",
    name: row.name,
    slug: row.slug,
    legalName: row.legalName,
    siret: row.siret,
    vatNumber: row.vatNumber,
    sector: isSector(row.sector) ? row.sector : null,
    addressLine: row.addressLine,
    postcode: row.postcode,
    commune: row.commune,
    inseeCode: row.inseeCode,
  };
}

/** The organisation is always found from the session user: no id ever comes from a form. */
async function findOwned(actor: OrganizationActor): Promise<repo.OrganizationRow> {
  const kind = ownedOrganizationKind(actor.kind);
  const row = kind ? await repo.findOwnedOrganization(actor.id, kind) : null;
  if (!row) throw forbidden(NOT_OWNER_MESSAGE);
  return row;
}

export async function getOwnOrganization(actor: OrganizationActor): Promise<OrganizationDto> {
  return toDto(await findOwned(actor));
}

/**
 * Saves the form once the commune is found in the postcode table; the stored commune name,
 * INSEE code and coordinates come from the table, the postcode stays the one typed.
 */
export async function updateOwnOrganization({
  actor,
  input,
}: {
  actor: OrganizationActor;
  input: OrganizationInput;
}): Promise<{ ok: true; organization: OrganizationDto } | OrganizationFieldFailure> {
  const owned = await findOwned(actor);
  const resolution = resolveAddress({ postcode: input.postcode, commune: input.commune });
  if (!resolution.ok) return { ok: false, ...addressProblem(resolution, input.postcode) };
  const { commune } = resolution;
  const row = await repo.updateOrganization(owned.id, {
    name: input.name,
    legalName: input.legalName,
    siret: input.siret,
    vatNumber: input.vatNumber ?? null,
    sector: input.sector,
    addressLine: input.addressLine,
    postcode: input.postcode,
    commune: commune.name,
    inseeCode: commune.inseeCode,
    latitude: commune.latitude,
    longitude: commune.longitude,
  });
  return { ok: true, organization: toDto(row) };
}
