/** Ports the e2e run uses besides the app's: the SMTP capture server (e2e/subscribe.spec.ts listens on it). */
export const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? 2526);
