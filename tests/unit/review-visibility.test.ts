import { describe, expect, it } from "vitest";
import {
  isPublicationDue,
  isReviewVisibleTo,
  type ReviewViewer,
} from "#app/domain/reviews/review-visibility";
import {
  ALREADY_REVIEWED_MESSAGE,
  checkCanWriteReview,
  NOT_A_PARTY_MESSAGE,
  NOT_COMPLETED_MESSAGE,
  reviewDeadline,
  reviewSideOf,
  WINDOW_CLOSED_MESSAGE,
  type ReviewableContract,
} from "#app/domain/reviews/reviews.policy";
import { reviewFormSchema, type ReviewSide } from "#app/domain/reviews/reviews.schema";

const DAY = 86_400_000;
const ended = new Date("2026-11-01T10:00:00Z");
const at = (days: number, ms = 0) => new Date(ended.getTime() + days * DAY + ms);

describe("when reviews publish (double blind)", () => {
  const cases: [string, ReviewSide[], Date | null, Date, boolean][] = [
    ["nobody wrote, just ended", [], ended, at(0), false],
    ["business only, day 1", ["BUSINESS"], ended, at(1), false],
    ["provider only, day 13", ["PROVIDER"], ended, at(13), false],
    ["one side, a millisecond before day 14", ["BUSINESS"], ended, at(14, -1), false],
    ["one side, exactly day 14", ["BUSINESS"], ended, at(14), true],
    ["one side, day 30", ["PROVIDER"], ended, at(30), true],
    ["both sides, day 0", ["BUSINESS", "PROVIDER"], ended, at(0), true],
    ["both sides, order reversed", ["PROVIDER", "BUSINESS"], ended, at(2), true],
    ["the same side twice is still one side", ["BUSINESS", "BUSINESS"], ended, at(2), false],
    ["not ended, one side", ["BUSINESS"], null, at(100), false],
    ["not ended, both sides", ["BUSINESS", "PROVIDER"], null, at(0), true],
  ];
  it.each(cases)("%s", (_name, writtenSides, endedAt, now, expected) => {
    expect(isPublicationDue({ writtenSides, endedAt, now })).toBe(expected);
  });
});

describe("who sees a review", () => {
  const viewers: Record<string, ReviewViewer> = {
    "author's side": { side: "BUSINESS", staff: false },
    "other side": { side: "PROVIDER", staff: false },
    public: { side: null, staff: false },
    staff: { side: null, staff: true },
  };
  const states = {
    unpublished: { publishedAt: null, hiddenAt: null },
    published: { publishedAt: at(3), hiddenAt: null },
    "published then hidden": { publishedAt: at(3), hiddenAt: at(5) },
    "hidden before publication": { publishedAt: null, hiddenAt: at(2) },
  };
  const expected: Record<keyof typeof states, Record<keyof typeof viewers, boolean>> = {
    unpublished: { "author's side": true, "other side": false, public: false, staff: false },
    published: { "author's side": true, "other side": true, public: true, staff: true },
    "published then hidden": { "author's side": false, "other side": false, public: false, staff: true },
    "hidden before publication": { "author's side": false, "other side": false, public: false, staff: true },
  };
  for (const [state, facts] of Object.entries(states)) {
    for (const [who, viewer] of Object.entries(viewers)) {
      const visible = expected[state as keyof typeof states][who]!;
      it(`${state} review: ${who} ${visible ? "sees it" : "does not see it"}`, () => {
        expect(isReviewVisibleTo({ authorSide: "BUSINESS", ...facts }, viewer)).toBe(visible);
      });
    }
  }

  it("mirrors for a provider's review", () => {
    const review = { authorSide: "PROVIDER" as const, publishedAt: null, hiddenAt: null };
    expect(isReviewVisibleTo(review, { side: "PROVIDER", staff: false })).toBe(true);
    expect(isReviewVisibleTo(review, { side: "BUSINESS", staff: false })).toBe(false);
  });
});

describe("who may write, and when", () => {
  const contract: ReviewableContract = {
    status: "COMPLETED",
    organizationId: "biz",
    agencyId: null,
    providerUserId: "sec",
    endedAt: ended,
  };
  const businessMember = { id: "u1", role: "USER", businessIds: ["biz"], ownedAgencyIds: [] };
  const secretary = { id: "sec", role: "USER", businessIds: [], ownedAgencyIds: [] };
  const agencyOwner = { id: "own", role: "USER", businessIds: [], ownedAgencyIds: ["agency"] };
  const staff = { id: "st", role: "MODERATOR", businessIds: [], ownedAgencyIds: [] };

  it("finds each side", () => {
    expect(reviewSideOf(businessMember, contract)).toBe("BUSINESS");
    expect(reviewSideOf(secretary, contract)).toBe("PROVIDER");
    expect(reviewSideOf(agencyOwner, contract)).toBeNull();
    expect(reviewSideOf(agencyOwner, { ...contract, agencyId: "agency" })).toBe("PROVIDER");
    expect(reviewSideOf(staff, contract)).toBeNull();
    expect(reviewSideOf(null, contract)).toBeNull();
  });

  const check = (over: Partial<Parameters<typeof checkCanWriteReview>[0]>) =>
    checkCanWriteReview({ viewer: businessMember, contract, writtenSides: [], now: at(1), ...over });

  it("lets a party write within 14 days of the end, once per side", () => {
    expect(check({})).toEqual({ ok: true, side: "BUSINESS" });
    expect(check({ viewer: secretary, writtenSides: ["BUSINESS"] })).toEqual({ ok: true, side: "PROVIDER" });
    expect(check({ now: at(14, -1) }).ok).toBe(true);
    expect(check({ writtenSides: ["BUSINESS"] })).toMatchObject({
      code: "CONFLICT",
      message: ALREADY_REVIEWED_MESSAGE,
    });
  });

  it("refuses outsiders, unfinished contracts and late reviews", () => {
    expect(check({ viewer: staff })).toMatchObject({ code: "FORBIDDEN", message: NOT_A_PARTY_MESSAGE });
    for (const status of ["PENDING", "ACTIVE", "PAUSED", "CANCELLED", "DISPUTED"]) {
      expect(check({ contract: { ...contract, status } })).toMatchObject({ message: NOT_COMPLETED_MESSAGE });
    }
    expect(check({ contract: { ...contract, endedAt: null } })).toMatchObject({
      message: NOT_COMPLETED_MESSAGE,
    });
    expect(check({ now: at(14) })).toMatchObject({
      code: "INVALID_TRANSITION",
      message: WINDOW_CLOSED_MESSAGE,
    });
  });

  it("has the deadline 14 days after the end", () => {
    expect(reviewDeadline(ended)?.toISOString()).toBe("2026-11-15T10:00:00.000Z");
    expect(reviewDeadline(null)).toBeNull();
  });
});

describe("the review form", () => {
  const valid = {
    rating: "5",
    reliability: "4",
    quality: "5",
    communication: "3",
    comment: "Très bon travail, merci.",
  };
  it("accepts 1..5 integers and a 10..2000 character comment", () => {
    expect(reviewFormSchema.parse(valid)).toEqual({
      ...valid,
      rating: 5,
      reliability: 4,
      quality: 5,
      communication: 3,
    });
  });
  it.each([
    [{ rating: undefined }, "Choisissez une note pour « Note globale »."],
    [{ quality: "" }, "Choisissez une note pour « Qualité du travail »."],
    [{ reliability: "6" }, "Choisissez une note de 1 à 5 pour « Fiabilité »."],
    [{ communication: "0" }, "Choisissez une note de 1 à 5 pour « Communication »."],
    [{ rating: "2.5" }, "Choisissez une note entière pour « Note globale »."],
    [{ comment: "  court  " }, "Écrivez un commentaire de 10 caractères au moins."],
    [{ comment: "x".repeat(2001) }, "Le commentaire ne peut pas dépasser 2 000 caractères."],
  ])("refuses %o in French", (change, message) => {
    const result = reviewFormSchema.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(message);
  });
});
