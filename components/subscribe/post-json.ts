/** POSTs JSON to one of our API routes; returns the body, or the error shape's message and fields. */
export type PostResult<T> = { ok: true; body: T } | { ok: false; message: string; fields: Record<string, string> };

export async function postJson<T>(url: string, body: unknown): Promise<PostResult<T>> {
  try {
    const res = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    const data = (await res.json().catch(() => null)) as { error?: { message: string; details?: { field: string; message: string }[] } } | null;
    if (res.ok) return { ok: true, body: data as T };
    const fields: Record<string, string> = {};
    if (Array.isArray(data?.error?.details)) for (const d of data.error.details) fields[d.field.split(".")[0]!] = d.message;
    return { ok: false, message: data?.error?.message ?? `The server answered ${res.status}`, fields };
  } catch {
    return { ok: false, message: "Could not reach FrontierWatch; check your connection and try again", fields: {} };
  }
}
