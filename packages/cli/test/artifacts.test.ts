// `mlflow-ts artifacts …` end to end against a real server: uploads, listing in MLflow's format, downloads, progress.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { MlflowClient } from '@mlflow-ts/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { progressBar } from '../src/commands/artifacts/progress-bar.js';
import { runCli, runToEnd, waitForListening, type CliRun } from './run-cli.js';

/** Each CLI start loads the whole command tree through tsx: seconds on a busy machine. */
const SLOW = 300_000;

let dir: string;
let server: CliRun;
let url: string;
let client: MlflowClient;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mlflow-ts-cli-art-'));
  server = runCli([
    'server',
    '--port',
    '0',
    '--backend-store-uri',
    `sqlite:///${join(dir, 'db.sqlite')}`,
    '--artifacts-destination',
    join(dir, 'art'),
  ]);
  url = await waitForListening(server);
  client = new MlflowClient(url);
});
afterAll(async () => {
  server.child.kill('SIGTERM');
  await server.exited;
  rmSync(dir, { recursive: true, force: true });
});

const cli = (args: string[]) => runToEnd(args, { MLFLOW_TRACKING_URI: url }, dir);

describe('artifacts', () => {
  it(
    'uploads a file and a directory, lists like MLflow, downloads by run and by URI',
    async () => {
      const run = (await client.createRun('0')).info.run_id;
      mkdirSync(join(dir, 'src', 'sub'), { recursive: true });
      writeFileSync(join(dir, 'src', 'a.txt'), 'alpha');
      writeFileSync(join(dir, 'src', 'sub', 'b.txt'), 'beta!');
      writeFileSync(join(dir, 'one.txt'), 'one');

      // Not a TTY here: no progress bar, nothing on stderr.
      expect(
        await cli(['artifacts', 'log-artifacts', '-l', join(dir, 'src'), '-r', run, '-a', 'tree']),
      ).toEqual({
        code: 0,
        stdout: `Logged artifact from local dir ${join(dir, 'src')} to artifact_path=tree\n`,
        stderr: '',
      });
      expect(
        (await cli(['artifacts', 'log-artifact', '--local-file', join(dir, 'one.txt'), '--run-id', run]))
          .code,
      ).toBe(0);

      const listed = await cli(['artifacts', 'list', '-r', run]);
      expect(listed.stdout).toBe(
        '[{\n  "path": "one.txt",\n  "is_dir": false,\n  "file_size": 3\n}, {\n  "path": "tree",\n  "is_dir": true\n}]\n',
      );
      const table = await cli(['artifacts', 'list', '-r', run, '-a', 'tree', '--output', 'table']);
      expect(table.stdout).toBe(
        'Path        Type    Size  \n----------  ------  ------\ntree/a.txt  file    5     \ntree/sub    dir           \n',
      );

      const byRun = await cli(['artifacts', 'download', '-r', run, '-a', 'tree', '-d', join(dir, 'out')]);
      expect(byRun).toEqual({ code: 0, stdout: `\n${join(dir, 'out', 'tree')}\n`, stderr: '' });
      expect(readFileSync(join(dir, 'out', 'tree', 'sub', 'b.txt'), 'utf8')).toBe('beta!');
      const byUri = await cli([
        'artifacts',
        'download',
        '-u',
        `runs:/${run}/tree/sub`,
        '-d',
        join(dir, 'out2'),
        '--output',
        'json',
      ]);
      expect(JSON.parse(byUri.stdout)).toEqual({ local_path: join(dir, 'out2', 'sub') });
      expect(readFileSync(join(dir, 'out2', 'sub', 'b.txt'), 'utf8')).toBe('beta!');
    },
    SLOW,
  );

  it.each<[string, string[], number, RegExp]>([
    [
      'download without run or URI',
      ['artifacts', 'download'],
      2,
      /^Error: Either --run-id or --artifact-uri must be provided\.\n$/,
    ],
    [
      'list of a missing run',
      ['artifacts', 'list', '-r', 'nope'],
      1,
      /^Error: RESOURCE_DOES_NOT_EXIST: Run with id=nope not found\n$/,
    ],
    [
      'upload of a missing file',
      ['artifacts', 'log-artifact', '-l', '/no/such/file', '-r', 'x'],
      1,
      /^Error: ENOENT: no such file or directory, stat '\/no\/such\/file'/,
    ],
  ])(
    '%s: one line, non-zero exit',
    async (_name, args, code, stderr) => {
      const out = await cli(args);
      expect({ code: out.code, stdout: out.stdout }).toEqual({ code, stdout: '' });
      expect(out.stderr).toMatch(stderr);
      expect(out.stderr.trim().split('\n')).toHaveLength(1);
    },
    SLOW,
  );
});

describe('progress bar', () => {
  it('draws on a TTY and stays silent otherwise', () => {
    const tty = Object.assign(new PassThrough(), {
      isTTY: true,
      columns: 100,
      cursorTo: () => true,
      clearLine: () => true,
      moveCursor: () => true,
    });
    let drawn = '';
    tty.on('data', (d: Buffer) => (drawn += d.toString()));
    const bar = progressBar('Uploading', tty as unknown as NodeJS.WriteStream);
    bar.onProgress?.({ transferredBytes: 512, totalBytes: 2048, filesDone: 0, totalFiles: 2 });
    bar.onProgress?.({ transferredBytes: 2048, totalBytes: 2048, filesDone: 2, totalFiles: 2 });
    bar.stop();
    expect(drawn).toContain('Uploading');
    expect(drawn).toContain('100% | 2.0 KiB / 2.0 KiB | 2/2 files');

    const pipe = Object.assign(new PassThrough(), { isTTY: false });
    const quiet = progressBar('Uploading', pipe as unknown as NodeJS.WriteStream);
    expect(quiet.onProgress).toBeUndefined();
  });
});
