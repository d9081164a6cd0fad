import { parseCommandLine, UsageError } from './command-line';

describe('parseCommandLine', () => {
  it('reads a results import with every option', () => {
    expect(
      parseCommandLine([
        'results',
        'import',
        'cohort.csv',
        '--offering',
        'UPM-AIG-01-2026',
        '--dry-run',
        '--as',
        'r@upm.example',
        '--json',
      ]),
    ).toEqual({
      name: 'results import',
      options: { file: 'cohort.csv', offeringCode: 'UPM-AIG-01-2026', dryRun: true, as: 'r@upm.example', json: true },
    });
  });

  it('takes --offering=CODE anywhere, and defaults to a real import', () => {
    expect(parseCommandLine(['results', 'import', '--offering=X-1', 'a.csv'])).toEqual({
      name: 'results import',
      options: { file: 'a.csv', offeringCode: 'X-1', dryRun: false, as: undefined, json: false },
    });
  });

  it('shows help when asked or given nothing', () => {
    expect(parseCommandLine([])).toEqual({ name: 'help' });
    expect(parseCommandLine(['help'])).toEqual({ name: 'help' });
    expect(parseCommandLine(['results', 'import', '--help'])).toEqual({ name: 'help' });
  });

  it.each([
    [['results', 'import', 'a.csv'], /--offering/],
    [['results', 'import', '--offering', 'X-1'], /one FILE/],
    [['results', 'import', 'a.csv', 'b.csv', '--offering', 'X-1'], /one FILE/],
    [['results', 'export', 'a.csv'], /Unknown command: results export/],
    [['results', 'import', 'a.csv', '--offering', 'X-1', '--force'], /--force/],
    [['results', 'import', 'a.csv', '--offering'], /--offering/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseCommandLine(argv)).toThrow(UsageError);
    expect(() => parseCommandLine(argv)).toThrow(message);
  });
});
