// The confidentiality pledge a secretary signs before reading the details of a mission under
// medical secrecy. Client-safe. A new wording gets a new version: every secretary signs it again
// (a pledge is kept per user and version).
export const CURRENT_PLEDGE_VERSION = "2026-11";

export const pledgeTitle = "Engagement de confidentialité";

export const pledgeParagraphs: readonly string[] = [
  "Je m’engage à respecter le secret médical et le secret professionnel pour toutes les informations dont j’aurai connaissance à l’occasion des missions confiées par l’intermédiaire de Permanence, y compris après la fin de ces missions.",
  "Je sais que toute personne prise en charge par un professionnel de santé a droit au respect de sa vie privée et du secret des informations la concernant (article L1110-4 du code de la santé publique), et que la violation du secret professionnel est punie par l’article 226-13 du code pénal.",
  "Je ne communique aucune information concernant les patients ou les clients à un tiers, ni à une autre personne du cabinet qui n’a pas à en connaître.",
  "Je ne fais sortir aucune donnée patient des outils désignés par le cabinet (logiciel métier, agenda, messagerie sécurisée) : ni copie sur un appareil personnel, ni envoi par une messagerie non désignée, ni impression hors du cadre de la mission. La messagerie de Permanence n’est pas un outil de transmission de données patient.",
  "Je signale sans délai au cabinet toute perte, erreur d’envoi ou accès non autorisé à ces données.",
];

export const PLEDGE_REQUIRED_MESSAGE =
  "Cette mission est soumise au secret médical : signez d’abord l’engagement de confidentialité pour lire sa description et proposer vos services.";

export function pledgeLink(redirectTo: string) {
  return `/compte/engagement-confidentialite?${new URLSearchParams({ redirectTo })}`;
}
