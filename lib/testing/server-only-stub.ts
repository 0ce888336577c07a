// Lets server-only modules be imported by Vitest, which runs outside Next.js.
export {};
