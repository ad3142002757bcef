// "Télécharger mes données" (RGPD art. 15 and 20): everything the platform holds about the user,
// as JSON, with the files of the conversations she takes part in, in one zip. Conversations are read
// through the chat domain, so she gets exactly what she sees on /messages (masking included) and
// nothing of a conversation she is not part of. Rate-limited: building it reads a lot.
import { strToU8, zipSync, type Zippable } from "fflate";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { getAttachment, getConversation, listConversations } from "#app/domain/chat/chat.server";
import type { ConversationView, MessageDTO } from "#app/domain/chat/chat.schema";
import { DomainError, notFound } from "#app/lib/domain-error";
import { getFileStorage } from "#app/lib/file-storage.server";
import * as repo from "./data-export.repo.server";

export const EXPORT_LIMIT = { points: 3, duration: 60 * 60 } as const;
const PAGE = 200;

let limiter = new RateLimiterMemory({ keyPrefix: "privacy-export", ...EXPORT_LIMIT });

/** Tests start from a clean slate. */
export function resetExportLimits(): void {
  limiter = new RateLimiterMemory({ keyPrefix: "privacy-export", ...EXPORT_LIMIT });
}

async function consumeExportPoint(userId: string): Promise<void> {
  try {
    await limiter.consume(userId);
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    const minutes = Math.max(1, Math.ceil(error.msBeforeNext / 60_000));
    throw new DomainError(
      "RATE_LIMITED",
      `Vous avez déjà téléchargé vos données ${EXPORT_LIMIT.points} fois cette heure-ci. Réessayez dans ${minutes} minute${minutes > 1 ? "s" : ""}.`,
    );
  }
}

type ExportedFile = { path: string; bytes: Uint8Array };
type ExportedConversation = Omit<ConversationView, "hasOlder" | "oldestSeq" | "readMarks">;

/** Every page of one conversation, oldest first, as the chat domain shows it to her. */
async function readConversation(actorId: string, conversationId: string): Promise<ExportedConversation> {
  let view = await getConversation({ actorId, conversationId, limit: PAGE });
  const messages: MessageDTO[] = [...view.messages];
  while (view.hasOlder && view.oldestSeq !== null) {
    view = await getConversation({ actorId, conversationId, beforeSeq: view.oldestSeq, limit: PAGE });
    messages.unshift(...view.messages);
  }
  const { hasOlder: _h, oldestSeq: _o, readMarks: _r, ...rest } = view;
  return { ...rest, messages };
}

/** A name safe inside a zip: no folders, no "..", nothing a file system would choke on. */
export function safeFileName(name: string): string {
  const cleaned = name
    .replace(/[^\p{L}\p{N}._ -]/gu, "_")
    .replace(/^\.+/, "_")
    .slice(0, 120);
  return cleaned || "fichier";
}

async function conversationsWithFiles(actorId: string) {
  const summaries = await listConversations({ actorId });
  const conversations: ExportedConversation[] = [];
  const files: ExportedFile[] = [];
  for (const summary of summaries) {
    const conversation = await readConversation(actorId, summary.id);
    for (const message of conversation.messages) {
      for (const attachment of message.attachments) {
        const file = await getAttachment({
          actorId,
          conversationId: conversation.id,
          attachmentId: attachment.id,
        });
        const path = `pieces-jointes/${conversation.id}/${attachment.id}-${safeFileName(file.fileName)}`;
        files.push({ path, bytes: file.bytes });
        Object.assign(attachment, { url: path });
      }
    }
    conversations.push(conversation);
  }
  return { conversations, files };
}

/** Her attestations de vigilance: metadata in the JSON (`file` = its path in the zip), and the PDFs. */
async function certificatesWithFiles(userId: string) {
  const rows = await repo.findVigilanceCertificates(userId);
  const files: ExportedFile[] = [];
  const certificates = [];
  for (const { storageKey, ...certificate } of rows) {
    const path = `attestations-vigilance/${certificate.id}-${safeFileName(certificate.fileName)}`;
    files.push({ path, bytes: await getFileStorage().read(storageKey) });
    certificates.push({ ...certificate, file: path });
  }
  return { certificates, files };
}

async function collectRecords(userId: string) {
  const account = await repo.findAccount(userId);
  if (!account) throw notFound("Ce compte");
  const [identity, payoutAccount, pledges] = await repo.findIdentityRecords(userId);
  const [notifications, notificationPreferences] = await repo.findNotifications(userId);
  const contracts = await repo.findContracts(userId);
  return {
    account,
    profile: await repo.findProfile(userId),
    memberships: await repo.findMemberships(userId),
    invoicingIdentity: identity,
    payoutAccount,
    confidentialityPledges: pledges,
    missionsCreated: await repo.findMissionsCreated(userId),
    proposals: await repo.findProposals(userId),
    contracts: contracts.map(({ providerUserId, businessAcceptedById, ...contract }) => ({
      ...contract,
      mySide: providerUserId === userId || contract.assignees.length > 0 ? "PROVIDER" : "BUSINESS",
      signedByMe: providerUserId === userId || businessAcceptedById === userId,
    })),
    workEntries: await repo.findWorkEntries(userId),
    notifications,
    notificationPreferences,
    reportsFiled: await repo.findReportsFiled(userId),
    reviewsWritten: await repo.findReviewsWritten(userId),
    invoices: await repo.findInvoices(userId),
    sessions: await repo.findSessions(userId),
  };
}

/** The zip of everything about her: donnees.json, LISEZMOI.txt, pieces-jointes/, attestations-vigilance/. */
export async function exportUserData(args: { actorId: string; now?: Date }) {
  await consumeExportPoint(args.actorId);
  const now = args.now ?? new Date();
  const records = await collectRecords(args.actorId);
  const { conversations, files } = await conversationsWithFiles(args.actorId);
  const vigilance = await certificatesWithFiles(args.actorId);
  files.push(...vigilance.files);
  const json = {
    exportedAt: now.toISOString(),
    ...records,
    vigilanceCertificates: vigilance.certificates,
    conversations,
  };
  const entries: Zippable = {
    "donnees.json": strToU8(JSON.stringify(json, null, 2)),
    "LISEZMOI.txt": strToU8(README_TEXT),
  };
  for (const file of files) entries[file.path] = [file.bytes, { level: 0 }];
  return {
    fileName: `permanence-mes-donnees-${now.toISOString().slice(0, 10)}.zip`,
    bytes: zipSync(entries, { level: 6, mtime: now }),
  };
}

const README_TEXT = `Vos données sur Permanence
==========================

donnees.json : votre compte, votre profil, vos organisations, les missions que vous avez créées,
vos propositions, les contrats auxquels vous êtes partie, vos saisies de travail, vos conversations
(telles que vous les voyez sur le site), vos notifications et préférences, vos signalements, les avis
que vous avez rédigés, vos attestations de vigilance, les factures émises en votre nom ou qui vous sont adressées (références et
montants) et vos sessions de connexion (dates seulement).

pieces-jointes/ : les fichiers échangés dans vos conversations, rangés par conversation.

attestations-vigilance/ : les attestations de vigilance URSSAF que vous avez déposées (PDF).
`;
