// The longest suites start first, so that with two at a time they overlap all the others instead
// of running alone at the end. Jest's own order (by the durations it cached, else by file size)
// holds for the rest; a clean clone, as in CI, has no cache.
const Sequencer = require('@jest/test-sequencer').default;

/** Measured on the 2-core reference machine (2026-12-02), longest first. */
const SLOW_FIRST = [
  'test/canonize-differential.e2e-spec.ts',
  'test/periodic-jobs.e2e-spec.ts',
  'test/browser/languages.e2e-spec.ts',
  'test/cli.e2e-spec.ts',
  'test/crash-recovery.e2e-spec.ts',
];

class SlowFirstSequencer extends Sequencer {
  sort(tests) {
    const rank = (test) => {
      const at = SLOW_FIRST.findIndex((path) => test.path.endsWith(path));
      return at < 0 ? SLOW_FIRST.length : at;
    };
    // Array.prototype.sort is stable: the default order stays among equals.
    return [...super.sort(tests)].sort((a, b) => rank(a) - rank(b));
  }
}

module.exports = SlowFirstSequencer;
