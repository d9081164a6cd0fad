import { Logger } from '@nestjs/common';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, loadSecrets } from '@magix/config';
import { openDatabase } from '@magix/database';
import { DEMO_PASSWORD, DemoSeeder } from '@magix/demo';
import { configureLogging, logSettings, nestLevelsFor, PinoLoggerService, postgresOutputForLog } from '@magix/observability';
import { ShareLinksService } from '@magix/sharing';
import { createApp } from './create-app';
import { exitOnFatal } from './exit-on-fatal';

async function main(): Promise<void> {
  // Every log line is one JSON object on stdout (docs/operations.md); LOG_FORMAT=pretty for a person.
  const logging = logSettings();
  configureLogging(logging);
  Logger.overrideLogger(new PinoLoggerService());
  const logger = new Logger('MAGIX');
  const config = loadConfig();
  const secrets = loadSecrets(config);
  const database = await openDatabase(config, {
    log: (output) => postgresOutputForLog(output).forEach((line) => logger.verbose(line)),
    notice: (line) => logger.warn(line),
  });
  logger.log(`Database: ${database.description}`);
  const app = await createApp({ config, secrets, databaseUrl: database.url, logger: nestLevelsFor(logging.level) });
  const shutdown = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
  await app.listen(config.port, config.host);
  logger.log(`GraphQL API on ${config.publicUrl}/graphql`);
  if (config.seedDemo) await printDemo(app.get(DemoSeeder), app.get(ShareLinksService), config.publicUrl, config.dataDir);
}

/**
 * The demo's accounts and addresses, for the person who typed `npm start`: plain text on stderr,
 * once, beside the JSON log on stdout (so the log holds no e-mail address, and stays parseable).
 */
async function printDemo(seeder: DemoSeeder, shareLinks: ShareLinksService, publicUrl: string, dataDir: string): Promise<void> {
  const say = (text: string) => process.stderr.write(`${text}\n`);
  const lines = seeder.accounts().map((a) => `  ${a.role.padEnd(8)} ${a.email.padEnd(32)} ${a.acts}`);
  say(`\nDemo accounts (password "${DEMO_PASSWORD}"):\n${lines.join('\n')}`);
  const sample = await seeder.sampleCredential();
  if (sample) {
    const file = join(dataDir, 'demo-credential.json');
    writeFileSync(file, sample.json);
    say(`A demo credential to verify (query verifyCredential): ${file}`);
    const link = await shareLinks.demoLink(sample);
    say(
      `Web pages: verify ${publicUrl}/verify · learner ${publicUrl}/learner · dashboard (ADMIN) ${publicUrl}/dashboard\n` +
        `  Paste ${file} into ${publicUrl}/verify${link ? `, or open its share link ${shareLinks.urlOf(link)}` : ''}\n`,
    );
  }
}

main().catch(exitOnFatal);
