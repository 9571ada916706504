// Command-line options of `npm run bench`, parsed with node:util and checked.
import { parseArgs } from 'node:util';
import { SIZES, type SizeName } from './sizes.js';

/** How our server is started: the built dist/ or the TypeScript sources through tsx. */
export type TsCommand = 'dist' | 'source';

/** Which servers a run starts and measures; a single one leaves the other's columns 'n/a'. */
export type ServersChoice = 'both' | 'mlflow-ts' | 'mlflow';

export interface BenchOptions {
  size: SizeName;
  backend: 'sqlite' | 'postgres';
  /** PostgreSQL server (no database part) for --backend postgres. */
  pgUri: string;
  workloads: number[];
  reps: number;
  out: string | undefined;
  tsCommand: TsCommand;
  servers: ServersChoice;
}

export const ALL_WORKLOADS = [1, 2, 3, 4, 5, 6, 7, 8];

export const DEFAULT_PG_URI = 'postgresql://postgres@127.0.0.1:5432';

export const USAGE = `usage: npm run bench -- [--size smoke|default|scale] [--backend sqlite|postgres] [--workloads 1,2,…]
                          [--reps N] [--out file.json] [--ts-command dist|source] [--pg-uri URI]
                          [--servers both|mlflow-ts|mlflow]
  --pg-uri (env BENCH_PG_URI): the PostgreSQL server for --backend postgres (default ${DEFAULT_PG_URI});
      the bench creates its own databases there and drops them at the end
  --ts-command (env BENCH_TS_COMMAND): start mlflow-ts from packages/cli/dist (default) or from the sources via tsx
  --servers: start and measure both servers (default) or only one (no ratios then)`;

/** Parses argv; throws an Error with a readable message on bad input. */
export function parseOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      size: { type: 'string', default: 'default' },
      backend: { type: 'string', default: 'sqlite' },
      workloads: { type: 'string' },
      reps: { type: 'string' },
      out: { type: 'string' },
      'ts-command': { type: 'string' },
      'pg-uri': { type: 'string' },
      servers: { type: 'string', default: 'both' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) throw new Error(USAGE);
  const size = values.size as string;
  if (!(size in SIZES)) throw new Error(`--size must be smoke, default or scale, not '${size}'`);
  const backendArg = values.backend as string;
  const backend = backendArg === 'postgresql' ? 'postgres' : backendArg;
  if (backend !== 'sqlite' && backend !== 'postgres')
    throw new Error(`--backend must be sqlite or postgres, not '${backendArg}'`);
  const pgUri = values['pg-uri'] ?? env.BENCH_PG_URI ?? DEFAULT_PG_URI;
  if (!/^postgresql(\+psycopg2)?:\/\/[^/]+\/?$/.test(pgUri))
    throw new Error(`--pg-uri must look like postgresql://user@host:port (no database), not '${pgUri}'`);
  const workloads =
    values.workloads === undefined ? ALL_WORKLOADS : values.workloads.split(',').map((w) => Number(w.trim()));
  for (const w of workloads) {
    if (!ALL_WORKLOADS.includes(w))
      throw new Error(`unknown workload ${w}; known: ${ALL_WORKLOADS.join(',')}`);
  }
  const reps = Number(values.reps ?? (size === 'smoke' ? 1 : 3));
  if (!Number.isInteger(reps) || reps < 1) throw new Error(`--reps must be a positive integer`);
  const tsCommand = values['ts-command'] ?? env.BENCH_TS_COMMAND ?? 'dist';
  if (tsCommand !== 'dist' && tsCommand !== 'source') {
    throw new Error(`--ts-command must be dist or source, not '${tsCommand}'`);
  }
  const servers = values.servers as string;
  if (servers !== 'both' && servers !== 'mlflow-ts' && servers !== 'mlflow') {
    throw new Error(`--servers must be both, mlflow-ts or mlflow, not '${servers}'`);
  }
  return { size: size as SizeName, backend, pgUri, workloads, reps, out: values.out, tsCommand, servers };
}
