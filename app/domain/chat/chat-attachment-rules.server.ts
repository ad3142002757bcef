// What a file sent in a conversation may be: its type is read from its bytes, never from its name,
// so an executable renamed "devis.pdf" is refused before anything is written.
import { fileTypeFromBuffer } from "file-type";
import { DomainError } from "#app/lib/domain-error";
import { MAX_ATTACHMENT_BYTES } from "./chat.schema";

const allowedTypes = new Set([
  "application/pdf",
  "image/png",
  "image/jpeg",
  "image/webp",
  "image/gif",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  "application/vnd.oasis.opendocument.text",
  "application/vnd.oasis.opendocument.spreadsheet",
]);

const textTypes: Record<string, string> = { txt: "text/plain", csv: "text/csv" };

export const attachmentMessages = {
  empty: "Ce fichier est vide.",
  tooBig: "Ce fichier dépasse 10 Mo : envoyez un fichier plus léger.",
  refused:
    "Ce type de fichier n’est pas accepté. Formats possibles : PDF, PNG, JPEG, WEBP, GIF, Word, Excel, PowerPoint, OpenDocument, texte (.txt, .csv).",
} as const;

export type CheckedAttachment = { fileName: string; mimeType: string; bytes: Uint8Array };

/** A name fit for display and a download header: no folders, control or reserved characters. */
export function sanitizeFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? "";
  const cleaned = base
    .normalize("NFC")
    .replace(/[\p{Cc}\p{Cf}<>:"|?*]/gu, "")
    .replace(/\s+/g, " ")
    .replace(/^[\s.]+|[\s.]+$/g, "");
  if (!cleaned) return "piece-jointe";
  if (cleaned.length <= 120) return cleaned;
  const dot = cleaned.lastIndexOf(".");
  const extension = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : "";
  return cleaned.slice(0, 120 - extension.length) + extension;
}

function isPlainText(bytes: Uint8Array): boolean {
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return !text.includes("\u0000");
  } catch {
    return false;
  }
}

async function sniff(fileName: string, bytes: Uint8Array): Promise<string | null> {
  const detected = await fileTypeFromBuffer(bytes);
  if (detected) return allowedTypes.has(detected.mime) ? detected.mime : null;
  // Text has no signature: accepted by its extension, only if the bytes really are text.
  const extension = fileName.toLowerCase().split(".").pop() ?? "";
  const textType = textTypes[extension];
  return textType && isPlainText(bytes) ? textType : null;
}

/** Throws VALIDATION with a French message for an empty, oversized or refused file. */
export async function checkAttachment(file: {
  fileName: string;
  bytes: Uint8Array;
}): Promise<CheckedAttachment> {
  if (file.bytes.byteLength === 0) throw new DomainError("VALIDATION", attachmentMessages.empty);
  if (file.bytes.byteLength > MAX_ATTACHMENT_BYTES)
    throw new DomainError("VALIDATION", attachmentMessages.tooBig);
  const fileName = sanitizeFileName(file.fileName);
  const mimeType = await sniff(fileName, file.bytes);
  if (!mimeType) throw new DomainError("VALIDATION", attachmentMessages.refused);
  return { fileName, mimeType, bytes: file.bytes };
}
