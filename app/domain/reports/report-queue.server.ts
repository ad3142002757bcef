// The moderation queue of reports with the context staff need to decide: where the message was
// written, who wrote it and how many open reports she has, whether it is already hidden.
import { canModerate, type StaffCandidate } from "#app/domain/moderation/moderation.policy";
import { forbidden } from "#app/lib/domain-error";
import * as repo from "./reports.repo.server";
import {
  listingSnapshotSchema,
  messageSnapshotSchema,
  reportReasonLabels,
  type OpenReportDTO,
  type ReportReason,
} from "./reports.schema";

export const OPEN_REPORTS_LIMIT = 100;

type Row = Awaited<ReturnType<typeof repo.findOpenReports>>[number];

async function contextsOf(rows: Row[]) {
  const snapshots = rows.map((row) => messageSnapshotSchema.safeParse(row.snapshot).data ?? null);
  const userIds = [...new Set(rows.map(repo.reportedUserIdOf).filter((id): id is string => id !== null))];
  const conversationIds = [...new Set(snapshots.flatMap((s) => (s ? [s.conversationId] : [])))];
  const messageIds = rows.filter((row) => row.targetType === "MESSAGE").map((row) => row.targetId);
  const reviewIds = rows.filter((row) => row.targetType === "REVIEW").map((row) => row.targetId);
  const [conversations, messages, reviews, users, counts] = await Promise.all([
    repo.findConversationContexts(conversationIds),
    repo.findMessagesState(messageIds),
    repo.findReviewsHidden(reviewIds),
    repo.findUsersBrief(userIds),
    repo.countOpenReportsByUser(),
  ]);
  return {
    snapshots,
    conversations: new Map(conversations.map((c) => [c.id, c])),
    hidden: new Set(messages.filter((m) => m.hiddenAt).map((m) => m.id)),
    hiddenReviews: new Set(reviews.filter((r) => r.hiddenAt).map((r) => r.id)),
    users: new Map(users.map((u) => [u.id, u])),
    counts,
  };
}

const listingSnapshotOf = (row: Row) =>
  row.targetType === "MESSAGE" ? null : (listingSnapshotSchema.safeParse(row.snapshot).data ?? null);

function listingOf(row: Row): OpenReportDTO["listing"] {
  const parsed = listingSnapshotOf(row);
  if (!parsed) return null;
  const { kind, name, title, link } = parsed;
  return { kind, name, title, link };
}

function reviewOf(row: Row, hiddenReviews: Set<string>): OpenReportDTO["review"] {
  const review = row.targetType === "REVIEW" ? listingSnapshotOf(row)?.review : undefined;
  return review ? { ...review, hidden: hiddenReviews.has(row.targetId) } : null;
}

/** Oldest first, for staff only. */
export async function listOpenReports({ actor }: { actor: StaffCandidate }) {
  if (!canModerate(actor)) throw forbidden("Cette page est réservée à l’équipe de modération.");
  const [rows, total] = await Promise.all([
    repo.findOpenReports(OPEN_REPORTS_LIMIT),
    repo.countOpenReports(),
  ]);
  const ctx = await contextsOf(rows);
  const reports: OpenReportDTO[] = rows.map((row, index) => {
    const snapshot = ctx.snapshots[index] ?? null;
    const reason = row.reason as ReportReason;
    const conversation = snapshot ? ctx.conversations.get(snapshot.conversationId) : undefined;
    const userId = repo.reportedUserIdOf(row);
    const user = userId ? ctx.users.get(userId) : undefined;
    return {
      id: row.id,
      createdAt: row.createdAt.toISOString(),
      reason,
      reasonLabel: reportReasonLabels[reason] ?? row.reason,
      details: row.details,
      reporterName: row.reporter.displayName,
      targetType: row.targetType,
      targetId: row.targetId,
      context: conversation
        ? {
            conversationKind: conversation.kind === "CONTRACT" ? "CONTRACT" : "MISSION",
            missionTitle: conversation.mission.title,
          }
        : null,
      reportedUser: user
        ? {
            id: user.id,
            name: user.displayName,
            openReports: ctx.counts.get(user.id) ?? 0,
            suspended: user.suspendedAt !== null,
          }
        : null,
      messageHidden: ctx.hidden.has(row.targetId),
      listing: listingOf(row),
      review: reviewOf(row, ctx.hiddenReviews),
      reportedUserKind: user?.kind ?? null,
      snapshot,
    };
  });
  return { reports, total, limit: OPEN_REPORTS_LIMIT };
}
