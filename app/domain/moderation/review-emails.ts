// The e-mails a secretary receives when staff decide on her profile. Every value is escaped by
// renderEmail, so a reason typed by a moderator cannot inject markup.
import { renderEmail } from "#app/lib/email-template";
import type { DecisionIntent } from "./moderation.schema";

type Recipient = { name: string; slug: string; reason: string | null; appUrl: string };

const publicUrl = (r: Recipient) => `${r.appUrl}/secretaires/${r.slug}`;
const editUrl = (r: Recipient) => `${r.appUrl}/compte/profil`;

const messages: Record<DecisionIntent, (r: Recipient) => Parameters<typeof renderEmail>[0]> = {
  approve: (r) => ({
    subject: "Votre profil est publié sur Permanence",
    greeting: `Bonjour ${r.name},`,
    paragraphs: [
      "Bonne nouvelle : notre équipe a validé votre profil. Il est désormais visible des entreprises qui cherchent une secrétaire.",
      "Pensez à tenir vos disponibilités à jour pour recevoir des propositions qui vous conviennent.",
    ],
    action: { label: "Voir mon profil public", url: publicUrl(r) },
  }),
  reject: (r) => ({
    subject: "Votre profil doit être complété avant publication",
    greeting: `Bonjour ${r.name},`,
    paragraphs: [
      "Notre équipe a relu votre profil et ne peut pas le publier en l’état.",
      `Motif : ${r.reason ?? "non précisé"}`,
      "Corrigez votre profil puis renvoyez-le en validation : nous le relirons rapidement.",
    ],
    action: { label: "Modifier mon profil", url: editUrl(r) },
  }),
  suspend: (r) => ({
    subject: "Votre profil est suspendu",
    greeting: `Bonjour ${r.name},`,
    paragraphs: [
      "Notre équipe a suspendu votre profil : il n’apparaît plus dans les recherches.",
      `Motif : ${r.reason ?? "non précisé"}`,
      "Si vous pensez qu’il s’agit d’une erreur, répondez à ce message pour contacter l’équipe de Permanence.",
    ],
    action: { label: "Voir mon profil", url: editUrl(r) },
  }),
  reinstate: (r) => ({
    subject: "Votre profil est de nouveau visible",
    greeting: `Bonjour ${r.name},`,
    paragraphs: [
      "Notre équipe a levé la suspension de votre profil : il est de nouveau visible des entreprises.",
      ...(r.reason ? [`Précision de l’équipe : ${r.reason}`] : []),
    ],
    action: { label: "Voir mon profil public", url: publicUrl(r) },
  }),
};

export function decisionMessage(intent: DecisionIntent, recipient: Recipient) {
  return renderEmail(messages[intent](recipient));
}
