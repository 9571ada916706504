// The `db` command group: `db upgrade <url>` migrates a database of an older MLflow release to 3.18.0's schema.
import { Command } from 'commander';
import { upgradeDatabase } from '@mlflow-ts/store';
import { reportUpgrade } from './db/upgrade-report.js';

async function upgrade(url: string): Promise<void> {
  const write = (line: string) => process.stdout.write(`${line}\n`);
  const outcome = await upgradeDatabase(url);
  reportUpgrade(outcome, write);
}

/**
 * `configure` is the program's own error-output setup, applied to the nested subcommands too
 * (the program applies it only to its direct children).
 */
export function dbCommand(configure: (cmd: Command) => Command = (cmd) => cmd): Command {
  const db = new Command('db')
    .summary('Manage the tracking database')
    .description('Commands for the SQL database behind the tracking server.')
    .helpOption('--help', 'Show this message and exit.');
  db.addCommand(
    configure(
      new Command('upgrade')
        .summary("Migrate a database to MLflow 3.18.0's schema")
        .description(
          "Bring a tracking database written by MLflow 2.9 or later up to MLflow 3.18.0's schema, one alembic " +
            'revision at a time (an empty database gets the whole schema). Back the database up first: on ' +
            'MySQL/MariaDB a failing step cannot be rolled back.',
        )
        .helpOption('--help', 'Show this message and exit.')
        .argument(
          '<url>',
          'Database URI, as for server --backend-store-uri (sqlite:///mlflow.db, postgresql://…)',
        )
        .action(upgrade),
    ),
  );
  return db;
}
