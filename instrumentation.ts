// Runs once when the server starts; the Node.js-only work lives in instrumentation-node.ts
// so the edge bundle never sees it.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") await (await import("./instrumentation-node.ts")).openServerDatabase();
}
