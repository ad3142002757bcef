import { describe, expect, it } from "vitest";
import { redactTokens } from "#app/server/app";

describe("redactTokens", () => {
  it.each([
    ["/invitation/abcDEF123-_x", "/invitation/…"],
    ["/invitation/abc?x=1", "/invitation/…?x=1"],
    ["/reinitialisation?token=secret123", "/reinitialisation?token=…"],
    ["/verification-email?a=1&token=secret&b=2", "/verification-email?a=1&token=…&b=2"],
    ["/connexion?redirectTo=%2Finvitation%2FabcDEF", "/connexion?redirectTo=%2Finvitation%2F…"],
    ["/secretaires?page=2", "/secretaires?page=2"],
  ])("%s → %s", (input, expected) => {
    expect(redactTokens(input)).toBe(expected);
  });
});
