/**
 * Kubernetes resource quantities (`500m`, `1.5`, `256Mi`, `1G`, `2e3`) as numbers.
 * CPU is handled in millicores, memory and storage in bytes.
 */

const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, "": 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };

const QUANTITY = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)|[eE]([+-]?\d+))?$/;

/** Values by quantity text: a pure function the scheduler, controllers and kubelet ask for on every pass. Bounded. */
const parsedQuantities = new Map<string, number>();

/** The value of a quantity in base units (cores, bytes), or NaN when it is not a valid quantity. */
export function parseQuantity(q: string | number | undefined | null): number {
  if (q === undefined || q === null) return NaN;
  if (typeof q === "number") return q;
  let v = parsedQuantities.get(q);
  if (v === undefined) {
    v = parseQuantityText(q);
    if (parsedQuantities.size >= 5_000) parsedQuantities.clear();
    parsedQuantities.set(q, v);
  }
  return v;
}

function parseQuantityText(q: string): number {
  const m = QUANTITY.exec(q.trim());
  if (!m) return NaN;
  const n = Number(m[1]);
  if (m[3] !== undefined) return n * 10 ** Number(m[3]);
  const suffix = m[2] ?? "";
  return n * (BINARY[suffix] ?? DECIMAL[suffix]);
}

/** True when `q` is a syntactically valid quantity. */
export function isQuantity(q: string): boolean {
  return !Number.isNaN(parseQuantity(q));
}

/** CPU quantity in millicores (`"250m"` → 250, `"1"` → 1000), rounded up as the API does. */
export function cpuMillis(q: string | number | undefined): number {
  const v = parseQuantity(q);
  return Number.isNaN(v) ? 0 : Math.ceil(Math.round(v * 1e6) / 1e3);
}

/** Memory or storage quantity in bytes. */
export function bytes(q: string | number | undefined): number {
  const v = parseQuantity(q);
  return Number.isNaN(v) ? 0 : Math.ceil(v);
}

/** Millicores as kubectl prints CPU (`250m`, `1`, `1500m`). */
export function formatCpu(millis: number): string {
  return millis % 1000 === 0 ? String(millis / 1000) : `${millis}m`;
}

/** Bytes in the largest binary unit that divides them exactly (`268435456` → `256Mi`), as the API canonicalises. */
export function formatBytes(n: number): string {
  for (const [suffix, size] of [["Ei", 2 ** 60], ["Pi", 2 ** 50], ["Ti", 2 ** 40], ["Gi", 2 ** 30], ["Mi", 2 ** 20], ["Ki", 2 ** 10]] as const) {
    if (n >= size && n % size === 0) return `${n / size}${suffix}`;
  }
  return String(n);
}
