import { renderEmail } from "#app/lib/email-template";

export function verifyEmailMessage(name: string, url: string) {
  return renderEmail({
    subject: "Confirmez votre adresse e-mail",
    greeting: `Bonjour ${name},`,
    paragraphs: ["Bienvenue sur Permanence. Confirmez votre adresse e-mail pour activer votre compte."],
    action: { label: "Confirmer mon adresse", url },
    footnote: "Ce lien est valable 48 heures. Si vous n’avez pas créé de compte, ignorez ce message.",
  });
}

export function resetPasswordMessage(name: string, url: string) {
  return renderEmail({
    subject: "Réinitialisation de votre mot de passe",
    greeting: `Bonjour ${name},`,
    paragraphs: ["Vous avez demandé à changer votre mot de passe Permanence."],
    action: { label: "Choisir un nouveau mot de passe", url },
    footnote: "Ce lien est valable une heure et ne sert qu’une fois. Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.",
  });
}
