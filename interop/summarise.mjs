#!/usr/bin/env node
/* global process, console */
/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return -- plain JavaScript reading untyped JSON (HTTP bodies, mocha reports) */
// Reads a mocha JSON report and prints a plain-text summary: the counts, then every failure
// grouped by its reason (the assertion message), then the pending tests.
// usage: node summarise.mjs REPORT.json SUITE_NAME [header lines...]
import { readFileSync } from 'node:fs';

const [file, suite, ...header] = process.argv.slice(2);
if (!file || !suite) {
  console.error('usage: node summarise.mjs REPORT.json SUITE_NAME [header lines...]');
  process.exit(2);
}

let report;
try {
  report = JSON.parse(readFileSync(file, 'utf8'));
} catch (error) {
  console.log(`${suite}: no report (${error.message})`);
  console.log('total 0  passed 0  failed 0  pending 0  (the suite did not run: see its log)');
  process.exit(0);
}

const passes = report.passes ?? [];
const failures = report.failures ?? [];
const pending = report.pending ?? [];
const hookFailures = failures.filter((f) => /^"(before|after)( all| each)?" hook/.test(f.title));

const ANSI_COLOUR = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

/** What an HTTP error carried (the suites' http client puts status and body on the error). */
function httpDetail(err) {
  for (const value of [err.actual, err.expected, err]) {
    if (value && typeof value === 'object' && typeof value.status === 'number' && value.data !== undefined) {
      const data = value.data;
      const messages = Array.isArray(data?.errors)
        ? data.errors.map((e) => (typeof e === 'string' ? e : (e.message ?? e.title ?? JSON.stringify(e))))
        : [typeof data === 'string' ? data : (data?.message ?? JSON.stringify(data))];
      return `HTTP ${value.status}: ${messages.join('; ').slice(0, 300)}`;
    }
  }
  return undefined;
}

/** The reason of a failure: the head of the assertion message, without colour codes or noise. */
function reasonOf(failure) {
  const err = failure.err ?? {};
  let message = String(err.message ?? err.stack ?? 'no message').replace(ANSI_COLOUR, '');
  // chai prints a whole fetch Response; its status is what matters (the rest has dates and ETags)
  message = message.replace(/expected Response \{ status: (\d+), statusText: '([^']*)'[\s\S]*$/, 'expected no response, got HTTP $1 $2');
  message = message.split('\n').slice(0, 4).join(' | ').trim();
  if (message.length > 300) message = `${message.slice(0, 300)}…`;
  const detail = httpDetail(err);
  return (message || 'no message') + (detail ? ` — ${detail}` : '');
}

const lines = [];
lines.push(`# ${suite}`);
for (const line of header) lines.push(line);
lines.push('');
lines.push(
  `total ${passes.length + failures.length + pending.length}  passed ${passes.length}  failed ${failures.length}  pending ${pending.length}` +
    (hookFailures.length ? `  (of the failures, ${hookFailures.length} are hooks: the tests under them did not run)` : ''),
);

if (failures.length) {
  const groups = new Map();
  for (const failure of failures) {
    const reason = reasonOf(failure);
    if (!groups.has(reason)) groups.set(reason, []);
    groups.get(reason).push(failure.fullTitle ?? failure.title);
  }
  const sorted = [...groups.entries()].sort((a, b) => b[1].length - a[1].length);
  lines.push('');
  lines.push(`## Failures, grouped by reason (${groups.size} reasons)`);
  for (const [reason, titles] of sorted) {
    lines.push('');
    lines.push(`### ${titles.length} × ${reason}`);
    for (const title of titles) lines.push(`  - ${title}`);
  }
}

if (pending.length) {
  lines.push('');
  lines.push('## Pending (skipped by the suite itself: it.skip, or this.skip() when a credential lacks an optional field)');
  for (const test of pending) lines.push(`  - ${test.fullTitle ?? test.title}`);
}

console.log(lines.join('\n'));
