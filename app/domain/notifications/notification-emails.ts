// The French e-mails of notifications: one per type and the daily digest, plain text and HTML
// (renderEmail escapes every value), each ending with the preferences and unsubscribe links.
import { escapeHtml, renderEmail } from "#app/lib/email-template";
import { notificationTypeLabels, type NotificationType } from "./notification-types";

type Template = { subject: (title: string) => string; intro: string; action: string };

// A message's text stays on the site: chats may hold patient data (medical secrecy) that must not
// travel by e-mail. The e-mail says who wrote and links to the conversation.
const bodyInEmail = (type: NotificationType) => type !== "MESSAGE_RECEIVED";

const templates: Record<NotificationType, Template> = {
  PROPOSAL_RECEIVED: {
    subject: (t) => `Nouvelle proposition : ${t}`,
    intro: "Une secrétaire a répondu à votre mission.",
    action: "Voir les propositions",
  },
  PROPOSAL_ACCEPTED: {
    subject: (t) => `Proposition acceptée : ${t}`,
    intro: "Bonne nouvelle : votre proposition a été acceptée.",
    action: "Voir le contrat",
  },
  PROPOSAL_DECLINED: {
    subject: (t) => `Proposition déclinée : ${t}`,
    intro: "Votre proposition n’a pas été retenue cette fois-ci.",
    action: "Voir mes propositions",
  },
  OFFER_RECEIVED: {
    subject: (t) => `Offre reçue : ${t}`,
    intro: "Une entreprise vous propose directement une mission.",
    action: "Voir l’offre",
  },
  CONTRACT_TO_ACCEPT: {
    subject: (t) => `Contrat à accepter : ${t}`,
    intro: "Un contrat attend votre acceptation pour démarrer.",
    action: "Voir le contrat",
  },
  WORK_SUBMITTED: {
    subject: (t) => `Travail à valider : ${t}`,
    intro: "Du travail a été déclaré et attend votre validation.",
    action: "Valider le travail",
  },
  WORK_APPROVED: {
    subject: (t) => `Travail validé : ${t}`,
    intro: "Votre travail a été validé.",
    action: "Voir le travail",
  },
  WORK_DISPUTED: {
    subject: (t) => `Travail contesté : ${t}`,
    intro: "L’entreprise conteste une partie de votre travail.",
    action: "Voir le motif",
  },
  PAYMENT_RECEIVED: {
    subject: (t) => `Paiement envoyé : ${t}`,
    intro: "Un virement vient de partir vers votre compte.",
    action: "Voir mes paiements",
  },
  MESSAGE_RECEIVED: {
    subject: (t) => `Nouveau message : ${t}`,
    intro: "Vous avez reçu un message pendant votre absence.",
    action: "Lire le message",
  },
  REVIEW_RECEIVED: {
    subject: (t) => `Nouvel avis : ${t}`,
    intro: "Un avis a été publié à votre sujet.",
    action: "Voir l’avis",
  },
  MODERATION_OUTCOME: {
    subject: (t) => `Décision de modération : ${t}`,
    intro: "L’équipe de modération a rendu sa décision.",
    action: "Voir le détail",
  },
  COMPLIANCE_REMINDER: {
    subject: (t) => `Rappel : ${t}`,
    intro: "Une obligation légale liée à vos contrats vous attend.",
    action: "Voir l’attestation",
  },
};

export type MailLinks = { appUrl: string; unsubscribeToken: string };

export const unsubscribeUrl = ({ appUrl, unsubscribeToken }: MailLinks) =>
  `${appUrl}/notifications/desabonnement?token=${encodeURIComponent(unsubscribeToken)}`;
export const preferencesUrl = (appUrl: string) => `${appUrl}/compte/notifications`;

/** Appends the "why you get this" footer with both links, clickable in HTML. */
function withFooter(mail: { subject: string; text: string; html: string }, links: MailLinks) {
  const prefs = preferencesUrl(links.appUrl);
  const unsubscribe = unsubscribeUrl(links);
  const text = `${mail.text}\n\nVous recevez cet e-mail car vos notifications Permanence sont activées.\nChoisir la fréquence des e-mails : ${prefs}\nNe plus recevoir d’e-mails : ${unsubscribe}\n`;
  const footer = `<hr style="border:none;border-top:1px solid #d5dbe3"><p style="font-size:12px;color:#4a5566">Vous recevez cet e-mail car vos notifications Permanence sont activées.<br><a href="${escapeHtml(prefs)}">Choisir la fréquence des e-mails</a> · <a href="${escapeHtml(unsubscribe)}">Ne plus recevoir d’e-mails</a></p>`;
  return { subject: mail.subject, text, html: mail.html.replace("</body>", `${footer}</body>`) };
}

export type NotificationContent = {
  type: NotificationType;
  title: string;
  body: string;
  link: string | null;
};

export function notificationEmail(recipient: { name: string }, n: NotificationContent, links: MailLinks) {
  const template = templates[n.type];
  const mail = renderEmail({
    subject: template.subject(n.title),
    greeting: `Bonjour ${recipient.name},`,
    paragraphs: [template.intro, n.title, ...(n.body && bodyInEmail(n.type) ? [n.body] : [])],
    action: n.link ? { label: template.action, url: `${links.appUrl}${n.link}` } : undefined,
  });
  return withFooter(mail, links);
}

export function digestEmail(
  recipient: { name: string },
  items: readonly (NotificationContent & { count: number })[],
  links: MailLinks,
) {
  const lines = items.map((n) => {
    const times = n.count > 1 ? ` (×${n.count})` : "";
    const where = n.link ? ` — ${links.appUrl}${n.link}` : "";
    const body = n.body && bodyInEmail(n.type) ? ` — ${n.body}` : "";
    return `• ${notificationTypeLabels[n.type]}${times} : ${n.title}${body}${where}`;
  });
  const mail = renderEmail({
    subject:
      items.length === 1
        ? "Votre résumé Permanence : 1 nouveauté"
        : `Votre résumé Permanence : ${items.length} nouveautés`,
    greeting: `Bonjour ${recipient.name},`,
    paragraphs: ["Voici ce qui s’est passé depuis votre dernier résumé :", ...lines],
    action: { label: "Voir toutes mes notifications", url: `${links.appUrl}/notifications` },
  });
  return withFooter(mail, links);
}
