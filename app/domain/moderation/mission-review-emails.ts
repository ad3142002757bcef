// The e-mails the business member who wrote a mission receives when staff decide on it. Every
// value is escaped by renderEmail, so a reason typed by a moderator cannot inject markup.
import { renderEmail } from "#app/lib/email-template";
import type { MissionDecisionIntent } from "./mission-review.schema";

type Recipient = { name: string; missionId: string; title: string; reason: string | null; appUrl: string };

const messages: Record<MissionDecisionIntent, (r: Recipient) => Parameters<typeof renderEmail>[0]> = {
  approve: (r) => ({
    subject: "Votre mission est publiée sur Permanence",
    greeting: `Bonjour ${r.name},`,
    paragraphs: [
      `Bonne nouvelle : notre équipe a validé votre mission « ${r.title} ». Elle est désormais ouverte aux propositions des secrétaires.`,
    ],
    action: { label: "Voir la mission", url: `${r.appUrl}/missions/${r.missionId}` },
  }),
  "request-changes": (r) => ({
    subject: "Votre mission doit être modifiée avant publication",
    greeting: `Bonjour ${r.name},`,
    paragraphs: [
      `Notre équipe a relu votre mission « ${r.title} » et vous demande quelques modifications avant de la publier.`,
      `Ce qu’il faut modifier : ${r.reason ?? "non précisé"}`,
      "Modifiez la mission puis renvoyez-la en validation : nous la relirons rapidement.",
    ],
    action: { label: "Modifier la mission", url: `${r.appUrl}/missions/${r.missionId}/modifier` },
  }),
};

export function missionDecisionMessage(intent: MissionDecisionIntent, recipient: Recipient) {
  return renderEmail(messages[intent](recipient));
}
