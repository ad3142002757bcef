// The public page of an agency: what a business may see before contacting it.
import { isSector } from "#app/domain/organizations/organizations.schema";
import { sectorLabels } from "#app/domain/profiles/taxonomy";
import { notFound } from "#app/lib/domain-error";
import * as repo from "./agencies.repo.server";
import type { PublicAgencyDto } from "./agencies.schema";

/** Businesses have slugs too, but no public page: their slug reads as unknown. */
export async function getPublicAgency(slug: string): Promise<PublicAgencyDto> {
  const agency = await repo.findAgencyBySlug(slug);
  if (!agency) throw notFound("Cette agence");
  const members = await repo.listPublishedMembers(agency.id);
  return {
    name: agency.name,
    sectorLabel: isSector(agency.sector) ? sectorLabels[agency.sector] : null,
    commune: agency.commune,
    members: members.map((p) => ({ displayName: p.user.displayName, headline: p.headline, slug: p.slug })),
  };
}
