import { z } from "zod";

export const eraseAccountSchema = z.object({
  password: z
    .string({ required_error: "Saisissez votre mot de passe." })
    .min(1, "Saisissez votre mot de passe."),
  confirm: z.literal("on", {
    errorMap: () => ({ message: "Cochez la case pour confirmer la suppression définitive de votre compte." }),
  }),
});

export type EraseAccountInput = z.infer<typeof eraseAccountSchema>;

export const privacyMessages = {
  wrongPassword: "Mot de passe incorrect : votre compte n’a pas été supprimé.",
  liveContract:
    "Votre compte ne peut pas encore être supprimé : vous êtes partie à un contrat en cours (en attente, actif, en pause ou en litige). Terminez-le ou annulez-le d’abord.",
  moneyInFlight:
    "Votre compte ne peut pas encore être supprimé : un paiement ou un versement est en cours. Réessayez quand il sera terminé.",
  soleOwner: (organization: string) =>
    `Votre compte ne peut pas encore être supprimé : vous êtes la seule propriétaire de « ${organization} », qui a d’autres membres. Nommez une autre propriétaire ou retirez les membres d’abord.`,
} as const;
