// The billing mandate (mandat de facturation) the provider grants when she accepts a contract:
// the platform issues her invoices in her name and on her behalf (CGI art. 289, I-2). Client-safe:
// the contract page shows it in full next to the checkbox. A new wording is a NEW version with its
// own effectiveFrom, never an edit: the version a provider accepted is the one in force at
// Contract.mandateAcceptedAt.

export type BillingMandateVersion = {
  version: string;
  effectiveFrom: string; // "2026-11-29", Paris day
  title: string;
  paragraphs: readonly string[];
  checkboxLabel: string;
};

export const billingMandates: readonly BillingMandateVersion[] = [
  {
    version: "2026-11-29",
    effectiveFrom: "2026-11-29",
    title: "Mandat de facturation",
    paragraphs: [
      "En acceptant ce contrat, vous (la prestataire) donnez mandat à Permanence d’établir et d’émettre, en votre nom et pour votre compte, les factures correspondant au travail approuvé par l’entreprise dans le cadre de ce contrat (heures, tâches ou jalons).",
      "Chaque facture porte la mention « Facture établie par Permanence au nom et pour le compte de » suivie de votre identité, vos mentions légales (SIREN, régime de TVA) et une numérotation continue propre à vos factures sur Permanence.",
      "Vous restez seule responsable de vos obligations fiscales et sociales, notamment la déclaration et le paiement de la TVA due, le cas échéant. Vous vous engagez à signaler sans délai tout changement de votre situation (régime de TVA, adresse, SIREN).",
      "Une copie de chaque facture vous est adressée dès son émission. Vous disposez de 30 jours pour la contester ; passé ce délai, elle est réputée acceptée.",
      "Ce mandat vaut pour toute la durée du contrat et prend fin avec lui. La commission de Permanence fait l’objet d’une facture distincte émise par Permanence à votre nom.",
    ],
    checkboxLabel: "J’autorise Permanence à émettre mes factures en mon nom et pour mon compte",
  },
];

/** The wording in force now: what the page shows and the provider accepts. */
export const currentBillingMandate: BillingMandateVersion = billingMandates[billingMandates.length - 1]!;

/** The wording a provider accepted on `acceptedAt` (versions are ordered by effectiveFrom). */
export function billingMandateAt(acceptedAt: Date): BillingMandateVersion {
  const day = acceptedAt.toISOString().slice(0, 10);
  return [...billingMandates].reverse().find((m) => m.effectiveFrom <= day) ?? billingMandates[0]!;
}
