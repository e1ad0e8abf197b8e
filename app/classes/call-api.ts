/** Sends a JSON request to our API; resolves with the body, or throws the API's error message. */
export async function callApi<T>(url: string, method: string, body?: unknown): Promise<T> {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? undefined : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 204) return undefined as T;
  const data = (await response.json().catch(() => null)) as (T & { error?: { message: string } }) | null;
  if (!response.ok) throw new Error(data?.error?.message ?? `Request failed (${response.status}).`);
  return data as T;
}
