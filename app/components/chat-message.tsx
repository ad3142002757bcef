// One message of a conversation: text rendered as text (React escapes it) with safe autolinks,
// attachments as download links, the masking notices, the "Lu" receipt and a report disclosure.
import { Form } from "@remix-run/react";
import Linkify from "linkify-react";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import type { MessageDTO } from "#app/domain/chat/chat.schema";
import { reportReasonLabels, reportReasons } from "#app/domain/reports/reports.schema";
import { formatDateTime } from "#app/lib/dates";

export const MASKED_NOTICE =
  "Coordonnées masquées : elles seront visibles une fois le contrat signé — le contrat protège les deux parties.";
export const MASKED_FOR_OTHERS_NOTICE =
  "Vos coordonnées sont masquées pour votre interlocuteur jusqu’à la signature du contrat — le contrat protège les deux parties.";

// Only web and mail links become clickable; anything else (javascript:, file:, ftp:…) stays text.
const SAFE_HREF = /^(https?:\/\/|mailto:)/i;
const linkOptions = {
  defaultProtocol: "https",
  target: "_blank",
  rel: "noopener noreferrer nofollow",
  validate: (value: string, type: string) =>
    type === "email" || SAFE_HREF.test(value) || !/^[a-z][a-z0-9+.-]*:/i.test(value),
};

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} o`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024).toLocaleString("fr-FR")} Ko`;
  return `${(bytes / (1024 * 1024)).toLocaleString("fr-FR", { maximumFractionDigits: 1 })} Mo`;
}

type Props = { message: MessageDTO; mine: boolean; read: boolean };

export function ChatMessage({ message, mine, read }: Props) {
  return (
    <li
      id={`message-${message.id}`}
      className={`chat-message${mine ? " mine" : ""}${message.hidden ? " hidden-by-moderation" : ""}`}
    >
      <p className="chat-meta">
        <strong>{mine ? "Vous" : message.senderName}</strong>
        <time dateTime={message.createdAt}>{formatDateTime(message.createdAt)}</time>
      </p>
      {message.body ? (
        <p className="chat-body">
          {message.hidden ? message.body : <Linkify options={linkOptions}>{message.body}</Linkify>}
        </p>
      ) : null}
      {message.attachments.length ? (
        <ul className="chat-attachments" aria-label="Pièces jointes">
          {message.attachments.map((file) => (
            <li key={file.id}>
              <a href={file.url} download={file.fileName}>
                {file.fileName}
              </a>{" "}
              <span className="muted">({formatSize(file.sizeBytes)})</span>
            </li>
          ))}
        </ul>
      ) : null}
      {message.masked ? <p className="chat-masked">{MASKED_NOTICE}</p> : null}
      {message.maskedForOthers ? <p className="chat-masked">{MASKED_FOR_OTHERS_NOTICE}</p> : null}
      {read ? <p className="chat-receipt">Lu</p> : null}
      {mine || message.hidden ? null : <ReportDisclosure messageId={message.id} />}
    </li>
  );
}

function ReportDisclosure({ messageId }: { messageId: string }) {
  const reasonId = `report-reason-${messageId}`;
  const detailsId = `report-details-${messageId}`;
  return (
    <details className="chat-report">
      <summary>Signaler ce message</summary>
      <Form method="post">
        <AuthenticityTokenInput />
        <input type="hidden" name="intent" value="report" />
        <input type="hidden" name="messageId" value={messageId} />
        <div className="field">
          <label htmlFor={reasonId}>Motif</label>
          <select id={reasonId} name="reason" required defaultValue="">
            <option value="" disabled>
              Choisissez un motif
            </option>
            {reportReasons.map((reason) => (
              <option key={reason} value={reason}>
                {reportReasonLabels[reason]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={detailsId}>Précisions (facultatif)</label>
          <textarea id={detailsId} name="details" maxLength={1000} rows={3} />
        </div>
        <button type="submit" className="secondary">
          Envoyer le signalement
        </button>
      </Form>
    </details>
  );
}
