// buildProgram loads only the command group argv runs, and the whole tree whenever help or a suggestion may be needed.
import { describe, expect, it } from 'vitest';
import { buildProgram } from './program.js';

const ALL = ['server', 'db', 'experiments', 'runs', 'artifacts'];

async function groupsFor(args: string[] | undefined): Promise<string[]> {
  const program = await buildProgram(
    undefined,
    args === undefined ? undefined : ['node', 'mlflow-ts', ...args],
  );
  return program.commands.map((c) => c.name());
}

describe('buildProgram', () => {
  it.each<[string[] | undefined, string[]]>([
    [['server', '--port', '0'], ['server']],
    [['ui'], ['server']],
    [['--env-file', '.env', 'runs', 'list'], ['runs']],
    [['--env-file=.env', 'db', 'upgrade'], ['db']],
    [['--env-file', 'server', 'experiments'], ['experiments']],
    [undefined, ALL],
    [[], ALL],
    [['--help'], ALL],
    [['--version'], ALL],
    [['help', 'server'], ALL],
    [['serv'], ALL],
    [['--env-file'], ALL],
  ])('%j → %j', async (args, expected) => {
    expect(await groupsFor(args)).toEqual(expected);
  });
});
