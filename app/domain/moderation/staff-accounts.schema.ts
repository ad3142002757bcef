// Input of the staff account command, validated before anything touches the database.
import { z } from "zod";
import { displayNameField, emailField } from "#app/domain/accounts/accounts.schema";

export const staffRoles = ["MODERATOR", "ADMIN"] as const;
export type StaffRoleName = (typeof staffRoles)[number];
export const staffRoleLabels: Record<StaffRoleName, string> = {
  MODERATOR: "modérateur",
  ADMIN: "administrateur",
};

export const staffAccountSchema = z.object({
  email: emailField,
  role: z.enum(staffRoles, { errorMap: () => ({ message: "Le rôle doit être MODERATOR ou ADMIN." }) }),
  name: displayNameField.optional(),
});
export type StaffAccountInput = z.input<typeof staffAccountSchema>;
