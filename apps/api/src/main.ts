import { Logger } from '@nestjs/common';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, loadSecrets } from '@magix/config';
import { openDatabase } from '@magix/database';
import { DEMO_PASSWORD, DemoSeeder } from '@magix/demo';
import { ShareLinksService } from '@magix/sharing';
import { createApp } from './create-app';
import { exitOnFatal } from './exit-on-fatal';

async function main(): Promise<void> {
  Logger.overrideLogger(process.env.LOG_VERBOSE === 'true' ? ['log', 'warn', 'error', 'debug', 'verbose'] : ['log', 'warn', 'error']);
  const logger = new Logger('MAGIX');
  const config = loadConfig();
  const secrets = loadSecrets(config);
  const database = await openDatabase(config, { log: (line) => logger.verbose(line), notice: (line) => logger.warn(line) });
  logger.log(`Database: ${database.description}`);
  const app = await createApp({ config, secrets, databaseUrl: database.url });
  const shutdown = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
  await app.listen(config.port, config.host);
  logger.log(`GraphQL API on ${config.publicUrl}/graphql`);
  if (config.seedDemo) await printDemo(app.get(DemoSeeder), app.get(ShareLinksService), config.publicUrl, config.dataDir, logger);
}

async function printDemo(
  seeder: DemoSeeder,
  shareLinks: ShareLinksService,
  publicUrl: string,
  dataDir: string,
  logger: Logger,
): Promise<void> {
  const lines = seeder.accounts().map((a) => `  ${a.role.padEnd(8)} ${a.email.padEnd(32)} ${a.acts}`);
  logger.log(`Demo accounts (password "${DEMO_PASSWORD}"):\n${lines.join('\n')}`);
  const sample = await seeder.sampleCredential();
  if (sample) {
    const file = join(dataDir, 'demo-credential.json');
    writeFileSync(file, sample.json);
    logger.log(`A demo credential to verify (query verifyCredential): ${file}`);
    const link = await shareLinks.demoLink(sample);
    logger.log(
      `Web pages: verify ${publicUrl}/verify · learner ${publicUrl}/learner · dashboard (ADMIN) ${publicUrl}/dashboard\n` +
        `  Paste ${file} into ${publicUrl}/verify${link ? `, or open its share link ${shareLinks.urlOf(link)}` : ''}`,
    );
  }
}

main().catch(exitOnFatal);
