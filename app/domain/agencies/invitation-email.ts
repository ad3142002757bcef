import { renderEmail } from "#app/lib/email-template";
import { INVITATION_LIFETIME_DAYS } from "./agencies.schema";

export function invitationMessage(input: { agencyName: string; inviterName: string; url: string }) {
  return renderEmail({
    subject: `${input.agencyName} vous invite à rejoindre son équipe sur Permanence`,
    greeting: "Bonjour,",
    paragraphs: [
      `${input.inviterName} vous invite à rejoindre l’équipe du cabinet de télésecrétariat « ${input.agencyName} » sur Permanence.`,
      "En acceptant, votre profil de secrétaire est rattaché à l’agence, qui peut alors vous confier des missions. Vous gardez votre compte et votre profil si vous quittez l’équipe.",
    ],
    action: { label: "Voir l’invitation", url: input.url },
    footnote: `Cette invitation est valable ${INVITATION_LIFETIME_DAYS} jours. Si vous ne connaissez pas cette agence, ignorez ce message.`,
  });
}
