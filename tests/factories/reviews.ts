// A COMPLETED contract ready to be reviewed (endedAt set), optionally done through an agency, and a
// valid review form.
import { db } from "#app/lib/db.server";
import { createContract, type ContractSpec } from "#tests/factories/contracts";
import { createAgencyOwner, createSecretary } from "#tests/factories/users";

export async function createCompletedContract(
  options: { endedAt?: Date; agency?: boolean; status?: ContractSpec["status"] } = {},
) {
  const agencyOwner = options.agency ? await createAgencyOwner({ organizationName: "Agence Dupuis" }) : null;
  const secretary = await createSecretary({
    status: "PUBLISHED",
    displayName: "Claire Morel",
    agencyId: agencyOwner?.organization.id,
  });
  const made = await createContract({ status: options.status ?? "COMPLETED", secretary });
  const status = options.status ?? "COMPLETED";
  await db.contract.update({
    where: { id: made.contract.id },
    data: {
      agencyId: agencyOwner?.organization.id ?? null,
      endedAt: status === "COMPLETED" ? (options.endedAt ?? new Date()) : null,
    },
  });
  return { ...made, agencyOwner };
}

export const reviewInput = (over: Partial<Record<string, string | number>> = {}) => ({
  rating: 5,
  reliability: 5,
  quality: 4,
  communication: 5,
  comment: "Travail soigné, réponses rapides, je recommande.",
  ...over,
});
