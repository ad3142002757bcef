// The daily reminders about attestations de vigilance (started by the web server and by
// `npm run worker`):
// - the business of a running contract of €5,000 or more, when it starts and every 6 months
//   after (Contract.vigilanceRemindedAt), to check its provider's certificate;
// - the provider, 15 days before her certificate lapses (VigilanceCertificate.remindedAt), and
//   (at most once every 30 days) while she has none valid but holds such a contract.
// Every reminder is claimed by a conditional update in the transaction writing the notification,
// so two runs or two instances never send it twice.
import { notify, publishNotifications } from "#app/domain/notifications/notifications.server";
import { db } from "#app/lib/db.server";
import { formatDate } from "#app/lib/dates";
import { type PeriodicJob, startPeriodicJob } from "#app/lib/periodic-job";
import { logger as appLogger } from "#app/server/logger";
import * as repo from "./vigilance.repo.server";
import { addMonths, VALIDITY_MONTHS } from "./vigilance.schema";

type Logger = Pick<typeof appLogger, "info" | "error">;

const DAY_MS = 24 * 60 * 60 * 1000;
export const LAPSE_NOTICE_DAYS = 15;
export const MISSING_REPEAT_DAYS = 30;

export type ReminderResult = { businesses: number; lapsing: number; missing: number };

async function remindBusinesses(contracts: repo.VigilanceContract[], now: Date): Promise<number> {
  let sent = 0;
  for (const contract of contracts) {
    const last = contract.vigilanceRemindedAt;
    if (last && addMonths(last, VALIDITY_MONTHS) > now) continue;
    const notified = await db.$transaction(async (tx) => {
      if (!(await repo.claimContractReminder(tx, contract, now))) return [];
      return notify(tx, {
        userIds: await repo.memberIdsOf(contract.organizationId, tx),
        type: "COMPLIANCE_REMINDER",
        title: `Attestation de vigilance à vérifier — ${contract.mission.title}`,
        body:
          "Ce contrat atteint 5 000 € HT : la loi vous demande de vérifier tous les 6 mois l’attestation de " +
          "vigilance URSSAF de votre prestataire. Elle est téléchargeable depuis le contrat.",
        link: `/contrats/${contract.id}`,
        now,
      });
    });
    if (notified.length) sent++;
    await publishNotifications(notified);
  }
  return sent;
}

async function remindLapsing(now: Date): Promise<number> {
  const until = new Date(now.getTime() + LAPSE_NOTICE_DAYS * DAY_MS);
  let sent = 0;
  for (const certificate of await repo.findLapsingCertificates(now, until)) {
    const notified = await db.$transaction(async (tx) => {
      if (!(await repo.claimCertificateReminder(tx, certificate.id, now))) return [];
      return notify(tx, {
        userIds: [certificate.userId],
        type: "COMPLIANCE_REMINDER",
        title: `Votre attestation de vigilance expire le ${formatDate(certificate.expiresOn)}`,
        body: "Téléchargez une nouvelle attestation sur urssaf.fr et déposez-la sur Permanence.",
        link: "/compte/attestation",
        now,
      });
    });
    if (notified.length) sent++;
    await publishNotifications(notified);
  }
  return sent;
}

async function remindMissing(holders: Set<string>, now: Date): Promise<number> {
  const since = new Date(now.getTime() - MISSING_REPEAT_DAYS * DAY_MS);
  let sent = 0;
  for (const userId of holders) {
    if (await repo.hasValidCertificate(userId, now)) continue;
    if (await repo.wasToldMissingSince(userId, since)) continue;
    const notified = await notify(db, {
      userIds: [userId],
      type: "COMPLIANCE_REMINDER",
      title: "Déposez votre attestation de vigilance",
      body:
        "Vous avez un contrat de 5 000 € HT ou plus : votre client doit pouvoir consulter votre attestation " +
        "de vigilance URSSAF en cours de validité.",
      link: "/compte/attestation",
      groupKey: repo.MISSING_GROUP_KEY,
      now,
    });
    if (notified.length) sent++;
    await publishNotifications(notified);
  }
  return sent;
}

export async function runVigilanceReminders(now = new Date()): Promise<ReminderResult> {
  const running = await repo.findRunningContracts();
  const values = await repo.contractValues(running);
  const large = running.filter((c) => repo.isLarge(values.get(c.id)));
  const businesses = await remindBusinesses(large, now);
  const lapsing = await remindLapsing(now);
  const holders = new Set<string>();
  for (const contract of large.filter((c) => c.status === "ACTIVE")) {
    const holder = await repo.certificateHolderOf(contract);
    if (holder) holders.add(holder);
  }
  return { businesses, lapsing, missing: await remindMissing(holders, now) };
}

export type VigilanceRemindersOptions = {
  intervalMs?: number;
  poll?: boolean;
  now?: () => Date;
  logger?: Logger;
};

/** The timer job (app/lib/periodic-job.ts): once a day, and once at start. */
export function startVigilanceReminders(
  options: VigilanceRemindersOptions = {},
): PeriodicJob<ReminderResult> {
  const log = options.logger ?? appLogger;
  const now = options.now ?? (() => new Date());
  return startPeriodicJob({
    run: () => runVigilanceReminders(now()),
    intervalMs: options.intervalMs ?? DAY_MS,
    poll: options.poll,
    onResult: (result) => {
      if (result.businesses + result.lapsing + result.missing > 0) {
        log.info(result, "rappels d’attestation de vigilance envoyés");
      }
    },
    onError: (error) =>
      log.error({ err: error }, "rappels d’attestation de vigilance en échec, nouvel essai plus tard"),
  });
}
