// Use cases of the attestation de vigilance: a provider uploads hers (/compte/attestation), and a
// business with a contract of €5,000 or more downloads its provider's current one.
import { fileTypeFromBuffer } from "file-type";
import { sanitizeFileName } from "#app/domain/chat/chat-attachment-rules.server";
import { parisToday } from "#app/domain/missions/schedule";
import { DomainError, forbidden, notFound } from "#app/lib/domain-error";
import { getFileStorage } from "#app/lib/file-storage.server";
import * as repo from "./vigilance.repo.server";
import {
  expiryOf,
  MAX_VIGILANCE_BYTES,
  vigilanceMessages,
  type VigilanceCertificateDto,
  type VigilancePageDto,
} from "./vigilance.schema";

const STORAGE_FOLDER = "vigilance";
const PROVIDER_KINDS = new Set(["SECRETARY", "AGENCY_OWNER"]);

async function requireProvider(actorId: string): Promise<void> {
  const kind = await repo.findUserKind(actorId);
  if (!kind || !PROVIDER_KINDS.has(kind)) throw forbidden(vigilanceMessages.notProvider);
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

function toDto(row: repo.CertificateRow, now: Date): VigilanceCertificateDto {
  return {
    id: row.id,
    fileName: row.fileName,
    sizeBytes: row.sizeBytes,
    issuedOn: isoDay(row.issuedOn),
    expiresOn: isoDay(row.expiresOn),
    valid: row.issuedOn <= now && row.expiresOn > now,
  };
}

/** Only a real PDF (read from its bytes, never its name), 5 Mo at most. */
export async function checkVigilancePdf(file: { fileName: string; bytes: Uint8Array }) {
  if (file.bytes.byteLength === 0) throw new DomainError("VALIDATION", vigilanceMessages.empty);
  if (file.bytes.byteLength > MAX_VIGILANCE_BYTES)
    throw new DomainError("VALIDATION", vigilanceMessages.tooBig);
  const detected = await fileTypeFromBuffer(file.bytes);
  if (detected?.mime !== "application/pdf") throw new DomainError("VALIDATION", vigilanceMessages.notPdf);
  const name = sanitizeFileName(file.fileName);
  return { fileName: name.toLowerCase().endsWith(".pdf") ? name : `${name}.pdf`, mimeType: detected.mime };
}

/** "2026-11-02" → its date; refused when in the future or already more than 6 months old. */
export function issueDateOf(issuedOn: string, now: Date): Date {
  const date = new Date(`${issuedOn}T00:00:00Z`);
  // Compared by calendar day in Paris: a certificate issued "today" is fine at any hour.
  const today = new Date(`${parisToday(now)}T00:00:00Z`);
  if (date > today) throw new DomainError("VALIDATION", vigilanceMessages.issuedOnFuture);
  if (expiryOf(date) <= today) throw new DomainError("VALIDATION", vigilanceMessages.issuedOnExpired);
  return date;
}

export async function uploadVigilanceCertificate({
  actorId,
  input,
  now = new Date(),
}: {
  actorId: string;
  input: { issuedOn: string; fileName: string; bytes: Uint8Array };
  now?: Date;
}): Promise<VigilanceCertificateDto> {
  await requireProvider(actorId);
  const issuedOn = issueDateOf(input.issuedOn, now);
  const file = await checkVigilancePdf(input);
  const storage = getFileStorage();
  const storageKey = await storage.put(STORAGE_FOLDER, input.bytes);
  try {
    const row = await repo.createCertificate({
      userId: actorId,
      ...file,
      sizeBytes: input.bytes.byteLength,
      storageKey,
      issuedOn,
      expiresOn: expiryOf(issuedOn),
    });
    return toDto(row, now);
  } catch (error) {
    await storage.remove(storageKey);
    throw error;
  }
}

async function largeContractCount(userId: string): Promise<number> {
  const contracts = await repo.findRunningContracts({
    providerUserId: userId,
    agencyIds: await repo.ownedAgencyIds(userId),
  });
  const values = await repo.contractValues(contracts);
  return contracts.filter((c) => repo.isLarge(values.get(c.id))).length;
}

export async function getVigilancePage({
  actorId,
  now = new Date(),
}: {
  actorId: string;
  now?: Date;
}): Promise<VigilancePageDto> {
  await requireProvider(actorId);
  const [rows, current] = await Promise.all([
    repo.listCertificates(actorId),
    repo.findCurrentCertificate(actorId, now),
  ]);
  return {
    current: current ? toDto(current, now) : null,
    history: rows.map((row) => toDto(row, now)),
    largeContracts: await largeContractCount(actorId),
  };
}

export type CertificateFile = { fileName: string; mimeType: string; bytes: Buffer };

/** The provider's own certificate (any of hers, current or past). */
export async function getOwnCertificate({
  actorId,
  certificateId,
}: {
  actorId: string;
  certificateId: string;
}) {
  const row = (await repo.listCertificates(actorId)).find((c) => c.id === certificateId);
  if (!row) throw notFound("Cette attestation");
  return {
    fileName: row.fileName,
    mimeType: row.mimeType,
    bytes: await getFileStorage().read(row.storageKey),
  };
}

/**
 * For a member of the business of a contract of €5,000 or more: the provider's current certificate.
 * Anyone else — the provider included, and a business below the threshold — gets NOT_FOUND.
 */
export async function getContractCertificate({
  actorId,
  contractId,
  now = new Date(),
}: {
  actorId: string;
  contractId: string;
  now?: Date;
}): Promise<CertificateFile> {
  const contract = await repo.findContract(contractId);
  if (!contract || !(await repo.isOrganizationMember(actorId, contract.organizationId))) {
    throw notFound("Cette attestation");
  }
  const values = await repo.contractValues([contract]);
  const holder = repo.isLarge(values.get(contract.id)) ? await repo.certificateHolderOf(contract) : null;
  const current = holder ? await repo.findCurrentCertificate(holder, now) : null;
  if (!current) throw notFound("Cette attestation");
  return {
    fileName: current.fileName,
    mimeType: current.mimeType,
    bytes: await getFileStorage().read(current.storageKey),
  };
}

export type ContractVigilanceStatus =
  { required: false } | { required: true; available: boolean; expiresOn: string | null; downloadUrl: string };

/**
 * For the contract page (a business member): whether the €5,000 rule applies and whether the
 * provider's certificate can be downloaded. Not a member of the business: { required: false }.
 */
export async function getContractVigilanceStatus({
  actorId,
  contractId,
  now = new Date(),
}: {
  actorId: string;
  contractId: string;
  now?: Date;
}): Promise<ContractVigilanceStatus> {
  const contract = await repo.findContract(contractId);
  if (!contract || !(await repo.isOrganizationMember(actorId, contract.organizationId)))
    return { required: false };
  const values = await repo.contractValues([contract]);
  if (!repo.isLarge(values.get(contract.id))) return { required: false };
  const holder = await repo.certificateHolderOf(contract);
  const current = holder ? await repo.findCurrentCertificate(holder, now) : null;
  return {
    required: true,
    available: current !== null,
    expiresOn: current ? isoDay(current.expiresOn) : null,
    downloadUrl: `/contrats/${contract.id}/attestation`,
  };
}
