// Request bodies read with a byte cap, so an oversized upload is refused after at most `limit`
// bytes instead of being buffered whole (a missing or false Content-Length does not help it).
export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) { super(`the request body is larger than ${limit} bytes`); }
}

export async function readBodyCapped(request: Request, limit: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > limit) throw new BodyTooLargeError(limit);
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) { await reader.cancel(); throw new BodyTooLargeError(limit); }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) { out.set(c, at); at += c.byteLength; }
  return out;
}
