/** What the HTTP server hands every loader and action (scripts/serve.ts), as modules see it. */
export type RequestContext = { clientIp?: string; cspNonce?: string };
