// `mlflow-ts artifacts …` end to end against a real server: uploads, listing in MLflow's format, downloads, progress.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { progressBar } from '../src/commands/artifacts/progress-bar.js';
import { SLOW, useDataServer } from './data-server.js';

const srv = useDataServer('mlflow-ts-cli-art-');
const { cli } = srv;

describe('artifacts', () => {
  it(
    'uploads a file and a directory, lists like MLflow, downloads by run and by URI',
    async () => {
      const run = (await srv.client.createRun('0')).info.run_id;
      mkdirSync(join(srv.dir, 'src', 'sub'), { recursive: true });
      writeFileSync(join(srv.dir, 'src', 'a.txt'), 'alpha');
      writeFileSync(join(srv.dir, 'src', 'sub', 'b.txt'), 'beta!');
      writeFileSync(join(srv.dir, 'one.txt'), 'one');

      // Not a TTY here: no progress bar, nothing on stderr.
      expect(
        await cli(['artifacts', 'log-artifacts', '-l', join(srv.dir, 'src'), '-r', run, '-a', 'tree']),
      ).toEqual({
        code: 0,
        stdout: `Logged artifact from local dir ${join(srv.dir, 'src')} to artifact_path=tree\n`,
        stderr: '',
      });
      expect(
        (await cli(['artifacts', 'log-artifact', '--local-file', join(srv.dir, 'one.txt'), '--run-id', run]))
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

      const byRun = await cli(['artifacts', 'download', '-r', run, '-a', 'tree', '-d', join(srv.dir, 'out')]);
      expect(byRun).toEqual({ code: 0, stdout: `\n${join(srv.dir, 'out', 'tree')}\n`, stderr: '' });
      expect(readFileSync(join(srv.dir, 'out', 'tree', 'sub', 'b.txt'), 'utf8')).toBe('beta!');
      const byUri = await cli([
        'artifacts',
        'download',
        '-u',
        `runs:/${run}/tree/sub`,
        '-d',
        join(srv.dir, 'out2'),
        '--output',
        'json',
      ]);
      expect(JSON.parse(byUri.stdout)).toEqual({ local_path: join(srv.dir, 'out2', 'sub') });
      expect(readFileSync(join(srv.dir, 'out2', 'sub', 'b.txt'), 'utf8')).toBe('beta!');
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
