import { describe, expect, it } from "vitest";
import { safeRedirect } from "#app/domain/accounts/accounts.schema";

describe("safeRedirect", () => {
  it.each([
    ["/compte/profil", "/compte/profil"],
    ["/secretaires?q=rdv#resultats", "/secretaires?q=rdv#resultats"],
  ])("keeps the same-site path %s", (to, expected) => {
    expect(safeRedirect(to)).toBe(expected);
  });

  it.each([
    ["//evil.example/x"],
    ["/\\evil.example"],
    ["/\t/evil.example"],
    ["/\n/evil.example"],
    ["https://evil.example"],
    ["javascript:alert(1)"],
    [""],
    [null],
  ])("refuses %j", (to) => {
    expect(safeRedirect(to, "/compte")).toBe("/compte");
  });
});
