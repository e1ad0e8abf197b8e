/** `base64`: encode, or decode with `-d` (what learners use to read Secret values). */
import { gnuGetopt } from "./gnu-getopt";
import { failed, readInputs, type Filter } from "./filter-types";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Encode stdin (wrapped at 76 columns, `-w 0` for none), or decode it with `-d`/`--decode`. */
export const base64: Filter = (args, input, context) => {
  const parsed = gnuGetopt(args, {
    program: "base64",
    usage: "Try 'base64 --help' for more information.\n",
    errorExitCode: 1,
    short: { d: "none", i: "none", w: "required" },
    long: {
      decode: { key: "d", arg: "none" },
      "ignore-garbage": { key: "i", arg: "none" },
      wrap: { key: "w", arg: "required" },
    },
  });
  if (!parsed.ok) return failed(parsed.error, parsed.exitCode);
  let decode = false;
  let ignoreGarbage = false;
  let wrap = 76;
  for (const { key, value = "" } of parsed.options) {
    if (key === "d") decode = true;
    if (key === "i") ignoreGarbage = true;
    if (key === "w") {
      if (!/^[0-9]+$/.test(value)) return failed(`base64: invalid wrap size: \u2018${value}\u2019\n`, 1);
      wrap = Number(value);
    }
  }
  if (parsed.operands.length > 1) {
    return failed(`base64: extra operand \u2018${parsed.operands[1]}\u2019\nTry 'base64 --help' for more information.\n`, 1);
  }
  const { inputs, errors } = readInputs("base64", parsed.operands, input, context);
  if (errors) return failed(errors, 1);
  const text = inputs[0]?.text ?? "";
  if (!decode) {
    const encoded = encodeBytes(new TextEncoder().encode(text));
    const lines = wrap === 0 ? [encoded] : encoded.match(new RegExp(`.{1,${wrap}}`, "g")) ?? [];
    return { stdout: lines.join("\n") + (encoded === "" ? "" : "\n"), stderr: "", exitCode: 0 };
  }
  const cleaned = ignoreGarbage ? text.replace(/[^A-Za-z0-9+/=]/g, "") : text.replace(/\n/g, "");
  const result = decodeText(cleaned);
  const stdout = new TextDecoder().decode(result.bytes);
  return result.ok ? { stdout, stderr: "", exitCode: 0 } : { stdout, stderr: "base64: invalid input\n", exitCode: 1 };
};

function encodeBytes(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i], bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += ALPHABET[(n >> 18) & 63] + ALPHABET[(n >> 12) & 63];
    out += b === undefined ? "=" : ALPHABET[(n >> 6) & 63];
    out += c === undefined ? "=" : ALPHABET[n & 63];
  }
  return out;
}

/** Decode in blocks of four; stops at the first invalid block, keeping what was decoded before it. */
function decodeText(text: string): { ok: boolean; bytes: Uint8Array } {
  const out: number[] = [];
  const push = (chars: string) => {
    const values = [...chars].map((c) => ALPHABET.indexOf(c));
    const n = values.reduce((acc, v, k) => acc | (v << (18 - 6 * k)), 0);
    out.push((n >> 16) & 255);
    if (values.length > 2) out.push((n >> 8) & 255);
    if (values.length > 3) out.push(n & 255);
  };
  for (let i = 0; i < text.length; i += 4) {
    const block = text.slice(i, i + 4);
    const last = i + 4 >= text.length;
    const full = /^[A-Za-z0-9+/]{4}$/.exec(block) ?? (last ? /^([A-Za-z0-9+/]{2,3})=*$/.exec(block) : null);
    if (!full) {
      const head = /^[A-Za-z0-9+/]{2,3}/.exec(block);
      if (head) push(head[0]);
      return { ok: false, bytes: Uint8Array.from(out) };
    }
    const chars = full[1] ?? full[0];
    push(chars);
    if (block.length < 4 || (chars.length < 4 && block.length !== 4)) return { ok: false, bytes: Uint8Array.from(out) };
  }
  return { ok: true, bytes: Uint8Array.from(out) };
}
