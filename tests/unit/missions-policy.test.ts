import { describe, expect, it } from "vitest";
import {
  canEdit,
  canPost,
  canSeeInstructions,
  canView,
  type MissionViewer,
} from "#app/domain/missions/missions.policy";

const owner: MissionViewer = { id: "u1", role: "USER", businessIds: ["org1"] };
const colleague: MissionViewer = { id: "u2", role: "USER", businessIds: ["org1", "org9"] };
const otherBusiness: MissionViewer = { id: "u3", role: "USER", businessIds: ["org2"] };
const secretary: MissionViewer = { id: "u4", role: "USER", businessIds: [] };
const staff: MissionViewer = { id: "u5", role: "MODERATOR", businessIds: [] };
const admin: MissionViewer = { id: "u6", role: "ADMIN", businessIds: [] };
const mission = (status: string, visibility = "PUBLIC") => ({ organizationId: "org1", status, visibility });

describe("missions policy", () => {
  it("lets only business members post", () => {
    expect([owner, colleague, otherBusiness].map(canPost)).toEqual([true, true, true]);
    expect([secretary, staff, null].map(canPost)).toEqual([false, false, false]);
  });

  it("shows OPEN public missions to everyone, the rest to the business and staff only", () => {
    expect(canView(null, mission("OPEN"))).toBe(true);
    expect(canView(secretary, mission("OPEN"))).toBe(true);
    for (const [status, visibility] of [
      ["OPEN", "INVITE_ONLY"],
      ["DRAFT", "PUBLIC"],
      ["PENDING_REVIEW", "PUBLIC"],
      ["CLOSED", "PUBLIC"],
    ]) {
      const m = mission(status!, visibility);
      expect([null, secretary, otherBusiness].map((v) => canView(v, m))).toEqual([false, false, false]);
      expect([owner, colleague, staff, admin].map((v) => canView(v, m))).toEqual([true, true, true, true]);
    }
  });

  it("lets the business edit its drafts only, and says why not", () => {
    expect(canEdit(owner, mission("DRAFT"))).toEqual({ ok: true });
    expect(canEdit(colleague, mission("DRAFT"))).toEqual({ ok: true });
    expect(canEdit(owner, mission("PENDING_REVIEW"))).toEqual({ ok: false, reason: "NOT_DRAFT" });
    expect(canEdit(owner, mission("OPEN"))).toEqual({ ok: false, reason: "NOT_DRAFT" });
    expect(canEdit(staff, mission("DRAFT"))).toEqual({ ok: false, reason: "NOT_MEMBER" });
    expect(canEdit(otherBusiness, mission("DRAFT"))).toEqual({ ok: false, reason: "HIDDEN" });
    expect(canEdit(otherBusiness, mission("OPEN"))).toEqual({ ok: false, reason: "NOT_MEMBER" });
    expect(canEdit(null, mission("DRAFT"))).toEqual({ ok: false, reason: "HIDDEN" });
  });

  it("shows the instructions sheet to the business only", () => {
    expect([owner, colleague].map((v) => canSeeInstructions(v, mission("OPEN")))).toEqual([true, true]);
    expect(
      [null, secretary, otherBusiness, staff].map((v) => canSeeInstructions(v, mission("OPEN"))),
    ).toEqual([false, false, false, false]);
  });
});
