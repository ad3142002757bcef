/** What the Express server hands every loader and action (see app/server/app.ts). */
export type AppLoadContext = {
  /** The client address as Express sees it (honours TRUST_PROXY), used for rate limits. */
  clientIp: string;
  requestId: string;
  /** This response's Content-Security-Policy nonce for inline scripts. */
  cspNonce: string;
};

declare module "@remix-run/node" {
  interface AppLoadContext {
    clientIp: string;
    requestId: string;
    cspNonce: string;
  }
}
