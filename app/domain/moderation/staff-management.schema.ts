// Forms of the staff page (/moderation/equipe), admins only.
import { z } from "zod";
import { staffAccountSchema, staffRoles } from "./staff-accounts.schema";

const roleField = z.enum(staffRoles, {
  errorMap: () => ({ message: "Choisissez le rôle : modérateur ou administrateur." }),
});
const memberField = z
  .string({ required_error: "Membre de l’équipe introuvable." })
  .min(1, "Membre de l’équipe introuvable.");

export const staffActionSchema = z.discriminatedUnion("intent", [
  staffAccountSchema.extend({ intent: z.literal("create"), role: roleField }),
  z.object({ intent: z.literal("role"), userId: memberField, role: roleField }),
  z.object({ intent: z.literal("reset-totp"), userId: memberField }),
  z.object({ intent: z.literal("fee"), percent: z.string().optional().default("") }),
]);

export type StaffMemberRow = {
  id: string;
  displayName: string;
  email: string;
  role: string;
  totpEnrolled: boolean;
  suspended: boolean;
};

export const staffPageNotices = {
  role: "Le rôle a été modifié.",
  "reset-totp":
    "La double authentification a été réinitialisée : elle sera refaite à la prochaine connexion.",
  fee: "La commission a été modifiée. Elle s’applique aux contrats créés à partir de maintenant.",
} as const;
export const staffPageNoticeSchema = z.enum(["role", "reset-totp", "fee"]).optional().catch(undefined);
