/**
 * A tiny in-process Prometheus registry: counters, histograms and gauges with labels,
 * rendered in the text exposition format (version 0.0.4). No dependency, no timers:
 * values only change when the app records something, and gauges are read at scrape time.
 */

/** The Content-Type of the Prometheus text exposition format. */
export const PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

/** Label values keyed by label name. */
export type Labels = Record<string, string | number>;

/** Distinct label sets one metric keeps before folding new ones into `other` values. */
export const DEFAULT_MAX_SERIES = 500;

/** What every metric family shares. */
interface MetricOptions<L extends string> {
  /** Metric name: `[a-zA-Z_:][a-zA-Z0-9_:]*`, with the unit and `_total` suffix conventions. */
  name: string;
  help: string;
  /** Label names, in the order they are rendered. */
  labelNames?: readonly L[];
  /** Series cap; past it new label sets are recorded as all-`other`. */
  maxSeries?: number;
}

/** Options of a histogram: the upper bounds of its buckets, ascending (`+Inf` is added). */
export interface HistogramOptions<L extends string> extends MetricOptions<L> {
  buckets: readonly number[];
}

/** Options of a gauge whose value is read when the registry renders. */
export interface GaugeOptions extends MetricOptions<never> {
  collect: () => number;
}

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** Escapes a label value: backslash, double quote and line feed. */
export function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");
}

/** Escapes HELP text: backslash and line feed. */
export function escapeHelp(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/\n/g, "\\n");
}

/** Formats a sample value the way Prometheus parses it (`+Inf`, `-Inf`, `NaN`). */
export function formatValue(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (value === Infinity) return "+Inf";
  if (value === -Infinity) return "-Inf";
  return String(value);
}

function renderLabels(names: readonly string[], values: readonly string[], extra?: [string, string]): string {
  const pairs = names.map((name, i) => `${name}="${escapeLabelValue(values[i] ?? "")}"`);
  if (extra) pairs.push(`${extra[0]}="${escapeLabelValue(extra[1])}"`);
  return pairs.length ? `{${pairs.join(",")}}` : "";
}

/** Keeps one value per label set, with a cap on how many label sets exist. */
abstract class LabelledMetric<L extends string, S> {
  readonly name: string;
  readonly help: string;
  readonly labelNames: readonly L[];
  private readonly maxSeries: number;
  protected readonly series = new Map<string, { values: string[]; state: S }>();

  constructor(options: MetricOptions<L>) {
    if (!METRIC_NAME.test(options.name)) throw new Error(`invalid metric name ${JSON.stringify(options.name)}`);
    for (const label of options.labelNames ?? []) {
      if (!LABEL_NAME.test(label) || label.startsWith("__") || label === "le") {
        throw new Error(`invalid label name ${JSON.stringify(label)} on ${options.name}`);
      }
    }
    this.name = options.name;
    this.help = options.help;
    this.labelNames = options.labelNames ?? [];
    this.maxSeries = options.maxSeries ?? DEFAULT_MAX_SERIES;
  }

  protected abstract initial(): S;

  /** The state of a label set, created on first use (or the `other` set past the cap). */
  protected stateFor(labels: Labels | undefined): S {
    let values = this.labelNames.map((name) => String(labels?.[name] ?? ""));
    let key = JSON.stringify(values);
    if (!this.series.has(key) && this.series.size >= this.maxSeries) {
      values = this.labelNames.map(() => "other");
      key = JSON.stringify(values);
    }
    let entry = this.series.get(key);
    if (!entry) {
      entry = { values, state: this.initial() };
      this.series.set(key, entry);
    }
    return entry.state;
  }

  /** The family's sample lines, after its HELP and TYPE lines. */
  abstract samples(): string[];

  /** The Prometheus metric type. */
  abstract readonly type: "counter" | "histogram" | "gauge";

  /** The whole family in the text format. */
  render(): string {
    return [`# HELP ${this.name} ${escapeHelp(this.help)}`, `# TYPE ${this.name} ${this.type}`, ...this.samples()].join("\n");
  }

  /** Sorted series, so the output is stable. */
  protected sortedSeries(): { values: string[]; state: S }[] {
    return [...this.series.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, entry]) => entry);
  }
}

/** A monotonically increasing count, per label set. */
export class Counter<L extends string = never> extends LabelledMetric<L, { value: number }> {
  readonly type = "counter";

  protected initial() {
    return { value: 0 };
  }

  /** Adds `amount` (1 by default; never negative) to the label set's count. */
  inc(labels?: Partial<Record<L, string | number>>, amount = 1): void {
    if (!(amount >= 0)) throw new Error(`${this.name}: a counter only goes up`);
    this.stateFor(labels as Labels).value += amount;
  }

  /** The current count of a label set (0 if never incremented). */
  get(labels?: Partial<Record<L, string | number>>): number {
    const key = JSON.stringify(this.labelNames.map((name) => String((labels as Labels | undefined)?.[name] ?? "")));
    return this.series.get(key)?.state.value ?? 0;
  }

  samples(): string[] {
    return this.sortedSeries().map(({ values, state }) => `${this.name}${renderLabels(this.labelNames, values)} ${formatValue(state.value)}`);
  }
}

/** Counts observations into cumulative buckets, with their sum and count, per label set. */
export class Histogram<L extends string = never> extends LabelledMetric<L, { counts: number[]; sum: number; count: number }> {
  readonly type = "histogram";
  /** Bucket upper bounds, ascending, without `+Inf`. */
  readonly buckets: readonly number[];

  constructor(options: HistogramOptions<L>) {
    super(options);
    const buckets = options.buckets.filter((b) => b !== Infinity);
    for (let i = 1; i < buckets.length; i++) {
      if (!(buckets[i] > buckets[i - 1])) throw new Error(`${options.name}: buckets must be strictly ascending`);
    }
    this.buckets = buckets;
  }

  protected initial() {
    return { counts: this.buckets.map(() => 0), sum: 0, count: 0 };
  }

  /** Records one observation (e.g. a duration in seconds). */
  observe(labels: Partial<Record<L, string | number>> | undefined, value: number): void {
    if (!Number.isFinite(value)) return;
    const state = this.stateFor(labels as Labels);
    for (let i = 0; i < this.buckets.length; i++) if (value <= this.buckets[i]) state.counts[i]++;
    state.sum += value;
    state.count++;
  }

  samples(): string[] {
    const lines: string[] = [];
    for (const { values, state } of this.sortedSeries()) {
      this.buckets.forEach((bound, i) => {
        lines.push(`${this.name}_bucket${renderLabels(this.labelNames, values, ["le", formatValue(bound)])} ${state.counts[i]}`);
      });
      lines.push(`${this.name}_bucket${renderLabels(this.labelNames, values, ["le", "+Inf"])} ${state.count}`);
      lines.push(`${this.name}_sum${renderLabels(this.labelNames, values)} ${formatValue(state.sum)}`);
      lines.push(`${this.name}_count${renderLabels(this.labelNames, values)} ${state.count}`);
    }
    return lines;
  }
}

/** A value read when the registry renders (memory, uptime). */
export class Gauge extends LabelledMetric<never, never> {
  readonly type = "gauge";
  private readonly collect: () => number;

  constructor(options: GaugeOptions) {
    super(options);
    this.collect = options.collect;
  }

  protected initial(): never {
    throw new Error("a collected gauge has no series");
  }

  samples(): string[] {
    return [`${this.name} ${formatValue(this.collect())}`];
  }
}

/** A set of metric families rendered together, in registration order. */
export class MetricsRegistry {
  private readonly families = new Map<string, Counter<string> | Histogram<string> | Gauge>();

  private register<M extends Counter<string> | Histogram<string> | Gauge>(metric: M): M {
    if (this.families.has(metric.name)) throw new Error(`metric ${metric.name} is already registered`);
    this.families.set(metric.name, metric);
    return metric;
  }

  /** Registers a counter. */
  counter<L extends string = never>(options: MetricOptions<L>): Counter<L> {
    return this.register(new Counter<L>(options) as unknown as Counter<string>) as unknown as Counter<L>;
  }

  /** Registers a histogram. */
  histogram<L extends string = never>(options: HistogramOptions<L>): Histogram<L> {
    return this.register(new Histogram<L>(options) as unknown as Histogram<string>) as unknown as Histogram<L>;
  }

  /** Registers a gauge read at render time. */
  gauge(options: GaugeOptions): Gauge {
    return this.register(new Gauge(options));
  }

  /** Every family in the text exposition format, ending with a line feed. */
  render(): string {
    return [...this.families.values()].map((family) => family.render()).join("\n") + "\n";
  }
}
