// Client-safe: the notification DTO and the form inputs of the notification pages.
import { z } from "zod";
import { emailModes, type EmailMode, type NotificationType } from "./notification-types";

export type NotificationDTO = {
  id: string;
  type: NotificationType;
  typeLabel: string;
  title: string;
  body: string;
  link: string | null;
  count: number;
  read: boolean;
  createdAt: string; // ISO
};

export type NotificationPage = {
  items: NotificationDTO[];
  page: number;
  pageCount: number;
  unread: number;
};

export type NotificationPreferences = { emailMode: EmailMode };

export const NOTIFICATIONS_PAGE_SIZE = 20;

export const preferencesSchema = z.object({
  emailMode: z.enum(emailModes, { errorMap: () => ({ message: "Choisissez une fréquence d’e-mails." }) }),
});

export const pageParamSchema = z.coerce.number().int().min(1).max(10_000).catch(1);

export const notificationIntentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("open"), notificationId: z.string().min(1).max(64) }),
  z.object({ intent: z.literal("read-all") }),
]);

export const unsubscribeTokenSchema = z.string().min(1).max(300);
