import { z } from "zod";

export const accountKinds = ["BUSINESS", "SECRETARY", "AGENCY"] as const;
export type AccountKind = (typeof accountKinds)[number];

export const emailField = z
  .string({ required_error: "L’adresse e-mail est obligatoire." })
  .trim()
  .toLowerCase()
  .max(254, "L’adresse e-mail est trop longue.")
  .email("L’adresse e-mail n’est pas valide.");

export const newPasswordField = z
  .string({ required_error: "Le mot de passe est obligatoire." })
  .min(10, "Le mot de passe doit comporter au moins 10 caractères.")
  .max(128, "Le mot de passe ne doit pas dépasser 128 caractères.");

export const displayNameField = z
  .string({ required_error: "Votre nom est obligatoire." })
  .trim()
  .min(2, "Votre nom doit comporter au moins 2 caractères.")
  .max(80, "Votre nom ne doit pas dépasser 80 caractères.");

export const organizationNameField = z
  .string({ required_error: "Le nom de la structure est obligatoire." })
  .trim()
  .min(2, "Le nom de la structure doit comporter au moins 2 caractères.")
  .max(120, "Le nom de la structure ne doit pas dépasser 120 caractères.");

export const signupSchema = z
  .object({
    kind: z.enum(accountKinds, { errorMap: () => ({ message: "Choisissez le type de compte." }) }),
    displayName: displayNameField,
    organizationName: organizationNameField.optional(),
    email: emailField,
    password: newPasswordField,
    acceptTerms: z.literal("on", { errorMap: () => ({ message: "Vous devez accepter les conditions d’utilisation." }) }),
  })
  .superRefine((value, ctx) => {
    if (value.kind !== "SECRETARY" && !value.organizationName) {
      ctx.addIssue({ code: "custom", path: ["organizationName"], message: "Le nom de la structure est obligatoire." });
    }
  });
export type SignupInput = z.infer<typeof signupSchema>;

export const loginSchema = z.object({
  email: emailField,
  password: z.string({ required_error: "Le mot de passe est obligatoire." }).min(1).max(128),
  redirectTo: z.string().optional(),
});

export const forgotPasswordSchema = z.object({ email: emailField });

export const resetPasswordSchema = z
  .object({
    token: z.string().min(20).max(200),
    password: newPasswordField,
    confirmPassword: z.string({ required_error: "Confirmez le mot de passe." }),
  })
  .refine((v) => v.password === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "Les deux mots de passe ne sont pas identiques.",
  });

/**
 * Only same-site paths: an open redirect after login would be a phishing tool. The value is
 * resolved the way a browser would (which drops tabs and newlines, so "/\t/evil.com" is
 * "//evil.com") and kept only if it stays on our origin.
 */
export function safeRedirect(to: string | null | undefined, fallback = "/"): string {
  if (!to || !to.startsWith("/")) return fallback;
  const base = "http://permanence.invalid";
  let url: URL;
  try {
    url = new URL(to, base);
  } catch {
    return fallback;
  }
  return url.origin === base ? `${url.pathname}${url.search}${url.hash}` : fallback;
}
