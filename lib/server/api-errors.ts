// One place that turns a route handler's failure into an answer a client can use: 503 with
// Retry-After when the database is unreachable, a bare 500 otherwise. Neither carries the
// error's message or stack (they can hold connection strings); the server log keeps them.
import { isDatabaseUnavailable } from "./db-errors.ts";

export function withApiErrors<A extends unknown[]>(handler: (...args: A) => Promise<Response>): (...args: A) => Promise<Response> {
  return async (...args: A) => {
    try {
      return await handler(...args);
    } catch (e) {
      if (isDatabaseUnavailable(e)) {
        console.error("database unavailable:", (e as Error).message);
        return Response.json(
          { error: "database unavailable", message: "The incident data is temporarily unavailable. Try again shortly." },
          { status: 503, headers: { "Retry-After": "5", "Cache-Control": "no-store" } },
        );
      }
      console.error(e);
      return Response.json({ error: "internal error", message: "The request could not be completed." }, { status: 500, headers: { "Cache-Control": "no-store" } });
    }
  };
}
