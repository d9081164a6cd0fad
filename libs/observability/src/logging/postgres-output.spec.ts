import { postgresOutputForLog } from './postgres-output';

describe('postgresOutputForLog', () => {
  it('keeps the server’s own messages and leaves out what it says about a client’s statement', () => {
    const output = [
      '2026-12-02 07:11:53.529 UTC [123] LOG:  database system is ready to accept connections',
      '2026-12-02 07:12:17.101 UTC [456] ERROR:  duplicate key value violates unique constraint "learner_email_key"',
      '2026-12-02 07:12:17.101 UTC [456] DETAIL:  Key (email)=(ieva.berzina@vid.example) already exists.',
      '2026-12-02 07:12:17.101 UTC [456] STATEMENT:  INSERT INTO learner (email, motivation)',
      '\tVALUES ($1, $2)',
      '2026-12-02 07:13:00.000 UTC [123] LOG:  checkpoint starting: time',
      '',
    ].join('\n');
    expect(postgresOutputForLog(output)).toEqual([
      '2026-12-02 07:11:53.529 UTC [123] LOG:  database system is ready to accept connections',
      '2026-12-02 07:13:00.000 UTC [123] LOG:  checkpoint starting: time',
    ]);
    expect(postgresOutputForLog('initdb: syncing data to disk ... ok')).toEqual(['initdb: syncing data to disk ... ok']);
  });
});
