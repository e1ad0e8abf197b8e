/**
 * Go's `time.Duration.String()` for the durations the kubelet prints (`1.234s`, `532ms`,
 * `2m5.1s`, `5m0s`).
 */

/** Formats `ms` milliseconds (an integer) as Go prints a Duration truncated to milliseconds. */
export function goDuration(ms: number): string {
  ms = Math.trunc(ms);
  if (ms === 0) return "0s";
  const neg = ms < 0;
  if (neg) ms = -ms;
  let out: string;
  if (ms < 1000) out = `${ms}ms`;
  else {
    const totalSeconds = Math.floor(ms / 1000);
    const frac = ms % 1000;
    const secs = totalSeconds % 60;
    const mins = Math.floor(totalSeconds / 60) % 60;
    const hours = Math.floor(totalSeconds / 3600);
    const fracText = frac ? `.${String(frac).padStart(3, "0").replace(/0+$/, "")}` : "";
    out = `${secs}${fracText}s`;
    if (hours > 0 || mins > 0) out = `${mins}m${out}`;
    if (hours > 0) out = `${hours}h${out}`;
  }
  return neg ? `-${out}` : out;
}
