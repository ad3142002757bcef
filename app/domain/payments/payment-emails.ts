// The e-mails money events send: a failed debit to the business, a dispute to staff. Every value
// is escaped by renderEmail.
import { formatEuros } from "#app/lib/money";
import { renderEmail } from "#app/lib/email-template";

export function paymentFailedMessage(r: {
  name: string;
  contractTitle: string;
  amountCents: number;
  appUrl: string;
}) {
  return renderEmail({
    subject: "Votre paiement Permanence a échoué",
    greeting: `Bonjour ${r.name},`,
    paragraphs: [
      `Le prélèvement de ${formatEuros(r.amountCents)} pour le contrat « ${r.contractTitle} » a été refusé par votre banque.`,
      "Enregistrez un nouveau moyen de paiement : nous présenterons le paiement à nouveau automatiquement. Les secrétaires ne sont payées qu’une fois le paiement reçu.",
    ],
    action: { label: "Mettre à jour mon moyen de paiement", url: `${r.appUrl}/compte/facturation` },
  });
}

export function disputeOpenedMessage(r: {
  contractId: string;
  contractTitle: string;
  amountCents: number;
  appUrl: string;
}) {
  return renderEmail({
    subject: "Litige bancaire ouvert sur un paiement",
    greeting: "Bonjour,",
    paragraphs: [
      `La banque d’une entreprise conteste un paiement de ${formatEuros(r.amountCents)} (contrat « ${r.contractTitle} »). Le contrat est passé « En litige ».`,
      "Répondez au litige et décidez d’un éventuel remboursement depuis l’écran des paiements.",
    ],
    action: { label: "Voir les paiements", url: `${r.appUrl}/moderation/paiements` },
  });
}
