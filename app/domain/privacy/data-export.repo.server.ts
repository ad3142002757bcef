// Reads for the personal data export: only rows that are hers, or that she is a party to, each
// through an explicit select (no ids of other people's sessions, no staff notes, no report snapshots).
import { db } from "#app/lib/db.server";

export function findAccount(userId: string) {
  return db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      displayName: true,
      kind: true,
      role: true,
      locale: true,
      emailVerifiedAt: true,
      suspendedAt: true,
      suspensionReason: true,
      createdAt: true,
      updatedAt: true,
    },
  });
}

export function findProfile(userId: string) {
  return db.secretaryProfile.findUnique({
    where: { userId },
    omit: { userId: true },
  });
}

export function findMemberships(userId: string) {
  return db.membership.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: {
      role: true,
      createdAt: true,
      organization: {
        select: {
          id: true,
          kind: true,
          name: true,
          legalName: true,
          siret: true,
          vatNumber: true,
          sector: true,
          addressLine: true,
          postcode: true,
          commune: true,
          slug: true,
        },
      },
    },
  });
}

export function findIdentityRecords(userId: string) {
  return Promise.all([
    db.invoicingIdentity.findUnique({ where: { userId }, omit: { userId: true, organizationId: true } }),
    db.payoutAccount.findUnique({
      where: { userId },
      select: { stripeAccountId: true, transfersActive: true, detailsSubmitted: true, createdAt: true },
    }),
    db.confidentialityPledge.findMany({
      where: { userId },
      select: { version: true, fullName: true, acceptedAt: true },
    }),
  ]);
}

/** Her attestations de vigilance URSSAF (the storage key is only for reading the file). */
export function findVigilanceCertificates(userId: string) {
  return db.vigilanceCertificate.findMany({
    where: { userId },
    orderBy: { issuedOn: "asc" },
    select: {
      id: true,
      fileName: true,
      mimeType: true,
      sizeBytes: true,
      issuedOn: true,
      expiresOn: true,
      createdAt: true,
      storageKey: true,
    },
  });
}

export function findMissionsCreated(userId: string) {
  return db.mission.findMany({ where: { createdById: userId }, orderBy: { createdAt: "asc" } });
}

/** Her bids (and offers made to her), and the offers she made for her business. */
export function findProposals(userId: string) {
  return db.proposal.findMany({
    where: { OR: [{ bidderUserId: userId }, { createdById: userId }] },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      missionId: true,
      origin: true,
      status: true,
      coverLetter: true,
      hourlyRateCents: true,
      taskPrices: true,
      fixedAmountCents: true,
      milestones: true,
      startDate: true,
      decisionMessage: true,
      decidedAt: true,
      createdAt: true,
      mission: { select: { title: true } },
    },
  });
}

/** Contracts she signed or works on as provider, or accepted for her business. */
export function findContracts(userId: string) {
  return db.contract.findMany({
    where: {
      OR: [
        { providerUserId: userId },
        { assignees: { some: { userId } } },
        { businessAcceptedById: userId },
        { mission: { createdById: userId } },
      ],
    },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      missionId: true,
      status: true,
      billingMode: true,
      terms: true,
      startDate: true,
      endDate: true,
      businessAcceptedAt: true,
      providerAcceptedAt: true,
      mandateAcceptedAt: true,
      activatedAt: true,
      endedAt: true,
      createdAt: true,
      providerUserId: true,
      businessAcceptedById: true,
      assignees: {
        where: { userId },
        select: { role: true, startsOn: true, endsOn: true, cancelledAt: true },
      },
    },
  });
}

export function findWorkEntries(userId: string) {
  return db.workEntry.findMany({
    where: { assignee: { userId } },
    orderBy: { workDate: "asc" },
    omit: { assigneeId: true, reviewedById: true, paymentId: true },
  });
}

export function findNotifications(userId: string) {
  return Promise.all([
    db.notification.findMany({
      where: { userId },
      orderBy: { createdAt: "asc" },
      select: { type: true, title: true, body: true, link: true, count: true, readAt: true, createdAt: true },
    }),
    db.notificationPreference.findUnique({
      where: { userId },
      select: { emailMode: true, lastDigestAt: true, updatedAt: true },
    }),
  ]);
}

export function findReportsFiled(userId: string) {
  return db.report.findMany({
    where: { reporterId: userId },
    orderBy: { createdAt: "asc" },
    select: {
      targetType: true,
      targetId: true,
      reason: true,
      details: true,
      status: true,
      resolvedAt: true,
      createdAt: true,
    },
  });
}

export function findReviewsWritten(userId: string) {
  return db.review.findMany({
    where: { authorId: userId },
    orderBy: { createdAt: "asc" },
    select: {
      contractId: true,
      authorSide: true,
      rating: true,
      reliability: true,
      quality: true,
      communication: true,
      comment: true,
      publishedAt: true,
      hiddenAt: true,
      createdAt: true,
    },
  });
}

/** Invoices she issued (under the billing mandate) or that are addressed to her: metadata only. */
export function findInvoices(userId: string) {
  const key = `user:${userId}`;
  return db.invoice.findMany({
    where: { OR: [{ issuerKey: key }, { clientKey: key }] },
    orderBy: { issuedAt: "asc" },
    select: {
      number: true,
      kind: true,
      issuerKey: true,
      contractId: true,
      issuedAt: true,
      periodStart: true,
      periodEnd: true,
      dueDate: true,
      totalExclTaxCents: true,
      vatCents: true,
      totalInclTaxCents: true,
    },
  });
}

export function findSessions(userId: string) {
  return db.session.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: { createdAt: true, expiresAt: true },
  });
}
