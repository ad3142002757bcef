// Where staff pass the TOTP second factor. Client-safe: links and redirects share these.
export const secondFactorPaths = {
  verify: "/connexion/double-authentification",
  enrol: "/connexion/double-authentification/activation",
} as const;

export function secondFactorUrl(path: string, redirectTo: string): string {
  return `${path}?${new URLSearchParams({ redirectTo })}`;
}
