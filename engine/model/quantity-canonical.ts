/**
 * A resource quantity in the canonical form the API server stores and prints
 * (`resource.Quantity.String()`): binary amounts in the largest power-of-1024 suffix that keeps
 * them whole (`1024Mi` → `1Gi`), decimal amounts in the largest power-of-1000 suffix that keeps
 * them whole (`0.5` → `500m`, `1000m` → `1`, `2000` → `2k`).
 */
import { parseQuantity } from "./quantity";

const BINARY_SUFFIX = /(Ki|Mi|Gi|Ti|Pi|Ei)$/;
const DECIMAL_UNITS: [string, number][] = [
  ["E", 18],
  ["P", 15],
  ["T", 12],
  ["G", 9],
  ["M", 6],
  ["k", 3],
  ["", 0],
  ["m", -3],
  ["u", -6],
  ["n", -9],
];

/** Whether a quantity was written with a binary (`Ki`…`Ei`) suffix. */
export function isBinaryQuantity(q: string): boolean {
  return BINARY_SUFFIX.test(q.trim());
}

/** `value` (base units) in canonical decimal-SI form. */
export function formatDecimalQuantity(value: number): string {
  if (value === 0) return "0";
  const nano = Math.round(value * 1e9);
  for (const [suffix, exp] of DECIMAL_UNITS) {
    const unit = 10 ** (exp + 9);
    if (nano % unit === 0) return `${nano / unit}${suffix}`;
  }
  return `${Math.ceil(nano)}n`;
}

/** `value` (base units) in canonical binary-SI form, falling back to decimal for fractions. */
export function formatBinaryQuantity(value: number): string {
  if (value === 0) return "0";
  if (!Number.isInteger(value)) return formatDecimalQuantity(value);
  for (const [suffix, size] of [["Ei", 2 ** 60], ["Pi", 2 ** 50], ["Ti", 2 ** 40], ["Gi", 2 ** 30], ["Mi", 2 ** 20], ["Ki", 2 ** 10]] as const) {
    if (Math.abs(value) >= size && value % size === 0) return `${value / size}${suffix}`;
  }
  return String(value);
}

/** The canonical form of a quantity as written; text that is not a quantity is returned unchanged. */
export function canonicalQuantity(q: string | number): string {
  const text = String(q);
  const v = parseQuantity(text);
  if (Number.isNaN(v)) return text;
  return isBinaryQuantity(text) ? formatBinaryQuantity(v) : formatDecimalQuantity(v);
}
