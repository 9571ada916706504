// Base of the sources whose logged value is the mean of the samples since the last logging step.
import type { MetricSource } from './metric-source.js';
import { roundedMean } from './python-round.js';

/**
 * Keeps every sample per metric name; `aggregate` answers each mean rounded to one decimal.
 *
 * @example
 * class Fixed extends AveragedSource {
 *   async collect() { this.add('answer', 42); }
 * }
 */
export abstract class AveragedSource implements MetricSource {
  protected readonly samples = new Map<string, number[]>();

  abstract collect(): Promise<void>;

  protected add(name: string, value: number): void {
    const list = this.samples.get(name);
    if (list) list.push(value);
    else this.samples.set(name, [value]);
  }

  aggregate(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [name, values] of this.samples) out[name] = roundedMean(values);
    return out;
  }

  clear(): void {
    this.samples.clear();
  }
}
